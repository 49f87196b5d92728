using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using DataAccessResult = DlmsDevice.Stack.Cosem.DataAccessResult;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Alarm register 0.0.97.98.0.255, filter 0.0.97.98.10.255 and descriptor 0.0.97.98.20.255:
    /// filtered bits set on an occurrence, the descriptor latching every one, write 1 to clear,
    /// the alert hook, and all of it across a restart.
    /// </summary>
    public class MeterAlarmTests
    {
        private const uint Fraud = MeterAlarm.FraudAttempt;

        private static string Value(uint bits)
        {
            return MeterEngineProfileTests.N("06 " + bits.ToString("X8"));
        }

        [Fact]
        public void FirstStart_PowerUpRaised_EveryAlarmLetThrough()
        {
            TamperRig t = new TamperRig().Begin();

            Assert.Equal(Value(MeterAlarm.PowerUp), CosemTestKit.Get(t.Engine.Alarms.Register, 2));
            Assert.Equal(Value(uint.MaxValue), CosemTestKit.Get(t.Engine.Alarms.Filter, 2));
            Assert.Equal(Value(MeterAlarm.PowerUp), CosemTestKit.Get(t.Engine.Alarms.Descriptor, 2));
            Assert.Equal("0-0:97.98.0*255", t.Engine.Alarms.Register.LogicalName.ToString());
            Assert.Equal("0-0:97.98.10*255", t.Engine.Alarms.Filter.LogicalName.ToString());
            Assert.Equal("0-0:97.98.20*255", t.Engine.Alarms.Descriptor.LogicalName.ToString());
        }

        [Fact]
        public void Filter_OnlyFraudAttempt_RegisterGetsFraudDescriptorLatchesBoth()
        {
            TamperRig t = new TamperRig().Begin();
            RecordingAlarmSink sink = new RecordingAlarmSink();
            t.Engine.Alarms.Sink = sink;
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(t.Engine.Alarms.Register, 2, "06 FFFFFFFF"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(t.Engine.Alarms.Filter, 2, "06 00002000"));

            t.Magnet.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);

            Assert.Equal(Fraud, t.Engine.Alarms.RegisterBits);
            Assert.Equal(MeterAlarm.PowerUp | Fraud | MeterAlarm.StrongDcField, t.Engine.Alarms.DescriptorBits);
            Assert.Equal(new List<(uint, uint)> { (Fraud, Fraud) }, sink.Calls);
        }

        [Fact]
        public void Filter_Zero_NothingRegisteredNothingReported_DescriptorStillLatches()
        {
            TamperRig t = new TamperRig().Begin();
            RecordingAlarmSink sink = new RecordingAlarmSink();
            t.Engine.Alarms.Sink = sink;
            CosemTestKit.Set(t.Engine.Alarms.Filter, 2, "06 00000000");

            t.Rig.Cover.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);

            Assert.Equal(MeterAlarm.PowerUp, t.Engine.Alarms.RegisterBits);
            Assert.Equal(MeterAlarm.PowerUp | Fraud | MeterAlarm.TerminalCoverRemoved, t.Engine.Alarms.DescriptorBits);
            Assert.Empty(sink.Calls);
        }

        [Fact]
        public void Register_WriteBackWhatWasRead_ClearsExactlyThoseBits()
        {
            TamperRig t = new TamperRig().Begin();
            t.Magnet.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            string read = CosemTestKit.Get(t.Engine.Alarms.Register, 2);

            // A cover alarm between the read and the write-back must survive the acknowledgement.
            t.Rig.Cover.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(t.Engine.Alarms.Register, 2, read));

            Assert.Equal(Value(MeterAlarm.PowerUp | Fraud | MeterAlarm.StrongDcField), read);
            Assert.Equal(MeterAlarm.TerminalCoverRemoved, t.Engine.Alarms.RegisterBits);
            Assert.Equal(Value(MeterAlarm.TerminalCoverRemoved), CosemTestKit.Get(t.Engine.Alarms.Register, 2));
            // The descriptor is not cleared with the register: it keeps what was raised.
            Assert.Equal(MeterAlarm.PowerUp | Fraud | MeterAlarm.StrongDcField | MeterAlarm.TerminalCoverRemoved, t.Engine.Alarms.DescriptorBits);
        }

        [Fact]
        public void Descriptor_WriteABitMask_ClearsThoseBitsOnly()
        {
            TamperRig t = new TamperRig().Begin();
            t.Magnet.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);

            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(t.Engine.Alarms.Descriptor, 2, "06 00020004"));

            Assert.Equal(Fraud, t.Engine.Alarms.DescriptorBits);
            Assert.Equal(MeterAlarm.PowerUp | Fraud | MeterAlarm.StrongDcField, t.Engine.Alarms.RegisterBits);
        }

        [Fact]
        public void Write_WrongType_TypeUnmatchedNothingChanges()
        {
            TamperRig t = new TamperRig().Begin();

            Assert.Equal(DataAccessResult.TypeUnmatched, CosemTestKit.Set(t.Engine.Alarms.Register, 2, "12 0004"));
            Assert.Equal(DataAccessResult.TypeUnmatched, CosemTestKit.Set(t.Engine.Alarms.Filter, 2, "05 00000000"));

            Assert.Equal(MeterAlarm.PowerUp, t.Engine.Alarms.RegisterBits);
            Assert.Equal(uint.MaxValue, t.Engine.Alarms.FilterBits);
        }

        [Fact]
        public void Sink_ToldAfterTheEventRowIsReadable()
        {
            TamperRig t = new TamperRig().Begin();
            int rowsWhenTold = -1;
            ProbeSink sink = new ProbeSink(() => rowsWhenTold = t.Engine.EventLog.EntriesInUse);
            t.Engine.Alarms.Sink = sink;
            int before = t.Engine.EventLog.EntriesInUse;

            t.Rig.Cover.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);

            Assert.Equal(before + 1, rowsWhenTold);
        }

        [Fact]
        public void Restart_RegisterFilterDescriptorAndCountSurvive()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Cover.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            t.Rig.Cover.Drive(false, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            CosemTestKit.Set(t.Engine.Alarms.Register, 2, "06 00000004");
            CosemTestKit.Set(t.Engine.Alarms.Filter, 2, "06 00FF2004");
            uint register = t.Engine.Alarms.RegisterBits;
            uint descriptor = t.Engine.Alarms.DescriptorBits;

            t.Rig.Restart();

            // The restart's power-up is raised again (it passes the filter).
            Assert.Equal(register | MeterAlarm.PowerUp, t.Engine.Alarms.RegisterBits);
            Assert.Equal(0x00FF2004u, t.Engine.Alarms.FilterBits);
            Assert.Equal(descriptor, t.Engine.Alarms.DescriptorBits);
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
        }

        private sealed class ProbeSink : IAlarmSink
        {
            private readonly System.Action _probe;

            public ProbeSink(System.Action probe)
            {
                _probe = probe;
            }

            public void OnAlarm(uint raisedBits, uint alarmRegister)
            {
                _probe();
            }
        }
    }
}
