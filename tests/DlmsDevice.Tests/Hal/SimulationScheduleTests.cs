using System;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>Schedules: single and repeating intervals, overlaps, next change.</summary>
    public class SimulationScheduleTests
    {
        private static long H(double hours) => TimeSpan.FromHours(hours).Ticks;

        [Theory]
        [InlineData(0.0, false)]
        [InlineData(1.999, false)]
        [InlineData(2.0, true)]   // start inclusive
        [InlineData(2.5, true)]
        [InlineData(3.0, false)]  // end exclusive
        public void Once_IsActive_HalfOpenInterval(double hours, bool expected)
        {
            var interval = new ScheduledInterval(TimeSpan.FromHours(2), TimeSpan.FromHours(1));

            Assert.Equal(expected, interval.IsActive(H(hours)));
        }

        [Theory]
        [InlineData(0.0, 2.0)]
        [InlineData(2.0, 3.0)]
        [InlineData(3.0, 26.0)]   // next day
        [InlineData(26.5, 27.0)]
        public void Daily_NextBoundary_StartsAndEnds(double hours, double expected)
        {
            var interval = new ScheduledInterval(TimeSpan.FromHours(2), TimeSpan.FromHours(1), TimeSpan.FromDays(1));

            Assert.Equal(H(expected), interval.NextBoundary(H(hours)));
        }

        [Fact]
        public void Once_AfterEnd_NoBoundary()
        {
            var interval = new ScheduledInterval(TimeSpan.FromHours(2), TimeSpan.FromHours(1));

            Assert.Equal(long.MaxValue, interval.NextBoundary(H(3)));
        }

        [Fact]
        public void Overlapping_NextChange_SkipsHandOver()
        {
            var schedule = new SimulationSchedule(new[]
            {
                new ScheduledInterval(TimeSpan.FromHours(1), TimeSpan.FromHours(2)),   // 1..3
                new ScheduledInterval(TimeSpan.FromHours(2), TimeSpan.FromHours(2)),   // 2..4
                new ScheduledInterval(TimeSpan.FromHours(4), TimeSpan.FromHours(1)),   // 4..5 (adjacent)
            });

            Assert.Equal(H(1), schedule.NextChange(0));
            Assert.Equal(H(5), schedule.NextChange(H(1)));
            Assert.True(schedule.IsActive(H(4.5)));
            Assert.Equal(long.MaxValue, schedule.NextChange(H(5)));
        }

        [Fact]
        public void Interval_PeriodNotLongerThanDuration_Throws()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduledInterval(TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduledInterval(TimeSpan.Zero, TimeSpan.Zero));
        }
    }
}
