using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Synthetic mains waveforms for the frequency tests: a sine of a given frequency on an ADC
    /// bias, with Gaussian noise (Box-Muller of a seeded Random), quantised and clamped to 12
    /// bits, as an ESP32 ADC would deliver it.
    /// </summary>
    internal static class FrequencyTestSignals
    {
        public static int[] Sine(double hertz, int sampleRate, double seconds, double amplitude = 1800, int offset = 2048, double noise = 0, int seed = 1, double phase = 0.3)
        {
            Random random = new Random(seed);
            int n = (int)(seconds * sampleRate);
            int[] samples = new int[n];
            for (int i = 0; i < n; i++)
            {
                double v = offset + amplitude * Math.Sin(2 * Math.PI * hertz * i / sampleRate + phase);
                if (noise > 0)
                {
                    double u1 = 1.0 - random.NextDouble();
                    double u2 = random.NextDouble();
                    v += noise * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                }
                long raw = (long)Math.Round(v);
                samples[i] = (int)Math.Clamp(raw, 0, 4095);
            }
            return samples;
        }
    }

    /// <summary>A waveform input the test fills: Read hands out what was queued, or -1 once for a loss.</summary>
    internal sealed class FakeWaveformInput : IWaveformInput
    {
        private int[] _queue = new int[1 << 20];
        private int _head;
        private int _tail;

        public FakeWaveformInput(int sampleRate)
        {
            SampleRateHz = sampleRate;
        }

        public int SampleRateHz { get; }

        public bool LoseNext { get; set; }

        public int Reads { get; private set; }

        public void Add(int[] samples, int offset = 0, int count = -1)
        {
            if (count < 0)
            {
                count = samples.Length - offset;
            }
            if (_tail + count > _queue.Length)
            {
                Array.Copy(_queue, _head, _queue, 0, _tail - _head);
                _tail -= _head;
                _head = 0;
            }
            Array.Copy(samples, offset, _queue, _tail, count);
            _tail += count;
        }

        public int Read(int[] buffer, int offset, int count)
        {
            Reads++;
            if (LoseNext)
            {
                LoseNext = false;
                _head = _tail;
                return -1;
            }
            int n = Math.Min(count, _tail - _head);
            Array.Copy(_queue, _head, buffer, offset, n);
            _head += n;
            return n;
        }
    }

    /// <summary>A frequency input the test drives: rising edges with microsecond times.</summary>
    internal sealed class FakeEdgeTimer : IEdgeTimer
    {
        public long Count;
        public long LastMicros = -1;

        /// <summary>Adds <paramref name="edges"/> edges <paramref name="periodMicros"/> apart after the last one.</summary>
        public void Edges(int edges, double periodMicros)
        {
            double t = LastMicros < 0 ? 1000 : LastMicros;
            for (int i = 0; i < edges; i++)
            {
                t += periodMicros;
            }
            Count += edges;
            LastMicros = (long)Math.Round(t);
        }

        public long Read(out long lastEdgeMicroseconds)
        {
            lastEdgeMicroseconds = LastMicros;
            return Count;
        }
    }
}
