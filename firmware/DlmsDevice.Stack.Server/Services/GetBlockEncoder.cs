using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The resumable encoder behind GET-Response-With-Datablock: it hands out the bytes of one
    /// encoded value a block at a time and keeps only O(block) state. Where a transfer stands is
    /// in the association's <see cref="BlockTransferState"/>; the encoder itself keeps nothing
    /// between calls, so one instance serves every association of a server.
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
    internal sealed class GetBlockEncoder
    {
        private readonly AxdrWriter _writer;

        /// <summary>An encoder writing elements with <paramref name="writer"/> (the GET service's; it is not used by the service while the encoder runs).</summary>
        public GetBlockEncoder(AxdrWriter writer)
        {
            _writer = writer;
        }

        /// <summary>True while <paramref name="state"/> has something left to hand out.</summary>
        public static bool IsActive(BlockTransferState state)
        {
            return state.EncoderMode != BlockTransferState.EncoderIdle;
        }

        /// <summary>Serves <paramref name="length"/> bytes already encoded at the start of the transfer buffer.</summary>
        public static void StartBuffer(BlockTransferState state, int length)
        {
            Clear(state);
            state.EncoderMode = BlockTransferState.EncoderBuffer;
            state.Position = 0;
            state.End = length;
        }

        /// <summary>
        /// Serves an array attribute from <see cref="BlockTransferState.Cursor"/> (already set up
        /// by <see cref="CosemObject.BeginArray"/>), starting at element 0 with the array header.
        /// Returns false when the header does not fit the transfer buffer (never in practice).
        /// </summary>
        public bool StartArray(BlockTransferState state, CosemObject target, int attributeId)
        {
            Clear(state);
            state.Target = target;
            state.AttributeId = attributeId;
            ArrayCursor cursor = state.Cursor;
            cursor.Index = 0;
            byte[] buffer = state.Buffer;
            _writer.Reset(buffer, 0, buffer.Length);
            if (!_writer.WriteArray(cursor.Count))
            {
                Clear(state);
                return false;
            }
            state.EncoderMode = BlockTransferState.EncoderArray;
            state.Position = 0;
            state.End = _writer.Length;
            return true;
        }

        /// <summary>Forgets the transfer and drops the object reference it held.</summary>
        public static void Clear(BlockTransferState state)
        {
            state.EncoderMode = BlockTransferState.EncoderIdle;
            state.Position = 0;
            state.End = 0;
            state.Target = null;
            state.AttributeId = 0;
        }

        /// <summary>
        /// Writes the next bytes of the value into <paramref name="destination"/>, at most
        /// <paramref name="capacity"/>. <paramref name="done"/> is true when the value is
        /// complete with these bytes. A failure of the object (or an element larger than the
        /// transfer buffer) returns its data-access result; the caller ends the transfer.
        /// </summary>
        public DataAccessResult Fill(BlockTransferState state, CosemContext context, byte[] destination, int offset, int capacity,
            out int written, out bool done)
        {
            written = 0;
            done = false;
            if (state.EncoderMode == BlockTransferState.EncoderIdle)
            {
                return DataAccessResult.NoLongGetInProgress;
            }
            byte[] buffer = state.Buffer;
            ArrayCursor cursor = state.Cursor;
            int n = 0;
            while (true)
            {
                int pending = state.End - state.Position;
                if (pending > 0)
                {
                    int take = pending < capacity - n ? pending : capacity - n;
                    Array.Copy(buffer, state.Position, destination, offset + n, take);
                    n += take;
                    state.Position += take;
                    if (state.Position < state.End)
                    {
                        break;
                    }
                }
                if (state.EncoderMode == BlockTransferState.EncoderBuffer || cursor.Index >= cursor.Count)
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
                DataAccessResult result = state.Target.WriteArrayElement(state.AttributeId, cursor, _writer, context);
                if (!_writer.Overflow)
                {
                    if (result != DataAccessResult.Success)
                    {
                        written = n;
                        return result;
                    }
                    n += _writer.Length;
                    cursor.Index++;
                    continue;
                }
                _writer.Reset(buffer, 0, buffer.Length);
                result = state.Target.WriteArrayElement(state.AttributeId, cursor, _writer, context);
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
                state.Position = 0;
                state.End = _writer.Length;
                cursor.Index++;
            }
            written = n;
            return DataAccessResult.Success;
        }
    }
}
