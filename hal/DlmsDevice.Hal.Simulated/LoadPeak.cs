using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// One daily bump of the load curve (breakfast, evening cooking and lighting):
    /// <c>Watts * (1 - u^2)^2</c> with <c>u = (time of day - CentreHour) / HalfWidthHours</c>,
    /// zero outside |u| &lt; 1. The biweight shape is smooth, integrates in closed form and needs
    /// no libm function, so energy is exact and identical on every platform.
    /// </summary>
    public sealed class LoadPeak
    {
        /// <summary>A peak of <paramref name="watts"/> at <paramref name="centreHour"/> (0..24, UTC) lasting ±<paramref name="halfWidthHours"/>.</summary>
        public LoadPeak(double centreHour, double halfWidthHours, double watts)
        {
            if (!(centreHour >= 0 && centreHour < 24))
            {
                throw new ArgumentOutOfRangeException(nameof(centreHour));
            }

            if (!(halfWidthHours > 0 && halfWidthHours <= 12))
            {
                throw new ArgumentOutOfRangeException(nameof(halfWidthHours));
            }

            if (!(watts >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(watts));
            }

            CentreHour = centreHour;
            HalfWidthHours = halfWidthHours;
            Watts = watts;
        }

        /// <summary>Hour of day (UTC) of the maximum.</summary>
        public double CentreHour { get; }

        /// <summary>Half the width of the bump, in hours.</summary>
        public double HalfWidthHours { get; }

        /// <summary>Height of the bump above the base load, in W.</summary>
        public double Watts { get; }
    }
}
