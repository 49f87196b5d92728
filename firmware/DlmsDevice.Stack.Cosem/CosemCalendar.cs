using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Proleptic Gregorian calendar arithmetic on .NET ticks (100 ns since 0001-01-01) and the
    /// COSEM date-time fields, without <c>System.DateTime</c> (whose range on nanoFramework is
    /// 1601..3000 and whose constructor throws) and without allocation.
    /// </summary>
    /// <remarks>
    /// Day counting follows H. Hinnant's public-domain "days_from_civil" algorithm (our own
    /// code). Day of week is the COSEM numbering: 1 = Monday .. 7 = Sunday.
    /// </remarks>
    public static class CosemCalendar
    {
        /// <summary>Ticks in one second.</summary>
        public const long TicksPerSecond = 10000000L;

        /// <summary>Ticks in one minute.</summary>
        public const long TicksPerMinute = 60 * TicksPerSecond;

        /// <summary>Ticks in one hour.</summary>
        public const long TicksPerHour = 60 * TicksPerMinute;

        /// <summary>Ticks in one day.</summary>
        public const long TicksPerDay = 24 * TicksPerHour;

        // Days from 0001-01-01 to 1970-01-01, and from 0000-03-01 to 1970-01-01 (the algorithm's origin).
        private const long DaysTo1970 = 719162;
        private const long CivilShift = 719468;

        /// <summary>True for Gregorian leap years.</summary>
        public static bool IsLeapYear(int year)
        {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }

        /// <summary>Days in <paramref name="month"/> (1..12) of <paramref name="year"/>; 0 for a bad month.</summary>
        public static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 1:
                case 3:
                case 5:
                case 7:
                case 8:
                case 10:
                case 12:
                    return 31;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                case 2:
                    return IsLeapYear(year) ? 29 : 28;
                default:
                    return 0;
            }
        }

        /// <summary>Days from 0001-01-01 to the given date (no range check).</summary>
        public static long DaysFromCivil(int year, int month, int day)
        {
            long y = month <= 2 ? year - 1 : year;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yoe = y - era * 400;
            long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146097 + doe - CivilShift + DaysTo1970;
        }

        /// <summary>The date <paramref name="days"/> days after 0001-01-01.</summary>
        public static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            long z = days - DaysTo1970 + CivilShift;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            day = (int)(doy - (153 * mp + 2) / 5 + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));
        }

        /// <summary>COSEM day of week (1 = Monday .. 7 = Sunday) of the day <paramref name="days"/> after 0001-01-01 (a Monday).</summary>
        public static int DayOfWeek(long days)
        {
            long r = days % 7;
            if (r < 0)
            {
                r += 7;
            }
            return (int)r + 1;
        }

        /// <summary>Ticks of the given calendar time (no range check).</summary>
        public static long ToTicks(int year, int month, int day, int hour, int minute, int second, int hundredths)
        {
            return DaysFromCivil(year, month, day) * TicksPerDay + hour * TicksPerHour + minute * TicksPerMinute
                + second * TicksPerSecond + hundredths * (TicksPerSecond / 100);
        }

        /// <summary>
        /// Fills the date and time fields of <paramref name="value"/> (year .. hundredths and day of
        /// week) from <paramref name="ticks"/>; deviation and clock status are left as they are.
        /// </summary>
        public static void FromTicks(long ticks, CosemDateTime value)
        {
            long days = ticks / TicksPerDay;
            long rest = ticks - days * TicksPerDay;
            int year;
            int month;
            int day;
            CivilFromDays(days, out year, out month, out day);
            value.Year = (ushort)year;
            value.Month = (byte)month;
            value.DayOfMonth = (byte)day;
            value.DayOfWeek = (byte)DayOfWeek(days);
            value.Hour = (byte)(rest / TicksPerHour);
            rest -= value.Hour * TicksPerHour;
            value.Minute = (byte)(rest / TicksPerMinute);
            rest -= value.Minute * TicksPerMinute;
            value.Second = (byte)(rest / TicksPerSecond);
            rest -= value.Second * TicksPerSecond;
            value.Hundredths = (byte)(rest / (TicksPerSecond / 100));
        }

        /// <summary>
        /// The ticks of the calendar fields of <paramref name="value"/> (its local time; the
        /// deviation is not applied). Year, month, day, hour, minute and second must be
        /// specified and valid; hundredths 0xFF count as 0; day of week is not checked.
        /// </summary>
        /// <returns>False when a field is unspecified or out of range.</returns>
        public static bool TryGetTicks(CosemDateTime value, out long ticks)
        {
            ticks = 0;
            int year = value.Year;
            if (year == 0xFFFF || year < 1 || year > 9998)
            {
                return false;
            }
            int month = value.Month;
            int dim = DaysInMonth(year, month);
            if (dim == 0 || value.DayOfMonth < 1 || value.DayOfMonth > dim)
            {
                return false;
            }
            if (value.Hour > 23 || value.Minute > 59 || value.Second > 59)
            {
                return false;
            }
            int hundredths = value.Hundredths == 0xFF ? 0 : value.Hundredths;
            if (hundredths > 99)
            {
                return false;
            }
            ticks = ToTicks(year, month, value.DayOfMonth, value.Hour, value.Minute, value.Second, hundredths);
            return true;
        }

        /// <summary>
        /// Resolves a daylight-savings switch rule (Clock attributes 5 and 6) to the local time it
        /// falls on in <paramref name="year"/>.
        /// </summary>
        /// <remarks>
        /// Supported subset of the Blue Book 4.1.6.1 wildcards: year 0xFFFF = every year (a
        /// specified year applies to that year only); month 1..12 (0xFD/0xFE/0xFF are refused);
        /// day of month 1..31, 0xFE last day, 0xFD second-last day; day of week 0xFF = that date,
        /// 1..7 = the first such weekday on or after the day of month, or, with 0xFE/0xFD, the last
        /// such weekday on or before that day (0xFE + Sunday = "last Sunday", the EU rule);
        /// hour/minute/second 0xFF = 0. Hundredths, deviation and status are ignored.
        /// </remarks>
        /// <returns>False when the rule uses a form outside the subset.</returns>
        public static bool TryResolveSwitch(CosemDateTime rule, int year, out long localTicks)
        {
            localTicks = 0;
            if (rule.Year != 0xFFFF)
            {
                year = rule.Year;
            }
            int month = rule.Month;
            int dim = DaysInMonth(year, month);
            if (dim == 0)
            {
                return false;
            }
            int day;
            bool backwards = false;
            if (rule.DayOfMonth == 0xFE)
            {
                day = dim;
                backwards = true;
            }
            else if (rule.DayOfMonth == 0xFD)
            {
                day = dim - 1;
                backwards = true;
            }
            else if (rule.DayOfMonth >= 1 && rule.DayOfMonth <= dim)
            {
                day = rule.DayOfMonth;
            }
            else
            {
                return false;
            }
            long days = DaysFromCivil(year, month, day);
            if (rule.DayOfWeek != 0xFF)
            {
                if (rule.DayOfWeek < 1 || rule.DayOfWeek > 7)
                {
                    return false;
                }
                int dow = DayOfWeek(days);
                if (backwards)
                {
                    days -= (dow - rule.DayOfWeek + 7) % 7;
                }
                else
                {
                    days += (rule.DayOfWeek - dow + 7) % 7;
                }
            }
            int hour = rule.Hour == 0xFF ? 0 : rule.Hour;
            int minute = rule.Minute == 0xFF ? 0 : rule.Minute;
            int second = rule.Second == 0xFF ? 0 : rule.Second;
            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }
            localTicks = days * TicksPerDay + hour * TicksPerHour + minute * TicksPerMinute + second * TicksPerSecond;
            return true;
        }
    }
}
