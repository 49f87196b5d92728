using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Register (Blue Book 4.3.2, class_id 3, version 0): a value with a scaler and unit, e.g.
    /// active energy import 1.0.1.8.0.255 in Wh. The physical value is value × 10^scaler.
    /// </summary>
    /// <remarks>
    /// Attributes: 1 logical_name, 2 value, 3 scaler_unit (<c>02 02 0F scaler 16 unit</c>).
    /// Method 1 reset (data ::= integer(0)): value := <see cref="DefaultValue"/>.
    /// The meter engine keeps the value current by setting <see cref="Value"/> or by attaching
    /// an <see cref="IValueSource"/> to it (the source also hears about resets and SETs).
    /// </remarks>
    public class Register : CosemObject
    {
        /// <summary>Attribute indexes of Register (Blue Book IC 3).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>value.</summary>
            public const int Value = 2;

            /// <summary>scaler_unit.</summary>
            public const int ScalerUnit = 3;
        }

        /// <summary>Method indexes of Register (Blue Book IC 3).</summary>
        public static class Methods
        {
            /// <summary>reset.</summary>
            public const int Reset = 1;
        }

        private readonly CosemValue _value;
        private readonly CosemValue _defaultValue;
        private sbyte _scaler;
        private byte _unit;

        /// <summary>Creates a Register holding <paramref name="value"/>; the reset value is zero (empty) of the same type.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
        public Register(ObisCode logicalName, CosemValue value, sbyte scaler, Unit unit)
            : this(CosemClassId.Register, 0, logicalName, value, scaler, unit)
        {
        }

        /// <summary>For classes that extend Register (Extended register).</summary>
        protected Register(ushort classId, byte version, ObisCode logicalName, CosemValue value, sbyte scaler, Unit unit)
            : base(classId, version, logicalName)
        {
            if (value == null)
            {
                throw new ArgumentNullException();
            }
            _value = value;
            _defaultValue = new CosemValue(value);
            _defaultValue.Clear();
            _scaler = scaler;
            _unit = (byte)unit;
        }

        /// <summary>The value (attribute 2).</summary>
        public CosemValue Value
        {
            get { return _value; }
        }

        /// <summary>What reset sets the value to (an instance-specific constant; zero unless configured).</summary>
        public CosemValue DefaultValue
        {
            get { return _defaultValue; }
        }

        /// <summary>Scaler: power of ten the value is multiplied by.</summary>
        public sbyte Scaler
        {
            get { return _scaler; }
            set { _scaler = value; }
        }

        /// <summary>Unit of the physical value.</summary>
        public Unit Unit
        {
            get { return (Unit)_unit; }
            set { _unit = (byte)value; }
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 3; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 1; }
        }

        /// <summary>
        /// Method 1 (reset): value := default value, then the value's source is told. Also for
        /// the application (e.g. a billing reset).
        /// </summary>
        public virtual void Reset()
        {
            _value.CopyFrom(_defaultValue);
            _value.NotifyWritten();
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
                    _value.Encode(writer);
                    return DataAccessResult.Success;
                case Attributes.ScalerUnit:
                    AttributeCodec.WriteScalerUnit(writer, _scaler, _unit);
                    return DataAccessResult.Success;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            switch (attributeId)
            {
                case Attributes.Value:
                    return _value.Decode(value);
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
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (methodId != Methods.Reset)
            {
                return ActionResult.ReadWriteDenied;
            }
            if (!AttributeCodec.ReadIgnoredParameter(parameters))
            {
                return ActionResult.TypeUnmatched;
            }
            Reset();
            return ActionResult.Success;
        }
    }
}
