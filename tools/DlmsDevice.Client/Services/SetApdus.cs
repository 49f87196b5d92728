using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>SET-Response CHOICE (Green Book 9.5).</summary>
    public enum SetResponseKind : byte
    {
        /// <summary>set-response-normal: result.</summary>
        Normal = 1,
        /// <summary>set-response-datablock: block-number acknowledged.</summary>
        Datablock = 2,
        /// <summary>set-response-last-datablock: result, block-number.</summary>
        LastDatablock = 3,
        /// <summary>set-response-last-datablock-with-list.</summary>
        LastDatablockWithList = 4,
        /// <summary>set-response-with-list.</summary>
        WithList = 5,
    }

    /// <summary>A decoded SET-Response APDU (tag C5).</summary>
    public sealed record SetResponse(SetResponseKind Kind, byte InvokeIdAndPriority)
    {
        /// <summary>Normal / last-datablock: the result.</summary>
        public DataAccessResult Result { get; init; }

        /// <summary>Datablock / last-datablock: the block number acknowledged.</summary>
        public uint BlockNumber { get; init; }

        /// <summary>With-list variants: one result per attribute.</summary>
        public IReadOnlyList<DataAccessResult>? Results { get; init; }

        /// <summary>Decodes a SET-Response; throws for ExceptionResponse / ConfirmedServiceError replies.</summary>
        public static SetResponse Decode(ReadOnlySpan<byte> apdu)
        {
            ServiceApdu.CheckTag(apdu, XdlmsTags.SetResponse, "SET");
            int p = 1;
            var kind = (SetResponseKind)ServiceApdu.Byte(apdu, ref p, "response type");
            byte invokeId = ServiceApdu.Byte(apdu, ref p, "invoke-id-and-priority");
            var r = new SetResponse(kind, invokeId);
            switch (kind)
            {
                case SetResponseKind.Normal:
                    r = r with { Result = (DataAccessResult)ServiceApdu.Byte(apdu, ref p, "result") };
                    break;
                case SetResponseKind.Datablock:
                    r = r with { BlockNumber = ServiceApdu.UInt32(apdu, ref p, "block-number") };
                    break;
                case SetResponseKind.LastDatablock:
                    r = r with { Result = (DataAccessResult)ServiceApdu.Byte(apdu, ref p, "result") };
                    r = r with { BlockNumber = ServiceApdu.UInt32(apdu, ref p, "block-number") };
                    break;
                case SetResponseKind.LastDatablockWithList:
                case SetResponseKind.WithList:
                {
                    int count = AxdrLength.Read(apdu, ref p);
                    var results = new List<DataAccessResult>();
                    for (int i = 0; i < count; i++)
                    {
                        results.Add((DataAccessResult)ServiceApdu.Byte(apdu, ref p, "result"));
                    }
                    r = r with { Results = results };
                    if (kind == SetResponseKind.LastDatablockWithList)
                    {
                        r = r with { BlockNumber = ServiceApdu.UInt32(apdu, ref p, "block-number") };
                    }
                    break;
                }
                default:
                    throw new DlmsProtocolException("Unknown SET-Response type " + (byte)kind + ".");
            }
            ServiceApdu.End(apdu, p, "SET-Response");
            return r;
        }
    }

    /// <summary>Encoders for SET-Request APDUs (tag C1, Green Book 9.5).</summary>
    public static class SetRequest
    {
        /// <summary>SET-Request-Normal: <c>C1 01 iid descriptor access Data</c>.</summary>
        public static byte[] Normal(byte invokeIdAndPriority, CosemAttribute attribute, ReadOnlySpan<byte> encodedValue, SelectiveAccess? access = null)
        {
            var o = new List<byte> { XdlmsTags.SetRequest, 0x01, invokeIdAndPriority };
            ServiceApdu.WriteAttributeDescriptor(o, attribute, access);
            o.AddRange(encodedValue.ToArray());
            return o.ToArray();
        }

        /// <summary>SET-Request-With-First-Datablock: <c>C1 02 iid descriptor access last block(4) raw-data</c>.</summary>
        public static byte[] WithFirstDatablock(byte invokeIdAndPriority, CosemAttribute attribute, bool lastBlock, uint blockNumber, ReadOnlySpan<byte> rawData, SelectiveAccess? access = null)
        {
            var o = new List<byte> { XdlmsTags.SetRequest, 0x02, invokeIdAndPriority };
            ServiceApdu.WriteAttributeDescriptor(o, attribute, access);
            WriteDataBlock(o, lastBlock, blockNumber, rawData);
            return o.ToArray();
        }

        /// <summary>SET-Request-With-Datablock: <c>C1 03 iid last block(4) raw-data</c>.</summary>
        public static byte[] WithDatablock(byte invokeIdAndPriority, bool lastBlock, uint blockNumber, ReadOnlySpan<byte> rawData)
        {
            var o = new List<byte> { XdlmsTags.SetRequest, 0x03, invokeIdAndPriority };
            WriteDataBlock(o, lastBlock, blockNumber, rawData);
            return o.ToArray();
        }

        /// <summary>Bytes a first-datablock request adds around its raw data (for block sizing).</summary>
        internal static int FirstDatablockOverhead(int rawLength) => 3 + 9 + 1 + 1 + 5 + AxdrLength.Size(rawLength);

        // DataBlock-SA ::= SEQUENCE { last-block BOOLEAN, block-number Unsigned32, raw-data OCTET STRING }.
        private static void WriteDataBlock(List<byte> o, bool lastBlock, uint blockNumber, ReadOnlySpan<byte> rawData)
        {
            o.Add(lastBlock ? (byte)1 : (byte)0);
            ServiceApdu.WriteUInt32(o, blockNumber);
            AxdrLength.Write(o, rawData.Length);
            o.AddRange(rawData.ToArray());
        }
    }
}
