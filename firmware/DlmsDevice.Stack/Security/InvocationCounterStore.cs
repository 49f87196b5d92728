using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The invocation counters of one set of global keys (one Security setup), kept across
    /// restarts in one record of an <see cref="INonVolatileStore"/>:
    /// <list type="bullet">
    /// <item><b>our transmit counter</b> is reserved ahead in blocks: before the first value of a
    /// block is used, the end of the block is written, and after a restart counting resumes at
    /// the last end written. A value is therefore never used twice with the same key (an IV
    /// reuse would break GCM), at the price of skipping at most one block per restart;</item>
    /// <item><b>the client's counter</b> (<see cref="Received"/>, last accepted + 1) is written
    /// by <see cref="SaveReceived"/>, which the server calls when an association is accepted and
    /// when it ends, so a power loss forgets at most the counters of the association in
    /// progress.</item>
    /// </list>
    /// Without a store (the parameterless constructor) both live in RAM only: for tests, or a
    /// device whose keys are never reused across restarts.
    /// </summary>
    /// <remarks>
    /// Record layout (17 bytes): format 01, transmit reservation limit (8 bytes, big-endian), the
    /// client counter's <see cref="ReceiveInvocationCounter.Minimum"/> (8 bytes, big-endian).
    /// Allocation-free after construction; not thread-safe (the server serialises requests).
    /// </remarks>
    public sealed class InvocationCounterStore
    {
        /// <summary>Bytes of the persisted record.</summary>
        public const int RecordLength = 17;

        /// <summary>First byte of the record: the layout version.</summary>
        public const byte RecordFormat = 1;

        /// <summary>Transmit values reserved per write unless configured otherwise.</summary>
        public const int DefaultReservationBlock = 1024;

        private INonVolatileStore _store;
        private readonly int _recordId;
        private readonly int _reservationBlock;
        private readonly byte[] _record = new byte[RecordLength];
        private readonly ReceiveInvocationCounter _received = new ReceiveInvocationCounter();
        private long _nextTransmit;
        private long _reservedUntil;
        private bool _loaded;

        /// <summary>Counters in RAM only, starting at 0 (no persistence).</summary>
        public InvocationCounterStore()
        {
            _recordId = -1;
            _reservationBlock = DefaultReservationBlock;
            _loaded = true;
            _reservedUntil = ReceiveInvocationCounter.Exhausted;
        }

        /// <summary>
        /// Counters persisted in record <paramref name="recordId"/> of <paramref name="store"/>
        /// (which must accept <see cref="RecordLength"/> bytes). Call <see cref="Load"/> once at
        /// start-up; until it succeeds nothing can be transmitted.
        /// </summary>
        /// <param name="store">The non-volatile store.</param>
        /// <param name="recordId">The record that holds these counters.</param>
        /// <param name="reservationBlock">Transmit values reserved per write (1..2^24): larger means fewer writes and a bigger jump after a restart.</param>
        /// <exception cref="ArgumentNullException">store is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">reservationBlock or recordId out of range.</exception>
        public InvocationCounterStore(INonVolatileStore store, int recordId, int reservationBlock)
        {
            if (store == null)
            {
                throw new ArgumentNullException();
            }

            if (recordId < 0 || reservationBlock < 1 || reservationBlock > 0x1000000)
            {
                throw new ArgumentOutOfRangeException();
            }

            _store = store;
            _recordId = recordId;
            _reservationBlock = reservationBlock;
        }

        /// <summary>
        /// Counters that will live in record <paramref name="recordId"/> of a store attached at
        /// start-up (<see cref="Attach"/>): a meter builds its objects before it opens its
        /// storage. Unavailable (nothing can be transmitted) until then.
        /// </summary>
        /// <param name="recordId">The record that will hold these counters.</param>
        /// <param name="reservationBlock">Transmit values reserved per write (1..2^24).</param>
        /// <exception cref="ArgumentOutOfRangeException">reservationBlock or recordId out of range.</exception>
        public InvocationCounterStore(int recordId, int reservationBlock)
        {
            if (recordId < 0 || reservationBlock < 1 || reservationBlock > 0x1000000)
            {
                throw new ArgumentOutOfRangeException();
            }

            _recordId = recordId;
            _reservationBlock = reservationBlock;
        }

        /// <summary>
        /// Start-up of counters built with <see cref="InvocationCounterStore(int, int)"/>: with a
        /// store, they are read from it (<see cref="Load"/>); without one (null) they live in RAM
        /// only and start at 0. Once.
        /// </summary>
        /// <returns>What <see cref="Load"/> returned (Ok without a store).</returns>
        /// <exception cref="InvalidOperationException">A store is attached already.</exception>
        public StoreStatus Attach(INonVolatileStore store)
        {
            if (_store != null)
            {
                throw new InvalidOperationException();
            }

            if (store == null)
            {
                _nextTransmit = 0;
                _reservedUntil = ReceiveInvocationCounter.Exhausted;
                _received.Minimum = 0;
                _loaded = true;
                return StoreStatus.Ok;
            }

            _store = store;
            return Load();
        }

        /// <summary>
        /// Makes the counters unavailable (<see cref="IsAvailable"/> false: no transmit counter is
        /// handed out) until the next successful <see cref="Load"/>: for a host that knows the 0 of
        /// a missing record cannot be trusted.
        /// </summary>
        public void MarkUnavailable()
        {
            _loaded = false;
        }

        /// <summary>
        /// True when the last <see cref="Load"/> found no record and started the counters at 0 (a
        /// first start). A host whose store already held other state can tell from it that the
        /// record went missing, and must not then trust the 0 (docs/security.md).
        /// </summary>
        public bool FoundNoRecord { get; private set; }

        /// <summary>The record that holds the counters; -1 for counters in RAM only.</summary>
        public int RecordId
        {
            get { return _recordId; }
        }

        /// <summary>The client's counter for the global key (last accepted + 1).</summary>
        public ReceiveInvocationCounter Received
        {
            get { return _received; }
        }

        /// <summary>True when the counters are known (RAM only, or <see cref="Load"/> succeeded).</summary>
        public bool IsAvailable
        {
            get { return _loaded; }
        }

        /// <summary>The transmit value <see cref="TryNextTransmit"/> returns next (0xFFFFFFFF when worn out).</summary>
        public uint NextTransmit
        {
            get { return _nextTransmit >= ReceiveInvocationCounter.Exhausted ? 0xFFFFFFFFu : (uint)_nextTransmit; }
        }

        /// <summary>Where the persisted transmit reservation ends: no value at or above it has been used.</summary>
        public long ReservedUntil
        {
            get { return _reservedUntil; }
        }

        /// <summary>
        /// Reads the record: transmit counting resumes at the reservation limit written last, the
        /// client counter at its saved value. A record never written means both start at 0.
        /// </summary>
        /// <returns>
        /// Ok (also for a record never written); otherwise the store's failure (InvalidRecord for a
        /// record of another layout) and the counters stay unavailable: the server then refuses
        /// ciphered associations rather than risk reusing a counter.
        /// </returns>
        public StoreStatus Load()
        {
            if (_store == null)
            {
                return StoreStatus.Ok;
            }

            int length;
            StoreStatus status = _store.Read(_recordId, _record, 0, RecordLength, out length);
            if (status == StoreStatus.NotFound)
            {
                _nextTransmit = 0;
                _reservedUntil = 0;
                _received.Minimum = 0;
                _loaded = true;
                FoundNoRecord = true;
                return StoreStatus.Ok;
            }
            FoundNoRecord = false;

            if (status != StoreStatus.Ok)
            {
                _loaded = false;
                return status;
            }

            if (length != RecordLength || _record[0] != RecordFormat)
            {
                _loaded = false;
                return StoreStatus.InvalidRecord;
            }

            long limit = ReadInt64(_record, 1);
            long minimum = ReadInt64(_record, 9);
            if (limit < 0 || limit > ReceiveInvocationCounter.Exhausted)
            {
                _loaded = false;
                return StoreStatus.InvalidRecord;
            }

            _nextTransmit = limit;
            _reservedUntil = limit;
            _received.Minimum = minimum;
            _loaded = true;
            return StoreStatus.Ok;
        }

        /// <summary>
        /// Takes the next transmit invocation counter. When it starts a new block, the block's end
        /// is persisted first.
        /// </summary>
        /// <returns>False when the counters are unavailable, worn out (0xFFFFFFFF was used: change the keys), or the reservation could not be written.</returns>
        public bool TryNextTransmit(out uint invocationCounter)
        {
            invocationCounter = 0;
            if (!_loaded || _nextTransmit >= ReceiveInvocationCounter.Exhausted)
            {
                return false;
            }

            if (_nextTransmit >= _reservedUntil)
            {
                long limit = _nextTransmit + _reservationBlock;
                if (limit > ReceiveInvocationCounter.Exhausted)
                {
                    limit = ReceiveInvocationCounter.Exhausted;
                }

                if (Write(limit, _received.Minimum) != StoreStatus.Ok)
                {
                    return false;
                }

                _reservedUntil = limit;
                _received.MarkSaved();
            }

            invocationCounter = (uint)_nextTransmit;
            _nextTransmit++;
            return true;
        }

        /// <summary>Persists the client counter if it moved since it was last written.</summary>
        /// <returns>Ok (also when nothing had to be written), or the store's failure.</returns>
        public StoreStatus SaveReceived()
        {
            if (!_received.Changed || !_loaded)
            {
                return StoreStatus.Ok;
            }

            StoreStatus status = Write(_reservedUntil, _received.Minimum);
            if (status == StoreStatus.Ok)
            {
                _received.MarkSaved();
            }

            return status;
        }

        private StoreStatus Write(long reservedUntil, long receivedMinimum)
        {
            if (_store == null)
            {
                return StoreStatus.Ok;
            }

            _record[0] = RecordFormat;
            WriteInt64(_record, 1, reservedUntil);
            WriteInt64(_record, 9, receivedMinimum);
            return _store.Write(_recordId, _record, 0, RecordLength);
        }

        private static long ReadInt64(byte[] buffer, int offset)
        {
            long value = 0;
            for (int i = 0; i < 8; i++)
            {
                value = (value << 8) | buffer[offset + i];
            }

            return value;
        }

        private static void WriteInt64(byte[] buffer, int offset, long value)
        {
            for (int i = 7; i >= 0; i--)
            {
                buffer[offset + i] = (byte)value;
                value >>= 8;
            }
        }
    }
}
