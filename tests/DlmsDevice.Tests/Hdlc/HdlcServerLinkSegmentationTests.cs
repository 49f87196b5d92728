using System.Collections.Generic;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    /// <summary>Segmentation (S bit) both ways, windows, RR-driven retransmission, duplicates, long frames.</summary>
    public class HdlcServerLinkSegmentationTests
    {
        // SNRM parameter field proposing 128/128 and window 3 both ways (client's point of view).
        private const string Window3Proposal = "81 80 12 05 01 80 06 01 80 07 04 00 00 00 03 08 04 00 00 00 03";
        private static readonly byte[] s_responseLlc = { 0xE6, 0xE7, 0x00 };

        private static LinkHarness ConnectWithWindow3()
        {
            var h = new LinkHarness(new HdlcSettings { WindowTransmit = 3, WindowReceive = 3 });
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, Hex.Parse(Window3Proposal)));
            DecodedFrame ua = h.Sink.TakeSingle();
            Assert.Equal("81 80 12 05 01 80 06 01 80 07 04 00 00 00 03 08 04 00 00 00 03", Hex.Format(ua.Information));
            Assert.Equal(3, h.Link.WindowTransmit);
            Assert.Equal(3, h.Link.WindowReceive);
            return h;
        }

        private static void AssertInformation(DecodedFrame frame, int sendSequence, int receiveSequence, bool final, bool segmented)
        {
            Assert.Equal(HdlcFrameType.Information, frame.Type);
            Assert.Equal(sendSequence, HdlcControl.GetSendSequence(frame.Control));
            Assert.Equal(receiveSequence, HdlcControl.GetReceiveSequence(frame.Control));
            Assert.Equal(final, frame.Header.PollFinal);
            Assert.Equal(segmented, frame.Header.Segmented);
        }

        private static byte[] Join(List<DecodedFrame> frames)
        {
            var all = new List<byte>();
            foreach (var frame in frames)
            {
                all.AddRange(frame.Information);
            }
            return all.ToArray();
        }

        [Fact]
        public void Transmit_LongResponseWindow1_OneSegmentPerRr()
        {
            var h = new LinkHarness();
            h.Connect();
            byte[] response = ClientFrame.Pattern(300, 1);
            h.Handler.Responses.Enqueue(response);
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01 C1 00 0F 00 00 28 00 00 FF 02 00")));

            var segments = new List<DecodedFrame>();
            DecodedFrame first = h.Sink.TakeSingle();
            AssertInformation(first, 0, 1, true, true);
            Assert.Equal(128, first.Information.Length);
            Assert.Equal(0xA8, first.Bytes[1]);
            segments.Add(first);

            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(1, true)));
            DecodedFrame second = h.Sink.TakeSingle();
            AssertInformation(second, 1, 1, true, true);
            segments.Add(second);

            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(2, true)));
            DecodedFrame last = h.Sink.TakeSingle();
            AssertInformation(last, 2, 1, true, false);
            Assert.Equal(303 - 256, last.Information.Length);
            Assert.Equal(0xA0, last.Bytes[1]);
            segments.Add(last);

            Assert.Equal(Hex.Format(ClientFrame.Concat(s_responseLlc, response)), Hex.Format(Join(segments)));

            // Everything acknowledged: a further poll gets RR(V(R)).
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(3, true)));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);
        }

        [Fact]
        public void Transmit_Window3_SendsThreeSegmentsPerPollWithFinalOnTheLast()
        {
            LinkHarness h = ConnectWithWindow3();
            byte[] response = ClientFrame.Pattern(600, 2);   // 603 with LLC = 5 segments
            h.Handler.Responses.Enqueue(response);
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));

            List<DecodedFrame> window1 = h.Sink.TakeAll();
            Assert.Equal(3, window1.Count);
            AssertInformation(window1[0], 0, 1, false, true);
            AssertInformation(window1[1], 1, 1, false, true);
            AssertInformation(window1[2], 2, 1, true, true);

            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(3, true)));
            List<DecodedFrame> window2 = h.Sink.TakeAll();
            Assert.Equal(2, window2.Count);
            AssertInformation(window2[0], 3, 1, false, true);
            AssertInformation(window2[1], 4, 1, true, false);

            window1.AddRange(window2);
            Assert.Equal(Hex.Format(ClientFrame.Concat(s_responseLlc, response)), Hex.Format(Join(window1)));

            // The next request acknowledges the last segment with N(R) = 5; its answer is N(S) 5.
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 06 00 00 30 39"));
            h.Send(ClientFrame.Information(1, 5, Hex.Parse("C0 01")));
            AssertInformation(h.Sink.TakeSingle(), 5, 2, true, false);
        }

        [Fact]
        public void Transmit_RrAcknowledgesPartOfWindow_ResendsFromItsNr()
        {
            LinkHarness h = ConnectWithWindow3();
            byte[] response = ClientFrame.Pattern(600, 3);
            h.Handler.Responses.Enqueue(response);
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            List<DecodedFrame> window1 = h.Sink.TakeAll();

            // The client got segment 0 only: go back to N(S) = 1 and send a full window again.
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(1, true)));
            List<DecodedFrame> resent = h.Sink.TakeAll();
            Assert.Equal(3, resent.Count);
            AssertInformation(resent[0], 1, 1, false, true);
            AssertInformation(resent[1], 2, 1, false, true);
            AssertInformation(resent[2], 3, 1, true, true);
            Assert.Equal(Hex.Format(window1[1].Information), Hex.Format(resent[0].Information));
            Assert.Equal(Hex.Format(window1[2].Information), Hex.Format(resent[1].Information));

            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(4, true)));
            DecodedFrame last = h.Sink.TakeSingle();
            AssertInformation(last, 4, 1, true, false);

            var received = new List<DecodedFrame> { window1[0], resent[0], resent[1], resent[2], last };
            Assert.Equal(Hex.Format(ClientFrame.Concat(s_responseLlc, response)), Hex.Format(Join(received)));
        }

        // A response the handler put further into its room (a ciphered one lies behind room for
        // its envelope) is framed where it lies: every segment, resent ones included, carries the
        // same bytes as when it starts at the offset the link gave.
        [Theory]
        [InlineData(1)]
        [InlineData(18)]
        public void Transmit_ResponseStartingLater_SameSegmentsAndRetransmissions(int shift)
        {
            string[] expected = SegmentedExchange(0);

            Assert.Equal(expected, SegmentedExchange(shift));
        }

        // SNRM with window 3, a 600-byte answer: the first window, the window resent from N(R) 1,
        // and the last segment.
        private static string[] SegmentedExchange(int shift)
        {
            LinkHarness h = ConnectWithWindow3();
            h.Handler.StartShift = shift;
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(600, 3));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(1, true)));
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(4, true)));
            string[] frames = h.Sink.Take();
            Assert.Equal(7, frames.Length);
            return frames;
        }

        [Fact]
        public void Transmit_RrRepeatsNrWindow1_ResendsTheSameFrame()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(300, 4));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            h.Sink.Take();
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(1, true)));
            string segment1 = h.Sink.TakeSingle().ToString();

            // The segment was lost: the client polls again with the same N(R).
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(1, true)));
            Assert.Equal(segment1, h.Sink.TakeSingle().ToString());
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(2, true)));
            AssertInformation(h.Sink.TakeSingle(), 2, 1, true, false);
            Assert.Single(h.Handler.Requests);
        }

        [Fact]
        public void Receive_SegmentedRequestWindow1_AcknowledgesEachAndHandsUpWholeApdu()
        {
            var h = new LinkHarness();
            h.Connect();
            byte[] apdu = ClientFrame.Pattern(300, 5);
            byte[] info = ClientFrame.Concat(ClientFrame.RequestLlc, apdu);
            h.Handler.Responses.Enqueue(Hex.Parse("C5 01 C1 00"));

            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, true), ClientFrame.Slice(info, 0, 128), segmented: true));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);
            h.Send(ClientFrame.Build(HdlcControl.Information(1, 0, true), ClientFrame.Slice(info, 128, 128), segmented: true));
            Assert.Equal(HdlcControl.ReceiveReady(2, true), h.Sink.TakeSingle().Control);
            Assert.Empty(h.Handler.Requests);
            h.Send(ClientFrame.Build(HdlcControl.Information(2, 0, true), ClientFrame.Slice(info, 256, info.Length - 256)));

            Assert.Single(h.Handler.Requests);
            Assert.Equal(Hex.Format(apdu), Hex.Format(h.Handler.Requests[0]));
            DecodedFrame answer = h.Sink.TakeSingle();
            AssertInformation(answer, 0, 3, true, false);
            Assert.Equal("E6 E7 00 C5 01 C1 00", Hex.Format(answer.Information));
        }

        [Fact]
        public void Receive_SegmentedRequestWindow3_AnswersOnlyThePoll()
        {
            LinkHarness h = ConnectWithWindow3();
            byte[] apdu = ClientFrame.Pattern(500, 6);
            byte[] info = ClientFrame.Concat(ClientFrame.RequestLlc, apdu);   // 503 = 3 x 128 + 119
            h.Handler.Responses.Enqueue(Hex.Parse("C5 01 C1 00"));

            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, false), ClientFrame.Slice(info, 0, 128), segmented: true));
            h.Send(ClientFrame.Build(HdlcControl.Information(1, 0, false), ClientFrame.Slice(info, 128, 128), segmented: true));
            Assert.Empty(h.Sink.Frames);
            h.Send(ClientFrame.Build(HdlcControl.Information(2, 0, true), ClientFrame.Slice(info, 256, 128), segmented: true));
            Assert.Equal(HdlcControl.ReceiveReady(3, true), h.Sink.TakeSingle().Control);
            h.Send(ClientFrame.Build(HdlcControl.Information(3, 0, true), ClientFrame.Slice(info, 384, info.Length - 384)));

            Assert.Equal(Hex.Format(apdu), Hex.Format(h.Handler.Requests[0]));
            AssertInformation(h.Sink.TakeSingle(), 0, 4, true, false);
        }

        [Fact]
        public void Receive_WindowWithLostFrame_DropsTheRestAndReportsVr()
        {
            LinkHarness h = ConnectWithWindow3();
            byte[] info = ClientFrame.Concat(ClientFrame.RequestLlc, ClientFrame.Pattern(400, 7));
            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, false), ClientFrame.Slice(info, 0, 128), segmented: true));
            // N(S) = 1 lost; N(S) = 2 with the poll arrives.
            h.Send(ClientFrame.Build(HdlcControl.Information(2, 0, true), ClientFrame.Slice(info, 256, 128), segmented: true));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);

            // The client goes back to N(S) = 1.
            h.Handler.Responses.Enqueue(Hex.Parse("C5 01 C1 00"));
            h.Send(ClientFrame.Build(HdlcControl.Information(1, 0, false), ClientFrame.Slice(info, 128, 128), segmented: true));
            h.Send(ClientFrame.Build(HdlcControl.Information(2, 0, false), ClientFrame.Slice(info, 256, 128), segmented: true));
            h.Send(ClientFrame.Build(HdlcControl.Information(3, 0, true), ClientFrame.Slice(info, 384, info.Length - 384)));
            Assert.Equal(Hex.Format(ClientFrame.Slice(info, 3, 400)), Hex.Format(h.Handler.Requests[0]));
            AssertInformation(h.Sink.TakeSingle(), 0, 4, true, false);
        }

        [Fact]
        public void Receive_DuplicateRequest_RepeatsAnswerWithoutReprocessing()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 06 00 00 30 39"));
            byte[] get = ClientFrame.Information(0, 0, Hex.Parse("C0 01 C1 00 03 01 00 01 08 00 FF 02 00"));
            h.Send(get);
            string answer = h.Sink.TakeSingle().ToString();

            // Our answer was lost: the client repeats the same I-frame (same N(S), N(R) = 0).
            h.Send(get);
            Assert.Equal(new[] { answer }, h.Sink.Take());
            Assert.Single(h.Handler.Requests);

            // Then it goes on normally.
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C2 00 06 00 00 30 3A"));
            h.Send(ClientFrame.Information(1, 1, Hex.Parse("C0 01 C2 00 03 01 00 01 08 00 FF 02 00")));
            AssertInformation(h.Sink.TakeSingle(), 1, 2, true, false);
            Assert.Equal(2, h.Handler.Requests.Count);
        }

        [Fact]
        public void Receive_DuplicateAfterAcknowledgedAnswer_AnswersRr()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            h.Sink.Take();
            // A stale repeat whose N(R) already acknowledges our answer: nothing to resend.
            h.Send(ClientFrame.Information(0, 1, Hex.Parse("C0 01")));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);
            Assert.Single(h.Handler.Requests);
        }

        [Fact]
        public void Receive_DuplicateSegment_IsAcknowledgedAgainButAppendedOnce()
        {
            var h = new LinkHarness();
            h.Connect();
            byte[] info = ClientFrame.Concat(ClientFrame.RequestLlc, ClientFrame.Pattern(200, 8));
            byte[] first = ClientFrame.Build(HdlcControl.Information(0, 0, true), ClientFrame.Slice(info, 0, 128), segmented: true);
            h.Send(first);
            h.Send(first);
            Assert.Equal(new[] { HdlcControl.ReceiveReady(1, true), HdlcControl.ReceiveReady(1, true) }, h.Sink.TakeAll().ConvertAll(f => f.Control).ToArray());
            h.Handler.Responses.Enqueue(Hex.Parse("C5 01"));
            h.Send(ClientFrame.Build(HdlcControl.Information(1, 0, true), ClientFrame.Slice(info, 128, info.Length - 128)));
            Assert.Equal(Hex.Format(ClientFrame.Slice(info, 3, 200)), Hex.Format(h.Handler.Requests[0]));
        }

        [Fact]
        public void LongFrames_MaxInfo2030_ElevenBitLengthBothWays()
        {
            var settings = new HdlcSettings { MaxInfoTransmit = 2030, MaxInfoReceive = 2030, MaxApduSize = 4096 };
            var h = new LinkHarness(settings);
            // Gurux client SNRM proposing 2030 both ways, window 3 (traces/gurux-net-client.txt).
            h.Send("7EA0200321937DD9818014050207EE060207EE0704000000030804000000031CC07E");
            Assert.Equal(2030, h.Link.MaxInfoTransmit);
            Assert.Equal(2030, h.Link.MaxInfoReceive);
            h.Sink.Take();

            byte[] request = ClientFrame.Pattern(1500, 9);
            byte[] response = ClientFrame.Pattern(2000, 10);
            h.Handler.Responses.Enqueue(response);
            h.Send(ClientFrame.Information(0, 0, request, serverSize: 1));
            Assert.Equal(Hex.Format(request), Hex.Format(h.Handler.Requests[0]));
            DecodedFrame answer = h.Sink.TakeSingle();
            // 2003 info + 2 format + 1 + 1 address + 1 control + 2 HCS + 2 FCS = 2012 = 0x7DC.
            Assert.Equal("7E A7 DC 21 03", Hex.Format(answer.Bytes, 0, 5));
            Assert.Equal(2012, answer.Header.FrameLength);
            Assert.Equal(Hex.Format(ClientFrame.Concat(s_responseLlc, response)), Hex.Format(answer.Information));

            // 4000 bytes: two segments of at most 2030 (window 1: the client's 08 proposes 3, ours is 1).
            byte[] large = ClientFrame.Pattern(4000, 11);
            h.Handler.Responses.Enqueue(large);
            h.Send(ClientFrame.Information(1, 1, Hex.Parse("C0 02"), serverSize: 1));
            DecodedFrame first = h.Sink.TakeSingle();
            Assert.Equal(2030, first.Information.Length);
            Assert.True(first.Header.Segmented);
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(2, true), serverSize: 1));
            DecodedFrame second = h.Sink.TakeSingle();
            Assert.Equal(4003 - 2030, second.Information.Length);
            Assert.Equal(Hex.Format(ClientFrame.Concat(s_responseLlc, large)), Hex.Format(Join(new List<DecodedFrame> { first, second })));
        }

        [Fact]
        public void FinalSegmentWithoutPoll_AnswerWaitsForPoll()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, false), ClientFrame.Concat(ClientFrame.RequestLlc, Hex.Parse("C0 01"))));
            Assert.Empty(h.Sink.Frames);
            Assert.Single(h.Handler.Requests);
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, true)));
            AssertInformation(h.Sink.TakeSingle(), 0, 1, true, false);
        }

        [Fact]
        public void ReceiveNotReady_AcknowledgesAndHoldsSegments()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(300, 12));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            h.Sink.Take();
            h.Send(ClientFrame.Build(HdlcControl.ReceiveNotReady(1, true)));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(1, true)));
            AssertInformation(h.Sink.TakeSingle(), 1, 1, true, true);
        }

        [Fact]
        public void NewRequestDuringSegmentedAnswer_AbandonsTheRest()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(300, 13));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            h.Sink.Take();
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 06 00 00 30 39"));
            h.Send(ClientFrame.Information(1, 1, Hex.Parse("C0 01 C1")));
            DecodedFrame answer = h.Sink.TakeSingle();
            AssertInformation(answer, 1, 2, true, false);
            Assert.Equal("E6 E7 00 C4 01 C1 00 06 00 00 30 39", Hex.Format(answer.Information));
        }

        [Fact]
        public void HandlerReturnsNothing_AnswersRr()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);
            Assert.Single(h.Handler.Requests);
        }
    }
}
