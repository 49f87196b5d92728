using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Single action schedule (Blue Book, class_id 22, version 0): runs one script at the times
    /// it lists, e.g. the end of billing period 0.0.15.0.0.255 (the 1st of every month at 00:00).
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 executed_script (<c>structure { script_logical_name
    /// octet-string, script_selector long-unsigned }</c>), 3 type (enum: 1 one execution time,
    /// wildcards in the date allowed; 2 n times, all at the same time of day, no wildcards in the
    /// date; 3 n times, the same time of day, wildcards allowed; 4 n times, times may differ, no
    /// wildcards; 5 n times, times may differ, wildcards allowed), 4 execution_time
    /// (<c>array of structure { time octet-string(4), date octet-string(5) }</c>). No methods.
    /// Dates and times as <see cref="ScheduleTime"/> reads them.</para>
    /// <para>A SET is checked whole: a malformed value is type-unmatched; a value the type does
    /// not allow (more times than the type or the capacity takes, a wildcard the type forbids,
    /// an invalid date or time, a type outside 1..5, a type the current times do not satisfy)
    /// is scope-of-access-violated, and nothing changes.</para>
    /// <para>The object keeps no timer: the meter asks <see cref="IsDue"/> at every tick with
    /// the span of local time since the previous one and runs the script when it answers true
    /// (docs/billing-and-tariffs.md: catch-up after a clock jump or an outage).</para>
    /// </remarks>
    public sealed class SingleActionSchedule : CosemObject, IPersistentObject
    {
        /// <summary>Attribute indexes of Single action schedule (Blue Book IC 22).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>executed_script.</summary>
            public const int ExecutedScript = 2;

            /// <summary>type.</summary>
            public const int Type = 3;

            /// <summary>execution_time.</summary>
            public const int ExecutionTime = 4;
        }

        private const int ScriptOffset = 0;
        private const int TypeOffset = 8;
        private const int CountOffset = 9;
        private const int EntriesOffset = 10;
        private const int EntrySize = 9;
        private const int TimeSize = 4;
        private const int DateSize = 5;
        private const byte PersistFormat = 1;

        // executed_script (8), type (1), count (1), then count x (time 4, date 5).
        private readonly byte[] _data;
        private int _version;

        /// <summary>
        /// A schedule of type 1 without execution times that runs script
        /// <paramref name="selector"/> of <paramref name="scriptTable"/>; room for
        /// <paramref name="capacity"/> execution times.
        /// </summary>
        public SingleActionSchedule(ObisCode logicalName, ObisCode scriptTable, int selector, int capacity)
            : base(CosemClassId.SingleActionSchedule, 0, logicalName)
        {
            if (scriptTable == null || capacity < 1 || capacity > 255)
            {
                throw new ArgumentException();
            }
            _data = new byte[EntriesOffset + capacity * EntrySize];
            ScriptReference.Set(_data, ScriptOffset, scriptTable, selector);
            _data[TypeOffset] = 1;
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 4; }
        }

        /// <summary>type (attribute 3).</summary>
        public int Type
        {
            get { return _data[TypeOffset]; }
        }

        /// <summary>Number of execution times.</summary>
        public int Count
        {
            get { return _data[CountOffset]; }
        }

        /// <summary>The script table executed_script names (packed logical name).</summary>
        public long ScriptTable
        {
            get { return ScriptReference.GetName(_data, ScriptOffset); }
        }

        /// <summary>The script executed_script names.</summary>
        public int ScriptSelector
        {
            get { return ScriptReference.GetSelector(_data, ScriptOffset); }
        }

        /// <summary>
        /// Configuration: sets the type and appends one execution time (<paramref name="time"/> 4
        /// bytes: hour, minute, second, hundredths; <paramref name="date"/> 5 bytes: year high,
        /// year low, month, day, day of week; 0xFF = not specified).
        /// </summary>
        /// <exception cref="ArgumentException">No room, or the time or date is not valid for the type.</exception>
        public void Add(int type, byte[] time, byte[] date)
        {
            int n = _data[CountOffset];
            if (time == null || date == null || time.Length != TimeSize || date.Length != DateSize
                || EntriesOffset + (n + 1) * EntrySize > _data.Length || type < 1 || type > 5)
            {
                throw new ArgumentException();
            }
            int entry = EntriesOffset + n * EntrySize;
            Array.Copy(time, 0, _data, entry, TimeSize);
            Array.Copy(date, 0, _data, entry + TimeSize, DateSize);
            if (!Allows(type, _data, EntriesOffset, n + 1))
            {
                throw new ArgumentException();
            }
            _data[CountOffset] = (byte)(n + 1);
            _data[TypeOffset] = (byte)type;
            _version++;
        }

        /// <summary>
        /// The latest execution time in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]
        /// (local calendar ticks, <see cref="CosemCalendar"/>): the meter then runs the script once,
        /// however many times fell in the span.
        /// </summary>
        public bool IsDue(long fromExclusive, long toInclusive, out long when)
        {
            when = 0;
            bool due = false;
            int n = _data[CountOffset];
            for (int i = 0; i < n; i++)
            {
                int entry = EntriesOffset + i * EntrySize;
                long t;
                if (ScheduleTime.LatestIn(_data, entry, _data, entry + TimeSize, fromExclusive, toInclusive, out t) && (!due || t > when))
                {
                    when = t;
                    due = true;
                }
            }
            return due;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            switch (attributeId)
            {
                case Attributes.ExecutedScript:
                    ScriptReference.Write(writer, _data, ScriptOffset);
                    break;
                case Attributes.Type:
                    writer.WriteEnum(_data[TypeOffset]);
                    break;
                default:
                    int n = _data[CountOffset];
                    writer.WriteArray(n);
                    for (int i = 0; i < n; i++)
                    {
                        int entry = EntriesOffset + i * EntrySize;
                        writer.WriteStructure(2);
                        writer.WriteOctetString(_data, entry, TimeSize);
                        writer.WriteOctetString(_data, entry + TimeSize, DateSize);
                    }
                    break;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            DataAccessResult result;
            switch (attributeId)
            {
                case Attributes.ExecutedScript:
                    result = ScriptReference.Read(value, _data, ScriptOffset);
                    break;
                case Attributes.Type:
                    result = SetType(value);
                    break;
                default:
                    result = SetExecutionTimes(value);
                    break;
            }
            if (result == DataAccessResult.Success)
            {
                _version++;
            }
            return result;
        }

        private DataAccessResult SetType(AxdrReader value)
        {
            int start = value.Position;
            byte type;
            if (value.ReadEnum(out type) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (type < 1 || type > 5 || !Allows(type, _data, EntriesOffset, _data[CountOffset]))
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            _data[TypeOffset] = type;
            return DataAccessResult.Success;
        }

        // Checked whole in a first pass (the bytes where they are in the request), stored in a second.
        private DataAccessResult SetExecutionTimes(AxdrReader value)
        {
            int start = value.Position;
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            int type = _data[TypeOffset];
            bool allowed = n <= (_data.Length - EntriesOffset) / EntrySize && (type != 1 || n <= 1);
            int firstTime = 0;
            for (int i = 0; i < n; i++)
            {
                int time;
                int date;
                if (!ReadEntry(value, out time, out date))
                {
                    value.Position = start;
                    return DataAccessResult.TypeUnmatched;
                }
                if (i == 0)
                {
                    firstTime = time;
                }
                allowed &= AllowsEntry(type, value.Buffer, time, date, firstTime);
            }
            if (!allowed)
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            value.Position = start;
            value.ReadArray(out n);
            for (int i = 0; i < n; i++)
            {
                int time;
                int date;
                ReadEntry(value, out time, out date);
                int entry = EntriesOffset + i * EntrySize;
                Array.Copy(value.Buffer, time, _data, entry, TimeSize);
                Array.Copy(value.Buffer, date, _data, entry + TimeSize, DateSize);
            }
            _data[CountOffset] = (byte)n;
            return DataAccessResult.Success;
        }

        private static bool ReadEntry(AxdrReader value, out int time, out int date)
        {
            time = 0;
            date = 0;
            int fields;
            return value.ReadStructure(out fields) == AxdrStatus.Ok && fields == 2
                && ReadFixed(value, DataType.Time, TimeSize, out time)
                && ReadFixed(value, DataType.Date, DateSize, out date);
        }

        // Whether the type allows n entries stored one after the other at offset.
        private static bool Allows(int type, byte[] data, int offset, int n)
        {
            if (type == 1 && n > 1)
            {
                return false;
            }
            for (int i = 0; i < n; i++)
            {
                int entry = offset + i * EntrySize;
                if (!AllowsEntry(type, data, entry, entry + TimeSize, offset))
                {
                    return false;
                }
            }
            return true;
        }

        // One entry: a valid time, a date with the wildcards the type allows, and for types 2
        // and 3 the same time of day as the first entry.
        private static bool AllowsEntry(int type, byte[] data, int time, int date, int firstTime)
        {
            bool wildcards = type == 1 || type == 3 || type == 5;
            bool sameTime = type == 2 || type == 3;
            return ScheduleTime.IsValidTime(data, time) && ScheduleTime.IsValidDate(data, date, wildcards)
                && (!sameTime || Packed.Equal(data, time, data, firstTime, 3));
        }

        // A fixed-size octet-string (or the typed date/time form of the same size); the offset of its bytes.
        internal static bool ReadFixed(AxdrReader value, DataType typed, int size, out int dataOffset)
        {
            dataOffset = 0;
            DataType tag;
            if (value.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return false;
            }
            if (tag == typed)
            {
                byte ignored;
                value.ReadByte(out ignored);
                dataOffset = value.Position;
                return value.Skip(size) == AxdrStatus.Ok;
            }
            int length;
            return value.ReadOctetString(out dataOffset, out length) == AxdrStatus.Ok && length == size;
        }

        /// <inheritdoc />
        public int ConfigurationVersion
        {
            get { return _version; }
        }

        /// <inheritdoc />
        public int PersistedLength
        {
            get { return 1 + _data.Length; }
        }

        /// <inheritdoc />
        public int Save(byte[] buffer, int offset)
        {
            int n = EntriesOffset + _data[CountOffset] * EntrySize;
            return Packed.SaveRecord(PersistFormat, _data, n, buffer, offset);
        }

        /// <inheritdoc />
        public bool Restore(byte[] buffer, int offset, int length)
        {
            if (length < 1 + EntriesOffset || buffer[offset] != PersistFormat)
            {
                return false;
            }
            int n = buffer[offset + 1 + CountOffset];
            int type = buffer[offset + 1 + TypeOffset];
            if (length != 1 + EntriesOffset + n * EntrySize || EntriesOffset + n * EntrySize > _data.Length
                || type < 1 || type > 5 || !Allows(type, buffer, offset + 1 + EntriesOffset, n))
            {
                return false;
            }
            Array.Copy(buffer, offset + 1, _data, 0, length - 1);
            _version++;
            return true;
        }
    }
}
