using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>Selective access by range (selector 1, range_descriptor).</content>
    /// <remarks>
    /// <para><b>range_descriptor</b> (Blue Book 4.3.6): <c>02 04 &lt;restricting_object:
    /// capture_object_definition&gt; &lt;from_value&gt; &lt;to_value&gt; &lt;selected_values: array of
    /// capture_object_definition, empty = all columns&gt;</c>. The rows whose restricting value v
    /// satisfies from_value &lt;= v &lt;= to_value are selected, in buffer (capture) order, every
    /// row tested on its own: rows need not be sorted by the restricting value, so a clock set
    /// backwards still selects exactly the matching rows (see the cursor layout in
    /// ProfileGeneric.Selection.cs for the limit of three runs). Selected columns come in
    /// capture_objects order whatever order selected_values lists them in.</para>
    /// <para><b>Comparable values.</b> date-time (octet-string of 12 or tag 25) is compared as a
    /// UTC instant; integers of every type and float32/float64 numerically (integers exactly,
    /// mixed with floats as double). A row holding null-data never matches. A bound of another
    /// type, bounds of different kinds, or a row value of another kind than the bounds is
    /// type-unmatched.</para>
    /// <para><b>Date-times</b> (a problem users report, docs/interop.md "Range descriptor").
    /// The deviation, when specified, gives UTC = local + deviation (the Gurux sign, as
    /// <see cref="Clock"/> uses). Deviation 0x8000 (dlms-cosem, and many meters' own readers)
    /// means local time of the clock: the restricting column's object when it is a
    /// <see cref="Stack.Cosem.Clock"/>, else <see cref="ProfileGeneric.Clock"/>, else UTC.
    /// Day of week and clock status are ignored (the C client sets the weekday, the others
    /// 0xFF). Wildcards widen the bound: in from_value an unspecified month, day, hour, minute,
    /// second or hundredths is its smallest value, in to_value its largest (hundredths 0xFF in
    /// to_value = .99); day 0xFE is the last day of the month and 0xFD the second last; an
    /// unspecified year leaves that side of the range open. Month 0xFD/0xFE (daylight savings)
    /// and out-of-range fields are scope-of-access-violated.</para>
    /// </remarks>
    public sealed partial class ProfileGeneric
    {
        private const int KeyNone = 0;
        private const int KeyDateTime = 1;
        private const int KeyInteger = 2;
        private const int KeyFloat = 3;
        private const int KeyOther = 4;

        private DataAccessResult BeginRange(AxdrReader parameters, ArrayCursor cursor)
        {
            int count;
            ushort classId;
            long name;
            sbyte attribute;
            ushort dataIndex;
            if (parameters.ReadStructure(out count) != AxdrStatus.Ok || count != 4
                || !ReadCaptureObjectDefinition(parameters, out classId, out name, out attribute, out dataIndex))
            {
                return DataAccessResult.TypeUnmatched;
            }
            long fromInteger;
            double fromFloat;
            long toInteger;
            double toFloat;
            int fromKind = ReadBound(parameters, out fromInteger, out fromFloat, _workspace.From);
            int toKind = ReadBound(parameters, out toInteger, out toFloat, _workspace.To);
            if (fromKind == KeyOther || toKind == KeyOther)
            {
                return DataAccessResult.TypeUnmatched;
            }
            bool unknownColumn = false;
            int mask = 0;
            if (parameters.ReadArray(out count) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            for (int i = 0; i < count; i++)
            {
                ushort selectedClass;
                long selectedName;
                sbyte selectedAttribute;
                ushort selectedIndex;
                if (!ReadCaptureObjectDefinition(parameters, out selectedClass, out selectedName, out selectedAttribute, out selectedIndex))
                {
                    return DataAccessResult.TypeUnmatched;
                }
                int column = FindColumn(selectedClass, selectedName, selectedAttribute, selectedIndex);
                if (column < 0)
                {
                    unknownColumn = true;
                }
                else
                {
                    mask |= 1 << column;
                }
            }
            // Shape first (type-unmatched above), then meaning.
            bool dateRange = fromKind == KeyDateTime;
            if (dateRange != (toKind == KeyDateTime))
            {
                return DataAccessResult.TypeUnmatched;
            }
            int restricting = FindColumn(classId, name, attribute, dataIndex);
            if (restricting < 0 || unknownColumn)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            cursor.ColumnMask = count == 0 ? AllColumns() : mask;
            if (dateRange)
            {
                Clock clock = ClockOf(restricting);
                int fromStatus = BoundToUtc(_workspace.From, false, clock, out fromInteger);
                int toStatus = BoundToUtc(_workspace.To, true, clock, out toInteger);
                if (fromStatus < 0 || toStatus < 0)
                {
                    return DataAccessResult.ScopeOfAccessViolated;
                }
                if (fromStatus > 0)
                {
                    fromInteger = long.MinValue;
                }
                if (toStatus > 0)
                {
                    toInteger = long.MaxValue;
                }
            }
            return SelectRange(cursor, restricting, dateRange, fromKind, fromInteger, fromFloat, toKind, toInteger, toFloat);
        }

        /// <summary>Scans the rows and stores the matching ones as runs in the cursor.</summary>
        private DataAccessResult SelectRange(ArrayCursor cursor, int column, bool dateRange,
            int fromKind, long fromInteger, double fromFloat, int toKind, long toInteger, double toFloat)
        {
            Clock clock = ClockOf(column);
            int offset = _offsets[column];
            int width = _widths[column];
            int runs = 0;
            int runStart = 0;
            int runLength = 0;
            int total = 0;
            // The bounds are UTC ticks by now: their date-time holder takes each row's value.
            CosemDateTime time = _workspace.From;
            for (int seq = _oldestSeq; seq != _nextSeq; seq++)
            {
                int row;
                byte[] rows = _rows.ReadRow(seq, out row);
                if (rows == null)
                {
                    return DataAccessResult.HardwareFault;
                }
                long integer;
                double real;
                int kind = RowKey(rows, row + offset, width, out integer, out real, time);
                if (kind == KeyNone)
                {
                    continue;
                }
                bool match;
                if (dateRange)
                {
                    if (kind != KeyDateTime)
                    {
                        return DataAccessResult.TypeUnmatched;
                    }
                    long utc;
                    match = ToUtc(time, clock, out utc) && utc >= fromInteger && utc <= toInteger;
                }
                else
                {
                    if (kind != KeyInteger && kind != KeyFloat)
                    {
                        return DataAccessResult.TypeUnmatched;
                    }
                    match = InNumericRange(kind, integer, real, fromKind, fromInteger, fromFloat, toKind, toInteger, toFloat);
                }
                if (!match)
                {
                    continue;
                }
                total++;
                if (runLength > 0 && runStart + runLength == seq)
                {
                    runLength++;
                    continue;
                }
                if (runLength > 0)
                {
                    SetRun(cursor, runs, runStart, runLength);
                    runs++;
                }
                if (runs == MaxRuns)
                {
                    return DataAccessResult.OtherReason;
                }
                runStart = seq;
                runLength = 1;
            }
            if (runLength > 0)
            {
                SetRun(cursor, runs, runStart, runLength);
            }
            cursor.Count = total;
            return DataAccessResult.Success;
        }

        private static bool InNumericRange(int kind, long integer, double real,
            int fromKind, long fromInteger, double fromFloat, int toKind, long toInteger, double toFloat)
        {
            if (kind == KeyInteger && fromKind == KeyInteger && toKind == KeyInteger)
            {
                return integer >= fromInteger && integer <= toInteger;
            }
            double value = kind == KeyInteger ? integer : real;
            double low = fromKind == KeyInteger ? fromInteger : fromFloat;
            double high = toKind == KeyInteger ? toInteger : toFloat;
            return value >= low && value <= high;
        }

        /// <summary>The clock that gives date-times of <paramref name="column"/> without a deviation their meaning.</summary>
        private Clock ClockOf(int column)
        {
            Clock clock = _objects[column] as Clock;
            return clock != null ? clock : _clock;
        }

        /// <summary>
        /// Reads from_value or to_value (a date-time into <paramref name="time"/>). Returns its
        /// kind; <see cref="KeyOther"/> (type-unmatched) for types that cannot bound a range, in
        /// which case the reader may have moved.
        /// </summary>
        private static int ReadBound(AxdrReader reader, out long integer, out double real, CosemDateTime time)
        {
            integer = 0;
            real = 0;
            DataType tag;
            if (reader.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return KeyOther;
            }
            switch (tag)
            {
                case DataType.OctetString:
                case DataType.DateTime:
                    return reader.ReadDateTime(time) == AxdrStatus.Ok ? KeyDateTime : KeyOther;
                case DataType.Float32:
                    {
                        float single;
                        if (reader.ReadFloat32(out single) != AxdrStatus.Ok)
                        {
                            return KeyOther;
                        }
                        real = single;
                        return KeyFloat;
                    }
                case DataType.Float64:
                    return reader.ReadFloat64(out real) == AxdrStatus.Ok ? KeyFloat : KeyOther;
                case DataType.Long64Unsigned:
                    {
                        ulong big;
                        if (reader.ReadLong64Unsigned(out big) != AxdrStatus.Ok)
                        {
                            return KeyOther;
                        }
                        return UnsignedKey(big, out integer, out real);
                    }
                default:
                    return reader.ReadInt64Any(out integer) == AxdrStatus.Ok ? KeyInteger : KeyOther;
            }
        }

        /// <summary>A long64-unsigned: an integer while it fits a long, else a double.</summary>
        private static int UnsignedKey(ulong value, out long integer, out double real)
        {
            integer = 0;
            real = 0;
            if (value > long.MaxValue)
            {
                real = value;
                return KeyFloat;
            }
            integer = (long)value;
            return KeyInteger;
        }

        /// <summary>Decodes the comparable value of the slot at <paramref name="slot"/> of <paramref name="b"/> (a date-time into <paramref name="time"/>).</summary>
        private static int RowKey(byte[] b, int slot, int width, out long integer, out double real, CosemDateTime time)
        {
            integer = 0;
            real = 0;
            switch ((DataType)b[slot])
            {
                case DataType.NullData:
                    return KeyNone;
                case DataType.OctetString:
                    if (width < 2 + CosemDateTime.DateTimeSize || b[slot + 1] != CosemDateTime.DateTimeSize)
                    {
                        return KeyOther;
                    }
                    time.ReadFrom(b, slot + 2);
                    return KeyDateTime;
                case DataType.DateTime:
                    time.ReadFrom(b, slot + 1);
                    return KeyDateTime;
                case DataType.Integer:
                    integer = (sbyte)b[slot + 1];
                    return KeyInteger;
                case DataType.Unsigned:
                case DataType.Enum:
                case DataType.Bcd:
                    integer = b[slot + 1];
                    return KeyInteger;
                case DataType.Long:
                    integer = (short)Get16(b, slot + 1);
                    return KeyInteger;
                case DataType.LongUnsigned:
                    integer = Get16(b, slot + 1);
                    return KeyInteger;
                case DataType.DoubleLong:
                    integer = (int)Get32(b, slot + 1);
                    return KeyInteger;
                case DataType.DoubleLongUnsigned:
                    integer = Get32(b, slot + 1);
                    return KeyInteger;
                case DataType.Long64:
                    integer = (long)Get64(b, slot + 1);
                    return KeyInteger;
                case DataType.Long64Unsigned:
                    return UnsignedKey(Get64(b, slot + 1), out integer, out real);
                case DataType.Float32:
                    real = Ieee754.Int32BitsToSingle((int)Get32(b, slot + 1));
                    return KeyFloat;
                case DataType.Float64:
                    real = BitConverter.Int64BitsToDouble((long)Get64(b, slot + 1));
                    return KeyFloat;
                default:
                    return KeyOther;
            }
        }

        private static uint Get16(byte[] b, int i)
        {
            return (uint)((b[i] << 8) | b[i + 1]);
        }

        private static uint Get32(byte[] b, int i)
        {
            return ((uint)b[i] << 24) | ((uint)b[i + 1] << 16) | ((uint)b[i + 2] << 8) | b[i + 3];
        }

        private static ulong Get64(byte[] b, int i)
        {
            return ((ulong)Get32(b, i) << 32) | Get32(b, i + 4);
        }

        /// <summary>
        /// UTC ticks of a fully specified date-time: with its deviation when specified, else as
        /// local time of <paramref name="clock"/> (UTC when null).
        /// </summary>
        private static bool ToUtc(CosemDateTime value, Clock clock, out long utcTicks)
        {
            if (clock != null)
            {
                return clock.TryToUtc(value, out utcTicks);
            }
            long local;
            utcTicks = 0;
            if (!CosemCalendar.TryGetTicks(value, out local))
            {
                return false;
            }
            if (value.Deviation == CosemDateTime.DeviationNotSpecified)
            {
                utcTicks = local;
                return true;
            }
            if (value.Deviation < -720 || value.Deviation > 720)
            {
                return false;
            }
            utcTicks = local + value.Deviation * CosemCalendar.TicksPerMinute;
            return true;
        }

        /// <summary>
        /// Resolves the wildcards of a range bound (see the remarks) and converts it to UTC.
        /// </summary>
        /// <param name="value">The bound as sent; its fields are filled in place.</param>
        /// <param name="upper">True for to_value: wildcards take their largest value.</param>
        /// <param name="clock">Gives deviation 0x8000 its meaning.</param>
        /// <param name="utcTicks">The bound.</param>
        /// <returns>0 ok, 1 open (year not specified), -1 invalid.</returns>
        private static int BoundToUtc(CosemDateTime value, bool upper, Clock clock, out long utcTicks)
        {
            utcTicks = 0;
            if (value.Year == CosemDateTime.YearNotSpecified)
            {
                return 1;
            }
            if (value.Month == CosemDateTime.NotSpecified)
            {
                value.Month = (byte)(upper ? 12 : 1);
            }
            int days = CosemCalendar.DaysInMonth(value.Year, value.Month);
            if (days == 0)
            {
                return -1;
            }
            if (value.DayOfMonth == CosemDateTime.NotSpecified)
            {
                value.DayOfMonth = (byte)(upper ? days : 1);
            }
            else if (value.DayOfMonth == CosemDateTime.DayLastOfMonth)
            {
                value.DayOfMonth = (byte)days;
            }
            else if (value.DayOfMonth == CosemDateTime.DaySecondLastOfMonth)
            {
                value.DayOfMonth = (byte)(days - 1);
            }
            value.Hour = Widen(value.Hour, upper, 23);
            value.Minute = Widen(value.Minute, upper, 59);
            value.Second = Widen(value.Second, upper, 59);
            value.Hundredths = Widen(value.Hundredths, upper, 99);
            return ToUtc(value, clock, out utcTicks) ? 0 : -1;
        }

        private static byte Widen(byte field, bool upper, byte max)
        {
            if (field != CosemDateTime.NotSpecified)
            {
                return field;
            }
            return upper ? max : (byte)0;
        }
    }
}
