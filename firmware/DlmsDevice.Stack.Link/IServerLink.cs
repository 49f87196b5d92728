namespace DlmsDevice.Stack
{
    /// <summary>
    /// The server side of a link layer on one byte stream: HDLC (<see cref="Hdlc.HdlcServerLink"/>)
    /// or the TCP wrapper (<see cref="Wrapper.WrapperServerChannel"/>). Both have this one shape,
    /// so the device runtime drives them alike: a stream opens, bytes arrive, time passes, the
    /// stream closes. Complete requests go up to the link's <see cref="IApduHandler"/>; frames
    /// go out on the link's byte channel before a call returns.
    /// </summary>
    public interface IServerLink
    {
        /// <summary>
        /// A new byte stream starts (a TCP connection accepted, a serial port opened): no link and
        /// no association yet, partial frames forgotten, the inactivity timer starts at
        /// <paramref name="nowMilliseconds"/>.
        /// </summary>
        void Open(long nowMilliseconds);

        /// <summary>Feeds bytes read from the stream.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="nowMilliseconds">A monotonic clock (for the inactivity timer).</param>
        /// <returns>What the owner of the stream must do next.</returns>
        LinkStatus Receive(byte[] data, int offset, int count, long nowMilliseconds);

        /// <summary>Lets time-driven work run (the inactivity time-out); call it periodically.</summary>
        LinkStatus Poll(long nowMilliseconds);

        /// <summary>
        /// The byte stream ended: the link and the application association on it end too
        /// (<see cref="IApduHandler.LinkClosed"/> when a link was up). The link keeps its buffers
        /// for the next <see cref="Open"/>.
        /// </summary>
        void Close();
    }

    /// <summary>What a link asks of the owner of its byte stream.</summary>
    public enum LinkStatus
    {
        /// <summary>Go on.</summary>
        Active,

        /// <summary>
        /// The link's inactivity time-out fired (HDLC: the link dropped to NDM and the
        /// association ended, IEC 62056-46; wrapper: no frame for inactivity_time_out, IEC
        /// 62056-47 TCP-UDP setup). A TCP connection is closed; a serial line stays open.
        /// </summary>
        TimedOut,

        /// <summary>The stream cannot go on (a wrapper frame with a bad version leaves no frame boundary to find): close it.</summary>
        Broken,
    }
}
