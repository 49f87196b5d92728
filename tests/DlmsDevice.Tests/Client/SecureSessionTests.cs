using System;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// Whole HLS / ciphered sessions over a loopback socket against scripted servers that check every
    /// byte the client sends: replays of the reference clients' session 3 (the client reproduces
    /// their C>S frames exactly, and accepts the real servers' replies), and constructed sessions
    /// for HLS-SHA256, the policies, ded-ciphering and every failure the client must report.
    /// </summary>
    public class SecureSessionTests
    {
        private static readonly CosemAttribute EnergyValue = CosemAttribute.Parse("1.0.1.8.0.255:3:2");

        private static byte[] W(ushort client, string apdu) => TestFrames.Wrapper(client, 1, Hex.Parse(apdu));

        private static byte[] R(ushort client, string apdu) => TestFrames.Wrapper(1, client, Hex.Parse(apdu));

        // S1/S2: client 25, HLS, constructed server ST 4D4D4D0000BC614E.
        private static DlmsClientOptions S1Options(int port, SecurityPolicy policy = SecurityPolicy.AuthenticatedEncrypted,
            AuthenticationMechanism mechanism = AuthenticationMechanism.HighGmac) => new()
        {
            Transport = TransportKind.Wrapper,
            Port = port,
            ClientSap = 25,
            Authentication = mechanism,
            Timeout = TimeSpan.FromSeconds(5),
            Security = new DlmsSecurityOptions
            {
                Policy = policy,
                Challenge = Hex.Parse("3132333435363738393A3B3C3D3E3F40"),
                InvocationCounter = 100,
                HlsSecret = "Gurux"u8.ToArray(),
            },
        };

        private static ScriptStep S1Association() => ScriptStep.Of(W(25, SecureVectors.S1_Aarq), R(25, SecureVectors.S1_Aare));

        private static ScriptStep S1Hls(string reply = SecureVectors.S1_ActionReply) => ScriptStep.Of(W(25, SecureVectors.S1_Action), R(25, reply));

        [Fact]
        public async Task HlsGmac_AuthEncGlo_GetAndRelease_IsByteExact()
        {
            await using var server = new ScriptedServer(
                S1Association(),
                S1Hls(),
                ScriptStep.Of(W(25, SecureVectors.S1_Get), R(25, SecureVectors.S1_Value)),
                ScriptStep.Of(W(25, SecureVectors.S1_Rlrq), R(25, "63 03 80 01 00")));

            await using DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port));
            AssociationResponse aare = await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(EnergyValue);
            await client.ReleaseAsync();
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal(DlmsValue.DoubleLongUnsigned(12345), value);
            Assert.Equal(0x0400, aare.ServerMaxReceivePduSize);
            Assert.Equal(AssociationRequest.LogicalNameWithCiphering, aare.ApplicationContext);
            Assert.True(aare.IsAuthenticationRequired);
            Assert.Equal("4D 4D 4D 00 00 BC 61 4E", Hex.Format(client.Security!.ServerSystemTitle!));
            Assert.Equal(105u, client.Security.NextInvocationCounter);
            Assert.Equal(503u, client.Security.LastServerInvocationCounter);
        }

        [Fact]
        public async Task HlsGmac_GeneralGlo_CarriesClientTitleAndProposesGeneralProtection()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(25, SecureVectors.S1G_Aarq), R(25, SecureVectors.S1_Aare)),
                ScriptStep.Of(W(25, SecureVectors.S1G_Action), R(25, SecureVectors.S1_ActionReply)),
                ScriptStep.Of(W(25, SecureVectors.S1_GetGeneralGlo), R(25, SecureVectors.S1_Value)),
                ScriptStep.Of(W(25, SecureVectors.S1G_Rlrq), R(25, "63 03 80 01 00")));
            DlmsClientOptions options = S1Options(server.Port);
            options = options with { Security = options.Security with { Ciphering = CipheringKind.GeneralGlo } };

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(EnergyValue);
            await client.ReleaseAsync();

            await server.Completion;
            Assert.Equal(DlmsValue.DoubleLongUnsigned(12345), value);
        }

        [Fact]
        public async Task HlsGmac_ServerProofWrong_FailsClearly()
        {
            await using var server = new ScriptedServer(S1Association(), S1Hls(SecureVectors.S1_ActionReplyWrongProof));

            await using DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port));
            var e = await Assert.ThrowsAsync<DlmsSecurityException>(() => client.AssociateAsync());

            Assert.Equal(SecurityFailure.ServerAuthenticationFailed, e.Failure);
            Assert.Contains("f(CtoS)", e.Message);
            Assert.Null(client.Association);
        }

        [Fact]
        public async Task HlsGmac_ServerRefusesClientProof_FailsClearly()
        {
            await using var server = new ScriptedServer(S1Association(), S1Hls(SecureVectors.S1_ActionReplyDenied));

            await using DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port));
            var e = await Assert.ThrowsAsync<DlmsSecurityException>(() => client.AssociateAsync());

            Assert.Equal(SecurityFailure.ClientAuthenticationRejected, e.Failure);
            Assert.Contains("read-write-denied (3)", e.Message);
        }

        [Theory]
        // The server's counter repeats the previous reply's (502): a replay.
        [InlineData(SecureVectors.S1_ValueReplayed, SecurityFailure.ReplayedInvocationCounter)]
        // A plain GET-Response in an authenticated-encrypted association.
        [InlineData("C4 01 C1 00 06 00003039", SecurityFailure.InsufficientProtection)]
        // Encrypted only where auth-enc is required.
        [InlineData(SecureVectors.S1_ValueEncOnly, SecurityFailure.InsufficientProtection)]
        // One tag bit flipped.
        [InlineData("CC1A30000001F7A37AE017E570F67917115E1333C4F6C3D1A1CD4060", SecurityFailure.DecipheringFailed)]
        // A general-glo reply from another system title.
        [InlineData("DB 08 4D4D4D0000BC614F 1A 30000001F7A37AE017E570F67917115E1333C4F6C3D1A1CD4061", SecurityFailure.WrongSystemTitle)]
        public async Task HlsGmac_BadProtectedReply_IsRejected(string reply, SecurityFailure failure)
        {
            await using var server = new ScriptedServer(
                S1Association(),
                S1Hls(),
                ScriptStep.Of(W(25, SecureVectors.S1_Get), R(25, reply)));

            await using DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port));
            await client.AssociateAsync();
            var e = await Assert.ThrowsAsync<DlmsSecurityException>(() => client.GetAsync(EnergyValue));

            Assert.Equal(failure, e.Failure);
        }

        [Theory]
        [InlineData("D8 01 05", 5, null)]
        [InlineData("D8 01 06 000001F4", 6, 500u)]
        public async Task HlsGmac_ServerCannotDecipher_ReportsExceptionResponse(string reply, byte serviceError, uint? expectedIc)
        {
            await using var server = new ScriptedServer(
                S1Association(),
                S1Hls(),
                ScriptStep.Of(W(25, SecureVectors.S1_Get), R(25, reply)));

            await using DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port));
            await client.AssociateAsync();
            var e = await Assert.ThrowsAsync<ExceptionResponseException>(() => client.GetAsync(EnergyValue));

            Assert.Equal(serviceError, e.ServiceError);
            Assert.Equal(expectedIc, e.InvocationCounter);
            Assert.Contains(serviceError == 5 ? "deciphering-error" : "invocation-counter-error", e.Message);
        }

        [Fact]
        public async Task HlsSha256_NoCiphering_IsByteExact()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(25, SecureVectors.S2_Aarq), R(25, SecureVectors.S2_Aare)),
                ScriptStep.Of(W(25, SecureVectors.S2_Action), R(25, SecureVectors.S2_ActionReply)),
                ScriptStep.Of(W(25, "C0 01 C1 0003 0100010800FF 02 00"), R(25, "C4 01 C1 00 06 00003039")),
                ScriptStep.Of(W(25, "62 03 80 01 00"), R(25, "63 03 80 01 00")));

            await using DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port, SecurityPolicy.None, AuthenticationMechanism.HighSha256));
            await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(EnergyValue);
            await client.ReleaseAsync();

            await server.Completion;
            Assert.Equal(DlmsValue.DoubleLongUnsigned(12345), value);
            Assert.Equal(100u, client.Security!.NextInvocationCounter);
        }

        [Fact]
        public async Task HlsSha256_ServerProofWrong_FailsClearly()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(25, SecureVectors.S2_Aarq), R(25, SecureVectors.S2_Aare)),
                ScriptStep.Of(W(25, SecureVectors.S2_Action), R(25, SecureVectors.S2_ActionReplyWrong)));

            await using DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port, SecurityPolicy.None, AuthenticationMechanism.HighSha256));
            var e = await Assert.ThrowsAsync<DlmsSecurityException>(() => client.AssociateAsync());

            Assert.Equal(SecurityFailure.ServerAuthenticationFailed, e.Failure);
        }

        [Theory]
        [InlineData("61 29 A1 09 06 07 60857405080101 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F1F 04 00 001E1D 0400 0007", "diagnostic 0")]
        [InlineData("61 35 A1 09 06 07 60857405080101 A2 03 02 01 00 A3 05 A1 03 02 01 0E A4 0A 04 08 4D4D4D0000BC614E BE 10 04 0E 08 00 06 5F1F 04 00 001E1D 0400 0007", "no StoC")]
        [InlineData("61 35 A1 09 06 07 60857405080101 A2 03 02 01 00 A3 05 A1 03 02 01 0E AA 0A 80 08 503677524A323146 BE 10 04 0E 08 00 06 5F1F 04 00 001E1D 0400 0007", "no server system title")]
        public async Task HlsSha256_IncompleteAare_FailsBeforeSendingProof(string aare, string message)
        {
            var server = new ScriptedServer(ScriptStep.Of(W(25, SecureVectors.S2_Aarq), R(25, aare)));

            DlmsClient client = await DlmsClient.ConnectAsync(S1Options(server.Port, SecurityPolicy.None, AuthenticationMechanism.HighSha256));
            var e = await Assert.ThrowsAsync<DlmsSecurityException>(() => client.AssociateAsync());
            await client.DisposeAsync();
            await server.Completion;
            await server.DisposeAsync();

            Assert.Equal(SecurityFailure.IncompleteAssociation, e.Failure);
            Assert.Contains(message, e.Message);
            Assert.Null(server.Extra);
        }

        [Theory]
        // LLS with ciphering; the GET (iid 00, clock time at IC 0x01234567) is the Green Book vector.
        [InlineData(SecurityPolicy.AuthenticatedEncrypted, SecureVectors.S3_AuthEnc_Aarq, SecureVectors.S3_AuthEnc_Aare, SecureVectors.S3_AuthEnc_Get, SecureVectors.S3_AuthEnc_Value)]
        [InlineData(SecurityPolicy.Encrypted, SecureVectors.S3_Enc_Aarq, SecureVectors.S3_Enc_Aare, SecureVectors.S3_Enc_Get, SecureVectors.S3_Enc_Value)]
        [InlineData(SecurityPolicy.Authenticated, SecureVectors.S3_Auth_Aarq, SecureVectors.S3_Auth_Aare, SecureVectors.S3_Auth_Get, SecureVectors.S3_Auth_Value)]
        public async Task Lls_WithEachPolicy_SendsGreenBookGet(SecurityPolicy policy, string aarq, string aare, string get, string value)
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(16, aarq), R(16, aare)),
                ScriptStep.Of(W(16, get), R(16, value)));
            var options = new DlmsClientOptions
            {
                Port = server.Port,
                Authentication = AuthenticationMechanism.Low,
                Password = "12345678",
                InvokeIdAndPriority = 0x00,
                Security = new DlmsSecurityOptions { Policy = policy, SystemTitle = Hex.Parse("4D4D4D0000BC614E"), InvocationCounter = 0x01234566 },
            };

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            await client.AssociateAsync();
            DlmsValue time = await client.GetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"));

            await server.Completion;
            Assert.Equal(DlmsValue.OctetString(Hex.Parse("0000010000FF")), time);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AareWithoutRespondingApTitle_NeedsKnownServerTitle(bool known)
        {
            // S3's AARE without its A4 element (12 bytes): the glo-initiate-response cannot be
            // deciphered unless the server's system title is configured.
            string aare = "61 3C" + SecureVectors.S3_AuthEnc_Aare.Substring(4).Replace("A40A04084D4D4D0000000002", "");
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(16, SecureVectors.S3_AuthEnc_Aarq), R(16, aare)),
                ScriptStep.Of(W(16, SecureVectors.S3_AuthEnc_Get), R(16, SecureVectors.S3_AuthEnc_Value)));
            var options = new DlmsClientOptions
            {
                Port = server.Port,
                Authentication = AuthenticationMechanism.Low,
                Password = "12345678",
                InvokeIdAndPriority = 0x00,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    SystemTitle = Hex.Parse("4D4D4D0000BC614E"),
                    ServerSystemTitle = known ? Hex.Parse("4D4D4D0000000002") : null,
                    InvocationCounter = 0x01234566,
                },
            };

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            if (!known)
            {
                var e = await Assert.ThrowsAsync<DlmsSecurityException>(() => client.AssociateAsync());
                Assert.Equal(SecurityFailure.IncompleteAssociation, e.Failure);
                return;
            }
            await client.AssociateAsync();
            DlmsValue time = await client.GetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"));
            await server.Completion;
            Assert.Equal(DlmsValue.OctetString(Hex.Parse("0000010000FF")), time);
        }

        [Fact]
        public async Task DedCiphering_DlmsCosemAarqThenDedGet_IsByteExact()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(16, SecureVectors.S4_Aarq), R(16, SecureVectors.S4_Aare)),
                ScriptStep.Of(W(16, SecureVectors.S4_Get), R(16, SecureVectors.S4_Value)),
                ScriptStep.Of(W(16, SecureVectors.S4_Rlrq), R(16, "63 03 80 01 00")));
            var options = new DlmsClientOptions
            {
                Port = server.Port,
                Authentication = AuthenticationMechanism.Low,
                Password = "12345678",
                InvokeIdAndPriority = 0x00,
                ProposedConformance = (Conformance)0x007E1F,
                MaxReceivePduSize = 1200,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    Ciphering = CipheringKind.Ded,
                    SystemTitle = Hex.Parse("4D4D4D0000BC614E"),
                    InvocationCounter = 0x01234567,
                    DedicatedKey = Hex.Parse("00112233445566778899AABBCCDDEEFF"),
                },
            };

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            await client.AssociateAsync();
            DlmsValue time = await client.GetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"));
            await client.ReleaseAsync();

            await server.Completion;
            Assert.Equal(DlmsValue.OctetString(Hex.Parse("0000010000FF")), time);
        }

        [Fact]
        public async Task Ciphered_PlainInitiateResponseInAare_IsInsufficientProtection()
        {
            await using var server = new ScriptedServer(ScriptStep.Of(W(16, SecureVectors.S3_AuthEnc_Aarq),
                R(16, "61 29 A1 09 06 07 60857405080103 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F1F 04 00 001E1D 0400 0007")));
            var options = new DlmsClientOptions
            {
                Port = server.Port,
                Authentication = AuthenticationMechanism.Low,
                Password = "12345678",
                Security = new DlmsSecurityOptions { Policy = SecurityPolicy.AuthenticatedEncrypted, SystemTitle = Hex.Parse("4D4D4D0000BC614E"), InvocationCounter = 0x01234566 },
            };

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            var e = await Assert.ThrowsAsync<DlmsSecurityException>(() => client.AssociateAsync());

            Assert.Equal(SecurityFailure.InsufficientProtection, e.Failure);
        }

        [Fact]
        public async Task Ciphered_RejectedAareWithPlainInitiateError_IsRejection()
        {
            await using var server = new ScriptedServer(ScriptStep.Of(W(16, SecureVectors.S3_AuthEnc_Aarq),
                R(16, "61 1F A1 09 06 07 60857405080103 A2 03 02 01 01 A3 05 A1 03 02 01 0D BE 06 04 04 0E 01 06 00")));
            var options = new DlmsClientOptions
            {
                Port = server.Port,
                Authentication = AuthenticationMechanism.Low,
                Password = "12345678",
                Security = new DlmsSecurityOptions { Policy = SecurityPolicy.AuthenticatedEncrypted, SystemTitle = Hex.Parse("4D4D4D0000BC614E"), InvocationCounter = 0x01234566 },
            };

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => client.AssociateAsync());

            Assert.Equal(13, e.Response.Diagnostic);
        }

        [Fact]
        public async Task GuruxNetClientSession3_Wrapper_IsReproducedByteForByte()
        {
            // gurux-net-client.txt session 3 [gxnet-wrapper-gmac]: every client frame identical; the
            // .NET server's replies (general-glo AARE, malformed RLRE) accepted, its f(CtoS) verified.
            await using var server = new ScriptedServer(
                ScriptStep.Of(SecureVectors.NetW_Aarq, SecureVectors.NetW_Aare),
                ScriptStep.Of(SecureVectors.NetW_Action, SecureVectors.NetW_ActionReply),
                ScriptStep.Of(SecureVectors.NetW_Get, SecureVectors.NetW_Value),
                ScriptStep.Of(SecureVectors.NetW_Rlrq, SecureVectors.NetW_Rlre));
            DlmsClientOptions options = GuruxOptions(server.Port, TransportKind.Wrapper, "5F03291C25573548530E10186C6A4951", 0x621E5D);

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            AssociationResponse aare = await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(EnergyValue);
            await client.ReleaseAsync();
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal(DlmsValue.DoubleLongUnsigned(123456), value);
            Assert.Equal((Conformance)0x621E5D, aare.NegotiatedConformance);
            Assert.Equal(5u, client.Security!.NextInvocationCounter);
            Assert.Equal(3u, client.Security.LastServerInvocationCounter);
        }

        [Fact]
        public async Task GuruxNetClientSession3_Hdlc_IsReproducedByteForByte()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(SecureVectors.NetH_Snrm, SecureVectors.NetH_Ua),
                ScriptStep.Of(SecureVectors.NetH_Aarq, SecureVectors.NetH_Aare),
                ScriptStep.Of(SecureVectors.NetH_Action, SecureVectors.NetH_ActionReply),
                ScriptStep.Of(SecureVectors.NetH_Get, SecureVectors.NetH_Value),
                ScriptStep.Of(SecureVectors.NetH_Rlrq, SecureVectors.NetH_Rlre),
                ScriptStep.Of(SecureVectors.NetH_Disc, SecureVectors.NetH_DiscUa));
            DlmsClientOptions options = GuruxOptions(server.Port, TransportKind.Hdlc, "571A4D0E1966084F5420046F53137944", 0x621E5D);

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(EnergyValue);
            await client.ReleaseAsync();
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal(DlmsValue.DoubleLongUnsigned(123456), value);
        }

        [Fact]
        public async Task GuruxCClientSession3_Hdlc_AssociationIsReproducedByteForByte()
        {
            // gurux-c-client.txt session 3 [gxc-hdlc-gmac] up to the HLS reply (the C client then skips
            // IC 3, this client does not), then DISC.
            await using var server = new ScriptedServer(
                ScriptStep.Of(SecureVectors.NetH_Snrm, SecureVectors.NetH_Ua),
                ScriptStep.Of(SecureVectors.GxcH_Aarq, SecureVectors.GxcH_Aare),
                ScriptStep.Of(SecureVectors.GxcH_Action, SecureVectors.GxcH_ActionReply),
                ScriptStep.Of(SecureVectors.NetH_Disc, SecureVectors.NetH_DiscUa));
            DlmsClientOptions options = GuruxOptions(server.Port, TransportKind.Hdlc, SecureVectors.GxcCtoS, 0x401E1D);

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            await client.AssociateAsync();
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal("41 42 43 44 45 46 47 48", Hex.Format(client.Security!.ServerSystemTitle!));
        }

        [Fact]
        public async Task DlmsCosemSession3b_ReadIcThenHls_AcceptsGloInitiateResponse()
        {
            // dlms-cosem-client.txt session 3b against the Gurux C server: connection 1 reads the counter
            // (0) as the public client; connection 2's AARQ (IC 1) is dlms-cosem's byte for byte, the C
            // server's AARE carries glo-initiate-response (28) and its f(CtoS) verifies. This client
            // then puts the HLS reply's GMAC (IC 2) in an envelope at IC 3 (dlms-cosem reuses IC 2).
            await using var server = new ScriptedConnections(
                new[]
                {
                    ScriptStep.Of(TestFrames.WrapperRequest(TestFrames.TraceA_AarqApdu), R(16, SecureVectors.DcW_PublicAare)),
                    // dlms-cosem's own pre-read GET and the C server's answer (iid C0 here too).
                    ScriptStep.Of("000100100001000DC001C0000100002B0100FF0200", "0001000100100009C401C0000600000000"),
                    ScriptStep.Of(TestFrames.WrapperRequest("62 03 80 01 00"), R(16, "63 03 80 01 00")),
                },
                new[]
                {
                    ScriptStep.Of(SecureVectors.DcW_Aarq, SecureVectors.DcW_Aare),
                    ScriptStep.Of(W(1, SecureVectors.S5_Action), Hex.Parse(SecureVectors.DcW_ActionReply)),
                    ScriptStep.Of(W(1, SecureVectors.S5_Get), R(1, SecureVectors.S5_Value)),
                    ScriptStep.Of(W(1, SecureVectors.S5_Rlrq), Hex.Parse(SecureVectors.DcW_Rlre)),
                });
            var options = new DlmsClientOptions
            {
                Port = server.Port,
                ClientSap = 1,
                Authentication = AuthenticationMechanism.HighGmac,
                InvokeIdAndPriority = 0xC0,
                ProposedConformance = (Conformance)0x60525F,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    Ciphering = CipheringKind.GeneralGlo,
                    SystemTitle = Hex.Parse(SecureVectors.GuruxTitle),
                    Challenge = Hex.Parse(SecureVectors.DcW_CtoS),
                    ReadInvocationCounterFrom = DlmsSecurityOptions.DefaultInvocationCounterObject,
                },
            };

            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            AssociationResponse aare = await client.AssociateAsync();
            DlmsValue value = await client.GetAsync(CosemAttribute.Parse("1.1.21.25.0.255:3:2"));
            await client.ReleaseAsync();
            await client.DisconnectAsync();

            await server.Completion;
            Assert.Equal(1u, client.Options.Security.InvocationCounter);
            Assert.Equal((Conformance)0x40121D, aare.NegotiatedConformance);
            Assert.Equal(512, aare.ServerMaxReceivePduSize);
            Assert.Equal(DlmsValue.LongUnsigned(9), value);
        }

        private static DlmsClientOptions GuruxOptions(int port, TransportKind transport, string challenge, uint conformance) => new()
        {
            Transport = transport,
            Port = port,
            ClientSap = 25,
            ServerPhysical = null,
            Authentication = AuthenticationMechanism.HighGmac,
            ProposedConformance = (Conformance)conformance,
            Timeout = TimeSpan.FromSeconds(5),
            Security = new DlmsSecurityOptions
            {
                Policy = SecurityPolicy.AuthenticatedEncrypted,
                // Both Gurux clients: the HLS reply as glo-action (CB), the GETs as general-glo (DB).
                Ciphering = CipheringKind.GeneralGlo,
                HlsReplyCiphering = CipheringKind.Glo,
                SystemTitle = Hex.Parse(SecureVectors.GuruxTitle),
                Challenge = Hex.Parse(challenge),
            },
        };
    }
}
