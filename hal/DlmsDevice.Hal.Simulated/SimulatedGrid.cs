using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// The grid frequency as a pure function of simulated time, and its integral, the phase of
    /// the voltage wave (so the wave stays continuous however the frequency moves and however
    /// far apart the samples are taken).
    /// </summary>
    public sealed class SimulatedGrid
    {
        private readonly double _nominal;
        private readonly double _slow;
        private readonly double _fast;
        private readonly double _slowSeconds;
        private readonly double _fastSeconds;
        private readonly double _slowPhase;
        private readonly double _fastPhase;
        private readonly long _startUtcTicks;

        /// <summary>The grid of <paramref name="settings"/>; the swings' phases come from <paramref name="seed"/>.</summary>
        public SimulatedGrid(GridFrequencySettings settings, ulong seed, long startUtcTicks)
        {
            ArgumentNullException.ThrowIfNull(settings);
            settings.Validate();
            Settings = settings;
            _nominal = settings.NominalHertz;
            _slow = settings.SlowSwingHertz;
            _fast = settings.FastSwingHertz;
            _slowSeconds = settings.SlowPeriod.TotalSeconds;
            _fastSeconds = settings.FastPeriod.TotalSeconds;
            ulong stream = SplitMix64.DeriveStream(seed, 6);
            _slowPhase = 2 * Math.PI * SplitMix64.ToUnitDouble(SplitMix64.At(stream, 0));
            _fastPhase = 2 * Math.PI * SplitMix64.ToUnitDouble(SplitMix64.At(stream, 1));
            _startUtcTicks = startUtcTicks;
        }

        /// <summary>The settings.</summary>
        public GridFrequencySettings Settings { get; }

        /// <summary>Frequency in Hz at <paramref name="utcTicks"/> (true simulated time).</summary>
        public double FrequencyAt(long utcTicks)
        {
            double t = (utcTicks - _startUtcTicks) / (double)TimeSpan.TicksPerSecond;
            return _nominal + _slow * Math.Sin(2 * Math.PI * t / _slowSeconds + _slowPhase)
                + _fast * Math.Sin(2 * Math.PI * t / _fastSeconds + _fastPhase);
        }

        /// <summary>Cycles of the wave since the start at <paramref name="elapsedSeconds"/>: the integral of the frequency.</summary>
        public double CyclesAt(double elapsedSeconds)
        {
            double t = elapsedSeconds;
            double slow = _slow * _slowSeconds / (2 * Math.PI) * (Math.Cos(_slowPhase) - Math.Cos(2 * Math.PI * t / _slowSeconds + _slowPhase));
            double fast = _fast * _fastSeconds / (2 * Math.PI) * (Math.Cos(_fastPhase) - Math.Cos(2 * Math.PI * t / _fastSeconds + _fastPhase));
            return _nominal * t + slow + fast;
        }
    }
}
