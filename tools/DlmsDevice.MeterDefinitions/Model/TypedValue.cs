using System;
using System.Globalization;
using System.Text.Json;
using DlmsDevice.Client;
using PortableType = DlmsDevice.Stack.Axdr.DataType;

namespace DlmsDevice.MeterDefinitions.Model
{
    /// <summary>
    /// An initial value: a scalar COSEM value in the client's typed text syntax ("u32:0",
    /// "str:abc", tools/DlmsDevice.Client/Axdr/DlmsValueText.cs) or the long form
    /// <c>{"type": "double-long-unsigned", "value": 0}</c>. Structures, arrays and date-times are
    /// not initial values of the classes a definition builds today.
    /// </summary>
    public sealed class TypedValue
    {
        private TypedValue(PortableType type, object value, int maxLength)
        {
            Type = type;
            Value = value;
            MaxLength = maxLength;
        }

        /// <summary>The A-XDR type.</summary>
        public PortableType Type { get; }

        /// <summary>long for the integer types, double for floats, bool, string for strings, byte[] for octet-strings.</summary>
        public object Value { get; }

        /// <summary>Room of a string value (characters or bytes).</summary>
        public int MaxLength { get; }

        /// <summary>Reads a value; the reason in <paramref name="error"/> when it is not one.</summary>
        public static TypedValue? Read(JsonElement element, out string? error)
        {
            error = null;
            try
            {
                if (element.ValueKind == JsonValueKind.String)
                {
                    return FromDlmsValue(DlmsValueText.Parse(element.GetString()!), 0);
                }
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out JsonElement type) && element.TryGetProperty("value", out JsonElement value))
                {
                    string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    int maxLength = element.TryGetProperty("maxLength", out JsonElement m) && m.TryGetInt32(out int n) ? n : 0;
                    return FromDlmsValue(DlmsValueText.Parse(type.GetString() + ":" + text), maxLength);
                }
                error = "a value is \"type:value\" (e.g. \"u32:0\") or {\"type\": ..., \"value\": ...}";
                return null;
            }
            catch (FormatException ex)
            {
                error = "not a value: " + ex.Message;
                return null;
            }
        }

        private static TypedValue FromDlmsValue(DlmsValue value, int maxLength)
        {
            var type = (PortableType)(byte)value.Type;
            switch (value.Type)
            {
                case DataType.Boolean:
                    return new TypedValue(type, (bool)value.Value!, 0);
                case DataType.Integer:
                case DataType.Long:
                case DataType.DoubleLong:
                case DataType.Long64:
                case DataType.Unsigned:
                case DataType.LongUnsigned:
                case DataType.DoubleLongUnsigned:
                case DataType.Enum:
                case DataType.Bcd:
                    return new TypedValue(type, Convert.ToInt64(value.Value, CultureInfo.InvariantCulture), 0);
                case DataType.Long64Unsigned:
                    ulong big = (ulong)value.Value!;
                    if (big > long.MaxValue)
                    {
                        throw new FormatException("long64-unsigned above " + long.MaxValue + " is not served");
                    }
                    return new TypedValue(type, (long)big, 0);
                case DataType.Float32:
                case DataType.Float64:
                    return new TypedValue(type, Convert.ToDouble(value.Value, CultureInfo.InvariantCulture), 0);
                case DataType.VisibleString:
                case DataType.Utf8String:
                    string text = (string)value.Value!;
                    foreach (char c in text)
                    {
                        if (c > 0xFF)
                        {
                            throw new FormatException("the stack keeps strings as Latin-1 bytes: '" + c + "' does not fit");
                        }
                    }
                    return new TypedValue(type, text, Room(text.Length, maxLength));
                case DataType.OctetString:
                    byte[] bytes = (byte[])value.Value!;
                    return new TypedValue(type, bytes, Room(bytes.Length, maxLength));
                default:
                    throw new FormatException(value.Type + " is not an initial value a definition can give (scalars only)");
            }
        }

        private static int Room(int length, int maxLength)
        {
            if (maxLength > 0 && maxLength < length)
            {
                throw new FormatException("maxLength " + maxLength + " is shorter than the value (" + length + ")");
            }
            return maxLength > 0 ? maxLength : (length > 0 ? length : 1);
        }

        /// <summary>The same value in the client's typed syntax (for messages).</summary>
        public override string ToString() => Type + " " + (Value is byte[] b ? Convert.ToHexString(b) : Convert.ToString(Value, CultureInfo.InvariantCulture));
    }
}
