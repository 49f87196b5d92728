using System;
using System.Device.Gpio;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// An S0 pulse input on a GPIO line (System.Device.Gpio): the driver's edge events, both
    /// directions, go through an <see cref="S0PulseFilter"/> (debounce, minimum pulse width) and
    /// become an <see cref="IPulseCounter"/> for the metering engine.
    /// </summary>
    /// <remarks>
    /// <para>Edges are stamped with <see cref="ISystemClock.GetMonotonicMilliseconds"/> when the
    /// driver's event thread delivers them (System.Device.Gpio 4.2 passes no kernel timestamp),
    /// so the timing is as good as that thread's latency: ample for 30 ms S0 pulses.</para>
    /// <para>The edge callback and <see cref="Read"/> allocate nothing (the libgpiod driver
    /// allocates one <see cref="PinValueChangedEventArgs"/> per event inside the library).
    /// Thread-safe: the callback and the readers share one lock.</para>
    /// </remarks>
    public sealed class GpioPulseInput : IPulseCounter, IDisposable
    {
        private readonly GpioController _controller;
        private readonly int _pin;
        private readonly bool _activeLow;
        private readonly ISystemClock _clock;
        private readonly S0PulseFilter _filter;
        private readonly PinChangeEventHandler _onEdge;
        private readonly object _sync = new object();
        private long _edges;
        private bool _disposed;

        /// <summary>Opens <paramref name="pin"/> of <paramref name="controller"/> as an input and starts counting.</summary>
        /// <param name="controller">The GPIO chip's controller (the caller keeps and disposes it).</param>
        /// <param name="pin">The line number on that chip.</param>
        /// <param name="mode">Input, InputPullUp or InputPullDown (the bias the opto-coupler's output needs).</param>
        /// <param name="activeLow">True when a pulse pulls the line low (an opto-coupler's collector with a pull-up).</param>
        /// <param name="debounceMilliseconds">See <see cref="S0PulseFilter"/>.</param>
        /// <param name="minimumPulseMilliseconds">See <see cref="S0PulseFilter"/> (S0: 30 ms).</param>
        /// <param name="clock">Stamps the edges (monotonic milliseconds, the engine's time base).</param>
        public GpioPulseInput(GpioController controller, int pin, PinMode mode, bool activeLow, int debounceMilliseconds, int minimumPulseMilliseconds, ISystemClock clock)
        {
            ArgumentNullException.ThrowIfNull(controller);
            ArgumentNullException.ThrowIfNull(clock);
            if (mode != PinMode.Input && mode != PinMode.InputPullUp && mode != PinMode.InputPullDown)
            {
                throw new ArgumentOutOfRangeException(nameof(mode));
            }
            _controller = controller;
            _pin = pin;
            _activeLow = activeLow;
            _clock = clock;
            _controller.OpenPin(pin, mode);
            bool active = (_controller.Read(pin) == PinValue.High) != activeLow;
            _filter = new S0PulseFilter(debounceMilliseconds, minimumPulseMilliseconds, active);
            _onEdge = OnPinValueChanged;
            _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, _onEdge);
        }

        /// <summary>The GPIO line.</summary>
        public int Pin => _pin;

        /// <inheritdoc />
        public long Count
        {
            get
            {
                lock (_sync)
                {
                    return _filter.Count;
                }
            }
        }

        /// <summary>Raw edges delivered by the driver (bounce included).</summary>
        public long Edges
        {
            get
            {
                lock (_sync)
                {
                    return _edges;
                }
            }
        }

        /// <summary>Pulses rejected as shorter than the minimum width.</summary>
        public long Rejected
        {
            get
            {
                lock (_sync)
                {
                    return _filter.Rejected;
                }
            }
        }

        /// <summary>The line's level after the last edge (true = active).</summary>
        public bool Active
        {
            get
            {
                lock (_sync)
                {
                    return _filter.Active;
                }
            }
        }

        /// <inheritdoc />
        public long Read(out long lastEdgeMilliseconds)
        {
            lock (_sync)
            {
                lastEdgeMilliseconds = _filter.LastPulseStart;
                return _filter.Count;
            }
        }

        /// <summary>Stops counting and closes the line (the controller stays open).</summary>
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
            bool high = e.ChangeType == PinEventTypes.Rising;
            long now = _clock.GetMonotonicMilliseconds();
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }
                _edges++;
                _filter.OnEdge(high != _activeLow, now);
            }
        }
    }
}
