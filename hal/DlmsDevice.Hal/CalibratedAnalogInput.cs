using System;

namespace DlmsDevice.Hal
{
    /// <summary>
    /// An analog input whose physical value is computed from the raw counts of another input
    /// with a linear calibration: <c>value = raw * Gain + Offset</c>.
    /// </summary>
    /// <remarks>
    /// The platform input supplies the counts (its own <see cref="IAnalogInput.ReadValue"/> is
    /// not used); the gain and offset come from a calibration of the whole signal chain
    /// (divider, shunt, converter reference), e.g. two reference points measured at the factory
    /// (<see cref="Calibrate"/>). Reading allocates nothing.
    /// </remarks>
    public sealed class CalibratedAnalogInput : IAnalogInput
    {
        private readonly IAnalogInput _source;
        private double _gain;
        private double _offset;

        /// <summary>Wraps <paramref name="source"/> with a linear calibration.</summary>
        /// <param name="source">The input that supplies raw counts.</param>
        /// <param name="gain">Physical units per count.</param>
        /// <param name="offset">Physical value at 0 counts.</param>
        public CalibratedAnalogInput(IAnalogInput source, double gain, double offset)
        {
            if (source == null)
            {
                throw new ArgumentNullException();
            }

            _source = source;
            _gain = gain;
            _offset = offset;
        }

        /// <summary>Physical units per count.</summary>
        public double Gain
        {
            get { return _gain; }
            set { _gain = value; }
        }

        /// <summary>Physical value at 0 counts.</summary>
        public double Offset
        {
            get { return _offset; }
            set { _offset = value; }
        }

        /// <inheritdoc />
        public int ReadRaw()
        {
            return _source.ReadRaw();
        }

        /// <inheritdoc />
        public double ReadValue()
        {
            return ToValue(_source.ReadRaw());
        }

        /// <summary>Converts a raw reading with the current calibration.</summary>
        public double ToValue(int raw)
        {
            return raw * _gain + _offset;
        }

        /// <summary>
        /// Sets gain and offset from two reference points (raw reading, true value), e.g. the
        /// readings at 0 V and at 230 V on a calibration bench.
        /// </summary>
        /// <returns>False (calibration unchanged) when the two raw readings are equal.</returns>
        public bool Calibrate(int raw1, double value1, int raw2, double value2)
        {
            if (raw1 == raw2)
            {
                return false;
            }

            double gain = (value2 - value1) / ((double)raw2 - raw1);
            _gain = gain;
            _offset = value1 - raw1 * gain;
            return true;
        }
    }
}
