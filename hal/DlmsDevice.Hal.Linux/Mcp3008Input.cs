using System;
using Iot.Device.Adc;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// One single-ended channel of an MCP3008 (Iot.Device.Bindings, on SPI) as an
    /// <see cref="IAnalogInput"/>: each <see cref="ReadRaw"/> is one conversion, 0..1023 counts of
    /// the reference voltage.
    /// </summary>
    /// <remarks>
    /// Several channels share one <see cref="Mcp3008"/>; read them from one thread (the board's
    /// <see cref="BoardPoller"/>). A failed transfer throws (IOException from the SPI device;
    /// InvalidOperationException from the binding when the reply's null bit is not 0, e.g. MISO
    /// not connected): wrap the input in a <see cref="PolledAnalogInput"/>, which keeps the last
    /// good reading. The binding reads through stack buffers: a reading allocates nothing in it.
    /// </remarks>
    public sealed class Mcp3008Input : IAnalogInput
    {
        private readonly Mcp3008 _adc;
        private readonly int _channel;

        /// <summary>Channel <paramref name="channel"/> (0..7) of <paramref name="adc"/>.</summary>
        public Mcp3008Input(Mcp3008 adc, int channel)
        {
            ArgumentNullException.ThrowIfNull(adc);
            ArgumentOutOfRangeException.ThrowIfNegative(channel);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 7);
            _adc = adc;
            _channel = channel;
        }

        /// <summary>The channel read.</summary>
        public int Channel => _channel;

        /// <inheritdoc />
        public int ReadRaw()
        {
            return _adc.Read(_channel);
        }

        /// <inheritdoc />
        public double ReadValue()
        {
            return ReadRaw();
        }
    }
}
