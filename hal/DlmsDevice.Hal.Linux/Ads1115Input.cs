using System;
using Iot.Device.Ads1115;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// One input of an ADS1115 (Iot.Device.Bindings, on I2C) as an <see cref="IAnalogInput"/>: each
    /// <see cref="ReadRaw"/> selects the input on the multiplexer, starts a single-shot conversion
    /// and returns its signed 16-bit result (counts; full scale is the binding's measuring range).
    /// </summary>
    /// <remarks>
    /// Several inputs share one <see cref="Ads1115"/> (the voltage on AIN0, the current on AIN1):
    /// create the converter in <see cref="DeviceMode.PowerDown"/> (single-shot) so every reading is
    /// a fresh conversion of the right input, and read them from one thread (the board's
    /// <see cref="BoardPoller"/>). A failed bus transfer throws (IOException from the I2C
    /// device, TimeoutException when the conversion never completes): wrap the input in a
    /// <see cref="PolledAnalogInput"/>, which keeps the last good reading. The binding reads
    /// through stack buffers: a reading allocates nothing in it.
    /// </remarks>
    public sealed class Ads1115Input : IAnalogInput
    {
        private readonly Ads1115 _adc;
        private readonly InputMultiplexer _input;

        /// <summary>Input <paramref name="input"/> of <paramref name="adc"/>.</summary>
        public Ads1115Input(Ads1115 adc, InputMultiplexer input)
        {
            ArgumentNullException.ThrowIfNull(adc);
            _adc = adc;
            _input = input;
        }

        /// <summary>The multiplexer setting read.</summary>
        public InputMultiplexer Input => _input;

        /// <inheritdoc />
        public int ReadRaw()
        {
            return _adc.ReadRaw(_input);
        }

        /// <inheritdoc />
        public double ReadValue()
        {
            return ReadRaw();
        }
    }
}
