using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Extended register (Blue Book 4.3.4, class_id 4, version 0): a Register plus a status and
    /// the time the value was captured.
    /// </summary>
    /// <remarks>
    /// Attributes: 1 logical_name, 2 value, 3 scaler_unit, 4 status (any simple type; unsigned
    /// unless configured), 5 capture_time (date-time as <c>09 0C</c>). Method 1 reset:
    /// value := default and capture_time := now (from <see cref="Clock"/>; "not specified"
    /// without one).
    /// </remarks>
    public class ExtendedRegister : Register
    {
        /// <summary>Attribute indexes of Extended register (Blue Book IC 4).</summary>
        public static new class Attributes
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

        private readonly CosemValue _status;
        private readonly CosemDateTime _captureTime;   // owned, filled in place

        /// <summary>Creates an Extended register; <paramref name="status"/> may be null for an unsigned status.</summary>
        public ExtendedRegister(ObisCode logicalName, CosemValue value, sbyte scaler, Unit unit, CosemValue status)
            : base(CosemClassId.ExtendedRegister, 0, logicalName, value, scaler, unit)
        {
            _status = status != null ? status : new CosemValue(DataType.Unsigned);
            _captureTime = new CosemDateTime();
        }

        /// <summary>The status (attribute 4).</summary>
        public CosemValue Status
        {
            get { return _status; }
        }

        /// <summary>The clock that stamps capture_time on reset and <see cref="CaptureNow"/>; may be null.</summary>
        public Clock Clock { get; set; }

        /// <summary>Copies capture_time (attribute 5) into <paramref name="into"/>.</summary>
        public void GetCaptureTime(CosemDateTime into)
        {
            into.CopyFrom(_captureTime);
        }

        /// <summary>Sets capture_time (the meter engine, when it captures the value), copying the fields of <paramref name="value"/>.</summary>
        public void SetCaptureTime(CosemDateTime value)
        {
            _captureTime.CopyFrom(value);
        }

        /// <summary>Sets capture_time to the current local time of <see cref="Clock"/> ("not specified" without one).</summary>
        public void CaptureNow()
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
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 5; }
        }

        /// <summary>Method 1 (reset): value := default, capture_time := now.</summary>
        public override void Reset()
        {
            base.Reset();
            CaptureNow();
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
                case Attributes.Status:
                    _status.Encode(writer);
                    return DataAccessResult.Success;
                case Attributes.CaptureTime:
                    writer.WriteDateTime(_captureTime);
                    return DataAccessResult.Success;
                default:
                    return base.OnGetAttribute(attributeId, selector, parameters, writer, context);
            }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            switch (attributeId)
            {
                case Attributes.Status:
                    return _status.Decode(value);
                case Attributes.CaptureTime:
                    // Straight into capture_time: the reader leaves it unchanged on failure.
                    return AttributeCodec.ReadDateTime(value, _captureTime);
                default:
                    return base.OnSetAttribute(attributeId, value, context);
            }
        }
    }
}
