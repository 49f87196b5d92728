using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using DataAccessResult = DlmsDevice.Stack.Cosem.DataAccessResult;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The IS 15959 layout: every event in the log of its category (0.0.99.98.c.255) with its
    /// IS 15959 number in 0.0.96.11.c.255, and the voltage, current and other logs capturing
    /// current, voltage, power factor and +A at the event.
    /// </summary>
    public class Is15959EventLogTests
    {
        private static TamperRig Start()
        {
            TamperRig t = new TamperRig(EventLogLayout.Is15959).Begin();
            t.Rig.Run(2);
            return t;
        }

        [Fact]
        public void Layout_SevenLogsAndCodeObjects_TheVoltageLogIsEventLog()
        {
            TamperRig t = Start();

            for (int c = 0; c < EventCategory.Count; c++)
            {
                Assert.Equal("0-0:99.98." + c + "*255", t.Engine.GetCategoryLog(c).LogicalName.ToString());
                Assert.Equal("0-0:96.11." + c + "*255", t.Engine.GetCategoryEventCode(c).LogicalName.ToString());
            }
            Assert.Same(t.Engine.GetCategoryLog(EventCategory.Voltage), t.Engine.EventLog);
            Assert.Same(t.Engine.GetCategoryEventCode(EventCategory.Voltage), t.Engine.EventCode);
            // Voltage log columns: clock, code, current, voltage, power factor, +A (attribute 2 each).
            Assert.Equal(MeterEngineProfileTests.N("01 06"
                + " 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000"
                + " 02 04 12 0001 09 06 0000600B00FF 0F 02 12 0000"
                + " 02 04 12 0003 09 06 01001F0700FF 0F 02 12 0000"
                + " 02 04 12 0003 09 06 0100200700FF 0F 02 12 0000"
                + " 02 04 12 0003 09 06 01000D0700FF 0F 02 12 0000"
                + " 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000"), CosemTestKit.Get(t.Engine.EventLog, 3));
            // The power failure log: clock and code; sizes 70, 70, 40, 20, 60, 1, 1.
            Assert.Equal(2, t.Engine.GetCategoryLog(EventCategory.PowerFailure).CaptureObjectCount);
            Assert.Equal(new[] { 70, 70, 40, 20, 60, 1, 1 }, Enumerable.Range(0, 7).Select(c => t.Engine.GetCategoryLog(c).ProfileEntries));
            Assert.Equal(new long[] { 102 }, t.CategoryCodes(EventCategory.PowerFailure));
            Assert.Equal(MeterEngineProfileTests.N("12 0066"), CosemTestKit.Get(t.Engine.GetCategoryEventCode(EventCategory.PowerFailure), 2));
        }

        [Fact]
        public void ReverseFlow_CurrentLog51And52_WithTheValuesAtTheEvent()
        {
            TamperRig t = Start();
            t.Currents(2.5, 2.5);
            t.Volts(231.4);
            t.Power.Raw = -575;

            t.Rig.Run(61);
            string occurred = t.Now;
            t.Power.Raw = 0;
            t.Currents(0, 0);
            t.Rig.Run(61);

            var rows = t.CategoryRows(EventCategory.Current);
            Assert.Equal(new long[] { 51, 52 }, t.CategoryCodes(EventCategory.Current));
            Assert.Equal(occurred, MeterEngineProfileTests.Cell(rows[0], 0));
            // Current 2.50 A (scaler -2), voltage 231.4 V (-1), PF 0 (no import pulses), +A 0 Wh.
            Assert.Equal(new long[] { 51, 250, 2314, 0, 0 }, rows[0].Items.Skip(1).Select(v => v.ToInt64()));
            Assert.Equal(new long[] { 52, 0, 2314, 1000, 0 }, rows[1].Items.Skip(1).Select(v => v.ToInt64()));
            Assert.Empty(t.CategoryCodes(EventCategory.Voltage));
        }

        [Fact]
        public void CurrentMismatch_CurrentLogEarthLoading69And70()
        {
            TamperRig t = Start();

            t.Currents(6, 4);
            t.Rig.Run(61);
            t.Currents(6, 6);
            t.Rig.Run(61);

            Assert.Equal(new long[] { 69, 70 }, t.CategoryCodes(EventCategory.Current));
            Assert.Equal(600, t.CategoryRows(EventCategory.Current)[0].Items[2].ToInt64());
        }

        [Fact]
        public void CurrentWithoutVoltage_VoltageLogLowVoltageAndVoltageMissing()
        {
            TamperRig t = Start();

            t.Volts(0);
            t.Currents(3, 3);
            t.Rig.Run(61);
            t.Volts(230);
            t.Rig.Run(61);

            // Low voltage at once (9, 10), the tamper after its 60 s (1, 2).
            Assert.Equal(new long[] { 9, 1, 10, 2 }, t.CategoryCodes(EventCategory.Voltage));
            var missing = t.CategoryRows(EventCategory.Voltage)[1];
            Assert.Equal(new long[] { 1, 300, 0 }, missing.Items.Skip(1).Take(3).Select(v => v.ToInt64()));
        }

        [Fact]
        public void Magnet_OtherLog201And202_WithValues()
        {
            TamperRig t = Start();
            t.Currents(1.5, 1.5);
            t.Rig.Run(1);

            t.Magnet.Drive(true, MeterRig.At(10, 7, 10));
            t.Rig.Run(1);
            t.Magnet.Drive(false, MeterRig.At(10, 7, 11));
            t.Rig.Run(1);

            Assert.Equal(new[] { (t.Rig.DateTimeHex(MeterRig.At(10, 7, 10)), 201L), (t.Rig.DateTimeHex(MeterRig.At(10, 7, 11)), 202L) },
                TamperRig.Events(t.Engine.GetCategoryLog(EventCategory.Other)));
            Assert.Equal(150, t.CategoryRows(EventCategory.Other)[0].Items[2].ToInt64());
        }

        [Fact]
        public void Cover_NonRolloverLogKeepsTheFirstOpeningOnly()
        {
            TamperRig t = Start();
            string first = "";

            for (int i = 0; i < 4; i++)
            {
                if (i == 0)
                {
                    first = t.Now;
                }
                t.Rig.Cover.Drive(i % 2 == 0, t.Rig.Clock.Utc);
                t.Rig.Run(1);
            }

            Assert.Equal(new[] { (first, 251L) }, TamperRig.Events(t.Engine.GetCategoryLog(EventCategory.NonRollover)));
            Assert.Equal(2, t.Engine.TamperCount.Value.Integer);
            Assert.Empty(t.CategoryCodes(EventCategory.Other));
        }

        [Fact]
        public void StandardEvents_PowerClockDisconnectVoltageAndMaximumDemandInTheirCategories()
        {
            TamperRig t = Start();

            t.Rig.PowerFail.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            t.Rig.PowerFail.Drive(false, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(t.Engine.Clock, 2,
                "09 0C 07EA 03 02 01 0B 00 00 00 0000 00"));
            t.Rig.Run(1);
            CosemTestKit.Invoke(t.Engine.Disconnect, 1, "0F 00");
            CosemTestKit.Invoke(t.Engine.Disconnect, 2, "0F 00");
            CosemTestKit.Invoke(t.Engine.MaximumDemandImport, 1, "0F 00");
            t.Volts(260);
            t.Rig.Run(2);
            t.Volts(200);
            t.Rig.Run(1);
            t.Volts(230);
            t.Rig.Run(1);

            Assert.Equal(new long[] { 102, 101, 102 }, t.CategoryCodes(EventCategory.PowerFailure));
            Assert.Equal(new long[] { 151, 166 }, t.CategoryCodes(EventCategory.Transaction));
            // One row: the control log keeps the last switching (1 entry).
            Assert.Equal(new long[] { 302 }, t.CategoryCodes(EventCategory.Control));
            Assert.Equal(new long[] { 7, 8, 9, 10 }, t.CategoryCodes(EventCategory.Voltage));
            Assert.Equal(MeterAlarm.PowerUp, t.Engine.Alarms.RegisterBits);
        }

        [Fact]
        public void EventWithoutAnIsNumber_OtherLogWithItsIdisNumber()
        {
            TamperRig t = Start();

            t.Engine.LogEvent(MeterEventCode.NonVolatileMemoryError, t.Rig.Clock.Utc);
            t.Engine.LogEvent(77, t.Rig.Clock.Utc);

            Assert.Equal(new long[] { 14, 77 }, t.CategoryCodes(EventCategory.Other));
            Assert.Equal(MeterAlarm.PowerUp | MeterAlarm.NonVolatileMemoryError, t.Engine.Alarms.RegisterBits);
        }

        [Fact]
        public void Restart_RowsAndNumberingSurvive_TheVoltageStateToo()
        {
            TamperRig t = Start();
            t.Volts(200);
            t.Rig.Run(2);
            t.Magnet.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            string other = CosemTestKit.Get(t.Engine.GetCategoryLog(EventCategory.Other), 2);

            t.Rig.Restart();
            t.Rig.Run(3);

            // The low voltage is still on: not logged again; the magnet still there: no second 201.
            Assert.Equal(new long[] { 9 }, t.CategoryCodes(EventCategory.Voltage));
            Assert.Equal(other, CosemTestKit.Get(t.Engine.GetCategoryLog(EventCategory.Other), 2));
            Assert.Equal(new long[] { 102, 101, 102 }, t.CategoryCodes(EventCategory.PowerFailure));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
        }
    }
}
