using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DlmsDevice.Client
{
    /// <summary>Where a value was read from, so it can be shown for what it is.</summary>
    /// <param name="ClassId">The object's interface class.</param>
    /// <param name="LogicalName">The object's logical name.</param>
    /// <param name="AttributeId">The attribute.</param>
    /// <param name="ScalerUnit">The scaler_unit that applies to the value, if known.</param>
    public sealed record ValueSource(ushort ClassId, ObisCode LogicalName, int AttributeId, ScalerUnit? ScalerUnit = null)
    {
        /// <summary>The source of an attribute.</summary>
        public static ValueSource Of(CosemAttribute attribute, ScalerUnit? scalerUnit = null) =>
            new(attribute.ClassId, attribute.LogicalName, attribute.AttributeId, scalerUnit);
    }

    /// <summary>
    /// Values for people: printable octet-strings as text, date-times as dates, logical names as
    /// OBIS codes, scaled numbers with their unit, enum values and event codes by name. The typed
    /// syntax (<c>u32:12345</c>) stays available with <see cref="DlmsValueText"/> (<c>--raw</c>).
    /// </summary>
    public static class PeopleText
    {
        /// <summary>Formats a value read from <paramref name="source"/> (null = no context).</summary>
        public static string Format(DlmsValue value, ValueSource? source = null)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (source is not null && IsScalerUnit(source) && TryScalerUnit(value, out ScalerUnit su))
            {
                return su.ToString();
            }
            return FormatValue(value, source);
        }

        /// <summary>True for the scaler_unit attribute of a Register, Extended register or Demand register.</summary>
        public static bool IsScalerUnit(ValueSource s) => (s.ClassId is 3 or 4 && s.AttributeId == 3) || (s.ClassId == 5 && s.AttributeId == 4);

        private static bool TryScalerUnit(DlmsValue value, out ScalerUnit su)
        {
            try
            {
                su = ScalerUnit.FromValue(value);
                return true;
            }
            catch (DlmsProtocolException)
            {
                su = default;
                return false;
            }
        }

        private static string FormatValue(DlmsValue value, ValueSource? source)
        {
            switch (value.Type)
            {
                case DataType.Null:
                    return "null";
                case DataType.Boolean:
                    return (bool)value.Value! ? "true" : "false";
                case DataType.Array:
                case DataType.Structure:
                case DataType.CompactArray:
                {
                    string open = value.Type == DataType.Structure ? "{" : "[";
                    string close = value.Type == DataType.Structure ? "}" : "]";
                    return open + string.Join(", ", value.Items.Select(i => FormatValue(i, null))) + close;
                }
                case DataType.OctetString:
                    return OctetString(value.Bytes, source);
                case DataType.VisibleString:
                case DataType.Utf8String:
                    return value.Text;
                case DataType.BitString:
                    return value.Text;
                case DataType.DateTime:
                    return CosemDateTime.FromBytes(value.Bytes).ToString();
                case DataType.Date:
                    return CosemDateTime.FormatDate(value.Bytes);
                case DataType.Time:
                    return CosemDateTime.FormatTime(value.Bytes);
                case DataType.Float32:
                case DataType.Float64:
                    return source?.ScalerUnit is ScalerUnit fsu ? fsu.Format(value) : value.ToDouble().ToString("G15", CultureInfo.InvariantCulture);
                default:
                    return Number(value, source);
            }
        }

        private static string Number(DlmsValue value, ValueSource? source)
        {
            if (source?.ScalerUnit is ScalerUnit su)
            {
                return su.Format(value);
            }
            long? integer = value.Value switch
            {
                sbyte v => v,
                byte v => v,
                short v => v,
                ushort v => v,
                int v => v,
                uint v => v,
                long v => v,
                _ => null,
            };
            string text = Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "";
            if (source is not null && integer is long n)
            {
                string? name = value.Type == DataType.Enum ? ValueNames.EnumName(source.ClassId, source.AttributeId, n) : null;
                // IDIS event codes are unsigned; a long-unsigned code (the IS 15959 logs by
                // category) numbers its events differently, so it is shown without a name.
                if (name is null && value.Type == DataType.Unsigned && ValueNames.IsEventCodeObject(source.LogicalName) && source.AttributeId == 2)
                {
                    name = ValueNames.EventName(n);
                }
                if (name is not null)
                {
                    return text + " " + name;
                }
            }
            return text;
        }

        private static string OctetString(byte[] b, ValueSource? source)
        {
            if (b.Length == CosemDateTime.Length && CosemDateTime.LooksLikeDateTime(b))
            {
                return CosemDateTime.FromBytes(b).ToString();
            }
            if (b.Length == 6 && source is { AttributeId: 1 })
            {
                return ObisCode.FromBytes(b).ToString();
            }
            if (AxdrAnnotator.IsPrintable(b))
            {
                return Encoding.ASCII.GetString(b);
            }
            return b.Length == 0 ? "(empty)" : Convert.ToHexString(b);
        }
    }
}
