using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// Writes A-XDR into a region of a caller's buffer (Green Book 9.5). Reusable
    /// (<see cref="Reset"/>) and allocation-free.
    /// </summary>
    /// <remarks>
    /// <para>A write that does not fit writes nothing, returns false and sets the sticky
    /// <see cref="Overflow"/> flag. While the flag is set every further write is refused too, so
    /// the bytes before <see cref="Position"/> always end on a whole value. This serves the
    /// resumable block encoder: remember <see cref="Position"/>, try to write an element, and on
    /// overflow <see cref="Rewind"/> to the mark (which clears the flag) and send what fits.</para>
    /// <para>Exceptions only for misuse (null or out-of-range source arguments, negative counts).</para>
    /// <para>AxdrWriter.Values.cs holds the tagged Data values; this file the cursor and the
    /// untagged fields.</para>
    /// </remarks>
    public sealed partial class AxdrWriter
    {
        private byte[] _buffer;
        private int _start;
        private int _position;
        private int _end;
        private bool _overflow;

        /// <summary>Creates a writer over an empty region; call <see cref="Reset"/> before writing.</summary>
        public AxdrWriter()
        {
            _buffer = new byte[0];
        }

        /// <summary>Points the writer at <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/> and clears <see cref="Overflow"/>.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException();
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException();
            }

            _buffer = buffer;
            _start = offset;
            _position = offset;
            _end = offset + count;
            _overflow = false;
        }

        /// <summary>The buffer being written.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>The offset given to <see cref="Reset"/>.</summary>
        public int Start
        {
            get { return _start; }
        }

        /// <summary>Absolute index in <see cref="Buffer"/> of the next byte to write.</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>Index just past the writable region (offset + count given to <see cref="Reset"/>).</summary>
        public int End
        {
            get { return _end; }
        }

        /// <summary>Bytes still free: <see cref="End"/> - <see cref="Position"/>.</summary>
        public int Remaining
        {
            get { return _end - _position; }
        }

        /// <summary>Bytes written: <see cref="Position"/> - <see cref="Start"/>.</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        /// <summary>True once a write did not fit; cleared by <see cref="Rewind"/> and <see cref="Reset"/>.</summary>
        public bool Overflow
        {
            get { return _overflow; }
        }

        /// <summary>Moves back to <paramref name="position"/> (a value of <see cref="Position"/> seen earlier) and clears <see cref="Overflow"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Not within <see cref="Start"/>..<see cref="Position"/>.</exception>
        public void Rewind(int position)
        {
            if (position < _start || position > _position)
            {
                throw new ArgumentOutOfRangeException();
            }

            _position = position;
            _overflow = false;
        }

        /// <summary>Bytes <see cref="WriteLength"/> uses for <paramref name="length"/>: 1 below 0x80, 2 up to 0xFF, 3 up to 0xFFFF, else 5.</summary>
        public static int LengthSize(int length)
        {
            if (length < 0x80)
            {
                return 1;
            }

            if (length <= 0xFF)
            {
                return 2;
            }

            return length <= 0xFFFF ? 3 : 5;
        }

        // ----------------------------------------------------------------------------------
        // Untagged fields.
        // ----------------------------------------------------------------------------------

        /// <summary>Writes one byte.</summary>
        public bool WriteByte(byte value)
        {
            if (!Reserve(1))
            {
                return false;
            }

            _buffer[_position++] = value;
            return true;
        }

        /// <summary>Writes a big-endian uint16.</summary>
        public bool WriteUInt16(ushort value)
        {
            if (!Reserve(2))
            {
                return false;
            }

            PutUInt16(value);
            return true;
        }

        /// <summary>Writes a big-endian uint32.</summary>
        public bool WriteUInt32(uint value)
        {
            if (!Reserve(4))
            {
                return false;
            }

            PutUInt32(value);
            return true;
        }

        /// <summary>Writes a big-endian uint64.</summary>
        public bool WriteUInt64(ulong value)
        {
            if (!Reserve(8))
            {
                return false;
            }

            PutUInt64(value);
            return true;
        }

        /// <summary>
        /// Writes a length or count in its shortest form: one byte below 0x80, else
        /// <c>81 xx</c>, <c>82 xx xx</c> or <c>84 xx xx xx xx</c> (Green Book 9.5; 83 is never written).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        public bool WriteLength(int length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (!Reserve(LengthSize(length)))
            {
                return false;
            }

            PutLength(length);
            return true;
        }

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="source"/>.</summary>
        public bool WriteBytes(byte[] source, int offset, int count)
        {
            CheckSource(source, offset, count);
            if (!Reserve(count))
            {
                return false;
            }

            PutBytes(source, offset, count);
            return true;
        }

        /// <summary>Writes the 6 bytes of a logical name without tag or length (cosem-attribute-descriptor).</summary>
        public bool WriteRawObis(ObisCode value)
        {
            return WriteRawObis(value.Value);
        }

        /// <summary>Writes the 6 bytes of a packed logical name (<see cref="ObisCode.Value"/>) without tag or length.</summary>
        public bool WriteRawObis(long value)
        {
            if (!Reserve(ObisCode.Size))
            {
                return false;
            }

            ObisCode.Unpack(value, _buffer, _position);
            _position += ObisCode.Size;
            return true;
        }

        /// <summary>Writes an untagged length-prefixed string: <c>&lt;length&gt; &lt;bytes&gt;</c> (compact-array contents, APDU fields).</summary>
        public bool WriteRawOctetString(byte[] source, int offset, int length)
        {
            CheckSource(source, offset, length);
            if (!Reserve(LengthSize(length) + length))
            {
                return false;
            }

            PutLength(length);
            PutBytes(source, offset, length);
            return true;
        }

        /// <summary>Writes the 12 bytes of an untagged date-time.</summary>
        public bool WriteRawDateTime(CosemDateTime value)
        {
            if (!Reserve(CosemDateTime.DateTimeSize))
            {
                return false;
            }

            value.WriteTo(_buffer, _position);
            _position += CosemDateTime.DateTimeSize;
            return true;
        }

        /// <summary>Writes an untagged float32 (4 bytes, big-endian; see <see cref="Ieee754"/>).</summary>
        public bool WriteRawFloat32(float value)
        {
            return WriteUInt32((uint)Ieee754.SingleToInt32Bits(value));
        }

        /// <summary>Writes an untagged float64 (8 bytes, big-endian).</summary>
        public bool WriteRawFloat64(double value)
        {
            return WriteUInt64((ulong)BitConverter.DoubleToInt64Bits(value));
        }

        // ----------------------------------------------------------------------------------
        // Helpers: Reserve checks room (and sets Overflow); the Put methods then write unchecked.
        // ----------------------------------------------------------------------------------

        private bool Reserve(int size)
        {
            if (_overflow)
            {
                return false;
            }

            if (_end - _position < size)
            {
                _overflow = true;
                return false;
            }

            return true;
        }

        private static void CheckSource(byte[] source, int offset, int count)
        {
            if (count < 0 || offset < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (source == null)
            {
                if (count != 0)
                {
                    throw new ArgumentNullException();
                }

                return;
            }

            if (offset > source.Length - count)
            {
                throw new ArgumentOutOfRangeException();
            }
        }

        private void PutLength(int length)
        {
            if (length < 0x80)
            {
                _buffer[_position++] = (byte)length;
            }
            else if (length <= 0xFF)
            {
                _buffer[_position++] = 0x81;
                _buffer[_position++] = (byte)length;
            }
            else if (length <= 0xFFFF)
            {
                _buffer[_position++] = 0x82;
                PutUInt16((ushort)length);
            }
            else
            {
                _buffer[_position++] = 0x84;
                PutUInt32((uint)length);
            }
        }

        private void PutUInt16(ushort value)
        {
            _buffer[_position] = (byte)(value >> 8);
            _buffer[_position + 1] = (byte)value;
            _position += 2;
        }

        private void PutUInt32(uint value)
        {
            _buffer[_position] = (byte)(value >> 24);
            _buffer[_position + 1] = (byte)(value >> 16);
            _buffer[_position + 2] = (byte)(value >> 8);
            _buffer[_position + 3] = (byte)value;
            _position += 4;
        }

        private void PutUInt64(ulong value)
        {
            PutUInt32((uint)(value >> 32));
            PutUInt32((uint)value);
        }

        private void PutBytes(byte[] source, int offset, int count)
        {
            if (count > 0)
            {
                Array.Copy(source, offset, _buffer, _position, count);
                _position += count;
            }
        }
    }
}
