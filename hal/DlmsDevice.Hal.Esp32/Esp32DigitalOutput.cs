using System.Device.Gpio;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// A GPIO output (the relay driver). <see cref="Write"/> records the level (it is called on
    /// the request path: a disconnect ACTION); <see cref="Apply"/>, from the periodic poll, drives
    /// the pin, because writing a PinValue (a struct) allocates on nanoCLR. The pin follows
    /// within one poll interval (100 ms).
    /// </summary>
    public sealed class Esp32DigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private bool _requested;
        private bool _applied;

        /// <summary>Opens <paramref name="pin"/> as an output, driven to <paramref name="initialLevel"/> at once.</summary>
        public Esp32DigitalOutput(GpioController controller, int pin, bool initialLevel)
        {
            _pin = controller.OpenPin(pin, PinMode.Output);
            _requested = initialLevel;
            _applied = !initialLevel;
            Apply();
        }

        /// <inheritdoc />
        public int Pin
        {
            get { return _pin.PinNumber; }
        }

        /// <inheritdoc />
        public bool Read()
        {
            return _requested;
        }

        /// <inheritdoc />
        public void Write(bool level)
        {
            _requested = level;
        }

        /// <summary>Drives the pin to the last level written, if it changed (periodic poll only).</summary>
        public void Apply()
        {
            bool level = _requested;
            if (level == _applied)
            {
                return;
            }
            _pin.Write(level ? PinValue.High : PinValue.Low);
            _applied = level;
        }
    }
}
