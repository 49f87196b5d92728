using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// Whole ciphered sessions against the in-process server (ApplicationSession), with the
    /// client side computed by System.Security.Cryptography.AesGcm (SuiteZero): every accepted
    /// request and every opened response is a cross-check of the stack's own GCM.
    /// </summary>
    public sealed class SecureSessionTests
    {
        private const string EnergyResponse = "C4 01 C1 00 06 00 01 E2 40";

        [Fact]
        public void HlsGmac_GuruxShape_AssociatesReadsAndReleases()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();

            byte[] aare = driver.Exchange(client.Aarq());
            AareView view = client.ReadAare(aare, out byte[]? initiate);
            Assert.Equal("61 69", Hex.Format(aare, 0, 2));
            Assert.Equal("BE 23 04 21 28 1F 30 00 00 00 00", Hex.Format(aare, aare.Length - 37, 11));

            // AARE: LN with ciphering, accepted, authentication-required, our title, HLS-GMAC, a
            // 16-byte StoC, and the InitiateResponse in a glo-initiate-response (28) with IC 0.
            Assert.Equal(new byte[] { 0xA1, 0xA2, 0xA3, 0xA4, 0x88, 0x89, 0xAA, 0xBE }, view.Order.ToArray());
            Assert.Equal(3, view.ApplicationContext);
            Assert.Equal(0, view.Result);
            Assert.False(view.DiagnosticIsProvider);
            Assert.Equal(14, view.Diagnostic);
            Assert.Equal("4D 4D 4D 00 00 BC 61 4E", Hex.Format(view.RespondingApTitle!));
            Assert.Equal("07 80", Hex.Format(view.Elements[0x88]));
            Assert.Equal((byte)5, view.Mechanism);
            Assert.Equal(16, view.RespondingAuthenticationValue!.Length);
            Assert.Equal(0x28, view.UserInformation![0]);
            Assert.Equal(0u, client.LastServerIc);
            Assert.Equal("08 00 06 5F 1F 04 00 40 1E 1D 04 00 00 07", Hex.Format(initiate!));
            Assert.Equal(AssociationStatus.AssociationPending, driver.Session.Context.Status);

            // reply_to_HLS_authentication as glo-action-request (CB): f(StoC) IC 1, envelope IC 2.
            byte[] hls = client.Open(driver.Exchange(client.HlsReply(Envelope.Glo)));
            Assert.Equal(0xCF, client.LastResponseTag);
            client.CheckServerHls(hls);
            Assert.Equal(2u, client.LastServerIc);   // f(CtoS) took IC 1
            Assert.Equal(AssociationStatus.Associated, driver.Session.Context.Status);

            // GET as general-glo (DB) with the client's title: answered in general-glo with ours.
            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, Envelope.GeneralGlo));
            Assert.Equal(0xDB, client.LastResponseTag);
            // ... and as glo-get-request (C8): answered in glo-get-response (CC).
            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, Envelope.Glo));
            Assert.Equal(0xCC, client.LastResponseTag);

            // Ciphered RLRQ: RLRE with correct BER lengths and the InitiateResponse in a 28.
            byte[] rlre = driver.Exchange(client.Rlrq());
            Assert.Equal("63 28 80 01 00 BE 23 04 21 28 1F 30", Hex.Format(rlre, 0, 12));
            Assert.Equal(0x28 + 2, rlre.Length);
            AareView release = AareView.Parse(rlre);
            Assert.Equal(0x63, release.Tag);
            Assert.Equal("00", Hex.Format(release.Elements[0x80]));
            byte[] ui = release.UserInformation!;
            Assert.Equal(0x28, ui[0]);
            Assert.Equal("08 00 06 5F 1F 04 00 40 1E 1D 04 00 00 07", Hex.Format(client.Open(ui)));
            Assert.Equal(AssociationStatus.NonAssociated, driver.Session.Context.Status);
            Assert.Equal(5u, meter.Profile.Counters.Received.LastAccepted);
        }

        [Fact]
        public void HlsGmac_DlmsCosemShape_GeneralGloWithTheSameIcInsideAndOut()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { NextIc = 101, ProposedConformance = 0x60525F };

            SecureSteps.Associate(driver, client, Envelope.GeneralGlo, sameIc: true);

            Assert.Equal(0xDB, client.LastResponseTag);
            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, Envelope.GeneralGlo));
            // 0x60525F & 0x401E1D: general-protection, block transfer with GET, lists, get, set, selective, action.
            Assert.Equal(0x40121D, driver.Session.Context.NegotiatedConformance);
            Assert.Equal(103u, meter.Profile.Counters.Received.LastAccepted);
        }

        [Fact]
        public void HlsSha256_Session_BothResponsesVerified()
        {
            SecureTestMeter meter = new SecureTestMeter(mechanism: MechanismName.HlsSha256);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { Mechanism = 6, Secret = System.Text.Encoding.ASCII.GetBytes("HLS-SHA256-secret") };

            SecureSteps.Associate(driver, client);

            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet));
        }

        [Fact]
        public void HlsGmac_WithoutCiphering_ReplyInClear()
        {
            SecureTestMeter meter = new SecureTestMeter(policy: SecurityPolicy.Nothing, context: 1);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { Context = 1 };

            byte[] aare = driver.Exchange(client.Aarq(cipheredInitiate: false));
            AareView view = client.ReadAare(aare, out byte[]? initiate);
            Assert.Equal(1, view.ApplicationContext);
            Assert.Equal(14, view.Diagnostic);
            Assert.Equal(0x08, initiate![0]);
            byte[] reply = driver.Exchange(client.HlsReply(Envelope.Plain));
            client.CheckServerHls(reply);

            Assert.Equal(EnergyResponse, Hex.Format(driver.Exchange(Hex.Parse(SecureTestMeter.EnergyGet))));
            // ciphering is not part of this association
            Assert.Equal("D8 01 02", Hex.Format(driver.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo))));
        }

        [Theory]
        [InlineData(Envelope.Ded, 0xD4)]
        [InlineData(Envelope.GeneralDed, 0xDC)]
        public void DedicatedKey_FromTheCipheredInitiateRequest_ProtectsDedRequests(Envelope envelope, byte responseTag)
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { DedicatedKey = Hex.Parse("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF") };
            SecureSteps.Associate(driver, client);

            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, envelope));
            Assert.Equal(responseTag, client.LastResponseTag);
            // The dedicated key has its own counter, starting with the association.
            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, envelope));
            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, Envelope.Glo));
        }

        [Theory]
        [InlineData(SecurityPolicy.AllMessagesAuthenticated, 0x10)]
        [InlineData(SecurityPolicy.AllMessagesEncrypted, 0x20)]
        [InlineData(SecurityPolicy.AllMessagesAuthenticatedAndEncrypted, 0x30)]
        public void Policy_RequestsAtThePolicyLevel_AnsweredAtTheSameLevel(byte policy, byte securityControl)
        {
            SecureTestMeter meter = new SecureTestMeter(policy: policy);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { SecurityControl = securityControl };
            SecureSteps.Associate(driver, client);

            byte[] response = driver.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo));

            Assert.Equal(securityControl, SuiteZero.OpenEnvelope(response, out _, out _)[0]);
            Assert.Equal(EnergyResponse, Hex.Format(client.Open(response)));
        }

        [Fact]
        public void CipheredServices_WithListSetActionAndBlocks_AllProtected()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { ClientMaxReceivePdu = 256 };
            SecureSteps.Associate(driver, client);

            // GET-with-list
            Assert.Equal("C4 03 C1 02 00 06 00 01 E2 40 00 09 03 31 32 33",
                SecureSteps.Request(driver, client, "C0 03 C1 02 0003 0100010800FF 02 00 0001 0000600100FF 02 00"));
            // SET-normal (attribute written only by authenticated requests) then read back
            Assert.Equal("C5 01 C1 00", SecureSteps.Request(driver, client, "C1 01 C1 0001 0000600100FF 02 00 09 02 AB CD"));
            Assert.Equal("C4 01 C1 00 09 02 AB CD", SecureSteps.Request(driver, client, SecureTestMeter.SerialGet));
            // ACTION-normal: energy reset (secured method)
            Assert.Equal("C7 01 C1 00 00", SecureSteps.Request(driver, client, "C3 01 C1 0003 0100010800FF 01 01 0F 00"));
            Assert.Equal("C4 01 C1 00 06 00 00 00 00", SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet));
            // GET with blocks: 700 bytes through a 256-byte client PDU, every block ciphered on its own.
            byte[] raw = Array.Empty<byte>();
            string first = SecureSteps.Request(driver, client, SecureTestMeter.LargeGet);
            byte[] block = Hex.Parse(first);
            uint number = 1;
            while (true)
            {
                Assert.Equal(0xC4, block[0]);
                Assert.Equal(0x02, block[1]);
                Assert.Equal(number, (uint)(block[4] << 24 | block[5] << 16 | block[6] << 8 | block[7]));
                Assert.Equal(0x00, block[8]);
                int p = 9;
                int len = block[p] < 0x80 ? block[p++] : (block[p] == 0x81 ? block[p + 1] : block[p + 1] << 8 | block[p + 2]);
                if (block[9] >= 0x80) p += block[9] - 0x80 + 1;
                raw = SuiteZero.Concat(raw, block.AsSpan(p, len).ToArray());
                if (block[3] != 0) break;
                block = Hex.Parse(SecureSteps.Request(driver, client, "C0 02 C1 " + number.ToString("X8")));
                number++;
            }
            Assert.True(number >= 3, "only " + number + " blocks");
            Assert.Equal("09 82 02 BC 00 01 02", Hex.Format(raw, 0, 7));
            Assert.Equal(4 + SecureTestMeter.LargeLength, raw.Length);
        }

        [Fact]
        public void InvocationCounterObject_PublicClient_ReadsTheLastAcceptedValue()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver reader = meter.Open(SecureTestMeter.PublicSap);
            Assert.True(AareView.Parse(reader.Exchange(Hex.Parse("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF"))).Result == 0);
            const string ReadCounter = "C0 01 C1 0001 00002B0103FF 02 00";
            Assert.Equal("C4 01 C1 00 06 00 00 00 00", Hex.Format(reader.Exchange(Hex.Parse(ReadCounter))));

            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { NextIc = 41 };
            SecureSteps.Associate(driver, client);
            SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet);

            // AARQ 41, HLS f 42 (not counted), ACTION 43, GET 44.
            Assert.Equal("C4 01 C1 00 06 00 00 00 2C", Hex.Format(reader.Exchange(Hex.Parse(ReadCounter))));
        }
    }
}
