using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Activity calendar (Blue Book, class_id 20, version 0), normally 0.0.13.0.0.255: seasons,
    /// week profiles and day profiles that say which script (normally a tariff of the
    /// tariffication script table 0.0.10.0.100.255) is in force at each moment; an active set
    /// and a passive set that replaces it at activate_passive_calendar_time.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name; active set 2 calendar_name_active (octet-string),
    /// 3 season_profile_active (<c>array of structure { season_profile_name octet-string,
    /// season_start octet-string(12), week_name octet-string }</c>), 4 week_profile_table_active
    /// (<c>array of structure { week_profile_name octet-string, monday .. sunday unsigned
    /// (day_id) }</c>), 5 day_profile_table_active (<c>array of structure { day_id unsigned,
    /// day_schedule array of structure { start_time octet-string(4), script_logical_name
    /// octet-string, script_selector long-unsigned } }</c>); passive set 6..9 the same;
    /// 10 activate_passive_calendar_time (octet-string(12)). Method 1 activate_passive_calendar
    /// (integer 0): the passive set is copied to the active set.</para>
    /// <para>Storage: each set is its four attributes' A-XDR bytes one after the other in a
    /// byte array of fixed capacity (no object per season, week or day); a SET replaces its
    /// attribute's bytes after the value was checked whole. Malformed is type-unmatched; a
    /// value that does not fit the capacity, or holds an invalid time, season start or logical
    /// name, is scope-of-access-violated; nothing changes then.</para>
    /// <para>What is in force (<see cref="Evaluate"/>, ActivityCalendar.Evaluation.cs) and when
    /// the passive set is activated: docs/billing-and-tariffs.md.</para>
    /// </remarks>
    public sealed partial class ActivityCalendar : CosemObject, IPersistentObject
    {
        /// <summary>Attribute indexes of Activity calendar (Blue Book IC 20).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>calendar_name_active.</summary>
            public const int CalendarNameActive = 2;

            /// <summary>season_profile_active.</summary>
            public const int SeasonProfileActive = 3;

            /// <summary>week_profile_table_active.</summary>
            public const int WeekProfileTableActive = 4;

            /// <summary>day_profile_table_active.</summary>
            public const int DayProfileTableActive = 5;

            /// <summary>calendar_name_passive.</summary>
            public const int CalendarNamePassive = 6;

            /// <summary>season_profile_passive.</summary>
            public const int SeasonProfilePassive = 7;

            /// <summary>week_profile_table_passive.</summary>
            public const int WeekProfileTablePassive = 8;

            /// <summary>day_profile_table_passive.</summary>
            public const int DayProfileTablePassive = 9;

            /// <summary>activate_passive_calendar_time.</summary>
            public const int ActivatePassiveCalendarTime = 10;
        }

        /// <summary>Method indexes of Activity calendar (Blue Book IC 20).</summary>
        public static class Methods
        {
            /// <summary>activate_passive_calendar.</summary>
            public const int ActivatePassiveCalendar = 1;
        }

        // A set: four u16 lengths (name, seasons, weeks, days), then the four encodings.
        private const int SetHeader = 8;
        private const int TimeOffset = 0;
        private const int ActiveOffset = CosemDateTime.DateTimeSize;
        private const byte PersistFormat = 1;

        private readonly ScriptRunner _runner;
        private readonly int _setSize;
        // activate_passive_calendar_time (12), the active set, the passive set.
        private readonly byte[] _data;
        private int _version;
        private int _activations;
        private int _passiveChanges;

        /// <summary>
        /// A calendar whose sets hold up to <paramref name="setCapacity"/> bytes of A-XDR each
        /// (about 30 per season, 23 per week profile, 3 per day profile and 20 per switching
        /// time), empty (no seasons: nothing in force), with no activation time.
        /// </summary>
        public ActivityCalendar(ObisCode logicalName, int setCapacity, ScriptRunner runner)
            : base(CosemClassId.ActivityCalendar, 0, logicalName)
        {
            if (setCapacity < 16 || setCapacity > 4096 || runner == null)
            {
                throw new ArgumentException();
            }
            _runner = runner;
            _setSize = SetHeader + setCapacity;
            _data = new byte[ActiveOffset + 2 * _setSize];
            for (int set = 0; set < 2; set++)
            {
                int s = SetOffset(set == 0 ? Attributes.CalendarNameActive : Attributes.CalendarNamePassive);
                // Empty name (09 00) and three empty arrays (01 00).
                int p = s + SetHeader;
                _data[p] = (byte)DataType.OctetString;
                _data[p + 2] = (byte)DataType.Array;
                _data[p + 4] = (byte)DataType.Array;
                _data[p + 6] = (byte)DataType.Array;
                for (int k = 0; k < 4; k++)
                {
                    Packed.WriteUInt16(_data, s + 2 * k, 2);
                }
            }
            SetNotSpecified(_data, TimeOffset);
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 10; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 1; }
        }

        /// <summary>How often the passive set was activated (by method 1 or at its time): the meter logs "tariff activated".</summary>
        public int Activations
        {
            get { return _activations; }
        }

        /// <summary>How often a client changed the passive set or its activation time: the meter logs "passive tariff updated".</summary>
        public int PassiveChanges
        {
            get { return _passiveChanges; }
        }

        /// <summary>
        /// Configuration: sets attribute <paramref name="attributeId"/> (2..10) from its A-XDR
        /// encoding, checked as a SET is (read with the runner's reader).
        /// </summary>
        /// <exception cref="ArgumentException">The value is not accepted.</exception>
        public void Configure(int attributeId, byte[] value)
        {
            AxdrReader reader = _runner.Reader;
            reader.Reset(value, 0, value.Length);
            if (SetAttribute(attributeId, reader, null) != DataAccessResult.Success || reader.Remaining != 0)
            {
                throw new ArgumentException();
            }
            _passiveChanges = 0;
        }

        /// <summary>Method 1 (activate_passive_calendar), also for the meter: the passive set becomes the active set (the passive set stays).</summary>
        public void ActivatePassiveCalendar()
        {
            Array.Copy(_data, SetOffset(Attributes.CalendarNamePassive), _data, SetOffset(Attributes.CalendarNameActive), _setSize);
            _activations++;
            _version++;
            _dirty = true;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            if (attributeId == Attributes.ActivatePassiveCalendarTime)
            {
                writer.WriteOctetString(_data, TimeOffset, CosemDateTime.DateTimeSize);
                return DataAccessResult.Success;
            }
            int offset;
            int length;
            Segment(attributeId, out offset, out length);
            writer.WriteBytes(_data, offset, length);
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            if (attributeId == Attributes.ActivatePassiveCalendarTime)
            {
                int time;
                if (!SingleActionSchedule.ReadFixed(value, DataType.DateTime, CosemDateTime.DateTimeSize, out time))
                {
                    value.Position = start;
                    return DataAccessResult.TypeUnmatched;
                }
                Array.Copy(value.Buffer, time, _data, TimeOffset, CosemDateTime.DateTimeSize);
                _version++;
                _passiveChanges++;
                return DataAccessResult.Success;
            }
            DataAccessResult result = Check(attributeId, value);
            if (result != DataAccessResult.Success)
            {
                value.Position = start;
                return result;
            }
            int length = value.Position - start;
            int set = SetOffset(attributeId);
            int index = (attributeId - Attributes.CalendarNameActive) % 4;
            int old = Packed.ReadUInt16(_data, set + 2 * index);
            int used = 0;
            for (int k = 0; k < 4; k++)
            {
                used += Packed.ReadUInt16(_data, set + 2 * k);
            }
            if (used - old + length > _setSize - SetHeader)
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            int offset;
            int current;
            Segment(attributeId, out offset, out current);
            int tail = set + SetHeader + used - (offset + current);
            // Move what follows the attribute to its new place, then copy the value in.
            Packed.Move(_data, offset + current, offset + length, tail);
            Array.Copy(value.Buffer, start, _data, offset, length);
            Packed.WriteUInt16(_data, set + 2 * index, length);
            _version++;
            if (attributeId >= Attributes.CalendarNamePassive)
            {
                _passiveChanges++;
            }
            else
            {
                _dirty = true;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (!IgnoredParameter.Read(parameters))
            {
                return ActionResult.TypeUnmatched;
            }
            ActivatePassiveCalendar();
            return ActionResult.Success;
        }

        // Offset of the set that holds attribute id (2..5 active, 6..9 passive).
        private int SetOffset(int attributeId)
        {
            return attributeId < Attributes.CalendarNamePassive ? ActiveOffset : ActiveOffset + _setSize;
        }

        // Where attribute id's bytes are.
        private void Segment(int attributeId, out int offset, out int length)
        {
            int set = SetOffset(attributeId);
            int index = (attributeId - Attributes.CalendarNameActive) % 4;
            offset = set + SetHeader;
            for (int k = 0; k < index; k++)
            {
                offset += Packed.ReadUInt16(_data, set + 2 * k);
            }
            length = Packed.ReadUInt16(_data, set + 2 * index);
        }

        private static void SetNotSpecified(byte[] buffer, int offset)
        {
            for (int i = 0; i < CosemDateTime.DateTimeSize; i++)
            {
                buffer[offset + i] = 0xFF;
            }
            buffer[offset + 9] = 0x80;
            buffer[offset + 10] = 0x00;
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
            return Packed.SaveRecord(PersistFormat, _data, _data.Length, buffer, offset);
        }

        /// <inheritdoc />
        public bool Restore(byte[] buffer, int offset, int length)
        {
            if (!Packed.IsRecord(PersistFormat, _data.Length, buffer, offset, length))
            {
                return false;
            }
            for (int set = 0; set < 2; set++)
            {
                int s = offset + 1 + ActiveOffset + set * _setSize;
                int used = 0;
                for (int k = 0; k < 4; k++)
                {
                    used += Packed.ReadUInt16(buffer, s + 2 * k);
                }
                if (used > _setSize - SetHeader)
                {
                    return false;
                }
            }
            Array.Copy(buffer, offset + 1, _data, 0, _data.Length);
            _version++;
            _dirty = true;
            return true;
        }
    }
}
