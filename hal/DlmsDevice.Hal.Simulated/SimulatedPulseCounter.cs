using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A pulse counter fed with energy: every 1/<see cref="ImpulsesPerKwh"/> kWh is one pulse,
    /// the fraction of a pulse not yet reached is carried to the next step, so the count is
    /// exactly floor(energy x constant) whatever the step sizes.
    /// </summary>
    /// <remarks>
    /// The edge time is placed within the step in proportion to the energy (power taken as
    /// constant within one step; the simulation steps are at most one noise interval).
    /// Thread-safe: the simulation thread feeds it while the meter reads it.
    /// </remarks>
    public sealed class SimulatedPulseCounter : IPulseCounter
    {
        private readonly object _sync = new object();
        private readonly double _pulsesPerWh;
        private long _count;
        private long _lastEdgeMilliseconds = -1;
        private double _fraction;

        /// <summary>A counter at <paramref name="impulsesPerKwh"/> (the meter constant, e.g. 1000 imp/kWh).</summary>
        public SimulatedPulseCounter(double impulsesPerKwh)
        {
            if (!(impulsesPerKwh > 0) || double.IsInfinity(impulsesPerKwh))
            {
                throw new ArgumentOutOfRangeException(nameof(impulsesPerKwh));
            }

            ImpulsesPerKwh = impulsesPerKwh;
            _pulsesPerWh = impulsesPerKwh / 1000.0;
        }

        /// <summary>The meter constant in impulses per kWh.</summary>
        public double ImpulsesPerKwh { get; }

        /// <inheritdoc />
        public long Count
        {
            get
            {
                lock (_sync)
                {
                    return _count;
                }
            }
        }

        /// <summary>The part of a pulse accumulated but not yet counted, in [0, 1).</summary>
        public double PendingFraction
        {
            get
            {
                lock (_sync)
                {
                    return _fraction;
                }
            }
        }

        /// <inheritdoc />
        public long Read(out long lastEdgeMilliseconds)
        {
            lock (_sync)
            {
                lastEdgeMilliseconds = _lastEdgeMilliseconds;
                return _count;
            }
        }

        /// <summary>
        /// Adds <paramref name="energyWh"/> drawn uniformly between two monotonic instants (ms)
        /// and counts the pulses it completes.
        /// </summary>
        /// <returns>The number of new pulses.</returns>
        public long AddEnergy(double energyWh, double fromMilliseconds, double toMilliseconds)
        {
            if (!(energyWh > 0))
            {
                return 0;
            }

            lock (_sync)
            {
                double start = _fraction;
                double total = start + energyWh * _pulsesPerWh;
                double whole = Math.Floor(total);
                long pulses = (long)whole;
                _fraction = total - whole;
                if (pulses > 0)
                {
                    _count += pulses;

                    // The last pulse completed when the running total crossed 'whole'.
                    double share = (whole - start) / (total - start);
                    double edge = fromMilliseconds + share * (toMilliseconds - fromMilliseconds);
                    _lastEdgeMilliseconds = (long)edge;
                }

                return pulses;
            }
        }

        /// <summary>Counts <paramref name="pulses"/> extra pulses at <paramref name="atMilliseconds"/> (manual injection in tests).</summary>
        public void AddPulses(long pulses, long atMilliseconds)
        {
            if (pulses < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(pulses));
            }

            lock (_sync)
            {
                if (pulses > 0)
                {
                    _count += pulses;
                    _lastEdgeMilliseconds = atMilliseconds;
                }
            }
        }
    }
}
