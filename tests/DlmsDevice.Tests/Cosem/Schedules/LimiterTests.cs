using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem.Schedules
{
    /// <summary>
    /// Limiter (IC 71): over the threshold for min_over runs action_over once, under it for
    /// min_under afterwards runs action_under once; interruptions restart the durations; the
    /// emergency profile changes the threshold in force; SET checked.
    /// </summary>
    public sealed class LimiterTests
    {
        private static readonly ObisCode Name = new ObisCode(0, 0, 17, 0, 0, 255);

        private static string N(string hex) => Hex.Format(Hex.Parse(hex));

        // Watches the register (W) with normal 1000, emergency 300, 60 s over, 30 s under;
        // over writes 1 into the Data object, under writes 2.
        private static (ScheduleTestKit Kit, Limiter Limiter) Create()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            table.AddAction(1, ScriptRunner.WriteAttribute, CosemClassId.Data, ScheduleTestKit.DataName, 2, Hex.Parse("12 00 01"));
            table.AddAction(2, ScriptRunner.WriteAttribute, CosemClassId.Data, ScheduleTestKit.DataName, 2, Hex.Parse("12 00 02"));
            Limiter limiter = kit.Add(new Limiter(Name, kit.Runner));
            limiter.Configure(CosemClassId.Register, ScheduleTestKit.RegisterName, 2, DataType.DoubleLongUnsigned, 1000, 300, 60, 30);
            limiter.SetActions(ScheduleTestKit.TableName, 1, ScheduleTestKit.TableName, 2);
            return (kit, limiter);
        }

        private static readonly long Noon = ScheduleTestKit.At(2026, 3, 2, 12, 0);

        [Fact]
        public void Attributes_Configured_BlueBookEncodings()
        {
            (_, Limiter l) = Create();

            Assert.Equal(N("02 03 12 00 03 09 06 01 00 01 08 00 FF 0F 02"), CosemTestKit.Get(l, Limiter.Attributes.MonitoredValue));
            Assert.Equal(N("06 00 00 03 E8"), CosemTestKit.Get(l, Limiter.Attributes.ThresholdActive));
            Assert.Equal(N("06 00 00 03 E8"), CosemTestKit.Get(l, Limiter.Attributes.ThresholdNormal));
            Assert.Equal(N("06 00 00 01 2C"), CosemTestKit.Get(l, Limiter.Attributes.ThresholdEmergency));
            Assert.Equal(N("06 00 00 00 3C"), CosemTestKit.Get(l, Limiter.Attributes.MinOverThresholdDuration));
            Assert.Equal(N("06 00 00 00 1E"), CosemTestKit.Get(l, Limiter.Attributes.MinUnderThresholdDuration));
            Assert.Equal(N("02 03 12 00 00 09 0C FF FF FF FF FF FF FF FF FF 80 00 FF 06 00 00 00 00"), CosemTestKit.Get(l, Limiter.Attributes.EmergencyProfile));
            Assert.Equal("01 00", CosemTestKit.Get(l, Limiter.Attributes.EmergencyProfileGroupIdList));
            Assert.Equal("03 00", CosemTestKit.Get(l, Limiter.Attributes.EmergencyProfileActive));
            Assert.Equal(N("02 02 02 02 09 06 00 00 0A 00 64 FF 12 00 01 02 02 09 06 00 00 0A 00 64 FF 12 00 02"), CosemTestKit.Get(l, Limiter.Attributes.Actions));
            Assert.Equal(71, l.ClassId);
            Assert.Equal(11, l.AttributeCount);
        }

        [Fact]
        public void Evaluate_OverForMinOver_ThenUnderForMinUnder_EachActionOnce()
        {
            (ScheduleTestKit kit, Limiter l) = Create();
            kit.Register.Value.SetInteger(1500);

            Assert.Equal(LimiterEvent.None, l.Evaluate(0, Noon));
            Assert.Equal(LimiterEvent.None, l.Evaluate(59_999, Noon));
            Assert.Equal(LimiterEvent.OverThreshold, l.Evaluate(60_000, Noon));
            Assert.Equal(1, kit.Data.Value.Integer);
            Assert.True(l.Tripped);
            Assert.Equal(LimiterEvent.None, l.Evaluate(90_000, Noon));   // still over: nothing more

            kit.Register.Value.SetInteger(0);
            Assert.Equal(LimiterEvent.None, l.Evaluate(100_000, Noon));
            Assert.Equal(LimiterEvent.None, l.Evaluate(129_999, Noon));
            Assert.Equal(LimiterEvent.UnderThreshold, l.Evaluate(130_000, Noon));
            Assert.Equal(2, kit.Data.Value.Integer);
            Assert.False(l.Tripped);
            Assert.Equal(2, kit.Runner.ActionsRun);
        }

        [Fact]
        public void Evaluate_InterruptedOverload_DurationRestarts()
        {
            (ScheduleTestKit kit, Limiter l) = Create();
            kit.Register.Value.SetInteger(1500);
            l.Evaluate(0, Noon);
            kit.Register.Value.SetInteger(1000);          // equal: not over
            l.Evaluate(30_000, Noon);
            kit.Register.Value.SetInteger(1500);
            Assert.Equal(LimiterEvent.None, l.Evaluate(40_000, Noon));
            Assert.Equal(LimiterEvent.None, l.Evaluate(99_999, Noon));
            Assert.Equal(LimiterEvent.OverThreshold, l.Evaluate(100_000, Noon));
        }

        [Fact]
        public void EmergencyProfile_ActiveWithinItsWindow_ThresholdEmergencyInForce()
        {
            (ScheduleTestKit kit, Limiter l) = Create();
            // Profile 7 from 2026-03-02 12:00 for one hour; group list 5, 7.
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(l, Limiter.Attributes.EmergencyProfile,
                "02 03 12 00 07 09 0C 07 EA 03 02 FF 0C 00 00 00 80 00 FF 06 00 00 0E 10"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(l, Limiter.Attributes.EmergencyProfileGroupIdList, "01 02 12 00 05 12 00 07"));
            kit.Register.Value.SetInteger(500);
            int changes = l.ThresholdChanges;

            l.Evaluate(0, Noon - System.TimeSpan.TicksPerSecond);
            Assert.False(l.EmergencyProfileActive);
            l.Evaluate(1000, Noon);
            Assert.True(l.EmergencyProfileActive);
            Assert.Equal(N("06 00 00 01 2C"), CosemTestKit.Get(l, Limiter.Attributes.ThresholdActive));
            Assert.Equal("03 01", CosemTestKit.Get(l, Limiter.Attributes.EmergencyProfileActive));
            Assert.Equal(LimiterEvent.OverThreshold, l.Evaluate(61_000, Noon + System.TimeSpan.TicksPerMinute));
            l.Evaluate(62_000, Noon + System.TimeSpan.TicksPerHour);
            Assert.False(l.EmergencyProfileActive);
            Assert.Equal(N("06 00 00 03 E8"), CosemTestKit.Get(l, Limiter.Attributes.ThresholdActive));
            Assert.Equal(changes + 2, l.ThresholdChanges);
        }

        [Fact]
        public void EmergencyProfile_IdNotInTheGroupList_NotActive()
        {
            (ScheduleTestKit kit, Limiter l) = Create();
            CosemTestKit.Set(l, Limiter.Attributes.EmergencyProfile, "02 03 12 00 07 09 0C 07 EA 03 02 FF 0C 00 00 00 80 00 FF 06 00 00 0E 10");
            CosemTestKit.Set(l, Limiter.Attributes.EmergencyProfileGroupIdList, "01 01 12 00 05");
            l.Evaluate(0, Noon);
            Assert.False(l.EmergencyProfileActive);
        }

        [Theory]
        [InlineData(Limiter.Attributes.ThresholdActive, "06 00 00 00 01", DataAccessResult.ReadWriteDenied)]
        [InlineData(Limiter.Attributes.EmergencyProfileActive, "03 01", DataAccessResult.ReadWriteDenied)]
        [InlineData(Limiter.Attributes.ThresholdNormal, "09 02 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData(Limiter.Attributes.MinOverThresholdDuration, "12 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData(Limiter.Attributes.EmergencyProfile, "02 03 12 00 07 09 0B 07 EA 03 02 FF 0C 00 00 00 80 00 06 00 00 0E 10", DataAccessResult.TypeUnmatched)]
        [InlineData(Limiter.Attributes.EmergencyProfileGroupIdList, "01 05 12 00 01 12 00 02 12 00 03 12 00 04 12 00 05", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(Limiter.Attributes.Actions, "02 01 02 02 09 06 00 00 0A 00 64 FF 12 00 01", DataAccessResult.TypeUnmatched)]
        public void Set_Refused_Unchanged(int attribute, string value, DataAccessResult expected)
        {
            (_, Limiter l) = Create();
            string before = CosemTestKit.Get(l, attribute);

            Assert.Equal(expected, CosemTestKit.Set(l, attribute, value));

            Assert.Equal(before, CosemTestKit.Get(l, attribute));
        }

        [Fact]
        public void Set_ThresholdNormal_CountsAsAChangeAndApplies()
        {
            (ScheduleTestKit kit, Limiter l) = Create();
            int changes = l.ThresholdChanges;
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(l, Limiter.Attributes.ThresholdNormal, "06 00 00 00 64"));
            Assert.Equal(changes + 1, l.ThresholdChanges);
            kit.Register.Value.SetInteger(150);
            l.Evaluate(0, Noon);
            Assert.Equal(N("06 00 00 00 64"), CosemTestKit.Get(l, Limiter.Attributes.ThresholdActive));
            Assert.Equal(LimiterEvent.OverThreshold, l.Evaluate(60_000, Noon));
        }
    }
}
