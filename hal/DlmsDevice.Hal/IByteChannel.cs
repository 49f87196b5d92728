namespace DlmsDevice.Hal
{
    /// <summary>
    /// A bidirectional byte stream to one peer: a UART/RS-485 port, a TCP connection, a pty.
    /// </summary>
    public interface IByteChannel
    {
        /// <summary>
        /// Reads up to <paramref name="count"/> bytes into <paramref name="buffer"/>, waiting at most
        /// <paramref name="timeoutMilliseconds"/>.
        /// </summary>
        /// <returns>The number of bytes read; 0 on time-out; -1 when the channel is closed.</returns>
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>Writes <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
