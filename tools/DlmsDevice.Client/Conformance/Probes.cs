using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>An APDU channel of the battery: HDLC or wrapper, with time-outs; null means no answer.</summary>
    public interface IProbeChannel
    {
        /// <summary>Sends one APDU and returns the reply APDU, or null when none came in time.</summary>
        Task<byte[]?> ExchangeAsync(byte[] apdu, TimeSpan? timeout = null);

        /// <summary>True once the server closed the connection.</summary>
        bool Closed { get; }
    }

    /// <summary>
    /// The client side of HDLC for the battery (IEC 62056-46): frames built here, every reply
    /// checked for its addresses, sequence numbers and LLC header; a broken rule fails the check.
    /// </summary>
    public sealed class HdlcProbe : IProbeChannel
    {
        private readonly CheckContext _context;
        private readonly byte[] _server;
        private readonly byte[] _client;

        internal HdlcProbe(CheckContext context, RawLink link, byte[] server, byte client)
        {
            _context = context;
            Link = link;
            _server = server;
            _client = new[] { client };
        }

        /// <summary>The connection.</summary>
        public RawLink Link { get; }

        /// <summary>The limits from the UA, from the client's point of view.</summary>
        public HdlcParameters Negotiated { get; private set; } = HdlcParameters.Default;

        /// <summary>The UA's parameters as the server stated them (its own point of view).</summary>
        public HdlcParameters? ServerStated { get; private set; }

        /// <summary>V(S): the next N(S) to send.</summary>
        public int SendSequence { get; set; }

        /// <summary>V(R): the next N(S) expected.</summary>
        public int ReceiveSequence { get; set; }

        /// <inheritdoc/>
        public bool Closed => Link.Closed;

        /// <summary>A frame from the client to the server.</summary>
        public byte[] Frame(byte control, ReadOnlySpan<byte> information = default, bool segmented = false) =>
            HdlcFrame.Encode(_server, _client, control, information, segmented);

        /// <summary>The next frame, or null on time-out. Frames not addressed to this client fail the check.</summary>
        public async Task<HdlcFrame?> ReceiveAsync(TimeSpan? timeout = null)
        {
            byte[]? bytes = await Link.ReceiveHdlcAsync(timeout ?? _context.Options.ReplyTimeout).ConfigureAwait(false);
            if (bytes is null)
            {
                return null;
            }
            HdlcFrame.TryParse(bytes, out HdlcFrame? frame, out _);
            CheckContext.Require(frame is not null, "the server sent a frame that does not parse");
            CheckContext.Require(frame!.Destination.AsSpan().SequenceEqual(_client) && frame.Source.AsSpan().SequenceEqual(_server),
                "the reply's addresses are not ours swapped: destination " + Convert.ToHexString(frame.Destination) + ", source " + Convert.ToHexString(frame.Source)
                + " (expected " + Convert.ToHexString(_client) + " and " + Convert.ToHexString(_server) + ")");
            return frame;
        }

        /// <summary>Sends a frame and returns the next one, or null on time-out.</summary>
        public async Task<HdlcFrame?> SendReceiveAsync(byte[] frame, string? note = null, TimeSpan? timeout = null)
        {
            await Link.SendAsync(frame, note).ConfigureAwait(false);
            return await ReceiveAsync(timeout).ConfigureAwait(false);
        }

        /// <summary>SNRM (with <paramref name="parameters"/> if given) and the UA; fails the check without a UA.</summary>
        public async Task<HdlcFrame> ConnectAsync(HdlcParameters? parameters = null)
        {
            HdlcFrame? ua = await SendReceiveAsync(Frame(HdlcFrame.Snrm, parameters?.Encode() ?? Array.Empty<byte>()), "SNRM").ConfigureAwait(false);
            CheckContext.Require(ua is not null, "no answer to SNRM");
            CheckContext.Require(ua!.ControlWithoutPollFinal == 0x63, "SNRM answered with " + ua.Describe() + " instead of UA");
            CheckContext.Require(ua.IsPollFinal, "the UA does not have the F bit set");
            HdlcParameters server;
            try
            {
                server = HdlcParameters.Decode(ua.Information);
            }
            catch (DlmsProtocolException e)
            {
                throw CheckContext.Fail("the UA's parameter field does not decode: " + e.Message);
            }
            ServerStated = server;
            Negotiated = new HdlcParameters(
                Math.Min(server.MaxInfoReceive, parameters?.MaxInfoTransmit ?? 128),
                server.MaxInfoTransmit,
                Math.Min(server.WindowReceive, parameters?.WindowTransmit ?? 1),
                server.WindowTransmit);
            SendSequence = 0;
            ReceiveSequence = 0;
            return ua;
        }

        /// <summary>
        /// Sends an APDU (LLC header, segments when longer than the negotiated length, each
        /// acknowledged with RR) and collects the reply (RR for every segment passed with F).
        /// Returns the reply APDU without LLC, or null when no reply came in time.
        /// </summary>
        public async Task<byte[]?> ExchangeAsync(byte[] apdu, TimeSpan? timeout = null)
        {
            byte[] payload = new byte[3 + apdu.Length];
            HdlcTransport.LlcRequest.CopyTo(payload, 0);
            apdu.CopyTo(payload, 3);
            int max = Math.Max(1, Negotiated.MaxInfoTransmit);
            for (int offset = 0; offset < payload.Length; offset += max)
            {
                int size = Math.Min(max, payload.Length - offset);
                bool more = offset + size < payload.Length;
                byte[] frame = Frame(HdlcFrame.InformationControl(SendSequence, ReceiveSequence), payload.AsSpan(offset, size), more);
                SendSequence = (SendSequence + 1) & 7;
                await Link.SendAsync(frame, more ? "segment of the request" : null).ConfigureAwait(false);
                if (more)
                {
                    HdlcFrame? rr = await ReceiveAsync(timeout).ConfigureAwait(false);
                    if (rr is null)
                    {
                        return null;
                    }
                    CheckContext.Require(rr.IsReceiveReady, "a request segment was answered with " + rr.Describe() + " instead of RR");
                    CheckContext.Require(rr.ReceiveSequence == SendSequence, "the RR acknowledges N(R)=" + rr.ReceiveSequence + ", expected " + SendSequence);
                }
            }
            return await ReceiveReplyAsync(timeout).ConfigureAwait(false);
        }

        /// <summary>Collects a (possibly segmented) reply to a request already sent.</summary>
        public async Task<byte[]?> ReceiveReplyAsync(TimeSpan? timeout = null)
        {
            var reply = new List<byte>();
            int inWindow = 0;
            while (true)
            {
                HdlcFrame? frame = await ReceiveAsync(timeout).ConfigureAwait(false);
                if (frame is null)
                {
                    return reply.Count == 0 ? null : throw CheckContext.Fail("the reply stopped after " + reply.Count + " bytes of segments");
                }
                CheckContext.Require(frame.ControlWithoutPollFinal != 0x0F, "the server answered DM: the link is disconnected");
                CheckContext.Require(frame.ControlWithoutPollFinal != 0x87, "the server answered FRMR " + Convert.ToHexString(frame.Information));
                if (!frame.IsInformation)
                {
                    continue;
                }
                CheckContext.Require(frame.SendSequence == ReceiveSequence, "the reply I-frame has N(S)=" + frame.SendSequence + ", expected " + ReceiveSequence);
                CheckContext.Require(frame.ReceiveSequence == SendSequence, "the reply I-frame acknowledges N(R)=" + frame.ReceiveSequence + ", expected " + SendSequence);
                CheckContext.Require(frame.Information.Length <= Negotiated.MaxInfoReceive,
                    "a reply frame carries " + frame.Information.Length + " information bytes, more than the negotiated " + Negotiated.MaxInfoReceive);
                ReceiveSequence = (ReceiveSequence + 1) & 7;
                reply.AddRange(frame.Information);
                inWindow++;
                CheckContext.Require(inWindow <= Math.Max(1, Negotiated.WindowReceive), "the server sent " + inWindow + " frames without passing the turn; the window is " + Negotiated.WindowReceive);
                if (!frame.Segmented)
                {
                    break;
                }
                if (frame.IsPollFinal)
                {
                    inWindow = 0;
                    await Link.SendAsync(Frame(HdlcFrame.ReceiveReadyControl(ReceiveSequence)), "RR: send the next segment").ConfigureAwait(false);
                }
            }
            CheckContext.Require(reply.Count >= 3 && reply[0] == 0xE6 && reply[1] == 0xE7 && reply[2] == 0x00,
                "the reply does not start with the LLC header E6 E7 00");
            return reply.GetRange(3, reply.Count - 3).ToArray();
        }

        /// <summary>DISC and its answer (UA or DM), or null on time-out.</summary>
        public Task<HdlcFrame?> DisconnectAsync() => SendReceiveAsync(Frame(HdlcFrame.Disc), "DISC");
    }

    /// <summary>The client side of the wrapper for the battery (IEC 62056-47): every reply header checked.</summary>
    public sealed class WrapperProbe : IProbeChannel
    {
        private readonly CheckContext _context;

        internal WrapperProbe(CheckContext context, RawLink link, ushort clientWPort, ushort serverWPort)
        {
            _context = context;
            Link = link;
            ClientWPort = clientWPort;
            ServerWPort = serverWPort;
        }

        /// <summary>The connection.</summary>
        public RawLink Link { get; }

        /// <summary>Source wPort of requests.</summary>
        public ushort ClientWPort { get; }

        /// <summary>Destination wPort of requests.</summary>
        public ushort ServerWPort { get; }

        /// <inheritdoc/>
        public bool Closed => Link.Closed;

        /// <summary>A wrapper PDU from the client.</summary>
        public byte[] Pdu(byte[] apdu) => WrapperTransport.Encode(ClientWPort, ServerWPort, apdu);

        /// <inheritdoc/>
        public async Task<byte[]?> ExchangeAsync(byte[] apdu, TimeSpan? timeout = null)
        {
            await Link.SendAsync(Pdu(apdu)).ConfigureAwait(false);
            return await ReceiveAsync(timeout).ConfigureAwait(false);
        }

        /// <summary>The next reply APDU with its header checked, or null on time-out.</summary>
        public async Task<byte[]?> ReceiveAsync(TimeSpan? timeout = null)
        {
            byte[]? pdu = await Link.ReceiveWrapperAsync(timeout ?? _context.Options.ReplyTimeout).ConfigureAwait(false);
            if (pdu is null)
            {
                return null;
            }
            int version = (pdu[0] << 8) | pdu[1];
            int source = (pdu[2] << 8) | pdu[3];
            int destination = (pdu[4] << 8) | pdu[5];
            CheckContext.Require(version == 1, "the reply's wrapper version is " + version + ", not 1");
            CheckContext.Require(source == ServerWPort && destination == ClientWPort, string.Create(CultureInfo.InvariantCulture,
                $"the reply's wPorts are {source} -> {destination}, expected {ServerWPort} -> {ClientWPort}"));
            return pdu.AsSpan(8).ToArray();
        }
    }
}
