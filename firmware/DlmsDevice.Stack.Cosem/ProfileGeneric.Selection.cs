using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>
    /// Element-wise buffer read and selective access by entry (selector 2); the range selector
    /// (1) is in ProfileGeneric.Range.cs.
    /// </content>
    /// <remarks>
    /// <para><b>Cursor layout.</b> A selection is a set of rows, kept as up to three runs of
    /// consecutive sequence numbers (start, length): run 0 in <see cref="ArrayCursor.From"/> /
    /// <see cref="ArrayCursor.To"/>, run 1 in <see cref="ArrayCursor.FirstColumn"/> /
    /// <see cref="ArrayCursor.ColumnCount"/>, run 2 in <see cref="ArrayCursor.Tag"/> (start in
    /// the high 32 bits, length in the low 32). <see cref="ArrayCursor.ColumnMask"/> holds the
    /// selected columns (bit c = column c, capture_objects order); <see cref="ArrayCursor.Count"/>
    /// the total rows. Element i of the selection is found directly from the runs, so any element
    /// can be (re)written in any order. No selection (selector 0) and an entry selection are one
    /// run; a range selection is one run while the restricting values grow with the rows (the
    /// normal case) and more when the clock was set back inside the selected period.</para>
    /// <para><b>Result codes</b> (Green Book data-access-result; the standard names no codes for
    /// bad selective-access parameters, so we follow the meaning of each): parameters that are not
    /// the descriptor's shape (wrong tags, counts, truncated) give type-unmatched (12); well-formed
    /// parameters naming what the profile does not have (a restricting object or selected value
    /// that is not a capture object, columns past the last, from &gt; to, a bad date) and
    /// unsupported selectors give scope-of-access-violated (13); a range selection of more than
    /// three runs (the clock set back more than twice inside the period) gives other-reason
    /// (250) rather than a wrong answer; a row of the selection overwritten or cleared during
    /// a block read gives temporary-failure (2); a held row the row storage cannot read (a
    /// store-backed ring whose flash read fails) gives hardware-fault (1), for that read only:
    /// the next request is served as usual.</para>
    /// </remarks>
    public sealed partial class ProfileGeneric
    {
        private const int MaxRuns = 3;

        /// <inheritdoc />
        /// <remarks>
        /// Attribute 2 (buffer) only. <paramref name="selector"/> 0 selects every row and column;
        /// 1 a range_descriptor, 2 an entry_descriptor (read from <paramref name="parameters"/>,
        /// which is left after the descriptor on success and where it was on failure).
        /// </remarks>
        public override bool BeginArray(int attributeId, int selector, AxdrReader parameters, ArrayCursor cursor, CosemContext context, out DataAccessResult result)
        {
            if (attributeId != Attributes.Buffer)
            {
                result = DataAccessResult.Success;
                return false;
            }
            if (_captureOnRead)
            {
                // Blue Book 4.3.6: capture_period 0 leaves capturing to the application; a
                // snapshot profile captures as the read begins, so the row is the present values.
                Capture();
            }
            cursor.Reset();
            if (selector == 0)
            {
                cursor.ColumnMask = AllColumns();
                SetRun(cursor, 0, _oldestSeq, EntriesInUse);
                cursor.Count = EntriesInUse;
                result = DataAccessResult.Success;
                return true;
            }
            if (selector != 1 && selector != 2)
            {
                result = DataAccessResult.ScopeOfAccessViolated;
                return true;
            }
            if (parameters == null)
            {
                result = DataAccessResult.TypeUnmatched;
                return true;
            }
            int start = parameters.Position;
            result = selector == 1 ? BeginRange(parameters, cursor) : BeginEntries(parameters, cursor);
            if (result != DataAccessResult.Success)
            {
                parameters.Position = start;
                cursor.Reset();
            }
            return true;
        }

        /// <inheritdoc />
        /// <remarks>
        /// Writes row <see cref="ArrayCursor.Index"/> of the selection as <c>02 &lt;n&gt;</c> and the
        /// selected columns' values. Returns success even when the writer overflowed (the caller
        /// rewinds and retries in the next block); temporary-failure when the row has been
        /// overwritten or cleared since <see cref="BeginArray"/>.
        /// </remarks>
        public override DataAccessResult WriteArrayElement(int attributeId, ArrayCursor cursor, AxdrWriter writer, CosemContext context)
        {
            if (attributeId != Attributes.Buffer || cursor.Index < 0 || cursor.Index >= cursor.Count)
            {
                return DataAccessResult.ReadWriteDenied;
            }
            int seq = SequenceOf(cursor, cursor.Index);
            if (!IsHeld(seq))
            {
                return DataAccessResult.TemporaryFailure;
            }
            int row;
            byte[] rows = _rows.ReadRow(seq, out row);
            if (rows == null)
            {
                // The row is held but its storage failed to give it (a flash read error, a chunk
                // whose save had failed): the memory's fault, not the request's.
                return DataAccessResult.HardwareFault;
            }
            int mask = cursor.ColumnMask;
            writer.WriteStructure(BitMask.Count(mask));
            for (int c = 0; c < _columnCount; c++)
            {
                if ((mask & (1 << c)) == 0)
                {
                    continue;
                }
                int slot = row + _offsets[c];
                int length = SlotLength(rows, slot, _widths[c]);
                if (length == 0)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.WriteBytes(rows, slot, length);
                }
            }
            return DataAccessResult.Success;
        }

        /// <summary>
        /// entry_descriptor (Blue Book 4.3.6): <c>02 04 06 from_entry 06 to_entry 12
        /// from_selected_value 12 to_selected_value</c>; entries and columns 1-based, entry 1 the
        /// oldest row, 0 in a "to" field = the highest. Any integer type is accepted for the four
        /// numbers. from 0 is read as 1. Entries past entries_in_use are simply absent (an entry
        /// range beyond the buffer selects nothing); columns past the last are an error.
        /// </summary>
        private DataAccessResult BeginEntries(AxdrReader parameters, ArrayCursor cursor)
        {
            int count;
            long fromEntry;
            long toEntry;
            long fromColumn;
            long toColumn;
            if (parameters.ReadStructure(out count) != AxdrStatus.Ok || count != 4
                || parameters.ReadInt64Any(out fromEntry) != AxdrStatus.Ok
                || parameters.ReadInt64Any(out toEntry) != AxdrStatus.Ok
                || parameters.ReadInt64Any(out fromColumn) != AxdrStatus.Ok
                || parameters.ReadInt64Any(out toColumn) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (fromEntry < 0 || toEntry < 0 || fromColumn < 0 || toColumn < 0
                || (toEntry != 0 && fromEntry > toEntry))
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            int mask;
            DataAccessResult result = ColumnRange(fromColumn, toColumn, out mask);
            if (result != DataAccessResult.Success)
            {
                return result;
            }
            long inUse = EntriesInUse;
            long first = fromEntry == 0 ? 1 : fromEntry;
            long last = toEntry == 0 || toEntry > inUse ? inUse : toEntry;
            int rows = first > last ? 0 : (int)(last - first + 1);
            cursor.ColumnMask = mask;
            SetRun(cursor, 0, rows == 0 ? _oldestSeq : _oldestSeq + (int)(first - 1), rows);
            cursor.Count = rows;
            return DataAccessResult.Success;
        }

        /// <summary>Columns from..to (1-based, to 0 = the last) as a mask.</summary>
        private DataAccessResult ColumnRange(long fromColumn, long toColumn, out int mask)
        {
            mask = 0;
            long first = fromColumn == 0 ? 1 : fromColumn;
            long last = toColumn == 0 ? _columnCount : toColumn;
            if (_columnCount == 0)
            {
                // Nothing to select from: only "all columns" makes sense.
                return fromColumn <= 1 && toColumn == 0 ? DataAccessResult.Success : DataAccessResult.ScopeOfAccessViolated;
            }
            if (first > last || last > _columnCount)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            for (long c = first; c <= last; c++)
            {
                mask |= 1 << (int)(c - 1);
            }
            return DataAccessResult.Success;
        }

        private int AllColumns()
        {
            return _columnCount >= 32 ? -1 : (1 << _columnCount) - 1;
        }


        // ----------------------------------------------------------------------------------
        // Runs of sequence numbers in the cursor (see the cursor layout above).
        // ----------------------------------------------------------------------------------

        private static void SetRun(ArrayCursor cursor, int run, int start, int length)
        {
            switch (run)
            {
                case 0:
                    cursor.From = start;
                    cursor.To = length;
                    break;
                case 1:
                    cursor.FirstColumn = start;
                    cursor.ColumnCount = length;
                    break;
                default:
                    cursor.Tag = ((long)start << 32) | (uint)length;
                    break;
            }
        }

        /// <summary>Sequence number of element <paramref name="index"/> of the selection.</summary>
        private static int SequenceOf(ArrayCursor cursor, int index)
        {
            if (index < cursor.To)
            {
                return cursor.From + index;
            }
            index -= cursor.To;
            if (index < cursor.ColumnCount)
            {
                return cursor.FirstColumn + index;
            }
            index -= cursor.ColumnCount;
            return (int)(cursor.Tag >> 32) + index;
        }
    }
}
