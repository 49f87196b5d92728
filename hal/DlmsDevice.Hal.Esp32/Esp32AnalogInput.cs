using System.Device.Adc;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// An ESP32 ADC1 channel (nanoFramework AdcController/AdcChannel, 12 bits): raw counts.
    /// Average it (<see cref="AveragingAnalogInput"/>) and calibrate it (the meter's
    /// AnalogChannel gain and offset, or <see cref="CalibratedAnalogInput"/>).
    /// </summary>
    /// <remarks>ADC2 cannot be read while Wi-Fi runs: use ADC1 channels 0..7 (GPIO 36, 37, 38, 39, 32, 33, 34, 35).</remarks>
    public sealed class Esp32AnalogInput : IAnalogInput
    {
        private readonly AdcChannel _channel;

        /// <summary>Opens <paramref name="channel"/> of <paramref name="controller"/>.</summary>
        public Esp32AnalogInput(AdcController controller, int channel)
        {
            _channel = controller.OpenChannel(channel);
        }

        /// <inheritdoc />
        public int ReadRaw()
        {
            return _channel.ReadValue();
        }

        /// <inheritdoc />
        public double ReadValue()
        {
            return _channel.ReadValue();
        }
    }
}
