using System;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// The rows of a <see cref="ProfileGeneric"/> in one byte array, used as a ring: row s sits
    /// at slot (s - base) mod capacity, where base is the sequence number of the first row after
    /// the last <see cref="Clear"/>. The default storage of a profile built with a buffer size;
    /// nothing survives a restart.
    /// </summary>
    public sealed class RamRowStorage : IProfileRowStorage
    {
        private readonly byte[] _bytes;
        private int _rowWidth;
        private int _capacity;
        private int _baseSequence;

        /// <summary>Allocates <paramref name="bytes"/> bytes for all rows (entries × row width).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is below 1.</exception>
        public RamRowStorage(int bytes)
        {
            if (bytes < 1)
            {
                throw new ArgumentOutOfRangeException();
            }
            _bytes = new byte[bytes];
        }

        /// <summary>Bytes for all rows.</summary>
        public int Bytes
        {
            get { return _bytes.Length; }
        }

        /// <inheritdoc />
        public int MaxRows(int rowWidth)
        {
            return rowWidth < 1 ? 0 : _bytes.Length / rowWidth;
        }

        /// <inheritdoc />
        public void Clear(int rowWidth, int capacity, int nextSequence)
        {
            _rowWidth = rowWidth;
            _capacity = capacity;
            _baseSequence = nextSequence;
        }

        /// <inheritdoc />
        public byte[] BeginWrite(int sequence, out int offset)
        {
            offset = Offset(sequence);
            return _bytes;
        }

        /// <inheritdoc />
        /// <remarks>Nothing to do: the row is already where reads find it.</remarks>
        public void EndWrite(int sequence, int oldestSequence)
        {
        }

        /// <inheritdoc />
        public byte[] ReadRow(int sequence, out int offset)
        {
            offset = Offset(sequence);
            return _bytes;
        }

        private int Offset(int sequence)
        {
            return _capacity == 0 ? 0 : ((sequence - _baseSequence) % _capacity) * _rowWidth;
        }
    }
}
