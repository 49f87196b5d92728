using DlmsDevice.Stack;

namespace DlmsDevice.Emulator.Tracing
{
    /// <summary>Passes every frame a link sends to the real sink and to the connection's trace.</summary>
    public sealed class TracingByteSink : IByteSink
    {
        private readonly IByteSink _inner;
        private readonly ConnectionTrace _trace;

        /// <summary>Wraps <paramref name="inner"/>, logging to <paramref name="trace"/>.</summary>
        public TracingByteSink(IByteSink inner, ConnectionTrace trace)
        {
            _inner = inner;
            _trace = trace;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _trace.Outbound(buffer, offset, count);
            _inner.Write(buffer, offset, count);
        }
    }
}
