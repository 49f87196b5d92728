using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>The HDLC link (IEC 62056-46): framing, addressing, negotiation, check sequences, FRMR, segmentation, windows.</summary>
    internal static class HdlcChecks
    {
        private const string Negotiation = "IEC 62056-46 6.4.4.4.3.2 (SNRM/UA, parameter negotiation)";
        private const string Addressing = "IEC 62056-46 6.4.2.2 (HDLC addresses)";
        private const string CheckSequence = "IEC 62056-46 6.4.4.7 (HCS/FCS): a frame with a wrong check sequence is discarded";
        private const string FrameTypes = "IEC 62056-46 6.4.3 (commands and responses: SNRM, DISC, UA, DM, FRMR)";
        private const string FrameReject = "IEC 62056-46 6.4.3 (FRMR and its information field W/X/Y/Z)";
        private const string Segmentation = "IEC 62056-46 6.4.4.4.3.4 (segmentation, S bit)";

        public static IReadOnlyList<ConformanceCheck> All { get; } = new[]
        {
            new ConformanceCheck("hdlc.snrm-ua", "an SNRM without information field is answered with UA (F=1) and valid parameters", Negotiation, SnrmUaAsync),
            new ConformanceCheck("hdlc.snrm-negotiation", "an SNRM proposing 64-byte information fields gets a UA granting no more", Negotiation, NegotiationAsync),
            new ConformanceCheck("hdlc.address-1byte", "a 1-byte server address (logical device only) is answered", Addressing, a => AddressAsync(a, HdlcAddressSize.One)),
            new ConformanceCheck("hdlc.address-4byte", "a 4-byte server address is answered in the same form", Addressing, a => AddressAsync(a, HdlcAddressSize.Four)),
            new ConformanceCheck("hdlc.other-station-ignored", "a frame for another physical address gets no answer", Addressing, OtherStationAsync),
            new ConformanceCheck("hdlc.bad-hcs-dropped", "an I-frame with a wrong HCS is dropped silently and the link goes on", CheckSequence, c => BadCheckSequenceAsync(c, true)),
            new ConformanceCheck("hdlc.bad-fcs-dropped", "an I-frame with a wrong FCS is dropped silently and the link goes on", CheckSequence, c => BadCheckSequenceAsync(c, false)),
            new ConformanceCheck("hdlc.snrm-bad-hcs-dropped", "an SNRM with a wrong HCS gets no UA", CheckSequence, SnrmBadHcsAsync),
            new ConformanceCheck("hdlc.disc-ua", "DISC on a connected link is answered with UA", FrameTypes, DiscAsync),
            new ConformanceCheck("hdlc.ndm-disc-dm", "DISC on a disconnected link is answered with DM", FrameTypes, c => DisconnectedAsync(c, false)),
            new ConformanceCheck("hdlc.ndm-i-frame-dm", "an I-frame on a disconnected link is answered with DM", FrameTypes, c => DisconnectedAsync(c, true)),
            new ConformanceCheck("hdlc.i-frame-sequence", "over an association and two GETs, N(S)/N(R) count correctly and replies carry LLC E6 E7 00",
                "IEC 62056-46 6.4.3.3 (control field, N(S)/N(R)); Green Book 8.3.2.2 (LLC header)", SequenceAsync),
            new ConformanceCheck("hdlc.rr-poll", "RR with P=1 and nothing to send is answered with RR (F=1) acknowledging what was received", FrameTypes, ReceiveReadyAsync),
            new ConformanceCheck("hdlc.frmr-invalid-control", "an unsupported command (REJ) is answered with FRMR, reason W, rejected control byte echoed", FrameReject, InvalidControlAsync),
            new ConformanceCheck("hdlc.frmr-info-too-long", "an I-frame longer than the negotiated length is answered with FRMR, reason Y", FrameReject, InfoTooLongAsync),
            new ConformanceCheck("hdlc.frmr-invalid-nr", "an I-frame acknowledging a frame never sent (N(R)=5) is answered with FRMR, reason Z", FrameReject, InvalidNrAsync),
            new ConformanceCheck("hdlc.frmr-recovery", "after FRMR, SNRM re-initialises the link and associations work again", FrameReject, RecoveryAsync),
            new ConformanceCheck("hdlc.segmented-request", "a request in 32-byte segments is acknowledged with RR per segment and answered once whole", Segmentation, SegmentedRequestAsync),
            new ConformanceCheck("hdlc.segmented-reply", "a reply longer than 32 bytes comes in segments (S=1), each within the limit, continued on RR", Segmentation, c => SegmentedReplyAsync(c, 1)),
            new ConformanceCheck("hdlc.window", "with a window of 7 proposed, the server sends at most its window of segments before passing the turn",
                "IEC 62056-46 6.4.4.4.3.2 (window size) and 6.4.4.4.3.4", c => SegmentedReplyAsync(c, 7)),
            new ConformanceCheck("hdlc.long-frame", "frames longer than 255 bytes carry the 11-bit frame length", "IEC 62056-46 6.4.4.2 (frame format field)", LongFrameAsync),
            new ConformanceCheck("hdlc.no-llc-discarded", "an I-frame without the LLC header gets no application reply", "Green Book 8.3.2.2 (LLC sublayer)", NoLlcAsync),
        };

        private static async Task SnrmUaAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            HdlcFrame ua = await h.ConnectAsync().ConfigureAwait(false);
            HdlcParameters p = h.ServerStated!;
            CheckContext.Require(p.MaxInfoTransmit >= 32 && p.MaxInfoReceive >= 32, "the UA states information lengths below 32: " + p);
            CheckContext.Require(p.WindowTransmit >= 1 && p.WindowReceive >= 1, "the UA states a window of 0");
            CheckContext.Require(ua.Information.Length == 0 || (ua.Information[0] == 0x81 && ua.Information[1] == 0x80 && ua.Information[2] == ua.Information.Length - 3),
                "the UA's parameter field is not 81 80 <length of the rest>");
        }

        private static async Task NegotiationAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync(new HdlcParameters(64, 64, 1, 1)).ConfigureAwait(false);
            HdlcParameters p = h.ServerStated!;
            CheckContext.Require(p.MaxInfoTransmit <= 64, "the client can receive 64 bytes, the UA says the server transmits " + p.MaxInfoTransmit);
            CheckContext.Require(p.MaxInfoReceive <= 64, "the client transmits 64 bytes at most, the UA says the server receives " + p.MaxInfoReceive);
            CheckContext.Require(p.WindowTransmit == 1 && p.WindowReceive == 1, "window 1 was proposed, the UA says " + p.WindowTransmit + "/" + p.WindowReceive);
        }

        private static async Task AddressAsync(CheckContext c, HdlcAddressSize size)
        {
            byte[] address = HdlcAddress.Server(c.Options.ServerLogical, size == HdlcAddressSize.One ? null : c.Options.ServerPhysical, size);
            HdlcProbe h = await c.OpenHdlcAsync(null, address).ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(h).ConfigureAwait(false);
        }

        private static async Task OtherStationAsync(CheckContext c)
        {
            int other = c.Options.ServerPhysical == 99 ? 98 : 99;
            HdlcProbe h = await c.OpenHdlcAsync(null, HdlcAddress.Server(c.Options.ServerLogical, other)).ConfigureAwait(false);
            await h.Link.SendAsync(h.Frame(HdlcFrame.Snrm), "SNRM to physical address " + other).ConfigureAwait(false);
            byte[]? frame = await h.Link.ReceiveHdlcAsync(c.Options.QuietTime).ConfigureAwait(false);
            CheckContext.Require(frame is null, "the server answered a frame addressed to physical address " + other);
        }

        private static async Task BadCheckSequenceAsync(CheckContext c, bool header)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            byte[] aarq = CheckHelpers.Aarq();
            byte[] info = HdlcTransport.LlcRequest.Concat(aarq).ToArray();
            byte[] bad = h.Frame(HdlcFrame.InformationControl(0, 0), info);
            int hcs = 3 + HdlcAddress.Server(c.Options.ServerLogical, c.Options.ServerPhysical).Length + 1 + 1;
            bad[header ? hcs : bad.Length - 3] ^= 0x5A;
            await h.Link.SendAsync(bad, header ? "AARQ with a wrong HCS" : "AARQ with a wrong FCS").ConfigureAwait(false);
            byte[]? answer = await h.Link.ReceiveHdlcAsync(c.Options.QuietTime).ConfigureAwait(false);
            CheckContext.Require(answer is null, "the server answered a frame with a wrong " + (header ? "HCS" : "FCS"));
            // The same AARQ, now correct, still has N(S)=0: the bad frame moved nothing.
            await CheckHelpers.AssociateAsync(h).ConfigureAwait(false);
        }

        private static async Task SnrmBadHcsAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            byte[] bad = h.Frame(HdlcFrame.Snrm);
            bad[^2] ^= 0x5A;
            await h.Link.SendAsync(bad, "SNRM with a wrong HCS").ConfigureAwait(false);
            byte[]? answer = await h.Link.ReceiveHdlcAsync(c.Options.QuietTime).ConfigureAwait(false);
            CheckContext.Require(answer is null, "the server answered an SNRM with a wrong HCS");
            await h.ConnectAsync().ConfigureAwait(false);
        }

        private static async Task DiscAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            HdlcFrame? reply = await h.DisconnectAsync().ConfigureAwait(false);
            CheckContext.Require(reply is not null, "no answer to DISC");
            CheckContext.Require(reply!.ControlWithoutPollFinal == 0x63 && reply.IsPollFinal, "DISC was answered with " + reply.Describe() + ", not UA (F=1)");
        }

        private static async Task DisconnectedAsync(CheckContext c, bool information)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            byte[] frame = information
                ? h.Frame(HdlcFrame.InformationControl(0, 0), HdlcTransport.LlcRequest.Concat(CheckHelpers.Aarq()).ToArray())
                : h.Frame(HdlcFrame.Disc);
            HdlcFrame? reply = await h.SendReceiveAsync(frame, information ? "AARQ in an I-frame before any SNRM" : "DISC before any SNRM").ConfigureAwait(false);
            CheckContext.Require(reply is not null, "no answer on a disconnected link");
            CheckContext.Require(reply!.ControlWithoutPollFinal == 0x0F, "a disconnected link answered " + reply.Describe() + " instead of DM");
        }

        private static async Task SequenceAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(h).ConfigureAwait(false);
            for (int i = 0; i < 2; i++)
            {
                byte[]? reply = await h.ExchangeAsync(CheckHelpers.SampleGet(c)).ConfigureAwait(false);
                Replies.RequireGetNormal(reply, CheckHelpers.InvokeId, "GET " + CheckHelpers.SampleAttribute(c));
            }
            CheckContext.Require(h.SendSequence == 3 && h.ReceiveSequence == 3, "after three exchanges V(S)/V(R) should be 3/3");
        }

        private static async Task ReceiveReadyAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(h).ConfigureAwait(false);
            HdlcFrame? rr = await h.SendReceiveAsync(h.Frame(HdlcFrame.ReceiveReadyControl(h.ReceiveSequence)), "RR, P=1").ConfigureAwait(false);
            CheckContext.Require(rr is not null, "no answer to RR with P=1");
            CheckContext.Require(rr!.IsReceiveReady && rr.IsPollFinal, "RR with P=1 was answered with " + rr.Describe() + ", not RR (F=1)");
            CheckContext.Require(rr.ReceiveSequence == h.SendSequence, "the RR acknowledges N(R)=" + rr.ReceiveSequence + ", the client sent " + h.SendSequence + " frames");
        }

        private static async Task<HdlcFrame> ExpectFrameRejectAsync(HdlcProbe h, byte[] frame, string note, byte sentControl, byte reason, string reasonName)
        {
            HdlcFrame? reply = await h.SendReceiveAsync(frame, note).ConfigureAwait(false);
            CheckContext.Require(reply is not null, "no answer to " + note);
            CheckContext.Require(reply!.ControlWithoutPollFinal == 0x87, note + " was answered with " + reply.Describe() + ", not FRMR");
            CheckContext.Require(reply.Information.Length >= 3, "the FRMR has no 3-byte information field (rejected control, V(S)/V(R), reason)");
            CheckContext.Require(reply.Information[0] == sentControl, "the FRMR names control " + reply.Information[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
                + " as rejected, the frame had " + sentControl.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            CheckContext.Require((reply.Information[2] & reason) != 0, "the FRMR reason " + reply.Information[2].ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " lacks " + reasonName);
            return reply;
        }

        private static async Task InvalidControlAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            const byte rej = 0x19;
            await ExpectFrameRejectAsync(h, h.Frame(rej), "REJ N(R)=0 P=1", rej, 0x01, "W (invalid control)").ConfigureAwait(false);
        }

        private static async Task InfoTooLongAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync(new HdlcParameters(64, 128, 1, 1)).ConfigureAwait(false);
            int limit = h.ServerStated!.MaxInfoReceive;
            CheckContext.Require(limit <= 64, "the server's receive length " + limit + " is above the 64 bytes proposed");
            byte[] info = new byte[limit + 36];
            HdlcTransport.LlcRequest.CopyTo(info, 0);
            byte control = HdlcFrame.InformationControl(0, 0);
            await ExpectFrameRejectAsync(h, h.Frame(control, info), "I-frame of " + info.Length + " information bytes (negotiated " + limit + ")", control, 0x04, "Y (information field too long)").ConfigureAwait(false);
        }

        private static async Task InvalidNrAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            byte control = HdlcFrame.InformationControl(0, 5);
            byte[] info = HdlcTransport.LlcRequest.Concat(CheckHelpers.Aarq()).ToArray();
            await ExpectFrameRejectAsync(h, h.Frame(control, info), "AARQ in an I-frame with N(R)=5", control, 0x08, "Z (invalid N(R))").ConfigureAwait(false);
        }

        private static async Task RecoveryAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            await ExpectFrameRejectAsync(h, h.Frame(0x19), "REJ N(R)=0 P=1", 0x19, 0x01, "W (invalid control)").ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(h).ConfigureAwait(false);
        }

        private static async Task SegmentedRequestAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync(new HdlcParameters(32, 128, 1, 1)).ConfigureAwait(false);
            CheckContext.Require(h.Negotiated.MaxInfoTransmit <= 32, "the negotiated transmit length is " + h.Negotiated.MaxInfoTransmit);
            await CheckHelpers.AssociateAsync(h).ConfigureAwait(false);
            c.Note("the AARQ (" + (CheckHelpers.Aarq().Length + 3) + " bytes with LLC) went in segments of " + h.Negotiated.MaxInfoTransmit);
        }

        private static async Task SegmentedReplyAsync(CheckContext c, int window)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync(new HdlcParameters(128, 32, window, window)).ConfigureAwait(false);
            if (window > 1 && h.ServerStated!.WindowTransmit <= 1)
            {
                throw CheckContext.NotApplicable("the server's UA states a transmit window of " + h.ServerStated.WindowTransmit);
            }
            CheckContext.Require(h.ServerStated!.MaxInfoTransmit <= 32, "32 bytes were proposed, the server transmits up to " + h.ServerStated.MaxInfoTransmit);
            await CheckHelpers.AssociateAsync(h, 512).ConfigureAwait(false);
            byte[]? reply = await h.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, ObjectList.Attribute)).ConfigureAwait(false);
            CheckContext.Require(reply is { Length: > 32 }, "the object list reply is " + Replies.Describe(reply));
            CheckContext.Require(reply![0] == 0xC4, "the object list read was answered with " + Replies.Describe(reply));
            c.Note("a reply of " + reply.Length + " bytes came in frames of at most " + h.Negotiated.MaxInfoReceive + " bytes, window " + h.Negotiated.WindowReceive);
        }

        private static async Task LongFrameAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync(new HdlcParameters(128, 1024, 1, 1)).ConfigureAwait(false);
            if (h.ServerStated!.MaxInfoTransmit <= 255)
            {
                throw CheckContext.NotApplicable("the server transmits at most " + h.ServerStated.MaxInfoTransmit + " bytes per frame");
            }
            await CheckHelpers.AssociateAsync(h).ConfigureAwait(false);
            byte[]? reply = await h.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, ObjectList.Attribute)).ConfigureAwait(false);
            CheckContext.Require(reply is not null && reply[0] == 0xC4, "the object list read was answered with " + Replies.Describe(reply));
            CheckExchange? longFrame = c.Exchanges.FirstOrDefault(e => e.Direction == "<-" && e.Bytes.Length > 257);
            if (longFrame is null)
            {
                throw CheckContext.NotApplicable("no reply frame was longer than 255 bytes");
            }
            int length = ((longFrame.Bytes[1] & 0x07) << 8) | longFrame.Bytes[2];
            CheckContext.Require(length == longFrame.Bytes.Length - 2, "a long frame's length field says " + length + " for " + (longFrame.Bytes.Length - 2) + " bytes");
        }

        private static async Task NoLlcAsync(CheckContext c)
        {
            HdlcProbe h = await c.OpenHdlcAsync().ConfigureAwait(false);
            await h.ConnectAsync().ConfigureAwait(false);
            HdlcFrame? reply = await h.SendReceiveAsync(h.Frame(HdlcFrame.InformationControl(0, 0), CheckHelpers.Aarq()), "AARQ without the LLC header", c.Options.QuietTime).ConfigureAwait(false);
            CheckContext.Require(reply is null || reply.IsReceiveReady, "an I-frame without LLC header was answered with " + reply!.Describe());
        }
    }
}
