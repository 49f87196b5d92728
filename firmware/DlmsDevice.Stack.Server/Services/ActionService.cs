using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The ACTION service (Green Book, xDLMS ACTION): ACTION-Request-Normal, -With-List,
    /// -With-First-Pblock, -With-List-And-First-Pblock, -With-Pblock and -Next-Pblock, answered
    /// with ACTION-Response-Normal, -With-List, -Next-Pblock and -With-Pblock. Holds only what one
    /// request needs: a long ACTION's progress is in the association's
    /// <see cref="BlockTransferState"/>, so one instance serves every association of a server,
    /// one request at a time.
    /// </summary>
    /// <remarks>
    /// Methods have side effects, so a method is invoked once and its return parameters are
    /// written into the transfer buffer first, then copied into the response, or sent in pblocks
    /// when they do not fit the client's PDU. Parameters sent in pblocks are reassembled in the
    /// transfer buffer behind a copy of the method descriptors. Pblock raw-data is: for one
    /// method, its Data (parameters or return parameters); for a list, the SEQUENCE OF (count +
    /// items) of the APDU it replaces. Errors that end a block transfer are answered with
    /// ACTION-Response-Normal (docs/services.md).
    /// </remarks>
    internal sealed partial class ActionService
    {
        // C7 01 iid result 01 00 <Data>
        private const int NormalWithDataHeaderLength = 6;
        // C7 02 iid last block-number(4)
        private const int PblockFixedLength = 8;

        private readonly AxdrReader _reader;
        private readonly AxdrReader _values;
        private readonly AxdrReader _parameters;
        private readonly AxdrWriter _writer;
        private readonly CosemMethodDescriptor _descriptor;
        private readonly DataBlockSa _block;

        // The association being served (set for the duration of Handle). Receiving: descriptors
        // in Buffer[0..HeaderLength), parameters in [HeaderLength..DataEnd). Sending: response
        // raw-data in Buffer[Position..End).
        private BlockTransferState _state;

        /// <summary>Creates the service over the decoders the three services share.</summary>
        public ActionService(ServiceWorkspace workspace)
        {
            _reader = workspace.Request;
            _values = workspace.Values;
            _parameters = workspace.Value;
            _writer = workspace.Writer;
            _descriptor = workspace.Method;
            _block = workspace.Block;
        }

        /// <summary>
        /// Handles one ACTION-Request APDU (<paramref name="request"/>[<paramref name="offset"/>]
        /// is the C3 tag) of the association whose block transfer is <paramref name="state"/> and
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

        // Ends a long ACTION (parameters being received or a response being sent). The dispatcher
        // has ended any other service's transfer before this one runs.
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
            if (type != (byte)ActionRequestType.NextPblock && type != (byte)ActionRequestType.WithPblock)
            {
                // Any new ACTION ends a long ACTION in progress.
                Abort();
            }
            if (type < (byte)ActionRequestType.Normal || type > (byte)ActionRequestType.WithPblock)
            {
                return ServiceExceptions.UnknownService(response, responseOffset, limit);
            }
            int conformance = context.NegotiatedConformance;
            bool list = type == (byte)ActionRequestType.WithList || type == (byte)ActionRequestType.WithListAndFirstPblock;
            bool blocks = type != (byte)ActionRequestType.Normal && type != (byte)ActionRequestType.WithList;
            if ((conformance & Conformance.Action) == 0
                || (list && (conformance & Conformance.MultipleReferences) == 0)
                || (blocks && (conformance & Conformance.BlockTransferWithAction) == 0))
            {
                Abort();
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            _reader.Reset(request, offset + 3, count - 3);
            switch (type)
            {
                case (byte)ActionRequestType.Normal:
                    return HandleNormal(invokeId, response, responseOffset, limit, context);
                case (byte)ActionRequestType.WithList:
                    return HandleWithList(invokeId, response, responseOffset, limit, context);
                case (byte)ActionRequestType.NextPblock:
                    return HandleNextPblock(invokeId, response, responseOffset, limit);
                case (byte)ActionRequestType.WithPblock:
                    return HandleWithPblock(invokeId, response, responseOffset, limit, context);
                default:
                    return HandleFirstPblock(invokeId, list, response, responseOffset, limit, context);
            }
        }

        private int HandleNormal(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            if (_descriptor.Read(_reader) != AxdrStatus.Ok)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            // method-invocation-parameters Data OPTIONAL: 00, or 01 <Data>.
            byte present;
            if (_reader.ReadByte(out present) != AxdrStatus.Ok || present > 1)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            AxdrReader parameters = null;
            if (present == 1)
            {
                int start = _reader.Position;
                if (_reader.SkipValue() != AxdrStatus.Ok)
                {
                    return ServiceExceptions.Malformed(response, responseOffset, limit);
                }
                _parameters.Reset(_reader.Buffer, start, _reader.Position - start);
                parameters = _parameters;
            }
            if (_reader.Remaining != 0)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            return InvokeSingle(invokeId, parameters, 0, response, responseOffset, limit, context);
        }

        private int HandleWithList(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            int listStart = _reader.Position;
            int count;
            if (!SkipDescriptorList(_reader, out count))
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            int valuesStart = _reader.Position;
            _values.Reset(_reader.Buffer, valuesStart, _reader.End - valuesStart);
            if (!ValueList.IsValid(_values, count))
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            _reader.Position = listStart;
            return InvokeList(invokeId, count, 0, response, responseOffset, limit, context);
        }

        // _descriptor is decoded; the return parameters go to Buffer[bodyStart..) first.
        private int InvokeSingle(byte invokeId, AxdrReader parameters, int bodyStart, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            CosemObject target;
            ActionResult result = AccessControl.CheckInvoke(context.Objects, _descriptor, context.RequestProtection, out target);
            if (result != ActionResult.Success)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, result, response, responseOffset);
            }
            byte[] buffer = _state.Buffer;
            _writer.Reset(buffer, bodyStart, buffer.Length - bodyStart);
            result = target.Invoke(_descriptor.MethodId, parameters, _writer, context);
            int length = _writer.Length;
            bool overflow = _writer.Overflow;
            if (result != ActionResult.Success)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, result, response, responseOffset);
            }
            if (overflow)
            {
                // Invoked, but the return parameters were larger than the transfer buffer.
                Abort();
                return ActionResponses.WriteNormalReturnError(invokeId, response, responseOffset);
            }
            if (length == 0)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, ActionResult.Success, response, responseOffset);
            }
            if (NormalWithDataHeaderLength + length <= limit)
            {
                Abort();
                response[responseOffset] = ApduTag.ActionResponse;
                response[responseOffset + 1] = (byte)ActionResponseType.Normal;
                response[responseOffset + 2] = invokeId;
                response[responseOffset + 3] = (byte)ActionResult.Success;
                response[responseOffset + 4] = 1;
                response[responseOffset + 5] = 0;
                Array.Copy(buffer, bodyStart, response, responseOffset + NormalWithDataHeaderLength, length);
                return NormalWithDataHeaderLength + length;
            }
            if ((context.NegotiatedConformance & Conformance.BlockTransferWithAction) == 0)
            {
                Abort();
                return ActionResponses.WriteNormalReturnError(invokeId, response, responseOffset);
            }
            return StartSending(invokeId, bodyStart, bodyStart + length, response, responseOffset, limit);
        }

        // _reader at the descriptor count, _values at the parameter count (both validated).
        private int InvokeList(byte invokeId, int count, int bodyStart, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            // Methods have side effects: make sure every result can be reported before running
            // any. Each result takes at most ActionResponses.MaxResultLength bytes once a return
            // value that does not fit is replaced by other-reason; the list goes through the
            // transfer buffer, and without block transfer it must also fit the client's PDU.
            byte[] buffer = _state.Buffer;
            int worstCase = AxdrWriter.LengthSize(count) + count * ActionResponses.MaxResultLength;
            if (worstCase > buffer.Length - bodyStart
                || ((context.NegotiatedConformance & Conformance.BlockTransferWithAction) == 0 && 3 + worstCase > limit))
            {
                Abort();
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            int descriptorCount;
            _reader.ReadLength(out descriptorCount);
            int valueCount;
            _values.ReadLength(out valueCount);
            _writer.Reset(buffer, bodyStart, buffer.Length - bodyStart);
            bool complete = _writer.WriteLength(count);
            for (int i = 0; i < count; i++)
            {
                // Room kept for the results after this one (their worst case).
                int reserve = (count - i - 1) * ActionResponses.MaxResultLength;
                _descriptor.Read(_reader);
                int valueStart = _values.Position;
                _values.SkipValue();
                _parameters.Reset(_values.Buffer, valueStart, _values.Position - valueStart);
                int mark = _writer.Position;
                CosemObject target;
                ActionResult result = AccessControl.CheckInvoke(context.Objects, _descriptor, context.RequestProtection, out target);
                if (result == ActionResult.Success)
                {
                    // Action-Response-With-Optional-Data: result, return-parameters present, data [0].
                    _writer.WriteByte((byte)ActionResult.Success);
                    _writer.WriteByte(1);
                    _writer.WriteByte(0);
                    int dataStart = _writer.Position;
                    result = target.Invoke(_descriptor.MethodId, _parameters, _writer, context);
                    if (_writer.Overflow || _writer.Remaining < reserve)
                    {
                        _writer.Rewind(mark);
                        complete &= result == ActionResult.Success ? ActionResponses.WriteReturnError(_writer) : ActionResponses.WriteResult(_writer, result);
                        continue;
                    }
                    if (result == ActionResult.Success && _writer.Position > dataStart)
                    {
                        continue;
                    }
                }
                _writer.Rewind(mark);
                complete &= ActionResponses.WriteResult(_writer, result);
            }
            int bodyLength = _writer.Length;
            if (!complete)
            {
                // Not expected: the worst case was checked and room reserved above.
                Abort();
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            if (3 + bodyLength <= limit)
            {
                Abort();
                response[responseOffset] = ApduTag.ActionResponse;
                response[responseOffset + 1] = (byte)ActionResponseType.WithList;
                response[responseOffset + 2] = invokeId;
                Array.Copy(buffer, bodyStart, response, responseOffset + 3, bodyLength);
                return 3 + bodyLength;
            }
            if ((context.NegotiatedConformance & Conformance.BlockTransferWithAction) != 0)
            {
                return StartSending(invokeId, bodyStart, bodyStart + bodyLength, response, responseOffset, limit);
            }
            // No block transfer: keep the results, replace every return value by other-reason.
            int length = ActionResponses.CompactList(_values, _writer, buffer, bodyStart, bodyLength, response, responseOffset + 3, limit - 3);
            Abort();
            if (length < 0)
            {
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            response[responseOffset] = ApduTag.ActionResponse;
            response[responseOffset + 1] = (byte)ActionResponseType.WithList;
            response[responseOffset + 2] = invokeId;
            return 3 + length;
        }

        private bool SkipDescriptorList(AxdrReader reader, out int count)
        {
            if (reader.ReadLength(out count) != AxdrStatus.Ok)
            {
                return false;
            }
            for (int i = 0; i < count; i++)
            {
                if (_descriptor.Read(reader) != AxdrStatus.Ok)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
