using System;
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
        [InlineData("C0 02 74 C1 02", "GET-Request-Next truncated at byte 5")]
        [InlineData("C0 01", "GET-Request-Normal truncated at byte 2")]
        [InlineData("C0", "GET-Request truncated at byte 1")]
        [InlineData("C0 01 C1 0001 00002B", "GET-Request-Normal truncated at byte 8")]
        [InlineData("C0 03 C1 02 0001 00002A0000FF 02 00 0008", "GET-Request-With-List truncated at byte 16")]
        [InlineData("D8 01", "ExceptionResponse truncated at byte 2")]
        [InlineData("601DA109060760857405080101", "AARQ truncated at byte 13")]
        [InlineData("62 03 80", "RLRQ truncated at byte 3")]
        [InlineData("C4 01", "GET-Response-Normal truncated at byte 2")]
        [InlineData("C7 01 C1", "ACTION-Response-Normal truncated at byte 3")]
        public void Describe_TruncatedApdu_NamesServiceAndWhereItEnds(string hex, string expected)
        {
            byte[] apdu = Hex.Parse(hex);

            Assert.Equal(expected, ApduAnnotator.Describe(apdu, 0, apdu.Length));
        }

        // One complete APDU per service and variant, with the number of leading bytes the
        // annotator needs: every shorter prefix must be reported as truncated where it ends.
        [Theory]
        [InlineData("601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF", 31)] // AARQ
        [InlineData("61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 01", 33)] // AARE
        [InlineData("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 00 00 07", 43)] // AARE accepted
        [InlineData("62 03 80 01 00", 5)]                                                   // RLRQ
        [InlineData("63 03 80 01 00", 5)]                                                   // RLRE
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", 13)]                               // GET-Request-Normal
        [InlineData("C0 02 C1 00000001", 7)]                                                // GET-Request-Next
        [InlineData("C0 03 C1 02 0001 00002A0000FF 02 00 0008 0000010000FF 02 00", 24)]    // GET-Request-With-List
        [InlineData("C4 01 C1 00 06 00001391", 5)]                                          // GET-Response-Normal
        [InlineData("C4 01 C1 01 01", 5)]
        [InlineData("C4 02 C1 01 00000001 00 05 0102030405", 9)]                            // GET-Response-With-Datablock
        [InlineData("C4 02 C1 01 00000001 01 0E", 10)]
        [InlineData("C4 03 C1 02 00 06 00000001 00 06 00000002", 6)]                       // GET-Response-With-List
        [InlineData("C1 01 C1 0008 0000010000FF 02 00 09 0C 07EA0B1903 0A0000 00 0000 00", 14)] // SET-Request-Normal
        [InlineData("C1 02 C1 0001 0000636363FF 02 00 01 00000001 03 010203", 12)]        // SET-Request-With-First-Datablock
        [InlineData("C1 03 C1 01 00000002 02 AABB", 3)]                                     // SET-Request-With-Datablock
        [InlineData("C1 04 C1 01 0001 0000636363FF 02 00 01 11 05", 4)]                    // SET-Request-With-List
        [InlineData("C1 05 C1 01 0001 0000636363FF 02 00 01 00000001 02 1105", 3)]        // SET-Request-With-List-And-First-Datablock
        [InlineData("C5 01 81 00", 4)]                                                      // SET-Response-Normal
        [InlineData("C5 02 81 00000001", 7)]                                                // SET-Response-Datablock
        [InlineData("C5 03 81 00 00000002", 4)]                                             // SET-Response-Last-Datablock
        [InlineData("C5 04 81 01 00 00000002", 3)]                                          // SET-Response-Last-Datablock-With-List
        [InlineData("C5 05 81 02 00 03", 4)]                                                // SET-Response-With-List
        [InlineData("C3 01 C1 0003 0100010800FF 01 01 0F 00", 13)]                         // ACTION-Request-Normal
        [InlineData("C3 02 C1 00000001", 3)]                                                // ACTION-Request-Next-Pblock
        [InlineData("C3 03 C1 01 0003 0100010800FF 01 00", 4)]                             // ACTION-Request-With-List
        [InlineData("C3 04 C1 0003 0100010800FF 01 01 00000001 02 0F00", 3)]               // ACTION-Request-With-First-Pblock
        [InlineData("C3 05 C1 01 0003 0100010800FF 01 01 00 00000001 02 0F00", 3)]         // ACTION-Request-With-List-And-First-Pblock
        [InlineData("C3 06 C1 01 00000002 02 0F00", 3)]                                     // ACTION-Request-With-Pblock
        [InlineData("C7 01 C1 00 00", 5)]                                                   // ACTION-Response-Normal
        [InlineData("C7 01 C1 00 01 00 11 05", 5)]
        [InlineData("C7 02 C1 01 00000001 02 0F00", 3)]                                     // ACTION-Response-With-Pblock
        [InlineData("C7 03 C1 01 00 00", 4)]                                                // ACTION-Response-With-List
        [InlineData("C7 04 C1 00000001", 3)]                                                // ACTION-Response-Next-Pblock
        [InlineData("D8 01 04", 3)]                                                         // ExceptionResponse
        [InlineData("0E 01 06 01", 4)]                                                      // ConfirmedServiceError
        public void Describe_EveryPrefixOfEveryService_NeverThrowsAndReportsTheCut(string hex, int needed)
        {
            byte[] apdu = Hex.Parse(hex);
            string whole = ApduAnnotator.Describe(apdu, 0, apdu.Length);
            Assert.DoesNotContain("truncated", whole);

            for (int length = 1; length < apdu.Length; length++)
            {
                // The prefix sits in a larger buffer: bytes after it must not be read as its own.
                byte[] buffer = new byte[apdu.Length + 8];
                Array.Copy(apdu, buffer, apdu.Length);
                string line = ApduAnnotator.Describe(buffer, 0, length);

                Assert.False(string.IsNullOrEmpty(line));
                if (length < needed)
                {
                    Assert.EndsWith(" truncated at byte " + length, line);
                }
                else
                {
                    Assert.DoesNotContain("truncated", line);
                }
            }
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
