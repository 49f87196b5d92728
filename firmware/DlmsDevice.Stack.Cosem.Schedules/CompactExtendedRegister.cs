using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>Told after a <see cref="CompactExtendedRegister"/> was reset (value 0 and capture_time now are in place).</summary>
    public interface IResetHandler
    {
        /// <summary>Called after <paramref name="register"/> was reset by its method 1.</summary>
        void OnReset(CosemObject register);
    }

    /// <summary>
    /// An Extended register (Blue Book, class_id 4, version 0) whose value the meter owns, in a
    /// few fields: an integer value with scaler and unit and the UTC instant it was captured,
    /// shown as the clock's local date-time; e.g. the maximum demand of tariff 1,
    /// 1.0.1.6.1.255.
    /// </summary>
    /// <remarks>
    /// Attributes: 1 logical_name, 2 value (read only), 3 scaler_unit, 4 status (unsigned 0),
    /// 5 capture_time (<c>09 0C</c>; not specified before the first capture). Method 1 reset:
    /// value 0, capture_time now, then the <see cref="IResetHandler"/> is told (the meter saves it).
    /// </remarks>
    public sealed class CompactExtendedRegister : CosemObject
    {
        /// <summary>Attribute indexes (Blue Book IC 4).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>value.</summary>
            public const int Value = 2;

            /// <summary>scaler_unit.</summary>
            public const int ScalerUnit = 3;

            /// <summary>status.</summary>
            public const int Status = 4;

            /// <summary>capture_time.</summary>
            public const int CaptureTime = 5;
        }

        /// <summary>Method indexes (Blue Book IC 4).</summary>
        public static class Methods
        {
            /// <summary>reset.</summary>
            public const int Reset = 1;
        }

        /// <summary>capture_time before any capture.</summary>
        public const long NotCaptured = long.MinValue;

        private readonly Clock _clock;
        private readonly CosemDateTime _time;
        private readonly IResetHandler _handler;
        private readonly int _format;
        private long _value;
        private long _captureUtc = NotCaptured;

        /// <summary>
        /// A register of an integer <paramref name="type"/> with scaler and unit; capture_time
        /// shown in <paramref name="clock"/>'s local time, encoded through <paramref name="time"/>
        /// (a date-time the registers of one meter may share: they are read one at a time).
        /// </summary>
        public CompactExtendedRegister(ObisCode logicalName, DataType type, sbyte scaler, Unit unit, Clock clock, CosemDateTime time, IResetHandler handler)
            : base(CosemClassId.ExtendedRegister, 0, logicalName)
        {
            if (time == null)
            {
                throw new System.ArgumentNullException();
            }
            _time = time;
            _format = (byte)type | ((byte)scaler << 8) | ((byte)unit << 16);
            _clock = clock;
            _handler = handler;
        }

        /// <summary>The value (attribute 2).</summary>
        public long Value
        {
            get { return _value; }
            set { _value = value; }
        }

        /// <summary>capture_time as UTC ticks; <see cref="NotCaptured"/> = not specified.</summary>
        public long CaptureUtcTicks
        {
            get { return _captureUtc; }
            set { _captureUtc = value; }
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 5; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 1; }
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
                case Attributes.Value:
                    Thresholds.WriteNumber(writer, (DataType)(_format & 0xFF), _value);
                    break;
                case Attributes.ScalerUnit:
                    writer.WriteStructure(2);
                    writer.WriteInteger((sbyte)(_format >> 8));
                    writer.WriteEnum((byte)(_format >> 16));
                    break;
                case Attributes.Status:
                    writer.WriteUnsigned(0);
                    break;
                default:
                    if (_captureUtc == NotCaptured || _clock == null)
                    {
                        _time.SetUnspecified();
                    }
                    else
                    {
                        _clock.ToLocal(_captureUtc, _time);
                    }
                    writer.WriteDateTime(_time);
                    break;
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
            _value = 0;
            _captureUtc = _clock != null ? _clock.GetUtcTicks() : NotCaptured;
            if (_handler != null)
            {
                _handler.OnReset(this);
            }
            return ActionResult.Success;
        }
    }
}
