using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DlmsDevice.Client
{
    /// <summary>Options for <see cref="DlmsValueText.Format(DlmsValue, DlmsValueFormatOptions)"/>.</summary>
    public sealed record DlmsValueFormatOptions
    {
        /// <summary>Print 12-byte octet-strings that look like a COSEM date-time as <c>dt:...</c> (default true).</summary>
        public bool DateTimeHint { get; init; } = true;

        /// <summary>Print every 6-byte octet-string as <c>obis:a.b.c.d.e.f</c> (default false).</summary>
        public bool ObisHint { get; init; }

        /// <summary>Add the text of printable-ASCII octet-strings as a comment (default false).</summary>
        public bool AsciiHint { get; init; }

        /// <summary>Break arrays/structures longer than this many characters over indented lines (0 = never).</summary>
        public int MaxLineWidth { get; init; }
    }

    /// <summary>
    /// A typed text syntax for COSEM values, used to give SET/ACTION values on the command line and
    /// to print values. <see cref="Format(DlmsValue)"/> output parses back to the same value.
    /// </summary>
    /// <remarks>
    /// <code>
    /// null                            null-data
    /// bool:true                       boolean (true/false/1/0)
    /// i8:-5  i16:  i32:  i64:         integer, long, double-long, long64
    /// u8:5   u16:  u32:1234  u64:     unsigned, long-unsigned, double-long-unsigned, long64-unsigned
    /// enum:30  bcd:12                 enum, bcd
    /// f32:1.5  f64:2.25               float32, float64
    /// oct:0102AB                      octet-string, hex digits (oct: = empty)
    /// str:hello  str:"a, b"           visible-string (quote to include , { } [ ] or spaces at the ends)
    /// utf8:grüße                      utf8-string
    /// bits:1010                       bit-string, first character = first bit
    /// obis:1.0.1.8.0.255              octet-string(6) holding an OBIS code
    /// dt:2026-11-25T10:00:00+01:00    octet-string(12) holding a COSEM date-time (see CosemDateTime)
    /// datetime:..  date:2026-11-25  time:10:00:00   date-time [25], date [26], time [27]
    /// {u8:1, str:x}                   structure
    /// [u16:1, u16:2]                  array
    /// </code>
    /// Long type names are accepted too (double-long-unsigned:1234, visible-string:x, ...).
    /// </remarks>
    public static class DlmsValueText
    {
        private static readonly Dictionary<string, DataType> s_names = new(StringComparer.OrdinalIgnoreCase)
        {
            ["bool"] = DataType.Boolean, ["boolean"] = DataType.Boolean,
            ["i8"] = DataType.Integer, ["integer"] = DataType.Integer,
            ["i16"] = DataType.Long, ["long"] = DataType.Long,
            ["i32"] = DataType.DoubleLong, ["double-long"] = DataType.DoubleLong,
            ["i64"] = DataType.Long64, ["long64"] = DataType.Long64,
            ["u8"] = DataType.Unsigned, ["unsigned"] = DataType.Unsigned,
            ["u16"] = DataType.LongUnsigned, ["long-unsigned"] = DataType.LongUnsigned,
            ["u32"] = DataType.DoubleLongUnsigned, ["double-long-unsigned"] = DataType.DoubleLongUnsigned,
            ["u64"] = DataType.Long64Unsigned, ["long64-unsigned"] = DataType.Long64Unsigned,
            ["enum"] = DataType.Enum, ["bcd"] = DataType.Bcd,
            ["f32"] = DataType.Float32, ["float32"] = DataType.Float32,
            ["f64"] = DataType.Float64, ["float64"] = DataType.Float64,
            ["oct"] = DataType.OctetString, ["octet-string"] = DataType.OctetString,
            ["str"] = DataType.VisibleString, ["visible-string"] = DataType.VisibleString,
            ["utf8"] = DataType.Utf8String, ["utf8-string"] = DataType.Utf8String,
            ["bits"] = DataType.BitString, ["bit-string"] = DataType.BitString,
            ["datetime"] = DataType.DateTime, ["date-time"] = DataType.DateTime,
            ["date"] = DataType.Date, ["time"] = DataType.Time,
        };

        private static readonly Dictionary<DataType, string> s_short = new()
        {
            [DataType.Boolean] = "bool", [DataType.Integer] = "i8", [DataType.Long] = "i16",
            [DataType.DoubleLong] = "i32", [DataType.Long64] = "i64", [DataType.Unsigned] = "u8",
            [DataType.LongUnsigned] = "u16", [DataType.DoubleLongUnsigned] = "u32", [DataType.Long64Unsigned] = "u64",
            [DataType.Enum] = "enum", [DataType.Bcd] = "bcd", [DataType.Float32] = "f32", [DataType.Float64] = "f64",
            [DataType.OctetString] = "oct", [DataType.VisibleString] = "str", [DataType.Utf8String] = "utf8",
            [DataType.BitString] = "bits", [DataType.DateTime] = "datetime", [DataType.Date] = "date", [DataType.Time] = "time",
            [DataType.DeltaInteger] = "delta-i8", [DataType.DeltaLong] = "delta-i16", [DataType.DeltaDoubleLong] = "delta-i32",
            [DataType.DeltaUnsigned] = "delta-u8", [DataType.DeltaLongUnsigned] = "delta-u16", [DataType.DeltaDoubleLongUnsigned] = "delta-u32",
        };

        /// <summary>Parses a value written in the syntax of the class remarks.</summary>
        /// <exception cref="FormatException">The text is not a valid value.</exception>
        public static DlmsValue Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var parser = new Parser(text);
            DlmsValue value = parser.ParseValue(topLevel: true);
            parser.SkipSpaces();
            if (!parser.AtEnd)
            {
                throw new FormatException("Unexpected '" + text.Substring(parser.Position) + "' after the value.");
            }
            return value;
        }

        /// <summary>The canonical single-line form (parses back to an equal value).</summary>
        public static string Format(DlmsValue value) => Format(value, new DlmsValueFormatOptions { DateTimeHint = false });

        /// <summary>Formats for display with hints (date-time, OBIS) and optional line breaking.</summary>
        public static string Format(DlmsValue value, DlmsValueFormatOptions options)
        {
            var sb = new StringBuilder();
            Write(value, options, sb, 0);
            return sb.ToString();
        }

        private static void Write(DlmsValue value, DlmsValueFormatOptions options, StringBuilder sb, int indent)
        {
            if (!value.IsComposite)
            {
                sb.Append(FormatScalar(value, options));
                return;
            }
            char open = value.Type == DataType.Array ? '[' : value.Type == DataType.Structure ? '{' : '[';
            char close = open == '[' ? ']' : '}';
            string prefix = value.Type == DataType.CompactArray ? "compact" : "";
            string inline = prefix + open + string.Join(", ", value.Items.Select(i => Format(i, options with { MaxLineWidth = 0 }))) + close;
            if (options.MaxLineWidth <= 0 || inline.Length + indent <= options.MaxLineWidth || value.Items.Count == 0)
            {
                sb.Append(inline);
                return;
            }
            sb.Append(prefix).Append(open).Append('\n');
            for (int i = 0; i < value.Items.Count; i++)
            {
                sb.Append(' ', indent + 2);
                Write(value.Items[i], options, sb, indent + 2);
                if (i < value.Items.Count - 1)
                {
                    sb.Append(',');
                }
                sb.Append('\n');
            }
            sb.Append(' ', indent).Append(close);
        }

        private static string FormatScalar(DlmsValue value, DlmsValueFormatOptions options)
        {
            switch (value.Type)
            {
                case DataType.Null:
                    return "null";
                case DataType.Boolean:
                    return (bool)value.Value! ? "bool:true" : "bool:false";
                case DataType.OctetString:
                {
                    byte[] b = value.Bytes;
                    if (options.DateTimeHint && CosemDateTime.LooksLikeDateTime(b))
                    {
                        return "dt:" + CosemDateTime.FromBytes(b);
                    }
                    if (options.ObisHint && b.Length == 6)
                    {
                        return "obis:" + ObisCode.FromBytes(b);
                    }
                    string hex = "oct:" + Convert.ToHexString(b);
                    if (options.AsciiHint && b.Length > 1 && b.All(x => x >= 0x20 && x < 0x7F))
                    {
                        hex += " (\"" + Encoding.ASCII.GetString(b) + "\")";
                    }
                    return hex;
                }
                case DataType.VisibleString:
                case DataType.Utf8String:
                    return s_short[value.Type] + ":" + QuoteIfNeeded(value.Text);
                case DataType.BitString:
                    return "bits:" + value.Text;
                case DataType.DateTime:
                    return "datetime:" + CosemDateTime.FromBytes(value.Bytes);
                case DataType.Date:
                    return "date:" + CosemDateTime.FormatDate(value.Bytes);
                case DataType.Time:
                    return "time:" + CosemDateTime.FormatTime(value.Bytes);
                case DataType.Float32:
                    return "f32:" + ((float)value.Value!).ToString("R", CultureInfo.InvariantCulture);
                case DataType.Float64:
                    return "f64:" + ((double)value.Value!).ToString("R", CultureInfo.InvariantCulture);
                default:
                    return s_short[value.Type] + ":" + Convert.ToString(value.Value, CultureInfo.InvariantCulture);
            }
        }

        private static string QuoteIfNeeded(string text)
        {
            bool needs = text.Length == 0 || text.Trim() != text || text.IndexOfAny(new[] { ',', '{', '}', '[', ']', '"', '\\' }) >= 0;
            if (!needs)
            {
                return text;
            }
            return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        private sealed class Parser
        {
            private readonly string _text;

            public Parser(string text) => _text = text;

            public int Position { get; private set; }

            public bool AtEnd => Position >= _text.Length;

            public void SkipSpaces()
            {
                while (!AtEnd && char.IsWhiteSpace(_text[Position]))
                {
                    Position++;
                }
            }

            public DlmsValue ParseValue(bool topLevel)
            {
                SkipSpaces();
                if (AtEnd)
                {
                    throw new FormatException("Expected a value at the end of the text.");
                }
                char c = _text[Position];
                if (c == '{' || c == '[')
                {
                    Position++;
                    char close = c == '{' ? '}' : ']';
                    var items = new List<DlmsValue>();
                    SkipSpaces();
                    if (!AtEnd && _text[Position] == close)
                    {
                        Position++;
                    }
                    else
                    {
                        while (true)
                        {
                            items.Add(ParseValue(topLevel: false));
                            SkipSpaces();
                            if (AtEnd)
                            {
                                throw new FormatException("Missing '" + close + "'.");
                            }
                            char d = _text[Position++];
                            if (d == close)
                            {
                                break;
                            }
                            if (d != ',')
                            {
                                throw new FormatException("Expected ',' or '" + close + "' at position " + (Position - 1) + ".");
                            }
                        }
                    }
                    return c == '{' ? DlmsValue.Structure(items) : DlmsValue.Array(items);
                }
                string head = ReadLiteral(topLevel: false, stopAtColon: true);
                if (head.Equals("null", StringComparison.OrdinalIgnoreCase))
                {
                    return DlmsValue.Null;
                }
                if (AtEnd || _text[Position] != ':')
                {
                    throw new FormatException("Expected type:value (e.g. u32:1234), got '" + head + "'.");
                }
                Position++;
                string type = head.Trim();
                string literal = ReadLiteral(topLevel, stopAtColon: false);
                return Build(type, literal);
            }

            private string ReadLiteral(bool topLevel, bool stopAtColon)
            {
                SkipSpaces();
                if (!AtEnd && _text[Position] == '"' && !stopAtColon)
                {
                    Position++;
                    var sb = new StringBuilder();
                    while (true)
                    {
                        if (AtEnd)
                        {
                            throw new FormatException("Unterminated quoted string.");
                        }
                        char ch = _text[Position++];
                        if (ch == '"')
                        {
                            return sb.ToString();
                        }
                        if (ch == '\\' && !AtEnd)
                        {
                            ch = _text[Position++];
                        }
                        sb.Append(ch);
                    }
                }
                int start = Position;
                while (!AtEnd)
                {
                    char ch = _text[Position];
                    if (stopAtColon && ch == ':')
                    {
                        break;
                    }
                    if (!topLevel && (ch == ',' || ch == '}' || ch == ']'))
                    {
                        break;
                    }
                    Position++;
                }
                string s = _text.Substring(start, Position - start);
                return stopAtColon || !topLevel ? s.Trim() : s;
            }
        }

        private static DlmsValue Build(string typeName, string literal)
        {
            var ci = CultureInfo.InvariantCulture;
            switch (typeName.ToLowerInvariant())
            {
                case "obis":
                    return DlmsValue.OctetString(ObisCode.Parse(literal).ToBytes());
                case "dt":
                    return DlmsValue.OctetString(CosemDateTime.Parse(literal).ToBytes());
            }
            if (!s_names.TryGetValue(typeName, out DataType type))
            {
                throw new FormatException("Unknown type '" + typeName + "' (use e.g. u32, i16, enum, oct, str, dt, obis; see the README).");
            }
            try
            {
                string t = literal.Trim();
                switch (type)
                {
                    case DataType.Boolean:
                        return DlmsValue.Boolean(t.ToLowerInvariant() switch
                        {
                            "true" or "1" => true,
                            "false" or "0" => false,
                            _ => throw new FormatException("A boolean is true, false, 1 or 0."),
                        });
                    case DataType.Integer: return DlmsValue.Integer(sbyte.Parse(t, NumberStyles.Integer, ci));
                    case DataType.Long: return DlmsValue.Long(short.Parse(t, NumberStyles.Integer, ci));
                    case DataType.DoubleLong: return DlmsValue.DoubleLong(int.Parse(t, NumberStyles.Integer, ci));
                    case DataType.Long64: return DlmsValue.Long64(long.Parse(t, NumberStyles.Integer, ci));
                    case DataType.Unsigned: return DlmsValue.Unsigned(byte.Parse(t, NumberStyles.None, ci));
                    case DataType.LongUnsigned: return DlmsValue.LongUnsigned(ushort.Parse(t, NumberStyles.None, ci));
                    case DataType.DoubleLongUnsigned: return DlmsValue.DoubleLongUnsigned(uint.Parse(t, NumberStyles.None, ci));
                    case DataType.Long64Unsigned: return DlmsValue.Long64Unsigned(ulong.Parse(t, NumberStyles.None, ci));
                    case DataType.Enum: return DlmsValue.Enum(byte.Parse(t, NumberStyles.None, ci));
                    case DataType.Bcd: return DlmsValue.Bcd(byte.Parse(t, NumberStyles.None, ci));
                    case DataType.Float32: return DlmsValue.Float32(float.Parse(t, NumberStyles.Float, ci));
                    case DataType.Float64: return DlmsValue.Float64(double.Parse(t, NumberStyles.Float, ci));
                    case DataType.OctetString: return DlmsValue.OctetString(Convert.FromHexString(t.Replace(" ", "", StringComparison.Ordinal)));
                    case DataType.VisibleString:
                        if (literal.Any(ch => ch > 0x7E || ch < 0x20))
                        {
                            throw new FormatException("A visible-string holds printable ASCII only; use utf8: for other text.");
                        }
                        return DlmsValue.VisibleString(literal);
                    case DataType.Utf8String: return DlmsValue.Utf8String(literal);
                    case DataType.BitString: return DlmsValue.BitString(t);
                    case DataType.DateTime: return DlmsValue.DateTime(CosemDateTime.Parse(t).ToBytes());
                    case DataType.Date:
                    {
                        byte[] b = CosemDateTime.Parse(t + "T*:*:*").ToBytes();
                        return DlmsValue.Date(b.AsSpan(0, 5).ToArray());
                    }
                    default:
                    {
                        byte[] b = CosemDateTime.Parse("*-*-*T" + t).ToBytes();
                        return DlmsValue.Time(b.AsSpan(5, 4).ToArray());
                    }
                }
            }
            catch (Exception e) when (e is OverflowException or ArgumentException or FormatException)
            {
                throw new FormatException("'" + typeName + ":" + literal + "': " + e.Message, e);
            }
        }
    }
}
