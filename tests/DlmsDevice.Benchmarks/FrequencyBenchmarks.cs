using System;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Meter;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// The zero-crossing frequency meter's cost per second of waveform (1600 and 3200 samples of
    /// a noisy 12-bit 50 Hz sine): what the engine's tick spends on the frequency, the figure to
    /// scale for the ESP32 (docs/tamper.md, docs/benchmarks.md).
    /// </summary>
    [MemoryDiagnoser]
    public class FrequencyBenchmarks
    {
        private int[] _slow = null!;
        private int[] _fast = null!;
        private ZeroCrossingFrequencyMeter _slowMeter = null!;
        private ZeroCrossingFrequencyMeter _fastMeter = null!;

        [GlobalSetup]
        public void Setup()
        {
            _slow = Sine(1600);
            _fast = Sine(3200);
            _slowMeter = new ZeroCrossingFrequencyMeter(1600, 50, 50, 0);
            _fastMeter = new ZeroCrossingFrequencyMeter(3200, 50, 50, 0);
        }

        /// <summary>One second at 1600 samples/s.</summary>
        [Benchmark(Description = "Frequency: one second of waveform, 1600 samples")]
        public int OneSecondAt1600()
        {
            _slowMeter.Process(_slow, 0, _slow.Length);
            return _slowMeter.Measurements;
        }

        /// <summary>One second at 3200 samples/s.</summary>
        [Benchmark(Description = "Frequency: one second of waveform, 3200 samples")]
        public int OneSecondAt3200()
        {
            _fastMeter.Process(_fast, 0, _fast.Length);
            return _fastMeter.Measurements;
        }

        // Exactly 50 cycles a second, so the buffer can be fed again and again without a seam.
        private static int[] Sine(int rate)
        {
            Random random = new Random(1);
            int[] samples = new int[rate];
            for (int i = 0; i < rate; i++)
            {
                samples[i] = (int)Math.Round(2048 + 1800 * Math.Sin(2 * Math.PI * 50 * i / rate) + 4 * (random.NextDouble() - 0.5));
            }
            return samples;
        }
    }
}
