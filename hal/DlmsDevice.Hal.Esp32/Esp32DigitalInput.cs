using System.Device.Gpio;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// A GPIO input with edge events (cover switch, supply sense): the level is kept from the
    /// edges nanoFramework reports, so <see cref="Read"/> touches no PinValue (a struct: a heap
    /// block on nanoCLR). Edges arrive on nanoFramework's event thread, stamped with the clock.
    /// </summary>
    public sealed class Esp32DigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly ISystemClock _clock;
        private readonly bool _activeLow;
        private bool _level;

        /// <summary>Opens <paramref name="pin"/> (pull-up where the ESP32 has one: not on GPIO 34..39); <paramref name="activeLow"/>: low means active.</summary>
        public Esp32DigitalInput(GpioController controller, int pin, bool activeLow, ISystemClock clock)
        {
            _clock = clock;
            _activeLow = activeLow;
            _pin = controller.OpenPin(pin, pin >= 34 ? PinMode.Input : PinMode.InputPullUp);
            _pin.DebounceTimeout = System.TimeSpan.FromTicks(20 * System.TimeSpan.TicksPerMillisecond);
            bool high = _pin.Read() == PinValue.High;
            _level = high != activeLow;
            _pin.ValueChanged += OnValueChanged;
        }

        /// <inheritdoc />
        public int Pin
        {
            get { return _pin.PinNumber; }
        }

        /// <inheritdoc />
        public event DigitalEdgeHandler Edge;

        /// <inheritdoc />
        public bool Read()
        {
            return _level;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            bool high = (e.ChangeType & PinEventTypes.Rising) != 0;
            bool level = high != _activeLow;
            if (level == _level)
            {
                return;
            }
            _level = level;
            DigitalEdgeHandler handler = Edge;
            if (handler != null)
            {
                handler(e.PinNumber, level, _clock.GetUtcTicks());
            }
        }
    }
}
