using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Register monitor (Blue Book, class_id 21, version 0): watches one numeric attribute of
    /// another object and runs a script each time the value crosses one of its thresholds,
    /// e.g. an over-current monitor on 1.0.31.7.0.255.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 thresholds (<c>array</c> of one numeric type),
    /// 3 monitored_value (<c>structure { class_id long-unsigned, logical_name octet-string,
    /// attribute_index integer }</c>), 4 actions (<c>array of structure { action_up,
    /// action_down }</c>, each <c>structure { script_logical_name octet-string, script_selector
    /// long-unsigned }</c>; action set i belongs to threshold i). No methods.</para>
    /// <para>Crossing (<see cref="Evaluate"/>, at every tick of the meter): the value is above
    /// threshold i when it is greater than it; going from not above to above runs action_up,
    /// the reverse runs action_down, each once per crossing. The Blue Book defines no
    /// hysteresis and none is added: a value that moves back and forth across a threshold
    /// runs the scripts at every crossing (it can only cross once per evaluation; the watched
    /// registers are window means, which limits chatter); a band needs two thresholds. The
    /// first evaluation after start-up, or after the thresholds or the monitored value change,
    /// only takes the state: a value already above a threshold is not a crossing.</para>
    /// <para>A SET is checked whole: a malformed value, or thresholds of mixed or non-numeric
    /// types, is type-unmatched; more entries than the capacity is scope-of-access-violated.</para>
    /// </remarks>
    public sealed class RegisterMonitor : CosemObject, IPersistentObject
    {
        /// <summary>Attribute indexes of Register monitor (Blue Book IC 21).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>thresholds.</summary>
            public const int Thresholds = 2;

            /// <summary>monitored_value.</summary>
            public const int MonitoredValue = 3;

            /// <summary>actions.</summary>
            public const int Actions = 4;
        }

        private const int ValueOffset = 0;
        private const int TypeOffset = 9;
        private const int CountOffset = 10;
        private const int ActionCountOffset = 11;
        private const int ThresholdsOffset = 12;
        private const int ThresholdSize = 8;
        private const int ActionSetSize = 2 * ScriptReference.Size;
        private const byte PersistFormat = 1;

        private readonly ScriptRunner _runner;
        // monitored_value (9), threshold type, threshold count, action count, thresholds, action sets.
        private readonly byte[] _data;
        private readonly int _capacity;
        private int _above;
        private int _upActions;
        private bool _known;
        private int _version;

        /// <summary>A monitor with room for <paramref name="capacity"/> thresholds (1..31) and their action sets, watching nothing yet.</summary>
        public RegisterMonitor(ObisCode logicalName, int capacity, ScriptRunner runner)
            : base(CosemClassId.RegisterMonitor, 0, logicalName)
        {
            if (capacity < 1 || capacity > 31 || runner == null)
            {
                throw new ArgumentException();
            }
            _capacity = capacity;
            _runner = runner;
            _data = new byte[ThresholdsOffset + capacity * (ThresholdSize + ActionSetSize)];
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 4; }
        }

        /// <summary>Number of thresholds.</summary>
        public int Count
        {
            get { return _data[CountOffset]; }
        }

        /// <summary>Threshold <paramref name="index"/>.</summary>
        public double GetThreshold(int index)
        {
            return Thresholds.Get(_data, ThresholdsOffset + index * ThresholdSize);
        }

        /// <summary>True when the last evaluation found the value above threshold <paramref name="index"/>.</summary>
        public bool IsAbove(int index)
        {
            return (_above & (1 << index)) != 0;
        }

        /// <summary>
        /// How many times an upward crossing ran its action_up since construction (whatever the
        /// script did): what the meter counts to raise the alarm that goes with the monitor.
        /// </summary>
        public int UpActions
        {
            get { return _upActions; }
        }

        /// <summary>Configuration: watches attribute <paramref name="attributeId"/> of (<paramref name="classId"/>, <paramref name="logicalName"/>).</summary>
        public void Monitor(ushort classId, ObisCode logicalName, int attributeId)
        {
            ScriptReference.SetValueDefinition(_data, ValueOffset, classId, logicalName, attributeId);
            _known = false;
            _version++;
        }

        /// <summary>
        /// Configuration: appends a threshold of <paramref name="type"/> and its action set
        /// (scripts of <paramref name="upTable"/>/<paramref name="downTable"/>; null or selector 0 = none).
        /// </summary>
        /// <exception cref="ArgumentException">No room, or a type other than the thresholds already there or not numeric.</exception>
        public void Add(DataType type, double threshold, ObisCode upTable, int upSelector, ObisCode downTable, int downSelector)
        {
            int n = _data[CountOffset];
            if (n == _capacity || !Thresholds.IsNumeric(type) || (n > 0 && _data[TypeOffset] != (byte)type))
            {
                throw new ArgumentException();
            }
            _data[TypeOffset] = (byte)type;
            Thresholds.Set(_data, ThresholdsOffset + n * ThresholdSize, threshold);
            int set = ActionSet(n);
            if (upTable != null)
            {
                ScriptReference.Set(_data, set, upTable, upSelector);
            }
            if (downTable != null)
            {
                ScriptReference.Set(_data, set + ScriptReference.Size, downTable, downSelector);
            }
            _data[CountOffset] = (byte)(n + 1);
            _data[ActionCountOffset] = (byte)(n + 1);
            _known = false;
            _version++;
        }

        /// <summary>
        /// Reads the monitored value and runs the scripts of the thresholds it crossed since the
        /// last evaluation. A value that cannot be read (no such object, not a number) changes nothing.
        /// </summary>
        /// <returns>The number of crossings.</returns>
        public int Evaluate()
        {
            double value;
            if (!ScriptReference.ReadValue(_runner, _data, ValueOffset, out value))
            {
                return 0;
            }
            int n = _data[CountOffset];
            int above = 0;
            for (int i = 0; i < n; i++)
            {
                if (value > GetThreshold(i))
                {
                    above |= 1 << i;
                }
            }
            if (!_known)
            {
                _above = above;
                _known = true;
                return 0;
            }
            int changed = above ^ _above;
            _above = above;
            int crossings = 0;
            for (int i = 0; i < n && changed != 0; i++)
            {
                if ((changed & (1 << i)) == 0)
                {
                    continue;
                }
                crossings++;
                if (i < _data[ActionCountOffset])
                {
                    int set = ActionSet(i);
                    bool up = (above & (1 << i)) != 0;
                    ScriptReference.Run(_runner, _data, up ? set : set + ScriptReference.Size);
                    if (up)
                    {
                        _upActions++;
                    }
                }
            }
            return crossings;
        }

        private int ActionSet(int index)
        {
            return ThresholdsOffset + _capacity * ThresholdSize + index * ActionSetSize;
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
                case Attributes.Thresholds:
                    int n = _data[CountOffset];
                    writer.WriteArray(n);
                    for (int i = 0; i < n; i++)
                    {
                        Thresholds.WriteNumber(writer, (DataType)_data[TypeOffset], GetThreshold(i));
                    }
                    break;
                case Attributes.MonitoredValue:
                    ScriptReference.WriteValueDefinition(writer, _data, ValueOffset);
                    break;
                default:
                    int m = _data[ActionCountOffset];
                    writer.WriteArray(m);
                    for (int i = 0; i < m; i++)
                    {
                        int set = ActionSet(i);
                        writer.WriteStructure(2);
                        ScriptReference.Write(writer, _data, set);
                        ScriptReference.Write(writer, _data, set + ScriptReference.Size);
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
                case Attributes.Thresholds:
                    result = SetThresholds(value);
                    break;
                case Attributes.MonitoredValue:
                    result = ScriptReference.ReadValueDefinition(value, _data, ValueOffset);
                    break;
                default:
                    result = SetActions(value);
                    break;
            }
            if (result == DataAccessResult.Success)
            {
                _known = false;
                _version++;
            }
            return result;
        }

        private DataAccessResult SetThresholds(AxdrReader value)
        {
            int start = value.Position;
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            DataType type = DataType.NullData;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < n; i++)
                {
                    double threshold;
                    if (Thresholds.ReadThreshold(value, ref type, out threshold) != DataAccessResult.Success)
                    {
                        value.Position = start;
                        return DataAccessResult.TypeUnmatched;
                    }
                    if (pass == 1)
                    {
                        Thresholds.Set(_data, ThresholdsOffset + i * ThresholdSize, threshold);
                    }
                }
                if (n > _capacity)
                {
                    value.Position = start;
                    return DataAccessResult.ScopeOfAccessViolated;
                }
                if (pass == 0)
                {
                    // Checked: read again and store.
                    value.Position = start;
                    value.ReadArray(out n);
                }
            }
            if (n > 0)
            {
                _data[TypeOffset] = (byte)type;
            }
            _data[CountOffset] = (byte)n;
            return DataAccessResult.Success;
        }

        private DataAccessResult SetActions(AxdrReader value)
        {
            int start = value.Position;
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < n; i++)
                {
                    int fields;
                    // The first pass checks (decoding into the runner's scratch), the second stores.
                    byte[] target = pass == 0 ? _runner.Scratch : _data;
                    int offset = pass == 0 ? 0 : ActionSet(i);
                    if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 2
                        || ScriptReference.Read(value, target, offset) != DataAccessResult.Success
                        || ScriptReference.Read(value, target, offset + ScriptReference.Size) != DataAccessResult.Success)
                    {
                        value.Position = start;
                        return DataAccessResult.TypeUnmatched;
                    }
                }
                if (n > _capacity)
                {
                    value.Position = start;
                    return DataAccessResult.ScopeOfAccessViolated;
                }
                if (pass == 0)
                {
                    value.Position = start;
                    value.ReadArray(out n);
                }
            }
            _data[ActionCountOffset] = (byte)n;
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
            if (!Packed.IsRecord(PersistFormat, _data.Length, buffer, offset, length)
                || buffer[offset + 1 + CountOffset] > _capacity || buffer[offset + 1 + ActionCountOffset] > _capacity)
            {
                return false;
            }
            Array.Copy(buffer, offset + 1, _data, 0, _data.Length);
            _known = false;
            _version++;
            return true;
        }
    }
}
