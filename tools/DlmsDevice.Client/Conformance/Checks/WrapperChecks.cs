using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>The TCP wrapper (IEC 62056-47): header, wPorts, framing across TCP segments, bad headers, over-long APDUs.</summary>
    internal static class WrapperChecks
    {
        private const string Header = "IEC 62056-47 clause 5 (wrapper protocol data unit: version, source/destination wPort, length)";

        public static IReadOnlyList<ConformanceCheck> All { get; } = new[]
        {
            new ConformanceCheck("wrapper.header", "replies carry version 1, the wPorts swapped and the APDU's length", Header, HeaderAsync),
            new ConformanceCheck("wrapper.bad-version", "a PDU with version 2 is not served (no AARE; the connection may close)", Header, BadVersionAsync),
            new ConformanceCheck("wrapper.unknown-logical-device", "an AARQ to destination wPort 99 (no such logical device) is not accepted", Header + "; Green Book 9.4.2", c => UnknownPortAsync(c, false)),
            new ConformanceCheck("wrapper.unknown-client", "an AARQ from source wPort 102 (no such client) is not accepted", Header + "; Green Book 9.4.2", c => UnknownPortAsync(c, true)),
            new ConformanceCheck("wrapper.split-pdu", "a PDU that arrives in two TCP segments is served", Header + " (TCP is a byte stream)", SplitAsync),
            new ConformanceCheck("wrapper.two-pdus", "two PDUs in one TCP segment are both answered, in order", Header + " (TCP is a byte stream)", TwoAsync),
            new ConformanceCheck("wrapper.apdu-too-long", "an APDU longer than server-max-receive-pdu-size is refused (exception-response pdu-too-long), and the server keeps serving",
                "Green Book 9.5 (Exception-Response, service-error pdu-too-long)", TooLongAsync),
        };

        private static async Task HeaderAsync(CheckContext c)
        {
            WrapperProbe w = await c.OpenWrapperAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(w).ConfigureAwait(false);
            byte[]? reply = await w.ExchangeAsync(CheckHelpers.SampleGet(c)).ConfigureAwait(false);
            Replies.RequireGetNormal(reply, CheckHelpers.InvokeId, "GET " + CheckHelpers.SampleAttribute(c));
        }

        private static async Task BadVersionAsync(CheckContext c)
        {
            WrapperProbe w = await c.OpenWrapperAsync().ConfigureAwait(false);
            byte[] pdu = w.Pdu(CheckHelpers.Aarq());
            pdu[1] = 0x02;
            await w.Link.SendAsync(pdu, "AARQ with wrapper version 2").ConfigureAwait(false);
            byte[]? reply = await w.Link.ReceiveWrapperAsync(c.Options.QuietTime).ConfigureAwait(false);
            CheckContext.Require(reply is null, "a PDU with version 2 was answered");
        }

        private static async Task UnknownPortAsync(CheckContext c, bool client)
        {
            WrapperProbe w = await c.OpenWrapperAsync(client ? 102 : null, client ? null : 99).ConfigureAwait(false);
            await w.Link.SendAsync(w.Pdu(CheckHelpers.Aarq()), client ? "AARQ from wPort 102" : "AARQ to wPort 99").ConfigureAwait(false);
            byte[]? pdu = await w.Link.ReceiveWrapperAsync(c.Options.QuietTime).ConfigureAwait(false);
            if (pdu is null)
            {
                return;
            }
            byte[] apdu = pdu.AsSpan(8).ToArray();
            if (apdu.Length > 0 && apdu[0] == 0x61)
            {
                AssociationResponse aare = Replies.RequireAare(apdu, "the AARQ");
                CheckContext.Require(!aare.IsAccepted, "the association was accepted");
            }
        }

        private static async Task SplitAsync(CheckContext c)
        {
            WrapperProbe w = await c.OpenWrapperAsync().ConfigureAwait(false);
            byte[] pdu = w.Pdu(CheckHelpers.Aarq());
            await w.Link.SendAsync(pdu.AsSpan(0, 5).ToArray(), "the first 5 bytes of an AARQ PDU").ConfigureAwait(false);
            await Task.Delay(200, c.Token).ConfigureAwait(false);
            await w.Link.SendAsync(pdu.AsSpan(5).ToArray(), "the rest, 200 ms later").ConfigureAwait(false);
            AssociationResponse aare = Replies.RequireAare(await w.ReceiveAsync().ConfigureAwait(false), "the split AARQ");
            CheckContext.Require(aare.IsAccepted, "the split AARQ was not accepted");
        }

        private static async Task TwoAsync(CheckContext c)
        {
            WrapperProbe w = await c.OpenWrapperAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(w).ConfigureAwait(false);
            byte[] first = w.Pdu(GetRequest.Normal(0xC1, CheckHelpers.SampleAttribute(c)));
            byte[] second = w.Pdu(GetRequest.Normal(0xC2, CheckHelpers.SampleAttribute(c)));
            await w.Link.SendAsync(first.Concat(second).ToArray(), "two GETs (invoke-id 1 and 2) in one write").ConfigureAwait(false);
            Replies.RequireGetNormal(await w.ReceiveAsync().ConfigureAwait(false), 0xC1, "the first GET");
            Replies.RequireGetNormal(await w.ReceiveAsync().ConfigureAwait(false), 0xC2, "the second GET");
        }

        private static async Task TooLongAsync(CheckContext c)
        {
            ServerProfile server = c.RequireServer();
            WrapperProbe w = await c.OpenWrapperAsync().ConfigureAwait(false);
            AssociationResponse aare = await CheckHelpers.AssociateAsync(w).ConfigureAwait(false);
            int max = aare.ServerMaxReceivePduSize == 0 ? server.ServerMaxPdu : aare.ServerMaxReceivePduSize;
            if (max >= 0xFFF0)
            {
                throw CheckContext.NotApplicable("the server accepts APDUs of " + max + " bytes");
            }
            // A GET with an access-selection whose parameter is a long octet-string: longer than the server's PDU.
            var access = new SelectiveAccess(1, DlmsValue.OctetString(new byte[max + 16]));
            byte[] request = GetRequest.Normal(CheckHelpers.InvokeId, CheckHelpers.SampleAttribute(c), access);
            byte[]? reply = await w.ExchangeAsync(request).ConfigureAwait(false);
            if (!w.Closed)
            {
                Replies.RequireRefusal(reply, "a GET of " + request.Length + " bytes (server-max-receive-pdu-size " + max + ")");
                CheckContext.Require(reply![0] != 0xD8 || reply.Length < 3 || reply[2] == 4, "the exception-response's service-error is " + reply[2] + ", not 4 pdu-too-long");
            }
            WrapperProbe again = await c.OpenWrapperAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(again).ConfigureAwait(false);
        }
    }
}
