using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Special days table (Blue Book, class_id 11, version 0), normally 0.0.11.0.0.255: dates on
    /// which the activity calendar uses another day profile than its week profile gives (public
    /// holidays).
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 entries (<c>array of structure { index long-unsigned,
    /// specialday_date octet-string(5), day_id unsigned }</c>; dates may use the wildcards of
    /// <see cref="ScheduleTime"/>, e.g. year 0xFFFF for a holiday every year). Methods:
    /// 1 insert (a spec_day_entry: an entry with the same index or the same date is replaced,
    /// Blue Book), 2 delete (long-unsigned index; deleting an index that is not there
    /// succeeds and changes nothing).</para>
    /// <para>A SET or insert that is malformed is type-unmatched; more entries than the
    /// capacity, or an invalid date, is scope-of-access-violated, and nothing changes.</para>
    /// </remarks>
    public sealed class SpecialDaysTable : CosemObject, IPersistentObject
    {
        /// <summary>Attribute indexes of Special days table (Blue Book IC 11).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>entries.</summary>
            public const int Entries = 2;
        }

        /// <summary>Method indexes of Special days table (Blue Book IC 11).</summary>
        public static class Methods
        {
            /// <summary>insert.</summary>
            public const int Insert = 1;

            /// <summary>delete.</summary>
            public const int Delete = 2;
        }

        private const int EntrySize = 8;
        private const int DateSize = 5;
        private const byte PersistFormat = 1;

        // count x (index u16, date 5, day_id 1).
        private readonly byte[] _data;
        private int _count;
        private int _version;

        /// <summary>An empty table with room for <paramref name="capacity"/> entries.</summary>
        public SpecialDaysTable(ObisCode logicalName, int capacity)
            : base(CosemClassId.SpecialDaysTable, 0, logicalName)
        {
            if (capacity < 1 || capacity > 255)
            {
                throw new ArgumentOutOfRangeException();
            }
            _data = new byte[capacity * EntrySize];
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 2; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 2; }
        }

        /// <summary>Number of entries.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Configuration: inserts (or replaces) an entry; <paramref name="date"/> is 5 bytes (wildcards allowed).</summary>
        /// <exception cref="ArgumentException">No room, or the date is not valid.</exception>
        public void Insert(int index, byte[] date, int dayId)
        {
            if (date == null || date.Length != DateSize || !ScheduleTime.IsValidDate(date, 0, true) || !Put(index, date, 0, dayId))
            {
                throw new ArgumentException();
            }
            _version++;
        }

        /// <summary>The day_id of the first entry whose date matches day <paramref name="days"/> (days since 0001-01-01); -1 when none does.</summary>
        public int Lookup(long days)
        {
            for (int i = 0; i < _count; i++)
            {
                if (ScheduleTime.DateMatches(_data, i * EntrySize + 2, days))
                {
                    return _data[i * EntrySize + 2 + DateSize];
                }
            }
            return -1;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            writer.WriteArray(_count);
            for (int i = 0; i < _count; i++)
            {
                int e = i * EntrySize;
                writer.WriteStructure(3);
                writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(_data, e));
                writer.WriteOctetString(_data, e + 2, DateSize);
                writer.WriteUnsigned(_data[e + 2 + DateSize]);
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            bool allowed = n * EntrySize <= _data.Length;
            for (int i = 0; i < n; i++)
            {
                int index;
                int date;
                int dayId;
                if (!ReadEntry(value, out index, out date, out dayId))
                {
                    value.Position = start;
                    return DataAccessResult.TypeUnmatched;
                }
                allowed &= ScheduleTime.IsValidDate(value.Buffer, date, true);
            }
            if (!allowed)
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            value.Position = start;
            value.ReadArray(out n);
            _count = 0;
            for (int i = 0; i < n; i++)
            {
                int index;
                int date;
                int dayId;
                ReadEntry(value, out index, out date, out dayId);
                Put(index, value.Buffer, date, dayId);
            }
            _version++;
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (parameters == null)
            {
                return ActionResult.TypeUnmatched;
            }
            int start = parameters.Position;
            if (methodId == Methods.Insert)
            {
                int index;
                int date;
                int dayId;
                if (!ReadEntry(parameters, out index, out date, out dayId))
                {
                    parameters.Position = start;
                    return ActionResult.TypeUnmatched;
                }
                if (!ScheduleTime.IsValidDate(parameters.Buffer, date, true) || !Put(index, parameters.Buffer, date, dayId))
                {
                    parameters.Position = start;
                    return ActionResult.ScopeOfAccessViolated;
                }
                _version++;
                return ActionResult.Success;
            }
            ushort delete;
            if (parameters.ReadLongUnsigned(out delete) != AxdrStatus.Ok)
            {
                return ActionResult.TypeUnmatched;
            }
            for (int i = 0; i < _count; i++)
            {
                if (Packed.ReadUInt16(_data, i * EntrySize) == delete)
                {
                    Packed.Move(_data, (i + 1) * EntrySize, i * EntrySize, (_count - i - 1) * EntrySize);
                    _count--;
                    _version++;
                    break;
                }
            }
            return ActionResult.Success;
        }

        private static bool ReadEntry(AxdrReader value, out int index, out int date, out int dayId)
        {
            index = 0;
            date = 0;
            dayId = 0;
            int fields;
            ushort i;
            byte d;
            if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 3 || value.ReadLongUnsigned(out i) != AxdrStatus.Ok
                || !SingleActionSchedule.ReadFixed(value, DataType.Date, DateSize, out date) || value.ReadUnsigned(out d) != AxdrStatus.Ok)
            {
                return false;
            }
            index = i;
            dayId = d;
            return true;
        }

        // Replaces the entry with the same index or date, or appends; false when there is no room.
        private bool Put(int index, byte[] date, int dateOffset, int dayId)
        {
            int slot = _count;
            for (int i = 0; i < _count; i++)
            {
                int e = i * EntrySize;
                if (Packed.ReadUInt16(_data, e) == index || Packed.Equal(_data, e + 2, date, dateOffset, DateSize))
                {
                    slot = i;
                    break;
                }
            }
            if (slot == _count)
            {
                if ((_count + 1) * EntrySize > _data.Length)
                {
                    return false;
                }
                _count++;
            }
            int p = slot * EntrySize;
            Packed.WriteUInt16(_data, p, index);
            Array.Copy(date, dateOffset, _data, p + 2, DateSize);
            _data[p + 2 + DateSize] = (byte)dayId;
            return true;
        }

        /// <inheritdoc />
        public int ConfigurationVersion
        {
            get { return _version; }
        }

        /// <inheritdoc />
        public int PersistedLength
        {
            get { return 2 + _data.Length; }
        }

        /// <inheritdoc />
        public int Save(byte[] buffer, int offset)
        {
            buffer[offset] = PersistFormat;
            buffer[offset + 1] = (byte)_count;
            Array.Copy(_data, 0, buffer, offset + 2, _count * EntrySize);
            return 2 + _count * EntrySize;
        }

        /// <inheritdoc />
        public bool Restore(byte[] buffer, int offset, int length)
        {
            if (length < 2 || buffer[offset] != PersistFormat)
            {
                return false;
            }
            int n = buffer[offset + 1];
            if (length != 2 + n * EntrySize || n * EntrySize > _data.Length)
            {
                return false;
            }
            Array.Copy(buffer, offset + 2, _data, 0, n * EntrySize);
            _count = n;
            _version++;
            return true;
        }
    }
}
