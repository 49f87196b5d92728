using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>Checking a SET of a calendar attribute before its bytes are stored.</content>
    public sealed partial class ActivityCalendar
    {
        // Reads one value of attribute id (2..9) and checks it; leaves the reader after it on
        // success. type-unmatched for a wrong shape, scope-of-access-violated for a wrong value.
        private static DataAccessResult Check(int attributeId, AxdrReader value)
        {
            int offset;
            int length;
            switch ((attributeId - Attributes.CalendarNameActive) % 4)
            {
                case 0:
                    return value.ReadOctetString(out offset, out length) == AxdrStatus.Ok ? DataAccessResult.Success : DataAccessResult.TypeUnmatched;
                case 1:
                    return CheckSeasons(value);
                case 2:
                    return CheckWeeks(value);
                default:
                    return CheckDays(value);
            }
        }

        private static DataAccessResult CheckSeasons(AxdrReader value)
        {
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            DataAccessResult result = DataAccessResult.Success;
            for (int i = 0; i < n; i++)
            {
                int fields;
                int offset;
                int length;
                int start;
                if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 3
                    || value.ReadOctetString(out offset, out length) != AxdrStatus.Ok
                    || !SingleActionSchedule.ReadFixed(value, DataType.DateTime, CosemDateTime.DateTimeSize, out start)
                    || value.ReadOctetString(out offset, out length) != AxdrStatus.Ok)
                {
                    return DataAccessResult.TypeUnmatched;
                }
                if (!IsValidSeasonStart(value.Buffer, start))
                {
                    result = DataAccessResult.ScopeOfAccessViolated;
                }
            }
            return result;
        }

        private static DataAccessResult CheckWeeks(AxdrReader value)
        {
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            for (int i = 0; i < n; i++)
            {
                int fields;
                int offset;
                int length;
                if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 8
                    || value.ReadOctetString(out offset, out length) != AxdrStatus.Ok)
                {
                    return DataAccessResult.TypeUnmatched;
                }
                for (int d = 0; d < 7; d++)
                {
                    byte dayId;
                    if (value.ReadUnsigned(out dayId) != AxdrStatus.Ok)
                    {
                        return DataAccessResult.TypeUnmatched;
                    }
                }
            }
            return DataAccessResult.Success;
        }

        private static DataAccessResult CheckDays(AxdrReader value)
        {
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            DataAccessResult result = DataAccessResult.Success;
            for (int i = 0; i < n; i++)
            {
                int fields;
                byte dayId;
                int actions;
                if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 2
                    || value.ReadUnsigned(out dayId) != AxdrStatus.Ok
                    || value.ReadArray(out actions) != AxdrStatus.Ok)
                {
                    return DataAccessResult.TypeUnmatched;
                }
                for (int a = 0; a < actions; a++)
                {
                    int time;
                    long name;
                    ushort selector;
                    if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 3
                        || !SingleActionSchedule.ReadFixed(value, DataType.Time, CosemDateTime.TimeSize, out time)
                        || value.ReadObis(out name) != AxdrStatus.Ok
                        || value.ReadLongUnsigned(out selector) != AxdrStatus.Ok)
                    {
                        return DataAccessResult.TypeUnmatched;
                    }
                    // A switching time is a time of day: the hour must be given.
                    if (value.Buffer[time] == ScheduleTime.Any || !ScheduleTime.IsValidTime(value.Buffer, time))
                    {
                        result = DataAccessResult.ScopeOfAccessViolated;
                    }
                }
            }
            return result;
        }

        // season_start: month 1..12 and day 1..31 given; year given or 0xFFFF (every year);
        // hour, minute, second given or 0xFF (= 0).
        private static bool IsValidSeasonStart(byte[] buffer, int offset)
        {
            int year = Packed.ReadUInt16(buffer, offset);
            int month = buffer[offset + 2];
            int day = buffer[offset + 3];
            int hour = buffer[offset + 5];
            int minute = buffer[offset + 6];
            int second = buffer[offset + 7];
            return (year == 0xFFFF || (year >= 1 && year <= 9998)) && month >= 1 && month <= 12 && day >= 1 && day <= 31
                && (hour <= 23 || hour == ScheduleTime.Any) && (minute <= 59 || minute == ScheduleTime.Any)
                && (second <= 59 || second == ScheduleTime.Any);
        }
    }
}
