using System;
using System.Text;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// What the client sends, byte for byte, against known-good client bytes: the published traces (docs/interop.md)
    /// (Trace A/B/D, the Gurux forum request) and the C>S lines of the reference traces.
    /// </summary>
    public class RequestBytesTests
    {
        private static readonly ObisCode Energy = ObisCode.Parse("1.0.1.8.0.255");

        [Theory]
        // Trace A: server logical 1 / physical 17, client 16.
        [InlineData(1, 17, HdlcAddressSize.Auto, 16, "7E A0 08 02 23 21 93 BD 64 7E")]
        // Trace B (Kmethy): 4-byte server address.
        [InlineData(1, 17, HdlcAddressSize.Four, 16, "7E A0 0A 00 02 00 23 21 93 18 71 7E")]
        // All three reference clients, 1-byte server address (docs/interop.md).
        [InlineData(1, null, HdlcAddressSize.Auto, 16, "7E A0 07 03 21 93 0F 01 7E")]
        // dlms-cosem session 2: client 17, 2-byte address.
        [InlineData(1, 17, HdlcAddressSize.Two, 17, "7E A0 08 02 23 23 93 0D 57 7E")]
        public void Snrm_WithoutParameters_MatchesReferenceClients(int logical, int? physical, HdlcAddressSize size, int clientSap, string expected)
        {
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(logical, physical, size), new[] { HdlcAddress.Client(clientSap) }, HdlcFrame.Snrm, ReadOnlySpan<byte>.Empty);

            Assert.Equal(expected, Hex.Format(frame));
        }

        [Fact]
        public void Snrm_WithParameters_MatchesGuruxNetClient()
        {
            // gurux-net-client.txt extra session: -w 3 -f 2030.
            byte[] info = new HdlcParameters(2030, 2030, 3, 3).Encode();
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, null), new[] { HdlcAddress.Client(16) }, HdlcFrame.Snrm, info);

            Assert.Equal(Hex.Format(Hex.Parse("7EA0200321937DD9818014050207EE060207EE0704000000030804000000031CC07E")), Hex.Format(frame));
        }

        [Theory]
        [InlineData(0x001E1D, "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")]
        [InlineData(0x401E1D, "601DA109060760857405080101BE10040E01000000065F1F0400401E1DFFFF")]
        [InlineData(0x621E5D, "601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF")]
        public void Aarq_NoAuthentication_MatchesReferenceClients(uint conformance, string expected)
        {
            byte[] aarq = AssociationRequest.Encode((Conformance)conformance, 0xFFFF);

            Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(aarq));
        }

        [Fact]
        public void Aarq_DefaultConformance_IsTraceA()
        {
            Assert.Equal(0x001E1Du, (uint)Conformance.Default);
        }

        [Fact]
        public void Aarq_Lls_MatchesGuruxCClient()
        {
            // gurux-c-client.txt session 2, password "Gurux", conformance 0x401E1D.
            byte[] aarq = AssociationRequest.Encode((Conformance)0x401E1D, 0xFFFF, AuthenticationMechanism.Low, Encoding.ASCII.GetBytes("Gurux"));

            Assert.Equal(
                Hex.Format(Hex.Parse("6033A1090607608574050801018A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F0400401E1DFFFF")),
                Hex.Format(aarq));
        }

        [Fact]
        public void Aarq_WithCallingApTitle_MatchesDlmsCosemShape()
        {
            // dlms-cosem sends a calling-AP-title even without ciphering (title bytes differ per run).
            byte[] title = Hex.Parse("757469476D4336B2");
            byte[] aarq = AssociationRequest.Encode((Conformance)0x20525F, 0xFFFF, AuthenticationMechanism.None, null, title);

            Assert.Equal(
                Hex.Format(Hex.Parse("6029A109060760857405080101A60A0408757469476D4336B2BE10040E01000000065F1F040020525FFFFF")),
                Hex.Format(aarq));
        }

        [Fact]
        public void AarqFrame_TraceA_ByteExact()
        {
            byte[] info = TestFrames.Concat(HdlcTransport.LlcRequest, AssociationRequest.Encode(Conformance.Default, 0xFFFF));
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, 17), new[] { HdlcAddress.Client(16) }, HdlcFrame.InformationControl(0, 0), info);

            Assert.Equal(Hex.Format(Hex.Parse(TestFrames.TraceA_Aarq)), Hex.Format(frame));
        }

        [Fact]
        public void AarqFrame_LlsClient17_MatchesGuruxCClient()
        {
            byte[] aarq = AssociationRequest.Encode((Conformance)0x401E1D, 0xFFFF, AuthenticationMechanism.Low, Encoding.ASCII.GetBytes("Gurux"));
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, 17), new[] { HdlcAddress.Client(17) }, 0x10, TestFrames.Concat(HdlcTransport.LlcRequest, aarq));

            Assert.Equal(
                Hex.Format(Hex.Parse("7EA04202232310146CE6E6006033A1090607608574050801018A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F0400401E1DFFFFCFED7E")),
                Hex.Format(frame));
        }

        [Theory]
        // Trace D: GET 1.0.1.8.0.255 attr 2 as I(1,1), attr 3 as I(2,2).
        [InlineData(2, 1, 1, TestFrames.TraceD_GetValue)]
        [InlineData(3, 2, 2, TestFrames.TraceD_GetScaler)]
        public void GetFrame_TraceD_ByteExact(int attribute, int ns, int nr, string expected)
        {
            byte[] apdu = GetRequest.Normal(0xC1, new CosemAttribute(3, Energy, (sbyte)attribute));
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, 17), new[] { HdlcAddress.Client(16) }, HdlcFrame.InformationControl(ns, nr), TestFrames.Concat(HdlcTransport.LlcRequest, apdu));

            Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(frame));
        }

        [Fact]
        public void GetFrame_GuruxForumRealMeter_ByteExact()
        {
            // gurux.fi/comment/15532: client 32, server logical 1 (1 byte), Register 1.0.12.7.0.255 attr 2.
            byte[] apdu = GetRequest.Normal(0xC1, new CosemAttribute(3, ObisCode.Parse("1.0.12.7.0.255"), 2));
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, null), new[] { HdlcAddress.Client(32) }, 0x32, TestFrames.Concat(HdlcTransport.LlcRequest, apdu));

            Assert.Equal("7E A0 19 03 41 32 3A BD E6 E6 00 C0 01 C1 00 03 01 00 0C 07 00 FF 02 00 11 37 7E", Hex.Format(frame));
        }

        [Fact]
        public void WrapperGet_TraceD_ByteExact()
        {
            byte[] apdu = GetRequest.Normal(0xC1, new CosemAttribute(3, Energy, 2));

            Assert.Equal(TestFrames.TraceD_WrapperGet, Hex.Format(WrapperTransport.Encode(16, 1, apdu)));
        }

        [Theory]
        // dlms-cosem-client.txt: RR with P/F after every received segment, N(R) = next expected.
        [InlineData(2, "7EA00703215111E47E")]
        [InlineData(3, "7EA00703217113C57E")]
        [InlineData(4, "7EA0070321911D227E")]
        [InlineData(5, "7EA0070321B11F037E")]
        [InlineData(6, "7EA0070321D119607E")]
        [InlineData(7, "7EA0070321F11B417E")]
        [InlineData(0, "7EA00703211115A67E")]
        [InlineData(1, "7EA00703213117877E")]
        public void ReceiveReady_MatchesDlmsCosemClient(int nr, string expected)
        {
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, null), new[] { HdlcAddress.Client(16) }, HdlcFrame.ReceiveReadyControl(nr), ReadOnlySpan<byte>.Empty);

            Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(frame));
        }

        [Fact]
        public void ReceiveReady_TwoByteAddress_MatchesDlmsCosemClient()
        {
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, 17), new[] { HdlcAddress.Client(17) }, HdlcFrame.ReceiveReadyControl(2), ReadOnlySpan<byte>.Empty);

            Assert.Equal("7E A0 08 02 23 23 51 13 B2 7E", Hex.Format(frame));
        }

        [Theory]
        [InlineData(1, "C0 02 C1 00 00 00 01")]
        [InlineData(4, "C0 02 C1 00 00 00 04")]
        public void GetNext_AcknowledgesBlock(uint block, string expected)
        {
            Assert.Equal(expected, Hex.Format(GetRequest.Next(0xC1, block)));
        }

        [Fact]
        public void GetNextFrame_MatchesGuruxCClient()
        {
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, null), new[] { HdlcAddress.Client(16) }, HdlcFrame.InformationControl(2, 2), TestFrames.Concat(HdlcTransport.LlcRequest, GetRequest.Next(0xC1, 1)));

            Assert.Equal(Hex.Format(Hex.Parse("7EA013032154F102E6E600C002C10000000151BE7E")), Hex.Format(frame));
        }

        [Fact]
        public void GetWithList_MatchesProtocolVector()
        {
            byte[] apdu = GetRequest.WithList(0xC1, new[]
            {
                new CosemAttribute(1, ObisCode.Parse("0.0.42.0.0.255"), 2),
                new CosemAttribute(8, ObisCode.Parse("0.0.1.0.0.255"), 2),
            });

            Assert.Equal(Hex.Format(Hex.Parse("C0 03 C1 02 0001 00002A0000FF 02 00 0008 0000010000FF 02 00")), Hex.Format(apdu));
        }

        [Fact]
        public void GetWithList_MatchesDlmsCosemSession2()
        {
            byte[] apdu = GetRequest.WithList(0xC7, new[]
            {
                new CosemAttribute(3, Energy, 2),
                new CosemAttribute(3, Energy, 3),
                new CosemAttribute(8, ObisCode.Parse("0.0.1.0.0.255"), 2),
            });

            Assert.Equal(Hex.Format(Hex.Parse("C003C70300030100010800FF020000030100010800FF030000080000010000FF0200")), Hex.Format(apdu));
        }

        [Fact]
        public void GetNormal_WithEntryDescriptor_MatchesAllThreeClients()
        {
            var access = new SelectiveAccess(2, DlmsValueText.Parse("{u32:1, u32:1, u16:1, u16:0}"));
            byte[] apdu = GetRequest.Normal(0xC5, new CosemAttribute(7, ObisCode.Parse("1.0.99.1.0.255"), 2), access);

            Assert.Equal(Hex.Format(Hex.Parse("C001C500070100630100FF020102020406000000010600000001120001120000")), Hex.Format(apdu));
        }

        [Fact]
        public void SetNormal_MatchesProtocolVector()
        {
            byte[] value = AxdrEncoder.Encode(DlmsValue.OctetString(Hex.Parse("07E5 01 18 FF 0E 30 39 50 FF C4 00")));
            byte[] apdu = SetRequest.Normal(0xC1, new CosemAttribute(8, ObisCode.Parse("0.0.1.0.0.255"), 2), value);

            Assert.Equal(Hex.Format(Hex.Parse("C1 01 C1 0008 0000010000FF 02 00 09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00")), Hex.Format(apdu));
        }

        [Fact]
        public void ActionNormal_MatchesProtocolVector()
        {
            var parameter = DlmsValue.OctetString(Hex.Parse("10 00001A90 E6D2221FA2FD85EED61ACC22"));
            byte[] apdu = ActionRequest.Normal(0xC0, new CosemMethod(15, ObisCode.Parse("0.0.40.0.0.255"), 1), AxdrEncoder.Encode(parameter));

            Assert.Equal(Hex.Format(Hex.Parse("C3 01 C0 000F 0000280000FF 01 01 09 11 10 00001A90 E6D2221FA2FD85EED61ACC22")), Hex.Format(apdu));
        }

        [Fact]
        public void ActionNormal_NoParameters_EndsWithZero()
        {
            byte[] apdu = ActionRequest.Normal(0xC1, new CosemMethod(9, ObisCode.Parse("0.0.10.0.0.255"), 1), ReadOnlySpan<byte>.Empty);

            Assert.Equal("C3 01 C1 00 09 00 00 0A 00 00 FF 01 00", Hex.Format(apdu));
        }

        [Fact]
        public void Rlrq_IsNormalRelease()
        {
            Assert.Equal("62 03 80 01 00", Hex.Format(AssociationRequest.EncodeReleaseRequest()));
        }

        [Fact]
        public void RlrqFrame_MatchesDlmsCosemClient()
        {
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(1, null), new[] { HdlcAddress.Client(16) }, HdlcFrame.InformationControl(1, 3), TestFrames.Concat(HdlcTransport.LlcRequest, AssociationRequest.EncodeReleaseRequest()));

            Assert.Equal(Hex.Format(Hex.Parse("7EA011032172B37FE6E6006203800100BD9B7E")), Hex.Format(frame));
        }

        [Theory]
        [InlineData(1, 17, TestFrames.TraceD_Disc)]
        [InlineData(1, null, "7EA00703215303C77E")]
        public void Disc_MatchesReference(int logical, int? physical, string expected)
        {
            byte[] frame = HdlcFrame.Encode(HdlcAddress.Server(logical, physical), new[] { HdlcAddress.Client(16) }, HdlcFrame.Disc, ReadOnlySpan<byte>.Empty);

            Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(frame));
        }

        [Theory]
        [InlineData(16, "21")]
        [InlineData(1, "03")]
        [InlineData(32, "41")]
        [InlineData(48, "61")]
        [InlineData(25, "33")]
        public void ClientAddress_IsSapShiftedWithEndBit(int sap, string expected)
        {
            Assert.Equal(expected, Hex.Format(new[] { HdlcAddress.Client(sap) }));
        }

        [Theory]
        [InlineData(1, null, HdlcAddressSize.Auto, "03")]
        [InlineData(1, 17, HdlcAddressSize.Auto, "02 23")]
        [InlineData(1, 40, HdlcAddressSize.Auto, "02 51")]
        [InlineData(1, 17, HdlcAddressSize.Four, "00 02 00 23")]
        [InlineData(0x3FFF, 0x3FFF, HdlcAddressSize.Four, "FE FE FE FF")]
        public void ServerAddress_Forms(int logical, int? physical, HdlcAddressSize size, string expected)
        {
            Assert.Equal(expected, Hex.Format(HdlcAddress.Server(logical, physical, size)));
        }

        [Theory]
        [InlineData(128, 1)]
        [InlineData(1, -1)]
        public void ServerAddress_OutOfRange_Throws(int logical, int physical)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => HdlcAddress.Server(logical, physical, HdlcAddressSize.Two));
        }
    }
}
