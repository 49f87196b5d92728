using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>
    /// Raw row access for persistence: a row storage that keeps the rows in non-volatile memory
    /// (the meter's store-backed ring) finds them again after a restart and gives the profile
    /// back its numbering, so entries_in_use and the capture numbering survive a power loss.
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
        /// <returns>False (nothing copied) when the row is not held, cannot be read, or the buffer is too small.</returns>
        public bool CopyRow(int sequence, byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || buffer.Length - offset < _rowWidth || !HoldsRow(sequence))
            {
                return false;
            }
            int row;
            byte[] rows = _rows.ReadRow(sequence, out row);
            if (rows == null)
            {
                return false;
            }
            Array.Copy(rows, row, buffer, offset, _rowWidth);
            return true;
        }

        /// <summary>
        /// Start-up, for a row storage that found its rows again: the profile holds rows
        /// <paramref name="oldestSequence"/> .. <paramref name="nextSequence"/> - 1 (read from the
        /// storage from now on) and the next capture gets <paramref name="nextSequence"/>. The
        /// storage is not cleared. A block read in progress ends with temporary-failure.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">More rows than <see cref="ProfileEntries"/>, or oldest after next.</exception>
        public void RestoreSequences(int oldestSequence, int nextSequence)
        {
            int count = nextSequence - oldestSequence;
            if (count < 0 || count > _capacity)
            {
                throw new ArgumentOutOfRangeException();
            }
            _oldestSeq = oldestSequence;
            _nextSeq = nextSequence;
        }

        /// <summary>
        /// True when the <see cref="RowWidth"/> bytes at <paramref name="offset"/> are a row of the
        /// current columns: every slot holds one whole A-XDR value that fits the slot width. A
        /// restore checks saved rows with it, so bytes of another layout are never served.
        /// </summary>
        public bool IsValidRow(byte[] buffer, int offset)
        {
            if (_columnCount == 0 || buffer == null || offset < 0 || buffer.Length - offset < _rowWidth)
            {
                return false;
            }
            for (int c = 0; c < _columnCount; c++)
            {
                _workspace.Reader.Reset(buffer, offset + _offsets[c], _widths[c]);
                if (_workspace.Reader.SkipValue() != AxdrStatus.Ok)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
