using System.Linq;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Each theft detection in the standard layout: its occurrence and restoration event with the
    /// code and the time the persistence ran out, its count and alarm bits, and the edges of its
    /// thresholds and persistence times (just below, just above, too short). Ticks are 1 s and
    /// every tick publishes its own sample (1 s averaging windows; the first window closes at the
    /// second tick), so a condition set before tick N is judged from tick N and becomes an
    /// occurrence at tick N + 60.
    /// </summary>
    public class TamperDetectionTests
    {
        private const uint PowerUp = MeterAlarm.PowerUp;

        [Fact]
        public void ReverseFlow_NegativeSignedPower_OccurrenceAfter60sRestorationAfter60s()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Run(10);

            t.Power.Raw = -500;
            t.Rig.Run(60);
            Assert.Equal(new long[] { 2 }, t.Codes());
            t.Rig.Run(1);
            string occurred = t.Now;
            t.Power.Raw = 400;
            t.Rig.Run(60);
            Assert.Single(t.Codes(1));
            t.Rig.Run(1);

            Assert.Equal(new[] { (occurred, 230L), (t.Now, 231L) }, TamperRig.Events(t.Engine.EventLog).Skip(1));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
            Assert.Equal(PowerUp | MeterAlarm.FraudAttempt | MeterAlarm.ReverseFlow, t.Engine.Alarms.RegisterBits);
            Assert.False(t.Engine.IsTamperActive(MeterEngine.TamperReverseFlow));
        }

        [Fact]
        public void ReverseFlow_ExportPulsesOnAnImportOnlyInstallation_Occurrence()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Run(5);

            // 1 Wh every 10 s = 360 W out.
            for (int i = 0; i < 9; i++)
            {
                t.Rig.PulseExport(1);
                t.Rig.Run(10);
            }

            Assert.Equal(360, t.Engine.ActivePowerExportWatts, 3);
            Assert.Equal(new long[] { 230 }, t.Codes(1));
            Assert.True(t.Engine.IsTamperActive(MeterEngine.TamperReverseFlow));
        }

        [Fact]
        public void ReverseFlow_NetMeteringInstallation_NotATamper()
        {
            TamperRig t = new TamperRig(configure: c => c.Tamper.ReverseFlowIsTamper = false).Begin();

            t.Power.Raw = -2000;
            t.Rig.Run(300);

            Assert.Empty(t.Codes(1));
        }

        [Theory]
        [InlineData(-19, false)]
        [InlineData(-20, true)]
        [InlineData(-21, true)]
        public void ReverseFlow_Threshold20Watts_AtOrAboveIsReverse(int watts, bool reverse)
        {
            TamperRig t = new TamperRig().Begin();

            t.Power.Raw = watts;
            t.Rig.Run(120);

            Assert.Equal(reverse ? new long[] { 230 } : new long[0], t.Codes(1));
        }

        [Theory]
        [InlineData(4.51, false)]
        [InlineData(4.49, true)]
        [InlineData(5.51, false)]
        [InlineData(5.60, true)]
        public void CurrentMismatch_10PercentOfTheLarger_JustBelowAndJustAbove(double neutral, bool mismatch)
        {
            TamperRig t = new TamperRig().Begin();

            // 5 A phase: 10 % of the larger is 0.5 A (neutral 4.5 A), or 0.55 A of a 5.5 A neutral.
            t.Currents(5.0, neutral);
            t.Rig.Run(120);

            Assert.Equal(mismatch ? new long[] { 232 } : new long[0], t.Codes(1));
        }

        [Fact]
        public void CurrentMismatch_BelowTheMinimumCurrent_NotJudged()
        {
            TamperRig t = new TamperRig().Begin();

            // 0.249 A against 0: 100 % apart, but below the 0.25 A one of them must reach to be judged.
            t.Currents(0.249, 0);
            t.Rig.Run(120);
            Assert.Empty(t.Codes(1));
            t.Currents(0.25, 0);
            t.Rig.Run(61);

            Assert.Equal(new long[] { 232 }, t.Codes(1));
        }

        [Fact]
        public void CurrentMismatch_59SecondsThenBalanced_TooShortNothingLogged()
        {
            TamperRig t = new TamperRig().Begin();

            t.Currents(5, 3);
            t.Rig.Run(60);
            t.Currents(5, 5);
            t.Rig.Run(120);

            Assert.Empty(t.Codes(1));
            Assert.Equal(0, t.Engine.TamperCount.Value.Integer);
            Assert.Equal(PowerUp, t.Engine.Alarms.RegisterBits);
        }

        [Fact]
        public void CurrentMismatch_RestorationNeedsTheFullRestorationTime()
        {
            TamperRig t = new TamperRig().Begin();
            // The first 1 s window closes at the second tick.
            t.Rig.Run(2);
            t.Currents(5, 3);
            t.Rig.Run(61);
            Assert.Equal(new long[] { 232 }, t.Codes(1));

            // Balanced for 59 s, mismatched again: still the same occurrence, no restoration.
            t.Currents(5, 5);
            t.Rig.Run(60);
            t.Currents(5, 3);
            t.Rig.Run(5);
            t.Currents(5, 5);
            t.Rig.Run(61);

            Assert.Equal(new long[] { 232, 233 }, t.Codes(1));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
        }

        [Fact]
        public void CurrentWithoutVoltage_CurrentFlowsVoltageGone_OccurrenceAndRestoration()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Run(5);

            t.Volts(0);
            t.Currents(2, 2);
            t.Rig.Run(61);
            t.Volts(230);
            t.Rig.Run(61);

            // The voltage quality events come at once (missing, normal); the tamper after 60 s each way.
            Assert.Equal(new long[] { 82, 234, 85, 235 }, t.Codes(1));
            Assert.Equal(PowerUp | MeterAlarm.FraudAttempt | MeterAlarm.CurrentWithoutVoltage, t.Engine.Alarms.RegisterBits);
        }

        [Theory]
        [InlineData(0.24, 0, false)]
        [InlineData(0.25, 0, true)]
        [InlineData(0.25, 45.9, true)]
        [InlineData(0.25, 46.1, false)]
        public void CurrentWithoutVoltage_Thresholds_025AmperesAnd46Volts(double amperes, double volts, bool tamper)
        {
            TamperRig t = new TamperRig().Begin();

            t.Volts(volts);
            t.Currents(amperes, amperes);
            t.Rig.Run(120);

            Assert.Equal(tamper, t.Codes(1).Contains(234));
        }

        [Fact]
        public void CurrentWithoutVoltage_NoCurrent_ASupplyFailureNotATamper()
        {
            TamperRig t = new TamperRig().Begin();

            t.Volts(0);
            t.Rig.Run(300);

            Assert.Equal(new long[] { 82 }, t.Codes(1));
        }

        [Fact]
        public void PowerFailInputActive_NothingJudged()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Run(2);

            t.Rig.PowerFail.Drive(true, t.Rig.Clock.Utc);
            t.Volts(0);
            t.Currents(3, 1);
            t.Power.Raw = -300;
            t.Rig.Run(300);

            Assert.Equal(new long[] { 1 }, t.Codes(1));
        }

        [Fact]
        public void Magnet_EdgesAreTheEvents_CountAndAlarmOnTheOccurrence()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Run(3);

            t.Magnet.Drive(true, MeterRig.At(10, 7, 4));
            t.Rig.Run(1);
            t.Magnet.Drive(false, MeterRig.At(10, 7, 5));
            t.Rig.Run(1);

            Assert.Equal(new[] { (t.Rig.DateTimeHex(MeterRig.At(10, 7, 4)), 42L), (t.Rig.DateTimeHex(MeterRig.At(10, 7, 5)), 43L) },
                TamperRig.Events(t.Engine.EventLog).Skip(1));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
            Assert.Equal(PowerUp | MeterAlarm.FraudAttempt | MeterAlarm.StrongDcField, t.Engine.Alarms.RegisterBits);
        }

        [Fact]
        public void Cover_OpenTwice_CountedTwiceWithTheCoverAlarm()
        {
            TamperRig t = new TamperRig().Begin();

            for (int i = 0; i < 4; i++)
            {
                t.Rig.Cover.Drive(i % 2 == 0, t.Rig.Clock.Utc);
                t.Rig.Run(1);
            }

            Assert.Equal(new long[] { 40, 41, 40, 41 }, t.Codes(1));
            Assert.Equal(2, t.Engine.TamperCount.Value.Integer);
            Assert.Equal(MeterEngineProfileTests.N("12 0002"), CosemTestKit.Get(t.Engine.TamperCount, 2));
            Assert.Equal(PowerUp | MeterAlarm.FraudAttempt | MeterAlarm.TerminalCoverRemoved, t.Engine.Alarms.RegisterBits);
        }

        [Fact]
        public void AllDetections_TogetherAndApart_EachCountedOnce()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Run(2);

            t.Magnet.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Cover.Drive(true, t.Rig.Clock.Utc);
            t.Currents(5, 2);
            t.Power.Raw = -1000;
            t.Rig.Run(61);
            t.Volts(0);
            t.Rig.Run(61);

            Assert.Equal(new long[] { 42, 40, 230, 232, 82, 234 }, t.Codes(1));
            Assert.Equal(5, t.Engine.TamperCount.Value.Integer);
            Assert.Equal(PowerUp | MeterAlarm.FraudAttempt | MeterAlarm.TerminalCoverRemoved | MeterAlarm.StrongDcField
                | MeterAlarm.ReverseFlow | MeterAlarm.CurrentMismatch | MeterAlarm.CurrentWithoutVoltage, t.Engine.Alarms.RegisterBits);
            for (int d = 0; d < MeterEngine.TamperDetections; d++)
            {
                Assert.True(t.Engine.IsTamperActive(d));
            }
        }

        [Fact]
        public void TamperSettings_OutOfRange_ConfigurationRefused()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new TamperRig(configure: c => c.Tamper.CurrentMismatchPercent = 100));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new TamperRig(configure: c => c.Tamper.RestorationSeconds = -1));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new TamperRig(configure: c => c.CategoryLogEntries = new[] { 1, 1, 1 }));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new TamperRig(configure: c => c.CategoryLogEntries = new[] { 1, 1, 1, 1, 0, 1, 1 }));
        }
    }
}
