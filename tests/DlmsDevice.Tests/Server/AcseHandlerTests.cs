using System;
using System.Text;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Server
{
    /// <summary>The real ACSE behind the session: AARQ vectors from the Green Book examples and the traces.</summary>
    public class AcseHandlerTests
    {
        // Trace A (dlms-cosem test_hdlc.py, docs/interop.md): AARQ with conformance 00 1E 1D and
        // client PDU 0xFFFF; the AARE grants 00 1E 1D and server PDU 0x04C8.
        private const string TraceAAarq = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";
        private const string TraceAAare = "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07";
        // traces/gurux-net-client.txt session 2: LLS with password "Gurux", conformance 62 1E 5D.
        private const string GuruxLlsAarq = "6033A1090607608574050801018A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F0400621E5DFFFF";
        // traces/dlms-cosem-client.txt session 1: calling-AP-title in a plain LN AARQ, conformance 20 52 5F.
        private const string DlmsCosemAarq = "6029A109060760857405080101A60A0408757469476D4336B2BE10040E01000000065F1F040020525FFFFF";

        private sealed class Fixture
        {
            public readonly SessionHarness Harness = new SessionHarness();
            public readonly DlmsServer Server;
            public readonly ApplicationSession Session;
            public readonly byte[] Response = new byte[2048];
            public int ClientSap = 16;

            public Fixture(int maxReceivePdu = 1224, byte mechanism = 0, string? secret = null)
            {
                Harness.Association.AuthenticationMechanism = mechanism;
                if (secret != null)
                {
                    Harness.Association.Secret = Encoding.ASCII.GetBytes(secret);
                }
                Server = new DlmsServer(Harness.Directory, new ServerLimits { MaxReceivePdu = maxReceivePdu });
                Session = Server.CreateSession();
                Session.LinkOpened(16, 1);
            }

            public string Send(string hex)
            {
                byte[] request = Hex.Parse(hex);
                int length = Session.HandleApdu(ClientSap, 1, request, 0, request.Length, Response, 4, Response.Length - 4, out int start);
                return Hex.Format(Response, start, length);
            }
        }

        [Fact]
        public void Aarq_TraceA_ExactAareAndAssociated()
        {
            var f = new Fixture();
            Assert.IsType<AcseHandler>(f.Session.Acse);
            Assert.Equal(TraceAAare, f.Send(TraceAAarq));
            Assert.Equal(AssociationStatus.Associated, f.Session.Context.Status);
            Assert.Equal(0x001E1D, f.Session.Context.NegotiatedConformance);
            Assert.Equal(0xFFFF, f.Session.Context.ClientMaxReceivePdu);
            Assert.Equal(1224, f.Session.Context.ServerMaxReceivePdu);
            Assert.Equal(6, f.Session.Context.DlmsVersion);
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", f.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        // Both clients propose general-block-transfer; it is never granted.
        [Theory]
        [InlineData(DlmsCosemAarq, 0x00121D)]
        [InlineData("601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF", 0x001E1D)]
        public void Aarq_ClientsProposingGbt_NegotiatedWithoutGbt(string aarq, int negotiated)
        {
            var f = new Fixture();
            Assert.StartsWith("61 ", f.Send(aarq));
            Assert.Equal(AssociationStatus.Associated, f.Session.Context.Status);
            Assert.Equal(negotiated, f.Session.Context.NegotiatedConformance);
            Assert.Equal(0, f.Session.Context.NegotiatedConformance & Conformance.GeneralBlockTransfer);
        }

        [Fact]
        public void Aarq_UnknownClientSap_RejectedPermanentNoReasonGiven()
        {
            var f = new Fixture();
            f.ClientSap = 99;
            f.Session.LinkOpened(99, 1);
            Assert.Equal("61 17 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01", f.Send(TraceAAarq));
            Assert.Equal(AssociationStatus.NonAssociated, f.Session.Context.Status);
            Assert.Equal("D8 01 01", f.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        [Fact]
        public void Aarq_Malformed_RejectedByAcseServiceProvider()
        {
            var f = new Fixture();
            Assert.Equal("61 17 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A2 03 02 01 01", f.Send("60 05 A1 03 06 01"));
            Assert.Equal(AssociationStatus.NonAssociated, f.Session.Context.Status);
        }

        [Fact]
        public void Aarq_LlsRightPassword_Associated()
        {
            var f = new Fixture(mechanism: MechanismName.Lls, secret: "Gurux");
            Assert.Equal("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07",
                f.Send(GuruxLlsAarq));
            Assert.Equal(AssociationStatus.Associated, f.Session.Context.Status);
            Assert.Equal(MechanismName.Lls, f.Session.Context.AuthenticationMechanism);
        }

        [Fact]
        public void Aarq_LlsWrongPassword_AuthenticationFailure()
        {
            var f = new Fixture(mechanism: MechanismName.Lls, secret: "12345678");
            Assert.Equal("61 17 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 0D", f.Send(GuruxLlsAarq));
            Assert.Equal(AssociationStatus.NonAssociated, f.Session.Context.Status);
        }

        [Fact]
        public void Aarq_NoAuthenticationWhereLlsRequired_MechanismNameRequired()
        {
            var f = new Fixture(mechanism: MechanismName.Lls, secret: "12345678");
            Assert.Equal("61 17 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 0C", f.Send(TraceAAarq));
        }

        [Fact]
        public void Aarq_AssociationPduLimit_SmallerOneApplies()
        {
            var f = new Fixture(maxReceivePdu: 1224);
            f.Harness.Association.MaxReceivePdu = 512;
            f.Send(TraceAAarq);
            Assert.Equal(512, f.Session.Context.ServerMaxReceivePdu);
        }

        [Fact]
        public void Rlrq_TraceBytes_RlreNormalAndReleased()
        {
            var f = new Fixture();
            f.Send(TraceAAarq);
            Assert.Equal("63 03 80 01 00", f.Send("62 03 80 01 00"));
            Assert.Equal(AssociationStatus.NonAssociated, f.Session.Context.Status);
            Assert.Equal("63 03 80 01 00", f.Send("62 00"));
        }

        [Fact]
        public void AssociationConfig_HlsMechanism_RefusedAtConfiguration()
        {
            var config = new AssociationConfig(16, new ObjectList(1), null!);
            Assert.Throws<ArgumentOutOfRangeException>(() => config.AuthenticationMechanism = MechanismName.HlsGmac);
            Assert.Throws<ArgumentOutOfRangeException>(() => config.Secret = new byte[65]);
        }

        // Association included: AARQ, GET, GET with blocks, SET, ACTION, RLRQ through the real
        // ACSE allocate nothing after warm-up.
        [Fact]
        public void ScriptedSessionWithRealAcse_AfterWarmUp_AllocatesZeroBytes()
        {
            var f = new Fixture(mechanism: MechanismName.Lls, secret: "Gurux");
            byte[][] script =
            {
                Hex.Parse(GuruxLlsAarq),
                Hex.Parse("C0 01 C1 0003 0100010800FF 02 00"),
                Hex.Parse("C0 03 C1 02 0003 0100010800FF 03 00 0008 0000010000FF 02 00"),
                Hex.Parse("C0 01 C1 0007 0100630100FF 02 00"),
                Hex.Parse("C0 02 C1 00000001"),
                Hex.Parse("C0 02 C1 00000002"),
                Hex.Parse("C0 02 C1 00000003"),
                Hex.Parse("C0 02 C1 00000004"),
                Hex.Parse("C0 02 C1 00000005"),
                Hex.Parse("C1 01 C1 0008 0000010000FF 02 00 09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00"),
                Hex.Parse("C3 01 C1 0009 00000A0000FF 03 00"),
                Hex.Parse("62 03 80 01 00"),
                Hex.Parse(TraceAAarq),
                Hex.Parse(DlmsCosemAarq),
            };
            int[] lengths = new int[script.Length];
            Run(f, script, lengths);
            for (int i = 0; i < script.Length; i++)
            {
                Assert.True(lengths[i] > 0);
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                Run(f, script, lengths);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private static void Run(Fixture f, byte[][] script, int[] lengths)
        {
            for (int i = 0; i < script.Length; i++)
            {
                lengths[i] = f.Session.HandleApdu(16, 1, script[i], 0, script[i].Length, f.Response, 4, f.Response.Length - 4, out _);
            }
        }
    }
}
