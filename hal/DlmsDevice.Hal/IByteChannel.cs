namespace DlmsDevice.Hal
{
    /// <summary>
    /// A bidirectional byte stream to one peer: a UART/RS-485 port, a TCP connection, a pty. The
    /// device runtime reads requests from it and the link layer writes its frames to it.
    /// </summary>
    public interface IByteChannel
    {
        /// <summary>
        /// Reads up to <paramref name="count"/> bytes into <paramref name="buffer"/>, waiting at most
        /// <paramref name="timeoutMilliseconds"/> (0: only what is already there).
        /// </summary>
        /// <returns>The number of bytes read; 0 on time-out; -1 when the channel is closed.</returns>
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>
        /// Writes <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>:
        /// one call carries one complete frame. A channel that fails drops the bytes (the next
        /// <see cref="Read"/> reports it closed); it does not throw.
        /// </summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Ends the stream: a TCP connection is closed, a serial port released. A <see cref="Read"/>
        /// waiting on another thread returns -1. Calling it again does nothing.
        /// </summary>
        void Close();
    }
}
