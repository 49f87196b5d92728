using DlmsDevice.Hal;

namespace DlmsDevice.Emulator.Tracing
{
    /// <summary>A byte channel that shows what crosses it: every chunk read and every frame written goes to the connection's trace.</summary>
    public sealed class TracingByteChannel : IByteChannel
    {
        private readonly IByteChannel _inner;
        private readonly ConnectionTrace _trace;

        /// <summary>Wraps <paramref name="inner"/>, logging to <paramref name="trace"/>.</summary>
        public TracingByteChannel(IByteChannel inner, ConnectionTrace trace)
        {
            _inner = inner;
            _trace = trace;
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            int n = _inner.Read(buffer, offset, count, timeoutMilliseconds);
            if (n > 0)
            {
                _trace.Inbound(buffer, offset, n);
            }
            return n;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _trace.Outbound(buffer, offset, count);
            _inner.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Close()
        {
            _inner.Close();
        }
    }
}
