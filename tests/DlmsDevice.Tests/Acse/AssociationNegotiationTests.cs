using System.Text;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Acse.AcseVectors;

namespace DlmsDevice.Tests.Acse
{
    public class AssociationNegotiationTests
    {
        /// <summary>AARE prefix up to the result: 61 len, A1 LN.</summary>
        private const string LnContext = "A1 09 06 07 60 85 74 05 08 01 01";

        /// <summary>An ACSE-level rejection without user-information: rejected-permanent, acse-service-user diagnostic d.</summary>
        private static string UserRejection(int diagnostic) =>
            "61 17 " + LnContext + " A2 03 02 01 01 A3 05 A1 03 02 01 " + diagnostic.ToString("X2");

        /// <summary>An xDLMS rejection: no-reason-given with ConfirmedServiceError initiateError e.</summary>
        private static string InitiateRejection(int error) =>
            "61 1F " + LnContext + " A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 " + error.ToString("X2");

        private static string Accepted(string conformance, string serverPdu) =>
            "61 29 " + LnContext + " A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 " + conformance + " " + serverPdu + " 00 07";

        private static AssociationParameters Public(int serverPdu = 0x04C8)
        {
            return new AssociationParameters
            {
                SupportedConformance = 0x001E1D,
                ServerMaxReceivePdu = serverPdu,
            };
        }

        private static AssociationParameters Lls(string password)
        {
            AssociationParameters p = Public();
            p.MechanismId = MechanismName.Lls;
            byte[] secret = Encoding.ASCII.GetBytes(password);
            Assert.True(p.SetSecret(secret, 0, secret.Length));
            return p;
        }

        private static (bool Accepted, AareResponse Response, string Aare) Run(byte[] aarq, AssociationParameters parameters)
        {
            var request = new AarqRequest();
            var response = new AareResponse();
            bool accepted;
            AcseStatus status = AarqParser.Parse(aarq, 0, aarq.Length, request);
            if (status == AcseStatus.Ok)
            {
                accepted = AssociationNegotiation.Negotiate(request, parameters, response);
            }
            else
            {
                AssociationNegotiation.RejectMalformed(parameters, response);
                accepted = false;
            }

            byte[] buffer = new byte[256];
            Assert.Equal(AcseStatus.Ok, AareWriter.Write(response, buffer, 0, buffer.Length, out int length));
            Assert.Equal(accepted, response.IsAccepted);
            return (accepted, response, Hex.Format(buffer, 0, length));
        }

        private static (bool Accepted, AareResponse Response, string Aare) Run(string hex, AssociationParameters parameters) =>
            Run(Hex.Parse(hex), parameters);

        [Fact]
        public void Negotiate_TraceAAarq_ProducesTraceAAareExactly()
        {
            var result = Run(TraceAAarq, Public(0x04C8));

            Assert.True(result.Accepted);
            Assert.Equal(TraceAAare, result.Aare);
            Assert.Equal(0x001E1D, result.Response.NegotiatedConformance);
            Assert.Equal(0x04C8, result.Response.ServerMaxReceivePdu);
            Assert.Equal(0xFFFF, result.Response.ClientMaxReceivePdu);
            Assert.Equal(MechanismName.None, result.Response.MechanismId);
            Assert.False(result.Response.IsAuthenticationPending);
        }

        [Fact]
        public void Negotiate_TraceBAarq_ConformanceIsProposedAndSupported()
        {
            var result = Run(TraceBAarq, Public(0x04C8));

            Assert.True(result.Accepted);
            Assert.Equal(0x00101D, result.Response.NegotiatedConformance);
            Assert.Equal(Accepted("00 10 1D", "04 C8"), result.Aare);
        }

        [Theory]
        [InlineData(GuruxNetAarq, "00 1E 1D")]
        [InlineData(GuruxCAarq, "00 1E 1D")]
        [InlineData(DlmsCosemAarq, "00 12 1D")]
        public void Negotiate_RealClientPublicAarq_Accepted(string hex, string conformance)
        {
            var result = Run(hex, Public(0x04C8));

            Assert.True(result.Accepted);
            Assert.Equal(Accepted(conformance, "04 C8"), result.Aare);
        }

        [Theory]
        [InlineData(GuruxNetLlsAarq, "00 1E 1D")]
        [InlineData(GuruxCLlsAarq, "00 1E 1D")]
        [InlineData(DlmsCosemLlsAarq, "00 12 1D")]
        public void Negotiate_RealClientLlsAarqRightPassword_Accepted(string hex, string conformance)
        {
            var result = Run(hex, Lls("Gurux"));

            Assert.True(result.Accepted);
            Assert.Equal(Accepted(conformance, "04 C8"), result.Aare);
            Assert.Equal(MechanismName.Lls, result.Response.MechanismId);
        }

        [Theory]
        [InlineData(GuruxNetLlsAarq, "12345678")]
        [InlineData(GuruxNetLlsAarq, "Gurux!")]
        [InlineData(GuruxNetLlsAarq, "Guru")]
        [InlineData(GuruxNetLlsAarq, "gurux")]
        [InlineData(GreenBookLlsAarq, "Gurux")]
        public void Negotiate_WrongPassword_AuthenticationFailure(string hex, string secret)
        {
            var result = Run(hex, Lls(secret));

            Assert.False(result.Accepted);
            Assert.Equal(UserRejection(13), result.Aare);
        }

        [Fact]
        public void Negotiate_GreenBookLlsAarq_DefaultMeterReaderPassword_Accepted()
        {
            var result = Run(GreenBookLlsAarq, Lls("12345678"));

            Assert.True(result.Accepted);
            // Client PDU 1200 (04 B0) is below our 04 C8 limit: we announce the client's value.
            Assert.Equal(Accepted("00 1E 1D", "04 B0"), result.Aare);
            Assert.Equal(1200, result.Response.ClientMaxReceivePdu);
        }

        [Fact]
        public void Negotiate_BitStringPassword_ComparedWithoutUnusedBitsOctet()
        {
            byte[] aarq = Aarq(Context(), H("8B 07 60 85 74 05 08 02 01 AC 0B 81 09 00 31 32 33 34 35 36 37 38"), Initiate());

            Assert.True(Run(aarq, Lls("12345678")).Accepted);
        }

        [Fact]
        public void Negotiate_LlsWithoutAuthenticationValue_AuthenticationFailure()
        {
            var result = Run(Aarq(Context(), Authentication(MechanismName.Lls, null), Initiate()), Lls("12345678"));

            Assert.Equal(UserRejection(13), result.Aare);
        }

        [Fact]
        public void Negotiate_LlsWithOtherAuthenticationChoice_AuthenticationFailure()
        {
            AssociationParameters p = Lls("x");
            p.SetSecret(new byte[0], 0, 0);
            var result = Run(Aarq(Context(), H("8B 07 60 85 74 05 08 02 01 AC 02 A2 00"), Initiate()), p);

            Assert.Equal(UserRejection(13), result.Aare);
        }

        [Theory]
        [InlineData(TraceAAarq)]
        [InlineData(DlmsCosemAarq)]
        public void Negotiate_LlsAssociationWithoutMechanism_MechanismNameRequired(string hex)
        {
            Assert.Equal(UserRejection(12), Run(hex, Lls("12345678")).Aare);
        }

        [Fact]
        public void Negotiate_LlsAssociationMechanismZeroNamed_MechanismNameRequired()
        {
            var result = Run(Aarq(Context(), Authentication(MechanismName.None, null), Initiate()), Lls("12345678"));

            Assert.Equal(UserRejection(12), result.Aare);
        }

        [Fact]
        public void Negotiate_PublicAssociationMechanismZeroNamed_Accepted()
        {
            Assert.True(Run(Aarq(Context(), Authentication(MechanismName.None, null), Initiate()), Public()).Accepted);
        }

        [Theory]
        [InlineData(GuruxNetLlsAarq)]
        [InlineData(DlmsCosemLlsAarq)]
        public void Negotiate_PublicAssociationLlsAarq_MechanismNotRecognised(string hex)
        {
            Assert.Equal(UserRejection(11), Run(hex, Public()).Aare);
        }

        [Theory]
        [InlineData("8B 07 60 85 74 05 08 02 08")]      // id above 7
        [InlineData("8B 07 60 85 74 05 08 02 FF")]
        [InlineData("8B 07 60 85 74 05 08 01 01")]      // not the mechanism-name arc
        [InlineData("8B 05 2B 06 01 05 05")]            // foreign OID
        [InlineData("8B 07 60 85 74 05 08 02 05")]      // HLS-GMAC to an LLS association
        public void Negotiate_UnknownOrOtherMechanism_MechanismNotRecognised(string mechanism)
        {
            var result = Run(Aarq(Context(), H("8A 02 07 80 " + mechanism), Element(0xAC, Element(0x80, Encoding.ASCII.GetBytes("12345678"))), Initiate()),
                Lls("12345678"));

            Assert.Equal(UserRejection(11), result.Aare);
        }

        [Theory]
        [InlineData(2)] // SN
        [InlineData(3)] // LN with ciphering (comes with the security work)
        [InlineData(4)] // SN with ciphering
        [InlineData(9)]
        public void Negotiate_OtherContext_ApplicationContextNameNotSupported(int contextId)
        {
            var result = Run(Aarq(Context((byte)contextId), Initiate()), Public());

            Assert.False(result.Accepted);
            // The AARE still names our LN context.
            Assert.Equal(UserRejection(2), result.Aare);
        }

        [Theory]
        [InlineData("A1 09 06 07 60 85 74 05 08 03 01")]
        [InlineData("A1 04 06 02 2A 03")]
        public void Negotiate_ForeignContextOid_ApplicationContextNameNotSupported(string context)
        {
            Assert.Equal(UserRejection(2), Run(Aarq(H(context), Initiate()), Public()).Aare);
        }

        [Fact]
        public void Negotiate_NoContext_ApplicationContextNameNotSupported()
        {
            Assert.Equal(UserRejection(2), Run(Aarq(Initiate()), Public()).Aare);
        }

        [Fact]
        public void Negotiate_HlsCipheredAarqToPublicLnAssociation_ApplicationContextNameNotSupported()
        {
            Assert.Equal(UserRejection(2), Run(GuruxNetHlsAarq, Public()).Aare);
        }

        [Fact]
        public void Negotiate_ProtocolVersionWithoutVersion1_NoCommonAcseVersion()
        {
            var result = Run(Aarq(H("80 02 07 00"), Context(), Initiate()), Public());

            Assert.Equal("61 17 " + LnContext + " A2 03 02 01 01 A3 05 A2 03 02 01 02", result.Aare);
        }

        [Fact]
        public void Negotiate_ProtocolVersion1_Accepted()
        {
            Assert.True(Run(Aarq(H("80 02 07 80"), Context(), Initiate()), Public()).Accepted);
        }

        [Fact]
        public void Negotiate_NoUserInformation_NoReasonGiven()
        {
            var result = Run(Aarq(Context()), Public());

            Assert.Equal(UserRejection(1), result.Aare);
        }

        [Fact]
        public void Negotiate_OtherXdlmsInUserInformation_NoReasonGiven()
        {
            var result = Run(Aarq(Context(), Element(0xBE, Element(0x04, H("08 00 06 5F 1F 04 00 00 10 00 04 00 00 07")))), Public());

            Assert.Equal(UserRejection(1), result.Aare);
        }

        [Theory]
        [InlineData(5)]
        [InlineData(0)]
        public void Negotiate_DlmsVersionBelow6_DlmsVersionTooLowGreenBookBytes(int version)
        {
            var result = Run(Aarq(Context(), Initiate(version: (byte)version)), Public());

            Assert.False(result.Accepted);
            // Green Book example (dlms-cosem test_aare.py), byte for byte.
            Assert.Equal(Hex.Format(Hex.Parse("611FA109060760857405080101A203020101A305A103020101BE0604040E010601")), result.Aare);
            Assert.Equal(InitiateRejection(1), result.Aare);
        }

        [Fact]
        public void Negotiate_DlmsVersionAbove6_AcceptedWithVersion6()
        {
            var result = Run(Aarq(Context(), Initiate(version: 7)), Public());

            Assert.True(result.Accepted);
            Assert.Equal(6, result.Response.NegotiatedDlmsVersion);
            Assert.Equal(Accepted("00 1E 1D", "04 C8"), result.Aare);
        }

        [Theory]
        [InlineData(63)]
        [InlineData(12)]
        [InlineData(0)]
        public void Negotiate_ClientPduBelow64_PduSizeTooShort(int pdu)
        {
            Assert.Equal(InitiateRejection(3), Run(Aarq(Context(), Initiate(pdu: pdu)), Public()).Aare);
        }

        [Fact]
        public void Negotiate_ClientPdu64_AcceptedAndAnnouncedAsOurSize()
        {
            var result = Run(Aarq(Context(), Initiate(pdu: 64)), Public());

            Assert.True(result.Accepted);
            Assert.Equal(64, result.Response.ServerMaxReceivePdu);
            Assert.Equal(64, result.Response.ClientMaxReceivePdu);
            Assert.Equal(Accepted("00 1E 1D", "00 40"), result.Aare);
        }

        [Fact]
        public void Negotiate_ConfiguredMinimumPdu_Applied()
        {
            AssociationParameters p = Public();
            p.MinClientMaxReceivePdu = 128;

            Assert.Equal(InitiateRejection(3), Run(Aarq(Context(), Initiate(pdu: 127)), p).Aare);
            Assert.True(Run(Aarq(Context(), Initiate(pdu: 128)), p).Accepted);
        }

        [Fact]
        public void Negotiate_OurLimitAbove65535_CappedToUnsigned16()
        {
            var result = Run(TraceAAarq, Public(100000));

            Assert.Equal(0xFFFF, result.Response.ServerMaxReceivePdu);
        }

        [Theory]
        [InlineData(0x000000)]
        [InlineData(0x180000)] // read + write: SN services only
        [InlineData(0x000100)] // information-report
        [InlineData(0x00E000)] // attribute0 / priority: nothing we support for LN
        [InlineData(0x400000)] // general-protection alone
        public void Negotiate_NoCommonLnService_IncompatibleConformance(int proposed)
        {
            Assert.Equal(InitiateRejection(2), Run(Aarq(Context(), Initiate(conformance: proposed)), Public()).Aare);
        }

        [Theory]
        [InlineData(0x000010, "00 00 10")] // get alone
        [InlineData(0x000008, "00 00 08")] // set alone
        [InlineData(0x000001, "00 00 01")] // action alone
        [InlineData(0xFFFFFF, "00 1E 1D")]
        public void Negotiate_AnyLnService_Accepted(int proposed, string negotiated)
        {
            Assert.Equal(Accepted(negotiated, "04 C8"), Run(Aarq(Context(), Initiate(conformance: proposed)), Public()).Aare);
        }

        [Fact]
        public void Negotiate_ContextWrongAndPasswordWrong_ContextReportedFirst()
        {
            var result = Run(Aarq(Context(2), Authentication(MechanismName.Lls, "wrong"), Initiate(version: 5)), Lls("12345678"));

            Assert.Equal(UserRejection(2), result.Aare);
        }

        [Fact]
        public void Negotiate_PasswordWrongAndVersionTooLow_AuthenticationReportedFirst()
        {
            var result = Run(Aarq(Context(), Authentication(MechanismName.Lls, "wrong"), Initiate(version: 5, pdu: 10, conformance: 0)), Lls("12345678"));

            Assert.Equal(UserRejection(13), result.Aare);
        }

        [Fact]
        public void Negotiate_MechanismMissingAndNoUserInformation_MechanismReportedFirst()
        {
            Assert.Equal(UserRejection(12), Run(Aarq(Context()), Lls("12345678")).Aare);
        }

        [Fact]
        public void Negotiate_VersionLowPduShortConformanceBad_VersionReportedFirst()
        {
            Assert.Equal(InitiateRejection(1), Run(Aarq(Context(), Initiate(version: 5, pdu: 10, conformance: 0)), Public()).Aare);
        }

        [Fact]
        public void Negotiate_PduShortAndConformanceBad_PduReportedFirst()
        {
            Assert.Equal(InitiateRejection(3), Run(Aarq(Context(), Initiate(pdu: 10, conformance: 0)), Public()).Aare);
        }

        [Fact]
        public void Negotiate_ProtocolVersionBadAndContextWrong_ProtocolVersionReportedFirst()
        {
            var result = Run(Aarq(H("80 02 07 00"), Context(2), Initiate()), Public());

            Assert.Equal("61 17 " + LnContext + " A2 03 02 01 01 A3 05 A2 03 02 01 02", result.Aare);
        }

        [Fact]
        public void RejectMalformed_TruncatedAarq_ServiceProviderNoReasonGiven()
        {
            byte[] aarq = Hex.Parse(TraceAAarq);
            byte[] cut = new byte[20];
            System.Array.Copy(aarq, cut, cut.Length);

            var result = Run(cut, Public());

            Assert.Equal("61 17 " + LnContext + " A2 03 02 01 01 A3 05 A2 03 02 01 01", result.Aare);
        }

        [Fact]
        public void Negotiate_HlsAssociation_PendingWithAuthenticationRequired()
        {
            // LN-with-ciphering + HLS-GMAC association (security work): the caller deciphers the
            // glo-initiate-request, then negotiates and adds its system title and StoC.
            var parameters = new AssociationParameters
            {
                ApplicationContextId = ApplicationContextName.LogicalNameWithCiphering,
                MechanismId = MechanismName.HlsGmac,
                SupportedConformance = 0x001E1D,
                ServerMaxReceivePdu = 0x04C8,
            };
            byte[] aarq = Hex.Parse(GuruxNetHlsAarq);
            var request = new AarqRequest();
            var response = new AareResponse();
            Assert.Equal(AcseStatus.Ok, AarqParser.Parse(aarq, 0, aarq.Length, request));

            // Still ciphered: cannot be decided on.
            Assert.False(AssociationNegotiation.Negotiate(request, parameters, response));
            Assert.Equal((byte)AcseServiceUserDiagnostic.NoReasonGiven, response.Diagnostic);

            byte[] plaintext = Hex.Parse("01000000065F1F0400621E5DFFFF");
            Assert.Equal(AcseStatus.Ok, InitiateRequestParser.Parse(plaintext, 0, plaintext.Length, request));
            Assert.True(AssociationNegotiation.Negotiate(request, parameters, response));

            Assert.True(response.IsAuthenticationPending);
            Assert.True(response.ResponderAcseRequirements);
            Assert.True(response.HasMechanismName);
            Assert.Equal(MechanismName.HlsGmac, response.MechanismId);
            Assert.Equal(ApplicationContextName.LogicalNameWithCiphering, response.ApplicationContextId);
            Assert.Equal(0x001E1D, response.NegotiatedConformance);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("1234567")] // 7 bytes: below the 8-byte minimum challenge
        public void Negotiate_HlsWithoutUsableChallenge_AuthenticationFailure(string? challenge)
        {
            var parameters = new AssociationParameters { MechanismId = MechanismName.HlsGmac };

            Assert.Equal(UserRejection(13), Run(Aarq(Context(), Authentication(MechanismName.HlsGmac, challenge), Initiate()), parameters).Aare);
        }

        [Fact]
        public void Negotiate_ShortNameAssociation_NeedsReadOrWrite()
        {
            var parameters = new AssociationParameters
            {
                ApplicationContextId = ApplicationContextName.ShortName,
                SupportedConformance = 0x1C0000 | 0x001E1D,
            };

            Assert.False(Run(Aarq(Context(2), Initiate(conformance: 0x00001D)), parameters).Accepted);
            Assert.True(Run(Aarq(Context(2), Initiate(conformance: 0x100000)), parameters).Accepted);
        }

        [Fact]
        public void SetSecret_TooLong_RejectedAndUnchanged()
        {
            AssociationParameters p = Lls("12345678");

            Assert.False(p.SetSecret(new byte[65], 0, 65));
            Assert.Equal(8, p.SecretLength);
            Assert.True(p.SecretEquals(Encoding.ASCII.GetBytes("12345678"), 0, 8));
        }
    }
}
