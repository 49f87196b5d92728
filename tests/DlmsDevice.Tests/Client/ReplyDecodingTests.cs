using System;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>Decoding of known-good server bytes (the Green Book's AARQ/AARE examples, Traces A and D of docs/interop.md).</summary>
    public class ReplyDecodingTests
    {
        private static HdlcFrame ParseFrame(string hex)
        {
            byte[] bytes = Hex.Parse(hex);
            Assert.Equal(HdlcParseStatus.Frame, HdlcFrame.TryParse(bytes, out HdlcFrame? frame, out int consumed));
            Assert.Equal(bytes.Length - 1, consumed);
            return frame!;
        }

        [Fact]
        public void Ua_TraceA_GivesMaxInfo154Window1()
        {
            HdlcFrame ua = ParseFrame(TestFrames.TraceA_Ua);

            Assert.Equal(0x73, ua.Control);
            Assert.Equal("21", Hex.Format(ua.Destination));
            Assert.Equal("02 23", Hex.Format(ua.Source));
            Assert.Equal(new HdlcParameters(154, 154, 1, 1), HdlcParameters.Decode(ua.Information));
        }

        [Fact]
        public void Ua_TraceB_TwoByteValues()
        {
            HdlcFrame ua = ParseFrame("7E A0 23 21 00 02 00 23 73 F6 C5 81 80 14 05 02 00 80 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01 CE 6A 7E");

            Assert.Equal("00 02 00 23", Hex.Format(ua.Source));
            Assert.Equal(new HdlcParameters(128, 128, 1, 1), HdlcParameters.Decode(ua.Information));
        }

        [Fact]
        public void HdlcParameters_Empty_AreDefaults()
        {
            Assert.Equal(new HdlcParameters(128, 128, 1, 1), HdlcParameters.Decode(ReadOnlySpan<byte>.Empty));
        }

        [Theory]
        [InlineData("80 80 00")]
        [InlineData("81 80 05 05 01")]
        [InlineData("81 80 03 05 05 00")]
        public void HdlcParameters_Malformed_Throws(string hex)
        {
            Assert.Throws<DlmsProtocolException>(() => HdlcParameters.Decode(Hex.Parse(hex)));
        }

        [Fact]
        public void Aare_TraceA_Accepted()
        {
            HdlcFrame frame = ParseFrame(TestFrames.TraceA_Aare);
            Assert.Equal(0x30, frame.Control);
            Assert.Equal("E6 E7 00", Hex.Format(frame.Information, 0, 3));

            AssociationResponse aare = AssociationResponse.Decode(frame.Information.AsSpan(3));

            Assert.True(aare.IsAccepted);
            Assert.Equal(1, aare.ApplicationContext);
            Assert.Equal(0, aare.Result);
            Assert.Equal(0, aare.Diagnostic);
            Assert.False(aare.DiagnosticIsProvider);
            Assert.Equal(6, aare.DlmsVersion);
            Assert.Equal((Conformance)0x001E1D, aare.NegotiatedConformance);
            Assert.Equal(0x04C8, aare.ServerMaxReceivePduSize);
            Assert.Equal(0x0007, aare.VaaName);
        }

        [Fact]
        public void Aare_TraceB_Accepted()
        {
            HdlcFrame frame = ParseFrame("7E A0 3A 21 00 02 00 23 30 99 41 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 30 1D 19 00 00 07 0C 52 7E");

            AssociationResponse aare = AssociationResponse.Decode(frame.Information.AsSpan(3));

            Assert.True(aare.IsAccepted);
            Assert.Equal((Conformance)0x00301D, aare.NegotiatedConformance);
            Assert.Equal(0x1900, aare.ServerMaxReceivePduSize);
        }

        [Fact]
        public void Aare_InitiateError_IsDecoded()
        {
            // rejected-permanent, acse-service-user no-reason-given, BE 06 04 04 0E 01 06 01.
            AssociationResponse aare = AssociationResponse.Decode(Hex.Parse(
                "61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 01"));

            Assert.False(aare.IsAccepted);
            Assert.Equal(1, aare.Result);
            Assert.Equal(1, aare.Diagnostic);
            Assert.Equal(new ConfirmedServiceError(1, 6, 1), aare.InitiateError);
            Assert.True(aare.InitiateError!.Value.IsInitiateError);
            Assert.Contains("dlms-version-too-low", new AssociationRejectedException(aare).Message);
        }

        [Fact]
        public void Aare_HlsPending_DecodesChallengeAndTitle()
        {
            // DC test_aare.py shape: result 0, diagnostic 14 (authentication-required), mechanism 5, StoC.
            AssociationResponse aare = AssociationResponse.Decode(Hex.Parse(
                "61 4E A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 0E A4 0A 04 08 4D4D4D0000BC614E 88 02 07 80 89 07 60 85 74 05 08 02 05 AA 0A 80 08 503677524A323146 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07"));

            Assert.Equal(14, aare.Diagnostic);
            Assert.Equal((byte)5, aare.MechanismName);
            Assert.Equal("50 36 77 52 4A 32 31 46", Hex.Format(aare.RespondingAuthenticationValue!));
            Assert.Equal("4D 4D 4D 00 00 BC 61 4E", Hex.Format(aare.RespondingApTitle!));
        }

        [Fact]
        public void Aare_ProviderDiagnostic_IsFlagged()
        {
            AssociationResponse aare = AssociationResponse.Decode(Hex.Parse(
                "61 17 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 02 A3 05 A2 03 02 01 02"));

            Assert.True(aare.DiagnosticIsProvider);
            Assert.Equal(2, aare.Result);
            Assert.Contains("no-common-acse-version", new AssociationRejectedException(aare).Message);
        }

        [Theory]
        [InlineData("60 00")]
        [InlineData("61 29 A1 09")]
        [InlineData("61 05 A1 03 02 01 00")]
        [InlineData("61 0A A2 03 02 01 00 BE 03 04 01 28")]
        public void Aare_Malformed_Throws(string hex)
        {
            Assert.Throws<DlmsProtocolException>(() => AssociationResponse.Decode(Hex.Parse(hex)));
        }

        [Fact]
        public void GetResponse_TraceD_Value()
        {
            HdlcFrame frame = ParseFrame(TestFrames.TraceD_Value);
            Assert.Equal(0x52, frame.Control);

            GetResponse response = GetResponse.Decode(frame.Information.AsSpan(3));

            Assert.Equal(GetResponseKind.Normal, response.Kind);
            Assert.Equal(0xC1, response.InvokeIdAndPriority);
            Assert.Equal(DlmsValue.DoubleLongUnsigned(12345), response.Result!.Value);
        }

        [Fact]
        public void GetResponse_TraceD_ScalerUnit()
        {
            HdlcFrame frame = ParseFrame(TestFrames.TraceD_Scaler);

            GetResponse response = GetResponse.Decode(frame.Information.AsSpan(3));

            Assert.Equal(new ScalerUnit(0, 30), ScalerUnit.FromValue(response.Result!.Value!));
        }

        [Fact]
        public void GetResponse_Normal_Data()
        {
            GetResponse response = GetResponse.Decode(Hex.Parse("C4 01 C1 00 06 00001391"));

            Assert.Equal(DlmsValue.DoubleLongUnsigned(5009), response.Result!.Value);
            Assert.True(response.Result.IsSuccess);
        }

        [Fact]
        public void GetResponse_Normal_DataAccessResult()
        {
            GetResponse response = GetResponse.Decode(Hex.Parse("C4 01 C1 01 01"));

            Assert.False(response.Result!.IsSuccess);
            Assert.Equal(DataAccessResult.HardwareFault, response.Result.Result);
            var e = Assert.Throws<DataAccessException>(() => response.Result.GetValueOrThrow("GET x"));
            Assert.Equal("GET x: hardware-fault (1)", e.Message);
        }

        [Fact]
        public void GetResponse_WithDatablock_Shape()
        {
            byte[] raw = Enumerable.Range(0, 1182).Select(i => (byte)i).ToArray();
            byte[] apdu = TestFrames.Concat(Hex.Parse("C4 02 C1 00 00000001 00 82 049E"), raw);

            GetResponse response = GetResponse.Decode(apdu);

            Assert.Equal(GetResponseKind.WithDatablock, response.Kind);
            Assert.False(response.LastBlock);
            Assert.Equal(1u, response.BlockNumber);
            Assert.Equal(raw, response.RawData);
        }

        [Fact]
        public void GetResponse_WithDatablock_Error()
        {
            GetResponse response = GetResponse.Decode(Hex.Parse("C4 02 C1 01 00000002 01 13"));

            Assert.True(response.LastBlock);
            Assert.Null(response.RawData);
            Assert.Equal(DataAccessResult.DataBlockNumberInvalid, response.BlockError);
        }

        [Fact]
        public void GetResponse_WithList_MixedResults()
        {
            GetResponse response = GetResponse.Decode(Hex.Parse("C4 03 C1 03 00 06 0001E240 01 04 00 02 02 0F FF 16 1E"));

            Assert.Equal(3, response.Results!.Count);
            Assert.Equal(DlmsValue.DoubleLongUnsigned(123456), response.Results[0].Value);
            Assert.Equal(DataAccessResult.ObjectUndefined, response.Results[1].Result);
            Assert.Equal(new ScalerUnit(-1, 30), ScalerUnit.FromValue(response.Results[2].Value!));
        }

        [Theory]
        [InlineData("C4 01 C1 00 06 0000")]
        [InlineData("C4 01 C1 02 00")]
        [InlineData("C4 01 C1 00 06 00001391 00")]
        [InlineData("C4 02 C1 00 00000001 00 05 0102")]
        [InlineData("C4 09 C1 00")]
        [InlineData("C5 01 C1 00")]
        public void GetResponse_Malformed_Throws(string hex)
        {
            Assert.Throws<DlmsProtocolException>(() => GetResponse.Decode(Hex.Parse(hex)));
        }

        [Theory]
        [InlineData("D8 01 02", 1, 2)]
        [InlineData("D8 02 01", 2, 1)]
        [InlineData("D8 01 06 00 00 00 05", 1, 6)]
        public void ExceptionResponse_Throws(string hex, byte state, byte service)
        {
            var e = Assert.Throws<ExceptionResponseException>(() => GetResponse.Decode(Hex.Parse(hex)));

            Assert.Equal(state, e.StateError);
            Assert.Equal(service, e.ServiceError);
        }

        [Fact]
        public void ExceptionResponse_MessageNamesBothErrors()
        {
            var e = Assert.Throws<ExceptionResponseException>(() => SetResponse.Decode(Hex.Parse("D8 01 02")));

            Assert.Equal("Exception-response: state-error service-not-allowed (1), service-error service-not-supported (2)", e.Message);
        }

        [Fact]
        public void ConfirmedServiceError_Throws()
        {
            var e = Assert.Throws<ConfirmedServiceErrorException>(() => ActionResponse.Decode(Hex.Parse("0E 05 05 01")));

            Assert.Equal(new ConfirmedServiceError(5, 5, 1), e.Error);
        }

        [Theory]
        [InlineData("C5 01 81 00", SetResponseKind.Normal, DataAccessResult.Success, 0u)]
        [InlineData("C5 01 C1 03", SetResponseKind.Normal, DataAccessResult.ReadWriteDenied, 0u)]
        [InlineData("C5 02 C1 00000002", SetResponseKind.Datablock, DataAccessResult.Success, 2u)]
        [InlineData("C5 03 C1 00 00000003", SetResponseKind.LastDatablock, DataAccessResult.Success, 3u)]
        public void SetResponse_Decodes(string hex, SetResponseKind kind, DataAccessResult result, uint block)
        {
            SetResponse response = SetResponse.Decode(Hex.Parse(hex));

            Assert.Equal(kind, response.Kind);
            Assert.Equal(result, response.Result);
            Assert.Equal(block, response.BlockNumber);
        }

        [Fact]
        public void ActionResponse_WithReturnParameters()
        {
            ActionResponse response = ActionResponse.Decode(Hex.Parse("C7 01 C0 00 01 00 09 11 10 00001AFD E8857B728A3499106AA665D1"));

            Assert.Equal(DataAccessResult.Success, response.Result);
            Assert.Equal(DlmsValue.OctetString(Hex.Parse("10 00001AFD E8857B728A3499106AA665D1")), response.ReturnParameters!.Value);
        }

        [Theory]
        [InlineData("C7 01 C1 00", DataAccessResult.Success)]
        [InlineData("C7 01 C1 00 00", DataAccessResult.Success)]
        [InlineData("C7 01 C1 0B", DataAccessResult.ObjectUnavailable)]
        public void ActionResponse_WithoutReturnParameters(string hex, DataAccessResult result)
        {
            ActionResponse response = ActionResponse.Decode(Hex.Parse(hex));

            Assert.Equal(result, response.Result);
            Assert.Null(response.ReturnParameters);
        }

        [Fact]
        public void Clock_KmethyResponse_PrintsAsDateTime()
        {
            // Green Book example: 2002-12-04 Wed 10:06:11, deviation +120 (= UTC-02:00 in the Gurux sign convention).
            GetResponse response = GetResponse.Decode(Hex.Parse("C4 01 81 00 09 0C 07D2 0C 04 03 0A 06 0B FF 0078 00"));

            string text = DlmsValueText.Format(response.Result!.Value!, new DlmsValueFormatOptions());

            Assert.Equal("dt:2002-12-04T10:06:11-02:00", text);
        }
    }
}
