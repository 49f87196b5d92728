using System;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    /// <summary>FRMR with its information field and the frame-reject condition; DM in NDM; UI from clients.</summary>
    public class HdlcServerLinkFrameRejectTests
    {
        private const string Dm = "7E A0 08 21 02 23 1F 10 EA 7E";

        private static DecodedFrame AssertFrameReject(DecodedFrame frame, int rejectedControl, int state, int reason)
        {
            Assert.Equal(HdlcControl.FrameReject, frame.Control);
            Assert.Equal(new byte[] { (byte)rejectedControl, (byte)state, (byte)reason }, frame.Information);
            return frame;
        }

        [Fact]
        public void FrameReject_UnknownControl_SendsFrmrWithInformationField()
        {
            var h = new LinkHarness();
            h.Connect();
            // 0x19 = REJ with P: DLMS does not use it.
            h.Send(ClientFrame.Build(0x19));
            Assert.Equal(new[] { "7E A0 0D 21 02 23 97 04 C4 19 00 01 75 C7 7E" }, h.Sink.Take());
            Assert.Equal(HdlcLinkState.FrameReject, h.Link.State);
            Assert.True(h.Link.IsConnected);
        }

        [Fact]
        public void FrameReject_AfterTraffic_ReportsVsAndVr()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            h.Sink.Take();
            // V(R) = 1 in bits 8-6, V(S) = 1 in bits 4-2: 0x22.
            h.Send(ClientFrame.Build(0x19));
            Assert.Equal(new[] { "7E A0 0D 21 02 23 97 04 C4 19 22 01 F6 D7 7E" }, h.Sink.Take());
        }

        [Fact]
        public void FrameReject_Condition_RepeatsFrmrUntilDisc()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Build(0x19));
            string frmr = h.Sink.Take()[0];

            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, true)));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            Assert.Equal(new[] { frmr, frmr }, h.Sink.Take());
            Assert.Empty(h.Handler.Requests);
            // Without a poll nothing is sent.
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, false)));
            Assert.Empty(h.Sink.Frames);

            h.Send("7E A0 08 02 23 21 53 B1 A2 7E");
            Assert.Equal(new[] { "7E A0 08 21 02 23 73 7A 43 7E" }, h.Sink.Take());
            Assert.Equal(HdlcLinkState.Disconnected, h.Link.State);
            Assert.Equal(new[] { "opened 16 1", "closed" }, h.Handler.Events.ToArray());
        }

        [Fact]
        public void FrameReject_Condition_SnrmReinitialises()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Build(0x19));
            h.Sink.Take();
            h.Connect();
            Assert.Equal(HdlcLinkState.Connected, h.Link.State);
            Assert.Equal(new[] { "opened 16 1", "closed", "opened 16 1" }, h.Handler.Events.ToArray());
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            Assert.Equal(0x30, h.Sink.TakeSingle().Control);
        }

        [Fact]
        public void FrameReject_InformationLongerThanNegotiated_ReasonY()
        {
            var h = new LinkHarness();
            // The client can send at most 40 bytes (its 05), so that is our receive limit.
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, Hex.Parse("81 80 03 05 01 28")));
            Assert.Equal("81 80 12 05 01 80 06 01 28 07 04 00 00 00 01 08 04 00 00 00 01", Hex.Format(h.Sink.TakeSingle().Information));
            Assert.Equal(40, h.Link.MaxInfoReceive);

            // Exactly 40 bytes pass.
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, true), ClientFrame.Concat(ClientFrame.RequestLlc, ClientFrame.Pattern(37, 1))));
            Assert.Equal(0x30, h.Sink.TakeSingle().Control);
            h.Send(ClientFrame.Build(HdlcControl.Information(1, 1, true), ClientFrame.Concat(ClientFrame.RequestLlc, ClientFrame.Pattern(38, 1))));
            AssertFrameReject(h.Sink.TakeSingle(), 0x32, 0x22, HdlcFrameRejectReason.InformationTooLong);
            Assert.Single(h.Handler.Requests);
        }

        [Theory]
        [InlineData(0x71)]  // RR N(R) = 3 when nothing was sent
        [InlineData(0x31)]  // RR N(R) = 1
        [InlineData(0x30)]  // I N(S) = 0, N(R) = 1
        public void FrameReject_InvalidNr_ReasonZ(int control)
        {
            var h = new LinkHarness();
            h.Connect();
            byte[]? info = (control & 1) == 0 ? ClientFrame.Concat(ClientFrame.RequestLlc, Hex.Parse("C0 01")) : null;
            h.Send(ClientFrame.Build((byte)control, info));
            AssertFrameReject(h.Sink.TakeSingle(), control, 0x00, HdlcFrameRejectReason.InvalidReceiveSequence);
            Assert.Empty(h.Handler.Requests);
        }

        [Fact]
        public void FrameReject_RrWithInformationField_ReasonsWAndX()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, true), Hex.Parse("01 02")));
            AssertFrameReject(h.Sink.TakeSingle(), 0x11, 0x00, HdlcFrameRejectReason.InvalidControl | HdlcFrameRejectReason.InformationNotPermitted);
        }

        [Theory]
        [InlineData(0x73)]  // UA
        [InlineData(0x1F)]  // DM
        [InlineData(0x97)]  // FRMR
        [InlineData(0xBF)]  // XID
        public void FrameReject_ResponseOrUnknownFrameAsCommand_ReasonW(int control)
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Build((byte)control));
            AssertFrameReject(h.Sink.TakeSingle(), control, 0x00, HdlcFrameRejectReason.InvalidControl);
        }

        [Fact]
        public void FrameReject_WithoutPoll_IsSentOnTheNextPoll()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Build(0x09));   // REJ without P
            Assert.Empty(h.Sink.Frames);
            Assert.Equal(HdlcLinkState.FrameReject, h.Link.State);
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, true)));
            AssertFrameReject(h.Sink.TakeSingle(), 0x09, 0x00, HdlcFrameRejectReason.InvalidControl);
        }

        [Theory]
        [InlineData(0x10)]  // I
        [InlineData(0x11)]  // RR
        [InlineData(0x53)]  // DISC
        [InlineData(0x15)]  // RNR
        [InlineData(0x19)]  // REJ
        public void Disconnected_PolledCommand_AnswersDm(int control)
        {
            var h = new LinkHarness();
            byte[]? info = (control & 1) == 0 ? ClientFrame.Concat(ClientFrame.RequestLlc, Hex.Parse("C0 01")) : null;
            h.Send(ClientFrame.Build((byte)control, info));
            Assert.Equal(new[] { Dm }, h.Sink.Take());
            Assert.Empty(h.Handler.Events);
        }

        [Theory]
        [InlineData(0x00)]  // I without P
        [InlineData(0x13)]  // UI
        [InlineData(0x03)]
        public void Disconnected_UnpolledOrUi_IsIgnored(int control)
        {
            var h = new LinkHarness();
            h.Send(ClientFrame.Build((byte)control, ClientFrame.Concat(ClientFrame.RequestLlc, Hex.Parse("0F 00"))));
            Assert.Empty(h.Sink.Frames);
            Assert.Empty(h.Handler.Events);
        }

        [Fact]
        public void Connected_UiFromClient_IsIgnored()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Build(HdlcControl.UnnumberedInformation, ClientFrame.Concat(ClientFrame.RequestLlc, Hex.Parse("0F 00"))));
            Assert.Empty(h.Sink.Frames);
            Assert.Empty(h.Handler.Requests);
            Assert.Equal(HdlcLinkState.Connected, h.Link.State);
        }
    }
}
