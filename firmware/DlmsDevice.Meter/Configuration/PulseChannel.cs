using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// One pulse input: a counter of energy impulses, its meter constant and the direction of
    /// the energy it counts. The engine turns pulses into Wh exactly (integer arithmetic with the
    /// remainder carried, so no rounding drifts) and the pulse rate into active power.
    /// </summary>
    public sealed class PulseChannel
    {
        /// <summary>A channel on <paramref name="counter"/> at <paramref name="impulsesPerKwh"/> impulses per kWh.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="counter"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The meter constant is not 1 .. 1 000 000 imp/kWh.</exception>
        public PulseChannel(IPulseCounter counter, int impulsesPerKwh, EnergyDirection direction)
        {
            if (counter == null)
            {
                throw new ArgumentNullException();
            }
            if (impulsesPerKwh < 1 || impulsesPerKwh > 1000000)
            {
                throw new ArgumentOutOfRangeException();
            }
            Counter = counter;
            ImpulsesPerKwh = impulsesPerKwh;
            Direction = direction;
        }

        /// <summary>The pulse counter.</summary>
        public IPulseCounter Counter { get; private set; }

        /// <summary>Meter constant: impulses per kWh (1000 imp/kWh = 1 Wh per pulse).</summary>
        public int ImpulsesPerKwh { get; private set; }

        /// <summary>Import or export.</summary>
        public EnergyDirection Direction { get; private set; }
    }
}
