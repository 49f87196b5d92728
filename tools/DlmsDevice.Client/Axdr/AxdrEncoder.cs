using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace DlmsDevice.Client
{
    /// <summary>Encodes <see cref="DlmsValue"/> as A-XDR COSEM <c>Data</c> (IEC 62056-6-2).</summary>
    public static class AxdrEncoder
    {
        /// <summary>Encodes one value (tag + contents).</summary>
        public static byte[] Encode(DlmsValue value)
        {
            var output = new List<byte>();
            Encode(value, output);
            return output.ToArray();
        }

        /// <summary>Appends one value (tag + contents) to <paramref name="output"/>.</summary>
        public static void Encode(DlmsValue value, List<byte> output)
        {
            ArgumentNullException.ThrowIfNull(value);
            output.Add((byte)value.Type);
            EncodeContents(value, output);
        }

        private static void EncodeContents(DlmsValue value, List<byte> output)
        {
            switch (value.Type)
            {
                case DataType.Null:
                    return;
                case DataType.Array:
                case DataType.Structure:
                    AxdrLength.Write(output, value.Items.Count);
                    foreach (DlmsValue item in value.Items)
                    {
                        Encode(item, output);
                    }
                    return;
                case DataType.CompactArray:
                {
                    output.AddRange(value.TypeDescription!);
                    var contents = new List<byte>();
                    foreach (DlmsValue item in value.Items)
                    {
                        EncodeUntagged(item, contents);
                    }
                    AxdrLength.Write(output, contents.Count);
                    output.AddRange(contents);
                    return;
                }
                case DataType.OctetString:
                    AxdrLength.Write(output, value.Bytes.Length);
                    output.AddRange(value.Bytes);
                    return;
                case DataType.VisibleString:
                {
                    byte[] bytes = Encoding.Latin1.GetBytes(value.Text);
                    AxdrLength.Write(output, bytes.Length);
                    output.AddRange(bytes);
                    return;
                }
                case DataType.Utf8String:
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(value.Text);
                    AxdrLength.Write(output, bytes.Length);
                    output.AddRange(bytes);
                    return;
                }
                case DataType.BitString:
                {
                    string bits = value.Text;
                    AxdrLength.Write(output, bits.Length);
                    var bytes = new byte[(bits.Length + 7) / 8];
                    for (int i = 0; i < bits.Length; i++)
                    {
                        if (bits[i] == '1')
                        {
                            bytes[i / 8] |= (byte)(0x80 >> (i % 8));
                        }
                    }
                    output.AddRange(bytes);
                    return;
                }
                case DataType.DateTime:
                case DataType.Date:
                case DataType.Time:
                    output.AddRange(value.Bytes);
                    return;
            }
            Span<byte> b = stackalloc byte[8];
            int size;
            switch (value.Value)
            {
                case bool v: b[0] = v ? (byte)1 : (byte)0; size = 1; break;
                case sbyte v: b[0] = (byte)v; size = 1; break;
                case byte v: b[0] = v; size = 1; break;
                case short v: BinaryPrimitives.WriteInt16BigEndian(b, v); size = 2; break;
                case ushort v: BinaryPrimitives.WriteUInt16BigEndian(b, v); size = 2; break;
                case int v: BinaryPrimitives.WriteInt32BigEndian(b, v); size = 4; break;
                case uint v: BinaryPrimitives.WriteUInt32BigEndian(b, v); size = 4; break;
                case long v: BinaryPrimitives.WriteInt64BigEndian(b, v); size = 8; break;
                case ulong v: BinaryPrimitives.WriteUInt64BigEndian(b, v); size = 8; break;
                case float v: BinaryPrimitives.WriteSingleBigEndian(b, v); size = 4; break;
                case double v: BinaryPrimitives.WriteDoubleBigEndian(b, v); size = 8; break;
                default: throw new ArgumentException("Cannot encode a " + value.Type + " holding " + value.Value?.GetType().Name + ".");
            }
            for (int i = 0; i < size; i++)
            {
                output.Add(b[i]);
            }
        }

        // Compact-array contents: values without their tags; arrays/structures without counts
        // (the counts live in the type description); strings keep their length.
        private static void EncodeUntagged(DlmsValue value, List<byte> output)
        {
            if (value.Type is DataType.Array or DataType.Structure)
            {
                foreach (DlmsValue item in value.Items)
                {
                    EncodeUntagged(item, output);
                }
                return;
            }
            EncodeContents(value, output);
        }
    }
}
