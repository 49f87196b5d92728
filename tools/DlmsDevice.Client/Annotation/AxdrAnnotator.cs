using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Annotates A-XDR encoded COSEM <c>Data</c> (IEC 62056-6-2, Blue Book 4.1.5): every value
    /// with its type tag's name, and for people the value itself (printable octet-strings as
    /// text, 12-byte octet-strings as date-times, 6-byte ones as logical names).
    /// </summary>
    public static class AxdrAnnotator
    {
        /// <summary>Annotates all of <paramref name="data"/> as a sequence of Data values under a node called <paramref name="name"/>.</summary>
        public static Annotation AnnotateAll(ReadOnlySpan<byte> data, string name)
        {
            byte[] bytes = data.ToArray();
            var cursor = new ByteCursor(bytes);
            var root = new Annotation(name, ReadOnlySpan<byte>.Empty, bytes.Length.ToString(CultureInfo.InvariantCulture) + " bytes");
            try
            {
                while (!cursor.AtEnd)
                {
                    root.Add(Annotate(cursor, "Data", 0));
                }
            }
            catch (AnnotationTruncatedException e)
            {
                root.AddError("truncated: " + e.Message, cursor.Rest());
            }
            return root;
        }

        /// <summary>The type name of an A-XDR tag as the Blue Book spells it.</summary>
        public static string TypeName(byte tag) => tag switch
        {
            0 => "null-data",
            1 => "array",
            2 => "structure",
            3 => "boolean",
            4 => "bit-string",
            5 => "double-long",
            6 => "double-long-unsigned",
            9 => "octet-string",
            10 => "visible-string",
            12 => "utf8-string",
            13 => "bcd",
            15 => "integer",
            16 => "long",
            17 => "unsigned",
            18 => "long-unsigned",
            19 => "compact-array",
            20 => "long64",
            21 => "long64-unsigned",
            22 => "enum",
            23 => "float32",
            24 => "float64",
            25 => "date-time",
            26 => "date",
            27 => "time",
            28 => "delta-integer",
            29 => "delta-long",
            30 => "delta-double-long",
            31 => "delta-unsigned",
            32 => "delta-long-unsigned",
            33 => "delta-double-long-unsigned",
            _ => "unknown type " + tag.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>Text for people of an octet-string's bytes: printable text in quotes, a date-time, a logical name, or nothing.</summary>
        public static string? OctetStringHint(ReadOnlySpan<byte> b)
        {
            if (b.Length == CosemDateTime.Length && CosemDateTime.LooksLikeDateTime(b))
            {
                return "date-time " + CosemDateTime.FromBytes(b);
            }
            if (IsPrintable(b))
            {
                return "\"" + Encoding.ASCII.GetString(b) + "\"";
            }
            if (b.Length == 6)
            {
                return "logical name " + ObisCode.FromBytes(b);
            }
            return null;
        }

        /// <summary>True for 2 or more bytes that are all visible ASCII characters (or spaces).</summary>
        public static bool IsPrintable(ReadOnlySpan<byte> b)
        {
            if (b.Length < 2)
            {
                return false;
            }
            foreach (byte x in b)
            {
                if (x < 0x20 || x > 0x7E)
                {
                    return false;
                }
            }
            return true;
        }

        internal static Annotation Annotate(ByteCursor c, string name, int depth)
        {
            int start = c.Position;
            byte tag = c.TakeByte("type tag");
            string type = TypeName(tag);
            switch (tag)
            {
                case 0:
                    return new Annotation(name, new[] { tag }, "null-data");
                case 1:
                case 2:
                {
                    int count = c.Length("element count", out byte[] countRaw);
                    var node = new Annotation(name, Concat(tag, countRaw), type + " of " + count.ToString(CultureInfo.InvariantCulture)
                        + (count == 1 ? " element" : " elements"));
                    if (depth >= AxdrDecoder.MaxDepth)
                    {
                        node.AddError("nested deeper than " + AxdrDecoder.MaxDepth + " levels");
                        return node;
                    }
                    for (int i = 0; i < count; i++)
                    {
                        node.Add(Annotate(c, (tag == 1 ? "element " : "member ") + (i + 1).ToString(CultureInfo.InvariantCulture), depth + 1));
                    }
                    return node;
                }
                case 3:
                {
                    byte v = c.TakeByte(type);
                    return new Annotation(name, new[] { tag, v }, "boolean " + (v != 0 ? "TRUE" : "FALSE"));
                }
                case 4:
                {
                    int bits = c.Length("bit count", out byte[] lengthRaw);
                    byte[] value = c.Take((bits + 7) / 8, type);
                    var sb = new StringBuilder();
                    for (int i = 0; i < bits; i++)
                    {
                        sb.Append((value[i / 8] & (0x80 >> (i % 8))) != 0 ? '1' : '0');
                    }
                    return new Annotation(name, Concat(tag, lengthRaw, value), "bit-string of " + bits + " bits " + sb);
                }
                case 9:
                case 10:
                case 12:
                {
                    int length = c.Length("length", out byte[] lengthRaw);
                    byte[] value = c.Take(length, type);
                    string meaning = type + " (" + length.ToString(CultureInfo.InvariantCulture) + ")";
                    if (tag == 9)
                    {
                        string? hint = OctetStringHint(value);
                        if (hint is not null)
                        {
                            meaning += " " + hint;
                        }
                    }
                    else
                    {
                        meaning += " \"" + (tag == 10 ? Encoding.ASCII.GetString(value) : Encoding.UTF8.GetString(value)) + "\"";
                    }
                    return new Annotation(name, Concat(tag, lengthRaw, value), meaning);
                }
                case 13:
                case 15:
                case 17:
                case 22:
                case 28:
                case 31:
                {
                    byte v = c.TakeByte(type);
                    string text = tag is 15 or 28 ? ((sbyte)v).ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
                    return new Annotation(name, new[] { tag, v }, type + " " + text);
                }
                case 16:
                case 18:
                case 29:
                case 32:
                {
                    byte[] v = c.Take(2, type);
                    ushort u = BinaryPrimitives.ReadUInt16BigEndian(v);
                    string text = tag is 16 or 29 ? ((short)u).ToString(CultureInfo.InvariantCulture) : u.ToString(CultureInfo.InvariantCulture);
                    return new Annotation(name, Concat(tag, v), type + " " + text);
                }
                case 5:
                case 6:
                case 30:
                case 33:
                {
                    byte[] v = c.Take(4, type);
                    uint u = BinaryPrimitives.ReadUInt32BigEndian(v);
                    string text = tag is 5 or 30 ? ((int)u).ToString(CultureInfo.InvariantCulture) : u.ToString(CultureInfo.InvariantCulture);
                    return new Annotation(name, Concat(tag, v), type + " " + text);
                }
                case 20:
                case 21:
                {
                    byte[] v = c.Take(8, type);
                    ulong u = BinaryPrimitives.ReadUInt64BigEndian(v);
                    string text = tag == 20 ? ((long)u).ToString(CultureInfo.InvariantCulture) : u.ToString(CultureInfo.InvariantCulture);
                    return new Annotation(name, Concat(tag, v), type + " " + text);
                }
                case 23:
                {
                    byte[] v = c.Take(4, type);
                    return new Annotation(name, Concat(tag, v), "float32 " + BinaryPrimitives.ReadSingleBigEndian(v).ToString("R", CultureInfo.InvariantCulture));
                }
                case 24:
                {
                    byte[] v = c.Take(8, type);
                    return new Annotation(name, Concat(tag, v), "float64 " + BinaryPrimitives.ReadDoubleBigEndian(v).ToString("R", CultureInfo.InvariantCulture));
                }
                case 25:
                {
                    byte[] v = c.Take(12, type);
                    return new Annotation(name, Concat(tag, v), "date-time " + CosemDateTime.FromBytes(v));
                }
                case 26:
                {
                    byte[] v = c.Take(5, type);
                    return new Annotation(name, Concat(tag, v), "date " + CosemDateTime.FormatDate(v));
                }
                case 27:
                {
                    byte[] v = c.Take(4, type);
                    return new Annotation(name, Concat(tag, v), "time " + CosemDateTime.FormatTime(v));
                }
                case 19:
                {
                    // compact-array: contents-description then array-contents (an octet string of
                    // the packed values). Shown, not unpacked.
                    int descriptionStart = c.Position;
                    SkipTypeDescription(c, 0);
                    byte[] description = c.Data.AsSpan(descriptionStart, c.Position - descriptionStart).ToArray();
                    int length = c.Length("array-contents length", out byte[] lengthRaw);
                    byte[] contents = c.Take(length, "array-contents");
                    var node = new Annotation(name, new[] { tag }, "compact-array");
                    node.Add("contents-description", description, "type description");
                    node.Add("array-contents", Concat(lengthRaw, contents), length.ToString(CultureInfo.InvariantCulture) + " bytes");
                    return node;
                }
                default:
                {
                    c.Position = start;
                    var node = new Annotation(name, c.Rest(), "unknown A-XDR type tag " + tag.ToString(CultureInfo.InvariantCulture));
                    node.IsError = true;
                    return node;
                }
            }
        }

        private static void SkipTypeDescription(ByteCursor c, int depth)
        {
            byte tag = c.TakeByte("type description");
            if (depth > AxdrDecoder.MaxDepth)
            {
                throw new AnnotationTruncatedException("type description", 0, 0);
            }
            if (tag == 1)
            {
                c.Take(2, "array length");
                SkipTypeDescription(c, depth + 1);
            }
            else if (tag == 2)
            {
                int count = c.Length("structure count", out _);
                for (int i = 0; i < count; i++)
                {
                    SkipTypeDescription(c, depth + 1);
                }
            }
        }

        internal static byte[] Concat(byte first, params byte[][] rest)
        {
            int length = 1;
            foreach (byte[] r in rest)
            {
                length += r.Length;
            }
            var result = new byte[length];
            result[0] = first;
            int p = 1;
            foreach (byte[] r in rest)
            {
                r.CopyTo(result, p);
                p += r.Length;
            }
            return result;
        }

        internal static byte[] Concat(params byte[][] parts)
        {
            int length = 0;
            foreach (byte[] r in parts)
            {
                length += r.Length;
            }
            var result = new byte[length];
            int p = 0;
            foreach (byte[] r in parts)
            {
                r.CopyTo(result, p);
                p += r.Length;
            }
            return result;
        }
    }
}
