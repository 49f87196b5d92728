using System;
using System.Device.Gpio;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// A GPIO output line as an <see cref="IDigitalOutput"/> with a logical level: the disconnect
    /// relay's driver (a transistor or ULN2003 channel driving the coil, a relay HAT's input;
    /// true = connected) or an RS-485 transceiver's driver enable (true = driving).
    /// </summary>
    /// <remarks>
    /// The line is opened as an output at the level of <c>initialLevel</c> (the driver is asked
    /// not to glitch), so a restart does not toggle the supply; the metering engine then drives
    /// the relay to the state Disconnect control recovered. Nothing here allocates, but
    /// System.Device.Gpio 4.2 does, inside <see cref="GpioController.Write(int, PinValue)"/>: it
    /// records the level in a <c>ConcurrentDictionary&lt;int, PinValue?&gt;</c>, a new node per
    /// write (40 bytes), and the libgpiod driver keeps its own dictionary the same way.
    /// </remarks>
    public sealed class GpioOutput : IDigitalOutput, IDisposable
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
        /// <param name="activeLow">True when the logical level true is a low line (a relay board with inverted inputs).</param>
        /// <param name="initialLevel">The logical level to open with.</param>
        public GpioOutput(GpioController controller, int pin, bool activeLow, bool initialLevel)
        {
            ArgumentNullException.ThrowIfNull(controller);
            _controller = controller;
            _pin = pin;
            _activeLow = activeLow;
            _level = initialLevel;
            _controller.OpenPin(pin, PinMode.Output, Electrical(initialLevel));
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

        private PinValue Electrical(bool level)
        {
            return level != _activeLow ? PinValue.High : PinValue.Low;
        }
    }
}
