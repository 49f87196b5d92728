using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>Encoders of the fixed-shape ACTION-Response APDUs and Action-Response-With-Optional-Data items.</summary>
    internal static class ActionResponses
    {
        // The longest Action-Response-With-Optional-Data the list encoder falls back to:
        // success with return-parameters data-access-result other-reason (00 01 01 FA).
        internal const int MaxResultLength = 4;

        // Action-Response-With-Optional-Data without return parameters: result 00.
        internal static bool WriteResult(AxdrWriter writer, ActionResult result)
        {
            return writer.WriteByte((byte)result) && writer.WriteByte(0);
        }

        // success, return-parameters = data-access-result other-reason: 00 01 01 FA.
        internal static bool WriteReturnError(AxdrWriter writer)
        {
            return writer.WriteByte((byte)ActionResult.Success) && writer.WriteByte(1)
                && writer.WriteByte(1) && writer.WriteByte((byte)DataAccessResult.OtherReason);
        }

        // C7 01 iid result 00
        internal static int WriteNormal(byte invokeId, ActionResult result, byte[] response, int offset)
        {
            response[offset] = ApduTag.ActionResponse;
            response[offset + 1] = (byte)ActionResponseType.Normal;
            response[offset + 2] = invokeId;
            response[offset + 3] = (byte)result;
            response[offset + 4] = 0;
            return 5;
        }

        // C7 01 iid 00 01 01 FA: invoked, return parameters undeliverable.
        internal static int WriteNormalReturnError(byte invokeId, byte[] response, int offset)
        {
            response[offset] = ApduTag.ActionResponse;
            response[offset + 1] = (byte)ActionResponseType.Normal;
            response[offset + 2] = invokeId;
            response[offset + 3] = (byte)ActionResult.Success;
            response[offset + 4] = 1;
            response[offset + 5] = 1;
            response[offset + 6] = (byte)DataAccessResult.OtherReason;
            return 7;
        }

        // C7 04 iid block-number(4)
        internal static int WriteNextPblockAck(byte invokeId, uint blockNumber, byte[] response, int offset)
        {
            response[offset] = ApduTag.ActionResponse;
            response[offset + 1] = (byte)ActionResponseType.NextPblock;
            response[offset + 2] = invokeId;
            BigEndian.WriteUInt32(response, offset + 3, blockNumber);
            return 7;
        }

        // Rewrites a with-list body with each return Data replaced by data-access-result
        // other-reason; returns the new length or -1 when even that does not fit.
        internal static int CompactList(AxdrReader reader, AxdrWriter writer, byte[] body, int offset, int length, byte[] destination, int destinationOffset, int capacity)
        {
            reader.Reset(body, offset, length);
            writer.Reset(destination, destinationOffset, capacity);
            int count;
            reader.ReadLength(out count);
            bool ok = writer.WriteLength(count);
            for (int i = 0; ok && i < count; i++)
            {
                byte result;
                byte present;
                reader.ReadByte(out result);
                reader.ReadByte(out present);
                if (present == 0)
                {
                    ok = WriteResult(writer, (ActionResult)result);
                    continue;
                }
                byte choice;
                reader.ReadByte(out choice);
                if (choice == 0)
                {
                    reader.SkipValue();
                }
                else
                {
                    reader.Skip(1);
                }
                ok = WriteReturnError(writer);
            }
            return ok ? writer.Length : -1;
        }
    }
}
