namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Dates and times with wildcards (Blue Book 4.1.6.1 date and time formats) as schedules,
    /// special days and calendars use them, matched against local calendar time in .NET ticks
    /// (<see cref="CosemCalendar"/>). Allocation-free.
    /// </summary>
    /// <remarks>
    /// <para>Date (5 bytes: year high, year low, month, day of month, day of week): year 0xFFFF
    /// = every year; month 0xFF = every month (0xFD/0xFE, the daylight-saving months, are not
    /// supported); day 0xFF = every day, 0xFE = the last and 0xFD = the second-last day of the
    /// month; day of week 0xFF = any, 1..7 (Monday..Sunday) = only that weekday.</para>
    /// <para>Time (4 bytes: hour, minute, second, hundredths): hour 0..23, or 0xFF = every hour
    /// (our reading of a wildcard in the hour: a periodic schedule); minute 0..59; second 0xFF =
    /// 0; hundredths are ignored.</para>
    /// </remarks>
    public static class ScheduleTime
    {
        /// <summary>
        /// How far back a search for a missed execution looks (about ten years): after a longer
        /// outage only that span is caught up.
        /// </summary>
        public const int MaxCatchUpDays = 3660;

        /// <summary>Not specified (wildcard) in a one-byte field.</summary>
        public const byte Any = 0xFF;

        /// <summary>True when the 5-byte date at <paramref name="offset"/> is a valid pattern; without wildcards when <paramref name="wildcards"/> is false.</summary>
        public static bool IsValidDate(byte[] date, int offset, bool wildcards)
        {
            int year = Packed.ReadUInt16(date, offset);
            int month = date[offset + 2];
            int day = date[offset + 3];
            int dow = date[offset + 4];
            bool yearOk = year == 0xFFFF ? wildcards : year >= 1 && year <= 9998;
            bool monthOk = month == Any ? wildcards : month >= 1 && month <= 12;
            bool dayOk = day == Any || day == 0xFE || day == 0xFD ? wildcards : day >= 1 && day <= 31;
            bool dowOk = dow == Any || (dow >= 1 && dow <= 7);
            if (!wildcards && year != 0xFFFF && month >= 1 && month <= 12 && day > CosemCalendar.DaysInMonth(year, month))
            {
                return false;
            }
            return yearOk && monthOk && dayOk && dowOk;
        }

        /// <summary>True when the 4-byte time at <paramref name="offset"/> is valid (hour may be 0xFF = every hour, seconds 0xFF = 0).</summary>
        public static bool IsValidTime(byte[] time, int offset)
        {
            int hour = time[offset];
            int minute = time[offset + 1];
            int second = time[offset + 2];
            return (hour == Any || hour <= 23) && minute <= 59 && (second == Any || second <= 59);
        }

        /// <summary>Whether the date pattern at <paramref name="offset"/> matches day <paramref name="days"/> (days since 0001-01-01).</summary>
        public static bool DateMatches(byte[] date, int offset, long days)
        {
            int year;
            int month;
            int day;
            CosemCalendar.CivilFromDays(days, out year, out month, out day);
            int patternYear = Packed.ReadUInt16(date, offset);
            if (patternYear != 0xFFFF && patternYear != year)
            {
                return false;
            }
            int patternMonth = date[offset + 2];
            if (patternMonth != Any && patternMonth != month)
            {
                return false;
            }
            int patternDay = date[offset + 3];
            int lastDay = CosemCalendar.DaysInMonth(year, month);
            if (patternDay == 0xFE)
            {
                if (day != lastDay)
                {
                    return false;
                }
            }
            else if (patternDay == 0xFD)
            {
                if (day != lastDay - 1)
                {
                    return false;
                }
            }
            else if (patternDay != Any && patternDay != day)
            {
                return false;
            }
            int patternDow = date[offset + 4];
            return patternDow == Any || patternDow == CosemCalendar.DayOfWeek(days);
        }

        /// <summary>
        /// The latest local time in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]
        /// (ticks) that the time at <paramref name="time"/>[<paramref name="timeOffset"/>] on a day
        /// matching the date at <paramref name="date"/>[<paramref name="dateOffset"/>] falls on;
        /// at most <see cref="MaxCatchUpDays"/> days back from the end.
        /// </summary>
        public static bool LatestIn(byte[] time, int timeOffset, byte[] date, int dateOffset, long fromExclusive, long toInclusive, out long when)
        {
            when = 0;
            if (toInclusive <= fromExclusive)
            {
                return false;
            }
            long lastDay = FloorDiv(toInclusive, CosemCalendar.TicksPerDay);
            long firstDay = FloorDiv(fromExclusive, CosemCalendar.TicksPerDay);
            if (lastDay - firstDay > MaxCatchUpDays)
            {
                firstDay = lastDay - MaxCatchUpDays;
            }
            int hour = time[timeOffset];
            long minuteTicks = time[timeOffset + 1] * CosemCalendar.TicksPerMinute
                + (time[timeOffset + 2] == Any ? 0 : time[timeOffset + 2]) * CosemCalendar.TicksPerSecond;
            for (long d = lastDay; d >= firstDay; d--)
            {
                if (!DateMatches(date, dateOffset, d))
                {
                    continue;
                }
                long dayStart = d * CosemCalendar.TicksPerDay;
                for (int h = hour == Any ? 23 : hour; h >= (hour == Any ? 0 : hour); h--)
                {
                    long t = dayStart + h * CosemCalendar.TicksPerHour + minuteTicks;
                    if (t <= toInclusive)
                    {
                        if (t > fromExclusive)
                        {
                            when = t;
                            return true;
                        }
                        // Earlier hours and days are earlier still.
                        return false;
                    }
                }
            }
            return false;
        }

        /// <summary>Ticks since local midnight of the time at <paramref name="offset"/> (an hour wildcard counts as 0, seconds 0xFF as 0).</summary>
        public static long TimeOfDay(byte[] time, int offset)
        {
            int hour = time[offset] == Any ? 0 : time[offset];
            int second = time[offset + 2] == Any ? 0 : time[offset + 2];
            return hour * CosemCalendar.TicksPerHour + time[offset + 1] * CosemCalendar.TicksPerMinute + second * CosemCalendar.TicksPerSecond;
        }

        /// <summary>Floor division for ticks before year 1 as well.</summary>
        public static long FloorDiv(long value, long divisor)
        {
            long q = value / divisor;
            return value % divisor < 0 ? q - 1 : q;
        }
    }
}
