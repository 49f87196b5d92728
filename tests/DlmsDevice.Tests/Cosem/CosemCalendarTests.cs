using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class CosemCalendarTests
    {
        private static int CosemDayOfWeek(DateTime t)
        {
            return t.DayOfWeek == System.DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek;
        }

        [Fact]
        public void FromTicks_MatchesSystemDateTime_OverManyYears()
        {
            Random random = new Random(1234);
            long min = new DateTime(1601, 1, 1).Ticks;
            long max = new DateTime(2400, 12, 31).Ticks;
            for (int i = 0; i < 20000; i++)
            {
                long ticks = min + (long)(random.NextDouble() * (max - min));
                DateTime expected = new DateTime(ticks);
                CosemDateTime value = new CosemDateTime();
                CosemCalendar.FromTicks(ticks, value);
                Assert.Equal(expected.Year, value.Year);
                Assert.Equal(expected.Month, value.Month);
                Assert.Equal(expected.Day, value.DayOfMonth);
                Assert.Equal(CosemDayOfWeek(expected), value.DayOfWeek);
                Assert.Equal(expected.Hour, value.Hour);
                Assert.Equal(expected.Minute, value.Minute);
                Assert.Equal(expected.Second, value.Second);
                Assert.Equal(expected.Millisecond / 10, value.Hundredths);
                long back;
                Assert.True(CosemCalendar.TryGetTicks(value, out back));
                Assert.Equal(ticks - ticks % (TimeSpan.TicksPerMillisecond * 10), back);
            }
        }

        [Theory]
        [InlineData(2000, 2, 29)]
        [InlineData(1900, 2, 28)]
        [InlineData(2024, 12, 31)]
        [InlineData(1, 1, 1)]
        public void DaysFromCivil_MatchesSystemDateTime(int year, int month, int day)
        {
            Assert.Equal(new DateTime(year, month, day).Ticks / TimeSpan.TicksPerDay, CosemCalendar.DaysFromCivil(year, month, day));
        }

        [Theory]
        [InlineData(2024, 3, 0xFE, 7, 31)]     // last Sunday of March 2024
        [InlineData(2024, 10, 0xFE, 7, 27)]    // last Sunday of October 2024
        [InlineData(2025, 3, 0xFE, 7, 30)]
        [InlineData(2024, 10, 1, 7, 6)]        // first Sunday on or after the 1st
        [InlineData(2024, 2, 0xFE, 0xFF, 29)]  // last day of a leap February
        [InlineData(2023, 2, 0xFD, 0xFF, 27)]  // second-last day
        [InlineData(2024, 6, 15, 0xFF, 15)]
        public void TryResolveSwitch_WildcardDays(int year, int month, int dayOfMonth, int dayOfWeek, int expectedDay)
        {
            CosemDateTime rule = new CosemDateTime();
            rule.Month = (byte)month;
            rule.DayOfMonth = (byte)dayOfMonth;
            rule.DayOfWeek = (byte)dayOfWeek;
            rule.Hour = 2;
            long ticks;
            Assert.True(CosemCalendar.TryResolveSwitch(rule, year, out ticks));
            Assert.Equal(new DateTime(year, month, expectedDay, 2, 0, 0).Ticks, ticks);
        }

        [Theory]
        [InlineData(0xFF, 1, 0xFF)]     // month not specified
        [InlineData(0xFE, 1, 0xFF)]     // DST-begin month wildcard
        [InlineData(2, 30, 0xFF)]       // 30 February
        [InlineData(3, 0xFE, 8)]        // day of week 8
        public void TryResolveSwitch_Unsupported_False(int month, int dayOfMonth, int dayOfWeek)
        {
            CosemDateTime rule = new CosemDateTime();
            rule.Month = (byte)month;
            rule.DayOfMonth = (byte)dayOfMonth;
            rule.DayOfWeek = (byte)dayOfWeek;
            long ticks;
            Assert.False(CosemCalendar.TryResolveSwitch(rule, 2024, out ticks));
        }

        [Fact]
        public void TryResolveSwitch_SpecifiedYear_UsesThatYear()
        {
            CosemDateTime rule = new CosemDateTime();
            rule.Year = 2030;
            rule.Month = 3;
            rule.DayOfMonth = 1;
            long ticks;
            Assert.True(CosemCalendar.TryResolveSwitch(rule, 2024, out ticks));
            Assert.Equal(new DateTime(2030, 3, 1).Ticks, ticks);
        }
    }
}
