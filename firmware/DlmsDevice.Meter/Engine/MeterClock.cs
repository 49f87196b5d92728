using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>Called after the meter clock was set (Clock attribute 2, an adjust method, shift_time).</summary>
    /// <param name="oldUtcTicks">What the clock read just before.</param>
    /// <param name="newUtcTicks">What it reads now.</param>
    public delegate void ClockAdjustedHandler(long oldUtcTicks, long newUtcTicks);

    /// <summary>
    /// The time source of the COSEM Clock object (0.0.1.0.0.255): the device clock of the HAL,
    /// with two additions the engine needs. A set of the clock is reported
    /// (<see cref="Adjusted"/>: "setting the clock is itself an event"), and the reading can be
    /// frozen for the duration of one capture, so a profile row captured at the tick after a
    /// period boundary carries exactly the boundary's time and an event row the time of the edge.
    /// </summary>
    /// <remarks>
    /// Freezing happens inside the engine's tick, under the lock that serialises requests, so no
    /// client ever reads a frozen clock. Allocates nothing.
    /// </remarks>
    public sealed class MeterClock : ISystemClock
    {
        private readonly ISystemClock _clock;
        private bool _frozen;
        private long _frozenTicks;

        /// <summary>Wraps the device clock.</summary>
        public MeterClock(ISystemClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException();
            }
            _clock = clock;
        }

        /// <summary>The device clock.</summary>
        public ISystemClock SystemClock
        {
            get { return _clock; }
        }

        /// <summary>Raised after every <see cref="SetUtcTicks"/>.</summary>
        public event ClockAdjustedHandler Adjusted;

        /// <inheritdoc />
        public long GetUtcTicks()
        {
            return _frozen ? _frozenTicks : _clock.GetUtcTicks();
        }

        /// <summary>The device clock's reading, also while frozen.</summary>
        public long GetLiveUtcTicks()
        {
            return _clock.GetUtcTicks();
        }

        /// <inheritdoc />
        public void SetUtcTicks(long utcTicks)
        {
            long old = _clock.GetUtcTicks();
            _clock.SetUtcTicks(utcTicks);
            ClockAdjustedHandler handler = Adjusted;
            if (handler != null)
            {
                handler(old, utcTicks);
            }
        }

        /// <summary>Milliseconds of the device's monotonic time base.</summary>
        public long GetMonotonicMilliseconds()
        {
            return _clock.GetMonotonicMilliseconds();
        }

        /// <summary>Until <see cref="Unfreeze"/>, <see cref="GetUtcTicks"/> answers <paramref name="utcTicks"/>.</summary>
        public void Freeze(long utcTicks)
        {
            _frozenTicks = utcTicks;
            _frozen = true;
        }

        /// <summary>Back to the device clock.</summary>
        public void Unfreeze()
        {
            _frozen = false;
        }
    }
}
