using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A span of simulated time during which something is active (cover open, supply failed, a
    /// voltage sag), relative to the simulation start, once or repeating.
    /// </summary>
    public sealed class ScheduledInterval
    {
        /// <summary>Active from <paramref name="start"/> after the simulation start for <paramref name="duration"/>, once.</summary>
        public ScheduledInterval(TimeSpan start, TimeSpan duration)
            : this(start, duration, TimeSpan.Zero)
        {
        }

        /// <summary>
        /// Active from <paramref name="start"/> for <paramref name="duration"/>, repeated every
        /// <paramref name="period"/> (zero = once).
        /// </summary>
        public ScheduledInterval(TimeSpan start, TimeSpan duration, TimeSpan period)
        {
            if (start < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            if (duration <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(duration));
            }

            if (period < TimeSpan.Zero || (period > TimeSpan.Zero && period <= duration))
            {
                throw new ArgumentOutOfRangeException(nameof(period), "period must be zero (once) or longer than the duration");
            }

            Start = start;
            Duration = duration;
            Period = period;
        }

        /// <summary>Time after the simulation start when the interval (first) begins.</summary>
        public TimeSpan Start { get; }

        /// <summary>How long it lasts.</summary>
        public TimeSpan Duration { get; }

        /// <summary>Repetition period; zero for a single occurrence.</summary>
        public TimeSpan Period { get; }

        /// <summary>True when active at <paramref name="elapsedTicks"/> after the start (start inclusive, end exclusive).</summary>
        public bool IsActive(long elapsedTicks)
        {
            long start = Start.Ticks;
            if (elapsedTicks < start)
            {
                return false;
            }

            long since = elapsedTicks - start;
            if (Period.Ticks > 0)
            {
                since %= Period.Ticks;
            }

            return since < Duration.Ticks;
        }

        /// <summary>
        /// The first boundary (begin or end) strictly after <paramref name="elapsedTicks"/>;
        /// <see cref="long.MaxValue"/> when there is none.
        /// </summary>
        public long NextBoundary(long elapsedTicks)
        {
            long start = Start.Ticks;
            long duration = Duration.Ticks;
            if (elapsedTicks < start)
            {
                return start;
            }

            if (Period.Ticks == 0)
            {
                return elapsedTicks < start + duration ? start + duration : long.MaxValue;
            }

            long since = (elapsedTicks - start) % Period.Ticks;
            long occurrence = elapsedTicks - since;
            return since < duration ? occurrence + duration : occurrence + Period.Ticks;
        }
    }
}
