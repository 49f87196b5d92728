using DlmsDevice.Stack;
using DlmsDevice.Stack.Hdlc;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>An HDLC server link (IEC 62056-46) on a TCP connection or a serial line.</summary>
    public sealed class HdlcLinkChannel : ILinkChannel
    {
        private readonly HdlcServerLink _link;
        private readonly IApduHandler _handler;

        /// <summary>Creates the HDLC link for one byte stream.</summary>
        public HdlcLinkChannel(HdlcSettings settings, IApduHandler handler, IByteSink sink)
        {
            _handler = handler;
            _link = new HdlcServerLink(settings, handler, sink);
        }

        /// <summary>The link itself (state, negotiated parameters).</summary>
        public HdlcServerLink Link
        {
            get { return _link; }
        }

        /// <inheritdoc />
        public LinkKind Kind
        {
            get { return LinkKind.Hdlc; }
        }

        /// <inheritdoc />
        public bool Receive(byte[] buffer, int offset, int count, long nowMilliseconds)
        {
            // HDLC drops what it cannot read (bad HCS/FCS, noise) and keeps listening.
            _link.Receive(buffer, offset, count, nowMilliseconds);
            return true;
        }

        /// <inheritdoc />
        public void Poll(long nowMilliseconds)
        {
            _link.Poll(nowMilliseconds);
        }

        /// <inheritdoc />
        public void Close()
        {
            // The byte stream is gone with the link still up (no DISC): the association ends.
            if (_link.IsConnected)
            {
                _handler.LinkClosed();
            }
        }
    }
}
