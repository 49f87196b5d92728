using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The client side of the HDLC link (IEC 62056-46, normal response mode, one frame outstanding):
    /// SNRM/UA with optional parameter negotiation, I-frames with N(S)/N(R) and the LLC header
    /// (<c>E6 E6 00</c> out, <c>E6 E7 00</c> back), segmented requests when longer than the
    /// negotiated max info length, segmented replies acknowledged with RR after every segment that
    /// has the P/F bit, and DISC. Works over any byte link (TCP socket, serial port).
    /// </summary>
    public sealed class HdlcTransport : IApduTransport
    {
        /// <summary>LLC header of a request (Green Book 8.3.2.2): destination LSAP E6, source LSAP E6, quality 00.</summary>
        public static readonly byte[] LlcRequest = { 0xE6, 0xE6, 0x00 };

        /// <summary>LLC header of a response: E6 E7 00.</summary>
        public static readonly byte[] LlcResponse = { 0xE6, 0xE7, 0x00 };

        private readonly IByteLink _link;
        private readonly byte[] _serverAddress;
        private readonly byte[] _clientAddress;
        private readonly HdlcParameters? _proposed;
        private readonly TimeSpan _timeout;
        private readonly Action<FrameDirection, byte[]>? _trace;
        private byte[] _rx = new byte[4096];
        private int _rxCount;
        private int _sendSequence;
        private int _receiveSequence;

        /// <summary>Creates the transport over an open byte link.</summary>
        /// <param name="link">The byte link.</param>
        /// <param name="serverAddress">Encoded server address (see <see cref="HdlcAddress.Server"/>).</param>
        /// <param name="clientAddress">Encoded client address (see <see cref="HdlcAddress.Client"/>).</param>
        /// <param name="proposed">Parameters for the SNRM information field, or null to send an empty SNRM (defaults 128/1).</param>
        /// <param name="timeout">How long to wait for each reply frame.</param>
        /// <param name="trace">Called with every frame sent and received.</param>
        public HdlcTransport(IByteLink link, byte[] serverAddress, byte clientAddress, HdlcParameters? proposed, TimeSpan timeout, Action<FrameDirection, byte[]>? trace = null)
        {
            _link = link ?? throw new ArgumentNullException(nameof(link));
            _serverAddress = serverAddress ?? throw new ArgumentNullException(nameof(serverAddress));
            _clientAddress = new[] { clientAddress };
            _proposed = proposed;
            _timeout = timeout;
            _trace = trace;
        }

        /// <summary>
        /// The negotiated limits from the client's point of view after <see cref="OpenAsync"/>:
        /// MaxInfoTransmit = longest information field the client may send, MaxInfoReceive = longest
        /// the server will send; likewise the windows.
        /// </summary>
        public HdlcParameters Negotiated { get; private set; } = HdlcParameters.Default;

        /// <inheritdoc/>
        public async Task OpenAsync(CancellationToken cancellationToken)
        {
            byte[] info = _proposed?.Encode() ?? Array.Empty<byte>();
            await SendAsync(HdlcFrame.Encode(_serverAddress, _clientAddress, HdlcFrame.Snrm, info), cancellationToken).ConfigureAwait(false);
            HdlcFrame reply = await ReceiveFrameAsync("waiting for UA to SNRM", cancellationToken).ConfigureAwait(false);
            while (reply.ControlWithoutPollFinal != 0x63)
            {
                if (reply.ControlWithoutPollFinal == 0x0F)
                {
                    throw new DlmsLinkException("The server refused the connection (DM to SNRM): check the server/physical address and client SAP.");
                }
                if (reply.ControlWithoutPollFinal == 0x87)
                {
                    throw new DlmsLinkException("The server answered SNRM with FRMR " + Convert.ToHexString(reply.Information) + ".");
                }
                reply = await ReceiveFrameAsync("waiting for UA to SNRM", cancellationToken).ConfigureAwait(false);
            }
            // The UA states the server's own view: its transmit limit is our receive limit and vice versa.
            // Without a proposal the UA's values stand (a server may offer more than the defaults,
            // as in Trace A (docs/interop.md): 154); with one, never exceed what we proposed to send.
            HdlcParameters server = HdlcParameters.Decode(reply.Information);
            Negotiated = _proposed is null
                ? new HdlcParameters(server.MaxInfoReceive, server.MaxInfoTransmit, server.WindowReceive, server.WindowTransmit)
                : new HdlcParameters(
                    Math.Min(server.MaxInfoReceive, _proposed.MaxInfoTransmit),
                    server.MaxInfoTransmit,
                    Math.Min(server.WindowReceive, _proposed.WindowTransmit),
                    server.WindowTransmit);
            if (Negotiated.MaxInfoTransmit < 8)
            {
                throw new DlmsProtocolException("The server's UA allows only " + Negotiated.MaxInfoTransmit + " information bytes per frame.");
            }
            _sendSequence = 0;
            _receiveSequence = 0;
        }

        /// <inheritdoc/>
        public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
        {
            var payload = new byte[LlcRequest.Length + apdu.Length];
            LlcRequest.CopyTo(payload, 0);
            apdu.Span.CopyTo(payload.AsSpan(LlcRequest.Length));

            // Segmentation (IEC 62056-46 6.4.4.4.3.4): all but the last segment carry S=1; the LLC
            // header is only in the first. Each segment has P=1 and the server acknowledges it with RR.
            int maxInfo = Negotiated.MaxInfoTransmit;
            for (int offset = 0; offset < payload.Length; offset += maxInfo)
            {
                int size = Math.Min(maxInfo, payload.Length - offset);
                bool more = offset + size < payload.Length;
                byte control = HdlcFrame.InformationControl(_sendSequence, _receiveSequence);
                _sendSequence = (_sendSequence + 1) & 7;
                await SendAsync(HdlcFrame.Encode(_serverAddress, _clientAddress, control, payload.AsSpan(offset, size), more), cancellationToken).ConfigureAwait(false);
                if (more)
                {
                    await WaitForReceiveReadyAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            return await ReceiveReplyAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task WaitForReceiveReadyAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                HdlcFrame frame = await ReceiveFrameAsync("waiting for RR to a request segment", cancellationToken).ConfigureAwait(false);
                ThrowOnLinkError(frame);
                if (frame.IsReceiveReady)
                {
                    CheckAcknowledged(frame);
                    return;
                }
            }
        }

        private async Task<byte[]> ReceiveReplyAsync(CancellationToken cancellationToken)
        {
            var reply = new List<byte>();
            int segments = 0;
            while (true)
            {
                HdlcFrame frame = await ReceiveFrameAsync(segments == 0 ? "waiting for the reply I-frame" : "waiting for reply segment " + (segments + 1), cancellationToken).ConfigureAwait(false);
                ThrowOnLinkError(frame);
                if (!frame.IsInformation)
                {
                    // RR/RNR/UI (e.g. a push) while waiting: not the reply.
                    continue;
                }
                if (frame.SendSequence != _receiveSequence)
                {
                    throw new DlmsProtocolException(string.Create(CultureInfo.InvariantCulture,
                        $"HDLC sequence error: expected an I-frame with N(S)={_receiveSequence}, got N(S)={frame.SendSequence}."));
                }
                CheckAcknowledged(frame);
                _receiveSequence = (_receiveSequence + 1) & 7;
                reply.AddRange(frame.Information);
                segments++;
                if (!frame.Segmented)
                {
                    break;
                }
                if (frame.IsPollFinal)
                {
                    // The server passed the turn with more segments to come: ask for the next (RR, P=1).
                    await SendAsync(HdlcFrame.Encode(_serverAddress, _clientAddress, HdlcFrame.ReceiveReadyControl(_receiveSequence), ReadOnlySpan<byte>.Empty), cancellationToken).ConfigureAwait(false);
                }
            }
            if (reply.Count < 3 || reply[0] != 0xE6 || (reply[1] != 0xE7 && reply[1] != 0xE6) || reply[2] != 0x00)
            {
                throw new DlmsProtocolException("HDLC reply without the LLC header E6 E7 00: " + Convert.ToHexString(reply.GetRange(0, Math.Min(3, reply.Count)).ToArray()));
            }
            return reply.GetRange(3, reply.Count - 3).ToArray();
        }

        private void CheckAcknowledged(HdlcFrame frame)
        {
            if (frame.ReceiveSequence != _sendSequence)
            {
                throw new DlmsProtocolException(string.Create(CultureInfo.InvariantCulture,
                    $"HDLC sequence error: the server acknowledged N(R)={frame.ReceiveSequence}, expected {_sendSequence}."));
            }
        }

        private static void ThrowOnLinkError(HdlcFrame frame)
        {
            switch (frame.ControlWithoutPollFinal)
            {
                case 0x0F:
                    throw new DlmsLinkException("The server sent DM: the HDLC link is disconnected.");
                case 0x87:
                    throw new DlmsLinkException("The server rejected a frame (FRMR " + Convert.ToHexString(frame.Information) + ").");
            }
        }

        /// <inheritdoc/>
        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            try
            {
                await SendAsync(HdlcFrame.Encode(_serverAddress, _clientAddress, HdlcFrame.Disc, ReadOnlySpan<byte>.Empty), cancellationToken).ConfigureAwait(false);
                while (true)
                {
                    HdlcFrame reply = await ReceiveFrameAsync("waiting for UA to DISC", cancellationToken).ConfigureAwait(false);
                    if (reply.ControlWithoutPollFinal is 0x63 or 0x0F)
                    {
                        break;
                    }
                }
            }
            finally
            {
                await _link.DisposeAsync().ConfigureAwait(false);
            }
        }

        private async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
        {
            _trace?.Invoke(FrameDirection.Sent, frame);
            await _link.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }

        private Task<HdlcFrame> ReceiveFrameAsync(string what, CancellationToken cancellationToken) =>
            Deadline.RunAsync(ReceiveAddressedFrameAsync, _timeout, cancellationToken, () => what + " from " + _link.Description);

        // Returns the next valid frame from the server to this client. Frames with a bad HCS/FCS
        // are dropped silently (IEC 62056-46 6.4.4.4.1), as are frames for other addresses, e.g.
        // our own frames echoed by an optical head or a half-duplex RS-485 adapter.
        private async Task<HdlcFrame> ReceiveAddressedFrameAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                HdlcParseStatus status = HdlcFrame.TryParse(_rx.AsSpan(0, _rxCount), out HdlcFrame? frame, out int consumed);
                if (status == HdlcParseStatus.NeedMore)
                {
                    if (_rxCount == _rx.Length)
                    {
                        Array.Resize(ref _rx, _rx.Length * 2);
                    }
                    int n = await _link.ReadAsync(_rx.AsMemory(_rxCount), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new DlmsLinkException(_link.Description + " closed the connection.");
                    }
                    _rxCount += n;
                    continue;
                }
                if (status == HdlcParseStatus.Frame)
                {
                    _trace?.Invoke(FrameDirection.Received, _rx.AsSpan(0, consumed + 1).ToArray());
                }
                Buffer.BlockCopy(_rx, consumed, _rx, 0, _rxCount - consumed);
                _rxCount -= consumed;
                if (frame is not null
                    && frame.Destination.AsSpan().SequenceEqual(_clientAddress)
                    && frame.Source.AsSpan().SequenceEqual(_serverAddress))
                {
                    return frame;
                }
            }
        }

        /// <inheritdoc/>
        public ValueTask DisposeAsync() => _link.DisposeAsync();
    }
}
