using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>
    /// What is in force at a moment of local time, and the passive calendar's activation
    /// (docs/billing-and-tariffs.md). The stored sets are parsed where they are, with the runner's reader:
    /// nothing is allocated.
    /// </content>
    public sealed partial class ActivityCalendar
    {
        // The script last run, so it runs again only when another one comes into force.
        private long _appliedName = -1;
        private int _appliedSelector = -1;
        private bool _dirty = true;

        /// <summary>The script table (packed logical name) of the script last run; -1 before the first.</summary>
        public long AppliedScriptTable
        {
            get { return _appliedName; }
        }

        /// <summary>The selector of the script last run (the tariff, for the tariffication script table); -1 before the first.</summary>
        public int AppliedSelector
        {
            get { return _appliedSelector; }
        }

        /// <summary>
        /// One step at local time <paramref name="localTicks"/> (<see cref="CosemCalendar"/>
        /// ticks): activates the passive set when activate_passive_calendar_time (fully
        /// specified) has come, then works out the script in force and runs it through the runner
        /// when it is not the one last run (and once after start-up, an activation or a change of
        /// the active set, so the tariff is set whatever the state before).
        /// </summary>
        /// <param name="localTicks">The meter's local time.</param>
        /// <param name="specialDays">Overrides the week profile's day on the dates it lists; may be null.</param>
        /// <returns>True when a script was run.</returns>
        public bool Evaluate(long localTicks, SpecialDaysTable specialDays)
        {
            long activation;
            if (Limiter.TryGetLocalTicks(_data, TimeOffset, out activation) && localTicks >= activation)
            {
                // Done: the time is cleared, so the activation happens once (a time already past
                // when it is written activates at the next evaluation).
                SetNotSpecified(_data, TimeOffset);
                ActivatePassiveCalendar();
            }
            long name;
            int selector;
            if (!Current(localTicks, specialDays, out name, out selector))
            {
                return false;
            }
            if (!_dirty && name == _appliedName && selector == _appliedSelector)
            {
                return false;
            }
            _dirty = false;
            _appliedName = name;
            _appliedSelector = selector;
            _runner.Execute(name, selector);
            return true;
        }

        /// <summary>
        /// The script in force at <paramref name="localTicks"/>: the season with the latest
        /// season_start at or before it (a start with year 0xFFFF recurs every year), that
        /// season's week profile, the day_id of the weekday (or of the special day the table
        /// gives for the date), and that day profile's switching time at or before the time of
        /// day (none yet today: the day's last one, as the previous day would end).
        /// </summary>
        /// <returns>False when nothing is in force (no season, no matching week or day profile, an empty day).</returns>
        public bool Current(long localTicks, SpecialDaysTable specialDays, out long scriptTable, out int selector)
        {
            scriptTable = 0;
            selector = 0;
            long days = ScheduleTime.FloorDiv(localTicks, CosemCalendar.TicksPerDay);
            long timeOfDay = localTicks - days * CosemCalendar.TicksPerDay;
            int weekName;
            int weekNameLength;
            if (!FindSeason(localTicks, days, out weekName, out weekNameLength))
            {
                return false;
            }
            int dayId = specialDays != null ? specialDays.Lookup(days) : -1;
            if (dayId < 0 && !FindDayId(weekName, weekNameLength, CosemCalendar.DayOfWeek(days), out dayId))
            {
                return false;
            }
            return FindAction(dayId, timeOfDay, out scriptTable, out selector);
        }

        private bool FindSeason(long localTicks, long days, out int weekName, out int weekNameLength)
        {
            weekName = 0;
            weekNameLength = -1;
            int year;
            int month;
            int day;
            CosemCalendar.CivilFromDays(days, out year, out month, out day);
            AxdrReader r = Open(Attributes.SeasonProfileActive);
            int n;
            if (r.ReadArray(out n) != AxdrStatus.Ok)
            {
                return false;
            }
            long best = long.MinValue;
            for (int i = 0; i < n; i++)
            {
                int fields;
                int offset;
                int length;
                int start;
                int week;
                int weekLength;
                if (r.ReadStructure(out fields) != AxdrStatus.Ok || r.ReadOctetString(out offset, out length) != AxdrStatus.Ok
                    || !SingleActionSchedule.ReadFixed(r, DataType.DateTime, CosemDateTime.DateTimeSize, out start)
                    || r.ReadOctetString(out week, out weekLength) != AxdrStatus.Ok)
                {
                    return false;
                }
                long t = SeasonStart(_data, start, year);
                if (t > localTicks && Packed.ReadUInt16(_data, start) == 0xFFFF)
                {
                    // A yearly season that starts later this year began last year.
                    t = SeasonStart(_data, start, year - 1);
                }
                if (t <= localTicks && t > best)
                {
                    best = t;
                    weekName = week;
                    weekNameLength = weekLength;
                }
            }
            return weekNameLength >= 0;
        }

        private bool FindDayId(int weekName, int weekNameLength, int dayOfWeek, out int dayId)
        {
            dayId = -1;
            AxdrReader r = Open(Attributes.WeekProfileTableActive);
            int n;
            if (r.ReadArray(out n) != AxdrStatus.Ok)
            {
                return false;
            }
            for (int i = 0; i < n; i++)
            {
                int fields;
                int offset;
                int length;
                if (r.ReadStructure(out fields) != AxdrStatus.Ok || r.ReadOctetString(out offset, out length) != AxdrStatus.Ok)
                {
                    return false;
                }
                bool match = length == weekNameLength && Packed.Equal(_data, offset, _data, weekName, length);
                for (int d = 1; d <= 7; d++)
                {
                    byte id;
                    if (r.ReadUnsigned(out id) != AxdrStatus.Ok)
                    {
                        return false;
                    }
                    if (match && d == dayOfWeek)
                    {
                        dayId = id;
                    }
                }
                if (match)
                {
                    return true;
                }
            }
            return false;
        }

        private bool FindAction(int dayId, long timeOfDay, out long scriptTable, out int selector)
        {
            scriptTable = 0;
            selector = 0;
            AxdrReader r = Open(Attributes.DayProfileTableActive);
            int n;
            if (r.ReadArray(out n) != AxdrStatus.Ok)
            {
                return false;
            }
            for (int i = 0; i < n; i++)
            {
                int fields;
                byte id;
                int actions;
                if (r.ReadStructure(out fields) != AxdrStatus.Ok || r.ReadUnsigned(out id) != AxdrStatus.Ok
                    || r.ReadArray(out actions) != AxdrStatus.Ok)
                {
                    return false;
                }
                if (id != dayId)
                {
                    for (int a = 0; a < actions; a++)
                    {
                        r.SkipValue();
                    }
                    continue;
                }
                long bestTime = -1;
                long lastTime = -1;
                bool found = false;
                for (int a = 0; a < actions; a++)
                {
                    int time;
                    long name;
                    ushort script;
                    if (r.ReadStructure(out fields) != AxdrStatus.Ok
                        || !SingleActionSchedule.ReadFixed(r, DataType.Time, CosemDateTime.TimeSize, out time)
                        || r.ReadObis(out name) != AxdrStatus.Ok || r.ReadLongUnsigned(out script) != AxdrStatus.Ok)
                    {
                        return false;
                    }
                    long t = ScheduleTime.TimeOfDay(_data, time);
                    if (t <= timeOfDay && t >= bestTime)
                    {
                        bestTime = t;
                        scriptTable = name;
                        selector = script;
                        found = true;
                    }
                    else if (!found && t >= lastTime)
                    {
                        lastTime = t;
                        scriptTable = name;
                        selector = script;
                    }
                }
                return found || lastTime >= 0;
            }
            return false;
        }

        private AxdrReader Open(int attributeId)
        {
            int offset;
            int length;
            Segment(attributeId, out offset, out length);
            AxdrReader r = _runner.Reader;
            r.Reset(_data, offset, length);
            return r;
        }

        // The local ticks a season_start (12 bytes at offset) falls on in year (when its year is 0xFFFF).
        private static long SeasonStart(byte[] buffer, int offset, int year)
        {
            int y = Packed.ReadUInt16(buffer, offset);
            if (y == 0xFFFF)
            {
                y = year;
            }
            int month = buffer[offset + 2];
            int day = buffer[offset + 3];
            int last = CosemCalendar.DaysInMonth(y, month);
            if (day > last)
            {
                day = last;
            }
            int hour = buffer[offset + 5] == ScheduleTime.Any ? 0 : buffer[offset + 5];
            int minute = buffer[offset + 6] == ScheduleTime.Any ? 0 : buffer[offset + 6];
            int second = buffer[offset + 7] == ScheduleTime.Any ? 0 : buffer[offset + 7];
            return CosemCalendar.ToTicks(y, month, day, hour, minute, second, 0);
        }
    }
}
