using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Numeric values of register monitors and limiters (thresholds, the value watched): read
    /// from any numeric A-XDR type, kept as a double (exact for every integer a meter register
    /// holds: up to 2^53), written back in the type they came in. A threshold is kept in a
    /// compact array as the double's 8-byte bit pattern.
    /// </summary>
    internal static class Thresholds
    {
        /// <summary>True for the types a threshold may have: the integers, enum, bcd, boolean and the floats.</summary>
        internal static bool IsNumeric(DataType type)
        {
            return CosemValue.IsNumericType(type);
        }

        /// <summary>Reads one numeric value; false (reader unchanged) for anything else.</summary>
        internal static bool ReadNumber(AxdrReader reader, out double value)
        {
            value = 0;
            DataType tag;
            if (reader.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return false;
            }
            switch (tag)
            {
                case DataType.Float32:
                    {
                        float f;
                        if (reader.ReadFloat32(out f) != AxdrStatus.Ok)
                        {
                            return false;
                        }
                        value = f;
                        return true;
                    }
                case DataType.Float64:
                    return reader.ReadFloat64(out value) == AxdrStatus.Ok;
                case DataType.Boolean:
                    {
                        bool b;
                        if (reader.ReadBoolean(out b) != AxdrStatus.Ok)
                        {
                            return false;
                        }
                        value = b ? 1 : 0;
                        return true;
                    }
                case DataType.Long64Unsigned:
                    {
                        ulong u;
                        if (reader.ReadLong64Unsigned(out u) != AxdrStatus.Ok)
                        {
                            return false;
                        }
                        value = u;
                        return true;
                    }
                default:
                    {
                        long l;
                        if (reader.ReadInt64Any(out l) != AxdrStatus.Ok)
                        {
                            return false;
                        }
                        value = l;
                        return true;
                    }
            }
        }

        /// <summary>Writes <paramref name="value"/> as <paramref name="type"/> (integers truncated toward zero).</summary>
        internal static bool WriteNumber(AxdrWriter writer, DataType type, double value)
        {
            long l = (long)value;
            switch (type)
            {
                case DataType.Float32:
                    return writer.WriteFloat32((float)value);
                case DataType.Float64:
                    return writer.WriteFloat64(value);
                case DataType.Boolean:
                    return writer.WriteBoolean(value != 0);
                case DataType.DoubleLong:
                    return writer.WriteDoubleLong((int)l);
                case DataType.DoubleLongUnsigned:
                    return writer.WriteDoubleLongUnsigned((uint)l);
                case DataType.Bcd:
                    return writer.WriteBcd((byte)l);
                case DataType.Integer:
                    return writer.WriteInteger((sbyte)l);
                case DataType.Long:
                    return writer.WriteLong((short)l);
                case DataType.Unsigned:
                    return writer.WriteUnsigned((byte)l);
                case DataType.LongUnsigned:
                    return writer.WriteLongUnsigned((ushort)l);
                case DataType.Long64:
                    return writer.WriteLong64(l);
                case DataType.Long64Unsigned:
                    return writer.WriteLong64Unsigned((ulong)value);
                case DataType.Enum:
                    return writer.WriteEnum((byte)l);
                default:
                    return writer.WriteNull();
            }
        }

        /// <summary>
        /// Reads a threshold: a numeric value of <paramref name="type"/> (or of any numeric type
        /// when it is <see cref="DataType.NullData"/>; then it becomes that type).
        /// </summary>
        /// <returns>type-unmatched (reader unchanged) for another type.</returns>
        internal static DataAccessResult ReadThreshold(AxdrReader reader, ref DataType type, out double value)
        {
            value = 0;
            DataType tag;
            if (reader.PeekTag(out tag) != AxdrStatus.Ok || !IsNumeric(tag) || (type != DataType.NullData && tag != type))
            {
                return DataAccessResult.TypeUnmatched;
            }
            int start = reader.Position;
            if (!ReadNumber(reader, out value))
            {
                reader.Position = start;
                return DataAccessResult.TypeUnmatched;
            }
            type = tag;
            return DataAccessResult.Success;
        }

        /// <summary>The threshold stored at <paramref name="offset"/> (8 bytes, the double's bits).</summary>
        internal static double Get(byte[] buffer, int offset)
        {
            return BitConverter.Int64BitsToDouble(Packed.ReadInt64(buffer, offset));
        }

        /// <summary>Stores a threshold at <paramref name="offset"/> (8 bytes).</summary>
        internal static void Set(byte[] buffer, int offset, double value)
        {
            Packed.WriteInt64(buffer, offset, BitConverter.DoubleToInt64Bits(value));
        }
    }
}
