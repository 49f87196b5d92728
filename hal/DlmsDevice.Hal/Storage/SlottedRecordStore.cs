using System;

namespace DlmsDevice.Hal.Storage
{
    /// <summary>
    /// A power-fail safe <see cref="INonVolatileStore"/> over any <see cref="IStorageMedium"/>:
    /// every record has two slots, each new version goes to the slot that does not hold the
    /// newest valid version, with a sequence number and a CRC-32 (<see cref="RecordSlotFormat"/>).
    /// Recovery takes the newest slot whose CRC is valid, so a write torn by a power loss (partial
    /// bytes, zeros, garbage) is never read as data: the previous version is read instead.
    /// </summary>
    /// <remarks>
    /// <para>All memory is allocated by the constructor (one image buffer of header + largest
    /// payload, two small arrays of per-record state); <see cref="Read"/> and <see cref="Write"/>
    /// allocate nothing. Calls are serialised with a lock on an internal object, so the meter
    /// may save from a timer thread while requests are served.</para>
    /// <para>Per record the store remembers which slot holds the newest valid version and its
    /// sequence number, learnt by the first read or write after start-up (the power-up
    /// recovery). The newest valid slot is never written, so at every moment at least one valid
    /// version exists once a record was written completely.</para>
    /// <para>Records whose stored length exceeds <see cref="MaxPayloadLength"/> (written by a
    /// store configured larger) are treated as invalid.</para>
    /// </remarks>
    public sealed class SlottedRecordStore : INonVolatileStore
    {
        // _newest values besides SlotA/SlotB.
        private const int Unknown = -1;
        private const int NoValidSlot = 2;

        private readonly IStorageMedium _medium;
        private readonly int _recordCount;
        private readonly int _maxPayloadLength;
        private readonly byte[] _image;
        private readonly int[] _newest;
        private readonly uint[] _sequence;
        private readonly object _sync = new object();
        private bool _verifyWrites;

        // Payload length of the image left in _image by the last successful recovery.
        private int _imagePayloadLength;

        /// <summary>Creates a store for record ids 0 .. <paramref name="recordCount"/> - 1.</summary>
        /// <param name="medium">The raw slots.</param>
        /// <param name="recordCount">Number of record ids (1 .. 65536).</param>
        /// <param name="maxPayloadLength">Largest record, in bytes (0 .. 65535).</param>
        public SlottedRecordStore(IStorageMedium medium, int recordCount, int maxPayloadLength)
        {
            if (medium == null)
            {
                throw new ArgumentNullException();
            }

            if (recordCount < 1 || recordCount > RecordSlotFormat.MaxRecordId + 1)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (maxPayloadLength < 0 || maxPayloadLength > RecordSlotFormat.MaxPayloadLength)
            {
                throw new ArgumentOutOfRangeException();
            }

            _medium = medium;
            _recordCount = recordCount;
            _maxPayloadLength = maxPayloadLength;
            _image = new byte[RecordSlotFormat.HeaderLength + maxPayloadLength];
            _newest = new int[recordCount];
            _sequence = new uint[recordCount];
            for (int i = 0; i < recordCount; i++)
            {
                _newest[i] = Unknown;
            }
        }

        /// <summary>Number of record ids (valid ids are 0 .. RecordCount - 1).</summary>
        public int RecordCount
        {
            get { return _recordCount; }
        }

        /// <summary>Largest record accepted by <see cref="Write"/>.</summary>
        public int MaxPayloadLength
        {
            get { return _maxPayloadLength; }
        }

        /// <summary>
        /// When true, every write is read back and checked (CRC and sequence) before it counts as
        /// done; a mismatch returns <see cref="StoreStatus.MediumFailure"/> and the previous version
        /// stays the newest. Costs one slot read per write. Off by default.
        /// </summary>
        public bool VerifyWrites
        {
            get { return _verifyWrites; }
            set { _verifyWrites = value; }
        }

        /// <inheritdoc />
        public StoreStatus Read(int recordId, byte[] buffer, int offset, int count, out int length)
        {
            length = 0;
            if (recordId < 0 || recordId >= _recordCount)
            {
                return StoreStatus.InvalidRecord;
            }

            lock (_sync)
            {
                // Always recover from the medium: a read must see the medium as it is, not as
                // this instance last left it. Reads are start-up and profile rows on a client's
                // request (a chunk per read); the two header reads are cheap next to the image.
                StoreStatus status = Recover(recordId);
                if (status != StoreStatus.Ok)
                {
                    return status;
                }

                int payloadLength = _imagePayloadLength;
                length = payloadLength;
                if (payloadLength > count)
                {
                    return StoreStatus.BufferTooSmall;
                }

                Array.Copy(_image, RecordSlotFormat.HeaderLength, buffer, offset, payloadLength);
                return StoreStatus.Ok;
            }
        }

        /// <inheritdoc />
        public StoreStatus Write(int recordId, byte[] buffer, int offset, int count)
        {
            if (recordId < 0 || recordId >= _recordCount)
            {
                return StoreStatus.InvalidRecord;
            }

            if (count < 0 || count > _maxPayloadLength)
            {
                return StoreStatus.TooLarge;
            }

            lock (_sync)
            {
                if (_newest[recordId] == Unknown && Recover(recordId) == StoreStatus.MediumFailure)
                {
                    // Without knowing which slot is the good one, any write could destroy it.
                    return StoreStatus.MediumFailure;
                }

                int newest = _newest[recordId];
                int target;
                uint sequence;
                if (newest == NoValidSlot)
                {
                    target = RecordSlotFormat.SlotA;
                    sequence = 1;
                }
                else
                {
                    target = newest == RecordSlotFormat.SlotA ? RecordSlotFormat.SlotB : RecordSlotFormat.SlotA;
                    sequence = unchecked(_sequence[recordId] + 1);
                }

                Array.Copy(buffer, offset, _image, RecordSlotFormat.HeaderLength, count);
                uint crc = RecordSlotFormat.WriteHeader(_image, 0, recordId, sequence, count);
                int imageLength = RecordSlotFormat.HeaderLength + count;
                if (!_medium.WriteSlot(recordId, target, _image, 0, imageLength))
                {
                    // Only the older slot was touched: the newest valid version is still there.
                    return StoreStatus.MediumFailure;
                }

                if (_verifyWrites && !ReadBack(recordId, target, sequence, crc, count))
                {
                    return StoreStatus.MediumFailure;
                }

                _newest[recordId] = target;
                _sequence[recordId] = sequence;
                return StoreStatus.Ok;
            }
        }

        /// <summary>
        /// Runs the power-up recovery of one record and reports where its newest valid version is,
        /// for diagnostics and tests.
        /// </summary>
        /// <param name="recordId">The record.</param>
        /// <param name="slot">The slot of the newest valid version (<see cref="RecordSlotFormat.SlotA"/> or <see cref="RecordSlotFormat.SlotB"/>); -1 when none.</param>
        /// <param name="sequence">Its sequence number; 0 when none.</param>
        /// <returns><see cref="StoreStatus.Ok"/>, <see cref="StoreStatus.NotFound"/>, <see cref="StoreStatus.InvalidRecord"/> or <see cref="StoreStatus.MediumFailure"/>.</returns>
        public StoreStatus Locate(int recordId, out int slot, out uint sequence)
        {
            slot = -1;
            sequence = 0;
            if (recordId < 0 || recordId >= _recordCount)
            {
                return StoreStatus.InvalidRecord;
            }

            lock (_sync)
            {
                StoreStatus status = Recover(recordId);
                if (status == StoreStatus.Ok)
                {
                    slot = _newest[recordId];
                    sequence = _sequence[recordId];
                }

                return status;
            }
        }

        /// <summary>
        /// Forgets what the store learnt about every record, so the next access recovers from the
        /// medium again (after the medium was changed behind the store's back).
        /// </summary>
        public void ForgetState()
        {
            lock (_sync)
            {
                for (int i = 0; i < _recordCount; i++)
                {
                    _newest[i] = Unknown;
                    _sequence[i] = 0;
                }
            }
        }

        // Finds the newest valid slot of the record, leaves its image in _image and its state in
        // _newest/_sequence. Ok, NotFound (state: no valid slot) or MediumFailure (state unchanged).
        private StoreStatus Recover(int recordId)
        {
            uint sequenceA;
            int lengthA;
            int headerA = ReadHeader(recordId, RecordSlotFormat.SlotA, out sequenceA, out lengthA);
            if (headerA < 0)
            {
                return StoreStatus.MediumFailure;
            }

            uint sequenceB;
            int lengthB;
            int headerB = ReadHeader(recordId, RecordSlotFormat.SlotB, out sequenceB, out lengthB);
            if (headerB < 0)
            {
                return StoreStatus.MediumFailure;
            }

            // Check the candidate with the newer header first; only when its CRC fails is the
            // other one read. A slot whose header is unusable is no candidate at all.
            bool bFirst = headerB > 0 && (headerA == 0 || RecordSlotFormat.IsNewer(sequenceB, sequenceA));
            int first = bFirst ? RecordSlotFormat.SlotB : RecordSlotFormat.SlotA;
            int second = bFirst ? RecordSlotFormat.SlotA : RecordSlotFormat.SlotB;
            bool firstUsable = bFirst ? true : headerA > 0;
            bool secondUsable = bFirst ? headerA > 0 : headerB > 0;

            if (firstUsable)
            {
                int verified = VerifyImage(recordId, first, bFirst ? sequenceB : sequenceA, bFirst ? lengthB : lengthA);
                if (verified < 0)
                {
                    return StoreStatus.MediumFailure;
                }

                if (verified > 0)
                {
                    return Found(recordId, first, bFirst ? sequenceB : sequenceA, bFirst ? lengthB : lengthA);
                }
            }

            if (secondUsable)
            {
                int verified = VerifyImage(recordId, second, bFirst ? sequenceA : sequenceB, bFirst ? lengthA : lengthB);
                if (verified < 0)
                {
                    return StoreStatus.MediumFailure;
                }

                if (verified > 0)
                {
                    return Found(recordId, second, bFirst ? sequenceA : sequenceB, bFirst ? lengthA : lengthB);
                }
            }

            _newest[recordId] = NoValidSlot;
            _sequence[recordId] = 0;
            return StoreStatus.NotFound;
        }

        private StoreStatus Found(int recordId, int slot, uint sequence, int payloadLength)
        {
            _newest[recordId] = slot;
            _sequence[recordId] = sequence;
            _imagePayloadLength = payloadLength;
            return StoreStatus.Ok;
        }

        // 1 = usable header (sequence/length set), 0 = not a header of this record, -1 = medium failure.
        private int ReadHeader(int recordId, int slot, out uint sequence, out int payloadLength)
        {
            sequence = 0;
            payloadLength = 0;
            int read = _medium.ReadSlot(recordId, slot, 0, _image, 0, RecordSlotFormat.HeaderLength);
            if (read < 0)
            {
                return -1;
            }

            if (read < RecordSlotFormat.HeaderLength
                || !RecordSlotFormat.TryReadHeader(_image, 0, recordId, out sequence, out payloadLength)
                || payloadLength > _maxPayloadLength)
            {
                return 0;
            }

            return 1;
        }

        // Reads the whole image of a slot into _image and checks it against the header seen
        // before: 1 = valid, 0 = invalid, -1 = medium failure.
        private int VerifyImage(int recordId, int slot, uint expectedSequence, int expectedLength)
        {
            int imageLength = RecordSlotFormat.HeaderLength + expectedLength;
            int read = _medium.ReadSlot(recordId, slot, 0, _image, 0, imageLength);
            if (read < 0)
            {
                return -1;
            }

            uint sequence;
            int payloadLength;
            if (read < imageLength
                || !RecordSlotFormat.TryReadHeader(_image, 0, recordId, out sequence, out payloadLength)
                || sequence != expectedSequence
                || payloadLength != expectedLength
                || !RecordSlotFormat.CheckCrc(_image, 0, payloadLength))
            {
                return 0;
            }

            return 1;
        }

        private bool ReadBack(int recordId, int slot, uint sequence, uint crc, int payloadLength)
        {
            if (VerifyImage(recordId, slot, sequence, payloadLength) <= 0)
            {
                return false;
            }

            return RecordSlotFormat.ReadCrc(_image, 0) == crc;
        }
    }
}
