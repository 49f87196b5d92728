using System;

namespace DlmsDevice.Hal
{
    /// <summary>
    /// An analog input whose raw reading is the mean of several conversions of another input
    /// (oversampling: the ESP32 ADC is noisy, ±2 LSB or more). Put a
    /// <see cref="CalibratedAnalogInput"/> over it for physical units.
    /// </summary>
    /// <remarks>
    /// The mean is rounded half away from zero. Its own <see cref="ReadValue"/> is the mean as a
    /// number, unscaled. Allocates nothing.
    /// </remarks>
    public sealed class AveragingAnalogInput : IAnalogInput
    {
        private readonly IAnalogInput _source;
        private readonly int _samples;

        /// <summary>Averages <paramref name="samples"/> (1..1024) raw readings of <paramref name="source"/>.</summary>
        public AveragingAnalogInput(IAnalogInput source, int samples)
        {
            if (source == null)
            {
                throw new ArgumentNullException();
            }
            if (samples < 1 || samples > 1024)
            {
                throw new ArgumentOutOfRangeException();
            }
            _source = source;
            _samples = samples;
        }

        /// <summary>Conversions per reading.</summary>
        public int Samples
        {
            get { return _samples; }
        }

        /// <inheritdoc />
        public int ReadRaw()
        {
            long sum = 0;
            for (int i = 0; i < _samples; i++)
            {
                sum += _source.ReadRaw();
            }
            long half = _samples / 2;
            return (int)(sum >= 0 ? (sum + half) / _samples : (sum - half) / _samples);
        }

        /// <inheritdoc />
        public double ReadValue()
        {
            return ReadRaw();
        }
    }
}
