namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// The link layer that sits on one byte stream (a TCP connection or a serial line): an HDLC
    /// server link or a wrapper channel. The stream's read loop feeds it every chunk it reads.
    /// </summary>
    /// <remarks>
    /// Every call comes from the one thread of the owning <see cref="LinkConnection"/> (reads,
    /// polls on read time-outs, close), so implementations need no locking of their own.
    /// </remarks>
    public interface ILinkChannel
    {
        /// <summary>Which link layer this is.</summary>
        LinkKind Kind { get; }

        /// <summary>
        /// Feeds received bytes to the link. Complete requests are answered through the sink the
        /// link was built with.
        /// </summary>
        /// <returns>false when the link wants the byte stream closed (a bad wrapper header, IEC 62056-47 clause 5).</returns>
        bool Receive(byte[] buffer, int offset, int count, long nowMilliseconds);

        /// <summary>Lets time-driven link work run (the HDLC inactivity timeout, IEC 62056-46 clause 6.4.4.3.3).</summary>
        void Poll(long nowMilliseconds);

        /// <summary>The byte stream ended: the link and its application association end too.</summary>
        void Close();
    }

    /// <summary>The link layers a byte stream can carry.</summary>
    public enum LinkKind
    {
        /// <summary>TCP/UDP wrapper (IEC 62056-47), one association per TCP connection.</summary>
        Wrapper,

        /// <summary>HDLC (IEC 62056-46), over TCP or a serial line.</summary>
        Hdlc,
    }
}
