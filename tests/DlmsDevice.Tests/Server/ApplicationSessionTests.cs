using System;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;
using DlmsDevice.Stack.Services;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Server
{
    public class ApplicationSessionTests
    {
        [Fact]
        public void LinkOpened_KnownClientSap_AssociationSelected()
        {
            var h = new SessionHarness();
            Assert.Same(h.Association, h.Session.Association);
            Assert.Same(h.Objects, h.Context.Objects);
            Assert.Same(h.AssociationLn, h.Context.Association);
            Assert.Equal(16, h.Context.ClientSap);
            Assert.Equal(1, h.Context.ServerLogicalAddress);
            Assert.Equal(AssociationStatus.NonAssociated, h.Context.Status);
        }

        [Theory]
        [InlineData(99, 1)]
        [InlineData(16, 2)]
        public void Aarq_UnknownClientSapOrLogicalDevice_AcseAskedToRejectAndNothingServed(int clientSap, int logicalDevice)
        {
            var h = new SessionHarness().Open(clientSap, logicalDevice);
            Assert.Null(h.Session.Association);
            Assert.Null(h.Context.Objects);
            Assert.Equal("61 01", h.Send("60 00"));
            Assert.Equal(1, h.Acse.AarqCount);
            Assert.Null(h.Acse.LastAssociation);
            Assert.Equal(AssociationStatus.NonAssociated, h.Context.Status);
            Assert.Equal("D8 01 01", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        [Fact]
        public void Aarq_KnownClient_AcseGetsConfigurationAndLimit()
        {
            var h = new SessionHarness(maxReceivePdu: 512).Associate();
            Assert.Same(h.Association, h.Acse.LastAssociation);
            Assert.Equal(512, h.Acse.LastMaxReceivePdu);
            Assert.Equal(AssociationStatus.Associated, h.Context.Status);
            Assert.Equal(DlmsDevice.Stack.Acse.Conformance.ServerSupportedLn, h.Context.NegotiatedConformance);
        }

        [Fact]
        public void Rlrq_Associated_RlreAndReleased()
        {
            var h = new SessionHarness().Associate();
            Assert.Equal("63 03 80 01 00", h.Send("62 03 80 01 00"));
            Assert.Equal(AssociationStatus.NonAssociated, h.Context.Status);
            Assert.Equal(0, h.Context.NegotiatedConformance);
            Assert.Equal("D8 01 01", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
            // the link stays: a new AARQ associates again
            h.Associate();
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        [Fact]
        public void Rlrq_DuringLongGet_TransferEnds()
        {
            var h = new SessionHarness(clientMaxPdu: 64).Associate();
            h.Send("C0 01 C1 0007 0100630100FF 02 00");
            Assert.Equal(LongTransaction.Get, h.Session.BlockTransfer.Active);
            h.Send("62 03 80 01 00");
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
            h.Associate();
            Assert.Equal("C4 02 C1 01 00 00 00 01 01 10", h.Send("C0 02 C1 00000001"));
        }

        [Fact]
        public void Aarq_WhileAssociated_ReplacesAssociation()
        {
            var h = new SessionHarness(clientMaxPdu: 64).Associate();
            h.Send("C0 01 C1 0007 0100630100FF 02 00");
            h.Associate();
            Assert.Equal(2, h.Acse.AarqCount);
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
            Assert.Equal(AssociationStatus.Associated, h.Context.Status);
        }

        [Fact]
        public void LinkClosed_Associated_ReleasedAndForgotten()
        {
            var h = new SessionHarness().Associate();
            h.Session.LinkClosed();
            Assert.Equal(AssociationStatus.NonAssociated, h.Context.Status);
            Assert.Null(h.Context.Objects);
            Assert.Null(h.Session.Association);
            Assert.Equal("D8 01 01", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
            h.Session.LinkOpened(16, 1);
            h.Associate();
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        [Fact]
        public void LinkOpened_WhileAssociated_PreviousAssociationGone()
        {
            var h = new SessionHarness().Associate().Open(16, 1);
            Assert.Equal(AssociationStatus.NonAssociated, h.Context.Status);
            Assert.Equal("D8 01 01", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        // The client's max receive PDU (from the AARQ) bounds every response; so does the
        // link's response buffer.
        [Theory]
        [InlineData(100, 2048, 100)]
        [InlineData(0xFFFF, 80, 80)]
        public void HandleApdu_Limits_ResponsesNeverLonger(int clientPdu, int responseMax, int expected)
        {
            var h = new SessionHarness(clientMaxPdu: clientPdu).Associate();
            h.ResponseMax = responseMax;
            byte[] first = h.SendBytes(Hex.Parse("C0 01 C1 0007 0100630100FF 02 00"));
            Assert.Equal(expected, first.Length);
            Assert.Equal("C4 02 C1 00 00 00 00 01", Hex.Format(first, 0, 8));
        }

        [Fact]
        public void HandleApdu_ResponseAtOffset_HeadroomUntouched()
        {
            var h = new SessionHarness().Associate();
            Array.Fill(h.Response, (byte)0x5A, 0, SessionHarness.Headroom);
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
            for (int i = 0; i < SessionHarness.Headroom - 1; i++)
            {
                Assert.Equal(0x5A, h.Response[i]);
            }
        }

        [Fact]
        public void CreateSession_TwoChannels_Independent()
        {
            var h = new SessionHarness(clientMaxPdu: 64).Associate();
            IApduHandler other = h.Server.CreateSession();
            other.LinkOpened(16, 1);
            var request = Hex.Parse("C0 01 C1 0001 00002B0100FF 02 00");
            var response = new byte[256];
            Assert.Equal(3, other.HandleApdu(16, 1, request, 0, request.Length, response, 0, 256, out _));
            Assert.Equal("D8 01 01", Hex.Format(response, 0, 3));
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        [Fact]
        public void HandleApdu_WithoutLinkOpened_AssociationSelectedFromAddresses()
        {
            var h = new SessionHarness();
            ApplicationSession session = h.Server.CreateSession();
            var response = new byte[256];
            byte[] aarq = Hex.Parse("60 00");
            Assert.Equal(2, session.HandleApdu(16, 1, aarq, 0, aarq.Length, response, 0, 256, out _));
            Assert.Same(h.Association, session.Association);
            Assert.Equal(AssociationStatus.Associated, session.Context.Status);
        }

        [Fact]
        public void HandleApdu_OtherClientSap_AssociationReleased()
        {
            var h = new SessionHarness().Associate();
            var request = Hex.Parse("C0 01 C1 0001 00002B0100FF 02 00");
            int length = h.Session.HandleApdu(17, 1, request, 0, request.Length, h.Response, 0, 256, out _);
            Assert.Equal("D8 01 01", Hex.Format(h.Response, 0, length));
            Assert.Null(h.Session.Association);
            Assert.Equal(17, h.Context.ClientSap);
        }

        [Fact]
        public void DlmsServer_NullArguments_Throw()
        {
            var directory = new AssociationDirectory();
            Assert.Throws<ArgumentNullException>(() => new DlmsServer(null!, new ServerLimits(), new FakeAcse()));
            Assert.Throws<ArgumentNullException>(() => new DlmsServer(directory, null!, new FakeAcse()));
            Assert.Throws<ArgumentNullException>(() => new DlmsServer(directory, new ServerLimits(), null!));
        }
    }
}
