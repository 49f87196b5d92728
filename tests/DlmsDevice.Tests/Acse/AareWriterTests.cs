using System;
using System.Text;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Acse
{
    public class AareWriterTests
    {
        private static string Write(AareResponse response)
        {
            byte[] buffer = new byte[300];
            Assert.Equal(AcseStatus.Ok, AareWriter.Write(response, buffer, 0, buffer.Length, out int length));
            return Hex.Format(buffer, 0, length);
        }

        private static AareResponse Accepted(int conformance, int serverPdu)
        {
            var response = new AareResponse();
            response.UserInformation = AareUserInformation.InitiateResponse;
            response.NegotiatedConformance = conformance;
            response.ServerMaxReceivePdu = serverPdu;
            return response;
        }

        [Fact]
        public void Write_TraceAAccepted_MatchesTraceA()
        {
            Assert.Equal(AcseVectors.TraceAAare, Write(Accepted(0x001E1D, 0x04C8)));
        }

        [Fact]
        public void Write_GreenBookAccepted_MatchesExample()
        {
            // Green Book AARE example (dlms-cosem test_aare.py): conformance 00 50 1F, PDU 500.
            Assert.Equal(Hex.Format(Hex.Parse("6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007")),
                Write(Accepted(0x00501F, 500)));
        }

        [Fact]
        public void Write_GreenBookContextRejectedWithInitiateResponse_MatchesExample()
        {
            AareResponse response = Accepted(0x00501F, 500);
            response.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.ApplicationContextNameNotSupported);

            Assert.Equal(Hex.Format(Hex.Parse("6129A109060760857405080101A203020101A305A103020102BE10040E0800065F1F040000501F01F40007")),
                Write(response));
        }

        [Fact]
        public void Write_GreenBookDlmsVersionTooLow_MatchesExample()
        {
            var response = new AareResponse();
            response.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.NoReasonGiven);
            response.UserInformation = AareUserInformation.InitiateError;
            response.InitiateError = InitiateError.DlmsVersionTooLow;

            Assert.Equal(Hex.Format(Hex.Parse("611FA109060760857405080101A203020101A305A103020101BE0604040E010601")), Write(response));
        }

        [Fact]
        public void Write_GreenBookHlsAccepted_MatchesExample()
        {
            // dlms-cosem test_aare.py test_no_ciher_hls_ok: 88, 89 (HLS-GMAC), AA with an 8-byte StoC.
            AareResponse response = Accepted(0x00501F, 500);
            response.SetUserDiagnostic(AssociationResult.Accepted, AcseServiceUserDiagnostic.AuthenticationRequired);
            response.ResponderAcseRequirements = true;
            response.HasMechanismName = true;
            response.MechanismId = MechanismName.HlsGmac;
            byte[] stoc = Encoding.ASCII.GetBytes("P6wRJ21F");
            Assert.True(response.SetRespondingAuthenticationValue(stoc, 0, stoc.Length));

            Assert.Equal(Hex.Format(Hex.Parse(
                "6142A109060760857405080101A203020100A305A10302010E88020780890760857405080205AA0A8008503677524A323146" +
                "BE10040E0800065F1F040000501F01F40007")), Write(response));
            Assert.True(response.IsAuthenticationPending);
        }

        [Fact]
        public void Write_RespondingApTitleAndRawUserInformation_FramesEveryElement()
        {
            var response = new AareResponse();
            response.ApplicationContextId = ApplicationContextName.LogicalNameWithCiphering;
            response.SetUserDiagnostic(AssociationResult.Accepted, AcseServiceUserDiagnostic.AuthenticationRequired);
            byte[] title = Hex.Parse("4752580000BC614E");
            Assert.True(response.SetRespondingApTitle(title, 0, title.Length));
            response.ResponderAcseRequirements = true;
            response.HasMechanismName = true;
            response.MechanismId = MechanismName.HlsGmac;
            byte[] stoc = Hex.Parse("52375E4E443F240F30771A0C6B23401A");
            response.SetRespondingAuthenticationValue(stoc, 0, stoc.Length);
            byte[] raw = Hex.Parse("28 1F 30 00 00 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE 01 02 03 04 05 06 07 08 09 0A 0B 0C");
            response.SetRawUserInformation(raw, 0, raw.Length);

            string expected = Hex.Format(Hex.Parse(
                "61 69" +
                " A1 09 06 07 60 85 74 05 08 01 03" +
                " A2 03 02 01 00" +
                " A3 05 A1 03 02 01 0E" +
                " A4 0A 04 08 47 52 58 00 00 BC 61 4E" +
                " 88 02 07 80" +
                " 89 07 60 85 74 05 08 02 05" +
                " AA 12 80 10 52 37 5E 4E 44 3F 24 0F 30 77 1A 0C 6B 23 40 1A" +
                " BE 23 04 21 28 1F 30 00 00 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE 01 02 03 04 05 06 07 08 09 0A 0B 0C"));
            Assert.Equal(expected, Write(response));
        }

        [Fact]
        public void Write_ServiceProviderDiagnostic_UsesA2Choice()
        {
            var response = new AareResponse();
            response.SetProviderDiagnostic(AssociationResult.RejectedPermanent, AcseServiceProviderDiagnostic.NoCommonAcseVersion);

            Assert.Equal("61 17 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A2 03 02 01 02", Write(response));
        }

        [Fact]
        public void Write_LargeUserInformation_UsesLongFormLengths()
        {
            var response = new AareResponse();
            byte[] raw = new byte[200];
            raw[0] = 0x28;
            response.SetRawUserInformation(raw, 0, raw.Length);
            byte[] buffer = new byte[400];

            Assert.Equal(AcseStatus.Ok, AareWriter.Write(response, buffer, 0, buffer.Length, out int length));

            // BE 81 CB 04 81 C8 <200>; content 23 + 206 = 229 -> 61 81 E5.
            Assert.Equal(3 + 229, length);
            Assert.Equal("61 81 E5", Hex.Format(buffer, 0, 3));
            Assert.Equal("BE 81 CB 04 81 C8 28", Hex.Format(buffer, 3 + 23, 7));
        }

        [Fact]
        public void Write_AtOffset_WritesOnlyItsRegion()
        {
            byte[] buffer = new byte[60];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = 0xEE;
            }

            Assert.Equal(AcseStatus.Ok, AareWriter.Write(Accepted(0x001E1D, 0x04C8), buffer, 5, 43, out int length));

            Assert.Equal(43, length);
            Assert.Equal(AcseVectors.TraceAAare, Hex.Format(buffer, 5, 43));
            Assert.Equal(0xEE, buffer[4]);
            Assert.Equal(0xEE, buffer[48]);
        }

        [Fact]
        public void Write_OneByteShort_OverflowAndNothingWritten()
        {
            byte[] buffer = new byte[60];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = 0xEE;
            }

            Assert.Equal(AcseStatus.Overflow, AareWriter.Write(Accepted(0x001E1D, 0x04C8), buffer, 0, 42, out int length));

            Assert.Equal(0, length);
            Assert.All(buffer, b => Assert.Equal(0xEE, b));
        }

        [Fact]
        public void SetRespondingValues_TooLong_RejectedAndUnchanged()
        {
            var response = new AareResponse();

            Assert.False(response.SetRespondingApTitle(new byte[17], 0, 17));
            Assert.False(response.SetRespondingAuthenticationValue(new byte[65], 0, 65));
            Assert.Equal(0, response.RespondingApTitleLength);
            Assert.Equal(0, response.RespondingAuthenticationValueLength);
        }

        [Fact]
        public void InitiateResponseWriter_TooSmall_Overflow()
        {
            byte[] buffer = new byte[20];

            Assert.Equal(AcseStatus.Overflow,
                InitiateResponseWriter.WriteInitiateResponse(buffer, 0, 13, 6, 0x001E1D, 1024, 7, out int length));
            Assert.Equal(0, length);
            Assert.Equal(AcseStatus.Overflow, InitiateResponseWriter.WriteInitiateError(buffer, 0, 3, InitiateError.Other, out length));
        }

        [Fact]
        public void InitiateResponseWriter_InitiateResponse_GreenBookBytes()
        {
            byte[] buffer = new byte[14];

            Assert.Equal(AcseStatus.Ok,
                InitiateResponseWriter.WriteInitiateResponse(buffer, 0, 14, 6, 0x00501F, 500, AareResponse.VaaNameLogicalName, out int length));

            Assert.Equal(14, length);
            Assert.Equal("08 00 06 5F 1F 04 00 00 50 1F 01 F4 00 07", Hex.Format(buffer));
        }

        [Fact]
        public void Write_BadArguments_Throw()
        {
            Assert.Throws<ArgumentNullException>(() => AareWriter.Write(null!, new byte[10], 0, 10, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => AareWriter.Write(new AareResponse(), new byte[10], 5, 10, out _));
        }
    }
}
