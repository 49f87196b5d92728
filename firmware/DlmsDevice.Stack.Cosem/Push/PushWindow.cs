using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Whether a local date-time lies in a communication window of a push setup (Blue Book IC 40
    /// communication_window: <c>{ start, end }</c> date-times that may hold wildcards, e.g. a daily
    /// window <c>FFFF-FF-FF 08:00</c> .. <c>FFFF-FF-FF 10:00</c>).
    /// </summary>
    /// <remarks>
    /// Our reading of the wildcards: the fields year, month, day, hour, minute, second are compared
    /// in that order, skipping every field that is "not specified" (0xFFFF / 0xFF) or special
    /// (month 0xFD/0xFE for daylight saving, day 0xFD/0xFE for the last days of the month) in the
    /// bound; day of week, hundredths, deviation and status are not compared. The window is
    /// <c>[start, end)</c>; when start is after end (22:00 .. 02:00) it wraps round. Allocation-free.
    /// </remarks>
    public static class PushWindow
    {

        /// <summary>True when <paramref name="now"/> lies in the window of 24 bytes (start, end) at <paramref name="window"/>[<paramref name="offset"/>].</summary>
        public static bool Contains(byte[] window, int offset, CosemDateTime now)
        {
            int end = offset + CosemDateTime.DateTimeSize;
            bool afterStart = Compare(now, window, offset) >= 0;
            bool beforeEnd = Compare(now, window, end) < 0;
            if (CompareBounds(window, offset, end) <= 0)
            {
                return afterStart && beforeEnd;
            }
            return afterStart || beforeEnd;
        }

        // Sign of (now - bound) over the bound's specified fields.
        private static int Compare(CosemDateTime now, byte[] bound, int offset)
        {
            int year = (bound[offset] << 8) | bound[offset + 1];
            if (year != CosemDateTime.YearNotSpecified && now.Year != year)
            {
                return now.Year < year ? -1 : 1;
            }
            int c = Field(now.Month, bound[offset + 2], true);
            if (c == 0)
            {
                c = Field(now.DayOfMonth, bound[offset + 3], true);
            }
            if (c == 0)
            {
                c = Field(now.Hour, bound[offset + 5], false);
            }
            if (c == 0)
            {
                c = Field(now.Minute, bound[offset + 6], false);
            }
            if (c == 0)
            {
                c = Field(now.Second, bound[offset + 7], false);
            }
            return c;
        }

        // Sign of (start - end), fields compared where both are specified.
        private static int CompareBounds(byte[] window, int start, int end)
        {
            int startYear = (window[start] << 8) | window[start + 1];
            int endYear = (window[end] << 8) | window[end + 1];
            if (startYear != CosemDateTime.YearNotSpecified && endYear != CosemDateTime.YearNotSpecified && startYear != endYear)
            {
                return startYear < endYear ? -1 : 1;
            }
            for (int i = 0; i < 5; i++)
            {
                // Month, day, then hour, minute, second (offsets 2, 3, 5, 6, 7: day of week skipped).
                int field = i < 2 ? 2 + i : 3 + i;
                int a = window[start + field];
                int b = window[end + field];
                if (!Wildcard(a, i < 2) && !Wildcard(b, i < 2) && a != b)
                {
                    return a < b ? -1 : 1;
                }
            }
            return 0;
        }

        private static int Field(int value, int bound, bool calendar)
        {
            if (Wildcard(bound, calendar) || value == bound)
            {
                return 0;
            }
            return value < bound ? -1 : 1;
        }

        // 0xFF is "not specified"; month and day also use 0xFD/0xFE (daylight saving, last days).
        private static bool Wildcard(int field, bool calendar)
        {
            return field == CosemDateTime.NotSpecified || (calendar && (field == 0xFD || field == 0xFE));
        }
    }
}
