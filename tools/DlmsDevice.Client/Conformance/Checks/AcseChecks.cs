using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>The association (ACSE with the xDLMS InitiateRequest): negotiation, diagnostics, LLS, release.</summary>
    internal static class AcseChecks
    {
        private const string Acse = "Green Book 9.4.2 (COSEM ACSE services: AARQ/AARE, result and result-source-diagnostic)";
        private const string Initiate = "Green Book 9.4.6.1 (xDLMS InitiateRequest/Response, conformance) and 9.5 (ConfirmedServiceError initiateError)";

        public static IReadOnlyList<ConformanceCheck> All { get; } = new[]
        {
            new ConformanceCheck("acse.aarq-public", "the public client's AARQ is accepted: context LN, DLMS version 6, VAA 0x0007, negotiated conformance within the proposed", Acse + "; " + Initiate, PublicAsync),
            new ConformanceCheck("acse.conformance-subset", "proposing GET alone, the negotiated conformance has nothing else", Initiate, SubsetAsync),
            new ConformanceCheck("acse.sn-context", "an AARQ for short name referencing is refused with application-context-name-not-supported (or served as SN)", Acse, ShortNameAsync),
            new ConformanceCheck("acse.dlms-version-too-low", "an InitiateRequest with DLMS version 5 is refused with initiateError dlms-version-too-low", Initiate, c => InitiateErrorAsync(c, 5, 0xFFFF, 1, "dlms-version-too-low")),
            new ConformanceCheck("acse.pdu-too-short", "client-max-receive-pdu-size 11 is refused with initiateError pdu-size-too-short", Initiate, c => InitiateErrorAsync(c, 6, 11, 3, "pdu-size-too-short")),
            new ConformanceCheck("acse.no-common-conformance", "an empty proposed conformance is refused with incompatible-conformance or accepted with nothing granted", Initiate, NoConformanceAsync),
            new ConformanceCheck("acse.unknown-mechanism", "an unknown authentication mechanism (arc 99) is refused with authentication-mechanism-name-not-recognised", Acse, UnknownMechanismAsync),
            new ConformanceCheck("acse.mechanism-required", "the LLS client without authentication is refused (authentication-mechanism-name-required or authentication-failure)", Acse, MechanismRequiredAsync),
            new ConformanceCheck("acse.lls-accepted", "the LLS client with the right password is accepted", Acse + "; Green Book 9.2.2.2 (LLS)", c => LlsAsync(c, true)),
            new ConformanceCheck("acse.lls-wrong-password", "the LLS client with a wrong password is refused with authentication-failure", Acse + "; Green Book 9.2.2.2 (LLS)", c => LlsAsync(c, false)),
            new ConformanceCheck("acse.calling-ap-title-plain", "a plain LN AARQ carrying a calling-AP-title (as dlms-cosem sends) is accepted", Acse, CallingTitleAsync),
            new ConformanceCheck("acse.aarq-malformed", "an AARQ that does not decode is answered with a rejecting AARE (or the connection closes)", Acse, MalformedAsync),
            new ConformanceCheck("acse.release", "RLRQ is answered with RLRE (reason normal) and the association ends", "Green Book 9.4.2 (A-RELEASE: RLRQ/RLRE)", ReleaseAsync),
            new ConformanceCheck("acse.get-before-aarq", "a GET before any association returns no data", "Green Book 9.5 (Exception-Response, service-not-allowed)", BeforeAssociationAsync),
        };

        private static async Task PublicAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            AssociationResponse aare = await CheckHelpers.AssociateAsync(channel).ConfigureAwait(false);
            CheckContext.Require(aare.ApplicationContext == AssociationRequest.LogicalNameNoCiphering, "the AARE names application context " + aare.ApplicationContext + ", not 1 (LN)");
            CheckContext.Require(aare.DlmsVersion == 6, "negotiated DLMS version " + aare.DlmsVersion + ", not 6");
            CheckContext.Require(aare.VaaName == 0x0007, "vaa-name 0x" + aare.VaaName.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ", not 0x0007 (LN)");
            CheckContext.Require((aare.NegotiatedConformance & ~CheckContext.Proposed) == 0, "negotiated conformance has bits not proposed: " + ConformanceNames.Describe(aare.NegotiatedConformance & ~CheckContext.Proposed));
            CheckContext.Require(aare.ServerMaxReceivePduSize == 0 || aare.ServerMaxReceivePduSize >= 12, "server-max-receive-pdu-size " + aare.ServerMaxReceivePduSize);
        }

        private static async Task SubsetAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            AssociationResponse aare = await CheckHelpers.AssociateAsync(channel, 0xFFFF, Conformance.Get).ConfigureAwait(false);
            CheckContext.Require((aare.NegotiatedConformance & ~Conformance.Get) == 0, "GET alone was proposed, the server granted " + ConformanceNames.Describe(aare.NegotiatedConformance));
        }

        private static async Task ShortNameAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            byte[] aarq = AssociationRequest.Encode(2, null, AuthenticationMechanism.None, null, AssociationRequest.EncodeInitiateRequest(Conformance.Read | Conformance.Write, 0xFFFF));
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(aarq).ConfigureAwait(false), "an SN AARQ");
            if (aare.IsAccepted)
            {
                CheckContext.Require(aare.VaaName == 0xFA00, "the SN association was accepted with vaa-name " + aare.VaaName + ", not 0xFA00");
                throw CheckContext.NotApplicable("the server serves short name referencing");
            }
            CheckContext.Require(!aare.DiagnosticIsProvider && aare.Diagnostic == 2, "refused with " + AssociationResponse.DiagnosticName(aare.Diagnostic, aare.DiagnosticIsProvider)
                + " (" + aare.Diagnostic + "), not application-context-name-not-supported (2)");
        }

        private static async Task InitiateErrorAsync(CheckContext c, byte version, ushort pdu, byte expected, string name)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            byte[] initiate = AssociationRequest.EncodeInitiateRequest(CheckContext.Proposed, pdu);
            initiate[4] = version;
            byte[] aarq = AssociationRequest.Encode(AssociationRequest.LogicalNameNoCiphering, null, AuthenticationMechanism.None, null, initiate);
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(aarq).ConfigureAwait(false), "the AARQ");
            CheckContext.Require(aare.Result != 0, "the association was accepted");
            CheckContext.Require(aare.InitiateError is ConfirmedServiceError e && e.IsInitiateError && e.Value == expected,
                "the AARE's user-information is " + (aare.InitiateError?.ToString() ?? "no initiateError") + ", not initiateError " + name + " (" + expected + ")");
        }

        private static async Task NoConformanceAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(CheckHelpers.Aarq(0xFFFF, Conformance.None)).ConfigureAwait(false), "the AARQ");
            if (aare.IsAccepted)
            {
                CheckContext.Require(aare.NegotiatedConformance == Conformance.None, "nothing was proposed, the server granted " + ConformanceNames.Describe(aare.NegotiatedConformance));
                return;
            }
            CheckContext.Require(aare.InitiateError is ConfirmedServiceError e && e.IsInitiateError && e.Value == 2,
                "refused with " + (aare.InitiateError?.ToString() ?? "no initiateError") + ", not incompatible-conformance (2)");
        }

        private static async Task UnknownMechanismAsync(CheckContext c)
        {
            int client = c.Options.LlsClient > 0 ? c.Options.LlsClient : c.Options.PublicClient;
            IProbeChannel channel = await c.OpenChannelAsync(client).ConfigureAwait(false);
            byte[] aarq = AssociationRequest.Encode(AssociationRequest.LogicalNameNoCiphering, null, (AuthenticationMechanism)99, Encoding.ASCII.GetBytes("12345678"),
                AssociationRequest.EncodeInitiateRequest(CheckContext.Proposed, 0xFFFF));
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(aarq).ConfigureAwait(false), "the AARQ");
            CheckContext.Require(aare.Result != 0, "an AARQ with mechanism 99 was accepted");
            CheckContext.Require(!aare.DiagnosticIsProvider && aare.Diagnostic == 11, "refused with " + AssociationResponse.DiagnosticName(aare.Diagnostic, aare.DiagnosticIsProvider)
                + " (" + aare.Diagnostic + "), not authentication-mechanism-name-not-recognised (11)");
        }

        private static async Task MechanismRequiredAsync(CheckContext c)
        {
            if (c.Options.LlsClient <= 0)
            {
                throw CheckContext.NotApplicable("no LLS client configured");
            }
            IProbeChannel channel = await c.OpenChannelAsync(c.Options.LlsClient).ConfigureAwait(false);
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(CheckHelpers.Aarq()).ConfigureAwait(false), "the AARQ");
            CheckContext.Require(aare.Result != 0, "the LLS client was accepted without authentication");
            CheckContext.Require(!aare.DiagnosticIsProvider && aare.Diagnostic is 12 or 13, "refused with " + AssociationResponse.DiagnosticName(aare.Diagnostic, aare.DiagnosticIsProvider)
                + " (" + aare.Diagnostic + "), not authentication-mechanism-name-required (12) or authentication-failure (13)");
        }

        private static async Task LlsAsync(CheckContext c, bool right)
        {
            if (c.Options.LlsClient <= 0 || c.Options.Password is null)
            {
                throw CheckContext.NotApplicable("no LLS client configured");
            }
            IProbeChannel channel = await c.OpenChannelAsync(c.Options.LlsClient).ConfigureAwait(false);
            string password = right ? c.Options.Password : c.Options.Password + "x";
            byte[] aarq = AssociationRequest.Encode(CheckContext.Proposed, 0xFFFF, AuthenticationMechanism.Low, Encoding.ASCII.GetBytes(password));
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(aarq).ConfigureAwait(false), "the LLS AARQ");
            if (right)
            {
                CheckContext.Require(aare.IsAccepted, "refused: " + AssociationResponse.DiagnosticName(aare.Diagnostic, aare.DiagnosticIsProvider));
                return;
            }
            CheckContext.Require(aare.Result != 0, "a wrong password was accepted");
            CheckContext.Require(!aare.DiagnosticIsProvider && aare.Diagnostic == 13, "refused with " + AssociationResponse.DiagnosticName(aare.Diagnostic, aare.DiagnosticIsProvider)
                + " (" + aare.Diagnostic + "), not authentication-failure (13)");
        }

        private static async Task CallingTitleAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            byte[] aarq = AssociationRequest.Encode(CheckContext.Proposed, 0xFFFF, AuthenticationMechanism.None, null, Encoding.ASCII.GetBytes("uti12345"));
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(aarq).ConfigureAwait(false), "the AARQ");
            CheckContext.Require(aare.IsAccepted, "refused: " + AssociationResponse.DiagnosticName(aare.Diagnostic, aare.DiagnosticIsProvider));
        }

        private static async Task MalformedAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            byte[] aarq = { 0x60, 0x08, 0xA1, 0x09, 0x06, 0x07, 0x60, 0x85, 0x74, 0x05 };
            byte[]? reply = await channel.ExchangeAsync(aarq).ConfigureAwait(false);
            if (reply is null && channel.Closed)
            {
                return;
            }
            AssociationResponse aare = Replies.RequireAare(reply, "a malformed AARQ");
            CheckContext.Require(aare.Result != 0, "a malformed AARQ was accepted");
        }

        private static async Task ReleaseAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(channel).ConfigureAwait(false);
            byte[]? rlre = await channel.ExchangeAsync(AssociationRequest.EncodeReleaseRequest()).ConfigureAwait(false);
            CheckContext.Require(rlre is { Length: >= 2 } && rlre[0] == 0x63, "RLRQ was answered with " + Replies.Describe(rlre));
            int reason = Array.IndexOf(rlre!, (byte)0x80);
            CheckContext.Require(reason < 0 || (reason + 2 < rlre!.Length && rlre[reason + 2] == 0), "the RLRE's reason is not normal (0)");
            byte[]? after = await channel.ExchangeAsync(CheckHelpers.SampleGet(c), c.Options.QuietTime).ConfigureAwait(false);
            CheckContext.Require(after is null || !(after.Length > 3 && after[0] == 0xC4 && after[3] == 0x00), "a GET after the release returned data: " + Replies.Describe(after));
        }

        private static async Task BeforeAssociationAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            byte[]? reply = await channel.ExchangeAsync(CheckHelpers.SampleGet(c), c.Options.QuietTime).ConfigureAwait(false);
            CheckContext.Require(reply is null || Replies.IsRefusal(reply), "a GET before the AARQ was answered with " + Replies.Describe(reply));
        }
    }
}
