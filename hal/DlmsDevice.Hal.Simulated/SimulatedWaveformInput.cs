using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// The sampled voltage wave of the simulated supply: a sine at the grid's frequency
    /// (<see cref="SimulatedGrid"/>) with the measured RMS voltage, on the ADC's bias, with
    /// seeded noise, quantised and clamped like a real converter. Samples are produced as
    /// simulated time passes; a meter drains them at each tick.
    /// </summary>
    /// <remarks>
    /// Every sample is a pure function of its index (the wave, and the noise of stream
    /// (seed, 7) at that index), so a run is reproducible whatever the tick pattern. When more
    /// than <see cref="GridFrequencySettings.MaxBacklog"/> of samples wait, the older ones are
    /// dropped and <see cref="Read"/> reports the loss once, as a real ADC ring that overflowed
    /// does. Allocates nothing after construction; the meter's thread calls it.
    /// </remarks>
    public sealed class SimulatedWaveformInput : IWaveformInput
    {
        private readonly SimulatedGrid _grid;
        private readonly Func<long> _trueUtcTicks;
        private readonly Func<long, double> _rmsVoltsAt;
        private readonly long _startUtcTicks;
        private readonly int _rate;
        private readonly double _countsPerVolt;
        private readonly int _offset;
        private readonly int _maxRaw;
        private readonly double _noise;
        private readonly ulong _noiseStream;
        private readonly long _maxBacklog;
        private long _next;

        /// <summary>
        /// A waveform of <paramref name="grid"/> whose RMS voltage at a true time is
        /// <paramref name="rmsVoltsAt"/>; samples are due up to <paramref name="trueUtcTicks"/>.
        /// </summary>
        public SimulatedWaveformInput(SimulatedGrid grid, Func<long> trueUtcTicks, Func<long, double> rmsVoltsAt, long startUtcTicks, ulong seed)
        {
            ArgumentNullException.ThrowIfNull(grid);
            ArgumentNullException.ThrowIfNull(trueUtcTicks);
            ArgumentNullException.ThrowIfNull(rmsVoltsAt);
            GridFrequencySettings s = grid.Settings;
            _grid = grid;
            _trueUtcTicks = trueUtcTicks;
            _rmsVoltsAt = rmsVoltsAt;
            _startUtcTicks = startUtcTicks;
            _rate = s.SampleRateHz;
            _countsPerVolt = 1 / s.VoltsPerCount;
            _offset = s.OffsetCounts;
            _maxRaw = s.MaxRaw;
            _noise = s.NoiseCounts;
            _noiseStream = SplitMix64.DeriveStream(seed, 7);
            _maxBacklog = (long)(s.MaxBacklog.TotalSeconds * _rate);
            _next = SampleIndexAt(trueUtcTicks());
        }

        /// <inheritdoc />
        public int SampleRateHz => _rate;

        /// <summary>Index of the next sample <see cref="Read"/> returns (samples since the simulation start).</summary>
        public long NextIndex => _next;

        /// <inheritdoc />
        public int Read(int[] buffer, int offset, int count)
        {
            long due = SampleIndexAt(_trueUtcTicks());
            if (due - _next > _maxBacklog)
            {
                _next = due - _maxBacklog;
                return -1;
            }

            long available = due - _next;
            int n = available < count ? (int)available : count;
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = SampleAt(_next + i);
            }

            _next += n;
            return n;
        }

        /// <summary>The raw count of sample <paramref name="index"/>.</summary>
        public int SampleAt(long index)
        {
            double seconds = index / (double)_rate;
            long ticks = _startUtcTicks + index * TimeSpan.TicksPerSecond / _rate;
            double amplitude = _rmsVoltsAt(ticks) * Math.Sqrt(2) * _countsPerVolt;
            double cycles = _grid.CyclesAt(seconds);
            double value = _offset + amplitude * Math.Sin(2 * Math.PI * (cycles - Math.Floor(cycles)))
                + _noise * SplitMix64.GaussianAt(_noiseStream, index);
            long raw = (long)Math.Round(value, MidpointRounding.ToEven);
            return raw < 0 ? 0 : (raw > _maxRaw ? _maxRaw : (int)raw);
        }

        private long SampleIndexAt(long utcTicks)
        {
            long elapsed = utcTicks - _startUtcTicks;
            return elapsed <= 0 ? 0 : elapsed * _rate / TimeSpan.TicksPerSecond;
        }
    }
}
