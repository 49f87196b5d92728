using System;

namespace DlmsDevice.Hal.Storage
{
    /// <summary>
    /// The record slots of a <see cref="SlottedRecordStore"/> as fixed regions of one
    /// <see cref="IRandomAccessFile"/>: slot s of record r lives at (r x 2 + s) x
    /// <see cref="RegionSize"/>, a 2-byte length then the bytes written. One file kept open
    /// instead of a file per slot, so reading a slot on the request path (profile rows kept in
    /// chunk records) opens nothing and allocates nothing, on the device as on the desktop.
    /// </summary>
    /// <remarks>
    /// A write fills its own region only, so it never disturbs the other slot of its record, which
    /// is all the store asks of a medium: a write torn by a power loss may leave its region with
    /// any mix of bytes, and the store's sequence numbers and CRC-32 never take it for data.
    /// Regions the file does not reach yet read as never written. Allocation: one region-sized
    /// buffer, in the constructor.
    /// </remarks>
    public sealed class RegionStorageMedium : IStorageMedium
    {
        /// <summary>Bytes of the length in front of each slot's data.</summary>
        public const int LengthSize = 2;

        private readonly IRandomAccessFile _file;
        private readonly int _slotCapacity;
        private readonly byte[] _region;
        private readonly object _sync = new object();

        /// <summary>A medium in <paramref name="file"/> whose slots hold up to <paramref name="slotCapacity"/> bytes each (a record's header and payload).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="slotCapacity"/> is outside 1..65535.</exception>
        public RegionStorageMedium(IRandomAccessFile file, int slotCapacity)
        {
            if (file == null)
            {
                throw new ArgumentNullException();
            }
            if (slotCapacity < 1 || slotCapacity > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException();
            }
            _file = file;
            _slotCapacity = slotCapacity;
            _region = new byte[LengthSize + slotCapacity];
        }

        /// <summary>The most bytes a slot holds (a record store's header plus its largest payload must fit).</summary>
        public int SlotCapacity
        {
            get { return _slotCapacity; }
        }

        /// <summary>Bytes of one slot's region in the file.</summary>
        public int RegionSize
        {
            get { return LengthSize + _slotCapacity; }
        }

        /// <inheritdoc />
        public int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count)
        {
            if (recordId < 0 || recordId > RecordSlotFormat.MaxRecordId || (slot != 0 && slot != 1) || slotOffset < 0 || count < 0)
            {
                return -1;
            }
            lock (_sync)
            {
                long start = Position(recordId, slot);
                int n = _file.Read(start, _region, 0, LengthSize);
                if (n < 0)
                {
                    return -1;
                }
                if (n < LengthSize)
                {
                    return 0; // the file does not reach this region: never written
                }
                int length = _region[0] | (_region[1] << 8);
                if (length > _slotCapacity)
                {
                    length = _slotCapacity; // a torn length: the store's CRC refuses what follows
                }
                if (slotOffset >= length)
                {
                    return 0;
                }
                int wanted = length - slotOffset < count ? length - slotOffset : count;
                int read = _file.Read(start + LengthSize + slotOffset, buffer, offset, wanted);
                return read < 0 ? -1 : read;
            }
        }

        /// <inheritdoc />
        public bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count)
        {
            if (recordId < 0 || recordId > RecordSlotFormat.MaxRecordId || (slot != 0 && slot != 1) || count < 0 || count > _slotCapacity)
            {
                return false;
            }
            lock (_sync)
            {
                // Length and data in one write, so the region is one piece on the medium.
                _region[0] = (byte)count;
                _region[1] = (byte)(count >> 8);
                Array.Copy(buffer, offset, _region, LengthSize, count);
                return _file.Write(Position(recordId, slot), _region, 0, LengthSize + count);
            }
        }

        private long Position(int recordId, int slot)
        {
            return ((long)recordId * 2 + slot) * (LengthSize + _slotCapacity);
        }
    }
}
