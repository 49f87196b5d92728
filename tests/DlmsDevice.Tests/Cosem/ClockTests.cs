using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class ClockTests
    {
        private static readonly ObisCode ClockName = new ObisCode(0, 0, 1, 0, 0, 255);

        private static Clock EuropeanClock(FakeClockSource source)
        {
            Clock clock = new Clock(ClockName, source);
            clock.TimeZone = -60;                 // UTC+1: UTC = local + (-60 min)
            clock.SetEuropeanDaylightSavings();
            return clock;
        }

        private static long Utc(int year, int month, int day, int hour, int minute, int second, int millisecond = 0)
        {
            return new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc).Ticks;
        }

        [Fact]
        public void Get_Time_KmethyVector()
        {
            // the Green Book's A-XDR examples (Kmethy test): 09 0C 07D2 0C 04 03 0A 06 0B FF 0078 00 = 2002-12-04 Wed
            // 10:06:11, deviation +120. We report hundredths (00), not "not specified" (FF).
            Clock clock = new Clock(ClockName, FakeClockSource.At(2002, 12, 4, 12, 6, 11));
            clock.TimeZone = 120;
            Assert.Equal("09 0C 07 D2 0C 04 03 0A 06 0B 00 00 78 00", CosemTestKit.Get(clock, 2));
        }

        [Fact]
        public void Get_Time_SummerTimeDeviationAndStatus()
        {
            // the Green Book's xDLMS APDU examples (dlms-cosem range "from"): 07E2 06 01 FF 00 03 00 FF FF88 80 =
            // 2018-06-01 00:03 CEST, deviation -120, DST active. UTC is 2018-05-31 22:03.
            Clock clock = EuropeanClock(FakeClockSource.At(2018, 5, 31, 22, 3, 0));
            Assert.Equal("09 0C 07 E2 06 01 05 00 03 00 00 FF 88 80", CosemTestKit.Get(clock, 2));
            Assert.Equal("11 80", CosemTestKit.Get(clock, 4));
        }

        [Fact]
        public void Get_Time_WinterTime()
        {
            Clock clock = EuropeanClock(FakeClockSource.At(2024, 1, 15, 9, 15, 0));
            // 2024-01-15 Monday 10:15:00.00 CET, deviation -60 (FFC4), status 0.
            Assert.Equal("09 0C 07 E8 01 0F 01 0A 0F 00 00 FF C4 00", CosemTestKit.Get(clock, 2));
            Assert.Equal("11 00", CosemTestKit.Get(clock, 4));
        }

        [Fact]
        public void Get_Time_Hundredths()
        {
            FakeClockSource source = new FakeClockSource(Utc(2024, 1, 15, 9, 15, 0, 370));
            Clock clock = new Clock(ClockName, source);
            Assert.Equal("09 0C 07 E8 01 0F 01 09 0F 00 25 00 00 00", CosemTestKit.Get(clock, 2));
        }

        [Fact]
        public void Get_OtherAttributes_ExactBytes()
        {
            Clock clock = EuropeanClock(FakeClockSource.At(2024, 1, 15, 9, 15, 0));
            Assert.Equal("09 06 00 00 01 00 00 FF", CosemTestKit.Get(clock, 1));
            Assert.Equal("10 FF C4", CosemTestKit.Get(clock, 3));
            // Last Sunday of March 02:00 / last Sunday of October 03:00, any year.
            Assert.Equal("09 0C FF FF 03 FE 07 02 00 00 00 80 00 FF", CosemTestKit.Get(clock, 5));
            Assert.Equal("09 0C FF FF 0A FE 07 03 00 00 00 80 00 FF", CosemTestKit.Get(clock, 6));
            Assert.Equal("0F 3C", CosemTestKit.Get(clock, 7));
            Assert.Equal("03 01", CosemTestKit.Get(clock, 8));
            Assert.Equal("16 01", CosemTestKit.Get(clock, 9));
        }

        [Theory]
        [InlineData(2024, 3, 31, 0, 59, 59, false)]    // 01:59:59 CET, just before the switch
        [InlineData(2024, 3, 31, 1, 0, 0, true)]       // 03:00 CEST
        [InlineData(2024, 10, 27, 0, 59, 59, true)]    // 02:59:59 CEST
        [InlineData(2024, 10, 27, 1, 0, 0, false)]     // 02:00 CET again
        [InlineData(2025, 3, 30, 1, 0, 0, true)]       // 2025: last Sunday of March is the 30th
        [InlineData(2025, 3, 29, 12, 0, 0, false)]
        [InlineData(2024, 7, 1, 12, 0, 0, true)]
        [InlineData(2024, 12, 24, 12, 0, 0, false)]
        public void IsDaylightSavingsActive_EuRule(int y, int mo, int d, int h, int mi, int s, bool expected)
        {
            Clock clock = EuropeanClock(new FakeClockSource(0));
            Assert.Equal(expected, clock.IsDaylightSavingsActive(Utc(y, mo, d, h, mi, s)));
        }

        [Fact]
        public void IsDaylightSavingsActive_SouthernHemisphere()
        {
            // Sydney: UTC+10, summer from the first Sunday of October 02:00 to the first Sunday of April 03:00.
            Clock clock = new Clock(ClockName, new FakeClockSource(0));
            clock.TimeZone = -600;
            CosemDateTime begin = new CosemDateTime();
            begin.Month = 10; begin.DayOfMonth = 1; begin.DayOfWeek = 7; begin.Hour = 2; begin.Minute = 0; begin.Second = 0;
            CosemDateTime end = new CosemDateTime();
            end.Month = 4; end.DayOfMonth = 1; end.DayOfWeek = 7; end.Hour = 3; end.Minute = 0; end.Second = 0;
            clock.SetDaylightSavings(begin, end);
            clock.DaylightSavingsEnabled = true;
            Assert.True(clock.IsDaylightSavingsActive(Utc(2024, 1, 10, 0, 0, 0)));
            Assert.False(clock.IsDaylightSavingsActive(Utc(2024, 7, 10, 0, 0, 0)));
            // 2024-10-06 is the first Sunday of October: 02:00 AEST = 2024-10-05 16:00 UTC.
            Assert.False(clock.IsDaylightSavingsActive(Utc(2024, 10, 5, 15, 59, 59)));
            Assert.True(clock.IsDaylightSavingsActive(Utc(2024, 10, 5, 16, 0, 0)));
        }

        [Fact]
        public void SetDaylightSavings_CopiesValues_GetAndEqualsSeeTheCopies()
        {
            Clock clock = new Clock(ClockName, new FakeClockSource(0));
            CosemDateTime begin = CosemDateTime.FromBytes(Support.Hex.Parse("FF FF 03 FE 07 02 00 00 00 80 00 FF"), 0);
            CosemDateTime end = CosemDateTime.FromBytes(Support.Hex.Parse("FF FF 0A FE 07 03 00 00 00 80 00 FF"), 0);

            clock.SetDaylightSavings(begin, end);
            begin.Month = 4;                      // the clock kept its own copy

            Assert.Equal("09 0C FF FF 03 FE 07 02 00 00 00 80 00 FF", CosemTestKit.Get(clock, 5));
            Assert.Equal("09 0C FF FF 0A FE 07 03 00 00 00 80 00 FF", CosemTestKit.Get(clock, 6));
            CosemDateTime gotBegin = new CosemDateTime();
            CosemDateTime gotEnd = new CosemDateTime();
            clock.GetDaylightSavings(gotBegin, gotEnd);
            Assert.Equal(3, gotBegin.Month);
            Assert.Equal(end, gotEnd);
            Assert.True(clock.DaylightSavingsEquals(gotBegin, gotEnd));
            Assert.False(clock.DaylightSavingsEquals(begin, end));
            Assert.Throws<ArgumentNullException>(() => clock.SetDaylightSavings(null!, end));
        }

        [Fact]
        public void IsDaylightSavingsActive_UnsupportedRule_False()
        {
            Clock clock = new Clock(ClockName, new FakeClockSource(0));
            CosemDateTime begin = new CosemDateTime();   // month 0xFF: outside the subset
            CosemDateTime end = new CosemDateTime();
            clock.SetDaylightSavings(begin, end);
            clock.DaylightSavingsEnabled = true;
            Assert.False(clock.IsDaylightSavingsActive(Utc(2024, 7, 1, 0, 0, 0)));
        }

        [Fact]
        public void Set_Time_WithDeviation_SetsUtc()
        {
            FakeClockSource source = FakeClockSource.At(2000, 1, 1, 0, 0, 0);
            Clock clock = EuropeanClock(source);
            clock.Status = 0x03;   // invalid + doubtful, cleared by a successful write
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(clock, 2, "09 0C 07 E8 01 0F 01 0A 0F 00 00 FF C4 00"));
            Assert.Equal(Utc(2024, 1, 15, 9, 15, 0), source.Ticks);
            Assert.Equal(0, clock.Status);
            Assert.Equal("09 0C 07 E8 01 0F 01 0A 0F 00 00 FF C4 00", CosemTestKit.Get(clock, 2));
        }

        [Fact]
        public void Set_Time_DeviationNotSpecified_TakenAsLocalSummerTime()
        {
            FakeClockSource source = FakeClockSource.At(2000, 1, 1, 0, 0, 0);
            Clock clock = EuropeanClock(source);
            // 2024-07-01 12:00:00, deviation 0x8000, status FF: local CEST -> 10:00 UTC.
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(clock, 2, "09 0C 07 E8 07 01 FF 0C 00 00 FF 80 00 FF"));
            Assert.Equal(Utc(2024, 7, 1, 10, 0, 0), source.Ticks);
        }

        [Fact]
        public void Set_Time_TaggedDateTime_Accepted()
        {
            FakeClockSource source = FakeClockSource.At(2000, 1, 1, 0, 0, 0);
            Clock clock = new Clock(ClockName, source);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(clock, 2, "19 07 E8 01 0F 01 0A 0F 00 00 00 00 00"));
            Assert.Equal(Utc(2024, 1, 15, 10, 15, 0), source.Ticks);
        }

        [Theory]
        [InlineData("09 0C FF FF 01 0F 01 0A 0F 00 00 FF C4 00", DataAccessResult.ScopeOfAccessViolated)]   // year not specified
        [InlineData("09 0C 07 E8 02 1E 01 0A 0F 00 00 FF C4 00", DataAccessResult.ScopeOfAccessViolated)]   // 30 February
        [InlineData("09 0C 07 E8 01 0F 01 18 00 00 00 FF C4 00", DataAccessResult.ScopeOfAccessViolated)]   // hour 24
        [InlineData("09 0C 07 E8 01 0F 01 0A 0F 00 00 03 00 00", DataAccessResult.ScopeOfAccessViolated)]   // deviation +768
        [InlineData("09 0C 07 E8 01 0F 01 0A 0F 00 64 FF C4 00", DataAccessResult.ScopeOfAccessViolated)]   // hundredths 100
        [InlineData("09 0B 07 E8 01 0F 01 0A 0F 00 00 FF C4", DataAccessResult.TypeUnmatched)]
        [InlineData("09 0C 07 E8 01 0F 01 0A", DataAccessResult.TypeUnmatched)]
        [InlineData("06 00 00 00 00", DataAccessResult.TypeUnmatched)]
        public void Set_Time_BadInput_ResultCodeAndClockUnchanged(string hex, DataAccessResult expected)
        {
            FakeClockSource source = FakeClockSource.At(2000, 1, 1, 0, 0, 0);
            long before = source.Ticks;
            Assert.Equal(expected, CosemTestKit.Set(new Clock(ClockName, source), 2, hex));
            Assert.Equal(before, source.Ticks);
        }

        [Theory]
        [InlineData(5, "09 0B FF FF 04 01 07 02 00 00 00 80 00")]
        [InlineData(6, "09 0C FF FF 0B 01 07 03 00")]
        [InlineData(5, "06 00 00 00 00")]
        public void Set_DaylightSavingsRule_BadInput_TypeUnmatchedAndRuleUnchanged(int attributeId, string hex)
        {
            Clock clock = EuropeanClock(new FakeClockSource(0));
            string before = CosemTestKit.Get(clock, attributeId);

            Assert.Equal(DataAccessResult.TypeUnmatched, CosemTestKit.Set(clock, attributeId, hex));

            Assert.Equal(before, CosemTestKit.Get(clock, attributeId));
        }

        [Theory]
        [InlineData(3, "10 FE B6", DataAccessResult.Success)]               // IST: -330 (the Green Book's A-XDR examples FEB6)
        [InlineData(3, "10 80 00", DataAccessResult.Success)]               // not specified
        [InlineData(3, "10 02 D1", DataAccessResult.ScopeOfAccessViolated)] // +721
        [InlineData(3, "0F 3C", DataAccessResult.TypeUnmatched)]
        [InlineData(4, "11 01", DataAccessResult.Success)]
        [InlineData(4, "16 01", DataAccessResult.TypeUnmatched)]
        [InlineData(5, "09 0C FF FF 03 FE 07 01 00 00 00 80 00 FF", DataAccessResult.Success)]
        [InlineData(6, "09 04 FF FF 03 FE", DataAccessResult.TypeUnmatched)]
        [InlineData(7, "0F 1E", DataAccessResult.Success)]
        [InlineData(7, "0F 79", DataAccessResult.ScopeOfAccessViolated)]    // 121 minutes
        [InlineData(8, "03 00", DataAccessResult.Success)]
        [InlineData(8, "11 00", DataAccessResult.TypeUnmatched)]
        [InlineData(9, "16 03", DataAccessResult.Success)]
        [InlineData(9, "16 06", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(9, "16", DataAccessResult.TypeUnmatched)]
        public void Set_OtherAttributes_ResultCodes(int attributeId, string hex, DataAccessResult expected)
        {
            Clock clock = EuropeanClock(FakeClockSource.At(2024, 1, 15, 9, 15, 0));
            Assert.Equal(expected, CosemTestKit.Set(clock, attributeId, hex));
            if (expected == DataAccessResult.Success)
            {
                Assert.Equal(hex, CosemTestKit.Get(clock, attributeId));
            }
        }

        [Fact]
        public void Set_TimeZone_ChangesLocalTimeNotUtc()
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 4, 59, 0);
            Clock clock = new Clock(ClockName, source);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(clock, 3, "10 FE B6"));
            // 04:59 UTC = 10:29 IST, deviation -330.
            Assert.Equal("09 0C 07 E8 01 0F 01 0A 1D 00 00 FE B6 00", CosemTestKit.Get(clock, 2));
            Assert.Equal(Utc(2024, 1, 15, 4, 59, 0), source.Ticks);
        }

        [Theory]
        [InlineData("10 00 3C", 60)]
        [InlineData("10 FC 7C", -900)]
        [InlineData("10 03 84", 900)]
        public void Invoke_ShiftTime_MovesUtc(string parameter, int seconds)
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 9, 15, 0);
            long before = source.Ticks;
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(new Clock(ClockName, source), 6, parameter));
            Assert.Equal(before + seconds * TimeSpan.TicksPerSecond, source.Ticks);
        }

        [Theory]
        [InlineData("10 03 85", ActionResult.ScopeOfAccessViolated)]   // 901 s
        [InlineData("10 FC 7B", ActionResult.ScopeOfAccessViolated)]   // -901 s
        [InlineData("0F 3C", ActionResult.TypeUnmatched)]               // integer, not long
        [InlineData("10 00", ActionResult.TypeUnmatched)]               // truncated
        [InlineData(null, ActionResult.TypeUnmatched)]
        public void Invoke_ShiftTime_BadParameter_ClockUnchanged(string? parameter, ActionResult expected)
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 9, 15, 0);
            long before = source.Ticks;
            Assert.Equal(expected, CosemTestKit.Invoke(new Clock(ClockName, source), 6, parameter));
            Assert.Equal(before, source.Ticks);
        }

        [Theory]
        [InlineData(29, 990, 15, 0)]     // 10:15:29.99 -> 10:15:00
        [InlineData(30, 0, 16, 0)]       // 10:15:30.00 -> 10:16:00 (second_counter >= 30 s rounds up)
        [InlineData(0, 0, 15, 0)]
        public void Invoke_AdjustToMinute_NearestMinute(int second, int millisecond, int expectedMinute, int expectedSecond)
        {
            FakeClockSource source = new FakeClockSource(Utc(2024, 1, 15, 10, 15, second, millisecond));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(new Clock(ClockName, source), 3, "0F 00"));
            Assert.Equal(Utc(2024, 1, 15, 10, expectedMinute, expectedSecond), source.Ticks);
        }

        [Theory]
        [InlineData(22, 29, 15)]
        [InlineData(22, 30, 30)]
        [InlineData(7, 29, 0)]
        public void Invoke_AdjustToQuarter_NearestQuarter(int minute, int second, int expectedMinute)
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 10, minute, second);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(new Clock(ClockName, source), 1, "0F 00"));
            Assert.Equal(Utc(2024, 1, 15, 10, expectedMinute, 0), source.Ticks);
        }

        [Fact]
        public void Invoke_AdjustToQuarter_PastTheHour_CarriesIntoNextHour()
        {
            FakeClockSource source = FakeClockSource.At(2024, 12, 31, 23, 53, 0);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(new Clock(ClockName, source), 1, null));
            Assert.Equal(Utc(2025, 1, 1, 0, 0, 0), source.Ticks);
        }

        [Fact]
        public void Invoke_AdjustToMeasuringPeriod_AlignsInLocalTime()
        {
            // India, UTC+5:30: 04:59 UTC = 10:29 local; a one-hour period rounds to 10:00 local = 04:30 UTC.
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 4, 59, 0);
            Clock clock = new Clock(ClockName, source);
            clock.TimeZone = -330;
            clock.MeasuringPeriodSeconds = 3600;
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(clock, 2, "0F 00"));
            Assert.Equal(Utc(2024, 1, 15, 4, 30, 0), source.Ticks);
            clock.MeasuringPeriodSeconds = 0;
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(clock, 2, "0F 00"));
        }

        [Fact]
        public void Invoke_PresetThenAdjustToPresetTime_InsideValidity_SetsPreset()
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 10, 0, 0);
            Clock clock = new Clock(ClockName, source);
            Assert.Equal(ActionResult.OtherReason, CosemTestKit.Invoke(clock, 4, "0F 00"));
            // preset 2024-01-15 12:00:00, valid from 09:00 to 11:00 (deviation 0).
            string parameters = "02 03"
                + " 09 0C 07 E8 01 0F FF 0C 00 00 00 00 00 00"
                + " 09 0C 07 E8 01 0F FF 09 00 00 00 00 00 00"
                + " 09 0C 07 E8 01 0F FF 0B 00 00 00 00 00 00";
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(clock, 5, parameters));
            Assert.Equal(Utc(2024, 1, 15, 10, 0, 0), source.Ticks);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(clock, 4, "0F 00"));
            Assert.Equal(Utc(2024, 1, 15, 12, 0, 0), source.Ticks);
        }

        [Fact]
        public void Invoke_AdjustToPresetTime_OutsideValidity_Unchanged()
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 10, 0, 0);
            Clock clock = new Clock(ClockName, source);
            string parameters = "02 03"
                + " 09 0C 07 E8 01 0F FF 0C 00 00 00 00 00 00"
                + " 09 0C 07 E8 01 0F FF 0B 00 00 00 00 00 00"
                + " 09 0C 07 E8 01 0F FF 0B 30 00 00 00 00 00";
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(clock, 5, parameters));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(clock, 4, "0F 00"));
            Assert.Equal(Utc(2024, 1, 15, 10, 0, 0), source.Ticks);
        }

        [Theory]
        [InlineData("02 02 09 0C 07 E8 01 0F FF 0C 00 00 00 00 00 00 09 0C 07 E8 01 0F FF 09 00 00 00 00 00 00", ActionResult.TypeUnmatched)]
        [InlineData("02 03 09 0C 07 E8 01 0F FF 0C 00 00 00 00 00 00", ActionResult.TypeUnmatched)]
        [InlineData("02 03 09 0C FF FF 01 0F FF 0C 00 00 00 00 00 00 09 0C 07 E8 01 0F FF 09 00 00 00 00 00 00 09 0C 07 E8 01 0F FF 0B 00 00 00 00 00 00", ActionResult.ScopeOfAccessViolated)]
        [InlineData("02 03 09 0C 07 E8 01 0F FF 0C 00 00 00 00 00 00 09 0C 07 E8 01 0F FF 0B 00 00 00 00 00 00 09 0C 07 E8 01 0F FF 09 00 00 00 00 00 00", ActionResult.ScopeOfAccessViolated)]   // start after end
        [InlineData("0F 00", ActionResult.TypeUnmatched)]
        [InlineData("02 03 09 0C FF FF 01 0F FF 0C 00 00 00 00 00 00 09 0C 07 E8 01 0F FF 09 00 00 00 00 00 00 09 0B 07 E8 01 0F FF 0B 00 00 00 00 00", ActionResult.TypeUnmatched)]   // bad preset, then a malformed end: shape first
        public void Invoke_PresetAdjustingTime_BadParameter(string parameters, ActionResult expected)
        {
            Clock clock = new Clock(ClockName, FakeClockSource.At(2024, 1, 15, 10, 0, 0));
            Assert.Equal(expected, CosemTestKit.Invoke(clock, 5, parameters));
            Assert.Equal(ActionResult.OtherReason, CosemTestKit.Invoke(clock, 4, "0F 00"));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Invoke_AdjustBadParameter_TypeUnmatched(int methodId)
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 10, 22, 40);
            long before = source.Ticks;
            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(new Clock(ClockName, source), methodId, "09 00"));
            Assert.Equal(before, source.Ticks);
        }

        [Fact]
        public void TryToUtc_RoundTripsToLocal()
        {
            Clock clock = EuropeanClock(new FakeClockSource(0));
            long utc = Utc(2018, 5, 31, 22, 3, 0);
            CosemDateTime local = new CosemDateTime();
            clock.ToLocal(utc, local);
            long back;
            Assert.True(clock.TryToUtc(local, out back));
            Assert.Equal(utc, back);
        }

        [Fact]
        public void SystemClock_SetChangesOffsetOnly()
        {
            var source = new DlmsDevice.Hal.Desktop.SystemClock();
            long target = Utc(2030, 6, 1, 0, 0, 0);
            source.SetUtcTicks(target);
            long now = source.GetUtcTicks();
            Assert.InRange(now - target, 0, TimeSpan.TicksPerMinute);
            Assert.NotEqual(0, source.OffsetTicks);
        }

        [Fact]
        public void Counts_MatchBlueBook()
        {
            Clock clock = new Clock(ClockName, new FakeClockSource(0));
            Assert.Equal(8, clock.ClassId);
            Assert.Equal(0, clock.Version);
            Assert.Equal(9, clock.AttributeCount);
            Assert.Equal(6, clock.MethodCount);
        }
    }
}
