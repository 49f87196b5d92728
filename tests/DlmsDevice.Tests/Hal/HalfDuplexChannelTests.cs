using System;
using System.Diagnostics;
using DlmsDevice.Hal;
using DlmsDevice.Tests.Meter;
using DlmsDevice.Tests.Runtime;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>RS-485 on a UART: the echo of our own frames dropped, the bus turnaround kept.</summary>
    public sealed class HalfDuplexChannelTests
    {

        private static (HalfDuplexChannel Line, PipeChannel Uart, ManualClock Clock) Create(bool echo = true, int turnaround = 0)
        {
            var uart = new PipeChannel();
            var clock = new ManualClock(new DateTime(2026, 1, 1));
            return (new HalfDuplexChannel(uart, clock, 9600, echo, turnaround, 64), uart, clock);
        }

        private static string Read(HalfDuplexChannel line)
        {
            var buffer = new byte[256];
            int n = line.Read(buffer, 0, buffer.Length, 0);
            return Hex.Format(buffer, 0, Math.Max(n, 0));
        }

        [Fact]
        public void Echo_OwnFrameComesBack_Dropped()
        {
            var (line, uart, _) = Create();
            byte[] frame = Hex.Parse("7E A0 08 21 03 73 F4 0F 7E");
            line.Write(frame, 0, frame.Length);

            uart.Feed("7E A0 08 21 03 73 F4 0F 7E");

            Assert.Equal("", Read(line));
            Assert.Equal(9, line.EchoesDropped);
            Assert.Equal(0, line.EchoPending);
        }

        [Fact]
        public void Echo_InPiecesThenTheClientsFrame_OnlyTheClientsDelivered()
        {
            var (line, uart, _) = Create();
            byte[] frame = Hex.Parse("7E A0 08 21 03 73 F4 0F 7E");
            line.Write(frame, 0, frame.Length);

            uart.Feed("7E A0 08 21");
            Assert.Equal("", Read(line));
            uart.Feed("03 73 F4 0F 7E 7E A0 07 03 21 93 0F 01 7E"); // rest of the echo, then the client's DISC

            Assert.Equal("7E A0 07 03 21 93 0F 01 7E", Read(line));
        }

        [Fact]
        public void Echo_DiffersAtTheFirstByte_NoEchoAfterAll_AllDelivered()
        {
            var (line, uart, _) = Create();
            byte[] frame = Hex.Parse("7E A0 08 21 03 73 F4 0F 7E");
            line.Write(frame, 0, frame.Length);

            uart.Feed("7E A8 01 02");

            Assert.Equal("A8 01 02", Read(line)); // 7E matched, A8 did not: the expectation ends
            Assert.Equal(0, line.EchoPending);
        }

        [Fact]
        public void Echo_NotInTime_ExpectationEnds_NextFrameDeliveredWhole()
        {
            var (line, uart, clock) = Create();
            byte[] frame = Hex.Parse("7E A0 08 21 03 73 F4 0F 7E");
            line.Write(frame, 0, frame.Length);

            clock.Advance(10 + HalfDuplexChannel.EchoMarginMilliseconds); // 9 characters at 9600 Bd: 10 ms
            Assert.Equal("", Read(line));
            Assert.Equal(0, line.EchoPending);
            uart.Feed("7E A0 08 21 03 73 F4 0F 7E"); // the same bytes, now from the client

            Assert.Equal("7E A0 08 21 03 73 F4 0F 7E", Read(line));
        }

        [Fact]
        public void Echo_LongerThanTheBuffer_RestDroppedByCount()
        {
            var (line, uart, _) = Create();
            byte[] frame = new byte[100];
            for (int i = 0; i < frame.Length; i++)
            {
                frame[i] = (byte)i;
            }
            line.Write(frame, 0, frame.Length);

            uart.Feed(frame, 0, frame.Length);
            uart.Feed("55");

            Assert.Equal("55", Read(line));
            Assert.Equal(100, line.EchoesDropped);
        }

        [Fact]
        public void NoEcho_BytesPassUntouched()
        {
            var (line, uart, _) = Create(echo: false);
            byte[] frame = Hex.Parse("7E A0 08 21 03 73 F4 0F 7E");
            line.Write(frame, 0, frame.Length);

            uart.Feed("7E A0 08 21 03 73 F4 0F 7E");

            Assert.Equal("7E A0 08 21 03 73 F4 0F 7E", Read(line));
            Assert.Equal(1, uart.Frames);
        }

        [Fact]
        public void Turnaround_WriteRightAfterAByteReceived_WaitsTheTurnaround()
        {
            var uart = new PipeChannel();
            var clock = new TickClock();
            var line = new HalfDuplexChannel(uart, clock, 9600, false, 30, 64);
            uart.Feed("7E");
            Read(line);

            var watch = Stopwatch.StartNew();
            line.Write(new byte[] { 1 }, 0, 1);

            Assert.True(watch.ElapsedMilliseconds >= 25, watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void Turnaround_LongAfterTheLastByte_WritesAtOnce()
        {
            var (line, uart, clock) = Create(echo: false, turnaround: 1000);
            uart.Feed("7E");
            Read(line);
            clock.Advance(1000);

            var watch = Stopwatch.StartNew();
            line.Write(new byte[] { 1 }, 0, 1);

            Assert.True(watch.ElapsedMilliseconds < 500, watch.ElapsedMilliseconds + " ms");
            Assert.Equal(1, uart.Frames);
        }

        // Real monotonic milliseconds (the turnaround wait sleeps on the real clock).
        private sealed class TickClock : ISystemClock
        {
            public long GetUtcTicks() => DateTime.UtcNow.Ticks;

            public void SetUtcTicks(long utcTicks)
            {
            }

            public long GetMonotonicMilliseconds() => Environment.TickCount64;
        }
    }
}
