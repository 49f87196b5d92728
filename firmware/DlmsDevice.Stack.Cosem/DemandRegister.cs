using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Demand register (Blue Book 4.3.5, class_id 5, version 0): the average of a quantity over
    /// the current period and the last completed one, e.g. average active power import
    /// 1.0.1.4.0.255. This class holds the values; the meter engine computes them (it sets the
    /// values, or attaches an <see cref="IValueSource"/> to them, and calls
    /// <see cref="NextPeriod"/> at the end of each period).
    /// </summary>
    /// <remarks>
    /// Attributes: 1 logical_name, 2 current_average_value, 3 last_average_value, 4 scaler_unit,
    /// 5 status, 6 capture_time (date-time), 7 start_time_current (date-time), 8 period
    /// (double-long-unsigned, seconds), 9 number_of_periods (long-unsigned).
    /// Methods: 1 reset (both averages := default, both times := now), 2 next_period
    /// (last := current, current := default, capture_time and start_time_current := now).
    /// </remarks>
    public sealed class DemandRegister : CosemObject
    {
        /// <summary>Attribute indexes of Demand register (Blue Book IC 5).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>current_average_value.</summary>
            public const int CurrentAverageValue = 2;

            /// <summary>last_average_value.</summary>
            public const int LastAverageValue = 3;

            /// <summary>scaler_unit (of both averages).</summary>
            public const int ScalerUnit = 4;

            /// <summary>status.</summary>
            public const int Status = 5;

            /// <summary>capture_time (date-time, end of the last completed period).</summary>
            public const int CaptureTime = 6;

            /// <summary>start_time_current (date-time, start of the current period).</summary>
            public const int StartTimeCurrent = 7;

            /// <summary>period (double-long-unsigned, seconds).</summary>
            public const int Period = 8;

            /// <summary>number_of_periods (long-unsigned).</summary>
            public const int NumberOfPeriods = 9;
        }

        /// <summary>Method indexes of Demand register (Blue Book IC 5).</summary>
        public static class Methods
        {
            /// <summary>reset.</summary>
            public const int Reset = 1;

            /// <summary>next_period.</summary>
            public const int NextPeriod = 2;
        }

        private readonly CosemValue _current;
        private readonly CosemValue _last;
        private readonly CosemValue _defaultValue;
        private readonly CosemValue _status;
        private sbyte _scaler;
        private byte _unit;
        private readonly CosemDateTime _captureTime;        // owned, filled in place
        private readonly CosemDateTime _startTimeCurrent;
        private uint _period;
        private ushort _numberOfPeriods;

        /// <summary>
        /// Creates a Demand register. <paramref name="currentAverageValue"/> fixes the value type;
        /// last_average_value and the reset value get the same type. Status is unsigned.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="currentAverageValue"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> or <paramref name="numberOfPeriods"/> is 0.</exception>
        public DemandRegister(ObisCode logicalName, CosemValue currentAverageValue, sbyte scaler, Unit unit, uint period, ushort numberOfPeriods)
            : base(CosemClassId.DemandRegister, 0, logicalName)
        {
            if (currentAverageValue == null)
            {
                throw new ArgumentNullException();
            }
            if (period == 0 || numberOfPeriods == 0)
            {
                throw new ArgumentOutOfRangeException();
            }
            _current = currentAverageValue;
            _last = new CosemValue(currentAverageValue);
            _last.Clear();
            _defaultValue = new CosemValue(currentAverageValue);
            _defaultValue.Clear();
            _status = new CosemValue(DataType.Unsigned);
            _scaler = scaler;
            _unit = (byte)unit;
            _period = period;
            _numberOfPeriods = numberOfPeriods;
            _captureTime = new CosemDateTime();
            _startTimeCurrent = new CosemDateTime();
        }

        /// <summary>current_average_value (attribute 2).</summary>
        public CosemValue CurrentAverageValue
        {
            get { return _current; }
        }

        /// <summary>last_average_value (attribute 3).</summary>
        public CosemValue LastAverageValue
        {
            get { return _last; }
        }

        /// <summary>What reset and next_period put into current_average_value (zero unless configured).</summary>
        public CosemValue DefaultValue
        {
            get { return _defaultValue; }
        }

        /// <summary>status (attribute 5), unsigned.</summary>
        public CosemValue Status
        {
            get { return _status; }
        }

        /// <summary>Scaler of both averages.</summary>
        public sbyte Scaler
        {
            get { return _scaler; }
            set { _scaler = value; }
        }

        /// <summary>Unit of both averages.</summary>
        public Unit Unit
        {
            get { return (Unit)_unit; }
            set { _unit = (byte)value; }
        }

        /// <summary>Copies capture_time (attribute 6), the end of the last completed period, into <paramref name="into"/>.</summary>
        public void GetCaptureTime(CosemDateTime into)
        {
            into.CopyFrom(_captureTime);
        }

        /// <summary>Copies start_time_current (attribute 7), the start of the current period, into <paramref name="into"/>.</summary>
        public void GetStartTimeCurrent(CosemDateTime into)
        {
            into.CopyFrom(_startTimeCurrent);
        }

        /// <summary>period (attribute 8), seconds; 0 is ignored.</summary>
        public uint Period
        {
            get { return _period; }
            set
            {
                if (value != 0)
                {
                    _period = value;
                }
            }
        }

        /// <summary>number_of_periods (attribute 9) of a sliding demand; 1 = block demand; 0 is ignored.</summary>
        public ushort NumberOfPeriods
        {
            get { return _numberOfPeriods; }
            set
            {
                if (value != 0)
                {
                    _numberOfPeriods = value;
                }
            }
        }

        /// <summary>The clock that stamps the times on reset and next_period; may be null ("not specified").</summary>
        public Clock Clock { get; set; }

        /// <summary>Sets capture_time, copying the fields of <paramref name="value"/>.</summary>
        public void SetCaptureTime(CosemDateTime value)
        {
            _captureTime.CopyFrom(value);
        }

        /// <summary>Sets start_time_current, copying the fields of <paramref name="value"/>.</summary>
        public void SetStartTimeCurrent(CosemDateTime value)
        {
            _startTimeCurrent.CopyFrom(value);
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 9; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 2; }
        }

        /// <summary>Method 1 (reset): both averages := default, capture_time and start_time_current := now.</summary>
        public void Reset()
        {
            _current.CopyFrom(_defaultValue);
            _last.CopyFrom(_defaultValue);
            StampTimes();
            _current.NotifyWritten();
            _last.NotifyWritten();
        }

        /// <summary>
        /// Method 2 (next_period): closes the current period: last := current (refreshed from its
        /// source first), current := default, capture_time and start_time_current := now.
        /// </summary>
        public void NextPeriod()
        {
            _current.Refresh();
            _last.CopyFrom(_current);
            _current.CopyFrom(_defaultValue);
            StampTimes();
            _last.NotifyWritten();
            _current.NotifyWritten();
        }

        private void StampTimes()
        {
            Clock clock = Clock;
            if (clock != null)
            {
                clock.GetLocalTime(_captureTime);
            }
            else
            {
                _captureTime.SetUnspecified();
            }
            _startTimeCurrent.CopyFrom(_captureTime);
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
                case Attributes.CurrentAverageValue:
                    _current.Encode(writer);
                    break;
                case Attributes.LastAverageValue:
                    _last.Encode(writer);
                    break;
                case Attributes.ScalerUnit:
                    AttributeCodec.WriteScalerUnit(writer, _scaler, _unit);
                    break;
                case Attributes.Status:
                    _status.Encode(writer);
                    break;
                case Attributes.CaptureTime:
                    writer.WriteDateTime(_captureTime);
                    break;
                case Attributes.StartTimeCurrent:
                    writer.WriteDateTime(_startTimeCurrent);
                    break;
                case Attributes.Period:
                    writer.WriteDoubleLongUnsigned(_period);
                    break;
                case Attributes.NumberOfPeriods:
                    writer.WriteLongUnsigned(_numberOfPeriods);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            switch (attributeId)
            {
                case Attributes.CurrentAverageValue:
                    return _current.Decode(value);
                case Attributes.LastAverageValue:
                    return _last.Decode(value);
                case Attributes.ScalerUnit:
                    {
                        sbyte scaler;
                        byte unit;
                        DataAccessResult result = AttributeCodec.ReadScalerUnit(value, out scaler, out unit);
                        if (result == DataAccessResult.Success)
                        {
                            _scaler = scaler;
                            _unit = unit;
                        }
                        return result;
                    }
                case Attributes.Status:
                    return _status.Decode(value);
                case Attributes.CaptureTime:
                case Attributes.StartTimeCurrent:
                    // Straight into the attribute: the reader leaves it unchanged on failure.
                    return AttributeCodec.ReadDateTime(value, attributeId == Attributes.CaptureTime ? _captureTime : _startTimeCurrent);
                case Attributes.Period:
                    {
                        int start = value.Position;
                        uint period;
                        if (value.ReadDoubleLongUnsigned(out period) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        if (period == 0)
                        {
                            value.Position = start;
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        _period = period;
                        return DataAccessResult.Success;
                    }
                case Attributes.NumberOfPeriods:
                    {
                        int start = value.Position;
                        ushort count;
                        if (value.ReadLongUnsigned(out count) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        if (count == 0)
                        {
                            value.Position = start;
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        _numberOfPeriods = count;
                        return DataAccessResult.Success;
                    }
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (!AttributeCodec.ReadIgnoredParameter(parameters))
            {
                return ActionResult.TypeUnmatched;
            }
            if (methodId == Methods.Reset)
            {
                Reset();
            }
            else
            {
                NextPeriod();
            }
            return ActionResult.Success;
        }
    }
}
