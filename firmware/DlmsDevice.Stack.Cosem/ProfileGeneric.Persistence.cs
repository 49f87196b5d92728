using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>
    /// Raw row access for persistence: the metering application saves captured rows to
    /// non-volatile storage and puts them back after a restart, with their sequence numbers,
    /// so entries_in_use and the capture numbering survive a power loss.
    /// </content>
    public sealed partial class ProfileGeneric
    {
        /// <summary>Sequence number of the oldest row held (equals <see cref="CaptureCount"/> when the buffer is empty).</summary>
        public int OldestSequence
        {
            get { return _oldestSeq; }
        }

        /// <summary>True while the row with sequence number <paramref name="sequence"/> is in the buffer.</summary>
        public bool HoldsRow(int sequence)
        {
            return _capacity > 0 && IsHeld(sequence);
        }

        /// <summary>
        /// Copies the raw slots of row <paramref name="sequence"/> (<see cref="RowWidth"/> bytes:
        /// each column's A-XDR encoding padded to its slot width) into <paramref name="buffer"/>.
        /// </summary>
        /// <returns>False (nothing copied) when the row is not held or the buffer is too small.</returns>
        public bool CopyRow(int sequence, byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || buffer.Length - offset < _rowWidth || !HoldsRow(sequence))
            {
                return false;
            }
            Array.Copy(_storage, RowOffset(sequence), buffer, offset, _rowWidth);
            return true;
        }

        /// <summary>
        /// Empties the buffer and sets the numbering so that the next row restored with
        /// <see cref="RestoreRow"/> (or captured) gets sequence number <paramref name="firstSequence"/>.
        /// Start-up only (a block read in progress ends with temporary-failure).
        /// </summary>
        public void RestoreBegin(int firstSequence)
        {
            _nextSeq = firstSequence;
            _oldestSeq = firstSequence;
            _baseSeq = firstSequence;
        }

        /// <summary>
        /// Appends one row saved by <see cref="CopyRow"/> as the next sequence number (the oldest
        /// row is overwritten when the ring is full, as by a capture). Every slot must hold one
        /// whole A-XDR value that fits the slot width; otherwise nothing changes.
        /// </summary>
        /// <returns>False (buffer unchanged) for a row that does not match the current columns.</returns>
        public bool RestoreRow(byte[] buffer, int offset)
        {
            if (_columnCount == 0 || _capacity == 0 || buffer == null || offset < 0 || buffer.Length - offset < _rowWidth)
            {
                return false;
            }
            for (int c = 0; c < _columnCount; c++)
            {
                _slotReader.Reset(buffer, offset + _offsets[c], _widths[c]);
                if (_slotReader.SkipValue() != AxdrStatus.Ok)
                {
                    return false;
                }
            }
            int seq = _nextSeq;
            if (seq - _oldestSeq >= _capacity)
            {
                _oldestSeq = seq - _capacity + 1;
            }
            Array.Copy(buffer, offset, _storage, RowOffset(seq), _rowWidth);
            _nextSeq = seq + 1;
            return true;
        }
    }
}
