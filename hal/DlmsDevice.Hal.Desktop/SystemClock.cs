using System;
using System.Diagnostics;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// The real clock of a desktop or Linux host: UTC from <c>DateTime.UtcNow</c> plus an offset
    /// (setting the time moves the offset, never the machine's clock), monotonic milliseconds
    /// from a stopwatch started at construction.
    /// </summary>
    public sealed class SystemClock : ISystemClock
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _offsetTicks;

        /// <summary>Difference between this clock and the machine's clock, in ticks.</summary>
        public long OffsetTicks => System.Threading.Interlocked.Read(ref _offsetTicks);

        /// <inheritdoc />
        public long GetUtcTicks()
        {
            return DateTime.UtcNow.Ticks + OffsetTicks;
        }

        /// <inheritdoc />
        public void SetUtcTicks(long utcTicks)
        {
            System.Threading.Interlocked.Exchange(ref _offsetTicks, utcTicks - DateTime.UtcNow.Ticks);
        }

        /// <inheritdoc />
        public long GetMonotonicMilliseconds()
        {
            return (long)Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        }
    }
}
