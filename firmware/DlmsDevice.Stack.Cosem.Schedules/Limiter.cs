using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>What a <see cref="Limiter"/> evaluation did.</summary>
    public enum LimiterEvent : byte
    {
        /// <summary>Nothing changed.</summary>
        None = 0,

        /// <summary>The value stayed above the active threshold for min_over_threshold_duration: action_over_threshold ran.</summary>
        OverThreshold = 1,

        /// <summary>The value stayed below the active threshold for min_under_threshold_duration: action_under_threshold ran.</summary>
        UnderThreshold = 2,
    }

    /// <summary>
    /// Limiter (Blue Book, class_id 71, version 0): compares a value (normally active power or
    /// demand) with a threshold and, when it stays over it long enough, runs a script (normally
    /// one that opens the supply switch); when it stays under long enough afterwards, runs
    /// another (one that closes it again).
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 monitored_value (value definition), 3 threshold_active,
    /// 4 threshold_normal, 5 threshold_emergency (one numeric type), 6 min_over_threshold_duration
    /// and 7 min_under_threshold_duration (double-long-unsigned, seconds), 8 emergency_profile
    /// (<c>structure { emergency_profile_id long-unsigned, emergency_activation_time
    /// octet-string(12), emergency_duration double-long-unsigned (s) }</c>),
    /// 9 emergency_profile_group_id_list (<c>array of long-unsigned</c>),
    /// 10 emergency_profile_active (boolean), 11 actions (<c>structure {
    /// action_over_threshold, action_under_threshold }</c>, script references). No methods.</para>
    /// <para>threshold_active and emergency_profile_active are the object's own results (read
    /// only: a SET is read-write-denied): the emergency profile is active while its id is in
    /// the group list and the local time is within [activation time, activation time +
    /// duration) (a fully specified date-time, read as local time of the meter); then
    /// threshold_active is threshold_emergency, otherwise threshold_normal.</para>
    /// <para><see cref="Evaluate"/> (each tick): over = value &gt; threshold_active, under =
    /// value &lt; threshold_active. Not tripped: over continuously for min_over seconds runs
    /// action_over_threshold once and the limiter is tripped. Tripped: under continuously for
    /// min_under seconds runs action_under_threshold once and it is no longer tripped. An
    /// interruption restarts the duration. Durations are measured on the meter's monotonic
    /// time, so a clock set does not cut them short.</para>
    /// </remarks>
    public sealed class Limiter : CosemObject, IPersistentObject
    {
        /// <summary>Attribute indexes of Limiter (Blue Book IC 71).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>monitored_value.</summary>
            public const int MonitoredValue = 2;

            /// <summary>threshold_active.</summary>
            public const int ThresholdActive = 3;

            /// <summary>threshold_normal.</summary>
            public const int ThresholdNormal = 4;

            /// <summary>threshold_emergency.</summary>
            public const int ThresholdEmergency = 5;

            /// <summary>min_over_threshold_duration.</summary>
            public const int MinOverThresholdDuration = 6;

            /// <summary>min_under_threshold_duration.</summary>
            public const int MinUnderThresholdDuration = 7;

            /// <summary>emergency_profile.</summary>
            public const int EmergencyProfile = 8;

            /// <summary>emergency_profile_group_id_list.</summary>
            public const int EmergencyProfileGroupIdList = 9;

            /// <summary>emergency_profile_active.</summary>
            public const int EmergencyProfileActive = 10;

            /// <summary>actions.</summary>
            public const int Actions = 11;
        }

        /// <summary>Most ids in emergency_profile_group_id_list.</summary>
        public const int MaxGroupIds = 4;

        private const int ValueOffset = 0;
        private const int TypeOffset = 9;
        private const int ActiveOffset = 10;
        private const int NormalOffset = 18;
        private const int EmergencyOffset = 26;
        private const int MinOverOffset = 34;
        private const int MinUnderOffset = 38;
        private const int ProfileIdOffset = 42;
        private const int ProfileTimeOffset = 44;
        private const int ProfileDurationOffset = 56;
        private const int GroupCountOffset = 60;
        private const int GroupsOffset = 61;
        private const int EmergencyActiveOffset = GroupsOffset + 2 * MaxGroupIds;
        private const int OverActionOffset = EmergencyActiveOffset + 1;
        private const int UnderActionOffset = OverActionOffset + ScriptReference.Size;
        private const int Length = UnderActionOffset + ScriptReference.Size;
        private const byte PersistFormat = 1;

        private readonly ScriptRunner _runner;
        private readonly byte[] _data;
        private bool _tripped;
        private long _overSince = -1;
        private long _underSince = -1;
        private int _thresholdChanges;
        private int _version;

        /// <summary>
        /// A limiter watching nothing yet, thresholds 0 of type double-long-unsigned, durations 0,
        /// no emergency profile, no actions.
        /// </summary>
        public Limiter(ObisCode logicalName, ScriptRunner runner)
            : base(CosemClassId.Limiter, 0, logicalName)
        {
            if (runner == null)
            {
                throw new ArgumentNullException();
            }
            _runner = runner;
            _data = new byte[Length];
            _data[TypeOffset] = (byte)DataType.DoubleLongUnsigned;
            // emergency_activation_time not specified.
            for (int i = 0; i < CosemDateTime.DateTimeSize; i++)
            {
                _data[ProfileTimeOffset + i] = 0xFF;
            }
            _data[ProfileTimeOffset + 9] = 0x80;
            _data[ProfileTimeOffset + 10] = 0x00;
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 11; }
        }

        /// <summary>True after action_over_threshold ran, until action_under_threshold runs.</summary>
        public bool Tripped
        {
            get { return _tripped; }
            set
            {
                // The meter restores it after a restart (the switch it opened is still open).
                _tripped = value;
                _overSince = -1;
                _underSince = -1;
            }
        }

        /// <summary>threshold_active as last evaluated.</summary>
        public double ThresholdActive
        {
            get { return Thresholds.Get(_data, ActiveOffset); }
        }

        /// <summary>True while the emergency profile is active (attribute 10).</summary>
        public bool EmergencyProfileActive
        {
            get { return _data[EmergencyActiveOffset] != 0; }
        }

        /// <summary>How often threshold_normal, threshold_emergency or the threshold in force changed (the meter logs "limiter threshold changed").</summary>
        public int ThresholdChanges
        {
            get { return _thresholdChanges; }
        }

        /// <summary>
        /// Configuration: watches attribute <paramref name="attributeId"/> of (class, name), with
        /// thresholds of <paramref name="type"/>, normal and emergency values and durations (s).
        /// </summary>
        public void Configure(ushort classId, ObisCode logicalName, int attributeId, DataType type, double normal, double emergency,
            uint minOverSeconds, uint minUnderSeconds)
        {
            if (!Thresholds.IsNumeric(type))
            {
                throw new ArgumentException();
            }
            ScriptReference.SetValueDefinition(_data, ValueOffset, classId, logicalName, attributeId);
            _data[TypeOffset] = (byte)type;
            Thresholds.Set(_data, NormalOffset, normal);
            Thresholds.Set(_data, EmergencyOffset, emergency);
            Thresholds.Set(_data, ActiveOffset, normal);
            Packed.WriteUInt32(_data, MinOverOffset, minOverSeconds);
            Packed.WriteUInt32(_data, MinUnderOffset, minUnderSeconds);
            _version++;
        }

        /// <summary>Configuration: the scripts run over and under the threshold (null = none).</summary>
        public void SetActions(ObisCode overTable, int overSelector, ObisCode underTable, int underSelector)
        {
            if (overTable != null)
            {
                ScriptReference.Set(_data, OverActionOffset, overTable, overSelector);
            }
            if (underTable != null)
            {
                ScriptReference.Set(_data, UnderActionOffset, underTable, underSelector);
            }
            _version++;
        }

        /// <summary>
        /// One step: works out the emergency profile and threshold_active at local time
        /// <paramref name="localTicks"/>, reads the monitored value and runs an action when a
        /// duration on the monotonic clock (<paramref name="monotonicMilliseconds"/>) is complete.
        /// </summary>
        public LimiterEvent Evaluate(long monotonicMilliseconds, long localTicks)
        {
            bool emergency = IsEmergencyActive(localTicks);
            double threshold = Thresholds.Get(_data, emergency ? EmergencyOffset : NormalOffset);
            if ((_data[EmergencyActiveOffset] != 0) != emergency || threshold != ThresholdActive)
            {
                _data[EmergencyActiveOffset] = emergency ? (byte)1 : (byte)0;
                Thresholds.Set(_data, ActiveOffset, threshold);
                _thresholdChanges++;
            }
            double value;
            if (!ScriptReference.ReadValue(_runner, _data, ValueOffset, out value))
            {
                return LimiterEvent.None;
            }
            if (!_tripped)
            {
                if (!(value > threshold))
                {
                    _overSince = -1;
                    return LimiterEvent.None;
                }
                if (_overSince < 0)
                {
                    _overSince = monotonicMilliseconds;
                }
                if (monotonicMilliseconds - _overSince < Packed.ReadUInt32(_data, MinOverOffset) * 1000L)
                {
                    return LimiterEvent.None;
                }
                _tripped = true;
                _underSince = -1;
                ScriptReference.Run(_runner, _data, OverActionOffset);
                return LimiterEvent.OverThreshold;
            }
            if (!(value < threshold))
            {
                _underSince = -1;
                return LimiterEvent.None;
            }
            if (_underSince < 0)
            {
                _underSince = monotonicMilliseconds;
            }
            if (monotonicMilliseconds - _underSince < Packed.ReadUInt32(_data, MinUnderOffset) * 1000L)
            {
                return LimiterEvent.None;
            }
            _tripped = false;
            _overSince = -1;
            ScriptReference.Run(_runner, _data, UnderActionOffset);
            return LimiterEvent.UnderThreshold;
        }

        // The emergency profile applies while its id is in the group list and the local time is
        // within [activation, activation + duration).
        private bool IsEmergencyActive(long localTicks)
        {
            int id = Packed.ReadUInt16(_data, ProfileIdOffset);
            bool listed = false;
            for (int i = 0; i < _data[GroupCountOffset]; i++)
            {
                listed |= Packed.ReadUInt16(_data, GroupsOffset + 2 * i) == id;
            }
            if (!listed)
            {
                return false;
            }
            long start;
            if (!TryGetLocalTicks(_data, ProfileTimeOffset, out start))
            {
                return false;
            }
            long end = start + Packed.ReadUInt32(_data, ProfileDurationOffset) * CosemCalendar.TicksPerSecond;
            return localTicks >= start && localTicks < end;
        }

        // A fully specified date-time (12 bytes) as local calendar ticks; hundredths 0xFF = 0.
        internal static bool TryGetLocalTicks(byte[] buffer, int offset, out long ticks)
        {
            ticks = 0;
            int year = Packed.ReadUInt16(buffer, offset);
            int month = buffer[offset + 2];
            int day = buffer[offset + 3];
            int hour = buffer[offset + 5];
            int minute = buffer[offset + 6];
            int second = buffer[offset + 7];
            int hundredths = buffer[offset + 8] == 0xFF ? 0 : buffer[offset + 8];
            if (year < 1 || year > 9998 || month < 1 || month > 12 || day < 1 || day > CosemCalendar.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59 || hundredths > 99)
            {
                return false;
            }
            ticks = CosemCalendar.ToTicks(year, month, day, hour, minute, second, hundredths);
            return true;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            DataType type = (DataType)_data[TypeOffset];
            switch (attributeId)
            {
                case Attributes.MonitoredValue:
                    ScriptReference.WriteValueDefinition(writer, _data, ValueOffset);
                    break;
                case Attributes.ThresholdActive:
                    Thresholds.WriteNumber(writer, type, Thresholds.Get(_data, ActiveOffset));
                    break;
                case Attributes.ThresholdNormal:
                    Thresholds.WriteNumber(writer, type, Thresholds.Get(_data, NormalOffset));
                    break;
                case Attributes.ThresholdEmergency:
                    Thresholds.WriteNumber(writer, type, Thresholds.Get(_data, EmergencyOffset));
                    break;
                case Attributes.MinOverThresholdDuration:
                    writer.WriteDoubleLongUnsigned(Packed.ReadUInt32(_data, MinOverOffset));
                    break;
                case Attributes.MinUnderThresholdDuration:
                    writer.WriteDoubleLongUnsigned(Packed.ReadUInt32(_data, MinUnderOffset));
                    break;
                case Attributes.EmergencyProfile:
                    writer.WriteStructure(3);
                    writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(_data, ProfileIdOffset));
                    writer.WriteOctetString(_data, ProfileTimeOffset, CosemDateTime.DateTimeSize);
                    writer.WriteDoubleLongUnsigned(Packed.ReadUInt32(_data, ProfileDurationOffset));
                    break;
                case Attributes.EmergencyProfileGroupIdList:
                    int n = _data[GroupCountOffset];
                    writer.WriteArray(n);
                    for (int i = 0; i < n; i++)
                    {
                        writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(_data, GroupsOffset + 2 * i));
                    }
                    break;
                case Attributes.EmergencyProfileActive:
                    writer.WriteBoolean(_data[EmergencyActiveOffset] != 0);
                    break;
                default:
                    writer.WriteStructure(2);
                    ScriptReference.Write(writer, _data, OverActionOffset);
                    ScriptReference.Write(writer, _data, UnderActionOffset);
                    break;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            DataAccessResult result;
            switch (attributeId)
            {
                case Attributes.MonitoredValue:
                    result = ScriptReference.ReadValueDefinition(value, _data, ValueOffset);
                    break;
                case Attributes.ThresholdNormal:
                case Attributes.ThresholdEmergency:
                    {
                        DataType type = DataType.NullData;
                        double threshold;
                        result = Thresholds.ReadThreshold(value, ref type, out threshold);
                        if (result == DataAccessResult.Success)
                        {
                            _data[TypeOffset] = (byte)type;
                            Thresholds.Set(_data, attributeId == Attributes.ThresholdNormal ? NormalOffset : EmergencyOffset, threshold);
                            _thresholdChanges++;
                        }
                        break;
                    }
                case Attributes.MinOverThresholdDuration:
                case Attributes.MinUnderThresholdDuration:
                    {
                        uint seconds;
                        result = value.ReadDoubleLongUnsigned(out seconds) == AxdrStatus.Ok ? DataAccessResult.Success : DataAccessResult.TypeUnmatched;
                        if (result == DataAccessResult.Success)
                        {
                            Packed.WriteUInt32(_data, attributeId == Attributes.MinOverThresholdDuration ? MinOverOffset : MinUnderOffset, seconds);
                        }
                        break;
                    }
                case Attributes.EmergencyProfile:
                    result = SetEmergencyProfile(value);
                    break;
                case Attributes.EmergencyProfileGroupIdList:
                    result = SetGroups(value);
                    break;
                case Attributes.Actions:
                    {
                        int fields;
                        // Checked into the runner's scratch first, then stored.
                        if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 2
                            || ScriptReference.Read(value, _runner.Scratch, 0) != DataAccessResult.Success
                            || ScriptReference.Read(value, _runner.Scratch, ScriptReference.Size) != DataAccessResult.Success)
                        {
                            result = DataAccessResult.TypeUnmatched;
                            break;
                        }
                        Array.Copy(_runner.Scratch, 0, _data, OverActionOffset, 2 * ScriptReference.Size);
                        result = DataAccessResult.Success;
                        break;
                    }
                default:
                    // threshold_active and emergency_profile_active are the limiter's own results.
                    return DataAccessResult.ReadWriteDenied;
            }
            if (result == DataAccessResult.Success)
            {
                _version++;
            }
            else
            {
                value.Position = start;
            }
            return result;
        }

        private DataAccessResult SetEmergencyProfile(AxdrReader value)
        {
            int fields;
            ushort id;
            int time;
            uint duration;
            if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 3
                || value.ReadLongUnsigned(out id) != AxdrStatus.Ok
                || !SingleActionSchedule.ReadFixed(value, DataType.DateTime, CosemDateTime.DateTimeSize, out time)
                || value.ReadDoubleLongUnsigned(out duration) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            Packed.WriteUInt16(_data, ProfileIdOffset, id);
            Array.Copy(value.Buffer, time, _data, ProfileTimeOffset, CosemDateTime.DateTimeSize);
            Packed.WriteUInt32(_data, ProfileDurationOffset, duration);
            return DataAccessResult.Success;
        }

        private DataAccessResult SetGroups(AxdrReader value)
        {
            int start = value.Position;
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            for (int i = 0; i < n; i++)
            {
                ushort id;
                if (value.ReadLongUnsigned(out id) != AxdrStatus.Ok)
                {
                    return DataAccessResult.TypeUnmatched;
                }
            }
            if (n > MaxGroupIds)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            value.Position = start;
            value.ReadArray(out n);
            for (int i = 0; i < n; i++)
            {
                ushort id;
                value.ReadLongUnsigned(out id);
                Packed.WriteUInt16(_data, GroupsOffset + 2 * i, id);
            }
            _data[GroupCountOffset] = (byte)n;
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        public int ConfigurationVersion
        {
            get { return _version; }
        }

        /// <inheritdoc />
        public int PersistedLength
        {
            get { return 1 + Length; }
        }

        /// <inheritdoc />
        public int Save(byte[] buffer, int offset)
        {
            return Packed.SaveRecord(PersistFormat, _data, Length, buffer, offset);
        }

        /// <inheritdoc />
        public bool Restore(byte[] buffer, int offset, int length)
        {
            if (!Packed.IsRecord(PersistFormat, Length, buffer, offset, length) || buffer[offset + 1 + GroupCountOffset] > MaxGroupIds
                || !Thresholds.IsNumeric((DataType)buffer[offset + 1 + TypeOffset]))
            {
                return false;
            }
            Array.Copy(buffer, offset + 1, _data, 0, Length);
            _version++;
            return true;
        }
    }
}
