using System;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>
    /// The fleets' frequency input: whole grid cycles so far and the time of the last edge, the
    /// same whether it is read every 20 ms or once after an hour; the period between two reads is
    /// the grid's frequency.
    /// </summary>
    public sealed class SimulatedEdgeTimerTests
    {
        private static readonly long Start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        [Fact]
        public void FlatGrid_CountsFiftyEdgesASecond_LastEdgeOnTheCycle()
        {
            var grid = new SimulatedGrid(new GridFrequencySettings { SlowSwingHertz = 0, FastSwingHertz = 0 }, 7, Start);
            long now = Start;
            var timer = new SimulatedEdgeTimer(grid, () => now, Start);

            Assert.Equal(0, timer.Read(out long none));
            Assert.Equal(-1, none);

            now = Start + TimeSpan.FromSeconds(10.005).Ticks;
            Assert.Equal(500, timer.Read(out long last));
            Assert.Equal(10_000_000, last, 1.0);
        }

        [Fact]
        public void SwingingGrid_ReadOftenOrOnce_SameCount_MonotonicAndTheMeasuredFrequency()
        {
            var settings = new GridFrequencySettings();
            var grid = new SimulatedGrid(settings, 7, Start);
            long now = Start;
            var often = new SimulatedEdgeTimer(grid, () => now, Start);
            long previous = 0;
            for (int ms = 20; ms <= 3_600_000; ms += 20)
            {
                now = Start + TimeSpan.FromMilliseconds(ms).Ticks;
                long count = often.Read(out _);
                Assert.True(count >= previous);
                previous = count;
            }
            var once = new SimulatedEdgeTimer(grid, () => now, Start);
            Assert.Equal(previous, once.Read(out _));

            // Two reads a second apart: edges over the time between their last edges is the frequency.
            long c1 = once.Read(out long t1);
            now += TimeSpan.TicksPerSecond;
            long c2 = once.Read(out long t2);
            double hertz = (c2 - c1) / ((t2 - t1) / 1e6);
            Assert.Equal(grid.FrequencyAt(now), hertz, 0.02);
        }
    }
}
