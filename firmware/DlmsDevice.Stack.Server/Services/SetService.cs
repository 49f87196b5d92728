using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The SET service (Green Book, xDLMS SET): SET-Request-Normal, -With-List,
    /// -With-First-Datablock, -With-Datablock and -With-List-And-First-Datablock, answered with
    /// SET-Response-Normal, -With-List, -Datablock, -Last-Datablock and
    /// -Last-Datablock-With-List. Holds only what one request needs: a long SET's progress is in
    /// the association's <see cref="BlockTransferState"/>, so one instance serves every
    /// association of a server, one request at a time.
    /// </summary>
    /// <remarks>
    /// A value sent in datablocks is reassembled in the transfer buffer (its descriptors are
    /// copied to the front of the buffer, the raw-data appended behind them) and applied when
    /// the last block arrives. A value larger than the buffer ends the transfer with other-reason.
    /// SET with an access-selection is answered scope-of-access-violated: no COSEM object here
    /// supports selective writing.
    /// </remarks>
    internal sealed class SetService
    {
        private readonly AxdrReader _reader;
        private readonly AxdrReader _values;
        private readonly AxdrReader _value;
        private readonly AxdrWriter _writer;
        private readonly CosemAttributeDescriptor _descriptor;
        private readonly DataBlockSa _block;

        // The association being served (set for the duration of Handle). A long SET keeps its
        // descriptors in Buffer[0..HeaderLength) and the raw-data in Buffer[HeaderLength..DataEnd).
        private BlockTransferState _state;

        /// <summary>Creates the service over the decoders the three services share.</summary>
        public SetService(ServiceWorkspace workspace)
        {
            _reader = workspace.Request;
            _values = workspace.Values;
            _value = workspace.Value;
            _writer = workspace.Writer;
            _descriptor = workspace.Attribute;
            _block = workspace.Block;
        }

        /// <summary>
        /// Handles one SET-Request APDU (<paramref name="request"/>[<paramref name="offset"/>] is
        /// the C1 tag) of the association whose block transfer is <paramref name="state"/> and
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

        // Ends a long SET in progress; the data received so far is dropped. The dispatcher has
        // ended any other service's transfer before this one runs.
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
            if (type != (byte)SetRequestType.WithDatablock)
            {
                // Any new SET ends a long SET in progress.
                Abort();
            }
            if (type < (byte)SetRequestType.Normal || type > (byte)SetRequestType.WithListAndFirstDatablock)
            {
                return ServiceExceptions.UnknownService(response, responseOffset, limit);
            }
            int conformance = context.NegotiatedConformance;
            bool list = type == (byte)SetRequestType.WithList || type == (byte)SetRequestType.WithListAndFirstDatablock;
            bool blocks = type == (byte)SetRequestType.WithFirstDatablock || type == (byte)SetRequestType.WithDatablock
                || type == (byte)SetRequestType.WithListAndFirstDatablock;
            if ((conformance & Conformance.Set) == 0
                || (list && (conformance & Conformance.MultipleReferences) == 0)
                || (blocks && (conformance & Conformance.BlockTransferWithSetOrWrite) == 0))
            {
                Abort();
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            _reader.Reset(request, offset + 3, count - 3);
            switch (type)
            {
                case (byte)SetRequestType.Normal:
                    return HandleNormal(invokeId, response, responseOffset, limit, context);
                case (byte)SetRequestType.WithList:
                    return HandleWithList(invokeId, response, responseOffset, limit, context);
                case (byte)SetRequestType.WithDatablock:
                    return HandleWithDatablock(invokeId, response, responseOffset, limit, context);
                default:
                    return HandleFirstDatablock(invokeId, type == (byte)SetRequestType.WithListAndFirstDatablock, response, responseOffset, limit, context);
            }
        }

        private int HandleNormal(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            if (_descriptor.Read(_reader, true) != AxdrStatus.Ok)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            int valueStart = _reader.Position;
            if (_reader.SkipValue() != AxdrStatus.Ok || _reader.Remaining != 0)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (_descriptor.HasSelection && (context.NegotiatedConformance & Conformance.SelectiveAccess) == 0)
            {
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            _value.Reset(_reader.Buffer, valueStart, _reader.Position - valueStart);
            DataAccessResult result = Apply(_value, context);
            return WriteNormal(invokeId, result, response, responseOffset);
        }

        private int HandleWithList(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            int listStart = _reader.Position;
            int count;
            bool anySelection;
            if (!ReadDescriptorList(_reader, out count, out anySelection))
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            int valuesStart = _reader.Position;
            int valueCount;
            if (_reader.ReadLength(out valueCount) != AxdrStatus.Ok || valueCount != count)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            for (int i = 0; i < valueCount; i++)
            {
                if (_reader.SkipValue() != AxdrStatus.Ok)
                {
                    return ServiceExceptions.Malformed(response, responseOffset, limit);
                }
            }
            if (_reader.Remaining != 0)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (anySelection && (context.NegotiatedConformance & Conformance.SelectiveAccess) == 0)
            {
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            // C5 05 iid count dar*
            int needed = 3 + AxdrWriter.LengthSize(count) + count;
            if (needed > limit)
            {
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            response[responseOffset] = ApduTag.SetResponse;
            response[responseOffset + 1] = (byte)SetResponseType.WithList;
            response[responseOffset + 2] = invokeId;
            int position = WriteCount(count, response, responseOffset + 3, limit - 3);
            _reader.Position = listStart;
            int listCount;
            _reader.ReadLength(out listCount);
            _values.Reset(_reader.Buffer, valuesStart, _reader.End - valuesStart);
            ApplyList(count, response, position, context);
            return needed;
        }

        private int HandleFirstDatablock(byte invokeId, bool list, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            int headerStart = _reader.Position;
            int count = 1;
            bool anySelection;
            if (list)
            {
                if (!ReadDescriptorList(_reader, out count, out anySelection))
                {
                    return ServiceExceptions.Malformed(response, responseOffset, limit);
                }
            }
            else
            {
                if (_descriptor.Read(_reader, true) != AxdrStatus.Ok)
                {
                    return ServiceExceptions.Malformed(response, responseOffset, limit);
                }
                anySelection = _descriptor.HasSelection;
            }
            int headerEnd = _reader.Position;
            if (_block.Read(_reader) != AxdrStatus.Ok)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (anySelection && (context.NegotiatedConformance & Conformance.SelectiveAccess) == 0)
            {
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            if (list && 3 + AxdrWriter.LengthSize(count) + count + 4 > limit)
            {
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            _state.IsList = list;
            _state.ListCount = count;
            if (_block.BlockNumber != 1)
            {
                return Fail(invokeId, _block.BlockNumber, DataAccessResult.DataBlockNumberInvalid, response, responseOffset);
            }
            if (!list)
            {
                // Refuse early: no point receiving a value that cannot be written.
                CosemObject target;
                DataAccessResult access = AccessControl.CheckWrite(context.Objects, _descriptor, context.RequestProtection, out target);
                if (access == DataAccessResult.Success && _descriptor.HasSelection)
                {
                    access = DataAccessResult.ScopeOfAccessViolated;
                }
                if (access != DataAccessResult.Success)
                {
                    return Fail(invokeId, 1, access, response, responseOffset);
                }
            }
            int headerLength = headerEnd - headerStart;
            byte[] buffer = _state.Buffer;
            if (headerLength + _block.RawLength > buffer.Length)
            {
                return Fail(invokeId, 1, DataAccessResult.OtherReason, response, responseOffset);
            }
            Array.Copy(_reader.Buffer, headerStart, buffer, 0, headerLength);
            Array.Copy(_reader.Buffer, _block.RawOffset, buffer, headerLength, _block.RawLength);
            _state.HeaderLength = headerLength;
            _state.DataEnd = headerLength + _block.RawLength;
            _state.BlockNumber = 1;
            _state.Active = LongTransaction.Set;
            if (_block.LastBlock)
            {
                return Complete(invokeId, response, responseOffset, context);
            }
            return WriteDatablockAck(invokeId, 1, response, responseOffset);
        }

        private int HandleWithDatablock(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            if (_block.Read(_reader) != AxdrStatus.Ok)
            {
                Abort();
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (_state.Active != LongTransaction.Set)
            {
                Abort();
                return WriteLastDatablock(invokeId, DataAccessResult.NoLongSetInProgress, _block.BlockNumber, response, responseOffset);
            }
            if (_block.BlockNumber != _state.BlockNumber + 1)
            {
                return Fail(invokeId, _block.BlockNumber, DataAccessResult.DataBlockNumberInvalid, response, responseOffset);
            }
            byte[] buffer = _state.Buffer;
            if (_state.DataEnd + _block.RawLength > buffer.Length)
            {
                return Fail(invokeId, _block.BlockNumber, DataAccessResult.OtherReason, response, responseOffset);
            }
            Array.Copy(_reader.Buffer, _block.RawOffset, buffer, _state.DataEnd, _block.RawLength);
            _state.DataEnd += _block.RawLength;
            _state.BlockNumber = _block.BlockNumber;
            if (_block.LastBlock)
            {
                return Complete(invokeId, response, responseOffset, context);
            }
            return WriteDatablockAck(invokeId, _state.BlockNumber, response, responseOffset);
        }

        // The last block arrived: decode the reassembled value(s) and write.
        private int Complete(byte invokeId, byte[] response, int responseOffset, CosemContext context)
        {
            byte[] buffer = _state.Buffer;
            uint blockNumber = _state.BlockNumber;
            bool list = _state.IsList;
            int count = _state.ListCount;
            int headerLength = _state.HeaderLength;
            _reader.Reset(buffer, 0, headerLength);
            _values.Reset(buffer, headerLength, _state.DataEnd - headerLength);
            if (!list)
            {
                _descriptor.Read(_reader, true);
                DataAccessResult result;
                int valueStart = _values.Position;
                if (_values.SkipValue() != AxdrStatus.Ok || _values.Remaining != 0)
                {
                    // The reassembled bytes are not one Data value.
                    result = DataAccessResult.TypeUnmatched;
                }
                else
                {
                    _value.Reset(buffer, valueStart, _values.Position - valueStart);
                    result = Apply(_value, context);
                }
                Abort();
                return WriteLastDatablock(invokeId, result, blockNumber, response, responseOffset);
            }
            int lengthSize = AxdrWriter.LengthSize(count);
            int resultsStart = responseOffset + 3 + lengthSize;
            if (!ValueList.IsValid(_values, count))
            {
                for (int i = 0; i < count; i++)
                {
                    response[resultsStart + i] = (byte)DataAccessResult.TypeUnmatched;
                }
            }
            else
            {
                int listCount;
                _reader.ReadLength(out listCount);
                ApplyList(count, response, resultsStart, context);
            }
            Abort();
            return WriteLastWithListHeader(invokeId, count, blockNumber, response, responseOffset);
        }

        // _reader is just behind the descriptor count, _values at the value count; writes one
        // data-access result per item at response[position..].
        private void ApplyList(int count, byte[] response, int position, CosemContext context)
        {
            int valueCount;
            _values.ReadLength(out valueCount);
            for (int i = 0; i < count; i++)
            {
                _descriptor.Read(_reader, true);
                int valueStart = _values.Position;
                _values.SkipValue();
                _value.Reset(_values.Buffer, valueStart, _values.Position - valueStart);
                response[position + i] = (byte)Apply(_value, context);
            }
        }

        // Access check, then the object's SetAttribute on the value in _value.
        private DataAccessResult Apply(AxdrReader value, CosemContext context)
        {
            CosemObject target;
            DataAccessResult result = AccessControl.CheckWrite(context.Objects, _descriptor, context.RequestProtection, out target);
            if (result != DataAccessResult.Success)
            {
                return result;
            }
            if (_descriptor.HasSelection)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            return target.SetAttribute(_descriptor.AttributeId, value, context);
        }

        private bool ReadDescriptorList(AxdrReader reader, out int count, out bool anySelection)
        {
            anySelection = false;
            if (reader.ReadLength(out count) != AxdrStatus.Ok)
            {
                return false;
            }
            for (int i = 0; i < count; i++)
            {
                if (_descriptor.Read(reader, true) != AxdrStatus.Ok)
                {
                    return false;
                }
                anySelection |= _descriptor.HasSelection;
            }
            return true;
        }

        // Ends the long SET with an error: Set-Response-Last-Datablock(-With-List) carrying the result.
        private int Fail(byte invokeId, uint blockNumber, DataAccessResult result, byte[] response, int responseOffset)
        {
            bool list = _state.IsList;
            int count = _state.ListCount;
            Abort();
            if (!list)
            {
                return WriteLastDatablock(invokeId, result, blockNumber, response, responseOffset);
            }
            int resultsStart = responseOffset + 3 + AxdrWriter.LengthSize(count);
            for (int i = 0; i < count; i++)
            {
                response[resultsStart + i] = (byte)result;
            }
            return WriteLastWithListHeader(invokeId, count, blockNumber, response, responseOffset);
        }

        // C5 01 iid dar
        private static int WriteNormal(byte invokeId, DataAccessResult result, byte[] response, int offset)
        {
            response[offset] = ApduTag.SetResponse;
            response[offset + 1] = (byte)SetResponseType.Normal;
            response[offset + 2] = invokeId;
            response[offset + 3] = (byte)result;
            return 4;
        }

        // C5 02 iid block-number(4)
        private static int WriteDatablockAck(byte invokeId, uint blockNumber, byte[] response, int offset)
        {
            response[offset] = ApduTag.SetResponse;
            response[offset + 1] = (byte)SetResponseType.Datablock;
            response[offset + 2] = invokeId;
            BigEndian.WriteUInt32(response, offset + 3, blockNumber);
            return 7;
        }

        // C5 03 iid dar block-number(4)
        private static int WriteLastDatablock(byte invokeId, DataAccessResult result, uint blockNumber, byte[] response, int offset)
        {
            response[offset] = ApduTag.SetResponse;
            response[offset + 1] = (byte)SetResponseType.LastDatablock;
            response[offset + 2] = invokeId;
            response[offset + 3] = (byte)result;
            BigEndian.WriteUInt32(response, offset + 4, blockNumber);
            return 8;
        }

        // C5 04 iid count dar* block-number(4); the results are already in place (the caller
        // checked the room: 3 + LengthSize(count) + count + 4 bytes).
        private int WriteLastWithListHeader(byte invokeId, int count, uint blockNumber, byte[] response, int offset)
        {
            response[offset] = ApduTag.SetResponse;
            response[offset + 1] = (byte)SetResponseType.LastDatablockWithList;
            response[offset + 2] = invokeId;
            int end = WriteCount(count, response, offset + 3, AxdrWriter.LengthSize(count)) + count;
            BigEndian.WriteUInt32(response, end, blockNumber);
            return end + 4 - offset;
        }

        // The A-XDR count of a result list at response[offset] (AxdrWriter's length encoding);
        // returns the position behind it.
        private int WriteCount(int count, byte[] response, int offset, int room)
        {
            _writer.Reset(response, offset, room);
            _writer.WriteLength(count);
            return _writer.Position;
        }
    }
}
