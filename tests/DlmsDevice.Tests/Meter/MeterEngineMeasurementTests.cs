using DlmsDevice.Meter;
using DlmsDevice.Tests.Cosem;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>Engine arithmetic against hand-computed values: pulses to Wh and W, ADC to V and A, S and PF.</summary>
    public class MeterEngineMeasurementTests
    {
        [Fact]
        public void Pulses_MeterConstant1600_EnergyExactWithTheRemainderCarried()
        {
            MeterRig rig = new MeterRig(impulsesPerKwh: 1600).Begin();

            rig.Pulse(3);
            rig.Run(1);
            long afterThree = rig.Engine.LiveEnergyImportMilliWh;
            rig.Pulse(5);
            rig.Run(1);

            // 1600 imp/kWh = 0.625 Wh per pulse: 3 pulses 1.875 Wh, 8 pulses exactly 5 Wh.
            Assert.Equal(1875, afterThree);
            Assert.Equal(5000, rig.Engine.LiveEnergyImportMilliWh);
        }

        [Fact]
        public void EnergyRegister_ShowsTheLastCheckpointOnly()
        {
            MeterRig rig = new MeterRig().Begin();

            rig.Pulse(9);
            rig.Run(1);
            long beforeThreshold = rig.Engine.ActiveEnergyImport.Value.Integer;
            rig.Pulse(1);
            rig.Run(1);

            // Policy: 10 Wh (1000 imp/kWh: 10 pulses) since the last checkpoint.
            Assert.Equal(0, beforeThreshold);
            Assert.Equal(10, rig.Engine.ActiveEnergyImport.Value.Integer);
            Assert.Equal(10_000, rig.Engine.PublishedEnergyImportMilliWh);
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F 00 16 1E"), CosemTestKit.Get(rig.Engine.ActiveEnergyImport, 3));
        }

        [Fact]
        public void EnergyRegister_CheckpointIntervalPublishesASmallAmount()
        {
            MeterRig rig = new MeterRig(c => c.CheckpointIntervalSeconds = 60).Begin();

            rig.Pulse(3);
            rig.Run(59);
            long early = rig.Engine.ActiveEnergyImport.Value.Integer;
            rig.Run(1);

            Assert.Equal(0, early);
            Assert.Equal(3, rig.Engine.ActiveEnergyImport.Value.Integer);
        }

        [Fact]
        public void ExportPulses_CountIntoTheExportRegister()
        {
            MeterRig rig = new MeterRig().Begin();

            rig.PulseExport(12);
            rig.Run(1);

            Assert.Equal(12, rig.Engine.ActiveEnergyExport.Value.Integer);
            Assert.Equal(0, rig.Engine.ActiveEnergyImport.Value.Integer);
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F 00 16 1E"), CosemTestKit.Get(rig.Engine.ActiveEnergyExport, 3));
        }

        [Fact]
        public void Power_TenPulsesIn36Seconds_1000WattsThenDecaysThenZero()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Pulse(1);
            rig.Engine.Tick();
            double first = rig.Engine.ActivePowerImportWatts;

            rig.Run(36);
            rig.Pulse(10);
            rig.Engine.Tick();
            long rate = rig.Engine.ActivePowerImport.Value.Integer;
            rig.Run(72);
            long decayed = rig.Engine.ActivePowerImport.Value.Integer;
            rig.Run(3600);

            // 10 pulses x 1 Wh in 36 s = 10 Wh x 3600 / 36 s = 1000 W.
            Assert.Equal(0, first);
            Assert.Equal(1000, rate);
            // 72 s after the last pulse at most 1 Wh / 72 s = 50 W can be flowing.
            Assert.Equal(50, decayed);
            Assert.Equal(0, rig.Engine.ActivePowerImport.Value.Integer);
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F 00 16 1B"), CosemTestKit.Get(rig.Engine.ActivePowerImport, 3));
        }

        [Fact]
        public void Power_RelayOpened_ZeroAtOnceAndANewReferenceAfterwards()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Pulse(1);
            rig.Engine.Tick();
            rig.Run(36);
            rig.Pulse(10);
            rig.Engine.Tick();
            long before = rig.Engine.ActivePowerImport.Value.Integer;

            rig.Engine.Disconnect.RemoteDisconnect();
            rig.Engine.Tick();
            long open = rig.Engine.ActivePowerImport.Value.Integer;
            rig.Engine.Disconnect.RemoteReconnect();
            rig.Run(100);
            rig.Pulse(1);
            rig.Engine.Tick();
            long firstAfter = rig.Engine.ActivePowerImport.Value.Integer;
            rig.Run(18);
            rig.Pulse(1);
            rig.Engine.Tick();

            Assert.Equal(1000, before);
            Assert.Equal(0, open);
            // The first pulse after reconnecting only sets the reference (the gap is not a rate).
            Assert.Equal(0, firstAfter);
            // 1 Wh in 18 s = 200 W.
            Assert.Equal(200, rig.Engine.ActivePowerImport.Value.Integer);
        }

        [Fact]
        public void Voltage_ThreeSamplesInOneWindow_MeanPublishedWithScaler()
        {
            MeterRig rig = new MeterRig().Begin();

            rig.Voltage.Raw = 22000;
            rig.Run(0.5, 500);
            rig.Voltage.Raw = 23000;
            rig.Run(0.5, 500);
            long beforeWindowEnd = rig.Engine.Voltage!.Value.Integer;
            rig.Voltage.Raw = 24050;
            rig.Run(0.5, 500);

            // Gain 0.01 V/count: 220.00, 230.00, 240.50 V; the window (1000 ms from the first
            // sample) closes at the third: mean 230.1666 V -> 2302 x 0.1 V.
            Assert.Equal(0, beforeWindowEnd);
            Assert.Equal(2302, rig.Engine.Voltage.Value.Integer);
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F FF 16 23"), CosemTestKit.Get(rig.Engine.Voltage, 3));
        }

        [Fact]
        public void Current_GainAndOffset_AmperesWithScalerMinus2()
        {
            MeterRig rig = new MeterRig(c => c.Current = new AnalogChannel(c.Current!.Input, AnalogQuantity.Current, 0.002, 0.05, DlmsDevice.Stack.Cosem.Unit.Ampere, -2)).Begin();
            rig.Current.Raw = 2500;

            rig.Run(2);

            // 2500 x 0.002 + 0.05 = 5.05 A -> 505 x 0.01 A.
            Assert.Equal(505, rig.Engine.Current!.Value.Integer);
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F FE 16 21"), CosemTestKit.Get(rig.Engine.Current, 3));
        }

        [Fact]
        public void ApparentPowerAndPowerFactor_FromVoltageCurrentAndPulseRate()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Voltage.Raw = 23000;
            rig.Current.Raw = 5000;
            rig.Pulse(1);
            rig.Engine.Tick();

            rig.Run(36);
            rig.Pulse(10);
            rig.Engine.Tick();

            // S = 230 V x 5 A = 1150 VA; P = 1000 W; PF = 1000 / 1150 = 0.8696 -> 870 x 0.001.
            Assert.Equal(1150, rig.Engine.ApparentPower!.Value.Integer);
            Assert.Equal(870, rig.Engine.PowerFactor!.Value.Integer);
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F 00 16 1C"), CosemTestKit.Get(rig.Engine.ApparentPower, 3));
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F FD 16 FF"), CosemTestKit.Get(rig.Engine.PowerFactor, 3));
        }

        [Fact]
        public void PowerFactor_NoCurrent_Unity()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Current.Raw = 0;

            rig.Run(2);

            Assert.Equal(0, rig.Engine.ApparentPower!.Value.Integer);
            Assert.Equal(1000, rig.Engine.PowerFactor!.Value.Integer);
        }

        [Fact]
        public void NoAnalogChannels_NoVoltageCurrentApparentOrPowerFactorRegisters()
        {
            MeterRig rig = new MeterRig(c =>
            {
                c.Voltage = null;
                c.Current = null;
            }).Begin();

            rig.Run(2);

            Assert.Null(rig.Engine.Voltage);
            Assert.Null(rig.Engine.Current);
            Assert.Null(rig.Engine.ApparentPower);
            Assert.Null(rig.Engine.PowerFactor);
            Assert.Equal(3, rig.Engine.LoadProfile.CaptureObjectCount);
        }
    }
}
