namespace DlmsDevice.Stack
{
    /// <summary>
    /// Where a link layer (HDLC, wrapper) writes the bytes it transmits: a serial port, a TCP
    /// socket or a test pipe. One call carries one complete frame.
    /// </summary>
    public interface IByteSink
    {
        /// <summary>Writes <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
