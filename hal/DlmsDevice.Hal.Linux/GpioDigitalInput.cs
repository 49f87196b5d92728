using System;
using System.Device.Gpio;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// A switch on a GPIO line as an <see cref="IDigitalInput"/>: the terminal cover, a magnetic
    /// tamper sensor, the supply sense. The driver's edge events record the raw level; a level
    /// counts once it has held for the debounce time, checked by <see cref="Settle"/>, which the
    /// board's poll calls every few milliseconds. Then <see cref="Edge"/> is raised, on the poll's
    /// thread, with the time of the edge that started the stable level.
    /// </summary>
    /// <remarks>
    /// Levels are logical (true = active: cover open, field present, supply failing); an
    /// active-low switch is inverted here. A switch that bounces produces one edge per real
    /// change. The callback and <see cref="Settle"/> allocate nothing.
    /// </remarks>
    public sealed class GpioDigitalInput : IDigitalInput, IDisposable
    {
        private readonly GpioController _controller;
        private readonly int _pin;
        private readonly bool _activeLow;
        private readonly int _debounce;
        private readonly ISystemClock _clock;
        private readonly PinChangeEventHandler _onEdge;
        private readonly object _sync = new object();
        private bool _raw;
        private long _rawSince;
        private bool _level;
        private bool _disposed;

        /// <summary>Opens <paramref name="pin"/> as an input; its present level is the starting level.</summary>
        /// <param name="controller">The GPIO chip's controller (the caller keeps and disposes it).</param>
        /// <param name="pin">The line number on that chip.</param>
        /// <param name="mode">Input, InputPullUp or InputPullDown.</param>
        /// <param name="activeLow">True when the active state reads low.</param>
        /// <param name="debounceMilliseconds">How long a new level must hold to count (0..10000 ms).</param>
        /// <param name="clock">Times the edges (monotonic) and stamps the events (UTC).</param>
        public GpioDigitalInput(GpioController controller, int pin, PinMode mode, bool activeLow, int debounceMilliseconds, ISystemClock clock)
        {
            ArgumentNullException.ThrowIfNull(controller);
            ArgumentNullException.ThrowIfNull(clock);
            if (mode != PinMode.Input && mode != PinMode.InputPullUp && mode != PinMode.InputPullDown)
            {
                throw new ArgumentOutOfRangeException(nameof(mode));
            }
            ArgumentOutOfRangeException.ThrowIfNegative(debounceMilliseconds);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(debounceMilliseconds, 10000);
            _controller = controller;
            _pin = pin;
            _activeLow = activeLow;
            _debounce = debounceMilliseconds;
            _clock = clock;
            _controller.OpenPin(pin, mode);
            _raw = (_controller.Read(pin) == PinValue.High) != activeLow;
            _level = _raw;
            _rawSince = clock.GetMonotonicMilliseconds();
            _onEdge = OnPinValueChanged;
            _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, _onEdge);
        }

        /// <inheritdoc />
        public int Pin => _pin;

        /// <inheritdoc />
        public event DigitalEdgeHandler? Edge;

        /// <inheritdoc />
        public bool Read()
        {
            lock (_sync)
            {
                return _level;
            }
        }

        /// <summary>
        /// Publishes the raw level when it differs from the published one and has held for the
        /// debounce time at <paramref name="nowMilliseconds"/> (monotonic); raises <see cref="Edge"/>.
        /// </summary>
        /// <returns>True when the level changed.</returns>
        public bool Settle(long nowMilliseconds)
        {
            bool level;
            long since;
            lock (_sync)
            {
                if (_disposed || _raw == _level || nowMilliseconds - _rawSince < _debounce)
                {
                    return false;
                }
                _level = _raw;
                level = _level;
                since = _rawSince;
            }
            long utc = _clock.GetUtcTicks() - (_clock.GetMonotonicMilliseconds() - since) * TimeSpan.TicksPerMillisecond;
            Edge?.Invoke(_pin, level, utc);
            return true;
        }

        /// <summary>Stops watching the line and closes it (the controller stays open).</summary>
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
            _controller.UnregisterCallbackForPinValueChangedEvent(_pin, _onEdge);
            _controller.ClosePin(_pin);
        }

        private void OnPinValueChanged(object sender, PinValueChangedEventArgs e)
        {
            bool active = (e.ChangeType == PinEventTypes.Rising) != _activeLow;
            long now = _clock.GetMonotonicMilliseconds();
            lock (_sync)
            {
                if (active != _raw)
                {
                    _raw = active;
                    _rawSince = now;
                }
            }
        }
    }
}
