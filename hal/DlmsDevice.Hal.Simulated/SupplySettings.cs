using System;
using System.Collections.Generic;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>The simulated supply voltage: nominal value, noise, sags and swells.</summary>
    public sealed class SupplySettings
    {
        /// <summary>Nominal RMS voltage in V (default 230 V).</summary>
        public double NominalVolts { get; set; } = 230;

        /// <summary>Standard deviation of the voltage noise in V (default 0.8 V).</summary>
        public double NoiseVolts { get; set; } = 0.8;

        /// <summary>Standard deviation of the current noise in A (default 0.01 A), added to P/V.</summary>
        public double CurrentNoiseAmps { get; set; } = 0.01;

        /// <summary>How long one voltage/current noise value holds (default 1 s); must divide a day.</summary>
        public TimeSpan NoiseInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Scheduled sags and swells (the first active one applies).</summary>
        public List<VoltageDeviation> Deviations { get; } = new List<VoltageDeviation>();

        /// <summary>Throws when a setting is out of range.</summary>
        public void Validate()
        {
            if (!(NominalVolts > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(NominalVolts));
            }

            if (!(NoiseVolts >= 0) || !(CurrentNoiseAmps >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(NoiseVolts));
            }

            long ticks = NoiseInterval.Ticks;
            if (ticks < TimeSpan.TicksPerMillisecond || TimeSpan.TicksPerDay % ticks != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(NoiseInterval), "must be >= 1 ms and divide a day");
            }
        }
    }
}
