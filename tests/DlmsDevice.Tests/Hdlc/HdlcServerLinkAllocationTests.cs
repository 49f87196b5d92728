using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    /// <summary>After warm-up, receiving, checking and answering frames allocates nothing.</summary>
    public class HdlcServerLinkAllocationTests
    {
        /// <summary>Answers from preallocated APDUs, in turn; counts calls.</summary>
        private sealed class ScriptHandler : IApduHandler
        {
            private readonly byte[][] _responses;
            private int _next;

            public ScriptHandler(params byte[][] responses)
            {
                _responses = responses;
            }

            public int Calls { get; private set; }
            public int RequestBytes { get; private set; }
            public int Opened { get; private set; }
            public int Closed { get; private set; }

            public bool IsAssociated => false;


            public void LinkOpened(int clientSap, int serverLogicalAddress)
            {
                Opened++;
                _next = 0;
            }

            public int HandleApdu(int clientSap, int serverLogicalAddress, byte[] request, int requestOffset, int requestCount,
                byte[] response, int responseOffset, int responseMax, out int responseStart)
            {
                Calls++;
                responseStart = responseOffset;
                RequestBytes += requestCount;
                byte[] answer = _responses[_next];
                _next = (_next + 1) % _responses.Length;
                Array.Copy(answer, 0, response, responseOffset, answer.Length);
                return answer.Length;
            }

            public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
                => PduTooLong.Write(response, responseOffset);

            public void LinkClosed()
            {
                Closed++;
            }
        }

        private sealed class CountingSink : IByteChannel
        {
            public long Bytes { get; private set; }
            public int Frames { get; private set; }

            public void Write(byte[] buffer, int offset, int count)
            {
                Bytes += count;
                Frames++;
            }


            /// <summary>A sink only: nothing to read.</summary>

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;


            public void Close() { }
        }

        /// <summary>One session: SNRM with window 3, AARQ, a request in 3 segments answered in 6
        /// segments (two windows, one partial RR forcing a go-back-N resend), a GET and its
        /// duplicate, RR polls, noise and a corrupted frame, DISC twice.</summary>
        private static byte[] BuildSession()
        {
            byte[] info = ClientFrame.Concat(ClientFrame.RequestLlc, ClientFrame.Pattern(300, 1));
            byte[] get = ClientFrame.Information(4, 7, Hex.Parse("C0 01 C1 00 03 01 00 01 08 00 FF 02 00"));
            byte[] corrupt = (byte[])get.Clone();
            corrupt[10] ^= 0xFF;
            return ClientFrame.Concat(
                ClientFrame.Build(HdlcControl.SetNormalResponseMode, Hex.Parse("81 80 12 05 01 80 06 01 80 07 04 00 00 00 03 08 04 00 00 00 03")),
                ClientFrame.Information(0, 0, ClientFrame.Pattern(30, 2)),
                ClientFrame.Build(HdlcControl.Information(1, 1, true), ClientFrame.Slice(info, 0, 128), segmented: true),
                ClientFrame.Build(HdlcControl.Information(2, 1, true), ClientFrame.Slice(info, 128, 128), segmented: true),
                Hex.Parse("00 7E A0 13 55"),
                ClientFrame.Build(HdlcControl.Information(3, 1, true), ClientFrame.Slice(info, 256, info.Length - 256)),
                ClientFrame.Build(HdlcControl.ReceiveReady(4, true)),
                ClientFrame.Build(HdlcControl.ReceiveReady(5, true)),
                ClientFrame.Build(HdlcControl.ReceiveReady(7, true)),
                corrupt,
                get,
                get,
                ClientFrame.Build(HdlcControl.ReceiveReady(0, true)),
                ClientFrame.Build(HdlcControl.Disconnect),
                ClientFrame.Build(HdlcControl.Disconnect));
        }

        // UA, AARE, RR, RR, 3 segments, 3 segments, 2 resent, RR, GET answer twice, RR, UA, DM.
        private const int FramesPerSession = 18;

        [Theory]
        [InlineData(100000)]
        [InlineData(7)]
        [InlineData(1)]
        public void Session_AfterWarmUp_AllocatesNothing(int chunk)
        {
            var handler = new ScriptHandler(ClientFrame.Pattern(40, 3), ClientFrame.Pattern(700, 4), ClientFrame.Pattern(9, 5));
            var sink = new CountingSink();
            var settings = new HdlcSettings { WindowTransmit = 3, WindowReceive = 3 };
            var link = new HdlcServerLink(settings, handler, sink);
            byte[] session = BuildSession();
            long now = 0;

            void Run()
            {
                for (int i = 0; i < session.Length; i += chunk)
                {
                    link.Receive(session, i, Math.Min(chunk, session.Length - i), now);
                    now += 10;
                    link.Poll(now);
                }
            }

            Run();   // warm-up
            Assert.Equal(FramesPerSession, sink.Frames);
            Assert.Equal(3, handler.Calls);
            Assert.Equal(30 + 300 + 13, handler.RequestBytes);
            Assert.Equal(1, handler.Opened);
            Assert.Equal(1, handler.Closed);
            long bytesPerSession = sink.Bytes;

            const int Sessions = 200;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 0; s < Sessions; s++)
            {
                Run();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal((Sessions + 1) * FramesPerSession, sink.Frames);
            Assert.Equal((Sessions + 1) * bytesPerSession, sink.Bytes);
            Assert.Equal((Sessions + 1) * 3, handler.Calls);
            Assert.False(link.IsConnected);
        }

        [Fact]
        public void Session_Script_AnswersAsExpected()
        {
            // The same script through the recording harness, to pin what the allocation test measures.
            var h = new LinkHarness(new HdlcSettings { WindowTransmit = 3, WindowReceive = 3 });
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(40, 3));
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(700, 4));
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(9, 5));
            h.Send(BuildSession());
            var controls = h.Sink.TakeAll().ConvertAll(f => f.Control).ToArray();
            Assert.Equal(new byte[]
            {
                0x73,                   // UA
                0x30,                   // AARE I(0,1)
                0x51, 0x71,             // RR(2), RR(3) for the request segments
                0x82, 0x84, 0x96,       // I(1,4) I(2,4) I(3,4)+F
                0x88, 0x8A, 0x9C,       // I(4,4) I(5,4) I(6,4)+F, last
                0x8A, 0x9C,             // RR(5) acknowledged only N(S) 4: resend 5, 6
                0x91,                   // RR(7): nothing left, RR(4)
                0xBE, 0xBE,             // GET I(7,5) and its repeat for the duplicate
                0xB1,                   // RR(0): RR(5)
                0x73, 0x1F,             // UA, DM
            }, controls);
            Assert.Equal(3, h.Handler.Requests.Count);
        }
    }
}
