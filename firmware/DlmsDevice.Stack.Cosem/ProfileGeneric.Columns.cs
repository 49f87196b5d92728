using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>Column width rules: how many bytes a capture object's slot gets.</content>
    public sealed partial class ProfileGeneric
    {
        /// <summary>Bytes of a clock time column: octet-string <c>09 0C</c> + the 12 date-time bytes.</summary>
        public const int DateTimeColumnWidth = 2 + CosemDateTime.DateTimeSize;

        /// <summary>
        /// The largest tagged encoding <paramref name="value"/> can have: fixed-size types their
        /// size plus the tag (boolean, integer, unsigned, enum, bcd 2; long, long-unsigned 3;
        /// double-long(-unsigned), float32 5; long64(-unsigned), float64 9; tagged date-time 13,
        /// date 6, time 5; null-data 1), strings 1 + length size + maximum length, bit-strings
        /// 1 + length size + bytes of the maximum bit count.
        /// </summary>
        public static int EncodedSize(CosemValue value)
        {
            if (value == null)
            {
                return 0;
            }
            DataType type = value.Type;
            int size = FixedEncodedSize(type);
            if (size > 0)
            {
                return size;
            }
            int max = value.MaxLength;
            switch (type)
            {
                case DataType.OctetString:
                case DataType.VisibleString:
                case DataType.Utf8String:
                    return 1 + AxdrWriter.LengthSize(max) + max;
                case DataType.BitString:
                    return 1 + AxdrWriter.LengthSize(max) + ((max + 7) / 8);
                default:
                    return 0;
            }
        }

        /// <summary>Bytes of a tagged value of a fixed-size type, tag included; 0 for variable-size types.</summary>
        private static int FixedEncodedSize(DataType type)
        {
            switch (type)
            {
                case DataType.NullData:
                    return 1;
                case DataType.Boolean:
                case DataType.Bcd:
                case DataType.Integer:
                case DataType.Unsigned:
                case DataType.Enum:
                    return 2;
                case DataType.Long:
                case DataType.LongUnsigned:
                    return 3;
                case DataType.DoubleLong:
                case DataType.DoubleLongUnsigned:
                case DataType.Float32:
                    return 5;
                case DataType.Long64:
                case DataType.Long64Unsigned:
                case DataType.Float64:
                    return 9;
                case DataType.DateTime:
                    return 1 + CosemDateTime.DateTimeSize;
                case DataType.Date:
                    return 1 + CosemDateTime.DateSize;
                case DataType.Time:
                    return 1 + CosemDateTime.TimeSize;
                default:
                    return 0;
            }
        }

        /// <summary>The value holder behind a value attribute of the built-in classes, or null.</summary>
        private static CosemValue HolderOf(CosemObject obj, int attributeId)
        {
            Data data = obj as Data;
            if (data != null)
            {
                return attributeId == Data.Attributes.Value ? data.Value : null;
            }
            ExtendedRegister extended = obj as ExtendedRegister;
            if (extended != null && attributeId == ExtendedRegister.Attributes.Status)
            {
                return extended.Status;
            }
            Register register = obj as Register;
            if (register != null)
            {
                return attributeId == Register.Attributes.Value ? register.Value : null;
            }
            DemandRegister demand = obj as DemandRegister;
            if (demand != null)
            {
                switch (attributeId)
                {
                    case DemandRegister.Attributes.CurrentAverageValue:
                        return demand.CurrentAverageValue;
                    case DemandRegister.Attributes.LastAverageValue:
                        return demand.LastAverageValue;
                    case DemandRegister.Attributes.Status:
                        return demand.Status;
                }
            }
            return null;
        }

        /// <summary>The width rule (see <see cref="AddCaptureObject(CosemObject, int, int)"/>); 0 when none applies.</summary>
        private int DefaultWidth(CosemObject obj, int attributeId, int dataIndex)
        {
            if (dataIndex == 0)
            {
                CosemValue holder = HolderOf(obj, attributeId);
                if (holder != null)
                {
                    return EncodedSize(holder);
                }
                if (obj is Clock && attributeId == Clock.Attributes.Time)
                {
                    return DateTimeColumnWidth;
                }
            }
            return ProbeWidth(obj, attributeId, dataIndex);
        }

        /// <summary>Reads the attribute once into the scratch buffer and returns the length of what it wrote (0 on failure).</summary>
        private int ProbeWidth(CosemObject obj, int attributeId, int dataIndex)
        {
            if (dataIndex > 0)
            {
                int start;
                int length;
                return ReadElement(obj, attributeId, dataIndex, _workspace.Context, out start, out length) ? length : 0;
            }
            _workspace.Writer.Reset(_workspace.Scratch, 0, _workspace.Scratch.Length);
            if (obj.GetAttribute(attributeId, 0, null, _workspace.Writer, _workspace.Context) != DataAccessResult.Success
                || _workspace.Writer.Overflow)
            {
                return 0;
            }
            return _workspace.Writer.Length;
        }
    }
}
