using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// The simulated household load: power in W as a pure function of the (true, simulated)
    /// UTC time, and its exact integral. Daily peaks from <see cref="LoadCurveSettings"/> plus
    /// seeded noise that is constant within each noise interval.
    /// </summary>
    /// <remarks>
    /// Because power depends only on time and the seed (noise for interval k is
    /// <see cref="SplitMix64.GaussianAt"/>(stream, k)), the energy of a day is the same whether the
    /// simulation steps by a second or by an hour, and the integral is computed in closed form
    /// (no numerical quadrature). Only +, -, *, / are used, which IEEE 754 rounds identically on
    /// every platform, so results are bit-for-bit reproducible. Allocates nothing after construction.
    /// </remarks>
    public sealed class SimulatedLoad
    {
        private const double SecondsPerDay = 86400.0;
        private const double TicksPerSecond = TimeSpan.TicksPerSecond;

        private readonly ulong _noiseStream;
        private readonly double _baseWatts;
        private readonly double _noiseWatts;
        private readonly long _noiseIntervalTicks;

        // Peaks as parallel arrays, in seconds of the day.
        private readonly double[] _centre;
        private readonly double[] _halfWidth;
        private readonly double[] _watts;

        /// <summary>Builds the load for <paramref name="settings"/> with noise from <paramref name="seed"/>.</summary>
        public SimulatedLoad(LoadCurveSettings settings, ulong seed)
        {
            ArgumentNullException.ThrowIfNull(settings);
            settings.Validate();
            _noiseStream = SplitMix64.DeriveStream(seed, 1);
            _baseWatts = settings.BaseWatts;
            _noiseWatts = settings.NoiseWatts;
            _noiseIntervalTicks = settings.NoiseInterval.Ticks;
            int n = settings.Peaks.Count;
            _centre = new double[n];
            _halfWidth = new double[n];
            _watts = new double[n];
            for (int i = 0; i < n; i++)
            {
                LoadPeak peak = settings.Peaks[i];
                _centre[i] = peak.CentreHour * 3600.0;
                _halfWidth[i] = peak.HalfWidthHours * 3600.0;
                _watts[i] = peak.Watts;
            }
        }

        /// <summary>Length of one noise interval in ticks; the power is smooth inside one.</summary>
        public long NoiseIntervalTicks => _noiseIntervalTicks;

        /// <summary>Power in W at <paramref name="utcTicks"/> (true simulated time).</summary>
        public double PowerAt(long utcTicks)
        {
            double second = (utcTicks % TimeSpan.TicksPerDay) / TicksPerSecond;
            double power = _baseWatts + Noise(utcTicks / _noiseIntervalTicks);
            for (int i = 0; i < _centre.Length; i++)
            {
                power += _watts[i] * (Bump(second, _centre[i], _halfWidth[i])
                    + Bump(second, _centre[i] - SecondsPerDay, _halfWidth[i])
                    + Bump(second, _centre[i] + SecondsPerDay, _halfWidth[i]));
            }

            return power;
        }

        /// <summary>
        /// Energy in Wh drawn between <paramref name="fromUtcTicks"/> and <paramref name="toUtcTicks"/>
        /// (exact integral of <see cref="PowerAt"/>).
        /// </summary>
        public double EnergyWh(long fromUtcTicks, long toUtcTicks)
        {
            double wattSeconds = 0;
            long a = fromUtcTicks;
            while (a < toUtcTicks)
            {
                long interval = a / _noiseIntervalTicks;
                long end = (interval + 1) * _noiseIntervalTicks;
                long b = end < toUtcTicks ? end : toUtcTicks;
                wattSeconds += PieceWattSeconds(a, b, interval);
                a = b;
            }

            return wattSeconds / 3600.0;
        }

        /// <summary>
        /// Energy in Wh between two instants that lie in the same noise interval (the
        /// simulation's inner step; <see cref="EnergyWh"/> splits at interval boundaries).
        /// </summary>
        internal double PieceEnergyWh(long fromUtcTicks, long toUtcTicks)
        {
            return PieceWattSeconds(fromUtcTicks, toUtcTicks, fromUtcTicks / _noiseIntervalTicks) / 3600.0;
        }

        private double PieceWattSeconds(long a, long b, long interval)
        {
            // Noise intervals divide the day, so a piece never crosses midnight: the time of day
            // runs from x0 to x1 (x1 may be exactly 86400).
            double x0 = (a % TimeSpan.TicksPerDay) / TicksPerSecond;
            double x1 = x0 + (b - a) / TicksPerSecond;
            double seconds = x1 - x0;
            double sum = (_baseWatts + Noise(interval)) * seconds;
            for (int i = 0; i < _centre.Length; i++)
            {
                double w = _halfWidth[i];
                double area = BumpArea(x0, x1, _centre[i], w)
                    + BumpArea(x0, x1, _centre[i] - SecondsPerDay, w)
                    + BumpArea(x0, x1, _centre[i] + SecondsPerDay, w);
                sum += _watts[i] * area;
            }

            return sum;
        }

        private double Noise(long interval)
        {
            if (_noiseWatts == 0)
            {
                return 0;
            }

            double noise = _noiseWatts * SplitMix64.GaussianAt(_noiseStream, interval);
            return noise < -_baseWatts ? -_baseWatts : noise;
        }

        private static double Bump(double x, double centre, double halfWidth)
        {
            double u = (x - centre) / halfWidth;
            if (u <= -1 || u >= 1)
            {
                return 0;
            }

            double v = 1 - u * u;
            return v * v;
        }

        // Integral of (1 - u^2)^2 over x in [x0, x1], u = (x - centre) / w: w * (G(u1) - G(u0))
        // with G(u) = u - 2u^3/3 + u^5/5 and u clamped to [-1, 1].
        private static double BumpArea(double x0, double x1, double centre, double w)
        {
            double u0 = Clamp((x0 - centre) / w);
            double u1 = Clamp((x1 - centre) / w);
            if (u0 == u1)
            {
                return 0;
            }

            return w * (G(u1) - G(u0));
        }

        private static double G(double u)
        {
            double u2 = u * u;
            return u * (1 - u2 * (2.0 / 3.0) + u2 * u2 * 0.2);
        }

        private static double Clamp(double u)
        {
            return u < -1 ? -1 : (u > 1 ? 1 : u);
        }
    }
}
