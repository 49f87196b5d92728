using System.Collections.Generic;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    /// <summary>The server link driven with the exact client frames of Trace A and of the recorded client sessions (docs/interop.md).</summary>
    public class HdlcServerLinkSessionTests
    {
        // Trace A (dlms-cosem test_hdlc.py): the AARQ and AARE APDUs inside the I-frames.
        private const string TraceAAarqApdu = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";
        private const string TraceAAareApdu = "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07";

        /// <summary>The UA parameter field we must send: each value the minimum of ours and the
        /// client's proposal (computed here, independently of the link), from our point of view.
        /// Lengths in 1 byte below 256 else 2, windows in 4 bytes.</summary>
        private static string ExpectedUaParameters(HdlcSettings ours, int clientMaxTransmit, int clientMaxReceive, int clientWindowTransmit, int clientWindowReceive)
        {
            int maxTransmit = System.Math.Min(ours.MaxInfoTransmit, clientMaxReceive);
            int maxReceive = System.Math.Min(ours.MaxInfoReceive, clientMaxTransmit);
            int windowTransmit = System.Math.Min(ours.WindowTransmit, clientWindowReceive);
            int windowReceive = System.Math.Min(ours.WindowReceive, clientWindowTransmit);
            string Length(int value) => value < 256 ? "01 " + value.ToString("X2") : "02 " + (value >> 8).ToString("X2") + " " + (value & 0xFF).ToString("X2");
            string group = "05 " + Length(maxTransmit) + " 06 " + Length(maxReceive)
                + " 07 04 00 00 00 " + windowTransmit.ToString("X2") + " 08 04 00 00 00 " + windowReceive.ToString("X2");
            return "81 80 " + Hex.Parse(group).Length.ToString("X2") + " " + group;
        }

        [Fact]
        public void TraceA_SnrmAarq_AnswersUaAndFramesTheAare()
        {
            var h = new LinkHarness();

            h.Send("7E A0 08 02 23 21 93 BD 64 7E");
            DecodedFrame ua = h.Sink.TakeSingle();
            // Empty SNRM: the client's values are the defaults 128/128/1/1.
            Assert.Equal(ExpectedUaParameters(h.Settings, 128, 128, 1, 1), Hex.Format(ua.Information));
            // Whole frame, CRCs computed with an independent implementation (tools: Python, CRC-16/X.25).
            Assert.Equal("7E A0 1F 21 02 23 73 E6 C7 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E", ua.ToString());
            Assert.Equal(new[] { "opened 16 1" }, h.Handler.Events.ToArray());
            Assert.Equal(HdlcLinkState.Connected, h.Link.State);
            Assert.Equal(16, h.Link.ClientSap);
            Assert.Equal(1, h.Link.ServerLogicalAddress);
            Assert.Equal(128, h.Link.MaxInfoTransmit);
            Assert.Equal(128, h.Link.MaxInfoReceive);
            Assert.Equal(1, h.Link.WindowTransmit);
            Assert.Equal(1, h.Link.WindowReceive);

            h.Handler.Responses.Enqueue(Hex.Parse(TraceAAareApdu));
            h.Send("7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E");
            Assert.Single(h.Handler.Requests);
            Assert.Equal(TraceAAarqApdu, Hex.Format(h.Handler.Requests[0]));
            Assert.Equal(HdlcServerLink.ResponseHeadroom, h.Handler.LastResponseOffset);
            Assert.Equal(h.Settings.MaxApduSize, h.Handler.LastResponseMax);
            DecodedFrame aare = h.Sink.TakeSingle();
            Assert.Equal(0x30, aare.Control);
            Assert.Equal("7E A0 38 21 02 23 30 34 E7 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07 B8 6A 7E", aare.ToString());
        }

        [Fact]
        public void TraceD_GetGetDiscDisc_MatchesTraceBytes()
        {
            var h = new LinkHarness();
            h.Send("7E A0 08 02 23 21 93 BD 64 7E");
            h.Handler.Responses.Enqueue(Hex.Parse(TraceAAareApdu));
            h.Send("7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E");
            h.Sink.Take();

            // GET I(1,1) = 0x32 -> response I(1,2) = 0x52.
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 06 00 00 30 39"));
            h.Send("7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E");
            Assert.Equal("C0 01 C1 00 03 01 00 01 08 00 FF 02 00", Hex.Format(h.Handler.Requests[1]));
            Assert.Equal(new[] { "7E A0 16 21 02 23 52 09 A6 E6 E7 00 C4 01 C1 00 06 00 00 30 39 9D 02 7E" }, h.Sink.Take());

            // GET I(2,2) = 0x54 -> response I(2,3) = 0x74.
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 02 02 0F 00 16 1E"));
            h.Send("7E A0 1A 02 23 21 54 C6 74 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 03 00 EA 71 7E");
            Assert.Equal("C0 01 C1 00 03 01 00 01 08 00 FF 03 00", Hex.Format(h.Handler.Requests[2]));
            Assert.Equal(new[] { "7E A0 17 21 02 23 74 79 E9 E6 E7 00 C4 01 C1 00 02 02 0F 00 16 1E 61 D4 7E" }, h.Sink.Take());

            h.Send("7E A0 08 02 23 21 53 B1 A2 7E");
            Assert.Equal(new[] { "7E A0 08 21 02 23 73 7A 43 7E" }, h.Sink.Take());
            Assert.Equal("closed", h.Handler.Events[h.Handler.Events.Count - 1]);
            Assert.False(h.Link.IsConnected);

            h.Send("7E A0 08 02 23 21 53 B1 A2 7E");
            Assert.Equal(new[] { "7E A0 08 21 02 23 1F 10 EA 7E" }, h.Sink.Take());
            Assert.Equal(3, h.Handler.Requests.Count);
        }

        [Fact]
        public void TraceB_FourByteAddressAnd7EInHcs_MatchesKmethyAare()
        {
            var h = new LinkHarness();
            h.Send("7E A0 0A 00 02 00 23 21 93 18 71 7E");
            DecodedFrame ua = h.Sink.TakeSingle();
            Assert.Equal(4, ua.Header.SourceSize);
            Assert.Equal(ExpectedUaParameters(h.Settings, 128, 128, 1, 1), Hex.Format(ua.Information));
            Assert.Equal("7E A0 21 21 00 02 00 23 73 4D F2 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E", ua.ToString());

            h.Handler.Responses.Enqueue(Hex.Parse("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 30 1D 19 00 00 07"));
            h.Send("7E A0 2E 00 02 00 23 21 10 7E CB E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF D4 C5 7E");
            Assert.Equal("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF", Hex.Format(h.Handler.Requests[0]));
            Assert.Equal(new[] { "7E A0 3A 21 00 02 00 23 30 99 41 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 30 1D 19 00 00 07 0C 52 7E" }, h.Sink.Take());
        }

        [Fact]
        public void TraceBClock_OneByteAddresses_MatchesGreenBookResponses()
        {
            // Server 0x95 = logical 74 (1-byte form), client 0x75 = SAP 58.
            var h = new LinkHarness(new HdlcSettings { LogicalDevices = new[] { 74 } });
            h.Handler.DefaultResponse = Hex.Parse("C4 00");
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, logical: 74, serverSize: 1, clientSap: 58));
            Assert.Equal("7E A0 1E 75 95 73 CC D7 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E", h.Sink.TakeSingle().ToString());
            // Two constructed exchanges bring the sequence numbers to the trace's I(2,2).
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("60 00"), logical: 74, serverSize: 1, clientSap: 58));
            h.Send(ClientFrame.Information(1, 1, Hex.Parse("C0 00"), logical: 74, serverSize: 1, clientSap: 58));
            h.Sink.Take();
            h.Handler.Requests.Clear();

            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 81 00 09 06 00 00 01 00 00 FF"));
            h.Send("7E A0 19 95 75 54 68 35 E6 E6 00 C0 01 81 00 08 00 00 01 00 00 FF 01 00 0D FD 7E");
            Assert.Equal("C0 01 81 00 08 00 00 01 00 00 FF 01 00", Hex.Format(h.Handler.Requests[0]));
            Assert.Equal(new[] { "7E A0 18 75 95 74 E9 E8 E6 E7 00 C4 01 81 00 09 06 00 00 01 00 00 FF FD 49 7E" }, h.Sink.Take());

            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 81 00 09 0C 07 D2 0C 04 03 0A 06 0B FF 00 78 00"));
            h.Send("7E A0 19 95 75 76 78 37 E6 E6 00 C0 01 81 00 08 00 00 01 00 00 FF 02 00 65 D7 7E");
            Assert.Equal(new[] { "7E A0 1E 75 95 96 6F 67 E6 E7 00 C4 01 81 00 09 0C 07 D2 0C 04 03 0A 06 0B FF 00 78 00 F3 30 7E" }, h.Sink.Take());
        }

        [Fact]
        public void TraceC_ClientSap48Physical40_MatchesMeterResponse()
        {
            var h = new LinkHarness(new HdlcSettings { PhysicalAddress = 40 });
            h.Handler.DefaultResponse = Hex.Parse("61 00");
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, physical: 40, clientSap: 48));
            Assert.Equal("7E A0 1F 61 02 51 73 25 12 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E", h.Sink.TakeSingle().ToString());
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("60 00"), physical: 40, clientSap: 48));
            h.Sink.Take();

            h.Handler.Responses.Enqueue(Hex.Parse("C4 02 81 00 00 00 00 01 00 1C 01 01 02 04 12 00 08 11 00 09 06 00 00 01 00 00 FF 02 02 01 01 02 03 0F 01 16 01 00"));
            h.Send("7E A0 1A 02 51 61 32 F0 01 E6 E6 00 C0 01 81 00 0F 00 00 28 00 00 FF 02 00 94 9E 7E");
            Assert.Equal("C0 01 81 00 0F 00 00 28 00 00 FF 02 00", Hex.Format(h.Handler.Requests[1]));
            Assert.Equal(new[] { "7E A0 33 61 02 51 52 0F 35 E6 E7 00 C4 02 81 00 00 00 00 01 00 1C 01 01 02 04 12 00 08 11 00 09 06 00 00 01 00 00 FF 02 02 01 01 02 03 0F 01 16 01 00 9E 7D 7E" }, h.Sink.Take());
        }

        [Fact]
        public void GuruxSnrmWithParameters_AnswersNegotiatedMinimum()
        {
            // traces/gurux-net-client.txt, -w 3 -f 2030: the client proposes 2030/2030, window 3/3.
            var settings = new HdlcSettings { MaxInfoTransmit = 512, MaxInfoReceive = 1024, WindowTransmit = 7, WindowReceive = 2 };
            var h = new LinkHarness(settings);
            h.Send("7EA0200321937DD9818014050207EE060207EE0704000000030804000000031CC07E");
            DecodedFrame ua = h.Sink.TakeSingle();
            Assert.Equal(ExpectedUaParameters(settings, 2030, 2030, 3, 3), Hex.Format(ua.Information));
            Assert.Equal("7E A0 20 21 03 73 73 98 81 80 14 05 02 02 00 06 02 04 00 07 04 00 00 00 03 08 04 00 00 00 02 22 E4 7E", ua.ToString());
            Assert.Equal(512, h.Link.MaxInfoTransmit);
            Assert.Equal(1024, h.Link.MaxInfoReceive);
            Assert.Equal(3, h.Link.WindowTransmit);
            Assert.Equal(2, h.Link.WindowReceive);
        }

        // Every C>S frame of traces/dlms-cosem-client.txt SESSION 1 [dlmscosem-hdlc-none], in order:
        // SNRM, AARQ, GET object list (answered in 9 segments of 128 bytes), 8 RRs, four GET-Next
        // with their RRs, three GETs, RLRQ, DISC (one copy, shared with the end-to-end replay).
        private static readonly string[] s_dlmsCosemSession = DlmsDevice.Tests.EndToEnd.Replay.TraceRequests.DlmsCosemHdlc;

        [Fact]
        public void DlmsCosemSession_ReplayedByteForByte_EveryClientFrameAnsweredAsItExpects()
        {
            var h = new LinkHarness();
            // Response sizes that give the segment counts the client acknowledged in the trace:
            // 1024-byte data blocks (+3 LLC = 9 segments of 128), last block 356 bytes (3 segments).
            int[] responseLengths = { 43, 1024, 1024, 1024, 1024, 356, 9, 10, 18, 5 };
            var responses = new List<byte[]>();
            for (int i = 0; i < responseLengths.Length; i++)
            {
                responses.Add(ClientFrame.Pattern(responseLengths[i], i * 11));
                h.Handler.Responses.Enqueue(responses[i]);
            }

            h.Send(Hex.Parse(s_dlmsCosemSession[0]));
            Assert.Equal("7E A0 1E 21 03 73 C3 7A 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E", h.Sink.TakeSingle().ToString());

            var reassembled = new List<byte>();
            int responseIndex = 0;
            for (int i = 1; i < s_dlmsCosemSession.Length - 1; i++)
            {
                h.Send(Hex.Parse(s_dlmsCosemSession[i]));
                DecodedFrame answer = h.Sink.TakeSingle();
                Assert.Equal(HdlcFrameType.Information, answer.Type);
                Assert.True(answer.Header.PollFinal);
                reassembled.AddRange(answer.Information);

                var next = DecodedFrame.Parse(Hex.Parse(s_dlmsCosemSession[i + 1]));
                int ourSend = HdlcControl.GetSendSequence(answer.Control);
                if (next.Type == HdlcFrameType.ReceiveReady)
                {
                    // The client asks for the next segment: its N(R) acknowledges this one.
                    Assert.True(answer.Header.Segmented);
                    Assert.Equal((ourSend + 1) & 7, HdlcControl.GetReceiveSequence(next.Control));
                    continue;
                }
                // Last segment: the client sends its next request (or DISC after the RLRE).
                Assert.False(answer.Header.Segmented);
                if (next.Type == HdlcFrameType.Information)
                {
                    Assert.Equal((ourSend + 1) & 7, HdlcControl.GetReceiveSequence(next.Control));
                    Assert.Equal(HdlcControl.GetSendSequence(next.Control), HdlcControl.GetReceiveSequence(answer.Control));
                }
                Assert.Equal(Hex.Format(ClientFrame.Concat(Hex.Parse("E6 E7 00"), responses[responseIndex])), Hex.Format(reassembled.ToArray()));
                reassembled.Clear();
                responseIndex++;
            }
            Assert.Equal(10, responseIndex);
            Assert.Equal(10, h.Handler.Requests.Count);
            Assert.Equal("62 03 80 01 00", Hex.Format(h.Handler.Requests[9]));
            Assert.Equal("C0 02 C0 00 00 00 01", Hex.Format(h.Handler.Requests[2]));

            h.Send(Hex.Parse(s_dlmsCosemSession[s_dlmsCosemSession.Length - 1]));
            DecodedFrame ua = h.Sink.TakeSingle();
            Assert.Equal(HdlcControl.UnnumberedAcknowledge, ua.Control);
            Assert.False(ua.Header.HasInformation);
            Assert.Equal(new[] { "opened 16 1", "closed" }, h.Handler.Events.FindAll(e => !e.StartsWith("apdu")).ToArray());
        }
    }
}
