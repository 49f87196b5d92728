using System;

namespace DlmsDevice.Hal
{
    /// <summary>
    /// Turns the readings of a narrow hardware pulse counter (the ESP32 PCNT counts in 16 bits)
    /// into a count that never wraps: each reading adds what came since the last one, modulo
    /// the counter's width, so a wrap between two readings is counted right. A counter that was
    /// restarted (set back to 0 by its driver) is announced with <see cref="Restart"/>.
    /// </summary>
    /// <remarks>
    /// Read it more often than the counter can wrap: at most 2^bits - 1 pulses between two
    /// readings (16 bits: 65,535 pulses; an S0 output at 10,000 imp/kWh and 20 kW gives 56 a
    /// second, so once a second leaves a margin of 1,000). Readings that are already wider
    /// (a driver that extends the count itself) work the same. Allocates nothing.
    /// </remarks>
    public sealed class PulseCountExtender
    {
        private readonly long _mask;
        private long _lastRaw;
        private long _total;
        private bool _started;

        /// <summary>An extender for a counter of <paramref name="counterBits"/> bits (1..62).</summary>
        public PulseCountExtender(int counterBits)
        {
            if (counterBits < 1 || counterBits > 62)
            {
                throw new ArgumentOutOfRangeException();
            }
            _mask = (1L << counterBits) - 1;
        }

        /// <summary>The pulses counted so far (0 before the first reading).</summary>
        public long Total
        {
            get { return _total; }
        }

        /// <summary>Takes a reading of the hardware counter; the first one only sets the baseline.</summary>
        /// <returns>The pulses counted so far.</returns>
        public long Update(long raw)
        {
            if (!_started)
            {
                _started = true;
                _lastRaw = raw;
                return _total;
            }
            _total += (raw - _lastRaw) & _mask;
            _lastRaw = raw;
            return _total;
        }

        /// <summary>
        /// The hardware counter was restarted and now reads <paramref name="raw"/> (usually 0):
        /// the next reading counts from there; the total is kept.
        /// </summary>
        public void Restart(long raw)
        {
            _started = true;
            _lastRaw = raw;
        }
    }
}
