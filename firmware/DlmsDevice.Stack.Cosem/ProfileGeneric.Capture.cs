using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>Capture into the ring, reset, and reading a slot.</content>
    public sealed partial class ProfileGeneric
    {
        /// <summary>Told around every capture (null = nobody): e.g. the meter, for the billing profile. Configuration time.</summary>
        public IProfileCaptureObserver CaptureObserver { get; set; }

        /// <summary>Takes one row now (method 2, capture), reading the capture objects with a context of this object's own.</summary>
        /// <returns>False when there is nothing to capture (no columns).</returns>
        public bool Capture()
        {
            return Capture(_workspace.Context);
        }

        /// <summary>
        /// Takes one row now: reads every capture object's attribute into its slot; when the ring
        /// is full the oldest row is overwritten first. A value that fails to read or does not
        /// fit its slot is stored as null-data.
        /// </summary>
        /// <param name="context">Passed to the capture objects' GetAttribute (null = this object's own).</param>
        /// <returns>False when there is nothing to capture (no columns).</returns>
        public bool Capture(CosemContext context)
        {
            if (_columnCount == 0 || _capacity == 0)
            {
                return false;
            }
            if (context == null)
            {
                context = _workspace.Context;
            }
            IProfileCaptureObserver observer = CaptureObserver;
            if (observer != null && !observer.BeforeCapture(this))
            {
                return true;
            }
            int seq = _nextSeq;
            // Retire the row being overwritten before its bytes change.
            if (seq - _oldestSeq >= _capacity)
            {
                _oldestSeq = seq - _capacity + 1;
            }
            int row;
            byte[] rows = _rows.BeginWrite(seq, out row);
            for (int c = 0; c < _columnCount; c++)
            {
                CaptureColumn(c, rows, row + _offsets[c], context);
            }
            // A store-backed ring saves the row here: it is durable (or its failure known)
            // before the row can be read.
            _rows.EndWrite(seq, _oldestSeq);
            _nextSeq = seq + 1;
            if (observer != null)
            {
                observer.AfterCapture(this);
            }
            return true;
        }

        /// <summary>Empties the buffer (method 1, reset): entries_in_use becomes 0. A store-backed ring records it.</summary>
        public void Reset()
        {
            _oldestSeq = _nextSeq;
            _rows.Clear(_rowWidth, _capacity, _nextSeq);
        }

        private void CaptureColumn(int column, byte[] rows, int slot, CosemContext context)
        {
            int width = _widths[column];
            int dataIndex = _dataIndexes[column];
            if (dataIndex == 0)
            {
                _workspace.Writer.Reset(rows, slot, width);
                DataAccessResult result = _objects[column].GetAttribute(_attributes[column], 0, null, _workspace.Writer, context);
                if (result != DataAccessResult.Success || _workspace.Writer.Overflow || _workspace.Writer.Length == 0)
                {
                    rows[slot] = (byte)DataType.NullData;
                }
                return;
            }
            int start;
            int length;
            if (!ReadElement(_objects[column], _attributes[column], dataIndex, context, out start, out length) || length > width)
            {
                rows[slot] = (byte)DataType.NullData;
                return;
            }
            Array.Copy(_workspace.Scratch, start, rows, slot, length);
        }

        /// <summary>
        /// Reads an attribute into the scratch buffer and finds element <paramref name="dataIndex"/>
        /// (1-based) of the structure or array it is.
        /// </summary>
        private bool ReadElement(CosemObject obj, int attributeId, int dataIndex, CosemContext context, out int start, out int length)
        {
            start = 0;
            length = 0;
            _workspace.Writer.Reset(_workspace.Scratch, 0, _workspace.Scratch.Length);
            if (obj.GetAttribute(attributeId, 0, null, _workspace.Writer, context) != DataAccessResult.Success || _workspace.Writer.Overflow)
            {
                return false;
            }
            _workspace.Reader.Reset(_workspace.Scratch, 0, _workspace.Writer.Length);
            DataType tag;
            int count;
            if (_workspace.Reader.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return false;
            }
            AxdrStatus status = tag == DataType.Array ? _workspace.Reader.ReadArray(out count) : _workspace.Reader.ReadStructure(out count);
            if (status != AxdrStatus.Ok || dataIndex > count)
            {
                return false;
            }
            for (int i = 1; i < dataIndex; i++)
            {
                if (_workspace.Reader.SkipValue() != AxdrStatus.Ok)
                {
                    return false;
                }
            }
            start = _workspace.Reader.Position;
            if (_workspace.Reader.SkipValue() != AxdrStatus.Ok)
            {
                return false;
            }
            length = _workspace.Reader.Position - start;
            return true;
        }

        /// <summary>True while the row with sequence number <paramref name="seq"/> is in the buffer.</summary>
        private bool IsHeld(int seq)
        {
            return seq - _oldestSeq >= 0 && _nextSeq - seq > 0;
        }

        /// <summary>Length of the encoded value at <paramref name="offset"/> of <paramref name="rows"/> in a slot of <paramref name="width"/> bytes.</summary>
        private int SlotLength(byte[] rows, int offset, int width)
        {
            int size = FixedEncodedSize((DataType)rows[offset]);
            if (size > 0)
            {
                return size;
            }
            _workspace.Reader.Reset(rows, offset, width);
            if (_workspace.Reader.SkipValue() != AxdrStatus.Ok)
            {
                // Cannot happen for bytes a capture wrote; send null-data rather than garbage.
                return 0;
            }
            return _workspace.Reader.Position - offset;
        }
    }
}
