using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>Tagged Data values: the tag byte, then the value (Blue Book 4.1.5).</summary>
    public sealed partial class AxdrWriter
    {
        /// <summary>Writes null-data <c>00</c>.</summary>
        public bool WriteNull()
        {
            return WriteByte((byte)DataType.NullData);
        }

        /// <summary>Writes an array header <c>01 &lt;count&gt;</c>; write the elements next.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
        public bool WriteArray(int count)
        {
            return WriteTagAndLength(DataType.Array, count);
        }

        /// <summary>Writes a structure header <c>02 &lt;count&gt;</c>; write the members next.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
        public bool WriteStructure(int count)
        {
            return WriteTagAndLength(DataType.Structure, count);
        }

        /// <summary>Writes a boolean <c>03 00</c> / <c>03 01</c>.</summary>
        public bool WriteBoolean(bool value)
        {
            return WriteTagAndByte(DataType.Boolean, value ? (byte)1 : (byte)0);
        }

        /// <summary>
        /// Writes a bit-string <c>04 &lt;bitCount&gt; &lt;(bitCount + 7) / 8 bytes&gt;</c> from
        /// <paramref name="bits"/> (first bit in the most significant bit). Unused trailing bits
        /// of the last byte are written as 0.
        /// </summary>
        public bool WriteBitString(byte[] bits, int offset, int bitCount)
        {
            if (bitCount < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            int bytes = (bitCount >> 3) + ((bitCount & 7) != 0 ? 1 : 0);
            CheckSource(bits, offset, bytes);
            if (!Reserve(1 + LengthSize(bitCount) + bytes))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.BitString;
            PutLength(bitCount);
            PutBytes(bits, offset, bytes);
            int unused = (bytes * 8) - bitCount;
            if (unused > 0)
            {
                _buffer[_position - 1] &= (byte)(0xFF << unused);
            }

            return true;
        }

        /// <summary>Writes a double-long <c>05</c> + int32.</summary>
        public bool WriteDoubleLong(int value)
        {
            return WriteTagAndUInt32(DataType.DoubleLong, (uint)value);
        }

        /// <summary>Writes a double-long-unsigned <c>06</c> + uint32.</summary>
        public bool WriteDoubleLongUnsigned(uint value)
        {
            return WriteTagAndUInt32(DataType.DoubleLongUnsigned, value);
        }

        /// <summary>Writes an octet-string <c>09 &lt;length&gt; &lt;bytes&gt;</c>.</summary>
        public bool WriteOctetString(byte[] source, int offset, int length)
        {
            return WriteTagAndBytes(DataType.OctetString, source, offset, length);
        }

        /// <summary>
        /// Writes a visible-string <c>0A &lt;length&gt; &lt;ASCII&gt;</c> from a string, char by char
        /// (no allocation). Characters above 0x7F are not ISO 646 and are written as '?'.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
        public bool WriteVisibleString(string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException();
            }

            int length = value.Length;
            if (!Reserve(1 + LengthSize(length) + length))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.VisibleString;
            PutLength(length);
            for (int i = 0; i < length; i++)
            {
                char ch = value[i];
                _buffer[_position++] = ch <= (char)0x7F ? (byte)ch : (byte)'?';
            }

            return true;
        }

        /// <summary>Writes a visible-string <c>0A &lt;length&gt; &lt;bytes&gt;</c> from ASCII bytes.</summary>
        public bool WriteVisibleString(byte[] source, int offset, int length)
        {
            return WriteTagAndBytes(DataType.VisibleString, source, offset, length);
        }

        /// <summary>Writes a utf8-string <c>0C &lt;length&gt; &lt;bytes&gt;</c> from UTF-8 bytes.</summary>
        public bool WriteUtf8String(byte[] source, int offset, int length)
        {
            return WriteTagAndBytes(DataType.Utf8String, source, offset, length);
        }

        /// <summary>Writes a bcd <c>0D xx</c>.</summary>
        public bool WriteBcd(byte value)
        {
            return WriteTagAndByte(DataType.Bcd, value);
        }

        /// <summary>Writes an integer <c>0F</c> + int8.</summary>
        public bool WriteInteger(sbyte value)
        {
            return WriteTagAndByte(DataType.Integer, (byte)value);
        }

        /// <summary>Writes a long <c>10</c> + int16.</summary>
        public bool WriteLong(short value)
        {
            return WriteTagAndUInt16(DataType.Long, (ushort)value);
        }

        /// <summary>Writes an unsigned <c>11</c> + uint8.</summary>
        public bool WriteUnsigned(byte value)
        {
            return WriteTagAndByte(DataType.Unsigned, value);
        }

        /// <summary>Writes a long-unsigned <c>12</c> + uint16.</summary>
        public bool WriteLongUnsigned(ushort value)
        {
            return WriteTagAndUInt16(DataType.LongUnsigned, value);
        }

        /// <summary>Writes a long64 <c>14</c> + int64.</summary>
        public bool WriteLong64(long value)
        {
            return WriteTagAndUInt64(DataType.Long64, (ulong)value);
        }

        /// <summary>Writes a long64-unsigned <c>15</c> + uint64.</summary>
        public bool WriteLong64Unsigned(ulong value)
        {
            return WriteTagAndUInt64(DataType.Long64Unsigned, value);
        }

        /// <summary>Writes an enum <c>16 xx</c>.</summary>
        public bool WriteEnum(byte value)
        {
            return WriteTagAndByte(DataType.Enum, value);
        }

        /// <summary>Writes a float32 <c>17</c> + IEEE 754 single, big-endian (see <see cref="Ieee754"/>).</summary>
        public bool WriteFloat32(float value)
        {
            return WriteTagAndUInt32(DataType.Float32, (uint)Ieee754.SingleToInt32Bits(value));
        }

        /// <summary>Writes a float64 <c>18</c> + IEEE 754 double, big-endian.</summary>
        public bool WriteFloat64(double value)
        {
            return WriteTagAndUInt64(DataType.Float64, (ulong)BitConverter.DoubleToInt64Bits(value));
        }

        /// <summary>Writes a date-time as octet-string <c>09 0C &lt;12&gt;</c>, the form clients expect.</summary>
        public bool WriteDateTime(CosemDateTime value)
        {
            if (!Reserve(2 + CosemDateTime.DateTimeSize))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.OctetString;
            _buffer[_position++] = CosemDateTime.DateTimeSize;
            value.WriteTo(_buffer, _position);
            _position += CosemDateTime.DateTimeSize;
            return true;
        }

        /// <summary>Writes a date as octet-string <c>09 05 &lt;5&gt;</c>.</summary>
        public bool WriteDate(CosemDateTime value)
        {
            if (!Reserve(2 + CosemDateTime.DateSize))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.OctetString;
            _buffer[_position++] = CosemDateTime.DateSize;
            value.WriteDateTo(_buffer, _position);
            _position += CosemDateTime.DateSize;
            return true;
        }

        /// <summary>Writes a time as octet-string <c>09 04 &lt;4&gt;</c>.</summary>
        public bool WriteTime(CosemDateTime value)
        {
            if (!Reserve(2 + CosemDateTime.TimeSize))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.OctetString;
            _buffer[_position++] = CosemDateTime.TimeSize;
            value.WriteTimeTo(_buffer, _position);
            _position += CosemDateTime.TimeSize;
            return true;
        }

        /// <summary>Writes a date-time with its own tag, <c>19 &lt;12&gt;</c> (rarely used; clients expect <see cref="WriteDateTime"/>).</summary>
        public bool WriteDateTimeTyped(CosemDateTime value)
        {
            if (!Reserve(1 + CosemDateTime.DateTimeSize))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.DateTime;
            value.WriteTo(_buffer, _position);
            _position += CosemDateTime.DateTimeSize;
            return true;
        }

        /// <summary>Writes a date with its own tag, <c>1A &lt;5&gt;</c>.</summary>
        public bool WriteDateTyped(CosemDateTime value)
        {
            if (!Reserve(1 + CosemDateTime.DateSize))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.Date;
            value.WriteDateTo(_buffer, _position);
            _position += CosemDateTime.DateSize;
            return true;
        }

        /// <summary>Writes a time with its own tag, <c>1B &lt;4&gt;</c>.</summary>
        public bool WriteTimeTyped(CosemDateTime value)
        {
            if (!Reserve(1 + CosemDateTime.TimeSize))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.Time;
            value.WriteTimeTo(_buffer, _position);
            _position += CosemDateTime.TimeSize;
            return true;
        }

        /// <summary>Writes a logical name as octet-string <c>09 06 &lt;6&gt;</c>.</summary>
        public bool WriteObis(ObisCode value)
        {
            return WriteObis(value.Value);
        }

        /// <summary>Writes a packed logical name (<see cref="ObisCode.Value"/>) as octet-string <c>09 06 &lt;6&gt;</c>.</summary>
        public bool WriteObis(long value)
        {
            if (!Reserve(2 + ObisCode.Size))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.OctetString;
            _buffer[_position++] = ObisCode.Size;
            ObisCode.Unpack(value, _buffer, _position);
            _position += ObisCode.Size;
            return true;
        }

        /// <summary>
        /// Writes the head of a compact-array: <c>13 &lt;type-description&gt; &lt;contentsLength&gt;</c>.
        /// The caller then writes exactly <paramref name="contentsLength"/> bytes of untagged
        /// elements (WriteByte, WriteUInt16, WriteRawOctetString, WriteRawDateTime, ...). The
        /// description is copied as given, not checked.
        /// </summary>
        public bool WriteCompactArrayHeader(byte[] typeDescription, int offset, int length, int contentsLength)
        {
            CheckSource(typeDescription, offset, length);
            if (contentsLength < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (!Reserve(1 + length + LengthSize(contentsLength)))
            {
                return false;
            }

            _buffer[_position++] = (byte)DataType.CompactArray;
            PutBytes(typeDescription, offset, length);
            PutLength(contentsLength);
            return true;
        }

        private bool WriteTagAndLength(DataType tag, int count)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (!Reserve(1 + LengthSize(count)))
            {
                return false;
            }

            _buffer[_position++] = (byte)tag;
            PutLength(count);
            return true;
        }

        private bool WriteTagAndByte(DataType tag, byte value)
        {
            if (!Reserve(2))
            {
                return false;
            }

            _buffer[_position] = (byte)tag;
            _buffer[_position + 1] = value;
            _position += 2;
            return true;
        }

        private bool WriteTagAndUInt16(DataType tag, ushort value)
        {
            if (!Reserve(3))
            {
                return false;
            }

            _buffer[_position++] = (byte)tag;
            PutUInt16(value);
            return true;
        }

        private bool WriteTagAndUInt32(DataType tag, uint value)
        {
            if (!Reserve(5))
            {
                return false;
            }

            _buffer[_position++] = (byte)tag;
            PutUInt32(value);
            return true;
        }

        private bool WriteTagAndUInt64(DataType tag, ulong value)
        {
            if (!Reserve(9))
            {
                return false;
            }

            _buffer[_position++] = (byte)tag;
            PutUInt64(value);
            return true;
        }

        private bool WriteTagAndBytes(DataType tag, byte[] source, int offset, int length)
        {
            CheckSource(source, offset, length);
            if (!Reserve(1 + LengthSize(length) + length))
            {
                return false;
            }

            _buffer[_position++] = (byte)tag;
            PutLength(length);
            PutBytes(source, offset, length);
            return true;
        }
    }
}
