using System;
using System.Device.Gpio;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// The disconnect relay's driver on a GPIO line (a transistor or ULN2003 channel driving the
    /// coil, or a relay HAT's input) as an <see cref="IDigitalOutput"/>: true = connected.
    /// </summary>
    /// <remarks>
    /// The line is opened as an output at the level of <c>initiallyConnected</c> (the driver is
    /// asked not to glitch), so a restart does not toggle the supply; the metering engine then
    /// drives it to the state Disconnect control recovered. Writing allocates nothing here.
    /// </remarks>
    public sealed class GpioRelayOutput : IDigitalOutput, IDisposable
    {
        private readonly GpioController _controller;
        private readonly int _pin;
        private readonly bool _activeLow;
        private readonly object _sync = new object();
        private bool _level;
        private bool _disposed;

        /// <summary>Opens <paramref name="pin"/> as an output.</summary>
        /// <param name="controller">The GPIO chip's controller (the caller keeps and disposes it).</param>
        /// <param name="pin">The line number on that chip.</param>
        /// <param name="activeLow">True when "connected" is a low line (a relay board with inverted inputs).</param>
        /// <param name="initiallyConnected">The level to open with.</param>
        public GpioRelayOutput(GpioController controller, int pin, bool activeLow, bool initiallyConnected)
        {
            ArgumentNullException.ThrowIfNull(controller);
            _controller = controller;
            _pin = pin;
            _activeLow = activeLow;
            _level = initiallyConnected;
            _controller.OpenPin(pin, PinMode.Output, Electrical(initiallyConnected));
        }

        /// <inheritdoc />
        public int Pin => _pin;

        /// <inheritdoc />
        public bool Read()
        {
            lock (_sync)
            {
                return _level;
            }
        }

        /// <inheritdoc />
        public void Write(bool level)
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }
                _controller.Write(_pin, Electrical(level));
                _level = level;
            }
        }

        /// <summary>Closes the line (the controller stays open; what the line does once released is up to the GPIO chip's kernel driver).</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }
                _disposed = true;
            }
            _controller.ClosePin(_pin);
        }

        private PinValue Electrical(bool connected)
        {
            return connected != _activeLow ? PinValue.High : PinValue.Low;
        }
    }
}
