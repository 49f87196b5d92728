using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace DlmsDevice.Client
{
    /// <summary>Decodes A-XDR encoded COSEM <c>Data</c> (IEC 62056-6-2, Blue Book 4.1.5) into <see cref="DlmsValue"/>.</summary>
    public static class AxdrDecoder
    {
        /// <summary>Nesting limit, so hostile input cannot exhaust the stack.</summary>
        public const int MaxDepth = 64;

        /// <summary>Decodes exactly one value that must span all of <paramref name="data"/>.</summary>
        /// <exception cref="DlmsProtocolException">Malformed input or trailing bytes.</exception>
        public static DlmsValue Decode(ReadOnlySpan<byte> data)
        {
            int offset = 0;
            DlmsValue value = Decode(data, ref offset);
            if (offset != data.Length)
            {
                throw new DlmsProtocolException((data.Length - offset) + " trailing byte(s) after the value.");
            }
            return value;
        }

        /// <summary>Decodes one value at <paramref name="offset"/> and advances past it.</summary>
        /// <exception cref="DlmsProtocolException">Malformed input; <paramref name="offset"/> is then unchanged.</exception>
        public static DlmsValue Decode(ReadOnlySpan<byte> data, ref int offset)
        {
            int cursor = offset;
            DlmsValue value = DecodeTagged(data, ref cursor, 0);
            offset = cursor;
            return value;
        }

        private static DlmsValue DecodeTagged(ReadOnlySpan<byte> data, ref int offset, int depth)
        {
            if (offset >= data.Length)
            {
                throw new DlmsProtocolException("Truncated data: expected a type tag at offset " + offset + ".");
            }
            var type = (DataType)data[offset];
            int tagOffset = offset;
            offset++;
            switch (type)
            {
                case DataType.Array:
                case DataType.Structure:
                {
                    if (depth >= MaxDepth)
                    {
                        throw new DlmsProtocolException("Data nested deeper than " + MaxDepth + " levels.");
                    }
                    int count = AxdrLength.Read(data, ref offset);
                    if (count > data.Length - offset)
                    {
                        throw new DlmsProtocolException(type + " of " + count + " elements does not fit in " + (data.Length - offset) + " bytes.");
                    }
                    var items = new DlmsValue[count];
                    for (int i = 0; i < count; i++)
                    {
                        items[i] = DecodeTagged(data, ref offset, depth + 1);
                    }
                    return type == DataType.Array ? DlmsValue.Array(items) : DlmsValue.Structure(items);
                }
                case DataType.CompactArray:
                    return DecodeCompactArray(data, ref offset, depth);
                case DataType.OctetString:
                case DataType.VisibleString:
                case DataType.Utf8String:
                {
                    int length = AxdrLength.Read(data, ref offset);
                    ReadOnlySpan<byte> bytes = Take(data, ref offset, length, type);
                    return type switch
                    {
                        DataType.OctetString => DlmsValue.OctetString(bytes.ToArray()),
                        DataType.VisibleString => DlmsValue.VisibleString(Encoding.Latin1.GetString(bytes)),
                        _ => DlmsValue.Utf8String(Encoding.UTF8.GetString(bytes)),
                    };
                }
                case DataType.BitString:
                {
                    int bits = AxdrLength.Read(data, ref offset);
                    ReadOnlySpan<byte> bytes = Take(data, ref offset, (bits + 7) / 8, type);
                    var sb = new StringBuilder(bits);
                    for (int i = 0; i < bits; i++)
                    {
                        sb.Append((bytes[i / 8] & (0x80 >> (i % 8))) != 0 ? '1' : '0');
                    }
                    return DlmsValue.BitString(sb.ToString());
                }
                default:
                    offset = tagOffset;
                    return DecodeSimple(type, data, ref offset, skipTag: true);
            }
        }

        /// <summary>Decodes a fixed-size simple type; the tag is at offset (skipTag) or absent (compact-array contents).</summary>
        private static DlmsValue DecodeSimple(DataType type, ReadOnlySpan<byte> data, ref int offset, bool skipTag)
        {
            int start = offset;
            if (skipTag)
            {
                offset++;
            }
            int size = FixedSize(type);
            if (size < 0)
            {
                offset = start;
                throw new DlmsProtocolException("Unknown data type tag 0x" + ((byte)type).ToString("X2") + " at offset " + start + ".");
            }
            ReadOnlySpan<byte> b = Take(data, ref offset, size, type);
            return type switch
            {
                DataType.Null => DlmsValue.Null,
                DataType.Boolean => DlmsValue.Boolean(b[0] != 0),
                DataType.DoubleLong => DlmsValue.DoubleLong(BinaryPrimitives.ReadInt32BigEndian(b)),
                DataType.DoubleLongUnsigned => DlmsValue.DoubleLongUnsigned(BinaryPrimitives.ReadUInt32BigEndian(b)),
                DataType.Bcd => DlmsValue.Bcd(b[0]),
                DataType.Integer => DlmsValue.Integer((sbyte)b[0]),
                DataType.Long => DlmsValue.Long(BinaryPrimitives.ReadInt16BigEndian(b)),
                DataType.Unsigned => DlmsValue.Unsigned(b[0]),
                DataType.LongUnsigned => DlmsValue.LongUnsigned(BinaryPrimitives.ReadUInt16BigEndian(b)),
                DataType.Long64 => DlmsValue.Long64(BinaryPrimitives.ReadInt64BigEndian(b)),
                DataType.Long64Unsigned => DlmsValue.Long64Unsigned(BinaryPrimitives.ReadUInt64BigEndian(b)),
                DataType.Enum => DlmsValue.Enum(b[0]),
                DataType.Float32 => DlmsValue.Float32(BinaryPrimitives.ReadSingleBigEndian(b)),
                DataType.Float64 => DlmsValue.Float64(BinaryPrimitives.ReadDoubleBigEndian(b)),
                DataType.DateTime => DlmsValue.DateTime(b.ToArray()),
                DataType.Date => DlmsValue.Date(b.ToArray()),
                DataType.Time => DlmsValue.Time(b.ToArray()),
                DataType.DeltaInteger => DlmsValue.Delta(type, (sbyte)b[0]),
                DataType.DeltaLong => DlmsValue.Delta(type, BinaryPrimitives.ReadInt16BigEndian(b)),
                DataType.DeltaDoubleLong => DlmsValue.Delta(type, BinaryPrimitives.ReadInt32BigEndian(b)),
                DataType.DeltaUnsigned => DlmsValue.Delta(type, b[0]),
                DataType.DeltaLongUnsigned => DlmsValue.Delta(type, BinaryPrimitives.ReadUInt16BigEndian(b)),
                _ => DlmsValue.Delta(type, BinaryPrimitives.ReadUInt32BigEndian(b)),
            };
        }

        /// <summary>Size of a fixed-size type's contents, or -1 when the type is not fixed-size / unknown.</summary>
        internal static int FixedSize(DataType type) => type switch
        {
            DataType.Null => 0,
            DataType.Boolean or DataType.Bcd or DataType.Integer or DataType.Unsigned or DataType.Enum
                or DataType.DeltaInteger or DataType.DeltaUnsigned => 1,
            DataType.Long or DataType.LongUnsigned or DataType.DeltaLong or DataType.DeltaLongUnsigned => 2,
            DataType.DoubleLong or DataType.DoubleLongUnsigned or DataType.Float32 or DataType.Time
                or DataType.DeltaDoubleLong or DataType.DeltaDoubleLongUnsigned => 4,
            DataType.Date => 5,
            DataType.Long64 or DataType.Long64Unsigned or DataType.Float64 => 8,
            DataType.DateTime => 12,
            _ => -1,
        };

        private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int offset, int length, DataType type)
        {
            if (length < 0 || length > data.Length - offset)
            {
                throw new DlmsProtocolException("Truncated " + type + ": needs " + length + " byte(s), " + (data.Length - offset) + " left.");
            }
            ReadOnlySpan<byte> slice = data.Slice(offset, length);
            offset += length;
            return slice;
        }

        // compact-array (Blue Book 4.1.6.2): contents-description (TypeDescription), then
        // array-contents as an octet-string holding the untagged elements back to back.
        private static DlmsValue DecodeCompactArray(ReadOnlySpan<byte> data, ref int offset, int depth)
        {
            int descriptionStart = offset;
            TypeNode description = ReadTypeDescription(data, ref offset, depth);
            byte[] descriptionBytes = data.Slice(descriptionStart, offset - descriptionStart).ToArray();
            int length = AxdrLength.Read(data, ref offset);
            ReadOnlySpan<byte> contents = Take(data, ref offset, length, DataType.CompactArray);
            var items = new List<DlmsValue>();
            int cursor = 0;
            while (cursor < contents.Length)
            {
                items.Add(DecodeUntagged(description, contents, ref cursor, depth + 1));
            }
            return DlmsValue.CompactArray(descriptionBytes, items);
        }

        private sealed record TypeNode(DataType Type, int Count, TypeNode[] Children);

        private static TypeNode ReadTypeDescription(ReadOnlySpan<byte> data, ref int offset, int depth)
        {
            if (depth >= MaxDepth)
            {
                throw new DlmsProtocolException("Type description nested deeper than " + MaxDepth + " levels.");
            }
            if (offset >= data.Length)
            {
                throw new DlmsProtocolException("Truncated compact-array type description.");
            }
            var type = (DataType)data[offset++];
            switch (type)
            {
                case DataType.Array:
                {
                    // array: number-of-elements (Unsigned16), then the element type.
                    ReadOnlySpan<byte> n = Take(data, ref offset, 2, type);
                    int count = BinaryPrimitives.ReadUInt16BigEndian(n);
                    TypeNode element = ReadTypeDescription(data, ref offset, depth + 1);
                    return new TypeNode(type, count, new[] { element });
                }
                case DataType.Structure:
                {
                    int count = AxdrLength.Read(data, ref offset);
                    if (count > data.Length - offset)
                    {
                        throw new DlmsProtocolException("Compact-array structure description of " + count + " elements is truncated.");
                    }
                    var children = new TypeNode[count];
                    for (int i = 0; i < count; i++)
                    {
                        children[i] = ReadTypeDescription(data, ref offset, depth + 1);
                    }
                    return new TypeNode(type, count, children);
                }
                default:
                    if (type is not (DataType.OctetString or DataType.VisibleString or DataType.Utf8String or DataType.BitString) && FixedSize(type) < 0)
                    {
                        throw new DlmsProtocolException("Unknown type 0x" + ((byte)type).ToString("X2") + " in a compact-array description.");
                    }
                    return new TypeNode(type, 0, System.Array.Empty<TypeNode>());
            }
        }

        private static DlmsValue DecodeUntagged(TypeNode node, ReadOnlySpan<byte> data, ref int offset, int depth)
        {
            if (depth >= MaxDepth)
            {
                throw new DlmsProtocolException("Data nested deeper than " + MaxDepth + " levels.");
            }
            switch (node.Type)
            {
                case DataType.Array:
                {
                    var items = new DlmsValue[node.Count];
                    for (int i = 0; i < node.Count; i++)
                    {
                        items[i] = DecodeUntagged(node.Children[0], data, ref offset, depth + 1);
                    }
                    return DlmsValue.Array(items);
                }
                case DataType.Structure:
                {
                    var items = new DlmsValue[node.Count];
                    for (int i = 0; i < node.Count; i++)
                    {
                        items[i] = DecodeUntagged(node.Children[i], data, ref offset, depth + 1);
                    }
                    return DlmsValue.Structure(items);
                }
                case DataType.OctetString:
                case DataType.VisibleString:
                case DataType.Utf8String:
                case DataType.BitString:
                {
                    // Variable-length elements keep their length prefix; only the tag is dropped.
                    var tagged = new byte[data.Length - offset + 1];
                    tagged[0] = (byte)node.Type;
                    data.Slice(offset).CopyTo(tagged.AsSpan(1));
                    int cursor = 0;
                    DlmsValue value = DecodeTagged(tagged, ref cursor, depth);
                    offset += cursor - 1;
                    return value;
                }
                default:
                    return DecodeSimple(node.Type, data, ref offset, skipTag: false);
            }
        }
    }
}
