using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// Untagged values: the fields of compact-array elements (and A-XDR encoded parameters)
    /// whose type is known from a description instead of a tag.
    /// </summary>
    public sealed partial class AxdrReader
    {
        /// <summary>
        /// Reads an untagged integer-valued field of <paramref name="type"/> (integer, unsigned,
        /// long, long-unsigned, double-long(-unsigned), long64(-unsigned), enum, bcd), widened.
        /// </summary>
        /// <returns>TypeMismatch when <paramref name="type"/> is not integer-valued; Invalid for a
        /// long64-unsigned above long.MaxValue.</returns>
        public AxdrStatus ReadRawInteger(DataType type, out long value)
        {
            value = 0;
            int size = IntegerSize(type);
            if (size == 0)
            {
                return AxdrStatus.TypeMismatch;
            }

            if (_end - _position < size)
            {
                return AxdrStatus.Truncated;
            }

            long result;
            if (!GetInteger(type, _position, out result))
            {
                return AxdrStatus.Invalid;
            }

            value = result;
            _position += size;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads an untagged length-prefixed string (octet/visible/utf8): <c>&lt;length&gt; &lt;bytes&gt;</c>.</summary>
        public AxdrStatus ReadRawOctetString(out int dataOffset, out int length)
        {
            dataOffset = 0;
            length = 0;
            int count;
            int next;
            AxdrStatus status = ParseLength(_position, _end, out count, out next);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            if (count > _end - next)
            {
                return AxdrStatus.Truncated;
            }

            dataOffset = next;
            length = count;
            _position = next + count;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads an untagged bit-string: <c>&lt;number of bits&gt; &lt;bytes&gt;</c>.</summary>
        public AxdrStatus ReadRawBitString(out int bitCount, out int dataOffset)
        {
            bitCount = 0;
            dataOffset = 0;
            int bits;
            int next;
            AxdrStatus status = ParseLength(_position, _end, out bits, out next);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            if (BitStringBytes(bits) > _end - next)
            {
                return AxdrStatus.Truncated;
            }

            bitCount = bits;
            dataOffset = next;
            _position = next + BitStringBytes(bits);
            return AxdrStatus.Ok;
        }

        /// <summary>Reads the 12 bytes of an untagged date-time into <paramref name="into"/>.</summary>
        /// <param name="into">Filled on success; unchanged on failure. Owned by the caller (no allocation here).</param>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public AxdrStatus ReadRawDateTime(CosemDateTime into)
        {
            if (into == null)
            {
                throw new ArgumentNullException();
            }

            if (_end - _position < CosemDateTime.DateTimeSize)
            {
                return AxdrStatus.Truncated;
            }

            into.ReadFrom(_buffer, _position);
            _position += CosemDateTime.DateTimeSize;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads the 5 bytes of an untagged date into <paramref name="into"/> (time fields "not specified").</summary>
        /// <param name="into">Filled on success; unchanged on failure. Owned by the caller (no allocation here).</param>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public AxdrStatus ReadRawDate(CosemDateTime into)
        {
            if (into == null)
            {
                throw new ArgumentNullException();
            }

            if (_end - _position < CosemDateTime.DateSize)
            {
                return AxdrStatus.Truncated;
            }

            into.ReadDateFrom(_buffer, _position);
            _position += CosemDateTime.DateSize;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads the 4 bytes of an untagged time into <paramref name="into"/> (date fields "not specified").</summary>
        /// <param name="into">Filled on success; unchanged on failure. Owned by the caller (no allocation here).</param>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public AxdrStatus ReadRawTime(CosemDateTime into)
        {
            if (into == null)
            {
                throw new ArgumentNullException();
            }

            if (_end - _position < CosemDateTime.TimeSize)
            {
                return AxdrStatus.Truncated;
            }

            into.ReadTimeFrom(_buffer, _position);
            _position += CosemDateTime.TimeSize;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads an untagged float32 (4 bytes, big-endian).</summary>
        public AxdrStatus ReadRawFloat32(out float value)
        {
            value = 0;
            if (_end - _position < 4)
            {
                return AxdrStatus.Truncated;
            }

            value = Ieee754.Int32BitsToSingle((int)GetUInt32(_buffer, _position));
            _position += 4;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads an untagged float64 (8 bytes, big-endian).</summary>
        public AxdrStatus ReadRawFloat64(out double value)
        {
            value = 0;
            if (_end - _position < 8)
            {
                return AxdrStatus.Truncated;
            }

            value = BitConverter.Int64BitsToDouble((long)GetUInt64(_buffer, _position));
            _position += 8;
            return AxdrStatus.Ok;
        }

        /// <summary>Value size of an integer-valued type; 0 when the type is not one.</summary>
        private static int IntegerSize(DataType type)
        {
            switch (type)
            {
                case DataType.Integer:
                case DataType.Unsigned:
                case DataType.Enum:
                case DataType.Bcd:
                    return 1;
                case DataType.Long:
                case DataType.LongUnsigned:
                    return 2;
                case DataType.DoubleLong:
                case DataType.DoubleLongUnsigned:
                    return 4;
                case DataType.Long64:
                case DataType.Long64Unsigned:
                    return 8;
                default:
                    return 0;
            }
        }

        /// <summary>Decodes an integer-valued type at <paramref name="index"/>; false for a uint64 above long.MaxValue.</summary>
        private bool GetInteger(DataType type, int index, out long value)
        {
            value = 0;
            switch (type)
            {
                case DataType.Integer:
                    value = (sbyte)_buffer[index];
                    return true;
                case DataType.Unsigned:
                case DataType.Enum:
                case DataType.Bcd:
                    value = _buffer[index];
                    return true;
                case DataType.Long:
                    value = (short)GetUInt16(_buffer, index);
                    return true;
                case DataType.LongUnsigned:
                    value = GetUInt16(_buffer, index);
                    return true;
                case DataType.DoubleLong:
                    value = (int)GetUInt32(_buffer, index);
                    return true;
                case DataType.DoubleLongUnsigned:
                    value = GetUInt32(_buffer, index);
                    return true;
                case DataType.Long64:
                    value = (long)GetUInt64(_buffer, index);
                    return true;
                case DataType.Long64Unsigned:
                    ulong unsigned = GetUInt64(_buffer, index);
                    if (unsigned > long.MaxValue)
                    {
                        return false;
                    }

                    value = (long)unsigned;
                    return true;
                default:
                    return false;
            }
        }
    }
}
