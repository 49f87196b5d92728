using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem.Schedules
{
    /// <summary>
    /// Single action schedule (IC 22): attribute encodings, the type rules on SET, and which
    /// execution times fall in a span of local time (wildcards, catch-up: the latest, once).
    /// </summary>
    public sealed class SingleActionScheduleTests
    {
        private static readonly ObisCode Name = new ObisCode(0, 0, 15, 0, 0, 255);
        private static readonly ObisCode Scripts = new ObisCode(0, 0, 10, 0, 1, 255);

        private static string N(string hex) => Hex.Format(Hex.Parse(hex));

        // The end of billing: 00:00:00 on the 1st of every month.
        private static SingleActionSchedule Monthly()
        {
            SingleActionSchedule s = new SingleActionSchedule(Name, Scripts, 1, 4);
            s.Add(1, new byte[] { 0, 0, 0, 0 }, new byte[] { 0xFF, 0xFF, 0xFF, 1, 0xFF });
            return s;
        }

        [Fact]
        public void Attributes_MonthlySchedule_BlueBookEncodings()
        {
            SingleActionSchedule s = Monthly();

            Assert.Equal(N("02 02 09 06 00 00 0A 00 01 FF 12 00 01"), CosemTestKit.Get(s, SingleActionSchedule.Attributes.ExecutedScript));
            Assert.Equal("16 01", CosemTestKit.Get(s, SingleActionSchedule.Attributes.Type));
            Assert.Equal(N("01 01 02 02 09 04 00 00 00 00 09 05 FF FF FF 01 FF"), CosemTestKit.Get(s, SingleActionSchedule.Attributes.ExecutionTime));
            Assert.Equal(22, s.ClassId);
            Assert.Equal(4, s.AttributeCount);
        }

        [Fact]
        public void IsDue_AcrossTheFirstOfTheMonth_TheBoundaryOnce()
        {
            SingleActionSchedule s = Monthly();

            Assert.True(s.IsDue(ScheduleTestKit.At(2026, 1, 31, 23, 59, 59), ScheduleTestKit.At(2026, 2, 1, 0, 0, 1), out long when));
            Assert.Equal(ScheduleTestKit.At(2026, 2, 1), when);
            // The boundary itself is inside (from, to]: not before it, and not again after it.
            Assert.True(s.IsDue(ScheduleTestKit.At(2026, 1, 31, 23, 59, 59), ScheduleTestKit.At(2026, 2, 1), out when));
            Assert.False(s.IsDue(ScheduleTestKit.At(2026, 2, 1), ScheduleTestKit.At(2026, 2, 1, 0, 0, 1), out when));
            Assert.False(s.IsDue(ScheduleTestKit.At(2026, 2, 1, 0, 0, 1), ScheduleTestKit.At(2026, 2, 28, 23, 59, 59), out when));
        }

        [Fact]
        public void IsDue_OffForThreeMonths_OnlyTheLatestMissedTime()
        {
            SingleActionSchedule s = Monthly();

            Assert.True(s.IsDue(ScheduleTestKit.At(2026, 1, 20), ScheduleTestKit.At(2026, 4, 15, 12, 0), out long when));
            Assert.Equal(ScheduleTestKit.At(2026, 4, 1), when);
        }

        [Theory]
        // Every hour at minute 30 (hour wildcard).
        [InlineData("FF 1E 00 00", "FF FF FF FF FF", 2026, 3, 2, 10, 29, 10, 31, "2026-03-02 10:30")]
        [InlineData("FF 1E 00 00", "FF FF FF FF FF", 2026, 3, 2, 10, 31, 11, 29, "-")]
        // The last day of every month at 23:00, over a leap February.
        [InlineData("17 00 00 00", "FF FF FF FE FF", 2028, 2, 28, 12, 0, 23, 30, "-")]
        [InlineData("17 00 00 00", "FF FF FF FE FF", 2028, 2, 29, 12, 0, 23, 30, "2028-02-29 23:00")]
        // Sundays (day of week 7) at 06:00: 2026-03-08 is a Sunday.
        [InlineData("06 00 FF FF", "FF FF FF FF 07", 2026, 3, 7, 5, 0, 7, 0, "-")]
        [InlineData("06 00 FF FF", "FF FF FF FF 07", 2026, 3, 8, 5, 0, 7, 0, "2026-03-08 06:00")]
        // A fixed date of a given year.
        [InlineData("0C 00 00 00", "07 EA 05 14 FF", 2026, 5, 20, 0, 0, 13, 0, "2026-05-20 12:00")]
        [InlineData("0C 00 00 00", "07 EA 05 14 FF", 2027, 5, 20, 0, 0, 13, 0, "-")]
        public void IsDue_Wildcards_MatchesTheRightTimes(string time, string date, int year, int month, int day, int fromHour, int fromMinute,
            int toHour, int toMinute, string expected)
        {
            SingleActionSchedule s = new SingleActionSchedule(Name, Scripts, 1, 4);
            s.Add(date.StartsWith("07") ? 4 : 5, Hex.Parse(time), Hex.Parse(date));

            bool due = s.IsDue(ScheduleTestKit.At(year, month, day, fromHour, fromMinute), ScheduleTestKit.At(year, month, day, toHour, toMinute), out long when);

            Assert.Equal(expected, due ? new System.DateTime(when).ToString("yyyy-MM-dd HH:mm") : "-");
        }

        [Fact]
        public void Set_ExecutionTimes_StoredAndEncoded()
        {
            SingleActionSchedule s = new SingleActionSchedule(Name, Scripts, 1, 4);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(s, SingleActionSchedule.Attributes.Type, "16 05"));
            const string Times = "01 02 02 02 09 04 06 00 00 00 09 05 FF FF FF FF 01 02 02 09 04 12 00 00 00 09 05 FF FF FF FF 05";

            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(s, SingleActionSchedule.Attributes.ExecutionTime, Times));

            Assert.Equal(N(Times), CosemTestKit.Get(s, SingleActionSchedule.Attributes.ExecutionTime));
            Assert.True(s.IsDue(ScheduleTestKit.At(2026, 3, 6, 17, 0), ScheduleTestKit.At(2026, 3, 6, 19, 0), out long when)); // a Friday
            Assert.Equal(ScheduleTestKit.At(2026, 3, 6, 18, 0), when);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(s, SingleActionSchedule.Attributes.ExecutedScript, "02 02 09 06 00 00 0A 00 6C FF 12 00 03"));
            Assert.Equal(new ObisCode(0, 0, 10, 0, 108, 255).Value, s.ScriptTable);
            Assert.Equal(3, s.ScriptSelector);
        }

        [Theory]
        // Type 1 takes one time only.
        [InlineData(1, "01 02 02 02 09 04 00 00 00 00 09 05 FF FF FF 01 FF 02 02 09 04 00 00 00 00 09 05 FF FF FF 02 FF", DataAccessResult.ScopeOfAccessViolated)]
        // Type 2: the same time of day, no wildcards in the date.
        [InlineData(2, "01 02 02 02 09 04 00 00 00 00 09 05 07 EA 01 01 FF 02 02 09 04 01 00 00 00 09 05 07 EA 02 01 FF", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(2, "01 01 02 02 09 04 00 00 00 00 09 05 FF FF 01 01 FF", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(4, "01 01 02 02 09 04 00 00 00 00 09 05 07 EA 02 1E FF", DataAccessResult.ScopeOfAccessViolated)] // 30 February
        [InlineData(5, "01 01 02 02 09 04 18 00 00 00 09 05 FF FF FF FF FF", DataAccessResult.ScopeOfAccessViolated)] // hour 24
        [InlineData(5, "01 01 02 02 09 04 00 3C 00 00 09 05 FF FF FF FF FF", DataAccessResult.ScopeOfAccessViolated)] // minute 60
        [InlineData(5, "01 01 02 02 09 04 00 00 00 00 09 05 FF FF FD 01 FF", DataAccessResult.ScopeOfAccessViolated)] // daylight-saving month
        // More times than the capacity (4).
        [InlineData(5, "01 05 02 02 09 04 00 00 00 00 09 05 FF FF FF FF FF 02 02 09 04 00 00 00 00 09 05 FF FF FF FF FF 02 02 09 04 00 00 00 00 09 05 FF FF FF FF FF 02 02 09 04 00 00 00 00 09 05 FF FF FF FF FF 02 02 09 04 00 00 00 00 09 05 FF FF FF FF FF", DataAccessResult.ScopeOfAccessViolated)]
        // Malformed: a date of 4 bytes, a structure of 1, not an array.
        [InlineData(5, "01 01 02 02 09 04 00 00 00 00 09 04 FF FF FF FF", DataAccessResult.TypeUnmatched)]
        [InlineData(5, "01 01 02 01 09 04 00 00 00 00", DataAccessResult.TypeUnmatched)]
        [InlineData(5, "02 01 09 04 00 00 00 00", DataAccessResult.TypeUnmatched)]
        public void Set_ExecutionTimesTheTypeForbids_RefusedAndUnchanged(int type, string value, DataAccessResult expected)
        {
            SingleActionSchedule s = new SingleActionSchedule(Name, Scripts, 1, 4);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(s, SingleActionSchedule.Attributes.Type, "16 0" + type));
            string before = CosemTestKit.Get(s, SingleActionSchedule.Attributes.ExecutionTime);

            Assert.Equal(expected, CosemTestKit.Set(s, SingleActionSchedule.Attributes.ExecutionTime, value));

            Assert.Equal(before, CosemTestKit.Get(s, SingleActionSchedule.Attributes.ExecutionTime));
        }

        [Theory]
        [InlineData("16 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("16 06", DataAccessResult.ScopeOfAccessViolated)]
        // The monthly time has a wildcard date: types 2 and 4 do not allow it.
        [InlineData("16 02", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("16 04", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("11 03", DataAccessResult.TypeUnmatched)]
        [InlineData("16 03", DataAccessResult.Success)]
        public void Set_Type_CheckedAgainstTheTimes(string value, DataAccessResult expected)
        {
            SingleActionSchedule s = Monthly();

            Assert.Equal(expected, CosemTestKit.Set(s, SingleActionSchedule.Attributes.Type, value));

            Assert.Equal(expected == DataAccessResult.Success ? 3 : 1, s.Type);
        }

        [Fact]
        public void SaveRestore_RoundTrip()
        {
            SingleActionSchedule s = Monthly();
            byte[] record = new byte[s.PersistedLength];
            int length = s.Save(record, 0);
            SingleActionSchedule copy = new SingleActionSchedule(Name, new ObisCode(0, 0, 10, 0, 108, 255), 7, 4);

            Assert.True(copy.Restore(record, 0, length));

            Assert.Equal(CosemTestKit.Get(s, SingleActionSchedule.Attributes.ExecutionTime), CosemTestKit.Get(copy, SingleActionSchedule.Attributes.ExecutionTime));
            Assert.Equal(CosemTestKit.Get(s, SingleActionSchedule.Attributes.ExecutedScript), CosemTestKit.Get(copy, SingleActionSchedule.Attributes.ExecutedScript));
            Assert.False(new SingleActionSchedule(Name, Scripts, 1, 1).Restore(record, 0, length - 9));
        }
    }
}
