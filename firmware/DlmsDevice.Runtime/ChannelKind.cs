namespace DlmsDevice.Runtime
{
    /// <summary>The byte streams a meter serves, each with its link layer and its rules for closing.</summary>
    public enum ChannelKind
    {
        /// <summary>
        /// HDLC (IEC 62056-46) on a serial line: an RS-485 bus, the optical port after the mode E
        /// switch-over, a USB adapter. The line stays open for good; the HDLC inactivity time-out
        /// only ends the link.
        /// </summary>
        SerialHdlc,

        /// <summary>
        /// The TCP wrapper (IEC 62056-47) on one TCP connection, closed after the TCP-UDP setup's
        /// inactivity_time_out without a frame, or when no association was made in time.
        /// </summary>
        TcpWrapper,

        /// <summary>
        /// HDLC over one TCP connection (as Gurux clients offer it), closed when the HDLC
        /// inactivity time-out ends the link, or when no association was made in time.
        /// </summary>
        TcpHdlc,
    }
}
