using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem.Schedules
{
    /// <summary>
    /// Activity calendar (IC 20) with Special days table (IC 11) and Register activation (IC 6):
    /// what is in force when (seasons, week profiles, day profiles, special days), the passive
    /// calendar's activation, SET checked whole, and the tariff mask the scripts switch.
    /// </summary>
    public sealed class ActivityCalendarTests
    {
        private static readonly ObisCode Name = new ObisCode(0, 0, 13, 0, 0, 255);
        private static readonly ObisCode Activation = new ObisCode(0, 0, 14, 0, 0, 255);
        private static readonly ObisCode T1 = new ObisCode(1, 0, 1, 8, 1, 255);
        private static readonly ObisCode T2 = new ObisCode(1, 0, 1, 8, 2, 255);

        private static string N(string hex) => Hex.Format(Hex.Parse(hex));

        // Season "S1" from 1 January every year with week "W1"; season "S2" from 1 June every
        // year with week "W2". W1: Monday..Friday day 1, weekend day 2; W2: every day day 2.
        private const string Seasons = "01 02"
            + " 02 03 09 02 53 31 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF 09 02 57 31"
            + " 02 03 09 02 53 32 09 0C FF FF 06 01 FF 00 00 00 00 80 00 FF 09 02 57 32";
        private const string Weeks = "01 02"
            + " 02 08 09 02 57 31 11 01 11 01 11 01 11 01 11 01 11 02 11 02"
            + " 02 08 09 02 57 32 11 02 11 02 11 02 11 02 11 02 11 02 11 02";
        // Day 1: script 2 from 00:00, script 1 from 18:00, script 2 from 22:00; day 2: script 2 all day.
        private const string Days = "01 02"
            + " 02 02 11 01 01 03"
            + "  02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 02"
            + "  02 03 09 04 12 00 00 00 09 06 00 00 0A 00 64 FF 12 00 01"
            + "  02 03 09 04 16 00 00 00 09 06 00 00 0A 00 64 FF 12 00 02"
            + " 02 02 11 02 01 01"
            + "  02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 02";

        private sealed class Rig
        {
            public readonly ScheduleTestKit Kit = new ScheduleTestKit();
            public readonly ActivityCalendar Calendar;
            public readonly SpecialDaysTable SpecialDays;
            public readonly RegisterActivation Activation;

            public Rig()
            {
                Activation = Kit.Add(new RegisterActivation(ActivityCalendarTests.Activation));
                Activation.AddRegister(CosemClassId.Register, T1);
                Activation.AddRegister(CosemClassId.Register, T2);
                Activation.AddMask("T1", new byte[] { 1 });
                Activation.AddMask("T2", new byte[] { 2 });
                Activation.SetActiveMask("T1");
                ScriptTable tariffs = Kit.Table();
                tariffs.AddAction(1, ScriptRunner.WriteAttribute, CosemClassId.RegisterActivation, ActivityCalendarTests.Activation, 4, Hex.Parse("09 02 54 31"));
                tariffs.AddAction(2, ScriptRunner.WriteAttribute, CosemClassId.RegisterActivation, ActivityCalendarTests.Activation, 4, Hex.Parse("09 02 54 32"));
                SpecialDays = Kit.Add(new SpecialDaysTable(new ObisCode(0, 0, 11, 0, 0, 255), 4));
                Calendar = Kit.Add(new ActivityCalendar(Name, 256, Kit.Runner));
                Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(Calendar, ActivityCalendar.Attributes.CalendarNameActive, "09 04 54 4F 55 32"));
                Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(Calendar, ActivityCalendar.Attributes.SeasonProfileActive, Seasons));
                Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(Calendar, ActivityCalendar.Attributes.WeekProfileTableActive, Weeks));
                Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(Calendar, ActivityCalendar.Attributes.DayProfileTableActive, Days));
            }

            public string At(long localTicks)
            {
                return Calendar.Current(localTicks, SpecialDays, out long table, out int selector)
                    ? new ObisCode(table) + " " + selector
                    : "-";
            }
        }

        [Fact]
        public void Attributes_AfterSet_SameBytesBack_PassiveEmpty()
        {
            Rig rig = new Rig();

            Assert.Equal(N("09 04 54 4F 55 32"), CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.CalendarNameActive));
            Assert.Equal(N(Seasons), CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.SeasonProfileActive));
            Assert.Equal(N(Weeks), CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.WeekProfileTableActive));
            Assert.Equal(N(Days), CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.DayProfileTableActive));
            Assert.Equal("09 00", CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.CalendarNamePassive));
            Assert.Equal("01 00", CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.SeasonProfilePassive));
            Assert.Equal(N("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF"), CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.ActivatePassiveCalendarTime));
            Assert.Equal(20, rig.Calendar.ClassId);
            Assert.Equal(10, rig.Calendar.AttributeCount);
        }

        [Theory]
        // Monday 2026-03-02 (season S1, week W1, day 1).
        [InlineData(2026, 3, 2, 0, 0, "0-0:10.0.100*255 2")]
        [InlineData(2026, 3, 2, 17, 59, "0-0:10.0.100*255 2")]
        [InlineData(2026, 3, 2, 18, 0, "0-0:10.0.100*255 1")]
        [InlineData(2026, 3, 2, 21, 59, "0-0:10.0.100*255 1")]
        [InlineData(2026, 3, 2, 22, 0, "0-0:10.0.100*255 2")]
        // Saturday 2026-03-07: day 2.
        [InlineData(2026, 3, 7, 19, 0, "0-0:10.0.100*255 2")]
        // Monday 2026-06-01: season S2 (week W2, day 2) from 1 June.
        [InlineData(2026, 6, 1, 19, 0, "0-0:10.0.100*255 2")]
        [InlineData(2026, 5, 29, 19, 0, "0-0:10.0.100*255 1")]
        public void Current_WeekAndSeason_ScriptInForce(int year, int month, int day, int hour, int minute, string expected)
        {
            Rig rig = new Rig();
            Assert.Equal(expected, rig.At(ScheduleTestKit.At(year, month, day, hour, minute)));
        }

        [Fact]
        public void Current_SeasonStartingLaterThisYear_LastYearsSeasonHolds()
        {
            Rig rig = new Rig();
            // Only season S2 (from 1 June, every year): on 2 March the S2 of last year is in force.
            CosemTestKit.Set(rig.Calendar, ActivityCalendar.Attributes.SeasonProfileActive,
                "01 01 02 03 09 02 53 32 09 0C FF FF 06 01 FF 00 00 00 00 80 00 FF 09 02 57 32");
            Assert.Equal("0-0:10.0.100*255 2", rig.At(ScheduleTestKit.At(2026, 3, 2, 19, 0)));
        }

        [Fact]
        public void Current_SpecialDay_OverridesTheWeekProfile()
        {
            Rig rig = new Rig();
            long tuesdayEvening = ScheduleTestKit.At(2026, 3, 3, 19, 0);
            Assert.Equal("0-0:10.0.100*255 1", rig.At(tuesdayEvening));

            // 3 March, every year: day 2.
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.SpecialDays, SpecialDaysTable.Methods.Insert, "02 03 12 00 01 09 05 FF FF 03 03 FF 11 02"));

            Assert.Equal("0-0:10.0.100*255 2", rig.At(tuesdayEvening));
            Assert.Equal("0-0:10.0.100*255 1", rig.At(ScheduleTestKit.At(2026, 3, 4, 19, 0)));
        }

        [Fact]
        public void Evaluate_RunsTheScriptOnlyWhenAnotherComesIntoForce()
        {
            Rig rig = new Rig();
            Assert.True(rig.Calendar.Evaluate(ScheduleTestKit.At(2026, 3, 2, 17, 0), rig.SpecialDays));   // first: always
            Assert.Equal("09 02 54 32", CosemTestKit.Get(rig.Activation, RegisterActivation.Attributes.ActiveMask));
            Assert.False(rig.Calendar.Evaluate(ScheduleTestKit.At(2026, 3, 2, 17, 30), rig.SpecialDays));
            Assert.True(rig.Calendar.Evaluate(ScheduleTestKit.At(2026, 3, 2, 18, 0), rig.SpecialDays));
            Assert.Equal("09 02 54 31", CosemTestKit.Get(rig.Activation, RegisterActivation.Attributes.ActiveMask));
            Assert.False(rig.Activation.IsActive(CosemClassId.Register, T2.Value));
            Assert.True(rig.Activation.IsActive(CosemClassId.Register, T1.Value));
            Assert.Equal(2, rig.Kit.Runner.ActionsRun);
        }

        [Fact]
        public void PassiveCalendar_ActivatedAtItsTime_OnceAndTheTimeCleared()
        {
            Rig rig = new Rig();
            // Passive: one season, every day day 1 with script 1 all day.
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Calendar, ActivityCalendar.Attributes.CalendarNamePassive, "09 03 4E 45 57"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Calendar, ActivityCalendar.Attributes.SeasonProfilePassive,
                "01 01 02 03 09 01 41 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF 09 01 41"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Calendar, ActivityCalendar.Attributes.WeekProfileTablePassive,
                "01 01 02 08 09 01 41 11 05 11 05 11 05 11 05 11 05 11 05 11 05"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Calendar, ActivityCalendar.Attributes.DayProfileTablePassive,
                "01 01 02 02 11 05 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 01"));
            // 2026-03-02 12:00.
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Calendar, ActivityCalendar.Attributes.ActivatePassiveCalendarTime,
                "09 0C 07 EA 03 02 FF 0C 00 00 00 80 00 FF"));
            Assert.Equal(5, rig.Calendar.PassiveChanges);

            rig.Calendar.Evaluate(ScheduleTestKit.At(2026, 3, 2, 11, 59), rig.SpecialDays);
            Assert.Equal(0, rig.Calendar.Activations);
            Assert.Equal("09 02 54 32", CosemTestKit.Get(rig.Activation, RegisterActivation.Attributes.ActiveMask));

            rig.Calendar.Evaluate(ScheduleTestKit.At(2026, 3, 2, 12, 0), rig.SpecialDays);

            Assert.Equal(1, rig.Calendar.Activations);
            Assert.Equal("09 03 4E 45 57", CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.CalendarNameActive));
            Assert.Equal("09 03 4E 45 57", CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.CalendarNamePassive));
            Assert.Equal("09 02 54 31", CosemTestKit.Get(rig.Activation, RegisterActivation.Attributes.ActiveMask));
            Assert.Equal(N("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF"), CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.ActivatePassiveCalendarTime));
            rig.Calendar.Evaluate(ScheduleTestKit.At(2026, 3, 2, 12, 1), rig.SpecialDays);
            Assert.Equal(1, rig.Calendar.Activations);
        }

        [Fact]
        public void ActivatePassiveCalendar_Method_CopiesThePassiveSet()
        {
            Rig rig = new Rig();
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Calendar, ActivityCalendar.Methods.ActivatePassiveCalendar, "0F 00"));
            // The passive set was empty: nothing is in force any more.
            Assert.Equal("09 00", CosemTestKit.Get(rig.Calendar, ActivityCalendar.Attributes.CalendarNameActive));
            Assert.Equal("-", rig.At(ScheduleTestKit.At(2026, 3, 2, 19, 0)));
            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(rig.Calendar, ActivityCalendar.Methods.ActivatePassiveCalendar, "09 00"));
        }

        [Theory]
        // Seasons: a structure of 2; a season_start of 11 bytes; month 13 (scope).
        [InlineData(ActivityCalendar.Attributes.SeasonProfilePassive, "01 01 02 02 09 02 53 31 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF", DataAccessResult.TypeUnmatched)]
        [InlineData(ActivityCalendar.Attributes.SeasonProfilePassive, "01 01 02 03 09 02 53 31 09 0B FF FF 01 01 FF 00 00 00 00 80 00 09 02 57 31", DataAccessResult.TypeUnmatched)]
        [InlineData(ActivityCalendar.Attributes.SeasonProfilePassive, "01 01 02 03 09 02 53 31 09 0C FF FF 0D 01 FF 00 00 00 00 80 00 FF 09 02 57 31", DataAccessResult.ScopeOfAccessViolated)]
        // Weeks: six days.
        [InlineData(ActivityCalendar.Attributes.WeekProfileTablePassive, "01 01 02 07 09 02 57 31 11 01 11 01 11 01 11 01 11 01 11 02", DataAccessResult.TypeUnmatched)]
        // Days: a start time with hour 24, one with the hour wildcard, a logical name of 5 bytes.
        [InlineData(ActivityCalendar.Attributes.DayProfileTablePassive, "01 01 02 02 11 01 01 01 02 03 09 04 18 00 00 00 09 06 00 00 0A 00 64 FF 12 00 02", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(ActivityCalendar.Attributes.DayProfileTablePassive, "01 01 02 02 11 01 01 01 02 03 09 04 FF 00 00 00 09 06 00 00 0A 00 64 FF 12 00 02", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(ActivityCalendar.Attributes.DayProfileTablePassive, "01 01 02 02 11 01 01 01 02 03 09 04 00 00 00 00 09 05 00 00 0A 00 64 12 00 02", DataAccessResult.TypeUnmatched)]
        [InlineData(ActivityCalendar.Attributes.CalendarNamePassive, "0A 02 41 42", DataAccessResult.TypeUnmatched)]
        [InlineData(ActivityCalendar.Attributes.ActivatePassiveCalendarTime, "09 05 07 EA 03 02 FF", DataAccessResult.TypeUnmatched)]
        public void Set_Malformed_RefusedAndUnchanged(int attribute, string value, DataAccessResult expected)
        {
            Rig rig = new Rig();
            string before = CosemTestKit.Get(rig.Calendar, attribute);
            int changes = rig.Calendar.PassiveChanges;

            Assert.Equal(expected, CosemTestKit.Set(rig.Calendar, attribute, value));

            Assert.Equal(before, CosemTestKit.Get(rig.Calendar, attribute));
            Assert.Equal(changes, rig.Calendar.PassiveChanges);
        }

        [Fact]
        public void Set_LargerThanTheSetCapacity_ScopeOfAccessViolated()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ActivityCalendar small = new ActivityCalendar(Name, 64, kit.Runner);
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.Set(small, ActivityCalendar.Attributes.DayProfileTablePassive, Days));
            Assert.Equal("01 00", CosemTestKit.Get(small, ActivityCalendar.Attributes.DayProfileTablePassive));
        }

        [Fact]
        public void SaveRestore_RoundTrip()
        {
            Rig rig = new Rig();
            byte[] record = new byte[rig.Calendar.PersistedLength];
            int length = rig.Calendar.Save(record, 0);
            ActivityCalendar copy = new ActivityCalendar(Name, 256, rig.Kit.Runner);

            Assert.True(copy.Restore(record, 0, length));
            Assert.False(new ActivityCalendar(Name, 128, rig.Kit.Runner).Restore(record, 0, length));

            for (int a = 2; a <= 10; a++)
            {
                Assert.Equal(CosemTestKit.Get(rig.Calendar, a), CosemTestKit.Get(copy, a));
            }
        }

        [Fact]
        public void SpecialDays_InsertReplaceDelete_AndSetChecked()
        {
            SpecialDaysTable t = new SpecialDaysTable(new ObisCode(0, 0, 11, 0, 0, 255), 2);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Insert, "02 03 12 00 01 09 05 FF FF 01 01 FF 11 02"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Insert, "02 03 12 00 02 09 05 FF FF 0C 19 FF 11 02"));
            // The same index replaces.
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Insert, "02 03 12 00 02 09 05 FF FF 0C 1A FF 11 03"));
            Assert.Equal(N("01 02 02 03 12 00 01 09 05 FF FF 01 01 FF 11 02 02 03 12 00 02 09 05 FF FF 0C 1A FF 11 03"), CosemTestKit.Get(t, 2));
            Assert.Equal(3, t.Lookup(new System.DateTime(2030, 12, 26).Ticks / System.TimeSpan.TicksPerDay));
            Assert.Equal(-1, t.Lookup(new System.DateTime(2030, 12, 25).Ticks / System.TimeSpan.TicksPerDay));
            // No room for a third; an invalid date; a wrong shape.
            Assert.Equal(ActionResult.ScopeOfAccessViolated, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Insert, "02 03 12 00 03 09 05 FF FF 05 01 FF 11 02"));
            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Insert, "02 02 12 00 03 09 05 FF FF 05 01 FF"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Delete, "12 00 01"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Delete, "12 00 09"));
            Assert.Equal(1, t.Count);
            Assert.Equal(ActionResult.ScopeOfAccessViolated, CosemTestKit.Invoke(t, SpecialDaysTable.Methods.Insert, "02 03 12 00 04 09 05 FF FF 0D 01 FF 11 02"));
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.Set(t, 2,
                "01 03 02 03 12 00 01 09 05 FF FF 01 01 FF 11 02 02 03 12 00 02 09 05 FF FF 01 02 FF 11 02 02 03 12 00 03 09 05 FF FF 01 03 FF 11 02"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(t, 2, "01 00"));
            Assert.Equal(0, t.Count);
        }

        [Fact]
        public void RegisterActivation_MasksAndMethods()
        {
            RegisterActivation a = new RegisterActivation(Activation);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(a, RegisterActivation.Methods.AddRegister, "02 02 12 00 03 09 06 01 00 01 08 01 FF"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(a, RegisterActivation.Methods.AddRegister, "02 02 12 00 03 09 06 01 00 01 08 02 FF"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(a, RegisterActivation.Methods.AddMask, "02 02 09 02 54 31 01 01 11 01"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(a, RegisterActivation.Methods.AddMask, "02 02 09 02 54 32 01 01 11 02"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(a, RegisterActivation.Attributes.ActiveMask, "09 02 54 32"));

            Assert.Equal(N("01 02 02 02 12 00 03 09 06 01 00 01 08 01 FF 02 02 12 00 03 09 06 01 00 01 08 02 FF"), CosemTestKit.Get(a, 2));
            Assert.Equal(N("01 02 02 02 09 02 54 31 01 01 11 01 02 02 09 02 54 32 01 01 11 02"), CosemTestKit.Get(a, 3));
            Assert.False(a.IsActive(CosemClassId.Register, T1.Value));
            Assert.True(a.IsActive(CosemClassId.Register, T2.Value));
            Assert.True(a.IsActive(CosemClassId.Register, new ObisCode(1, 0, 1, 8, 0, 255).Value)); // not controlled

            // An unknown mask cannot become active; a name too long; delete the active mask: nothing counts.
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.Set(a, RegisterActivation.Attributes.ActiveMask, "09 02 54 33"));
            Assert.Equal(ActionResult.ScopeOfAccessViolated, CosemTestKit.Invoke(a, RegisterActivation.Methods.AddMask, "02 02 09 07 41 42 43 44 45 46 47 01 00"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(a, RegisterActivation.Methods.DeleteMask, "09 02 54 32"));
            Assert.False(a.IsActive(CosemClassId.Register, T2.Value));
            Assert.Equal(DataAccessResult.TypeUnmatched, CosemTestKit.Set(a, RegisterActivation.Attributes.MaskList, "01 01 02 02 09 02 54 31 01 01 12 00 01"));
        }
    }
}
