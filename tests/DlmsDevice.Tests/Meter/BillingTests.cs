using System;
using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using ActionResult = DlmsDevice.Stack.Cosem.ActionResult;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Billing: the end-of-billing schedule (the 1st of the month, 00:00) runs its script, which
    /// captures one billing row with the values at the end of the period and resets every
    /// maximum demand; the period counter counts; a power loss across the boundary, or in the
    /// middle of the billing, still gives exactly one row.
    /// </summary>
    public sealed class BillingTests
    {
        private static long Utc(int year, int month, int day, int hour, int minute, int second = 0)
        {
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
        }

        private static readonly long EndOfMarch = Utc(2026, 4, 1, 0, 0);

        // Columns of a billing row: clock, counter, +A, -A, +A T1..T4, MD, MD time, MD T1..T4.
        private static List<string[]> Rows(MeterRig rig)
        {
            return MeterEngineProfileTests.Rows(rig.Engine.BillingProfile)
                .Select(r => Enumerable.Range(0, r.Items.Count).Select(c => MeterEngineProfileTests.Cell(r, c)).ToArray())
                .ToList();
        }

        // 500 Wh on Monday morning; the clock set to 31 March 23:59:00; 300 Wh more.
        private static MeterRig BeforeTheEndOfMarch()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            rig.Pulse(500);
            rig.Run(2);
            rig.Engine.MeterClock.SetUtcTicks(Utc(2026, 3, 31, 23, 59));
            rig.Run(1);
            rig.Pulse(300);
            rig.Run(2);
            return rig;
        }

        [Fact]
        public void EndOfTheMonth_OneBillingRowWithTheValuesAtTheBoundary_MaximumDemandReset()
        {
            MeterRig rig = BeforeTheEndOfMarch();
            Assert.Equal(0, rig.Engine.BillingProfile!.EntriesInUse);
            // The block that ended when the clock jumped: 500 Wh in 15 minutes = 2000 W, at 23:45.
            Assert.Equal(2000, rig.Engine.MaximumDemandImport.Value.Integer);

            rig.Run(120);

            List<string[]> rows = Rows(rig);
            Assert.Single(rows);
            string[] row = rows[0];
            Assert.Equal(rig.DateTimeHex(EndOfMarch), row[0]);        // stamped with the end of the period
            Assert.Equal("1", row[1]);                                // billing period counter
            Assert.Equal("800", row[2]);                              // +A at the end of the period
            Assert.Equal("0", row[3]);                                // -A
            Assert.Equal(new[] { "0", "800", "0", "0" }, row.Skip(4).Take(4).ToArray()); // off-peak (T2) all the time
            Assert.Equal("2000", row[8]);                             // maximum demand of the period
            Assert.Equal(rig.DateTimeHex(Utc(2026, 3, 31, 23, 45)), row[9]);
            Assert.Equal(new[] { "0", "2000", "0", "0" }, row.Skip(10).ToArray());

            Assert.Equal("06 00 00 00 01", CosemTestKit.Get(rig.Engine.BillingPeriodCounter!, 2));
            Assert.Equal(rig.DateTimeHex(EndOfMarch), CosemTestKit.Get(rig.Engine.LastBillingTime!, 2));
            // Every maximum demand reset at the boundary.
            Assert.Equal(0, rig.Engine.MaximumDemandImport.Value.Integer);
            Assert.Equal(rig.DateTimeHex(EndOfMarch), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5));
            Assert.Equal(0, rig.Engine.GetTariffMaximumDemand(1).Value);
            Assert.Equal(EndOfMarch, rig.Engine.GetTariffMaximumDemand(1).CaptureUtcTicks);
            Assert.Equal(1, rig.Engine.Automation.ScheduleExecutions);
            Assert.Equal(0, rig.Engine.Automation.Runner.FailedActions);
        }

        [Fact]
        public void EndOfTheMonth_NoOtherDay_CapturesNothing()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            rig.Engine.MeterClock.SetUtcTicks(Utc(2026, 4, 1, 0, 0, 1));
            rig.Run(1);
            rig.Engine.MeterClock.SetUtcTicks(Utc(2026, 4, 30, 23, 58));
            rig.Run(60);
            Assert.Equal(0, rig.Engine.BillingProfile!.EntriesInUse);
            rig.Run(90);
            Assert.Single(Rows(rig));
        }

        [Fact]
        public void PowerOffAcrossTheBoundary_ExactlyOneRowAtPowerUp()
        {
            MeterRig rig = BeforeTheEndOfMarch();
            // Off at 23:59:03 (no tick, no shutdown), on again at 00:10.
            rig.Clock.Utc = Utc(2026, 4, 1, 0, 10);
            rig.Restart();
            rig.Run(1);

            List<string[]> rows = Rows(rig);
            Assert.Single(rows);
            Assert.Equal(rig.DateTimeHex(EndOfMarch), rows[0][0]);
            Assert.Equal("1", rows[0][1]);
            Assert.Equal(1u, rig.Engine.BillingPeriods);
            Assert.Equal(0, rig.Engine.MaximumDemandImport.Value.Integer);

            // Restarts afterwards add nothing.
            rig.Run(60);
            rig.Restart();
            rig.Run(60);
            rig.Restart();
            rig.Run(5);
            Assert.Single(Rows(rig));
            Assert.Equal("06 00 00 00 01", CosemTestKit.Get(rig.Engine.BillingPeriodCounter!, 2));
            Assert.Equal(rig.DateTimeHex(EndOfMarch), CosemTestKit.Get(rig.Engine.LastBillingTime!, 2));
        }

        [Fact]
        public void PowerOffForMonths_OneRowForTheLatestMissedPeriodEnd()
        {
            MeterRig rig = BeforeTheEndOfMarch();
            rig.Clock.Utc = Utc(2026, 7, 15, 12, 0);
            rig.Restart();
            rig.Run(1);

            List<string[]> rows = Rows(rig);
            Assert.Single(rows);
            Assert.Equal(rig.DateTimeHex(Utc(2026, 7, 1, 0, 0)), rows[0][0]);
        }

        /// <summary>
        /// A medium whose device dies in the middle of the first write of a given record after a
        /// record of a given range was written (torn, nothing written after it).
        /// </summary>
        private sealed class DyingMedium : IStorageMedium
        {
            private readonly MemoryStorageMedium _inner;
            private int _afterFirst = -1;
            private int _afterEnd;
            private int _dieAt = -1;
            private bool _armed;

            public DyingMedium(MemoryStorageMedium inner)
            {
                _inner = inner;
            }

            public bool Dead { get; private set; }

            public void DieWritingAfter(int record, int afterFirst, int afterCount)
            {
                _dieAt = record;
                _afterFirst = afterFirst;
                _afterEnd = afterFirst + afterCount;
            }

            public int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count)
                => _inner.ReadSlot(recordId, slot, slotOffset, buffer, offset, count);

            public bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count)
            {
                if (Dead)
                {
                    return true;
                }
                if (_armed && recordId == _dieAt)
                {
                    _inner.TearNextWrite(count / 2, TearFill.Zeros);
                    Dead = true;
                }
                if (recordId >= _afterFirst && recordId < _afterEnd)
                {
                    _armed = true;
                }
                return _inner.WriteSlot(recordId, slot, buffer, offset, count);
            }
        }

        [Fact]
        public void PowerLostInTheMiddleOfTheBilling_ScriptRunsAgainButTheRowIsNotDoubled()
        {
            MeterRig rig = new MeterRig(model: true, automation: true);
            DyingMedium medium = new DyingMedium(rig.Medium);
            var store = new DlmsDevice.Hal.Storage.SlottedRecordStore(medium, rig.Engine.RequiredRecordCount, rig.Engine.RequiredPayloadLength);
            rig.Model!.Start(store);
            rig.Pulse(500);
            rig.Run(2);
            rig.Engine.MeterClock.SetUtcTicks(Utc(2026, 3, 31, 23, 59, 58));
            rig.Run(1);
            // The billing tick writes the checkpoint before the row, then the row's chunk, then the
            // checkpoint of the maximum demand reset: the device dies during that one.
            medium.DieWritingAfter(0, rig.Engine.Persistence.GetFirstRecord(3), rig.Engine.Persistence.GetRecordCount(3));
            rig.Run(2);
            Assert.True(medium.Dead);
            Assert.Single(Rows(rig));

            rig.Clock.Utc = Utc(2026, 4, 1, 0, 5);
            rig.Restart();
            rig.Run(1);

            // The row was there; the counter comes back from it; the script ran again (the
            // checkpoint did not say the schedules were past the boundary) and its capture was
            // refused, its resets done.
            List<string[]> rows = Rows(rig);
            Assert.Single(rows);
            Assert.Equal(rig.DateTimeHex(EndOfMarch), rows[0][0]);
            Assert.Equal(1u, rig.Engine.BillingPeriods);
            Assert.Equal(1, rig.Engine.Automation.ScheduleExecutions);
            Assert.Equal(0, rig.Engine.MaximumDemandImport.Value.Integer);
            Assert.Equal(rig.DateTimeHex(EndOfMarch), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5));
        }

        [Fact]
        public void ClockSetBackAcrossTheBoundary_SamePeriodEndNotCapturedTwice()
        {
            MeterRig rig = BeforeTheEndOfMarch();
            rig.Run(120);
            Assert.Single(Rows(rig));

            rig.Engine.MeterClock.SetUtcTicks(Utc(2026, 3, 31, 23, 59, 30));
            rig.Run(60);

            Assert.Single(Rows(rig));
            Assert.Equal(1u, rig.Engine.BillingPeriods);
        }

        [Fact]
        public void ManualBilling_MeterReaderExecutesTheEndOfBillingScript_RowStampedNow()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            rig.Pulse(42);
            rig.Run(3);
            long now = rig.Clock.Utc;

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Model!.EndOfBillingScripts!, ScriptTable.Methods.Execute, "12 00 01"));

            List<string[]> rows = Rows(rig);
            Assert.Single(rows);
            Assert.Equal(rig.DateTimeHex(now), rows[0][0]);
            Assert.Equal("42", rows[0][2]);
        }

        [Fact]
        public void WithoutABillingProfile_NoBillingObjects()
        {
            MeterRig rig = new MeterRig(c => c.BillingProfileEntries = 0, model: true, automation: true).Begin();
            Assert.Null(rig.Engine.BillingProfile);
            Assert.Null(rig.Model!.EndOfBillingSchedule);
            Assert.DoesNotContain(Enumerable.Range(0, rig.Model.Device.Objects.Count), i => rig.Model.Device.Objects[i].ClassId == CosemClassId.ProfileGeneric
                && rig.Model.Device.Objects[i].LogicalName.ToString() == "1-0:98.1.0*255");
            rig.Run(5);
        }
    }
}
