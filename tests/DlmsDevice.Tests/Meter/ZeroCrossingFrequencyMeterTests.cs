using System;
using System.Collections.Generic;
using DlmsDevice.Meter;
using Xunit.Abstractions;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The frequency from the zero crossings of synthetic waveforms (12-bit samples on a
    /// mid-scale bias, Gaussian noise): 50.00, 49.50 and 51.00 Hz, the accuracy figure of
    /// docs/tamper.md, and the detector's guards (no wave, noise only, a gap, chunking).
    /// </summary>
    public class ZeroCrossingFrequencyMeterTests
    {
        private const int Rate = 3200;
        private readonly ITestOutputHelper _output;

        public ZeroCrossingFrequencyMeterTests(ITestOutputHelper output)
        {
            _output = output;
        }

        // Every measurement (50 cycles) of 20 s of the wave.
        private static List<long> Measure(int[] samples, int rate = Rate, int cycles = 50, int chunk = 256, int hysteresis = 0)
        {
            ZeroCrossingFrequencyMeter meter = new ZeroCrossingFrequencyMeter(rate, 50, cycles, hysteresis);
            List<long> values = new List<long>();
            int seen = 0;
            for (int i = 0; i < samples.Length; i += chunk)
            {
                meter.Process(samples, i, Math.Min(chunk, samples.Length - i));
                if (meter.Measurements != seen)
                {
                    seen = meter.Measurements;
                    values.Add(meter.LastMilliHertz);
                }
            }
            return values;
        }

        [Theory]
        [InlineData(50.00)]
        [InlineData(49.50)]
        [InlineData(51.00)]
        public void CleanSine_EveryMeasurementWithinAMillihertz(double hertz)
        {
            int[] samples = FrequencyTestSignals.Sine(hertz, Rate, 20);

            List<long> values = Measure(samples);

            Assert.InRange(values.Count, 17, 20);
            long expected = (long)Math.Round(hertz * 1000);
            Assert.All(values, v => Assert.InRange(v, expected - 1, expected + 1));
        }

        [Theory]
        [InlineData(50.00, 1)]
        [InlineData(49.50, 2)]
        [InlineData(51.00, 3)]
        public void NoisySineWithOffset_EveryMeasurementWithinFiveMillihertz(double hertz, int seed)
        {
            // Noise 9 counts RMS (0.5 % of the 1800-count amplitude), bias 1500 instead of mid-scale.
            int[] samples = FrequencyTestSignals.Sine(hertz, Rate, 60, amplitude: 1400, offset: 1500, noise: 9, seed: seed);

            List<long> values = Measure(samples);

            long expected = (long)Math.Round(hertz * 1000);
            long worst = 0;
            foreach (long v in values)
            {
                worst = Math.Max(worst, Math.Abs(v - expected));
            }
            _output.WriteLine(hertz + " Hz: " + values.Count + " measurements, worst error " + worst + " mHz");
            Assert.InRange(values.Count, (int)(hertz * 60 / 50) - 2, (int)(hertz * 60 / 50));
            Assert.InRange(worst, 0, 5);
        }

        [Fact]
        public void TotalsOfARun_AreItsCyclesAndTimeExactly()
        {
            int[] samples = FrequencyTestSignals.Sine(49.5, Rate, 10);
            ZeroCrossingFrequencyMeter meter = new ZeroCrossingFrequencyMeter(Rate, 50, 50, 0);

            meter.Process(samples, 0, samples.Length);

            // 49.5 cycles/s for ~10 s less the warm-up: 9 measurements of 50 cycles.
            Assert.Equal(9, meter.Measurements);
            Assert.Equal(450, meter.TotalCycles);
            Assert.InRange(ZeroCrossingFrequencyMeter.MilliHertz(meter.TotalCycles, meter.TotalNanoseconds), 49499, 49501);
            meter.ClearTotals();
            Assert.Equal(0, meter.TotalCycles);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(256)]
        public void ChunkSize_DoesNotChangeTheResult(int chunk)
        {
            int[] samples = FrequencyTestSignals.Sine(50.03, Rate, 5, noise: 5);
            ZeroCrossingFrequencyMeter whole = new ZeroCrossingFrequencyMeter(Rate, 50, 50, 0);
            ZeroCrossingFrequencyMeter pieces = new ZeroCrossingFrequencyMeter(Rate, 50, 50, 0);

            whole.Process(samples, 0, samples.Length);
            for (int i = 0; i < samples.Length; i += chunk)
            {
                pieces.Process(samples, i, Math.Min(chunk, samples.Length - i));
            }

            Assert.Equal(4, whole.Measurements);
            Assert.Equal(whole.Measurements, pieces.Measurements);
            Assert.Equal(whole.LastMilliHertz, pieces.LastMilliHertz);
            Assert.Equal(whole.TotalNanoseconds, pieces.TotalNanoseconds);
        }

        [Fact]
        public void NoiseWithoutAWave_NoMeasurement()
        {
            // A missing voltage: the bias and 9 counts of noise. Noise crosses its mean at random,
            // far faster than a mains cycle: every "cycle" is rejected.
            int[] samples = FrequencyTestSignals.Sine(50, Rate, 10, amplitude: 0, noise: 9);

            Assert.Empty(Measure(samples));
        }

        [Fact]
        public void FlatInput_NoMeasurement()
        {
            Assert.Empty(Measure(new int[Rate * 5]));
        }

        [Fact]
        public void WaveStopsAndComesBack_MeasuresAgainAfterTheGap()
        {
            int[] wave = FrequencyTestSignals.Sine(50.2, Rate, 3);
            int[] flat = new int[Rate * 2];
            Array.Fill(flat, 2048);
            int[] back = FrequencyTestSignals.Sine(50.2, Rate, 3.5, phase: 1.1);
            int[] samples = new int[wave.Length + flat.Length + back.Length];
            wave.CopyTo(samples, 0);
            flat.CopyTo(samples, wave.Length);
            back.CopyTo(samples, wave.Length + flat.Length);

            List<long> values = Measure(samples);

            // 2 measurements in the first 3 s (warm-up 40 ms, 148 cycles), none in the gap, 3 in
            // the 3.5 s after it (175 cycles). The wave comes back at another phase, rising from its mean:
            // that jump is no crossing (the detector was armed before the gap), and no short
            // cycle spoils the first measurement after it.
            Assert.Equal(5, values.Count);
            Assert.All(values, v => Assert.InRange(v, 50199, 50201));
        }

        [Fact]
        public void Restart_ALossOfSamples_StartsANewRunWithoutAFalseCycle()
        {
            int[] samples = FrequencyTestSignals.Sine(50, Rate, 4);
            ZeroCrossingFrequencyMeter meter = new ZeroCrossingFrequencyMeter(Rate, 50, 50, 0);

            meter.Process(samples, 0, 1000);
            meter.Restart();
            // 317 samples lost: the next ones are not continuous with the first run.
            meter.Process(samples, 1317, samples.Length - 1317);

            // Warm-up again (40 ms), then 3.55 s = 177 cycles: 3 measurements, none from the first 0.3 s.
            Assert.Equal(3, meter.Measurements);
            Assert.InRange(meter.LastMilliHertz, 49999, 50001);
        }

        [Fact]
        public void FixedHysteresisAboveThePeak_NeverArms()
        {
            int[] samples = FrequencyTestSignals.Sine(50, Rate, 3, amplitude: 100);

            Assert.Empty(Measure(samples, hysteresis: 200));
            Assert.NotEmpty(Measure(samples, hysteresis: 50));
        }

        [Fact]
        public void LowSampleRate_32SamplesACycle_StillWithinAMillihertz()
        {
            int[] samples = FrequencyTestSignals.Sine(49.87, 1600, 10, noise: 2);

            List<long> values = Measure(samples, rate: 1600);

            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.InRange(v, 49868, 49872));
        }

        [Fact]
        public void MilliHertz_DayOfCycles_NoOverflowAndRounded()
        {
            // 4 320 000 cycles in 86 400 s = 50 Hz; a cycle more = 50.0000116 Hz -> 50000 mHz.
            Assert.Equal(50000, ZeroCrossingFrequencyMeter.MilliHertz(4320000, 86400L * 1000000000));
            Assert.Equal(50000, ZeroCrossingFrequencyMeter.MilliHertz(4320001, 86400L * 1000000000));
            Assert.Equal(49995, ZeroCrossingFrequencyMeter.MilliHertz(49995, 1000L * 1000000000));
            Assert.Equal(0, ZeroCrossingFrequencyMeter.MilliHertz(50, 0));
        }

        [Theory]
        [InlineData(100, 50, 50)]
        [InlineData(3200, 50, 0)]
        [InlineData(100000, 10, 10000)]
        public void Constructor_OutOfRange_Throws(int rate, int nominal, int cycles)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ZeroCrossingFrequencyMeter(rate, nominal, cycles, 0));
        }

        [Fact]
        public void Process_AllocatesNothing()
        {
            int[] samples = FrequencyTestSignals.Sine(50, Rate, 5, noise: 5);
            ZeroCrossingFrequencyMeter meter = new ZeroCrossingFrequencyMeter(Rate, 50, 50, 0);
            meter.Process(samples, 0, samples.Length);

            long bytes = DlmsDevice.Tests.Cosem.Allocations.Least(() => meter.Process(samples, 0, samples.Length));

            Assert.Equal(0, bytes);
        }
    }
}
