using DlmsDevice.Emulator.Tracing;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>The one-line decodings of the emulator's --trace (byte vectors from PROTOCOL.md and the traces).</summary>
    public sealed class TraceAnnotationTests
    {
        [Theory]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "GET-Request-Normal iid=0xC1 1/0.0.43.1.0.255/2")]
        [InlineData("C4 01 C1 00 06 00001391", "GET-Response-Normal iid=0xC1 data double-long-unsigned")]
        [InlineData("C4 01 C1 01 01", "GET-Response-Normal iid=0xC1 data-access-result=hardware-fault")]
        [InlineData("C0 02 C1 00000001", "GET-Request-Next iid=0xC1 block=1")]
        [InlineData("C0 03 C1 02 0001 00002A0000FF 02 00 0008 0000010000FF 02 00", "GET-Request-With-List iid=0xC1 2 items: 1/0.0.42.0.0.255/2 8/0.0.1.0.0.255/2")]
        [InlineData("C5 01 81 00", "SET-Response-Normal iid=0x81 result=success")]
        [InlineData("D8 01 01", "ExceptionResponse state-error=service-not-allowed service-error=operation-not-possible")]
        [InlineData("62 03 80 01 00", "RLRQ reason=0")]
        [InlineData("601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF", "AARQ context=LN InitiateRequest{version=6 conformance=0x621E5D client-max-receive-pdu=65535}")]
        [InlineData("61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 01",
            "AARE context=LN result=rejected-permanent diagnostic(user)=no-reason-given ConfirmedServiceError initiateError initiate=dlms-version-too-low")]
        [InlineData("AB 01", "APDU tag 0xAB (2 bytes)")]
        public void Describe_Apdu_NamesServiceAndFields(string hex, string expected)
        {
            byte[] apdu = Hex.Parse(hex);

            Assert.Equal(expected, ApduAnnotator.Describe(apdu, 0, apdu.Length));
        }

        [Theory]
        [InlineData("7E A0 08 02 23 21 93 BD 64 7E", true, "HDLC client 16 -> server 1/17 SNRM P=1")]
        [InlineData("7EA00703215111E47E", true, "HDLC client 16 -> server 1 RR N(R)=2 P/F=1")]
        [InlineData("7EA0190321326FD8E6E600C001C1000F0000280000FF020091537E", true,
            "HDLC client 16 -> server 1 I N(S)=1 N(R)=1 P/F=1; LLC request; GET-Request-Normal iid=0xC1 15/0.0.40.0.0.255/2")]
        [InlineData("7E A0 08 21 02 23 73 7A 43 7E", false, "HDLC server 1/17 -> client 16 UA F=1")]
        public void DescribeHdlc_Frame_AddressesControlAndApdu(string hex, bool fromClient, string expected)
        {
            Assert.Equal(expected, FrameAnnotator.DescribeHdlc(Hex.Parse(hex), fromClient));
        }

        [Fact]
        public void DescribeWrapper_Frame_HeaderAndApdu()
        {
            byte[] frame = Hex.Parse("0001001000010007C002C100000001");

            Assert.Equal("WRAPPER v1 wPort 16 -> 1 len 7; GET-Request-Next iid=0xC1 block=1", FrameAnnotator.DescribeWrapper(frame));
        }
    }
}
