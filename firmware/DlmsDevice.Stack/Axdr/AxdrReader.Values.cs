using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>Tagged Data values: the tag byte, then the value (Blue Book 4.1.5).</summary>
    public sealed partial class AxdrReader
    {
        /// <summary>Looks at the tag of the next value without moving. Any byte is returned, known tag or not.</summary>
        public AxdrStatus PeekTag(out DataType tag)
        {
            tag = DataType.NullData;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            tag = (DataType)_buffer[_position];
            return AxdrStatus.Ok;
        }

        /// <summary>Reads null-data (<c>00</c>).</summary>
        public AxdrStatus ReadNull()
        {
            AxdrStatus status = CheckFixed(DataType.NullData, 0);
            if (status == AxdrStatus.Ok)
            {
                _position++;
            }

            return status;
        }

        /// <summary>Reads an array header <c>01 &lt;count&gt;</c>; the elements follow.</summary>
        public AxdrStatus ReadArray(out int count)
        {
            return ReadContainer(DataType.Array, out count);
        }

        /// <summary>Reads a structure header <c>02 &lt;count&gt;</c>; the members follow.</summary>
        public AxdrStatus ReadStructure(out int count)
        {
            return ReadContainer(DataType.Structure, out count);
        }

        /// <summary>Reads a boolean (<c>03 xx</c>); any non-zero byte is TRUE.</summary>
        public AxdrStatus ReadBoolean(out bool value)
        {
            value = false;
            AxdrStatus status = CheckFixed(DataType.Boolean, 1);
            if (status == AxdrStatus.Ok)
            {
                value = _buffer[_position + 1] != 0;
                _position += 2;
            }

            return status;
        }

        /// <summary>
        /// Reads a bit-string <c>04 &lt;number of bits&gt; &lt;bytes&gt;</c>. The bits stay in
        /// <see cref="Buffer"/> at <paramref name="dataOffset"/>, first bit in the most significant
        /// bit of the first byte; (bitCount + 7) / 8 bytes.
        /// </summary>
        public AxdrStatus ReadBitString(out int bitCount, out int dataOffset)
        {
            bitCount = 0;
            dataOffset = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            if (_buffer[_position] != (byte)DataType.BitString)
            {
                return AxdrStatus.TypeMismatch;
            }

            int bits;
            int next;
            AxdrStatus status = ParseLength(_position + 1, _end, out bits, out next);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            int bytes = BitStringBytes(bits);
            if (bytes > _end - next)
            {
                return AxdrStatus.Truncated;
            }

            bitCount = bits;
            dataOffset = next;
            _position = next + bytes;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads a double-long (<c>05</c> + int32).</summary>
        public AxdrStatus ReadDoubleLong(out int value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.DoubleLong, 4);
            if (status == AxdrStatus.Ok)
            {
                value = (int)GetUInt32(_buffer, _position + 1);
                _position += 5;
            }

            return status;
        }

        /// <summary>Reads a double-long-unsigned (<c>06</c> + uint32).</summary>
        public AxdrStatus ReadDoubleLongUnsigned(out uint value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.DoubleLongUnsigned, 4);
            if (status == AxdrStatus.Ok)
            {
                value = GetUInt32(_buffer, _position + 1);
                _position += 5;
            }

            return status;
        }

        /// <summary>Reads an octet-string <c>09 &lt;length&gt; &lt;bytes&gt;</c>; the bytes stay in <see cref="Buffer"/>.</summary>
        public AxdrStatus ReadOctetString(out int dataOffset, out int length)
        {
            return ReadLengthPrefixed(DataType.OctetString, out dataOffset, out length);
        }

        /// <summary>Reads a visible-string <c>0A &lt;length&gt; &lt;ASCII&gt;</c>; the bytes stay in <see cref="Buffer"/>.</summary>
        public AxdrStatus ReadVisibleString(out int dataOffset, out int length)
        {
            return ReadLengthPrefixed(DataType.VisibleString, out dataOffset, out length);
        }

        /// <summary>Reads a utf8-string <c>0C &lt;length&gt; &lt;UTF-8&gt;</c>; the bytes stay in <see cref="Buffer"/>.</summary>
        public AxdrStatus ReadUtf8String(out int dataOffset, out int length)
        {
            return ReadLengthPrefixed(DataType.Utf8String, out dataOffset, out length);
        }

        /// <summary>Reads a bcd (<c>0D xx</c>); the byte is returned as sent.</summary>
        public AxdrStatus ReadBcd(out byte value)
        {
            return ReadOneByte(DataType.Bcd, out value);
        }

        /// <summary>Reads an integer (<c>0F</c> + int8).</summary>
        public AxdrStatus ReadInteger(out sbyte value)
        {
            byte raw;
            AxdrStatus status = ReadOneByte(DataType.Integer, out raw);
            value = (sbyte)raw;
            return status;
        }

        /// <summary>Reads a long (<c>10</c> + int16).</summary>
        public AxdrStatus ReadLong(out short value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.Long, 2);
            if (status == AxdrStatus.Ok)
            {
                value = (short)GetUInt16(_buffer, _position + 1);
                _position += 3;
            }

            return status;
        }

        /// <summary>Reads an unsigned (<c>11</c> + uint8).</summary>
        public AxdrStatus ReadUnsigned(out byte value)
        {
            return ReadOneByte(DataType.Unsigned, out value);
        }

        /// <summary>Reads a long-unsigned (<c>12</c> + uint16).</summary>
        public AxdrStatus ReadLongUnsigned(out ushort value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.LongUnsigned, 2);
            if (status == AxdrStatus.Ok)
            {
                value = GetUInt16(_buffer, _position + 1);
                _position += 3;
            }

            return status;
        }

        /// <summary>Reads a long64 (<c>14</c> + int64).</summary>
        public AxdrStatus ReadLong64(out long value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.Long64, 8);
            if (status == AxdrStatus.Ok)
            {
                value = (long)GetUInt64(_buffer, _position + 1);
                _position += 9;
            }

            return status;
        }

        /// <summary>Reads a long64-unsigned (<c>15</c> + uint64).</summary>
        public AxdrStatus ReadLong64Unsigned(out ulong value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.Long64Unsigned, 8);
            if (status == AxdrStatus.Ok)
            {
                value = GetUInt64(_buffer, _position + 1);
                _position += 9;
            }

            return status;
        }

        /// <summary>Reads an enum (<c>16 xx</c>).</summary>
        public AxdrStatus ReadEnum(out byte value)
        {
            return ReadOneByte(DataType.Enum, out value);
        }

        /// <summary>Reads a float32 (<c>17</c> + IEEE 754 single, big-endian). A signalling NaN comes back quiet (see <see cref="Ieee754"/>).</summary>
        public AxdrStatus ReadFloat32(out float value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.Float32, 4);
            if (status == AxdrStatus.Ok)
            {
                value = Ieee754.Int32BitsToSingle((int)GetUInt32(_buffer, _position + 1));
                _position += 5;
            }

            return status;
        }

        /// <summary>Reads a float64 (<c>18</c> + IEEE 754 double, big-endian); bit-exact.</summary>
        public AxdrStatus ReadFloat64(out double value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(DataType.Float64, 8);
            if (status == AxdrStatus.Ok)
            {
                value = BitConverter.Int64BitsToDouble((long)GetUInt64(_buffer, _position + 1));
                _position += 9;
            }

            return status;
        }

        /// <summary>
        /// Reads a date-time sent as octet-string <c>09 0C &lt;12&gt;</c> (what clients send) or as
        /// date-time <c>19 &lt;12&gt;</c>. Fields are kept as sent (see <see cref="CosemDateTime.IsValid"/>).
        /// </summary>
        /// <returns>TypeMismatch for another tag or an octet-string that is not 12 bytes long.</returns>
        /// <param name="into">Filled on success; unchanged on failure. Owned by the caller (no allocation here).</param>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public AxdrStatus ReadDateTime(CosemDateTime into)
        {
            if (into == null)
            {
                throw new ArgumentNullException();
            }

            int dataOffset;
            AxdrStatus status = ReadDateTimeForm(DataType.DateTime, CosemDateTime.DateTimeSize, out dataOffset);
            if (status == AxdrStatus.Ok)
            {
                into.ReadFrom(_buffer, dataOffset);
            }

            return status;
        }

        /// <summary>
        /// Reads a date sent as <c>09 05 &lt;5&gt;</c> or <c>1A &lt;5&gt;</c>; the time fields,
        /// deviation and clock status are set to "not specified".
        /// </summary>
        /// <param name="into">Filled on success; unchanged on failure. Owned by the caller (no allocation here).</param>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public AxdrStatus ReadDate(CosemDateTime into)
        {
            if (into == null)
            {
                throw new ArgumentNullException();
            }

            int dataOffset;
            AxdrStatus status = ReadDateTimeForm(DataType.Date, CosemDateTime.DateSize, out dataOffset);
            if (status == AxdrStatus.Ok)
            {
                into.ReadDateFrom(_buffer, dataOffset);
            }

            return status;
        }

        /// <summary>
        /// Reads a time sent as <c>09 04 &lt;4&gt;</c> or <c>1B &lt;4&gt;</c>; the date fields,
        /// deviation and clock status are set to "not specified".
        /// </summary>
        /// <param name="into">Filled on success; unchanged on failure. Owned by the caller (no allocation here).</param>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public AxdrStatus ReadTime(CosemDateTime into)
        {
            if (into == null)
            {
                throw new ArgumentNullException();
            }

            int dataOffset;
            AxdrStatus status = ReadDateTimeForm(DataType.Time, CosemDateTime.TimeSize, out dataOffset);
            if (status == AxdrStatus.Ok)
            {
                into.ReadTimeFrom(_buffer, dataOffset);
            }

            return status;
        }

        /// <summary>
        /// Reads a logical name sent as octet-string <c>09 06 &lt;6&gt;</c> as its packed value
        /// (<see cref="ObisCode.Value"/>): no ObisCode is created.
        /// </summary>
        /// <returns>TypeMismatch for another tag or an octet-string that is not 6 bytes long.</returns>
        public AxdrStatus ReadObis(out long value)
        {
            value = 0;
            int dataOffset;
            AxdrStatus status = ReadSizedOctetString(ObisCode.Size, out dataOffset);
            if (status == AxdrStatus.Ok)
            {
                value = ObisCode.Pack(_buffer, dataOffset);
            }

            return status;
        }

        /// <summary>
        /// Reads any integer-valued type widened to long: double-long, double-long-unsigned,
        /// integer, long, unsigned, long-unsigned, long64, long64-unsigned, enum and bcd (the raw byte).
        /// </summary>
        /// <returns>TypeMismatch for other tags; Invalid for a long64-unsigned above long.MaxValue.</returns>
        public AxdrStatus ReadInt64Any(out long value)
        {
            value = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            DataType type = (DataType)_buffer[_position];
            int size = IntegerSize(type);
            if (size == 0)
            {
                return AxdrStatus.TypeMismatch;
            }

            if (_end - _position - 1 < size)
            {
                return AxdrStatus.Truncated;
            }

            long result;
            if (!GetInteger(type, _position + 1, out result))
            {
                return AxdrStatus.Invalid;
            }

            value = result;
            _position += 1 + size;
            return AxdrStatus.Ok;
        }

        private AxdrStatus ReadContainer(DataType tag, out int count)
        {
            count = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            if (_buffer[_position] != (byte)tag)
            {
                return AxdrStatus.TypeMismatch;
            }

            int value;
            int next;
            AxdrStatus status = ParseLength(_position + 1, _end, out value, out next);
            if (status == AxdrStatus.Ok)
            {
                count = value;
                _position = next;
            }

            return status;
        }

        private AxdrStatus ReadOneByte(DataType tag, out byte value)
        {
            value = 0;
            AxdrStatus status = CheckFixed(tag, 1);
            if (status == AxdrStatus.Ok)
            {
                value = _buffer[_position + 1];
                _position += 2;
            }

            return status;
        }

        /// <summary>
        /// Finds a date/date-time/time at the cursor in either of its two forms: the dedicated tag
        /// with <paramref name="size"/> bytes, or an octet-string of exactly that length. Advances.
        /// </summary>
        private AxdrStatus ReadDateTimeForm(DataType choiceTag, int size, out int dataOffset)
        {
            dataOffset = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            if (_buffer[_position] == (byte)choiceTag)
            {
                if (_end - _position - 1 < size)
                {
                    return AxdrStatus.Truncated;
                }

                dataOffset = _position + 1;
                _position = dataOffset + size;
                return AxdrStatus.Ok;
            }

            return ReadSizedOctetString(size, out dataOffset);
        }

        /// <summary>Reads an octet-string that must be exactly <paramref name="size"/> bytes long.</summary>
        private AxdrStatus ReadSizedOctetString(int size, out int dataOffset)
        {
            dataOffset = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            if (_buffer[_position] != (byte)DataType.OctetString)
            {
                return AxdrStatus.TypeMismatch;
            }

            int length;
            int next;
            AxdrStatus status = ParseLength(_position + 1, _end, out length, out next);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            if (length != size)
            {
                return AxdrStatus.TypeMismatch;
            }

            if (_end - next < size)
            {
                return AxdrStatus.Truncated;
            }

            dataOffset = next;
            _position = next + size;
            return AxdrStatus.Ok;
        }
    }
}
