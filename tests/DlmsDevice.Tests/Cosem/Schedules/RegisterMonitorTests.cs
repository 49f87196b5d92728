using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem.Schedules
{
    /// <summary>
    /// Register monitor (IC 21): encodings, crossings up and down each running their script
    /// once, no action for the state found at the first evaluation, SET checked whole.
    /// </summary>
    public sealed class RegisterMonitorTests
    {
        private static readonly ObisCode Name = new ObisCode(0, 0, 16, 0, 0, 255);

        private static string N(string hex) => Hex.Format(Hex.Parse(hex));

        // Watches the register 1.0.1.8.0.255 (value) with thresholds 100 and 200; each crossing
        // writes its code into the Data object: up 1 / 3, down 2 / 4 (scripts of the test table).
        private static (ScheduleTestKit Kit, RegisterMonitor Monitor) Create()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            for (int code = 1; code <= 4; code++)
            {
                table.AddAction(code, ScriptRunner.WriteAttribute, CosemClassId.Data, ScheduleTestKit.DataName, 2, new byte[] { 0x12, 0, (byte)code });
            }
            RegisterMonitor monitor = kit.Add(new RegisterMonitor(Name, 4, kit.Runner));
            monitor.Monitor(CosemClassId.Register, ScheduleTestKit.RegisterName, 2);
            monitor.Add(DataType.DoubleLongUnsigned, 100, ScheduleTestKit.TableName, 1, ScheduleTestKit.TableName, 2);
            monitor.Add(DataType.DoubleLongUnsigned, 200, ScheduleTestKit.TableName, 3, ScheduleTestKit.TableName, 4);
            return (kit, monitor);
        }

        [Fact]
        public void Attributes_Configured_BlueBookEncodings()
        {
            (_, RegisterMonitor m) = Create();

            Assert.Equal(N("01 02 06 00 00 00 64 06 00 00 00 C8"), CosemTestKit.Get(m, RegisterMonitor.Attributes.Thresholds));
            Assert.Equal(N("02 03 12 00 03 09 06 01 00 01 08 00 FF 0F 02"), CosemTestKit.Get(m, RegisterMonitor.Attributes.MonitoredValue));
            Assert.Equal(N("01 02 02 02 02 02 09 06 00 00 0A 00 64 FF 12 00 01 02 02 09 06 00 00 0A 00 64 FF 12 00 02"
                + " 02 02 02 02 09 06 00 00 0A 00 64 FF 12 00 03 02 02 09 06 00 00 0A 00 64 FF 12 00 04"),
                CosemTestKit.Get(m, RegisterMonitor.Attributes.Actions));
            Assert.Equal(21, m.ClassId);
        }

        [Fact]
        public void Evaluate_CrossingsUpAndDown_EachScriptOncePerCrossing()
        {
            (ScheduleTestKit kit, RegisterMonitor m) = Create();
            kit.Register.Value.SetInteger(150);

            // The first evaluation takes the state: 150 is above 100, no action.
            Assert.Equal(0, m.Evaluate());
            Assert.True(m.IsAbove(0));
            Assert.Equal(0, kit.Runner.ActionsRun);

            kit.Register.Value.SetInteger(250);
            Assert.Equal(1, m.Evaluate());
            Assert.Equal(3, kit.Data.Value.Integer);          // up across 200
            Assert.Equal(0, m.Evaluate());                      // still above: nothing
            kit.Register.Value.SetInteger(200);                 // equal is not above
            Assert.Equal(1, m.Evaluate());
            Assert.Equal(4, kit.Data.Value.Integer);          // down across 200
            kit.Register.Value.SetInteger(50);
            Assert.Equal(1, m.Evaluate());
            Assert.Equal(2, kit.Data.Value.Integer);          // down across 100
            kit.Register.Value.SetInteger(300);
            Assert.Equal(2, m.Evaluate());                      // up across both: 1 then 3
            Assert.Equal(3, kit.Data.Value.Integer);
            Assert.Equal(5, kit.Runner.ActionsRun);
        }

        [Fact]
        public void Evaluate_ValueBouncingAcrossTheThreshold_RunsAtEveryCrossing()
        {
            (ScheduleTestKit kit, RegisterMonitor m) = Create();
            kit.Register.Value.SetInteger(99);
            m.Evaluate();
            for (int i = 0; i < 3; i++)
            {
                kit.Register.Value.SetInteger(101);
                Assert.Equal(1, m.Evaluate());
                kit.Register.Value.SetInteger(99);
                Assert.Equal(1, m.Evaluate());
            }
            Assert.Equal(6, kit.Runner.ActionsRun);
        }

        [Fact]
        public void Evaluate_MonitoredObjectMissing_NothingHappens()
        {
            (ScheduleTestKit kit, RegisterMonitor m) = Create();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(m, RegisterMonitor.Attributes.MonitoredValue, "02 03 12 00 03 09 06 01 00 02 08 00 FF 0F 02"));
            Assert.Equal(0, m.Evaluate());
            Assert.Equal(0, kit.Runner.ActionsRun);
        }

        [Fact]
        public void Set_Thresholds_NewStateTakenSilently()
        {
            (ScheduleTestKit kit, RegisterMonitor m) = Create();
            kit.Register.Value.SetInteger(150);
            m.Evaluate();

            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(m, RegisterMonitor.Attributes.Thresholds, "01 01 12 00 0A"));

            Assert.Equal(N("01 01 12 00 0A"), CosemTestKit.Get(m, RegisterMonitor.Attributes.Thresholds));
            Assert.Equal(0, m.Evaluate());
            Assert.Equal(0, kit.Runner.ActionsRun);
        }

        [Theory]
        [InlineData(RegisterMonitor.Attributes.Thresholds, "01 02 06 00 00 00 01 12 00 02", DataAccessResult.TypeUnmatched)] // mixed types
        [InlineData(RegisterMonitor.Attributes.Thresholds, "01 01 09 01 00", DataAccessResult.TypeUnmatched)]             // not numeric
        [InlineData(RegisterMonitor.Attributes.Thresholds, "01 05 11 01 11 02 11 03 11 04 11 05", DataAccessResult.ScopeOfAccessViolated)] // capacity 4
        [InlineData(RegisterMonitor.Attributes.MonitoredValue, "02 02 12 00 03 09 06 01 00 01 08 00 FF", DataAccessResult.TypeUnmatched)]
        [InlineData(RegisterMonitor.Attributes.Actions, "01 01 02 02 02 02 09 06 00 00 0A 00 64 FF 12 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData(RegisterMonitor.Attributes.Actions, "01 01 02 02 02 02 09 06 00 00 0A 00 64 FF 11 01 02 02 09 06 00 00 0A 00 64 FF 12 00 02", DataAccessResult.TypeUnmatched)]
        public void Set_Malformed_RefusedAndUnchanged(int attribute, string value, DataAccessResult expected)
        {
            (_, RegisterMonitor m) = Create();
            string before = CosemTestKit.Get(m, attribute);

            Assert.Equal(expected, CosemTestKit.Set(m, attribute, value));

            Assert.Equal(before, CosemTestKit.Get(m, attribute));
        }

        [Fact]
        public void SaveRestore_RoundTrip()
        {
            (ScheduleTestKit kit, RegisterMonitor m) = Create();
            byte[] record = new byte[m.PersistedLength];
            int length = m.Save(record, 0);
            RegisterMonitor copy = new RegisterMonitor(Name, 4, kit.Runner);

            Assert.True(copy.Restore(record, 0, length));
            Assert.False(new RegisterMonitor(Name, 2, kit.Runner).Restore(record, 0, length));

            foreach (int a in new[] { 2, 3, 4 })
            {
                Assert.Equal(CosemTestKit.Get(m, a), CosemTestKit.Get(copy, a));
            }
        }
    }
}
