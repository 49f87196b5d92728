using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The GET service (Green Book, xDLMS GET): decodes GET-Request-Normal / -Next / -With-List,
    /// reads the attributes straight into the response buffer and answers GET-Response-Normal,
    /// -With-List or -With-Datablock. Holds only what one request needs (decoders, encoder):
    /// a long GET's progress is in the association's <see cref="BlockTransferState"/>, so one
    /// instance serves every association of a server, one request at a time.
    /// </summary>
    /// <remarks>
    /// Block transfer: a value that does not fit the client's max receive PDU is sent in
    /// datablocks (needs block-transfer-with-get in the negotiated conformance; otherwise the
    /// answer is data-access-result other-reason). Block n+1 is sent when GET-Request-Next
    /// acknowledges block n. Memory stays O(block): see <see cref="GetBlockEncoder"/>.
    /// </remarks>
    internal sealed class GetService
    {
        // C4 01 iid 00 | 01 dar
        private const int NormalHeaderLength = 4;
        // C4 02 iid last block-number(4) choice
        private const int DatablockFixedLength = 9;
        // C4 03 iid
        private const int ListHeaderLength = 3;

        private readonly GetBlockEncoder _encoder;
        private readonly AxdrReader _reader;
        private readonly AxdrReader _parameters;
        private readonly AxdrWriter _writer;
        private readonly CosemAttributeDescriptor _descriptor;

        // The association being served (set for the duration of Handle).
        private BlockTransferState _state;

        /// <summary>Creates the service over the decoders the three services share.</summary>
        public GetService(ServiceWorkspace workspace)
        {
            _reader = workspace.Request;
            _parameters = workspace.Values;
            _writer = workspace.Writer;
            _descriptor = workspace.Attribute;
            _encoder = new GetBlockEncoder(workspace.Writer);
        }

        /// <summary>
        /// Handles one GET-Request APDU (<paramref name="request"/>[<paramref name="offset"/>] is
        /// the C0 tag) of the association whose block transfer is <paramref name="state"/> and
        /// writes the response at <paramref name="responseOffset"/>, using at most
        /// <paramref name="limit"/> bytes. Returns the response length.
        /// </summary>
        public int Handle(byte[] request, int offset, int count, byte[] response, int responseOffset, int limit,
            CosemContext context, BlockTransferState state)
        {
            _state = state;
            int length = Serve(request, offset, count, response, responseOffset, limit, context);
            _state = null;
            return length;
        }

        // Ends a long GET in progress. The dispatcher has ended any other service's transfer
        // before this one runs, so whatever the state holds is this service's.
        private void Abort()
        {
            _state.Clear();
        }

        private int Serve(byte[] request, int offset, int count, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            if (count < 3)
            {
                Abort();
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            byte type = request[offset + 1];
            byte invokeId = request[offset + 2];
            int conformance = context.NegotiatedConformance;
            if (type != (byte)GetRequestType.Next)
            {
                // A new GET ends a long GET in progress (Green Book: the client aborts a long
                // GET by sending a new GET.request).
                Abort();
            }
            if (type < (byte)GetRequestType.Normal || type > (byte)GetRequestType.WithList)
            {
                return ServiceExceptions.UnknownService(response, responseOffset, limit);
            }
            if ((conformance & Conformance.Get) == 0
                || (type == (byte)GetRequestType.Next && (conformance & Conformance.BlockTransferWithGetOrRead) == 0)
                || (type == (byte)GetRequestType.WithList && (conformance & Conformance.MultipleReferences) == 0))
            {
                Abort();
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            _reader.Reset(request, offset + 3, count - 3);
            if (type == (byte)GetRequestType.Normal)
            {
                return HandleNormal(invokeId, response, responseOffset, limit, context);
            }
            if (type == (byte)GetRequestType.Next)
            {
                return HandleNext(invokeId, response, responseOffset, limit, context);
            }
            return HandleWithList(invokeId, response, responseOffset, limit, context);
        }

        private int HandleNormal(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            if (_descriptor.Read(_reader, true) != AxdrStatus.Ok || _reader.Remaining != 0)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (_descriptor.HasSelection && (context.NegotiatedConformance & Conformance.SelectiveAccess) == 0)
            {
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            CosemObject target;
            DataAccessResult result = AccessControl.CheckRead(context.Objects, _descriptor, context.RequestProtection, out target);
            if (result != DataAccessResult.Success)
            {
                return WriteNormalError(invokeId, result, response, responseOffset);
            }
            int attributeId = _descriptor.AttributeId;
            int selector = _descriptor.Selector;
            bool blocksAllowed = (context.NegotiatedConformance & Conformance.BlockTransferWithGetOrRead) != 0;

            ArrayCursor cursor = _state.Cursor;
            cursor.Reset();
            DataAccessResult begin;
            if (target.BeginArray(attributeId, selector, Parameters(), cursor, context, out begin))
            {
                if (begin != DataAccessResult.Success)
                {
                    return WriteNormalError(invokeId, begin, response, responseOffset);
                }
                if (!_encoder.StartArray(_state, target, attributeId))
                {
                    return WriteNormalError(invokeId, DataAccessResult.OtherReason, response, responseOffset);
                }
                int written;
                bool done;
                result = _encoder.Fill(_state, context, response, responseOffset + NormalHeaderLength, limit - NormalHeaderLength, out written, out done);
                if (result != DataAccessResult.Success)
                {
                    GetBlockEncoder.Clear(_state);
                    return WriteNormalError(invokeId, result, response, responseOffset);
                }
                if (done)
                {
                    GetBlockEncoder.Clear(_state);
                    return WriteNormalHeader(invokeId, response, responseOffset) + written;
                }
                if (!blocksAllowed)
                {
                    GetBlockEncoder.Clear(_state);
                    return WriteNormalError(invokeId, DataAccessResult.OtherReason, response, responseOffset);
                }
                // Does not fit one APDU: start again from element 0, this time in datablocks.
                _encoder.StartArray(_state, target, attributeId);
                return WriteNextBlock(invokeId, response, responseOffset, limit, context);
            }

            _writer.Reset(response, responseOffset + NormalHeaderLength, limit - NormalHeaderLength);
            result = target.GetAttribute(attributeId, selector, Parameters(), _writer, context);
            if (!_writer.Overflow)
            {
                if (result != DataAccessResult.Success)
                {
                    return WriteNormalError(invokeId, result, response, responseOffset);
                }
                return WriteNormalHeader(invokeId, response, responseOffset) + _writer.Length;
            }
            if (!blocksAllowed)
            {
                return WriteNormalError(invokeId, DataAccessResult.OtherReason, response, responseOffset);
            }
            // A plain attribute larger than one APDU: encode it once into the transfer buffer
            // and serve the blocks from there.
            _writer.Reset(_state.Buffer, 0, _state.Buffer.Length);
            result = target.GetAttribute(attributeId, selector, Parameters(), _writer, context);
            if (_writer.Overflow)
            {
                return WriteNormalError(invokeId, DataAccessResult.OtherReason, response, responseOffset);
            }
            if (result != DataAccessResult.Success)
            {
                return WriteNormalError(invokeId, result, response, responseOffset);
            }
            GetBlockEncoder.StartBuffer(_state, _writer.Length);
            return WriteNextBlock(invokeId, response, responseOffset, limit, context);
        }

        private int HandleNext(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            uint acknowledged;
            if (_reader.ReadUInt32(out acknowledged) != AxdrStatus.Ok || _reader.Remaining != 0)
            {
                Abort();
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (_state.Active != LongTransaction.Get || !GetBlockEncoder.IsActive(_state))
            {
                Abort();
                return WriteBlockError(invokeId, acknowledged, DataAccessResult.NoLongGetInProgress, response, responseOffset);
            }
            if (acknowledged != _state.BlockNumber)
            {
                // Green Book: the block number must be the one of the last block sent; the
                // long GET ends.
                Abort();
                return WriteBlockError(invokeId, acknowledged, DataAccessResult.DataBlockNumberInvalid, response, responseOffset);
            }
            return WriteNextBlock(invokeId, response, responseOffset, limit, context);
        }

        private int HandleWithList(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            // Validate the whole list first: nothing is read from an object for a malformed request.
            int listStart = _reader.Position;
            int count;
            if (_reader.ReadLength(out count) != AxdrStatus.Ok)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            bool anySelection = false;
            for (int i = 0; i < count; i++)
            {
                if (_descriptor.Read(_reader, true) != AxdrStatus.Ok)
                {
                    return ServiceExceptions.Malformed(response, responseOffset, limit);
                }
                anySelection |= _descriptor.HasSelection;
            }
            if (_reader.Remaining != 0)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (anySelection && (context.NegotiatedConformance & Conformance.SelectiveAccess) == 0)
            {
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }

            _writer.Reset(response, responseOffset + ListHeaderLength, limit - ListHeaderLength);
            if (EncodeList(listStart, false, context))
            {
                return WriteListHeader(invokeId, response, responseOffset) + _writer.Length;
            }
            if ((context.NegotiatedConformance & Conformance.BlockTransferWithGetOrRead) != 0)
            {
                // The SEQUENCE OF Get-Data-Result goes into the transfer buffer and out in
                // datablocks; an item larger than the buffer becomes other-reason.
                _writer.Reset(_state.Buffer, 0, _state.Buffer.Length);
                if (EncodeList(listStart, true, context))
                {
                    GetBlockEncoder.StartBuffer(_state, _writer.Length);
                    return WriteNextBlock(invokeId, response, responseOffset, limit, context);
                }
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            // No block transfer: every item that does not fit becomes other-reason.
            _writer.Reset(response, responseOffset + ListHeaderLength, limit - ListHeaderLength);
            if (EncodeList(listStart, true, context))
            {
                return WriteListHeader(invokeId, response, responseOffset) + _writer.Length;
            }
            return ServiceExceptions.CannotRespond(response, responseOffset, limit);
        }

        // Writes "count, Get-Data-Result*" at _writer. With substitute, an item that overflows is
        // replaced by data-access-result other-reason; returns false on an overflow it could not absorb.
        private bool EncodeList(int listStart, bool substitute, CosemContext context)
        {
            _reader.Position = listStart;
            int count;
            _reader.ReadLength(out count);
            if (!_writer.WriteLength(count))
            {
                return false;
            }
            for (int i = 0; i < count; i++)
            {
                _descriptor.Read(_reader, true);
                int mark = _writer.Position;
                CosemObject target;
                DataAccessResult result = AccessControl.CheckRead(context.Objects, _descriptor, context.RequestProtection, out target);
                if (result == DataAccessResult.Success)
                {
                    // Get-Data-Result: data [0]
                    _writer.WriteByte(0);
                    result = target.GetAttribute(_descriptor.AttributeId, _descriptor.Selector, Parameters(), _writer, context);
                    if (_writer.Overflow)
                    {
                        if (!substitute)
                        {
                            return false;
                        }
                        result = DataAccessResult.OtherReason;
                    }
                    else if (result == DataAccessResult.Success)
                    {
                        continue;
                    }
                }
                // Get-Data-Result: data-access-result [1]
                _writer.Rewind(mark);
                if (!_writer.WriteByte(1) || !_writer.WriteByte((byte)result))
                {
                    return false;
                }
            }
            return true;
        }

        private AxdrReader Parameters()
        {
            if (!_descriptor.HasSelection)
            {
                return null;
            }
            _parameters.Reset(_descriptor.Buffer, _descriptor.ParametersOffset, _descriptor.ParametersLength);
            return _parameters;
        }

        // GET-Response-With-Datablock carrying the next slice of the value:
        // C4 02 iid last-block block-number(4) 00 <raw-data length> <raw-data>.
        private int WriteNextBlock(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            // The raw-data length field is at most as long as the length of the largest block.
            int lengthSize = AxdrWriter.LengthSize(limit - DatablockFixedLength - 1);
            int rawStart = responseOffset + DatablockFixedLength + lengthSize;
            int capacity = limit - DatablockFixedLength - lengthSize;
            int written;
            bool done;
            DataAccessResult result = _encoder.Fill(_state, context, response, rawStart, capacity, out written, out done);
            uint blockNumber = _state.BlockNumber + 1;
            if (result != DataAccessResult.Success)
            {
                // The value cannot be completed: DataBlock-G result data-access-result, last block.
                Abort();
                return WriteBlockError(invokeId, blockNumber, result, response, responseOffset);
            }
            _state.BlockNumber = blockNumber;
            int actualLengthSize = AxdrWriter.LengthSize(written);
            if (actualLengthSize < lengthSize)
            {
                Array.Copy(response, rawStart, response, responseOffset + DatablockFixedLength + actualLengthSize, written);
            }
            _writer.Reset(response, responseOffset, limit);
            _writer.WriteByte(ApduTag.GetResponse);
            _writer.WriteByte((byte)GetResponseType.WithDatablock);
            _writer.WriteByte(invokeId);
            _writer.WriteByte(done ? (byte)1 : (byte)0);
            _writer.WriteUInt32(blockNumber);
            _writer.WriteByte(0);
            _writer.WriteLength(written);
            if (done)
            {
                _state.Clear();
            }
            else
            {
                _state.Active = LongTransaction.Get;
            }
            return DatablockFixedLength + actualLengthSize + written;
        }

        // C4 02 iid 01 block-number(4) 01 dar: the long GET ends with an error.
        private static int WriteBlockError(byte invokeId, uint blockNumber, DataAccessResult result, byte[] response, int offset)
        {
            response[offset] = ApduTag.GetResponse;
            response[offset + 1] = (byte)GetResponseType.WithDatablock;
            response[offset + 2] = invokeId;
            response[offset + 3] = 1;
            BigEndian.WriteUInt32(response, offset + 4, blockNumber);
            response[offset + 8] = 1;
            response[offset + 9] = (byte)result;
            return 10;
        }

        private static int WriteNormalHeader(byte invokeId, byte[] response, int offset)
        {
            response[offset] = ApduTag.GetResponse;
            response[offset + 1] = (byte)GetResponseType.Normal;
            response[offset + 2] = invokeId;
            response[offset + 3] = 0;
            return NormalHeaderLength;
        }

        // C4 01 iid 01 dar
        private static int WriteNormalError(byte invokeId, DataAccessResult result, byte[] response, int offset)
        {
            response[offset] = ApduTag.GetResponse;
            response[offset + 1] = (byte)GetResponseType.Normal;
            response[offset + 2] = invokeId;
            response[offset + 3] = 1;
            response[offset + 4] = (byte)result;
            return 5;
        }

        private static int WriteListHeader(byte invokeId, byte[] response, int offset)
        {
            response[offset] = ApduTag.GetResponse;
            response[offset + 1] = (byte)GetResponseType.WithList;
            response[offset + 2] = invokeId;
            return ListHeaderLength;
        }
    }
}
