using System.Linq;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The register monitors' actions "event, alarm bit, push": a threshold crossed upwards runs
    /// the up script (the event) and raises the monitor's alarm bit through the alarm register,
    /// filter and descriptor, reported to the alarm sink (the alert push) after the event row;
    /// the bit stays until a client clears it; the filter holds it back like any other alarm;
    /// and the whole path allocates nothing after warm-up.
    /// </summary>
    public sealed class MonitorAlarmTests
    {
        private static MeterRig Rig(IAlarmSink sink)
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            rig.Engine.Alarms.Sink = sink;
            rig.Current.Raw = 30000;                                   // 30 A: under the 60 A threshold
            rig.Run(3);
            return rig;
        }

        private static int EventCount(MeterRig rig, byte code)
        {
            return MeterEngineProfileTests.Rows(rig.Engine.EventLog).Count(r => (int)r.Items[1].ToInt64() == code);
        }

        [Fact]
        public void MonitorBits_DoNotClashWithTheOtherAlarms()
        {
            uint monitors = MeterAlarm.OverCurrent | MeterAlarm.OverPower | MeterAlarm.OverVoltage;
            uint others = MeterAlarm.PowerUp | MeterAlarm.NonVolatileMemoryError | MeterAlarm.FraudAttempt | MeterAlarm.TerminalCoverRemoved
                | MeterAlarm.StrongDcField | MeterAlarm.ReverseFlow | MeterAlarm.CurrentMismatch | MeterAlarm.CurrentWithoutVoltage;
            Assert.Equal(0xE0u, monitors);                             // bits 5, 6, 7
            Assert.Equal(0u, monitors & others);
        }

        [Fact]
        public void CurrentCrossesUp_OverCurrentBitRaisedAfterTheEventRow_StaysAfterTheDownCrossing_UntilTheClientClearsIt()
        {
            int rowsAtAlarm = -1;
            uint registerAtAlarm = 0;
            MeterRig? rig = null;
            ProbeSink sink = new ProbeSink((raised, register) =>
            {
                Assert.Equal(MeterAlarm.OverCurrent, raised);
                registerAtAlarm = register;
                rowsAtAlarm = EventCount(rig!, MeterEventCode.OverCurrentL1);
            });
            rig = Rig(sink);
            uint before = rig.Engine.Alarms.RegisterBits;
            Assert.Equal(0u, before & MeterAlarm.OverCurrent);

            rig.Current.Raw = 61000;                                   // 61 A
            rig.Run(3);

            Assert.Equal(1, sink.Calls);
            Assert.Equal(1, rowsAtAlarm);                              // the up script's event is in the log when the alarm is reported
            Assert.Equal(before | MeterAlarm.OverCurrent, registerAtAlarm);
            Assert.Equal(before | MeterAlarm.OverCurrent, rig.Engine.Alarms.RegisterBits);
            Assert.NotEqual(0u, rig.Engine.Alarms.DescriptorBits & MeterAlarm.OverCurrent);

            // Back under: the down script logs its event, the bit stays, nothing is reported.
            rig.Current.Raw = 30000;
            rig.Run(3);
            Assert.Equal(1, EventCount(rig, MeterEventCode.OverCurrentL1Ended));
            Assert.Equal(1, sink.Calls);
            Assert.NotEqual(0u, rig.Engine.Alarms.RegisterBits & MeterAlarm.OverCurrent);

            // The client acknowledges the bit (write 1 to clear); it survives a restart until then.
            rig.Restart();
            Assert.NotEqual(0u, rig.Engine.Alarms.RegisterBits & MeterAlarm.OverCurrent);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Engine.Alarms.Register, 2, "06 00000020"));
            Assert.Equal(0u, rig.Engine.Alarms.RegisterBits & MeterAlarm.OverCurrent);
        }

        [Fact]
        public void PowerCrossesUp_OverPowerBit_AndTheLimiterIsNotAMonitor()
        {
            RecordingAlarmSink sink = new RecordingAlarmSink();
            MeterRig rig = Rig(sink);
            // 14.4 kW against the power monitor's 8,000 W, for 20 s (under the limiter's 60 s).
            for (int i = 0; i < 80; i++)
            {
                rig.Pulse(1);
                rig.Run(0.25, 250);
            }

            Assert.Equal(new[] { MeterAlarm.OverPower }, sink.Calls.Select(c => c.Raised).ToArray());
            Assert.Equal(1, EventCount(rig, MeterEventCode.OverPower));
            Assert.Equal(0, EventCount(rig, MeterEventCode.LimiterThresholdExceeded));
        }

        [Fact]
        public void VoltageSwell_OverVoltageBit()
        {
            RecordingAlarmSink sink = new RecordingAlarmSink();
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            rig.Engine.Alarms.Sink = sink;
            rig.Voltage.Raw = 23000;                                   // 230 V
            rig.Run(3);
            rig.Voltage.Raw = 27000;                                   // 270 V: over 115 % of nominal
            rig.Run(3);

            Assert.Contains(MeterAlarm.OverVoltage, sink.Calls.Select(c => c.Raised));
            Assert.Equal(1, EventCount(rig, MeterEventCode.VoltageSwellL1));
            Assert.NotEqual(0u, rig.Engine.Alarms.RegisterBits & MeterAlarm.OverVoltage);
        }

        [Fact]
        public void FilterWithoutTheBit_CrossingLatchedInTheDescriptorOnly_NothingReported()
        {
            RecordingAlarmSink sink = new RecordingAlarmSink();
            MeterRig rig = Rig(sink);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Engine.Alarms.Filter, 2, "06 FFFFFFDF"));   // every bit but 5

            rig.Current.Raw = 61000;
            rig.Run(3);

            Assert.Empty(sink.Calls);
            Assert.Equal(1, EventCount(rig, MeterEventCode.OverCurrentL1));   // the event is logged all the same
            Assert.Equal(0u, rig.Engine.Alarms.RegisterBits & MeterAlarm.OverCurrent);
            Assert.NotEqual(0u, rig.Engine.Alarms.DescriptorBits & MeterAlarm.OverCurrent);
        }

        [Fact]
        public void ClientRewritesTheUpAction_TheAlarmStillFollowsTheCrossing_ScriptRunsWhatTheClientWrote()
        {
            RecordingAlarmSink sink = new RecordingAlarmSink();
            MeterRig rig = Rig(sink);
            // actions: up = event script 242 (the power event), down = none.
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Model!.CurrentMonitor!, RegisterMonitor.Attributes.Actions,
                "01 01 02 02 02 02 09 06 00000A0080FF 12 00F2 02 02 09 06 00000A0080FF 12 0000"));
            rig.Run(2);
            rig.Current.Raw = 61000;
            rig.Run(3);

            Assert.Equal(new[] { MeterAlarm.OverCurrent }, sink.Calls.Select(c => c.Raised).ToArray());
            Assert.Equal(1, EventCount(rig, MeterEventCode.OverPower));
            Assert.Equal(0, EventCount(rig, MeterEventCode.OverCurrentL1));
        }

        [Fact]
        public void CrossingsUpAndDown_WithTheAlarmReportedAndCleared_AllocateNothing()
        {
            CountingSink sink = new CountingSink();
            MeterRig rig = Rig(sink);
            void Cycles()
            {
                for (int i = 0; i < 20; i++)
                {
                    rig.Current.Raw = 61000;
                    rig.Run(2);
                    rig.Current.Raw = 30000;
                    rig.Run(2);
                }
            }
            Cycles();
            int calls = sink.Calls;
            int events = rig.Engine.EventLog.CaptureCount;

            long allocated = Allocations.Least(Cycles, 3);

            Assert.True(sink.Calls - calls >= 20, (sink.Calls - calls) + " alarms");
            Assert.True(rig.Engine.EventLog.CaptureCount - events >= 40, (rig.Engine.EventLog.CaptureCount - events) + " events");
            Assert.Equal(0, rig.Engine.Automation.Runner.FailedActions);
            Assert.Equal(0, rig.Engine.StoreFailures);
            Assert.Equal(0, allocated);
        }

        private sealed class CountingSink : IAlarmSink
        {
            public int Calls;

            public void OnAlarm(uint raisedBits, uint alarmRegister)
            {
                Calls++;
            }
        }

        private sealed class ProbeSink : IAlarmSink
        {
            private readonly System.Action<uint, uint> _probe;

            public ProbeSink(System.Action<uint, uint> probe)
            {
                _probe = probe;
            }

            public int Calls;

            public void OnAlarm(uint raisedBits, uint alarmRegister)
            {
                Calls++;
                _probe(raisedBits, alarmRegister);
            }
        }
    }
}
