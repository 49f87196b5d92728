using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Client;
using ActionResult = DlmsDevice.Stack.Cosem.ActionResult;
using DataAccessResult = DlmsDevice.Stack.Cosem.DataAccessResult;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>Block demand, maximum demand, and profile captures at clock-aligned boundaries.</summary>
    public class MeterEngineProfileTests
    {
        /// <summary>Hex in the spaced form CosemTestKit returns.</summary>
        internal static string N(string hex)
        {
            return Hex.Format(Hex.Parse(hex));
        }

        internal static IReadOnlyList<DlmsValue> Rows(ProfileGeneric profile)
        {
            return AxdrDecoder.Decode(Hex.Parse(CosemTestKit.Get(profile, 2))).Items;
        }

        internal static string Cell(DlmsValue row, int column)
        {
            DlmsValue v = row.Items[column];
            return v.Type == DlmsDevice.Client.DataType.OctetString ? "09 0C " + Hex.Format(v.Bytes) : v.ToInt64().ToString();
        }

        /// <summary>Runs the rig to <paramref name="hour"/>:<paramref name="minute"/> UTC of the start day, adding <paramref name="pulsesPerMinute"/> each minute.</summary>
        internal static void RunTo(MeterRig rig, int hour, int minute, int pulsesPerMinute = 0)
        {
            long target = MeterRig.At(hour, minute);
            while (rig.Clock.Utc < target)
            {
                rig.Run(1);
                if (pulsesPerMinute > 0 && (rig.Clock.Utc / System.TimeSpan.TicksPerSecond) % 60 == 0)
                {
                    rig.Pulse(pulsesPerMinute);
                }
            }
        }

        [Fact]
        public void BlockDemand_250WhInA15MinuteBlock_1000Watts()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Engine.Tick();

            rig.Pulse(125);
            RunTo(rig, 10, 11);
            long running = rig.Engine.DemandImport.CurrentAverageValue.Integer;
            rig.Pulse(125);
            RunTo(rig, 10, 15);

            // Running demand = energy since the block start / the whole period: 125 Wh x 3600 / 900 s.
            Assert.Equal(500, running);
            // Block 10:00-10:15 (the meter started at 10:07): 250 Wh x 3600 / 900 s = 1000 W.
            Assert.Equal(1000, rig.Engine.DemandImport.LastAverageValue.Integer);
            Assert.Equal(0, rig.Engine.DemandImport.CurrentAverageValue.Integer);
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), CosemTestKit.Get(rig.Engine.DemandImport, 6));
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), CosemTestKit.Get(rig.Engine.DemandImport, 7));
            Assert.Equal(N("06 00000384"), CosemTestKit.Get(rig.Engine.DemandImport, 8));
            Assert.Equal(N("12 0001"), CosemTestKit.Get(rig.Engine.DemandImport, 9));
            Assert.Equal(N("02 02 0F 00 16 1B"), CosemTestKit.Get(rig.Engine.DemandImport, 4));
        }

        [Fact]
        public void MaximumDemand_KeptWithTheEndOfItsBlock_UntilALargerOne()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Engine.Tick();
            rig.Pulse(250);
            RunTo(rig, 10, 15);
            rig.Pulse(100);
            RunTo(rig, 10, 30);
            string afterSmaller = CosemTestKit.Get(rig.Engine.MaximumDemandImport, 2);
            string timeAfterSmaller = CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5);
            long smallerBlock = rig.Engine.DemandImport.LastAverageValue.Integer;
            rig.Pulse(500);
            RunTo(rig, 10, 45);

            // 100 Wh in 10:15-10:30 = 400 W: the 1000 W of 10:15 stays the maximum.
            Assert.Equal(400, smallerBlock);
            Assert.Equal(N("06 000003E8"), afterSmaller);
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), timeAfterSmaller);
            // 500 Wh in the block 10:30-10:45 = 2000 W, stamped 10:45.
            Assert.Equal(N("06 000007D0"), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 2));
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 45)), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5));
            Assert.Equal(N("02 02 0F 00 16 1B"), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 3));
        }

        [Fact]
        public void MaximumDemandReset_Method1_ZeroAndCaptureTimeNow()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Engine.Tick();
            rig.Pulse(250);
            RunTo(rig, 10, 15);
            RunTo(rig, 10, 20);

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Engine.MaximumDemandImport, 1, "0F 00"));

            Assert.Equal(N("06 00000000"), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 2));
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 20)), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5));
            rig.Restart();
            Assert.Equal(N("06 00000000"), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 2));
            // The saved capture_time is the reset's, not the old maximum's.
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 20)), CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5));
        }

        [Fact]
        public void LoadProfile_CapturesAtEachQuarterHour_WithTheBoundaryTimeAndPublishedEnergy()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Voltage.Raw = 23000;
            rig.Current.Raw = 4000;

            RunTo(rig, 10, 14, pulsesPerMinute: 3);
            int beforeBoundary = rig.Engine.LoadProfile.EntriesInUse;
            RunTo(rig, 10, 15, pulsesPerMinute: 3);
            RunTo(rig, 10, 30, pulsesPerMinute: 3);

            IReadOnlyList<DlmsValue> rows = Rows(rig.Engine.LoadProfile);
            Assert.Equal(0, beforeBoundary);
            Assert.Equal(2, rows.Count);
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), Cell(rows[0], 0));
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 30)), Cell(rows[1], 0));
            // 3 pulses a minute, added on the whole minutes 10:08 .. 10:14 before the 10:15 capture
            // (21 Wh) and 10:15 .. 10:29 before the 10:30 one (another 45 Wh).
            Assert.Equal("21", Cell(rows[0], 1));
            Assert.Equal("66", Cell(rows[1], 1));
            Assert.Equal("0", Cell(rows[0], 2));
            Assert.Equal("2300", Cell(rows[0], 3));   // average voltage 230.0 V
            Assert.Equal("400", Cell(rows[0], 4));    // average current 4.00 A
            Assert.Equal(N("06 00000384"), CosemTestKit.Get(rig.Engine.LoadProfile, 4));
            Assert.Equal(N("01 05 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000"
                + " 02 04 12 0003 09 06 0100020800FF 0F 02 12 0000 02 04 12 0003 09 06 0100201B00FF 0F 02 12 0000"
                + " 02 04 12 0003 09 06 01001F1B00FF 0F 02 12 0000"),
                CosemTestKit.Get(rig.Engine.LoadProfile, 3));
        }

        [Fact]
        public void LoadProfile_ClockSetForwardAcrossBoundaries_OneRowAtTheLatestBoundaryAndTwoEvents()
        {
            MeterRig rig = new MeterRig().Begin();
            RunTo(rig, 10, 14);
            int events = rig.Engine.EventLog.EntriesInUse;

            rig.Engine.MeterClock.SetUtcTicks(MeterRig.At(10, 31));
            rig.Engine.Tick();

            IReadOnlyList<DlmsValue> rows = Rows(rig.Engine.LoadProfile);
            Assert.Single(rows);
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 30)), Cell(rows[0], 0));
            IReadOnlyList<DlmsValue> log = Rows(rig.Engine.EventLog);
            Assert.Equal(events + 2, log.Count);
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 14)), Cell(log[events], 0));
            Assert.Equal("4", Cell(log[events], 1));
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 31)), Cell(log[events + 1], 0));
            Assert.Equal("5", Cell(log[events + 1], 1));
        }

        [Fact]
        public void LoadProfile_ClockSetBackAcrossABoundary_TheBoundaryIsCapturedAgain()
        {
            MeterRig rig = new MeterRig().Begin();
            RunTo(rig, 10, 16);
            int capturesBefore = rig.Engine.LoadProfile.CaptureCount;

            // Through the COSEM Clock object, as a client would (attribute 2, deviation 0).
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Engine.Clock, 2, rig.DateTimeHex(MeterRig.At(10, 14, 30))));
            rig.Engine.Tick();
            int afterSet = rig.Engine.LoadProfile.EntriesInUse;
            rig.Run(31);

            IReadOnlyList<DlmsValue> rows = Rows(rig.Engine.LoadProfile);
            Assert.Equal(1, afterSet);
            Assert.Equal(2, rows.Count);
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), Cell(rows[0], 0));
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), Cell(rows[1], 0));
            Assert.Equal(capturesBefore + 1, rig.Engine.LoadProfile.CaptureCount);
        }

        [Fact]
        public void DailyProfile_AtLocalMidnight_CentralEuropeanTime()
        {
            MeterRig rig = new MeterRig(c => c.TimeZone = -60).Begin();
            rig.Engine.Tick();
            rig.Pulse(400);
            RunTo(rig, 10, 30);

            // Local midnight (UTC+1) is 23:00 UTC.
            while (rig.Clock.Utc < MeterRig.At(22, 59))
            {
                rig.Run(60, 10_000);
            }
            int beforeMidnight = rig.Engine.DailyProfile.EntriesInUse;
            rig.Run(61);

            IReadOnlyList<DlmsValue> rows = Rows(rig.Engine.DailyProfile);
            Assert.Equal(0, beforeMidnight);
            Assert.Single(rows);
            // 2026-03-03 00:00:00.00 local, Tuesday, deviation -60 (FFC4), status 0.
            Assert.Equal(N("09 0C 07EA 03 03 02 00 00 00 00 FFC4 00"), Cell(rows[0], 0));
            Assert.Equal("400", Cell(rows[0], 1));
            Assert.Equal("1600", Cell(rows[0], 3));   // maximum demand: 400 Wh in one block = 1600 W
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), Cell(rows[0], 4));
        }

        [Fact]
        public void LoadProfile_MeterOffOverSeveralBoundaries_OneRowAtThePowerUp()
        {
            MeterRig rig = new MeterRig().Begin();
            RunTo(rig, 10, 20);
            int rows = rig.Engine.LoadProfile.EntriesInUse;

            rig.Clock.Advance(50 * 60 * 1000);   // off from 10:20 to 11:10
            rig.Restart();
            rig.Engine.Tick();

            IReadOnlyList<DlmsValue> list = Rows(rig.Engine.LoadProfile);
            Assert.Equal(rows + 1, list.Count);
            Assert.Equal(rig.DateTimeHex(MeterRig.At(11, 0)), Cell(list[list.Count - 1], 0));
        }
    }
}
