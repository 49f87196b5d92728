using System;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Hal.Simulated.Storage
{
    /// <summary>
    /// An <see cref="IStorageMedium"/> in RAM, modelled on flash: every slot is a fixed region of
    /// <see cref="SlotCapacity"/> bytes, erased (0xFF) at the start, always fully readable. It
    /// injects the faults a power loss causes: a write torn after k bytes, a write acknowledged
    /// but lost, bit flips, failed reads and writes.
    /// </summary>
    /// <remarks>
    /// A torn or lost write models the moment of a power loss: the medium still answers true, as
    /// nobody is left to see an error. Model the restart by building a new
    /// <see cref="SlottedRecordStore"/> over the same medium (the medium is the only thing that
    /// survives). Reads and writes allocate nothing.
    /// </remarks>
    public sealed class MemoryStorageMedium : IStorageMedium
    {
        private readonly byte[][] _slots;
        private readonly int _capacity;
        private readonly SplitMix64 _garbage;
        private int _tearAt = -1;
        private TearFill _tearFill;
        private bool _loseNextWrite;
        private bool _failNextWrite;

        /// <summary>A medium for record ids 0 .. <paramref name="recordCount"/> - 1, slots of <paramref name="slotCapacity"/> bytes.</summary>
        public MemoryStorageMedium(int recordCount, int slotCapacity)
            : this(recordCount, slotCapacity, 1)
        {
        }

        /// <summary>As above, with the seed of <see cref="TearFill.Garbage"/> bytes.</summary>
        public MemoryStorageMedium(int recordCount, int slotCapacity, ulong garbageSeed)
        {
            if (recordCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(recordCount));
            }

            if (slotCapacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(slotCapacity));
            }

            _capacity = slotCapacity;
            _slots = new byte[recordCount * 2][];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = new byte[slotCapacity];
                Array.Fill(_slots[i], (byte)0xFF);
            }

            _garbage = new SplitMix64(SplitMix64.DeriveStream(garbageSeed, 5));
        }

        /// <summary>Bytes per slot.</summary>
        public int SlotCapacity => _capacity;

        /// <summary>Number of record ids.</summary>
        public int RecordCount => _slots.Length / 2;

        /// <summary>Writes attempted (including torn, lost and failed ones).</summary>
        public int WriteCount { get; private set; }

        /// <summary>Reads performed.</summary>
        public int ReadCount { get; private set; }

        /// <summary>When true, every read fails (-1).</summary>
        public bool FailReads { get; set; }

        /// <summary>The next write stores only its first <paramref name="bytesWritten"/> bytes; the rest of the image is <paramref name="fill"/>.</summary>
        public void TearNextWrite(int bytesWritten, TearFill fill)
        {
            if (bytesWritten < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bytesWritten));
            }

            _tearAt = bytesWritten;
            _tearFill = fill;
        }

        /// <summary>The next write is acknowledged but never reaches the medium (a lost write cache).</summary>
        public void LoseNextWrite()
        {
            _loseNextWrite = true;
        }

        /// <summary>The next write fails (returns false) after tearing the slot to garbage.</summary>
        public void FailNextWrite()
        {
            _failNextWrite = true;
        }

        /// <summary>Flips bit <paramref name="bitIndex"/> (0 = LSB of byte 0) of a slot.</summary>
        public void FlipBit(int recordId, int slot, int bitIndex)
        {
            byte[] region = Region(recordId, slot);
            region[bitIndex >> 3] ^= (byte)(1 << (bitIndex & 7));
        }

        /// <summary>A copy of a slot's bytes.</summary>
        public byte[] GetSlot(int recordId, int slot)
        {
            return (byte[])Region(recordId, slot).Clone();
        }

        /// <summary>Overwrites the start of a slot with raw bytes (tests craft images with it).</summary>
        public void SetSlot(int recordId, int slot, byte[] image)
        {
            ArgumentNullException.ThrowIfNull(image);
            Array.Copy(image, Region(recordId, slot), image.Length);
        }

        /// <summary>Erases a slot to 0xFF.</summary>
        public void EraseSlot(int recordId, int slot)
        {
            Array.Fill(Region(recordId, slot), (byte)0xFF);
        }

        /// <inheritdoc />
        public int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count)
        {
            ReadCount++;
            if (FailReads || !Exists(recordId, slot) || slotOffset < 0)
            {
                return -1;
            }

            int available = _capacity - slotOffset;
            int n = count < available ? count : available;
            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(_slots[recordId * 2 + slot], slotOffset, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count)
        {
            WriteCount++;
            if (!Exists(recordId, slot) || count > _capacity)
            {
                return false;
            }

            byte[] region = _slots[recordId * 2 + slot];
            if (_loseNextWrite)
            {
                _loseNextWrite = false;
                return true;
            }

            if (_failNextWrite)
            {
                _failNextWrite = false;
                Fill(region, 0, count, TearFill.Garbage);
                return false;
            }

            if (_tearAt >= 0)
            {
                int written = _tearAt < count ? _tearAt : count;
                _tearAt = -1;
                Array.Copy(buffer, offset, region, 0, written);
                Fill(region, written, count - written, _tearFill);
                return true;
            }

            Array.Copy(buffer, offset, region, 0, count);
            return true;
        }

        private void Fill(byte[] region, int from, int count, TearFill fill)
        {
            for (int i = from; i < from + count; i++)
            {
                switch (fill)
                {
                    case TearFill.Zeros:
                        region[i] = 0;
                        break;
                    case TearFill.Erased:
                        region[i] = 0xFF;
                        break;
                    case TearFill.Garbage:
                        region[i] = (byte)_garbage.Next();
                        break;
                }
            }
        }

        private bool Exists(int recordId, int slot)
        {
            return recordId >= 0 && recordId < _slots.Length / 2 && (slot == 0 || slot == 1);
        }

        private byte[] Region(int recordId, int slot)
        {
            if (!Exists(recordId, slot))
            {
                throw new ArgumentOutOfRangeException(nameof(recordId));
            }

            return _slots[recordId * 2 + slot];
        }
    }
}
