using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// The meter's records in an <see cref="INonVolatileStore"/> (normally a
    /// <see cref="Hal.Storage.SlottedRecordStore"/>: A/B slots, sequence numbers, CRC-32, so a
    /// torn write is never read as data): the checkpoint, the settings, and the rows of the
    /// load profile, the daily profile and the event log in chunk records.
    /// </summary>
    /// <remarks>
    /// <para>Record ids (docs/metering.md has the table with the default model's numbers):</para>
    /// <code>
    /// 0                    checkpoint (MeterCheckpoint, 80 bytes)
    /// 1                    settings (MeterSettingsRecord, 32 bytes)
    /// 2                    invocation counters of the management association's keys (InvocationCounterStore, 17 bytes)
    /// 3 ..                 load profile chunks   (C1 = ceil(entries / K) + 1 records)
    /// 3 + C1 ..            daily profile chunks  (C2 records)
    /// 3 + C1 + C2 ..       event log chunks      (C3 records)
    /// </code>
    /// <para>The store must have at least <see cref="RecordCount"/> records of
    /// <see cref="MaxPayloadLength"/> bytes. One buffer of that size is allocated here; saving
    /// and restoring allocate nothing else.</para>
    /// </remarks>
    public sealed class MeterPersistence
    {
        /// <summary>Record id of the checkpoint.</summary>
        public const int CheckpointRecord = 0;

        /// <summary>Record id of the settings.</summary>
        public const int SettingsRecord = 1;

        /// <summary>
        /// Record id of the invocation counters (our transmit reservation and the client's
        /// counter) of the security setup's keys: kept in the meter's own store, so counters
        /// and metering state survive a power loss together.
        /// </summary>
        public const int SecurityCountersRecord = 2;

        /// <summary>Bytes of the invocation counter record (InvocationCounterStore.RecordLength).</summary>
        public const int SecurityCountersLength = 17;

        /// <summary>First record id of the profile chunks.</summary>
        public const int FirstProfileRecord = 3;

        private readonly ProfileStore[] _profiles;
        private readonly byte[] _buffer;
        private readonly int _recordCount;
        private readonly int _maxPayload;
        private INonVolatileStore _store;

        /// <summary>Lays out the records for <paramref name="profiles"/> (in this order), <paramref name="rowsPerChunk"/> rows per chunk.</summary>
        public MeterPersistence(ProfileGeneric[] profiles, int rowsPerChunk)
        {
            if (profiles == null)
            {
                throw new ArgumentNullException();
            }
            if (rowsPerChunk < 1)
            {
                throw new ArgumentOutOfRangeException();
            }
            _profiles = new ProfileStore[profiles.Length];
            int record = FirstProfileRecord;
            int max = MeterCheckpoint.Length > MeterSettingsRecord.Length ? MeterCheckpoint.Length : MeterSettingsRecord.Length;
            for (int i = 0; i < profiles.Length; i++)
            {
                ProfileStore store = new ProfileStore(profiles[i], record, rowsPerChunk);
                _profiles[i] = store;
                record += store.RecordCount;
                if (store.MaxPayloadLength > max)
                {
                    max = store.MaxPayloadLength;
                }
            }
            _recordCount = record;
            _maxPayload = max;
            _buffer = new byte[max];
        }

        /// <summary>Record ids the store needs (0 .. RecordCount - 1).</summary>
        public int RecordCount
        {
            get { return _recordCount; }
        }

        /// <summary>Largest record, in bytes.</summary>
        public int MaxPayloadLength
        {
            get { return _maxPayload; }
        }

        /// <summary>The store in use; null = no persistence.</summary>
        public INonVolatileStore Store
        {
            get { return _store; }
        }

        /// <summary>First record id of profile <paramref name="index"/> (in constructor order).</summary>
        public int GetFirstRecord(int index)
        {
            return _profiles[index].FirstRecord;
        }

        /// <summary>Chunk records of profile <paramref name="index"/>.</summary>
        public int GetRecordCount(int index)
        {
            return _profiles[index].RecordCount;
        }

        /// <summary>Uses <paramref name="store"/> from now on (null = none).</summary>
        public void Attach(INonVolatileStore store)
        {
            _store = store;
        }

        /// <summary>Writes the checkpoint; Ok without a store.</summary>
        public StoreStatus WriteCheckpoint(MeterCheckpoint checkpoint)
        {
            if (_store == null)
            {
                return StoreStatus.Ok;
            }
            checkpoint.WriteTo(_buffer, 0);
            return _store.Write(CheckpointRecord, _buffer, 0, MeterCheckpoint.Length);
        }

        /// <summary>Reads the checkpoint into <paramref name="checkpoint"/>; <see cref="StoreStatus.InvalidRecord"/> when present but not decodable.</summary>
        public StoreStatus ReadCheckpoint(MeterCheckpoint checkpoint)
        {
            if (_store == null)
            {
                return StoreStatus.NotFound;
            }
            int length;
            StoreStatus status = _store.Read(CheckpointRecord, _buffer, 0, _buffer.Length, out length);
            if (status != StoreStatus.Ok)
            {
                return status;
            }
            return checkpoint.ReadFrom(_buffer, 0, length) ? StoreStatus.Ok : StoreStatus.InvalidRecord;
        }

        /// <summary>
        /// Reads the checkpoint of <paramref name="store"/> before an engine exists (a host that
        /// needs, e.g., the clock of the last checkpoint to set up its hardware). Allocates a buffer.
        /// </summary>
        public static StoreStatus ReadCheckpoint(INonVolatileStore store, MeterCheckpoint checkpoint)
        {
            if (store == null || checkpoint == null)
            {
                throw new ArgumentNullException();
            }
            byte[] buffer = new byte[MeterCheckpoint.Length];
            int length;
            StoreStatus status = store.Read(CheckpointRecord, buffer, 0, buffer.Length, out length);
            if (status != StoreStatus.Ok)
            {
                return status;
            }
            return checkpoint.ReadFrom(buffer, 0, length) ? StoreStatus.Ok : StoreStatus.InvalidRecord;
        }

        /// <summary>Writes the settings; Ok without a store.</summary>
        public StoreStatus WriteSettings(MeterSettingsRecord settings)
        {
            if (_store == null)
            {
                return StoreStatus.Ok;
            }
            settings.WriteTo(_buffer, 0);
            return _store.Write(SettingsRecord, _buffer, 0, MeterSettingsRecord.Length);
        }

        /// <summary>Reads the settings; <see cref="StoreStatus.InvalidRecord"/> when present but not decodable.</summary>
        public StoreStatus ReadSettings(MeterSettingsRecord settings)
        {
            if (_store == null)
            {
                return StoreStatus.NotFound;
            }
            int length;
            StoreStatus status = _store.Read(SettingsRecord, _buffer, 0, _buffer.Length, out length);
            if (status != StoreStatus.Ok)
            {
                return status;
            }
            return settings.ReadFrom(_buffer, 0, length) ? StoreStatus.Ok : StoreStatus.InvalidRecord;
        }

        /// <summary>Saves the chunk of row <paramref name="sequence"/> of profile <paramref name="index"/>; Ok without a store.</summary>
        public StoreStatus SaveRow(int index, int sequence)
        {
            if (_store == null)
            {
                return StoreStatus.Ok;
            }
            return _profiles[index].Save(_store, _buffer, sequence < 0 ? 0 : sequence);
        }

        /// <summary>
        /// Restores profile <paramref name="index"/> from its chunks; <paramref name="found"/> =
        /// chunk records present, <paramref name="corrupt"/> = present but unusable.
        /// </summary>
        /// <returns>Rows restored.</returns>
        public int RestoreProfile(int index, out int found, out int corrupt)
        {
            found = 0;
            corrupt = 0;
            if (_store == null)
            {
                return 0;
            }
            return _profiles[index].Restore(_store, _buffer, out found, out corrupt);
        }
    }
}
