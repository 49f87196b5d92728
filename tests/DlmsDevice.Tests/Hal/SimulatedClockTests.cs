using System;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>Manual and time-scaled simulated clock; UTC setting vs monotonic time.</summary>
    public class SimulatedClockTests
    {
        private static readonly DateTime Start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void Manual_Advance_MovesUtcAndMonotonicTogether()
        {
            var clock = new SimulatedClock(Start);
            Assert.Equal(Start.Ticks, clock.GetUtcTicks());
            Assert.Equal(0, clock.GetMonotonicMilliseconds());

            clock.Advance(TimeSpan.FromMinutes(15));
            clock.Advance(TimeSpan.FromMilliseconds(1500));

            Assert.Equal(Start.AddMinutes(15).AddMilliseconds(1500).Ticks, clock.GetUtcTicks());
            Assert.Equal(15 * 60000 + 1500, clock.GetMonotonicMilliseconds());
        }

        [Fact]
        public void Manual_WithoutAdvance_StandsStill()
        {
            var clock = new SimulatedClock(Start);
            long first = clock.GetUtcTicks();

            System.Threading.Thread.Sleep(20);

            Assert.Equal(first, clock.GetUtcTicks());
        }

        [Fact]
        public void SetUtcTicks_ShiftsMeterTimeOnly()
        {
            var clock = new SimulatedClock(Start);
            clock.Advance(TimeSpan.FromHours(1));

            clock.SetUtcTicks(Start.AddHours(3).Ticks);
            clock.Advance(TimeSpan.FromMinutes(1));

            Assert.Equal(Start.AddHours(3).AddMinutes(1).Ticks, clock.GetUtcTicks());
            Assert.Equal(Start.AddHours(1).AddMinutes(1).Ticks, clock.TrueUtcTicks);
            Assert.Equal(61 * 60000, clock.GetMonotonicMilliseconds());
            Assert.Equal(TimeSpan.FromHours(2).Ticks, clock.OffsetTicks);
        }

        [Fact]
        public void AdvanceTo_PastInstant_NoEffect()
        {
            var clock = new SimulatedClock(Start);
            clock.Advance(TimeSpan.FromHours(2));

            clock.AdvanceTo(Start.AddHours(1).Ticks);

            Assert.Equal(Start.AddHours(2).Ticks, clock.TrueUtcTicks);
        }

        [Theory]
        [InlineData(1.0, 10, 10)]
        [InlineData(96.0, 10, 960)]      // 15-minute period every 9.375 s
        [InlineData(8640.0, 10, 86400)]  // a day in 10 s
        public void Scaled_RealTimeElapses_SimulatedTimeIsScaleTimesReal(double scale, int realSeconds, int simulatedSeconds)
        {
            long real = 0;
            var clock = new SimulatedClock(Start, scale, () => real);

            real = TimeSpan.FromSeconds(realSeconds).Ticks;

            Assert.Equal(Start.AddSeconds(simulatedSeconds).Ticks, clock.GetUtcTicks());
            Assert.Equal(simulatedSeconds * 1000L, clock.GetMonotonicMilliseconds());
        }

        [Fact]
        public void Scaled_AdvanceJump_KeptWhenRealTimeMovesOn()
        {
            long real = 0;
            var clock = new SimulatedClock(Start, 60, () => real);
            real = TimeSpan.FromSeconds(1).Ticks;     // 1 min simulated

            clock.Advance(TimeSpan.FromHours(1));    // jump
            real = TimeSpan.FromSeconds(2).Ticks;     // +1 min simulated

            Assert.Equal(Start.AddMinutes(62).Ticks, clock.TrueUtcTicks);
        }

        [Fact]
        public void Scaled_RealSourceGoesBack_TimeNeverDecreases()
        {
            long real = TimeSpan.FromSeconds(5).Ticks;
            var clock = new SimulatedClock(Start, 10, () => real);
            long before = clock.GetMonotonicMilliseconds();

            real = TimeSpan.FromSeconds(1).Ticks;

            Assert.Equal(50000, before);
            Assert.Equal(before, clock.GetMonotonicMilliseconds());
        }

        [Fact]
        public void Constructor_NegativeScale_Throws()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedClock(Start, -1, null));
        }
    }
}
