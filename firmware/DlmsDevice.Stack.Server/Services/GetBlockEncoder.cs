using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The resumable encoder behind GET-Response-With-Datablock: it hands out the bytes of one
    /// encoded value a block at a time and keeps only O(block) state.
    /// </summary>
    /// <remarks>
    /// Two sources:
    /// - <b>array</b>: an attribute the object offers element by element
    ///   (<see cref="CosemObject.BeginArray"/>). The array header is produced first, then each
    ///   element is written straight into the block; an element that does not fit the space left
    ///   is written whole into the transfer buffer and handed out in slices across blocks. Memory:
    ///   the largest element, never the whole attribute.
    /// - <b>buffer</b>: a value already encoded into the transfer buffer (a plain attribute that
    ///   overflowed one APDU, a GET-with-list result list).
    /// </remarks>
    public sealed class GetBlockEncoder
    {
        private const int ModeNone = 0;
        private const int ModeBuffer = 1;
        private const int ModeArray = 2;

        private readonly byte[] _buffer;
        private readonly AxdrWriter _writer = new AxdrWriter();
        private int _mode;

        // Bytes not yet handed out: _buffer[_pendingPosition.._pendingEnd).
        private int _pendingPosition;
        private int _pendingEnd;

        private CosemObject _target;
        private int _attributeId;
        private ArrayCursor _cursor;
        private CosemContext _context;

        /// <summary>Creates an encoder that uses <paramref name="buffer"/> (the association's transfer buffer).</summary>
        public GetBlockEncoder(byte[] buffer)
        {
            _buffer = buffer;
        }

        /// <summary>True while there is something left to hand out.</summary>
        public bool Active
        {
            get { return _mode != ModeNone; }
        }

        /// <summary>Serves <paramref name="length"/> bytes already encoded at the start of the transfer buffer.</summary>
        public void StartBuffer(int length)
        {
            Clear();
            _mode = ModeBuffer;
            _pendingPosition = 0;
            _pendingEnd = length;
        }

        /// <summary>
        /// Serves an array attribute from <paramref name="cursor"/> (already set up by
        /// <see cref="CosemObject.BeginArray"/>), starting at element 0 with the array header.
        /// Returns false when the header does not fit the transfer buffer (never in practice).
        /// </summary>
        public bool StartArray(CosemObject target, int attributeId, ArrayCursor cursor, CosemContext context)
        {
            Clear();
            _target = target;
            _attributeId = attributeId;
            _cursor = cursor;
            _context = context;
            cursor.Index = 0;
            _writer.Reset(_buffer, 0, _buffer.Length);
            if (!_writer.WriteArray(cursor.Count))
            {
                Clear();
                return false;
            }
            _mode = ModeArray;
            _pendingPosition = 0;
            _pendingEnd = _writer.Length;
            return true;
        }

        /// <summary>Forgets the transfer and drops the references it held.</summary>
        public void Clear()
        {
            _mode = ModeNone;
            _pendingPosition = 0;
            _pendingEnd = 0;
            _target = null;
            _cursor = null;
            _context = null;
            _attributeId = 0;
        }

        /// <summary>
        /// Writes the next bytes of the value into <paramref name="destination"/>, at most
        /// <paramref name="capacity"/>. <paramref name="done"/> is true when the value is
        /// complete with these bytes. A failure of the object (or an element larger than the
        /// transfer buffer) returns its data-access result; the caller ends the transfer.
        /// </summary>
        public DataAccessResult Fill(byte[] destination, int offset, int capacity, out int written, out bool done)
        {
            written = 0;
            done = false;
            if (_mode == ModeNone)
            {
                return DataAccessResult.NoLongGetInProgress;
            }
            int n = 0;
            while (true)
            {
                int pending = _pendingEnd - _pendingPosition;
                if (pending > 0)
                {
                    int take = pending < capacity - n ? pending : capacity - n;
                    Array.Copy(_buffer, _pendingPosition, destination, offset + n, take);
                    n += take;
                    _pendingPosition += take;
                    if (_pendingPosition < _pendingEnd)
                    {
                        break;
                    }
                }
                if (_mode == ModeBuffer || _cursor.Index >= _cursor.Count)
                {
                    done = true;
                    break;
                }
                if (n == capacity)
                {
                    break;
                }
                // Element straight into the block; if it does not fit, whole into the buffer
                // and out in slices. WriteArrayElement must give the same bytes when asked twice.
                _writer.Reset(destination, offset + n, capacity - n);
                DataAccessResult result = _target.WriteArrayElement(_attributeId, _cursor, _writer, _context);
                if (!_writer.Overflow)
                {
                    if (result != DataAccessResult.Success)
                    {
                        written = n;
                        return result;
                    }
                    n += _writer.Length;
                    _cursor.Index++;
                    continue;
                }
                _writer.Reset(_buffer, 0, _buffer.Length);
                result = _target.WriteArrayElement(_attributeId, _cursor, _writer, _context);
                if (_writer.Overflow)
                {
                    written = n;
                    return DataAccessResult.OtherReason;
                }
                if (result != DataAccessResult.Success)
                {
                    written = n;
                    return result;
                }
                _pendingPosition = 0;
                _pendingEnd = _writer.Length;
                _cursor.Index++;
            }
            written = n;
            return DataAccessResult.Success;
        }
    }
}
