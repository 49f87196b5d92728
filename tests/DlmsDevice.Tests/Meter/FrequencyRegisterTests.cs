using System;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The frequency registers in the engine: 1.0.14.7.0.255 from the waveform or a frequency
    /// input, 0 without a wave, and the block average 1.0.14.27.0.255 at each load profile
    /// boundary; the simulated supply's waveform reads as a plausible grid.
    /// </summary>
    public class FrequencyRegisterTests
    {
        private const int Rate = 3200;

        private static MeterRig WaveformRig(FakeWaveformInput wave)
        {
            return new MeterRig(c => c.Frequency = new FrequencyChannel(wave)).Begin();
        }

        // Feeds 'seconds' of a 'hertz' wave, one second per tick.
        private static void Feed(MeterRig rig, FakeWaveformInput wave, double hertz, int seconds, ref double phase)
        {
            for (int s = 0; s < seconds; s++)
            {
                int[] samples = new int[Rate];
                for (int i = 0; i < Rate; i++)
                {
                    samples[i] = (int)Math.Round(2048 + 1500 * Math.Sin(phase));
                    phase += 2 * Math.PI * hertz / Rate;
                }
                wave.Add(samples);
                rig.Run(1);
            }
        }

        [Fact]
        public void Waveform_RegisterInCentihertz_ScalerMinus2Hertz()
        {
            FakeWaveformInput wave = new FakeWaveformInput(Rate);
            MeterRig rig = WaveformRig(wave);
            double phase = 0;

            Feed(rig, wave, 49.87, 3, ref phase);

            Assert.Equal(4987, rig.Engine.Frequency.Value.Integer);
            Assert.InRange(rig.Engine.FrequencyMilliHertz, 49869, 49871);
            Assert.Equal(MeterEngineProfileTests.N("02 02 0F FE 16 2C"), CosemTestKit.Get(rig.Engine.Frequency, 3));
            Assert.Equal("1-0:14.7.0*255", rig.Engine.Frequency.LogicalName.ToString());
            Assert.Equal("1-0:14.27.0*255", rig.Engine.AverageFrequency.LogicalName.ToString());
        }

        [Fact]
        public void Waveform_Gone_RegisterFallsTo0AfterTheTimeout()
        {
            FakeWaveformInput wave = new FakeWaveformInput(Rate);
            MeterRig rig = WaveformRig(wave);
            double phase = 0;
            Feed(rig, wave, 50, 3, ref phase);

            // No samples at all: 50 cycles at 50 Hz is 1 s; the timeout is 2 s + 1 s.
            rig.Run(3);
            Assert.Equal(5000, rig.Engine.Frequency.Value.Integer);
            rig.Run(1);

            Assert.Equal(0, rig.Engine.Frequency.Value.Integer);
            Feed(rig, wave, 50.1, 2, ref phase);
            Assert.Equal(5010, rig.Engine.Frequency.Value.Integer);
        }

        [Fact]
        public void Waveform_SamplesLost_RestartsWithoutAFalseValue()
        {
            FakeWaveformInput wave = new FakeWaveformInput(Rate);
            MeterRig rig = WaveformRig(wave);
            double phase = 0;
            Feed(rig, wave, 50.2, 2, ref phase);

            wave.LoseNext = true;
            rig.Run(1);
            phase += 1.234;
            Feed(rig, wave, 50.2, 3, ref phase);

            Assert.Equal(5020, rig.Engine.Frequency.Value.Integer);
        }

        [Fact]
        public void BlockAverage_PublishedAtTheLoadProfileBoundary_CyclesOverTime()
        {
            FakeWaveformInput wave = new FakeWaveformInput(Rate);
            MeterRig rig = new MeterRig(c =>
            {
                c.Frequency = new FrequencyChannel(wave);
                c.LoadProfilePeriodSeconds = 60;
            }).Begin();
            double phase = 0;
            // Start 10:07:00: the block ends at 10:08:00. 30 s at 49.8 Hz, 30 s at 50.2 Hz.
            Feed(rig, wave, 49.8, 30, ref phase);
            Feed(rig, wave, 50.2, 29, ref phase);
            Assert.Equal(0, rig.Engine.AverageFrequency.Value.Integer);
            Feed(rig, wave, 50.2, 1, ref phase);

            // The time-weighted mean of what was measured (the first second is the warm-up): 50.00 Hz.
            Assert.Equal(5000, rig.Engine.AverageFrequency.Value.Integer);
            // A measurement (50 cycles, ~1 s) counts in the block it ends in: the next block holds
            // the last second at 50.2 Hz (49.905 Hz), the one after only 49.9 Hz.
            Feed(rig, wave, 49.9, 60, ref phase);
            Assert.Equal(4991, rig.Engine.AverageFrequency.Value.Integer);
            Feed(rig, wave, 49.9, 60, ref phase);
            Assert.Equal(4990, rig.Engine.AverageFrequency.Value.Integer);
        }

        [Fact]
        public void BlockWithoutAWave_Average0()
        {
            FakeWaveformInput wave = new FakeWaveformInput(Rate);
            MeterRig rig = new MeterRig(c =>
            {
                c.Frequency = new FrequencyChannel(wave);
                c.LoadProfilePeriodSeconds = 60;
            }).Begin();

            rig.Run(120);

            Assert.Equal(0, rig.Engine.AverageFrequency.Value.Integer);
            Assert.Equal(0, rig.Engine.Frequency.Value.Integer);
        }

        [Fact]
        public void FrequencyInput_PeriodBetweenEdges_Microseconds()
        {
            FakeEdgeTimer edges = new FakeEdgeTimer();
            MeterRig rig = new MeterRig(c => c.Frequency = new FrequencyChannel(edges)).Begin();

            // 50 edges of 20 040 us (49.900 Hz) per tick.
            for (int s = 0; s < 4; s++)
            {
                edges.Edges(50, 20040);
                rig.Run(1);
            }

            Assert.Equal(4990, rig.Engine.Frequency.Value.Integer);
            Assert.InRange(rig.Engine.FrequencyMilliHertz, 49899, 49901);
        }

        [Fact]
        public void FrequencyInput_FewerEdgesThanACycleCount_WaitsForMore()
        {
            FakeEdgeTimer edges = new FakeEdgeTimer();
            MeterRig rig = new MeterRig(c => c.Frequency = new FrequencyChannel(edges)).Begin();
            edges.Edges(1, 20000);
            rig.Run(1);

            edges.Edges(30, 19800);
            rig.Run(1);
            Assert.Equal(0, rig.Engine.Frequency.Value.Integer);
            edges.Edges(20, 19800);
            rig.Run(1);

            // 50 cycles of 19.8 ms = 50.505 Hz.
            Assert.Equal(5051, rig.Engine.Frequency.Value.Integer);
        }

        [Fact]
        public void FrequencyInput_BouncingEdges_Rejected()
        {
            FakeEdgeTimer edges = new FakeEdgeTimer();
            MeterRig rig = new MeterRig(c => c.Frequency = new FrequencyChannel(edges)).Begin();
            edges.Edges(1, 20000);
            rig.Run(1);

            // Contact bounce: 150 edges in a second is no 50 Hz mains.
            edges.Edges(150, 6667);
            rig.Run(1);

            Assert.Equal(0, rig.Engine.Frequency.Value.Integer);
        }

        [Fact]
        public void NoFrequencyChannel_NoRegisters()
        {
            MeterRig rig = new MeterRig().Begin();

            Assert.Null(rig.Engine.Frequency);
            Assert.Null(rig.Engine.AverageFrequency);
            Assert.Equal(0, rig.Engine.FrequencyMilliHertz);
        }

        [Fact]
        public void SimulatedSupply_ReadsAPlausibleGrid()
        {
            SimulatedMeterHardware hardware = new SimulatedMeterHardware(new SimulatedMeterSettings());
            MeterConfiguration configuration = new MeterConfiguration(hardware.Clock) { Frequency = new FrequencyChannel(hardware.Waveform) };
            MeterEngine engine = new MeterEngine(configuration);
            engine.Start(null);
            long low = long.MaxValue;
            long high = 0;

            for (int s = 0; s < 1800; s++)
            {
                hardware.Advance(TimeSpan.FromSeconds(1));
                engine.Tick();
                if (s > 3)
                {
                    long mhz = engine.FrequencyMilliHertz;
                    low = Math.Min(low, mhz);
                    high = Math.Max(high, mhz);
                    // Each reading is the grid's frequency of the last second (it moves < 1 mHz a second).
                    Assert.InRange(mhz, (long)(hardware.Grid.FrequencyAt(hardware.Clock.TrueUtcTicks) * 1000) - 3, (long)(hardware.Grid.FrequencyAt(hardware.Clock.TrueUtcTicks) * 1000) + 3);
                }
            }

            Assert.InRange(low, 49900, 50000);
            Assert.InRange(high, 50000, 50100);
            Assert.True(high - low > 50, low + " .. " + high);
        }
    }
}
