using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// The store-backed ring of a <see cref="ProfileGeneric"/>: its rows live in chunk records of
    /// an <see cref="INonVolatileStore"/>, and RAM holds only the chunk being filled and the last
    /// chunk read. The chunk records are the rows' single home: a capture rewrites the chunk of
    /// its row, a read loads the chunk that holds the row, a restart finds the numbering in them.
    /// </summary>
    /// <remarks>
    /// <para><b>Layout.</b> With rows of w bytes, a chunk holds k = chunk bytes / w rows (the
    /// configured <c>rowsPerChunk</c> at the configured width). Row sequence s belongs to block
    /// s / k, kept in record <c>FirstRecord + (s / k) mod C</c>, with C =
    /// ceil(entries / rowsPerChunk) + 1 records, so the blocks of every row the ring holds
    /// (at most (C - 1) × k rows, <see cref="MaxRows"/>) have distinct records.</para>
    /// <para><b>Chunk record</b> (little-endian): i32 first sequence, i32 oldest sequence the
    /// profile held when written, u16 row count n (0..k), u16 row width, then n raw rows (each
    /// column's A-XDR encoding in its slot). n = 0 only records "the buffer was emptied up to
    /// here" (a reset or a new layout).</para>
    /// <para><b>RAM.</b> Two chunk images allocated by the constructor: the write chunk (the
    /// rows of the current block, exactly the record last written) and the read chunk (the
    /// record last loaded for a read). A capture encodes its row into the write chunk and
    /// writes the record: one store write per capture, no store read. A read of a row of the
    /// current block is served from the write chunk; any other row loads its chunk into the
    /// read chunk, so a sequential read loads each chunk once. Nothing allocates.</para>
    /// <para><b>Failures</b> are <see cref="StoreStatus"/> codes: a failed write leaves the row
    /// in the write chunk (readable until the block ends), is retried once when the next block
    /// starts, and is reported by <see cref="WriteStatus"/> (the engine logs event 14); a failed
    /// read makes <see cref="ReadRow"/> return null (the profile answers hardware-fault for that
    /// read) and is counted in <see cref="ReadFailures"/>. The store's A/B slots and CRC make
    /// sure no torn chunk is ever read.</para>
    /// <para>Not synchronised: used under the meter's lock (requests and ticks take turns).</para>
    /// </remarks>
    public sealed partial class ProfileStore : IProfileRowStorage
    {
        /// <summary>Bytes of a chunk record's header.</summary>
        public const int HeaderLength = 12;

        private readonly int _chunkBytes;
        private readonly int _recordCount;
        private readonly byte[] _write;
        private readonly byte[] _read;
        private INonVolatileStore _store;
        private int _firstRecord;

        // Layout (set by Clear): row width and rows per chunk; 0 = no columns.
        private int _rowWidth;
        private int _rowsPerChunk;

        // Write chunk: rows _writeFirst .. _writeFirst + _writeCount - 1 of one block.
        private int _writeFirst;
        private int _writeCount;
        private int _writeOldest;
        private bool _dirty;
        private StoreStatus _writeStatus;

        // Read chunk: rows _readFirst .. _readFirst + _readCount - 1 of block _readBlock, when _readValid.
        private bool _readValid;
        private int _readBlock;
        private int _readFirst;
        private int _readCount;
        private int _readFailures;
        private CorruptRecordList _corruptRecords;

        /// <summary>
        /// A ring for <paramref name="entries"/> rows of <paramref name="rowWidth"/> bytes,
        /// <paramref name="rowsPerChunk"/> rows per chunk record; allocates its two chunk images.
        /// Place it with <see cref="FirstRecord"/> and give it a store with <see cref="Attach"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A count below 1, or a chunk larger than a record can be.</exception>
        public ProfileStore(int rowWidth, int entries, int rowsPerChunk)
        {
            if (rowWidth < 1 || entries < 1 || rowsPerChunk < 1
                || rowWidth > (RecordSlotFormat.MaxPayloadLength - HeaderLength) / rowsPerChunk)
            {
                throw new ArgumentOutOfRangeException();
            }
            _chunkBytes = rowWidth * rowsPerChunk;
            _recordCount = (entries + rowsPerChunk - 1) / rowsPerChunk + 1;
            _write = new byte[HeaderLength + _chunkBytes];
            _read = new byte[HeaderLength + _chunkBytes];
            _writeStatus = StoreStatus.Ok;
        }

        /// <summary>Where <see cref="Restore"/> lists the chunks it finds unusable; null = only counted. Configuration time.</summary>
        public CorruptRecordList CorruptRecords
        {
            get { return _corruptRecords; }
            set { _corruptRecords = value; }
        }

        /// <summary>First record id of the chunks (the records used are FirstRecord .. FirstRecord + <see cref="RecordCount"/> - 1).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
        public int FirstRecord
        {
            get { return _firstRecord; }
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _firstRecord = value;
            }
        }

        /// <summary>Chunk records used (C).</summary>
        public int RecordCount
        {
            get { return _recordCount; }
        }

        /// <summary>Largest chunk record: the header and a chunk of rows.</summary>
        public int MaxPayloadLength
        {
            get { return HeaderLength + _chunkBytes; }
        }

        /// <summary>The store in use; null until attached (rows are then only in the write chunk).</summary>
        public INonVolatileStore Store
        {
            get { return _store; }
        }

        /// <summary>
        /// Result of the store writes of the last capture or clear (a retried chunk's failure
        /// included); Ok without a store.
        /// </summary>
        public StoreStatus WriteStatus
        {
            get { return _writeStatus; }
        }

        /// <summary>Reads of a held row that the store could not serve, since construction.</summary>
        public int ReadFailures
        {
            get { return _readFailures; }
        }

        /// <summary>
        /// Uses <paramref name="store"/> from now on (null = none). Start-up: call
        /// <see cref="Restore"/> next to find the saved rows.
        /// </summary>
        public void Attach(INonVolatileStore store)
        {
            _store = store;
            _readValid = false;
        }

        /// <inheritdoc />
        /// <remarks>(C - 1) × (chunk bytes / <paramref name="rowWidth"/>): the records of every block a full ring spans must differ.</remarks>
        public int MaxRows(int rowWidth)
        {
            return rowWidth < 1 ? 0 : (_recordCount - 1) * (_chunkBytes / rowWidth);
        }

        /// <inheritdoc />
        /// <remarks>
        /// With a store, writes the "emptied" chunk (n = 0, first = oldest = next) to the record
        /// of the next row's block, so a restart does not bring the cleared rows back.
        /// </remarks>
        public void Clear(int rowWidth, int capacity, int nextSequence)
        {
            _rowWidth = rowWidth < 1 ? 0 : rowWidth;
            _rowsPerChunk = rowWidth < 1 ? 0 : _chunkBytes / rowWidth;
            _writeFirst = nextSequence;
            _writeCount = 0;
            _writeOldest = nextSequence;
            _dirty = false;
            _readValid = false;
            _writeStatus = _rowsPerChunk == 0 ? StoreStatus.Ok : WriteChunk();
        }

        /// <inheritdoc />
        /// <remarks>
        /// The row goes into the write chunk. When it starts a new block, the previous block's
        /// record is written again first if its last write failed (its rows leave RAM now).
        /// </remarks>
        public byte[] BeginWrite(int sequence, out int offset)
        {
            _writeStatus = StoreStatus.Ok;
            int k = _rowsPerChunk;
            if (sequence / k != _writeFirst / k || sequence != _writeFirst + _writeCount)
            {
                if (_dirty)
                {
                    _writeStatus = WriteChunk();
                }
                _writeFirst = sequence;
                _writeCount = 0;
                _dirty = false;
            }
            offset = HeaderLength + (sequence - _writeFirst) * _rowWidth;
            return _write;
        }

        /// <inheritdoc />
        /// <remarks>Writes the chunk record of the row's block: the rows of the block the profile still holds.</remarks>
        public void EndWrite(int sequence, int oldestSequence)
        {
            _writeCount = sequence - _writeFirst + 1;
            int drop = oldestSequence - _writeFirst;
            if (drop > 0 && drop < _writeCount)
            {
                // A ring shorter than a chunk: the record starts at the oldest row held.
                int width = _rowWidth;
                int length = (_writeCount - drop) * width;
                int from = HeaderLength + drop * width;
                for (int i = 0; i < length; i++)
                {
                    _write[HeaderLength + i] = _write[from + i];
                }
                _writeFirst = oldestSequence;
                _writeCount -= drop;
            }
            _writeOldest = oldestSequence;
            StoreStatus status = WriteChunk();
            if (_writeStatus == StoreStatus.Ok)
            {
                _writeStatus = status;
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// From the write chunk when the row is in the current block; otherwise from the read
        /// chunk, loading the row's record first when the read chunk holds another block. Null
        /// when the store fails, or its record does not hold the row (its save had failed).
        /// </remarks>
        public byte[] ReadRow(int sequence, out int offset)
        {
            offset = 0;
            int k = _rowsPerChunk;
            if (k == 0)
            {
                return null;
            }
            int index = sequence - _writeFirst;
            if (index >= 0 && index < _writeCount)
            {
                offset = HeaderLength + index * _rowWidth;
                return _write;
            }
            int block = sequence / k;
            if (!_readValid || _readBlock != block || sequence - _readFirst < 0 || sequence - _readFirst >= _readCount)
            {
                if (!Load(block) || sequence - _readFirst < 0 || sequence - _readFirst >= _readCount)
                {
                    _readFailures++;
                    return null;
                }
            }
            offset = HeaderLength + (sequence - _readFirst) * _rowWidth;
            return _read;
        }

        /// <summary>Record id of block <paramref name="block"/>.</summary>
        private int RecordOf(int block)
        {
            return _firstRecord + block % _recordCount;
        }

        /// <summary>Writes the write chunk (its header first) to its record; Ok without a store.</summary>
        private StoreStatus WriteChunk()
        {
            LittleEndian.WriteInt32(_write, 0, _writeFirst);
            LittleEndian.WriteInt32(_write, 4, _writeOldest);
            LittleEndian.WriteInt16(_write, 8, _writeCount);
            LittleEndian.WriteInt16(_write, 10, _rowWidth);
            if (_store == null)
            {
                return StoreStatus.Ok;
            }
            StoreStatus status = _store.Write(RecordOf(_writeFirst / _rowsPerChunk), _write, 0, HeaderLength + _writeCount * _rowWidth);
            _dirty = status != StoreStatus.Ok;
            return status;
        }

        /// <summary>Loads the record of <paramref name="block"/> into the read chunk; false when it is unreadable or not that block's.</summary>
        private bool Load(int block)
        {
            _readValid = false;
            if (_store == null)
            {
                return false;
            }
            int length;
            int first;
            int oldest;
            int count;
            if (_store.Read(RecordOf(block), _read, 0, _read.Length, out length) != StoreStatus.Ok
                || !ReadHeader(_read, length, out first, out oldest, out count)
                || (count > 0 && first / _rowsPerChunk != block))
            {
                return false;
            }
            _readValid = true;
            _readBlock = block;
            _readFirst = first;
            _readCount = count;
            return true;
        }

        /// <summary>
        /// Decodes a chunk header and checks the record is one of this layout: rows of the
        /// current width, at most a chunk of them, exactly the length they take. An emptied
        /// chunk (n = 0) fits any layout.
        /// </summary>
        private bool ReadHeader(byte[] buffer, int length, out int first, out int oldest, out int count)
        {
            first = 0;
            oldest = 0;
            count = 0;
            if (length < HeaderLength)
            {
                return false;
            }
            first = LittleEndian.ReadInt32(buffer, 0);
            oldest = LittleEndian.ReadInt32(buffer, 4);
            count = LittleEndian.ReadUInt16(buffer, 8);
            int width = LittleEndian.ReadUInt16(buffer, 10);
            if (first < 0)
            {
                return false;
            }
            if (count == 0)
            {
                return length == HeaderLength;
            }
            return width == _rowWidth && count <= _rowsPerChunk && length == HeaderLength + count * width
                && first / _rowsPerChunk == (first + count - 1) / _rowsPerChunk;
        }
    }
}
