using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// A Register (Blue Book, class_id 3, version 0) whose value the meter owns, in a few
    /// fields: an integer value, its A-XDR type, scaler and unit, e.g. the active energy
    /// import of tariff 1, 1.0.1.8.1.255. Four of these cost what one
    /// <see cref="Register"/> with its two value holders does on the device.
    /// </summary>
    /// <remarks>
    /// Attributes: 1 logical_name, 2 value (read only: the meter sets it; a SET is
    /// read-write-denied), 3 scaler_unit. Method 1 reset is read-write-denied: the registers
    /// this class is for are energy totals, which only grow (legal metrology).
    /// </remarks>
    public sealed class CompactRegister : CosemObject
    {
        /// <summary>Attribute indexes (Blue Book IC 3).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>value.</summary>
            public const int Value = 2;

            /// <summary>scaler_unit.</summary>
            public const int ScalerUnit = 3;
        }

        private long _value;
        // type (bits 0..7), scaler (8..15), unit (16..23): one field, not three.
        private readonly int _format;

        /// <summary>A register of an integer <paramref name="type"/> (e.g. double-long-unsigned) with scaler and unit.</summary>
        public CompactRegister(ObisCode logicalName, DataType type, sbyte scaler, Unit unit)
            : base(CosemClassId.Register, 0, logicalName)
        {
            _format = (byte)type | ((byte)scaler << 8) | ((byte)unit << 16);
        }

        /// <summary>The value (attribute 2).</summary>
        public long Value
        {
            get { return _value; }
            set { _value = value; }
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

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            if (attributeId == Attributes.Value)
            {
                Thresholds.WriteNumber(writer, (DataType)(_format & 0xFF), _value);
            }
            else
            {
                writer.WriteStructure(2);
                writer.WriteInteger((sbyte)(_format >> 8));
                writer.WriteEnum((byte)(_format >> 16));
            }
            return DataAccessResult.Success;
        }
    }
}
