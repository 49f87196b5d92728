using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Period boundaries aligned to the meter clock: every <c>period</c> seconds of local
    /// standard time (load profile, demand blocks), or every local midnight (daily profile,
    /// daylight saving included). Remembers the last boundary it reported.
    /// </summary>
    /// <remarks>
    /// <para>Rule, checked at every tick with the clock's current UTC time: the latest boundary
    /// b at or before now is computed; if b is later than the last one reported, b is reported
    /// (once, however many boundaries were crossed: a meter that was off, or a clock set forward
    /// over several periods, gets one row stamped with the latest boundary); if b is earlier
    /// (the clock was set back before the last boundary), the schedule goes back to b silently,
    /// so the next boundary is reported again when the clock reaches it.</para>
    /// <para>Sub-daily periods are aligned in local standard time (UTC - time_zone), not in
    /// daylight time: a period that divides an hour gives the same boundaries either way, and
    /// the boundaries then never run backwards when daylight saving ends.</para>
    /// </remarks>
    internal sealed class PeriodSchedule
    {
        /// <summary>Value of <see cref="Last"/> before the first tick.</summary>
        internal const long None = long.MinValue;

        private readonly long _periodTicks;
        private readonly bool _localMidnight;
        private long _last = None;

        /// <summary>Boundaries every <paramref name="periodSeconds"/> (which divides a day) or, with <paramref name="localMidnight"/>, at local midnight.</summary>
        internal PeriodSchedule(int periodSeconds, bool localMidnight)
        {
            _periodTicks = localMidnight ? CosemCalendar.TicksPerDay : periodSeconds * CosemCalendar.TicksPerSecond;
            _localMidnight = localMidnight;
        }

        /// <summary>The last boundary reported (UTC ticks), or <see cref="None"/>.</summary>
        internal long Last
        {
            get { return _last; }
            set { _last = value; }
        }

        /// <summary>Length of a period in ticks (a day for the midnight schedule).</summary>
        internal long PeriodTicks
        {
            get { return _periodTicks; }
        }

        /// <summary>
        /// Checks <paramref name="utcTicks"/>: 1 = a new boundary was reached (<paramref name="boundary"/>),
        /// 0 = nothing to do, -1 = the clock went back before the last boundary (<paramref name="boundary"/> =
        /// the schedule's new position). The first check only sets the position.
        /// </summary>
        internal int Check(long utcTicks, Clock clock, out long boundary)
        {
            boundary = BoundaryAtOrBefore(utcTicks, clock);
            if (_last == None)
            {
                _last = boundary;
                return 0;
            }
            if (boundary > _last)
            {
                _last = boundary;
                return 1;
            }
            if (boundary < _last)
            {
                _last = boundary;
                return -1;
            }
            return 0;
        }

        /// <summary>The latest boundary at or before <paramref name="utcTicks"/>, in UTC ticks.</summary>
        internal long BoundaryAtOrBefore(long utcTicks, Clock clock)
        {
            int zone = clock.TimeZone == CosemDateTime.DeviationNotSpecified ? 0 : clock.TimeZone;
            long zoneTicks = zone * CosemCalendar.TicksPerMinute;
            if (!_localMidnight)
            {
                // Local standard time = UTC - time_zone (Clock sign convention: UTC = local + deviation).
                return MeterMath.FloorTo(utcTicks - zoneTicks, _periodTicks) + zoneTicks;
            }
            long dstTicks = clock.DaylightSavingsDeviation * CosemCalendar.TicksPerMinute;
            long local = utcTicks - zoneTicks + (clock.IsDaylightSavingsActive(utcTicks) ? dstTicks : 0);
            long midnight = MeterMath.FloorTo(local, CosemCalendar.TicksPerDay);
            // Back to UTC the way Clock reads a local time without deviation: summer time when it
            // falls in daylight saving, standard time otherwise.
            long standard = midnight + zoneTicks;
            long summer = standard - dstTicks;
            return clock.IsDaylightSavingsActive(summer) ? summer : standard;
        }
    }
}
