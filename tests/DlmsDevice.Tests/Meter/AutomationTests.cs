using System;
using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Meter;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using ActionResult = DlmsDevice.Stack.Cosem.ActionResult;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The default meter acting on its own: the activity calendar switches the tariff at the
    /// right local time and the energy lands in the register of the tariff in force; special
    /// days override the week; a passive calendar comes into force at its activation time or by
    /// activate_passive_calendar and stays after a restart; the limiter opens and closes the
    /// supply through the disconnect control with its events; the register monitors run their
    /// scripts when the value crosses a threshold upwards and downwards (IEC 62056-6-2, 4.5.6).
    /// </summary>
    public sealed class AutomationTests
    {
        private const string MaskT1 = "09 02 54 31";
        private const string MaskT2 = "09 02 54 32";
        private const string MaskT3 = "09 02 54 33";

        // A passive calendar "NEW": one season from 1 January, every day day 5, which runs
        // tariff script 3 from 00:00.
        private const string PassiveName = "09 03 4E 45 57";
        private const string PassiveSeasons = "01 01 02 03 09 01 41 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF 09 01 41";
        private const string PassiveWeeks = "01 01 02 08 09 01 41 11 05 11 05 11 05 11 05 11 05 11 05 11 05";
        private const string PassiveDays = "01 01 02 02 11 05 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 03";

        private static long Utc(int year, int month, int day, int hour, int minute, int second = 0)
        {
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
        }

        private static int[] Codes(MeterRig rig)
        {
            return MeterEngineProfileTests.Rows(rig.Engine.EventLog).Select(r => (int)r.Items[1].ToInt64()).ToArray();
        }

        private static List<(string Time, int Code)> Events(MeterRig rig, params int[] codes)
        {
            return MeterEngineProfileTests.Rows(rig.Engine.EventLog)
                .Select(r => (MeterEngineProfileTests.Cell(r, 0), (int)r.Items[1].ToInt64()))
                .Where(e => codes.Contains(e.Item2))
                .ToList();
        }

        private static string Mask(MeterRig rig)
        {
            return CosemTestKit.Get(rig.Model!.RegisterActivation!, RegisterActivation.Attributes.ActiveMask);
        }

        private static long TariffWh(MeterRig rig, int tariff)
        {
            return rig.Engine.GetLiveTariffEnergyImportMilliWh(tariff - 1) / 1000;
        }

        private static void SetClock(MeterRig rig, long utc)
        {
            rig.Engine.MeterClock.SetUtcTicks(utc);
            rig.Run(1);
        }

        private static void WritePassiveCalendar(MeterRig rig)
        {
            ActivityCalendar calendar = rig.Model!.ActivityCalendar!;
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(calendar, ActivityCalendar.Attributes.CalendarNamePassive, PassiveName));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(calendar, ActivityCalendar.Attributes.SeasonProfilePassive, PassiveSeasons));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(calendar, ActivityCalendar.Attributes.WeekProfileTablePassive, PassiveWeeks));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(calendar, ActivityCalendar.Attributes.DayProfileTablePassive, PassiveDays));
        }

        [Fact]
        public void Calendar_WeekdayPeakFrom18To22_EnergyLandsInTheTariffInForce()
        {
            // Monday 2 March 2026, 10:07 UTC (time zone 0): off-peak, T2.
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            Assert.Equal(MaskT2, Mask(rig));
            rig.Pulse(100);
            rig.Run(2);

            SetClock(rig, Utc(2026, 3, 2, 17, 59, 50));
            rig.Run(8);
            Assert.Equal(MaskT2, Mask(rig));                           // 17:59:59
            rig.Run(1);
            Assert.Equal(MaskT1, Mask(rig));                           // 18:00:00: peak
            rig.Pulse(200);
            rig.Run(2);

            SetClock(rig, Utc(2026, 3, 2, 21, 59, 58));
            rig.Run(3);
            Assert.Equal(MaskT2, Mask(rig));                           // 22:00: off-peak again
            rig.Pulse(50);
            rig.Run(2);

            Assert.Equal(new long[] { 200, 150, 0, 0 }, Enumerable.Range(1, 4).Select(t => TariffWh(rig, t)).ToArray());
            Assert.Equal(350, rig.Engine.LiveEnergyImportMilliWh / 1000);
            // The tariff registers show what the checkpoint holds; after a restart the same.
            rig.Restart();
            Assert.Equal(new long[] { 200, 150, 0, 0 }, Enumerable.Range(0, 4).Select(t => rig.Engine.GetTariffEnergyImport(t).Value).ToArray());
            Assert.Equal("06 00 00 00 C8", CosemTestKit.Get(rig.Engine.GetTariffEnergyImport(0), 2));
        }

        [Fact]
        public void Calendar_Weekend_OffPeakAllDay()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            SetClock(rig, Utc(2026, 3, 7, 19, 0));                     // Saturday evening
            Assert.Equal(MaskT2, Mask(rig));
            SetClock(rig, Utc(2026, 3, 9, 19, 0));                     // Monday evening
            Assert.Equal(MaskT1, Mask(rig));
        }

        [Fact]
        public void SpecialDay_ChristmasOnAFriday_OffPeakAtPeakTime_AndAClientsNewDayToo()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            SetClock(rig, Utc(2026, 12, 24, 19, 0));                   // Thursday
            Assert.Equal(MaskT1, Mask(rig));
            SetClock(rig, Utc(2026, 12, 25, 19, 0));                   // Friday, special day 2 (day profile 2)
            Assert.Equal(MaskT2, Mask(rig));
            rig.Pulse(10);
            rig.Run(2);
            Assert.Equal(0, TariffWh(rig, 1));
            Assert.Equal(10, TariffWh(rig, 2));

            // The management client adds Monday 28 December 2026: at once in force (off-peak).
            SetClock(rig, Utc(2026, 12, 28, 19, 0));
            Assert.Equal(MaskT1, Mask(rig));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Model!.SpecialDays!, SpecialDaysTable.Methods.Insert,
                "02 03 12 00 03 09 05 07 EA 0C 1C FF 11 02"));
            rig.Run(1);
            Assert.Equal(MaskT2, Mask(rig));
        }

        [Fact]
        public void PassiveCalendar_ActivatedAtItsTime_TariffFollows_EventsLogged_KeptAfterRestart()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            ActivityCalendar calendar = rig.Model!.ActivityCalendar!;
            WritePassiveCalendar(rig);
            // Activation on Monday 2 March 2026 at 12:00.
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(calendar, ActivityCalendar.Attributes.ActivatePassiveCalendarTime,
                "09 0C 07 EA 03 02 FF 0C 00 00 00 80 00 FF"));
            rig.Run(1);
            Assert.Equal(MaskT2, Mask(rig));
            // The calendar's passive attributes are saved at once: a restart now keeps them.
            rig.Restart();
            calendar = rig.Model!.ActivityCalendar!;
            Assert.Equal(PassiveName, CosemTestKit.Get(calendar, ActivityCalendar.Attributes.CalendarNamePassive));

            SetClock(rig, Utc(2026, 3, 2, 11, 59, 58));                // ticks at 11:59:59
            Assert.Equal(MaskT2, Mask(rig));
            Assert.Equal("09 04 54 4F 55 32", CosemTestKit.Get(calendar, ActivityCalendar.Attributes.CalendarNameActive));
            rig.Run(1);                                                 // 12:00:00

            Assert.Equal(PassiveName, CosemTestKit.Get(calendar, ActivityCalendar.Attributes.CalendarNameActive));
            Assert.Equal(MaskT3, Mask(rig));
            Assert.Equal(new[] { (rig.DateTimeHex(Utc(2026, 3, 2, 12, 0)), (int)MeterEventCode.TariffActivated) },
                Events(rig, MeterEventCode.TariffActivated));
            rig.Pulse(30);
            rig.Run(2);
            Assert.Equal(30, TariffWh(rig, 3));

            // Saved: after a power loss the new calendar is the active one, T3 in force at once.
            rig.Restart();
            Assert.Equal(PassiveName, CosemTestKit.Get(rig.Model!.ActivityCalendar!, ActivityCalendar.Attributes.CalendarNameActive));
            Assert.Equal(MaskT3, Mask(rig));
            Assert.Single(Events(rig, MeterEventCode.TariffActivated));
        }

        [Fact]
        public void PassiveCalendar_ActivatedByTheMethod_AtOnce_KeptAfterRestart()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            WritePassiveCalendar(rig);
            rig.Run(1);
            Assert.Equal(MaskT2, Mask(rig));
            Assert.NotEmpty(Events(rig, MeterEventCode.PassiveTariffUpdated));

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Model!.ActivityCalendar!, ActivityCalendar.Methods.ActivatePassiveCalendar, "0F 00"));
            rig.Run(1);

            Assert.Equal(MaskT3, Mask(rig));
            Assert.Single(Events(rig, MeterEventCode.TariffActivated));
            rig.Restart();
            Assert.Equal(PassiveName, CosemTestKit.Get(rig.Model!.ActivityCalendar!, ActivityCalendar.Attributes.CalendarNameActive));
            Assert.Equal(MaskT3, Mask(rig));
        }

        // A load of 14,400 W: one pulse (1 Wh at 1000 imp/kWh) every 250 ms, a tick after each.
        private static void Load(MeterRig rig, int seconds)
        {
            for (int i = 0; i < seconds * 4; i++)
            {
                rig.Pulse(1);
                rig.Run(0.25, 250);
            }
        }

        [Fact]
        public void Limiter_OverTheNormalThresholdForItsMinimumDuration_Disconnects_UnderForItsDuration_Reconnects()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            Limiter limiter = rig.Model!.Limiter!;
            Assert.Equal("06 00 00 27 10", CosemTestKit.Get(limiter, Limiter.Attributes.ThresholdActive));    // 10,000 W

            Load(rig, 40);
            Assert.Equal(14400, rig.Engine.ActivePowerImport.Value.Integer);
            Assert.True(rig.Relay.Level);                              // over, not yet for 60 s
            Load(rig, 40);

            Assert.False(rig.Relay.Level);                             // opened by the limiter's script
            Assert.Equal(ControlState.Disconnected, rig.Engine.Disconnect.ControlState);
            Assert.True(limiter.Tripped);
            int[] codes = Codes(rig).Where(c => c >= 59 && c <= 69).ToArray();
            Assert.Equal(new[] { (int)MeterEventCode.RemoteDisconnection, MeterEventCode.LimiterThresholdExceeded }, codes);
            (string Time, int Code)[] trip = Events(rig, MeterEventCode.LimiterThresholdExceeded).ToArray();

            // The supply is off: no power; 60 s later the limiter's under action reconnects.
            rig.Run(30);
            Assert.False(rig.Relay.Level);
            rig.Run(40);

            Assert.True(rig.Relay.Level);
            Assert.Equal(ControlState.Connected, rig.Engine.Disconnect.ControlState);
            Assert.False(limiter.Tripped);
            codes = Codes(rig).Where(c => c >= 59 && c <= 69).ToArray();
            Assert.Equal(new[]
            {
                (int)MeterEventCode.RemoteDisconnection, MeterEventCode.LimiterThresholdExceeded,
                MeterEventCode.RemoteConnection, MeterEventCode.LimiterThresholdOk,
            }, codes);
            // Each action's event at the tick it ran.
            Assert.Equal(trip[0].Time, Events(rig, MeterEventCode.RemoteDisconnection)[0].Time);
            Assert.Equal(Events(rig, MeterEventCode.RemoteConnection)[0].Time, Events(rig, MeterEventCode.LimiterThresholdOk)[0].Time);
        }

        [Fact]
        public void Limiter_ThresholdWritten_EventAndSaved_UnderTheNewThresholdNothingHappens()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            Limiter limiter = rig.Model!.Limiter!;
            // threshold_normal 20,000 W; a value that is not a number is refused and changes nothing.
            Assert.Equal(DataAccessResult.TypeUnmatched, CosemTestKit.Set(limiter, Limiter.Attributes.ThresholdNormal, "09 02 4E 20"));
            Assert.Equal("06 00 00 27 10", CosemTestKit.Get(limiter, Limiter.Attributes.ThresholdNormal));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(limiter, Limiter.Attributes.ThresholdNormal, "06 00 00 4E 20"));
            rig.Run(1);
            Assert.Equal("06 00 00 4E 20", CosemTestKit.Get(limiter, Limiter.Attributes.ThresholdActive));
            Assert.Contains(MeterEventCode.LimiterThresholdChanged, Codes(rig).Select(c => (byte)c));

            Load(rig, 90);
            Assert.True(rig.Relay.Level);
            Assert.False(limiter.Tripped);

            rig.Restart();
            Assert.Equal("06 00 00 4E 20", CosemTestKit.Get(rig.Model!.Limiter!, Limiter.Attributes.ThresholdNormal));
        }

        [Fact]
        public void Limiter_TrippedAtPowerLoss_StillTrippedAfterRestart_ReconnectsWhenUnder()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            Load(rig, 80);
            Assert.True(rig.Model!.Limiter!.Tripped);
            rig.Restart();
            Assert.True(rig.Model!.Limiter!.Tripped);
            Assert.False(rig.Relay.Level);
            rig.Run(70);
            Assert.True(rig.Relay.Level);
            Assert.False(rig.Model!.Limiter!.Tripped);
        }

        [Fact]
        public void RegisterMonitor_CurrentCrossesUpThenDown_EachDirectionRunsItsScriptOnce()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            rig.Current.Raw = 59000;                                   // 59 A: under 60 A
            rig.Run(3);
            rig.Current.Raw = 61000;                                   // 61 A
            rig.Run(3);
            rig.Current.Raw = 65000;                                   // still over: no second run
            rig.Run(3);
            rig.Current.Raw = 30000;
            rig.Run(3);

            List<(string Time, int Code)> events = Events(rig, MeterEventCode.OverCurrentL1, MeterEventCode.OverCurrentL1Ended);
            Assert.Equal(new[] { (int)MeterEventCode.OverCurrentL1, MeterEventCode.OverCurrentL1Ended }, events.Select(e => e.Code).ToArray());
            Assert.Equal(0, rig.Engine.Automation.Runner.FailedActions);
        }

        [Fact]
        public void RegisterMonitor_ThresholdWrittenByTheClient_UsedAtTheNextTick()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            RegisterMonitor monitor = rig.Model!.CurrentMonitor!;
            rig.Current.Raw = 40000;                                   // 40 A
            rig.Run(3);
            // thresholds: one long-unsigned, 45.00 A; a threshold of another type is refused.
            Assert.Equal(DataAccessResult.TypeUnmatched, CosemTestKit.Set(monitor, RegisterMonitor.Attributes.Thresholds, "01 01 09 02 11 94"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(monitor, RegisterMonitor.Attributes.Thresholds, "01 01 12 11 94"));
            rig.Run(2);
            rig.Current.Raw = 50000;                                   // 50 A: over the new threshold, not the old one
            rig.Run(2);
            Assert.Equal(new[] { (int)MeterEventCode.OverCurrentL1 },
                Events(rig, MeterEventCode.OverCurrentL1, MeterEventCode.OverCurrentL1Ended).Select(e => e.Code).ToArray());
        }

        /// <summary>
        /// Each configuration record carries its object's class and logical name: two script
        /// tables' records swapped (as a new layout that moved record ids would swap them) are
        /// not restored into the wrong tables; both are listed as foreign and keep their
        /// defaults, and the meter serves on.
        /// </summary>
        [Fact]
        public void ConfigurationRecordsOfTwoScriptTables_Swapped_NeitherRestoredIntoTheOther()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            rig.Run(2);
            var raw = new DlmsDevice.Hal.Storage.SlottedRecordStore(rig.Medium, rig.Engine.RequiredRecordCount, rig.Engine.RequiredPayloadLength);
            var scriptTables = new System.Collections.Generic.List<(int Id, byte[] Payload)>();
            for (int id = 0; id < rig.Engine.RequiredRecordCount; id++)
            {
                if (rig.Engine.Persistence.DescribeRecord(id, out _, out _) != MeterRecordKind.Configuration)
                {
                    continue;
                }
                byte[] buffer = new byte[rig.Engine.RequiredPayloadLength];
                Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, raw.Read(id, buffer, 0, buffer.Length, out int length));
                if (((buffer[0] << 8) | buffer[1]) == 9)
                {
                    scriptTables.Add((id, buffer.AsSpan(0, length).ToArray()));
                }
            }
            Assert.True(scriptTables.Count >= 2);
            var (a, b) = (scriptTables[0], scriptTables[1]);
            Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, raw.Write(a.Id, b.Payload, 0, b.Payload.Length));
            Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, raw.Write(b.Id, a.Payload, 0, a.Payload.Length));

            rig.Restart();

            CorruptRecordList list = rig.Engine.Persistence.CorruptRecords;
            int[] listed = Enumerable.Range(0, list.ListedCount).Select(list.GetRecordId).ToArray();
            Assert.Contains(a.Id, listed);
            Assert.Contains(b.Id, listed);
            rig.Run(1);
        }
    }
}
