using System;
using System.Collections.Generic;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// Shape of the simulated household load: a base load, daily peaks, and noise that holds one
    /// value per <see cref="NoiseInterval"/>.
    /// </summary>
    public sealed class LoadCurveSettings
    {
        /// <summary>Always-on load in W (fridge, standby). Default 250 W.</summary>
        public double BaseWatts { get; set; } = 250;

        /// <summary>Daily peaks. Default: 1.2 kW around 07:30 (±2 h) and 2 kW around 19:00 (±3 h).</summary>
        public List<LoadPeak> Peaks { get; } = new List<LoadPeak>
        {
            new LoadPeak(7.5, 2.0, 1200),
            new LoadPeak(19.0, 3.0, 2000),
        };

        /// <summary>
        /// Standard deviation of the noise in W (default 120 W). Noise never takes the power
        /// below zero: it is limited to -<see cref="BaseWatts"/>.
        /// </summary>
        public double NoiseWatts { get; set; } = 120;

        /// <summary>
        /// How long one noise value holds (default 1 minute); must divide a day evenly and be
        /// at least one second.
        /// </summary>
        public TimeSpan NoiseInterval { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Throws when a setting is out of range.</summary>
        public void Validate()
        {
            if (!(BaseWatts >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(BaseWatts));
            }

            if (!(NoiseWatts >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(NoiseWatts));
            }

            long ticks = NoiseInterval.Ticks;
            if (ticks < TimeSpan.TicksPerSecond || TimeSpan.TicksPerDay % ticks != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(NoiseInterval), "must be >= 1 s and divide a day");
            }
        }
    }
}
