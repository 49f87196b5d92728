using System;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// Whole client sessions over a real loopback socket against <see cref="ScriptedServer"/>, which
    /// checks every byte the client sends and answers with hand-built replies.
    /// </summary>
    public class SessionTests
    {
        private static readonly CosemAttribute EnergyValue = CosemAttribute.Parse("1.0.1.8.0.255:3:2");

        internal static DlmsClientOptions Hdlc(ScriptedServer server) => new()
        {
            Transport = TransportKind.Hdlc,
            Port = server.Port,
            Timeout = TimeSpan.FromSeconds(5),
        };

        internal static DlmsClientOptions Wrapper(ScriptedServer server) => new()
        {
            Transport = TransportKind.Wrapper,
            Port = server.Port,
            Timeout = TimeSpan.FromSeconds(5),
        };

        internal static ScriptStep WrapperAssociation(string aareApdu = TestFrames.TraceA_AareApdu) =>
            ScriptStep.Of(TestFrames.WrapperRequest(TestFrames.TraceA_AarqApdu), TestFrames.WrapperReply(aareApdu));

        internal static ScriptStep WrapperRelease() =>
            ScriptStep.Of(TestFrames.WrapperRequest("62 03 80 01 00"), TestFrames.WrapperReply("63 03 80 01 00"));

        private static readonly ScriptStep[] HdlcAssociation =
        {
            ScriptStep.Of(TestFrames.TraceA_Snrm, TestFrames.TraceA_Ua),
            ScriptStep.Of(TestFrames.TraceA_Aarq, TestFrames.TraceA_Aare),
        };

        [Fact]
        public async Task Hdlc_TraceAD_SessionIsByteExact()
        {
            // Trace A then Trace D, every client frame checked byte for byte.
            await using var server = new ScriptedServer(
                HdlcAssociation[0],
                HdlcAssociation[1],
                ScriptStep.Of(TestFrames.TraceD_GetValue, TestFrames.TraceD_Value),
                ScriptStep.Of(TestFrames.TraceD_GetScaler, TestFrames.TraceD_Scaler),
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Hdlc(server));
            AssociationResponse aare = await client.AssociateAsync();
            ScaledValue energy = await client.GetScaledAsync(EnergyValue);
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal(new HdlcParameters(154, 154, 1, 1), ((HdlcTransport)client.Transport).Negotiated);
            Assert.Equal(0x04C8, aare.ServerMaxReceivePduSize);
            Assert.Equal("12345 Wh", energy.ToString());
        }

        [Fact]
        public async Task Wrapper_AssociateGetRelease_IsByteExact()
        {
            await using var server = new ScriptedServer(
                WrapperAssociation(),
                ScriptStep.Of(TestFrames.TraceD_WrapperGet, TestFrames.TraceD_WrapperValue),
                WrapperRelease());

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(EnergyValue);
            await client.ReleaseAsync();
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal(DlmsValue.DoubleLongUnsigned(12345), value);
            Assert.Null(client.Association);
        }

        [Fact]
        public async Task Wrapper_GetWithThreeDataBlocks_ReassemblesObjectList()
        {
            byte[] raw = AxdrEncoder.Encode(AxdrDecoder.Decode(Hex.Parse(
                "01 02 02 04 12 0008 11 00 09 06 0000010000FF 02 02 01 02 02 03 0F 01 16 01 00 02 03 0F 02 16 03 01 01 0F 01 01 01 02 02 0F 01 03 01" +
                " 02 04 12 0003 11 00 09 06 0100010800FF 02 02 01 03 02 03 0F 01 16 01 00 02 03 0F 02 16 01 00 02 03 0F 03 16 00 00 01 01 02 02 0F 01 16 02")));
            byte[] b1 = raw.AsSpan(0, 30).ToArray();
            byte[] b2 = raw.AsSpan(30, 30).ToArray();
            byte[] b3 = raw.AsSpan(60).ToArray();
            await using var server = new ScriptedServer(
                WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C0 01 C1 000F 0000280000FF 02 00"),
                    TestFrames.Wrapper(1, 16, TestFrames.Concat(Hex.Parse("C4 02 C1 00 00000001 00 1E"), b1))),
                ScriptStep.Of(TestFrames.WrapperRequest("C0 02 C1 00000001"),
                    TestFrames.Wrapper(1, 16, TestFrames.Concat(Hex.Parse("C4 02 C1 00 00000002 00 1E"), b2))),
                ScriptStep.Of(TestFrames.WrapperRequest("C0 02 C1 00000002"),
                    TestFrames.Wrapper(1, 16, TestFrames.Concat(Hex.Parse("C4 02 C1 01 00000003 00"), new[] { (byte)b3.Length }, b3))),
                WrapperRelease());

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();
            var objects = await client.GetObjectListAsync();
            await client.ReleaseAsync();

            await server.Completion;
            Assert.Equal(new[] { "0.0.1.0.0.255", "1.0.1.8.0.255" }, objects.Select(o => o.LogicalName.ToString()));
            Assert.Equal(new ushort[] { 8, 3 }, objects.Select(o => o.ClassId));
        }

        [Fact]
        public async Task Wrapper_BlockOutOfSequence_Throws()
        {
            await using var server = new ScriptedServer(
                WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest(TestFrames.TraceD_WrapperGet.Substring(24)),
                    TestFrames.WrapperReply("C4 02 C1 00 00000002 00 02 11 01")));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();

            var e = await Assert.ThrowsAsync<DlmsProtocolException>(() => client.GetAsync(EnergyValue));
            Assert.Equal("Expected data block 1, got block 2.", e.Message);
        }

        [Fact]
        public async Task Hdlc_SegmentedReply_SendsRrAfterEachSegment()
        {
            byte[] payload = Enumerable.Range(0, 290).Select(i => (byte)i).ToArray();
            byte[] info = TestFrames.Concat(Hex.Parse("E6 E7 00 C4 01 C1 00 09 82 01 22"), payload);
            Assert.Equal(301, info.Length);
            byte[] s1 = info.AsSpan(0, 128).ToArray();
            byte[] s2 = info.AsSpan(128, 128).ToArray();
            byte[] s3 = info.AsSpan(256).ToArray();
            await using var server = new ScriptedServer(
                HdlcAssociation[0],
                HdlcAssociation[1],
                ScriptStep.Of(TestFrames.TraceD_GetValue, TestFrames.FromServer(0x52, s1, segmented: true)),
                // RR N(R)=2, then RR N(R)=3, each with P/F (as all three reference clients do).
                ScriptStep.Of(TestFrames.ToServer(0x51, Array.Empty<byte>()), TestFrames.FromServer(0x54, s2, segmented: true)),
                ScriptStep.Of(TestFrames.ToServer(0x71, Array.Empty<byte>()), TestFrames.FromServer(0x56, s3)),
                // Next request is I(2,4): the three segments advanced N(R).
                ScriptStep.Of(TestFrames.ToServer(0x94, Hex.Parse("E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 03 00")),
                    TestFrames.FromServer(0x78, Hex.Parse("E6 E7 00 C4 01 C1 00 02 02 0F FF 16 1E"))),
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Hdlc(server));
            await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(EnergyValue);
            DlmsValue scaler = await client.GetAsync(EnergyValue with { AttributeId = 3 });
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal(payload, value.Bytes);
            Assert.Equal(new ScalerUnit(-1, 30), ScalerUnit.FromValue(scaler));
        }

        [Fact]
        public async Task Hdlc_LongRequest_IsSegmentedAtMaxInfo()
        {
            // UA without information field: defaults, max info 128.
            byte[] setApdu = TestFrames.Concat(Hex.Parse("E6 E6 00 C1 01 C1 0001 0000600100FF 02 00 09 81 C8"), Enumerable.Repeat((byte)0x5A, 200).ToArray());
            Assert.Equal(219, setApdu.Length);
            await using var server = new ScriptedServer(
                ScriptStep.Of(Hex.Parse(TestFrames.TraceA_Snrm), TestFrames.FromServer(0x73, Array.Empty<byte>())),
                HdlcAssociation[1],
                ScriptStep.Of(TestFrames.ToServer(0x32, setApdu.AsSpan(0, 128).ToArray(), segmented: true), TestFrames.FromServer(0x51, Array.Empty<byte>())),
                ScriptStep.Of(TestFrames.ToServer(0x34, setApdu.AsSpan(128).ToArray()), TestFrames.FromServer(0x72, Hex.Parse("E6 E7 00 C5 01 C1 00"))),
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Hdlc(server));
            await client.AssociateAsync();
            Assert.Equal(HdlcParameters.Default, ((HdlcTransport)client.Transport).Negotiated);
            await client.SetAsync(CosemAttribute.Parse("0.0.96.1.0.255:1:2"), DlmsValue.OctetString(Enumerable.Repeat((byte)0x5A, 200).ToArray()));
            await client.DisconnectAsync();

            await server.Completion;
        }

        [Fact]
        public async Task Hdlc_SnrmWithParameters_NegotiatesMinimum()
        {
            byte[] snrmInfo = new HdlcParameters(512, 512, 1, 1).Encode();
            Assert.Equal("81 80 14 05 02 02 00 06 02 02 00 07 04 00 00 00 01 08 04 00 00 00 01", Hex.Format(snrmInfo));
            await using var server = new ScriptedServer(
                ScriptStep.Of(TestFrames.ToServer(0x93, snrmInfo),
                    TestFrames.FromServer(0x73, Hex.Parse("81 80 14 05 02 01 00 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01"))),
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Hdlc(server) with { HdlcParameters = new HdlcParameters(512, 512, 1, 1) });
            HdlcParameters negotiated = ((HdlcTransport)client.Transport).Negotiated;
            await client.DisconnectAsync();

            await server.Completion;
            // Server transmits 256 (our receive), receives 128 (our transmit).
            Assert.Equal(new HdlcParameters(128, 256, 1, 1), negotiated);
        }

        [Fact]
        public async Task Hdlc_EchoAndCorruptFrames_AreIgnored()
        {
            byte[] corrupt = Hex.Parse(TestFrames.TraceA_Ua);
            corrupt[15] ^= 0xFF;
            await using var server = new ScriptedServer(
                // An optical head echoes the SNRM; then a frame with a bad FCS; then the real UA.
                ScriptStep.Of(Hex.Parse(TestFrames.TraceA_Snrm), Hex.Parse(TestFrames.TraceA_Snrm), corrupt, Hex.Parse(TestFrames.TraceA_Ua)),
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Hdlc(server));
            await client.DisconnectAsync();

            await server.Completion;
        }

        [Fact]
        public async Task Hdlc_DmToSnrm_ThrowsLinkException()
        {
            await using var server = new ScriptedServer(ScriptStep.Of(TestFrames.TraceA_Snrm, "7E A0 08 21 02 23 1F 10 EA 7E"));

            var e = await Assert.ThrowsAsync<DlmsLinkException>(() => DlmsClient.ConnectAsync(Hdlc(server)));

            Assert.Contains("DM", e.Message);
        }

        [Fact]
        public async Task Hdlc_WrongSendSequence_ThrowsProtocolException()
        {
            await using var server = new ScriptedServer(
                HdlcAssociation[0],
                // AARE with N(S)=1 instead of 0.
                ScriptStep.Of(Hex.Parse(TestFrames.TraceA_Aarq), TestFrames.FromServer(0x32, Hex.Parse("E6 E7 00 " + TestFrames.TraceA_AareApdu))));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Hdlc(server));

            var e = await Assert.ThrowsAsync<DlmsProtocolException>(() => client.AssociateAsync());
            Assert.Contains("N(S)=0", e.Message);
        }

        [Fact]
        public async Task NoReply_ThrowsTimeout()
        {
            await using var server = new ScriptedServer(ScriptStep.Of(TestFrames.WrapperRequest(TestFrames.TraceA_AarqApdu), Array.Empty<byte>()));

            // Connect with a generous timeout (a loaded machine), then wait only 200 ms for the reply.
            IByteLink link = await StreamByteLink.ConnectTcpAsync("127.0.0.1", server.Port, TimeSpan.FromSeconds(10), default);
            await using DlmsClient client = await DlmsClient.ConnectAsync(link, Wrapper(server) with { Timeout = TimeSpan.FromMilliseconds(200) });

            var e = await Assert.ThrowsAsync<DlmsTimeoutException>(() => client.AssociateAsync());
            Assert.StartsWith("Timed out after 0.2 s waiting for a wrapper reply from 127.0.0.1:", e.Message);
        }

        [Fact]
        public async Task Wrapper_InitiateError_ThrowsAssociationRejected()
        {
            await using var server = new ScriptedServer(WrapperAssociation(
                "61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 01"));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));

            var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => client.AssociateAsync());
            Assert.Equal(new ConfirmedServiceError(1, 6, 1), e.Response.InitiateError);
            Assert.Null(client.Association);
        }

        [Fact]
        public async Task Wrapper_Lls_SendsPassword()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(TestFrames.Wrapper(17, 1, Hex.Parse("6033A1090607608574050801018A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F0400001E1DFFFF")),
                    TestFrames.Wrapper(1, 17, Hex.Parse(TestFrames.TraceA_AareApdu))));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server) with { ClientSap = 17, Authentication = AuthenticationMechanism.Low, Password = "Gurux" });
            await client.AssociateAsync();

            await server.Completion;
        }

        [Fact]
        public async Task Wrapper_GetErrors_BecomeExceptions()
        {
            string get = TestFrames.TraceD_WrapperGet.Substring(24);
            await using var server = new ScriptedServer(
                WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest(get), TestFrames.WrapperReply("C4 01 C1 01 04")),
                ScriptStep.Of(TestFrames.WrapperRequest(get), TestFrames.WrapperReply("D8 01 02")),
                ScriptStep.Of(TestFrames.WrapperRequest(get), TestFrames.WrapperReply("C4 01 C2 00 11 01")),
                ScriptStep.Of(TestFrames.WrapperRequest(get), TestFrames.WrapperReply("C4 01 C1 01 03")));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();

            var access = await Assert.ThrowsAsync<DataAccessException>(() => client.GetAsync(EnergyValue));
            Assert.Equal(DataAccessResult.ObjectUndefined, access.Result);
            Assert.Equal("GET 1.0.1.8.0.255:3:2: object-undefined (4)", access.Message);
            await Assert.ThrowsAsync<ExceptionResponseException>(() => client.GetAsync(EnergyValue));
            var wrongId = await Assert.ThrowsAsync<DlmsProtocolException>(() => client.GetAsync(EnergyValue));
            Assert.Contains("invoke-id 2", wrongId.Message);
            GetResult result = await client.TryGetAsync(EnergyValue);
            Assert.Equal(DataAccessResult.ReadWriteDenied, result.Result);
            await server.Completion;
        }

        [Fact]
        public async Task Wrapper_GetWithList()
        {
            await using var server = new ScriptedServer(
                WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C0 03 C1 02 0003 0100010800FF 02 00 0003 0100010800FF 03 00"),
                    TestFrames.WrapperReply("C4 03 C1 02 00 06 00003039 01 0D")));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();
            var results = await client.GetWithListAsync(new[] { EnergyValue, EnergyValue with { AttributeId = 3 } });

            Assert.Equal(DlmsValue.DoubleLongUnsigned(12345), results[0].Value);
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, results[1].Result);
            await server.Completion;
        }

        [Fact]
        public async Task Wrapper_SetWithDatablocks_WhenValueExceedsServerPdu()
        {
            // AARE grants a server max receive PDU of 64 bytes.
            const string smallPduAare = "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 00 40 00 07";
            byte[] value = AxdrEncoder.Encode(DlmsValue.OctetString(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray()));
            Assert.Equal(102, value.Length);
            byte[] first = TestFrames.Concat(Hex.Parse("C1 02 C1 0001 0000600100FF 02 00 00 00000001 2C"), value.AsSpan(0, 44).ToArray());
            byte[] second = TestFrames.Concat(Hex.Parse("C1 03 C1 00 00000002 2C"), value.AsSpan(44, 44).ToArray());
            byte[] third = TestFrames.Concat(Hex.Parse("C1 03 C1 01 00000003 0E"), value.AsSpan(88).ToArray());
            Assert.True(first.Length <= 64);
            await using var server = new ScriptedServer(
                WrapperAssociation(smallPduAare),
                ScriptStep.Of(TestFrames.Wrapper(16, 1, first), TestFrames.WrapperReply("C5 02 C1 00000001")),
                ScriptStep.Of(TestFrames.Wrapper(16, 1, second), TestFrames.WrapperReply("C5 02 C1 00000002")),
                ScriptStep.Of(TestFrames.Wrapper(16, 1, third), TestFrames.WrapperReply("C5 03 C1 00 00000003")),
                WrapperRelease());

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();
            await client.SetAsync(CosemAttribute.Parse("0.0.96.1.0.255:1:2"), AxdrDecoder.Decode(value));
            await client.ReleaseAsync();

            await server.Completion;
        }

        [Fact]
        public async Task Wrapper_SetNormal_FailureResult_Throws()
        {
            await using var server = new ScriptedServer(
                WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C1 01 C1 0008 0000010000FF 02 00 09 0C 07EA0B19030A0000008000 00"),
                    TestFrames.WrapperReply("C5 01 C1 03")));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();

            var e = await Assert.ThrowsAsync<DataAccessException>(() =>
                client.SetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"), DlmsValueText.Parse("dt:2026-11-25T10:00:00")));
            Assert.Equal(DataAccessResult.ReadWriteDenied, e.Result);
        }

        [Fact]
        public async Task Wrapper_Action_ReturnsParametersOrThrows()
        {
            await using var server = new ScriptedServer(
                WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C3 01 C1 0009 00000A0000FF 01 01 12 00 07"),
                    TestFrames.WrapperReply("C7 01 C1 00 01 00 11 2A")),
                ScriptStep.Of(TestFrames.WrapperRequest("C3 01 C1 0046 0000600300FF 02 00"),
                    TestFrames.WrapperReply("C7 01 C1 00")),
                ScriptStep.Of(TestFrames.WrapperRequest("C3 01 C1 0046 0000600300FF 01 00"),
                    TestFrames.WrapperReply("C7 01 C1 0B")));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Wrapper(server));
            await client.AssociateAsync();

            DlmsValue? returned = await client.ActionAsync(CosemMethod.Parse("0.0.10.0.0.255:9:1"), DlmsValue.LongUnsigned(7));
            DlmsValue? none = await client.ActionAsync(CosemMethod.Parse("0.0.96.3.0.255:70:2"));
            var e = await Assert.ThrowsAsync<DataAccessException>(() => client.ActionAsync(CosemMethod.Parse("0.0.96.3.0.255:70:1")));

            Assert.Equal(DlmsValue.Unsigned(42), returned);
            Assert.Null(none);
            Assert.Equal(DataAccessResult.ObjectUnavailable, e.Result);
            await server.Completion;
        }

        [Fact]
        public async Task FrameTrace_SeesEveryFrame()
        {
            var seen = new System.Collections.Generic.List<string>();
            await using var server = new ScriptedServer(
                HdlcAssociation[0],
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua));

            await using DlmsClient client = await DlmsClient.ConnectAsync(Hdlc(server) with { FrameTrace = (d, f) => seen.Add(d + " " + Hex.Format(f)) });
            await client.DisconnectAsync();

            Assert.Equal(new[]
            {
                "Sent " + TestFrames.TraceA_Snrm,
                "Received " + TestFrames.TraceA_Ua,
                "Sent " + TestFrames.TraceD_Disc,
                "Received " + TestFrames.TraceD_Ua,
            }, seen);
        }

        [Fact]
        public async Task ConnectionRefused_ThrowsLinkException()
        {
            int port;
            await using (var server = new ScriptedServer())
            {
                port = server.Port;
            }

            await Assert.ThrowsAsync<DlmsLinkException>(() => DlmsClient.ConnectAsync(new DlmsClientOptions { Port = port }));
        }
    }
}
