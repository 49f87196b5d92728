using System;

namespace DlmsDevice.Firmware
{
    /// <summary>
    /// A software watchdog over the main loop: the loop feeds it every turn, a timer of the
    /// platform checks it, and a loop that has not turned for <see cref="TimeoutMilliseconds"/>
    /// (stuck in a driver, a deadlock) makes the platform reboot the device. Allocates nothing.
    /// </summary>
    public sealed class LoopWatchdog
    {
        private readonly long _timeout;
        private long _lastFed;
        private bool _fed;

        /// <summary>A watchdog that expires <paramref name="timeoutMilliseconds"/> after the last feed.</summary>
        public LoopWatchdog(long timeoutMilliseconds)
        {
            if (timeoutMilliseconds <= 0)
            {
                throw new ArgumentOutOfRangeException();
            }
            _timeout = timeoutMilliseconds;
        }

        /// <summary>The time the loop may stand still.</summary>
        public long TimeoutMilliseconds
        {
            get { return _timeout; }
        }

        /// <summary>The loop turned at <paramref name="nowMilliseconds"/> (monotonic).</summary>
        public void Feed(long nowMilliseconds)
        {
            _lastFed = nowMilliseconds;
            _fed = true;
        }

        /// <summary>True when the loop has not turned for the time-out (never before the first feed).</summary>
        public bool IsExpired(long nowMilliseconds)
        {
            return _fed && nowMilliseconds - _lastFed >= _timeout;
        }
    }
}
