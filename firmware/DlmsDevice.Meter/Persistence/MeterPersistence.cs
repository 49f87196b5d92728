using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// The meter's records in an <see cref="INonVolatileStore"/> (normally a
    /// <see cref="Hal.Storage.SlottedRecordStore"/>: A/B slots, sequence numbers, CRC-32, so a
    /// torn write is never read as data): the checkpoint, the settings, the rows of the
    /// profiles (load, daily, the event log or the seven IS 15959 logs, the billing profile) in
    /// chunk records, where the profiles read and write them (<see cref="ProfileStore"/>), the
    /// tamper state, and the configuration records of the objects that act on their own.
    /// </summary>
    /// <remarks>
    /// <para>Record ids (docs/metering.md has the table with the default model's numbers):</para>
    /// <code>
    /// 0                    checkpoint (MeterCheckpoint, 184 bytes; format 1, 80 bytes, still read)
    /// 1                    settings (MeterSettingsRecord, 32 bytes)
    /// 2                    invocation counters of the management association's keys (InvocationCounterStore, 17 bytes)
    /// 3 ..                 load profile chunks   (C1 = ceil(entries / K) + 1 records)
    /// 3 + C1 ..            daily profile chunks  (C2 records)
    /// 3 + C1 + C2 ..       event log chunks      (C3 records; the IS 15959 layout: one run per category log)
    /// 3 + C1 + C2 + C3 ..  billing profile chunks (C4 records, when the meter has one)
    /// then                 tamper state (TamperRecord, 36 bytes)
    /// then                 configuration records (<see cref="ReserveRecords"/>: one per script
    ///                      table, schedule, monitor, limiter, calendar ..., docs/billing-and-tariffs.md)
    /// </code>
    /// <para>The store must have at least <see cref="RecordCount"/> records of
    /// <see cref="MaxPayloadLength"/> bytes. One buffer for the checkpoint and the settings is
    /// allocated here (each profile's <see cref="ProfileStore"/> has its own two chunk images);
    /// saving and restoring allocate nothing else. Without a store (<see cref="Attach"/> with
    /// null) the profiles keep their rows in RAM rings, allocated then.</para>
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

        private readonly ProfileGeneric[] _profiles;
        private readonly ProfileStore[] _rows;
        private readonly byte[] _buffer;
        private readonly CorruptRecordList _corrupt = new CorruptRecordList();
        private readonly int _tamperRecord;
        private int _recordCount;
        private int _maxPayload;
        private int _reserved;
        private INonVolatileStore _store;

        /// <summary>
        /// Lays out the records for <paramref name="profiles"/> (in this order), each built on a
        /// <see cref="ProfileStore"/>: their chunks follow the fixed records.
        /// </summary>
        /// <exception cref="ArgumentException">A profile does not keep its rows in a <see cref="ProfileStore"/>.</exception>
        public MeterPersistence(ProfileGeneric[] profiles)
        {
            if (profiles == null)
            {
                throw new ArgumentNullException();
            }
            _profiles = new ProfileGeneric[profiles.Length];
            _rows = new ProfileStore[profiles.Length];
            int record = FirstProfileRecord;
            // The longest checkpoint format, also for an engine that writes format 2: a record
            // of format 3 left by an earlier firmware must still be read (its energy is the meter's).
            int buffer = MeterCheckpoint.Length > MeterSettingsRecord.Length ? MeterCheckpoint.Length : MeterSettingsRecord.Length;
            if (TamperRecord.Length > buffer)
            {
                buffer = TamperRecord.Length;
            }
            int max = buffer;
            for (int i = 0; i < profiles.Length; i++)
            {
                ProfileStore rows = profiles[i] == null ? null : profiles[i].RowStorage as ProfileStore;
                if (rows == null)
                {
                    throw new ArgumentException();
                }
                rows.FirstRecord = record;
                rows.CorruptRecords = _corrupt;
                _profiles[i] = profiles[i];
                _rows[i] = rows;
                record += rows.RecordCount;
                if (rows.MaxPayloadLength > max)
                {
                    max = rows.MaxPayloadLength;
                }
            }
            // The tamper state follows the chunks: a store laid out before it existed keeps every
            // record id it had.
            _tamperRecord = record;
            _recordCount = record + 1;
            _maxPayload = max;
            _buffer = new byte[buffer];
        }

        /// <summary>
        /// Configuration time, before <see cref="Attach"/>: reserves <paramref name="count"/>
        /// records of up to <paramref name="maxLength"/> bytes after those already laid out
        /// (their ids stay what they were), e.g. the configuration records of the objects that
        /// act on their own.
        /// </summary>
        /// <returns>The first reserved record id.</returns>
        public int ReserveRecords(int count, int maxLength)
        {
            if (count < 0 || maxLength < 0 || _store != null)
            {
                throw new InvalidOperationException();
            }
            int first = _recordCount;
            _recordCount += count;
            _reserved += count;
            if (maxLength > _maxPayload)
            {
                _maxPayload = maxLength;
            }
            return first;
        }

        /// <summary>Writes record <paramref name="recordId"/> (a reserved one); Ok without a store.</summary>
        public StoreStatus WriteRecord(int recordId, byte[] buffer, int offset, int length)
        {
            return _store == null ? StoreStatus.Ok : _store.Write(recordId, buffer, offset, length);
        }

        /// <summary>Reads record <paramref name="recordId"/> (a reserved one); NotFound without a store.</summary>
        public StoreStatus ReadRecord(int recordId, byte[] buffer, int offset, int count, out int length)
        {
            length = 0;
            return _store == null ? StoreStatus.NotFound : _store.Read(recordId, buffer, offset, count, out length);
        }

        // A record that was read but does not decode is present and unusable.
        private static StoreStatus Decoded(bool decoded)
        {
            return decoded ? StoreStatus.Ok : StoreStatus.InvalidRecord;
        }

        /// <summary>
        /// The buffer the checkpoint and the settings are encoded in (at least
        /// <see cref="MeterCheckpoint.Length"/> bytes): scratch for the engine's start-up once
        /// they were read (the newest billing row).
        /// </summary>
        internal byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Profile <paramref name="index"/> (in constructor order), whose chunks <see cref="DescribeRecord"/> names by that index.</summary>
        public ProfileGeneric GetProfile(int index)
        {
            return _profiles[index];
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

        /// <summary>The records the last recovery found unusable (the engine's start-up fills it).</summary>
        public CorruptRecordList CorruptRecords
        {
            get { return _corrupt; }
        }

        /// <summary>
        /// What record <paramref name="recordId"/> holds; for a profile chunk also which profile
        /// (<paramref name="profileIndex"/>, in constructor order) and which of its chunk records
        /// (<paramref name="chunk"/>, from 0); both -1 otherwise.
        /// </summary>
        public MeterRecordKind DescribeRecord(int recordId, out int profileIndex, out int chunk)
        {
            profileIndex = -1;
            chunk = -1;
            if (recordId == CheckpointRecord)
            {
                return MeterRecordKind.Checkpoint;
            }
            if (recordId == SettingsRecord)
            {
                return MeterRecordKind.Settings;
            }
            if (recordId == SecurityCountersRecord)
            {
                return MeterRecordKind.SecurityCounters;
            }
            if (recordId == _tamperRecord)
            {
                return MeterRecordKind.TamperState;
            }
            for (int i = 0; i < _rows.Length; i++)
            {
                int first = _rows[i].FirstRecord;
                if (recordId >= first && recordId < first + _rows[i].RecordCount)
                {
                    profileIndex = i;
                    chunk = recordId - first;
                    return MeterRecordKind.ProfileChunk;
                }
            }
            if (recordId >= _recordCount - _reserved && recordId < _recordCount)
            {
                return MeterRecordKind.Configuration;
            }
            return MeterRecordKind.None;
        }

        /// <summary>Record id of the tamper state (<see cref="TamperRecord"/>): after the profile chunks, before the configuration records.</summary>
        public int TamperStateRecord
        {
            get { return _tamperRecord; }
        }

        /// <summary>The store in use; null = no persistence.</summary>
        public INonVolatileStore Store
        {
            get { return _store; }
        }

        /// <summary>First record id of profile <paramref name="index"/> (in constructor order).</summary>
        public int GetFirstRecord(int index)
        {
            return _rows[index].FirstRecord;
        }

        /// <summary>Chunk records of profile <paramref name="index"/>.</summary>
        public int GetRecordCount(int index)
        {
            return _rows[index].RecordCount;
        }

        /// <summary>The store-backed ring of profile <paramref name="index"/>.</summary>
        public ProfileStore GetProfileStore(int index)
        {
            return _rows[index];
        }

        /// <summary>
        /// Start-up: uses <paramref name="store"/> from now on. With a store the profiles keep
        /// their rows in its chunk records (<see cref="RestoreProfile"/> finds them); with null
        /// there is no persistence and each profile gets a RAM ring of profile_entries rows
        /// (allocated now), so the rows live in RAM as with any profile built with a buffer size.
        /// Clears the profiles.
        /// </summary>
        public void Attach(INonVolatileStore store)
        {
            _store = store;
            for (int i = 0; i < _profiles.Length; i++)
            {
                ProfileGeneric profile = _profiles[i];
                // Detach first: a ring with a store records a clear, and the saved rows must stay.
                _rows[i].Attach(null);
                if (store == null)
                {
                    int bytes = profile.ProfileEntries * profile.RowWidth;
                    profile.UseRowStorage(new RamRowStorage(bytes < 1 ? 1 : bytes));
                    continue;
                }
                profile.UseRowStorage(_rows[i]);
                _rows[i].Attach(store);
            }
        }

        /// <summary>Writes the checkpoint; Ok without a store.</summary>
        public StoreStatus WriteCheckpoint(MeterCheckpoint checkpoint)
        {
            if (_store == null)
            {
                return StoreStatus.Ok;
            }
            checkpoint.WriteTo(_buffer, 0);
            return _store.Write(CheckpointRecord, _buffer, 0, checkpoint.WrittenLength);
        }

        /// <summary>Reads the checkpoint into <paramref name="checkpoint"/>; <see cref="StoreStatus.InvalidRecord"/> when present but not decodable.</summary>
        public StoreStatus ReadCheckpoint(MeterCheckpoint checkpoint)
        {
            int length;
            StoreStatus status = ReadRecord(CheckpointRecord, _buffer, 0, _buffer.Length, out length);
            return status != StoreStatus.Ok ? status : Decoded(checkpoint.ReadFrom(_buffer, 0, length));
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
            int length;
            StoreStatus status = ReadRecord(SettingsRecord, _buffer, 0, _buffer.Length, out length);
            return status != StoreStatus.Ok ? status : Decoded(settings.ReadFrom(_buffer, 0, length));
        }

        /// <summary>Writes the tamper state; Ok without a store.</summary>
        public StoreStatus WriteTamper(TamperRecord tamper)
        {
            if (_store == null)
            {
                return StoreStatus.Ok;
            }
            tamper.WriteTo(_buffer, 0);
            return _store.Write(_tamperRecord, _buffer, 0, TamperRecord.Length);
        }

        /// <summary>Reads the tamper state; <see cref="StoreStatus.InvalidRecord"/> when present but not decodable.</summary>
        public StoreStatus ReadTamper(TamperRecord tamper)
        {
            int length;
            StoreStatus status = ReadRecord(_tamperRecord, _buffer, 0, _buffer.Length, out length);
            return status != StoreStatus.Ok ? status : Decoded(tamper.ReadFrom(_buffer, 0, length));
        }

        /// <summary>
        /// How the last capture of profile <paramref name="index"/> was saved (the ring writes its
        /// chunk during the capture); Ok without a store.
        /// </summary>
        public StoreStatus GetWriteStatus(int index)
        {
            return _store == null ? StoreStatus.Ok : _rows[index].WriteStatus;
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
            return _rows[index].Restore(_profiles[index], out found, out corrupt);
        }
    }
}
