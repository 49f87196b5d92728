using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Data (Blue Book 4.3.1, class_id 1, version 0): one value of a simple type, e.g. the
    /// logical device name 0.0.42.0.0.255, the serial number 0.0.96.1.0.255 or a firmware
    /// version 1.0.0.2.0.255.
    /// </summary>
    /// <remarks>Attributes: 1 logical_name, 2 value. No methods.</remarks>
    public sealed class Data : CosemObject
    {
        /// <summary>Attribute indexes of Data (Blue Book IC 1).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>value (any simple type, or an array or structure of them).</summary>
            public const int Value = 2;
        }

        private readonly CosemValue _value;

        /// <summary>Creates a Data object exposing <paramref name="value"/> as attribute 2.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
        public Data(ObisCode logicalName, CosemValue value)
            : base(CosemClassId.Data, 0, logicalName)
        {
            if (value == null)
            {
                throw new ArgumentNullException();
            }
            _value = value;
        }

        /// <summary>The value (attribute 2); set its content, or attach a <see cref="CosemValue.Source"/>.</summary>
        public CosemValue Value
        {
            get { return _value; }
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 2; }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            _value.Encode(writer);
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            return _value.Decode(value);
        }
    }
}
