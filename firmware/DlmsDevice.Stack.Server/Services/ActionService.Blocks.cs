using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    // ACTION block transfer (Green Book, ACTION-Request-With-First-Pblock, -With-Pblock,
    // -Next-Pblock; ACTION-Response-With-Pblock): parameters reassembled in the transfer
    // buffer, return parameters sent from it in pblocks.
    internal sealed partial class ActionService
    {
        private int HandleFirstPblock(byte invokeId, bool list, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            int headerStart = _reader.Position;
            int count;
            if (list)
            {
                if (!SkipDescriptorList(_reader, out count))
                {
                    return ServiceExceptions.Malformed(response, responseOffset, limit);
                }
            }
            else if (_descriptor.Read(_reader) != AxdrStatus.Ok)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            int headerEnd = _reader.Position;
            if (_block.Read(_reader) != AxdrStatus.Ok)
            {
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (_block.BlockNumber != 1)
            {
                return ActionResponses.WriteNormal(invokeId, ActionResult.LongActionAborted, response, responseOffset);
            }
            if (!list)
            {
                // Refuse early: no point receiving parameters for a method that cannot be invoked.
                CosemObject target;
                ActionResult access = AccessControl.CheckInvoke(context.Objects, _descriptor, context.RequestProtection, out target);
                if (access != ActionResult.Success)
                {
                    return ActionResponses.WriteNormal(invokeId, access, response, responseOffset);
                }
            }
            int headerLength = headerEnd - headerStart;
            byte[] buffer = _state.Buffer;
            if (headerLength + _block.RawLength > buffer.Length)
            {
                return ActionResponses.WriteNormal(invokeId, ActionResult.OtherReason, response, responseOffset);
            }
            Array.Copy(_reader.Buffer, headerStart, buffer, 0, headerLength);
            Array.Copy(_reader.Buffer, _block.RawOffset, buffer, headerLength, _block.RawLength);
            _state.ActionMode = BlockTransferState.ActionReceiving;
            _state.Active = LongTransaction.Action;
            _state.IsList = list;
            _state.HeaderLength = headerLength;
            _state.DataEnd = headerLength + _block.RawLength;
            _state.BlockNumber = 1;
            if (_block.LastBlock)
            {
                return Complete(invokeId, response, responseOffset, limit, context);
            }
            return ActionResponses.WriteNextPblockAck(invokeId, 1, response, responseOffset);
        }

        private int HandleWithPblock(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            if (_block.Read(_reader) != AxdrStatus.Ok)
            {
                Abort();
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (_state.ActionMode != BlockTransferState.ActionReceiving || _state.Active != LongTransaction.Action)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, ActionResult.NoLongActionInProgress, response, responseOffset);
            }
            if (_block.BlockNumber != _state.BlockNumber + 1)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, ActionResult.LongActionAborted, response, responseOffset);
            }
            byte[] buffer = _state.Buffer;
            if (_state.DataEnd + _block.RawLength > buffer.Length)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, ActionResult.OtherReason, response, responseOffset);
            }
            Array.Copy(_reader.Buffer, _block.RawOffset, buffer, _state.DataEnd, _block.RawLength);
            _state.DataEnd += _block.RawLength;
            _state.BlockNumber = _block.BlockNumber;
            if (_block.LastBlock)
            {
                return Complete(invokeId, response, responseOffset, limit, context);
            }
            return ActionResponses.WriteNextPblockAck(invokeId, _state.BlockNumber, response, responseOffset);
        }

        private int HandleNextPblock(byte invokeId, byte[] response, int responseOffset, int limit)
        {
            uint acknowledged;
            if (_reader.ReadUInt32(out acknowledged) != AxdrStatus.Ok || _reader.Remaining != 0)
            {
                Abort();
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            if (_state.ActionMode != BlockTransferState.ActionSending || _state.Active != LongTransaction.Action)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, ActionResult.NoLongActionInProgress, response, responseOffset);
            }
            if (acknowledged != _state.BlockNumber)
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, ActionResult.LongActionAborted, response, responseOffset);
            }
            return SendNextPblock(invokeId, response, responseOffset, limit);
        }

        // The last request pblock arrived: invoke with the reassembled parameters.
        private int Complete(byte invokeId, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            byte[] buffer = _state.Buffer;
            int headerLength = _state.HeaderLength;
            int dataEnd = _state.DataEnd;
            int bodyStart = dataEnd;
            _reader.Reset(buffer, 0, headerLength);
            _values.Reset(buffer, headerLength, dataEnd - headerLength);
            bool list = _state.IsList;
            _state.ActionMode = BlockTransferState.ActionIdle;
            if (!list)
            {
                _descriptor.Read(_reader);
                AxdrReader parameters = null;
                if (_values.Remaining != 0)
                {
                    if (_values.SkipValue() != AxdrStatus.Ok || _values.Remaining != 0)
                    {
                        Abort();
                        return ActionResponses.WriteNormal(invokeId, ActionResult.TypeUnmatched, response, responseOffset);
                    }
                    _parameters.Reset(buffer, headerLength, dataEnd - headerLength);
                    parameters = _parameters;
                }
                return InvokeSingle(invokeId, parameters, bodyStart, response, responseOffset, limit, context);
            }
            int count;
            _reader.ReadLength(out count);
            if (!ValueList.IsValid(_values, count))
            {
                Abort();
                return ActionResponses.WriteNormal(invokeId, ActionResult.TypeUnmatched, response, responseOffset);
            }
            _reader.Position = 0;
            return InvokeList(invokeId, count, bodyStart, response, responseOffset, limit, context);
        }

        private int StartSending(byte invokeId, int start, int end, byte[] response, int responseOffset, int limit)
        {
            _state.ActionMode = BlockTransferState.ActionSending;
            _state.Active = LongTransaction.Action;
            _state.Position = start;
            _state.End = end;
            _state.BlockNumber = 0;
            return SendNextPblock(invokeId, response, responseOffset, limit);
        }

        // ACTION-Response-With-Pblock: C7 02 iid last-block block-number(4) <raw-data length> <raw-data>.
        private int SendNextPblock(byte invokeId, byte[] response, int responseOffset, int limit)
        {
            int capacity = limit - PblockFixedLength - AxdrWriter.LengthSize(limit - PblockFixedLength - 1);
            int remaining = _state.End - _state.Position;
            int take = remaining < capacity ? remaining : capacity;
            bool last = take == remaining;
            uint blockNumber = _state.BlockNumber + 1;
            _writer.Reset(response, responseOffset, limit);
            _writer.WriteByte(ApduTag.ActionResponse);
            _writer.WriteByte((byte)ActionResponseType.WithPblock);
            _writer.WriteByte(invokeId);
            _writer.WriteByte(last ? (byte)1 : (byte)0);
            _writer.WriteUInt32(blockNumber);
            _writer.WriteLength(take);
            _writer.WriteBytes(_state.Buffer, _state.Position, take);
            _state.Position += take;
            _state.BlockNumber = blockNumber;
            int length = _writer.Length;
            if (last)
            {
                Abort();
            }
            return length;
        }
    }
}
