using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// The simulated grid at the meter terminals: RMS voltage and current as pure functions of
    /// the true simulated time, given whether the supply is on and the load connected.
    /// </summary>
    /// <remarks>
    /// Voltage = nominal x (factor of the first active sag/swell) + noise; current = P / V + noise,
    /// never negative. Noise is seeded and constant within each noise interval, so a reading at
    /// a given time is reproducible. Allocates nothing after construction.
    /// </remarks>
    public sealed class SimulatedSupply
    {
        private readonly ulong _voltageStream;
        private readonly ulong _currentStream;
        private readonly double _nominal;
        private readonly double _noiseVolts;
        private readonly double _noiseAmps;
        private readonly long _noiseIntervalTicks;
        private readonly ScheduledInterval[] _deviationIntervals;
        private readonly double[] _deviationFactors;
        private readonly long _startUtcTicks;

        /// <summary>Builds the supply; deviation schedules count from <paramref name="startUtcTicks"/>.</summary>
        public SimulatedSupply(SupplySettings settings, ulong seed, long startUtcTicks)
        {
            ArgumentNullException.ThrowIfNull(settings);
            settings.Validate();
            _voltageStream = SplitMix64.DeriveStream(seed, 2);
            _currentStream = SplitMix64.DeriveStream(seed, 3);
            _nominal = settings.NominalVolts;
            _noiseVolts = settings.NoiseVolts;
            _noiseAmps = settings.CurrentNoiseAmps;
            _noiseIntervalTicks = settings.NoiseInterval.Ticks;
            _startUtcTicks = startUtcTicks;
            int n = settings.Deviations.Count;
            _deviationIntervals = new ScheduledInterval[n];
            _deviationFactors = new double[n];
            for (int i = 0; i < n; i++)
            {
                _deviationIntervals[i] = settings.Deviations[i].Interval;
                _deviationFactors[i] = settings.Deviations[i].Factor;
            }
        }

        /// <summary>Nominal RMS voltage in V.</summary>
        public double NominalVolts => _nominal;

        /// <summary>The sag/swell factor at <paramref name="utcTicks"/> (1 when none is active).</summary>
        public double DeviationFactorAt(long utcTicks)
        {
            long elapsed = utcTicks - _startUtcTicks;
            for (int i = 0; i < _deviationIntervals.Length; i++)
            {
                if (_deviationIntervals[i].IsActive(elapsed))
                {
                    return _deviationFactors[i];
                }
            }

            return 1.0;
        }

        /// <summary>RMS voltage in V at <paramref name="utcTicks"/>; 0 when <paramref name="supplyOn"/> is false.</summary>
        public double VoltageAt(long utcTicks, bool supplyOn)
        {
            if (!supplyOn)
            {
                return 0;
            }

            double volts = _nominal * DeviationFactorAt(utcTicks)
                + _noiseVolts * SplitMix64.GaussianAt(_voltageStream, utcTicks / _noiseIntervalTicks);
            return volts < 0 ? 0 : volts;
        }

        /// <summary>
        /// RMS current in A for <paramref name="powerWatts"/> at <paramref name="volts"/>; 0 when
        /// there is no voltage or no power (relay open, outage).
        /// </summary>
        public double CurrentAt(long utcTicks, double powerWatts, double volts)
        {
            if (volts <= 0 || powerWatts <= 0)
            {
                return 0;
            }

            double amps = powerWatts / volts
                + _noiseAmps * SplitMix64.GaussianAt(_currentStream, utcTicks / _noiseIntervalTicks);
            return amps < 0 ? 0 : amps;
        }
    }
}
