using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A scheduled sag (factor &lt; 1) or swell (factor &gt; 1) of the supply voltage, e.g.
    /// 0.80 for a sag to 80 % of nominal (EN 50160 counts a dip below 90 %).
    /// </summary>
    public sealed class VoltageDeviation
    {
        /// <summary>Multiplies the voltage by <paramref name="factor"/> while <paramref name="interval"/> is active.</summary>
        public VoltageDeviation(ScheduledInterval interval, double factor)
        {
            ArgumentNullException.ThrowIfNull(interval);
            if (!(factor >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(factor));
            }

            Interval = interval;
            Factor = factor;
        }

        /// <summary>When the deviation is present.</summary>
        public ScheduledInterval Interval { get; }

        /// <summary>Voltage multiplier while present.</summary>
        public double Factor { get; }
    }
}
