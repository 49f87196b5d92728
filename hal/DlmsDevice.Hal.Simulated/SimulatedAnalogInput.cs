using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// An ADC channel measuring a simulated quantity: the raw reading is the quantity quantised
    /// with the channel's gain and offset (<c>raw = round((value - offset) / gain)</c>, clamped to
    /// the converter range), and <see cref="ReadValue"/> converts it back, as a calibrated real
    /// channel would.
    /// </summary>
    public sealed class SimulatedAnalogInput : IAnalogInput
    {
        private readonly Func<double> _quantity;

        /// <summary>A channel over <paramref name="quantity"/> (called once per reading).</summary>
        /// <param name="quantity">The true value in physical units at the current simulated time.</param>
        /// <param name="gain">Physical units per count (e.g. 0.01 V).</param>
        /// <param name="offset">Physical value at 0 counts.</param>
        /// <param name="maxRaw">Largest raw reading (e.g. 65535 for 16 bits); readings clamp to 0 .. maxRaw.</param>
        public SimulatedAnalogInput(Func<double> quantity, double gain, double offset, int maxRaw)
        {
            ArgumentNullException.ThrowIfNull(quantity);
            if (!(gain > 0) || double.IsInfinity(gain))
            {
                throw new ArgumentOutOfRangeException(nameof(gain));
            }

            if (maxRaw <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRaw));
            }

            _quantity = quantity;
            Gain = gain;
            Offset = offset;
            MaxRaw = maxRaw;
        }

        /// <summary>Physical units per count.</summary>
        public double Gain { get; }

        /// <summary>Physical value at 0 counts.</summary>
        public double Offset { get; }

        /// <summary>Full-scale raw reading.</summary>
        public int MaxRaw { get; }

        /// <summary>The exact simulated quantity now (not quantised), for tests and displays.</summary>
        public double TrueValue => _quantity();

        /// <inheritdoc />
        public int ReadRaw()
        {
            double counts = Math.Round((_quantity() - Offset) / Gain, MidpointRounding.ToEven);
            if (!(counts > 0))
            {
                return 0;
            }

            return counts >= MaxRaw ? MaxRaw : (int)counts;
        }

        /// <inheritdoc />
        public double ReadValue()
        {
            return ReadRaw() * Gain + Offset;
        }
    }
}
