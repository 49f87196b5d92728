using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// Saves the rows of one <see cref="ProfileGeneric"/> in chunk records and puts them back
    /// after a restart with their sequence numbers.
    /// </summary>
    /// <remarks>
    /// <para>Row sequence s belongs to block s / K (K = rows per chunk); block b is kept in record
    /// <c>firstRecord + b mod C</c>, with C = ceil(profile_entries / K) + 1 records, so the
    /// blocks of every row the ring holds have distinct records. A capture rewrites only the
    /// record of its block (at most K rows), never the whole profile.</para>
    /// <para>Chunk record (little-endian): i32 first sequence, i32 oldest sequence the profile
    /// held when written, u16 row count n (0..K), u16 row width, then n raw rows
    /// (<see cref="ProfileGeneric.CopyRow"/>). A chunk with n = 0 only records "the buffer was
    /// emptied up to here" (a reset).</para>
    /// <para>Recovery reads every chunk, takes the newest (highest first + n) as the end of the
    /// buffer, and walks back from it while the rows are present, no further than the ring's
    /// capacity and the oldest sequence recorded by the newest chunk. A chunk that is missing,
    /// corrupt (both slots), or of another layout ends the walk: the newer rows are kept, the
    /// older ones are lost. The store's A/B slots and CRC make sure no torn chunk is read.</para>
    /// </remarks>
    internal sealed class ProfileStore
    {
        internal const int HeaderLength = 12;

        private readonly ProfileGeneric _profile;
        private readonly int _firstRecord;
        private readonly int _rowsPerChunk;
        private readonly int _chunkCount;
        private readonly int[] _first;
        private readonly int[] _rows;
        private readonly int[] _oldest;
        private readonly bool[] _valid;

        internal ProfileStore(ProfileGeneric profile, int firstRecord, int rowsPerChunk)
        {
            _profile = profile;
            _firstRecord = firstRecord;
            _rowsPerChunk = rowsPerChunk;
            _chunkCount = (profile.ProfileEntries + rowsPerChunk - 1) / rowsPerChunk + 1;
            _first = new int[_chunkCount];
            _rows = new int[_chunkCount];
            _oldest = new int[_chunkCount];
            _valid = new bool[_chunkCount];
        }

        /// <summary>The profile.</summary>
        internal ProfileGeneric Profile
        {
            get { return _profile; }
        }

        /// <summary>First record id used.</summary>
        internal int FirstRecord
        {
            get { return _firstRecord; }
        }

        /// <summary>Records used (C).</summary>
        internal int RecordCount
        {
            get { return _chunkCount; }
        }

        /// <summary>Largest chunk record.</summary>
        internal int MaxPayloadLength
        {
            get { return HeaderLength + _rowsPerChunk * _profile.RowWidth; }
        }

        /// <summary>Writes the chunk holding row <paramref name="sequence"/> (the row just captured) as the profile holds it now.</summary>
        internal StoreStatus Save(INonVolatileStore store, byte[] buffer, int sequence)
        {
            int k = _rowsPerChunk;
            int blockStart = (sequence / k) * k;
            int first = blockStart;
            int oldest = _profile.OldestSequence;
            int next = _profile.CaptureCount;
            if (first < oldest)
            {
                first = oldest;
            }
            int end = blockStart + k < next ? blockStart + k : next;
            int n = end - first;
            if (n < 0)
            {
                n = 0;
            }
            int width = _profile.RowWidth;
            LittleEndian.WriteInt32(buffer, 0, n == 0 ? next : first);
            LittleEndian.WriteInt32(buffer, 4, oldest);
            LittleEndian.WriteInt16(buffer, 8, n);
            LittleEndian.WriteInt16(buffer, 10, width);
            for (int i = 0; i < n; i++)
            {
                if (!_profile.CopyRow(first + i, buffer, HeaderLength + i * width))
                {
                    return StoreStatus.InvalidRecord;
                }
            }
            return store.Write(_firstRecord + (sequence / k) % _chunkCount, buffer, 0, HeaderLength + n * width);
        }

        /// <summary>
        /// Restores the profile from its chunks. <paramref name="found"/> counts chunk records
        /// present, <paramref name="corrupt"/> those present but unusable (or unreadable).
        /// </summary>
        /// <returns>Rows restored.</returns>
        internal int Restore(INonVolatileStore store, byte[] buffer, out int found, out int corrupt)
        {
            found = 0;
            corrupt = 0;
            int width = _profile.RowWidth;
            int k = _rowsPerChunk;
            bool any = false;
            int next = 0;
            int oldestMark = 0;
            for (int c = 0; c < _chunkCount; c++)
            {
                _valid[c] = false;
                int length;
                StoreStatus status = store.Read(_firstRecord + c, buffer, 0, buffer.Length, out length);
                if (status == StoreStatus.NotFound)
                {
                    continue;
                }
                found++;
                if (status != StoreStatus.Ok || length < HeaderLength)
                {
                    corrupt++;
                    continue;
                }
                int first = LittleEndian.ReadInt32(buffer, 0);
                int oldest = LittleEndian.ReadInt32(buffer, 4);
                int n = LittleEndian.ReadUInt16(buffer, 8);
                int w = LittleEndian.ReadUInt16(buffer, 10);
                if (w != width || n > k || length != HeaderLength + n * w || first < 0
                    || (n > 0 && ((first / k) % _chunkCount != c || (first + n - 1) / k != first / k)))
                {
                    // Another layout (configuration changed) or not ours: unusable.
                    corrupt++;
                    continue;
                }
                _valid[c] = true;
                _first[c] = first;
                _rows[c] = n;
                _oldest[c] = oldest;
                int end = first + n;
                if (!any || end > next || (end == next && oldest > oldestMark))
                {
                    next = end;
                    oldestMark = oldest;
                }
                any = true;
            }
            if (!any)
            {
                return 0;
            }
            int low = next - _profile.ProfileEntries;
            if (oldestMark > low)
            {
                low = oldestMark;
            }
            if (low > next)
            {
                low = next;
            }
            // Walk back from the newest row while the rows are present.
            int s = next - 1;
            while (s >= low)
            {
                int c = (s / k) % _chunkCount;
                if (!_valid[c] || s < _first[c] || s >= _first[c] + _rows[c])
                {
                    break;
                }
                s--;
            }
            low = s + 1;
            _profile.RestoreBegin(low);
            int restored = 0;
            int seq = low;
            while (seq < next)
            {
                int c = (seq / k) % _chunkCount;
                int length;
                if (store.Read(_firstRecord + c, buffer, 0, buffer.Length, out length) != StoreStatus.Ok
                    || LittleEndian.ReadInt32(buffer, 0) != _first[c])
                {
                    // Changed under us (cannot happen at start-up): keep what was restored.
                    corrupt++;
                    break;
                }
                int chunkEnd = _first[c] + _rows[c];
                bool failed = false;
                while (seq < chunkEnd && seq < next)
                {
                    if (!_profile.RestoreRow(buffer, HeaderLength + (seq - _first[c]) * width))
                    {
                        failed = true;
                        break;
                    }
                    restored++;
                    seq++;
                }
                if (failed)
                {
                    corrupt++;
                    break;
                }
            }
            if (seq < next)
            {
                // Keep the numbering going from where the saved rows ended, even with a gap.
                _profile.RestoreBegin(next);
                restored = 0;
            }
            return restored;
        }
    }
}
