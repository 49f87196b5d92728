using System;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The frequency of a sampled mains waveform from its rising zero crossings, in integers
    /// only: crossing times interpolated between samples to 1/65536 of a sample, hysteresis
    /// against noise, the mean over whole cycles. Feed it contiguous runs of raw ADC samples.
    /// </summary>
    /// <remarks>
    /// <para><b>Method.</b> The wave's mean (its DC offset, an ADC biased at mid-scale) is
    /// estimated first from two nominal cycles, then followed by a first-order low-pass (time
    /// constant 4096 samples, 1.3 s at 3200 samples/s) so a drifting bias is tracked; its small
    /// 50 Hz ripple shifts every rising crossing by the same amount and so does not change a
    /// period. The detector arms when the wave is below -H (H = an eighth of the last cycle's
    /// peak, or a configured count) and counts a rising crossing at the first sample at or above
    /// zero, at t = (n - 1) + y(n-1) / (y(n-1) - y(n)) samples: the straight line between the two
    /// samples around zero, exact to the curvature of the sine there (below 1e-4 of a sample at
    /// 64 samples per cycle). A crossing whose last sample below -H is more than a quarter of a
    /// nominal cycle old (the wave sat at its mean: a voltage gone, then back) is not counted,
    /// and a cycle outside nominal ± 20 % (noise without a wave) restarts the measurement. After N whole cycles the frequency is
    /// N / (t_N - t_0) in mHz, and the cycles and the time are added to
    /// <see cref="TotalCycles"/> and <see cref="TotalNanoseconds"/> so a longer average
    /// (the 15-minute block) is exact: total cycles / total time.</para>
    /// <para><b>Accuracy</b> (tests, 3200 samples/s, 12-bit ADC, N = 50): within 0.005 Hz at 49.50,
    /// 50.00 and 51.00 Hz with a DC offset of half the scale and noise of 0.5 % of the amplitude
    /// (docs/tamper.md). The sample clock's own error (ppm) goes into the result one to one.</para>
    /// <para>Allocates nothing after construction. Not synchronised: the engine's tick feeds it.</para>
    /// </remarks>
    public sealed class ZeroCrossingFrequencyMeter
    {
        private const int DcShift = 12;
        private const int Q = 16;

        private readonly int _sampleRate;
        private readonly int _cycles;
        private readonly long _fixedHysteresis;
        private readonly int _initLength;
        private readonly long _minPeriod;
        private readonly long _maxPeriod;
        private readonly int _quarterCycle;

        // The run: samples since it started, the mean estimate, the detector.
        private long _index;
        private int _initCount;
        private long _initSum;
        private int _initMin;
        private int _initMax;
        private long _dc;
        private long _peak;
        private long _cyclePeak;
        private bool _armed;
        private long _lastLow;
        private long _previous;
        private bool _hasCrossing;
        private long _lastCrossing;
        private long _runStart;
        private int _runCycles;

        /// <summary>A meter for samples at <paramref name="sampleRateHz"/> of a wave near <paramref name="nominalHertz"/>.</summary>
        /// <param name="sampleRateHz">Samples per second (at least 4 x nominal).</param>
        /// <param name="nominalHertz">Nominal frequency (50 or 60).</param>
        /// <param name="cycles">Whole cycles per measurement.</param>
        /// <param name="hysteresisCounts">Fixed hysteresis in ADC counts; 0 = an eighth of the last cycle's peak.</param>
        /// <exception cref="ArgumentOutOfRangeException">A value out of range, or a measurement longer than 70 million samples.</exception>
        public ZeroCrossingFrequencyMeter(int sampleRateHz, int nominalHertz, int cycles, int hysteresisCounts)
        {
            // A measurement spans at most 70 million samples, so its time in 1/65536 sample times
            // 1953125 (below) stays within a long.
            if (nominalHertz < 1 || sampleRateHz < 4 * nominalHertz || cycles < 1 || hysteresisCounts < 0
                || (long)cycles * sampleRateHz * 5 / (4L * nominalHertz) > 70000000)
            {
                throw new ArgumentOutOfRangeException();
            }
            _sampleRate = sampleRateHz;
            _cycles = cycles;
            _fixedHysteresis = (long)hysteresisCounts << Q;
            _initLength = 2 * sampleRateHz / nominalHertz;
            // Periods of nominal / 1.2 .. nominal / 0.8, in 1/65536 sample.
            _minPeriod = ((long)sampleRateHz << Q) * 5 / (6L * nominalHertz);
            _maxPeriod = ((long)sampleRateHz << Q) * 5 / (4L * nominalHertz);
            _quarterCycle = sampleRateHz / (4 * nominalHertz);
            Restart();
        }

        /// <summary>Measurements completed since construction.</summary>
        public int Measurements { get; private set; }

        /// <summary>The last measurement, mHz (0 before the first).</summary>
        public long LastMilliHertz { get; private set; }

        /// <summary>Whole cycles measured since <see cref="ClearTotals"/>.</summary>
        public long TotalCycles { get; private set; }

        /// <summary>Time those cycles took, ns.</summary>
        public long TotalNanoseconds { get; private set; }

        /// <summary>Samples lost or a new input: the next sample starts a new run (the mean is estimated again).</summary>
        public void Restart()
        {
            _index = 0;
            _initCount = 0;
            _initSum = 0;
            _initMin = int.MaxValue;
            _initMax = int.MinValue;
            _armed = false;
            _hasCrossing = false;
            _runCycles = 0;
            _cyclePeak = 0;
        }

        /// <summary>Forgets <see cref="TotalCycles"/> and <see cref="TotalNanoseconds"/> (after the caller took them).</summary>
        public void ClearTotals()
        {
            TotalCycles = 0;
            TotalNanoseconds = 0;
        }

        /// <summary>Feeds <paramref name="count"/> samples that follow the previous ones without a gap.</summary>
        public void Process(int[] samples, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Step(samples[offset + i]);
            }
        }

        /// <summary>The frequency of <paramref name="cycles"/> cycles in <paramref name="nanoseconds"/>, mHz rounded, without overflow for a day of cycles.</summary>
        public static long MilliHertz(long cycles, long nanoseconds)
        {
            if (nanoseconds <= 0)
            {
                return 0;
            }
            long numerator = cycles * 1000000000L;
            long whole = numerator / nanoseconds;
            long rest = numerator % nanoseconds;
            return whole * 1000 + (rest * 1000 + nanoseconds / 2) / nanoseconds;
        }

        private void Step(int sample)
        {
            long x = (long)sample << Q;
            if (_initCount < _initLength)
            {
                // The first two nominal cycles give the mean and the peak to start from.
                _initSum += sample;
                _initMin = sample < _initMin ? sample : _initMin;
                _initMax = sample > _initMax ? sample : _initMax;
                _initCount++;
                _index++;
                if (_initCount == _initLength)
                {
                    _dc = (_initSum << Q) / _initLength;
                    long high = ((long)_initMax << Q) - _dc;
                    long low = _dc - ((long)_initMin << Q);
                    _peak = high > low ? high : low;
                    _previous = x - _dc;
                }
                return;
            }
            _dc += (x - _dc) >> DcShift;
            long y = x - _dc;
            long magnitude = y < 0 ? -y : y;
            if (magnitude > _cyclePeak)
            {
                _cyclePeak = magnitude;
            }
            long hysteresis = _fixedHysteresis > 0 ? _fixedHysteresis : _peak >> 3;
            if (y < -hysteresis)
            {
                _armed = true;
                _lastLow = _index;
            }
            else if (_armed && y >= 0 && _previous < 0)
            {
                _armed = false;
                if (_index - _lastLow > _quarterCycle)
                {
                    // The wave sat near its mean (a voltage gone, then back with another phase):
                    // not a rising crossing of a sine, and the run it belonged to is over.
                    _hasCrossing = false;
                }
                else
                {
                    // Between sample n - 1 (below zero) and n (at or above): the straight line's zero.
                    long fraction = ((-_previous) << Q) / (y - _previous);
                    OnCrossing(((_index - 1) << Q) + fraction);
                }
                _peak = _cyclePeak;
                _cyclePeak = 0;
            }
            _previous = y;
            _index++;
        }

        private void OnCrossing(long position)
        {
            if (!_hasCrossing)
            {
                _hasCrossing = true;
                _lastCrossing = position;
                _runStart = position;
                _runCycles = 0;
                return;
            }
            long period = position - _lastCrossing;
            _lastCrossing = position;
            if (period < _minPeriod || period > _maxPeriod)
            {
                // Not a mains cycle: start counting again from here.
                _runStart = position;
                _runCycles = 0;
                return;
            }
            _runCycles++;
            if (_runCycles < _cycles)
            {
                return;
            }
            // ns = span / 65536 samples / rate x 1e9, and 1e9 / 65536 = 1953125 / 128.
            long nanoseconds = (position - _runStart) * 1953125L / ((long)_sampleRate * 128);
            LastMilliHertz = MilliHertz(_cycles, nanoseconds);
            TotalCycles += _cycles;
            TotalNanoseconds += nanoseconds;
            Measurements++;
            _runStart = position;
            _runCycles = 0;
        }
    }
}
