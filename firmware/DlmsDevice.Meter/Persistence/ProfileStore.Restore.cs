using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter.Persistence
{
    /// <content>Start-up: finding the saved rows and the numbering in the chunk records.</content>
    public sealed partial class ProfileStore
    {
        /// <summary>
        /// Finds the rows saved in the chunks and gives <paramref name="profile"/> (whose rows
        /// this ring keeps) its numbering back; the rows stay in the store. <paramref name="found"/>
        /// counts chunk records present, <paramref name="corrupt"/> those present but unusable
        /// (unreadable, of another layout, or holding a row that is not one of the current columns).
        /// </summary>
        /// <remarks>
        /// Every chunk is read; the newest (highest first + n, then highest oldest mark) is the
        /// end of the buffer. From its last row the walk goes back a chunk at a time while the
        /// rows are present and valid, no further than the ring's capacity and the oldest
        /// sequence the newest chunk recorded. A missing or unusable chunk ends the walk: the
        /// newer rows are kept, the older ones are lost. The chunk of the next capture's block
        /// is left in the write chunk, so captures continue it. Reads the store only (no writes).
        /// </remarks>
        /// <returns>Rows the profile holds now.</returns>
        public int Restore(ProfileGeneric profile, out int found, out int corrupt)
        {
            found = 0;
            corrupt = 0;
            _readValid = false;
            int k = _rowsPerChunk;
            if (_store == null || k == 0)
            {
                return 0;
            }
            bool any = false;
            int next = 0;
            int oldestMark = 0;
            for (int c = 0; c < _recordCount; c++)
            {
                int length;
                StoreStatus status = _store.Read(_firstRecord + c, _read, 0, _read.Length, out length);
                if (status == StoreStatus.NotFound)
                {
                    continue;
                }
                found++;
                int first;
                int oldest;
                int count;
                if (status != StoreStatus.Ok || !ReadHeader(_read, length, out first, out oldest, out count)
                    || (count > 0 && (first / k) % _recordCount != c))
                {
                    // Unreadable, another layout (the configuration changed), or not ours.
                    corrupt++;
                    Report(_firstRecord + c, status == StoreStatus.MediumFailure ? RecordDamage.Unreadable : RecordDamage.Undecodable);
                    continue;
                }
                int end = first + count;
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
            int low = next - profile.ProfileEntries;
            if (oldestMark > low)
            {
                low = oldestMark;
            }
            if (low > next)
            {
                low = next;
            }
            _writeFirst = next;
            _writeCount = 0;
            int s = WalkBack(profile, next, low, ref corrupt);
            _writeOldest = s + 1;
            _dirty = false;
            _writeStatus = StoreStatus.Ok;
            _readValid = false;
            profile.RestoreSequences(s + 1, next);
            return next - (s + 1);
        }

        private void Report(int recordId, RecordDamage damage)
        {
            if (_corruptRecords != null)
            {
                _corruptRecords.Add(recordId, damage);
            }
        }

        /// <summary>
        /// Walks back from row <paramref name="next"/> - 1 to <paramref name="low"/> a chunk at a
        /// time; returns the last sequence number not restored (the oldest restored row is the next one).
        /// </summary>
        private int WalkBack(ProfileGeneric profile, int next, int low, ref int corrupt)
        {
            int k = _rowsPerChunk;
            int width = _rowWidth;
            int writeBlock = next / k;
            int s = next - 1;
            while (s - low >= 0)
            {
                int block = s / k;
                // The next capture's block goes straight into the write chunk.
                byte[] target = block == writeBlock ? _write : _read;
                int length;
                int first;
                int oldest;
                int count;
                if (_store.Read(RecordOf(block), target, 0, target.Length, out length) != StoreStatus.Ok
                    || !ReadHeader(target, length, out first, out oldest, out count)
                    || count == 0 || first / k != block || s - first < 0 || s - first >= count)
                {
                    break;
                }
                if (target == _write)
                {
                    // Rows before the oldest held are dropped by the next capture's write.
                    _writeFirst = first;
                    _writeCount = s - first + 1;
                }
                int stop = first - low > 0 ? first : low;
                for (int r = s; r >= stop; r--)
                {
                    if (!profile.IsValidRow(target, HeaderLength + (r - first) * width))
                    {
                        corrupt++;
                        Report(RecordOf(block), RecordDamage.InvalidRow);
                        return r;
                    }
                }
                s = stop - 1;
            }
            return s;
        }
    }
}
