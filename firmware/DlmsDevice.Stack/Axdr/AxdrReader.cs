using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// A cursor over A-XDR bytes in a caller's buffer (Green Book 9.5, "A-XDR"). Reusable
    /// (<see cref="Reset"/>) and allocation-free.
    /// </summary>
    /// <remarks>
    /// <para>Peek, validate, then advance: every read returns an <see cref="AxdrStatus"/>; any result
    /// other than <see cref="AxdrStatus.Ok"/> leaves <see cref="Position"/> where it was, and the
    /// out values are zero. Bad input never throws; only misuse does (a null buffer in
    /// <see cref="Reset"/>, a <see cref="Position"/> outside the range).</para>
    /// <para>Variable-length values (octet-string, visible-string, utf8-string, bit-string,
    /// compact-array) are returned as an offset and length into <see cref="Buffer"/>: nothing is
    /// copied.</para>
    /// <para>The partial files split the reader by concern: this one holds the cursor and the
    /// untagged fields; AxdrReader.Values.cs the tagged Data values; AxdrReader.Skip.cs
    /// <see cref="SkipValue"/>; AxdrReader.CompactArray.cs compact arrays; AxdrReader.Raw.cs untagged element values.</para>
    /// </remarks>
    public sealed partial class AxdrReader
    {
        /// <summary>Nesting limit used by the parameterless constructor.</summary>
        public const int DefaultMaxDepth = 16;

        private byte[] _buffer;
        private int _start;
        private int _position;
        private int _end;
        private readonly int _maxDepth;

        // Explicit stacks (allocated once) so that nested values are walked without recursion.
        private readonly int[] _stackCount;
        private readonly int[] _stackOffset;
        private readonly bool[] _stackIsArray;
        private readonly int[] _descStack;

        /// <summary>Creates a reader with the <see cref="DefaultMaxDepth"/> nesting limit, over an empty buffer.</summary>
        public AxdrReader()
            : this(DefaultMaxDepth)
        {
        }

        /// <summary>Creates a reader over an empty buffer.</summary>
        /// <param name="maxDepth">
        /// How many arrays/structures may be nested in a value walked by <see cref="SkipValue"/> or
        /// described by a compact-array type description (1..255); deeper input is Invalid.
        /// </param>
        public AxdrReader(int maxDepth)
        {
            if (maxDepth < 1 || maxDepth > 255)
            {
                throw new ArgumentOutOfRangeException();
            }

            _maxDepth = maxDepth;
            _stackCount = new int[maxDepth + 1];
            _stackOffset = new int[maxDepth + 1];
            _stackIsArray = new bool[maxDepth + 1];
            _descStack = new int[maxDepth + 1];
            _buffer = new byte[0];
        }

        /// <summary>Points the reader at <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
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
        }

        /// <summary>The buffer being read.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>The offset given to <see cref="Reset"/>.</summary>
        public int Start
        {
            get { return _start; }
        }

        /// <summary>
        /// Absolute index into <see cref="Buffer"/> of the next byte. Settable (to rewind or to
        /// jump to an offset returned by a read) within <see cref="Start"/>..<see cref="End"/>.
        /// </summary>
        public int Position
        {
            get
            {
                return _position;
            }

            set
            {
                if (value < _start || value > _end)
                {
                    throw new ArgumentOutOfRangeException();
                }

                _position = value;
            }
        }

        /// <summary>Index just past the last readable byte (offset + count given to <see cref="Reset"/>).</summary>
        public int End
        {
            get { return _end; }
        }

        /// <summary>Bytes left: <see cref="End"/> - <see cref="Position"/>.</summary>
        public int Remaining
        {
            get { return _end - _position; }
        }

        /// <summary>The nesting limit given to the constructor.</summary>
        public int MaxDepth
        {
            get { return _maxDepth; }
        }

        // ----------------------------------------------------------------------------------
        // Untagged fields (APDU headers, A-XDR encoded parameters, compact-array contents).
        // ----------------------------------------------------------------------------------

        /// <summary>Reads one byte.</summary>
        public AxdrStatus ReadByte(out byte value)
        {
            value = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            value = _buffer[_position];
            _position++;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads a big-endian uint16.</summary>
        public AxdrStatus ReadUInt16(out ushort value)
        {
            value = 0;
            if (_end - _position < 2)
            {
                return AxdrStatus.Truncated;
            }

            value = GetUInt16(_buffer, _position);
            _position += 2;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads a big-endian uint32.</summary>
        public AxdrStatus ReadUInt32(out uint value)
        {
            value = 0;
            if (_end - _position < 4)
            {
                return AxdrStatus.Truncated;
            }

            value = GetUInt32(_buffer, _position);
            _position += 4;
            return AxdrStatus.Ok;
        }

        /// <summary>Reads a big-endian uint64.</summary>
        public AxdrStatus ReadUInt64(out ulong value)
        {
            value = 0;
            if (_end - _position < 8)
            {
                return AxdrStatus.Truncated;
            }

            value = GetUInt64(_buffer, _position);
            _position += 8;
            return AxdrStatus.Ok;
        }

        /// <summary>
        /// Reads a length or element count: one byte below 0x80, or 0x81/0x82/0x83/0x84 followed by
        /// that many big-endian bytes (Green Book 9.5; 0x83 accepted on input although writers use
        /// 81, 82 and 84). Only the form is checked: the caller compares the value with
        /// <see cref="Remaining"/>.
        /// </summary>
        /// <returns>Invalid for 0x80 (indefinite), 0x85..0xFF or a value above int.MaxValue.</returns>
        public AxdrStatus ReadLength(out int length)
        {
            int next;
            AxdrStatus status = ParseLength(_position, _end, out length, out next);
            if (status == AxdrStatus.Ok)
            {
                _position = next;
            }

            return status;
        }

        /// <summary>
        /// Reads a 6-byte logical name without tag or length (as in a cosem-attribute-descriptor)
        /// as its packed value (<see cref="ObisCode.Value"/>): no ObisCode is created.
        /// </summary>
        public AxdrStatus ReadRawObis(out long value)
        {
            value = 0;
            if (_end - _position < ObisCode.Size)
            {
                return AxdrStatus.Truncated;
            }

            value = ObisCode.Pack(_buffer, _position);
            _position += ObisCode.Size;
            return AxdrStatus.Ok;
        }

        /// <summary>Moves past <paramref name="count"/> bytes.</summary>
        /// <returns>Invalid when <paramref name="count"/> is negative, Truncated when fewer bytes are left.</returns>
        public AxdrStatus Skip(int count)
        {
            if (count < 0)
            {
                return AxdrStatus.Invalid;
            }

            if (count > _end - _position)
            {
                return AxdrStatus.Truncated;
            }

            _position += count;
            return AxdrStatus.Ok;
        }

        // ----------------------------------------------------------------------------------
        // Helpers shared by the partial files. They look at bytes from an index and report the
        // index after the value; only the public methods move _position.
        // ----------------------------------------------------------------------------------

        /// <summary>Parses a length form at <paramref name="index"/>, bytes up to <paramref name="limit"/>.</summary>
        private AxdrStatus ParseLength(int index, int limit, out int length, out int next)
        {
            length = 0;
            next = index;
            if (index >= limit)
            {
                return AxdrStatus.Truncated;
            }

            int first = _buffer[index];
            if (first < 0x80)
            {
                length = first;
                next = index + 1;
                return AxdrStatus.Ok;
            }

            // 0x80 would be BER's indefinite form, which A-XDR does not use.
            int size = first & 0x7F;
            if (size == 0 || size > 4)
            {
                return AxdrStatus.Invalid;
            }

            if (limit - index - 1 < size)
            {
                return AxdrStatus.Truncated;
            }

            uint value = 0;
            for (int i = 1; i <= size; i++)
            {
                value = (value << 8) | _buffer[index + i];
            }

            if (value > int.MaxValue)
            {
                return AxdrStatus.Invalid;
            }

            length = (int)value;
            next = index + 1 + size;
            return AxdrStatus.Ok;
        }

        /// <summary>
        /// Checks that a tagged value with <paramref name="size"/> value bytes is at the cursor:
        /// Truncated when empty, TypeMismatch for another tag, Truncated when the value is cut.
        /// </summary>
        private AxdrStatus CheckFixed(DataType tag, int size)
        {
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            if (_buffer[_position] != (byte)tag)
            {
                return AxdrStatus.TypeMismatch;
            }

            if (_end - _position - 1 < size)
            {
                return AxdrStatus.Truncated;
            }

            return AxdrStatus.Ok;
        }

        /// <summary>Reads a tagged length-prefixed value (octet-string, visible-string, utf8-string).</summary>
        private AxdrStatus ReadLengthPrefixed(DataType tag, out int dataOffset, out int length)
        {
            dataOffset = 0;
            length = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            if (_buffer[_position] != (byte)tag)
            {
                return AxdrStatus.TypeMismatch;
            }

            int count;
            int next;
            AxdrStatus status = ParseLength(_position + 1, _end, out count, out next);
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

        /// <summary>Bytes needed for <paramref name="bitCount"/> bits, without overflow.</summary>
        private static int BitStringBytes(int bitCount)
        {
            return (bitCount >> 3) + ((bitCount & 7) != 0 ? 1 : 0);
        }

        private static ushort GetUInt16(byte[] buffer, int index)
        {
            return (ushort)((buffer[index] << 8) | buffer[index + 1]);
        }

        private static uint GetUInt32(byte[] buffer, int index)
        {
            return ((uint)buffer[index] << 24) | ((uint)buffer[index + 1] << 16)
                | ((uint)buffer[index + 2] << 8) | buffer[index + 3];
        }

        private static ulong GetUInt64(byte[] buffer, int index)
        {
            return ((ulong)GetUInt32(buffer, index) << 32) | GetUInt32(buffer, index + 4);
        }
    }
}
