using DlmsDevice.Stack;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>The TCP wrapper (IEC 62056-47) on one TCP connection.</summary>
    public sealed class WrapperLinkChannel : ILinkChannel
    {
        private readonly WrapperServerChannel _channel;

        /// <summary>Creates the wrapper channel for one connection.</summary>
        public WrapperLinkChannel(int maxApduSize, IApduHandler handler, IByteSink sink)
        {
            _channel = new WrapperServerChannel(maxApduSize, handler, sink);
        }

        /// <inheritdoc />
        public LinkKind Kind
        {
            get { return LinkKind.Wrapper; }
        }

        /// <inheritdoc />
        public bool Receive(byte[] buffer, int offset, int count, long nowMilliseconds)
        {
            // A bad version leaves no way to find the next frame boundary in the stream: the
            // connection is closed (IEC 62056-47 clause 5). An over-long APDU is answered with
            // pdu-too-long by the channel itself and the connection goes on.
            return _channel.Receive(buffer, offset, count) == WrapperStatus.Ok;
        }

        /// <inheritdoc />
        public void Poll(long nowMilliseconds)
        {
            // The wrapper has no timers: an idle TCP connection stays open.
        }

        /// <inheritdoc />
        public void Close()
        {
            _channel.Close();
        }
    }
}
