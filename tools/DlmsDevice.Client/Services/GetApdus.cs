using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>Result of reading one attribute: the value, or the Data-Access-Result the server returned.</summary>
    public sealed record GetResult(DlmsValue? Value, DataAccessResult Result)
    {
        /// <summary>A successful result.</summary>
        public static GetResult Success(DlmsValue value) => new(value, DataAccessResult.Success);

        /// <summary>A failed result.</summary>
        public static GetResult Error(DataAccessResult result) => new(null, result);

        /// <summary>True when the server returned data.</summary>
        public bool IsSuccess => Value is not null;

        /// <summary>The value, or a <see cref="DataAccessException"/> naming <paramref name="context"/>.</summary>
        public DlmsValue GetValueOrThrow(string context) => Value ?? throw new DataAccessException(Result, context);

        /// <inheritdoc/>
        public override string ToString() => Value?.ToString() ?? DataAccessResults.Name(Result);
    }

    /// <summary>GET-Response CHOICE (Green Book 9.5): normal [1], with-datablock [2], with-list [3].</summary>
    public enum GetResponseKind : byte
    {
        /// <summary>get-response-normal.</summary>
        Normal = 1,
        /// <summary>get-response-with-datablock.</summary>
        WithDatablock = 2,
        /// <summary>get-response-with-list.</summary>
        WithList = 3,
    }

    /// <summary>A decoded GET-Response APDU (tag C4).</summary>
    public sealed record GetResponse(GetResponseKind Kind, byte InvokeIdAndPriority)
    {
        /// <summary>Normal: the Get-Data-Result.</summary>
        public GetResult? Result { get; init; }

        /// <summary>With-datablock: last-block.</summary>
        public bool LastBlock { get; init; }

        /// <summary>With-datablock: block-number.</summary>
        public uint BlockNumber { get; init; }

        /// <summary>With-datablock: raw-data (null when the block result is a data-access-result).</summary>
        public byte[]? RawData { get; init; }

        /// <summary>With-datablock: the data-access-result when the server aborted the transfer.</summary>
        public DataAccessResult? BlockError { get; init; }

        /// <summary>With-list: one result per requested attribute.</summary>
        public IReadOnlyList<GetResult>? Results { get; init; }

        /// <summary>Decodes a GET-Response; throws for ExceptionResponse / ConfirmedServiceError replies.</summary>
        public static GetResponse Decode(ReadOnlySpan<byte> apdu)
        {
            ServiceApdu.CheckTag(apdu, XdlmsTags.GetResponse, "GET");
            int p = 1;
            var kind = (GetResponseKind)ServiceApdu.Byte(apdu, ref p, "response type");
            byte invokeId = ServiceApdu.Byte(apdu, ref p, "invoke-id-and-priority");
            switch (kind)
            {
                case GetResponseKind.Normal:
                {
                    GetResult result = DecodeDataResult(apdu, ref p);
                    ServiceApdu.End(apdu, p, "GET-Response-Normal");
                    return new GetResponse(kind, invokeId) { Result = result };
                }
                case GetResponseKind.WithDatablock:
                {
                    bool last = ServiceApdu.Byte(apdu, ref p, "last-block") != 0;
                    uint block = ServiceApdu.UInt32(apdu, ref p, "block-number");
                    byte choice = ServiceApdu.Byte(apdu, ref p, "raw-data/data-access-result choice");
                    var response = new GetResponse(kind, invokeId) { LastBlock = last, BlockNumber = block };
                    if (choice == 0)
                    {
                        response = response with { RawData = ServiceApdu.OctetString(apdu, ref p, "raw-data") };
                    }
                    else if (choice == 1)
                    {
                        response = response with { BlockError = (DataAccessResult)ServiceApdu.Byte(apdu, ref p, "data-access-result") };
                    }
                    else
                    {
                        throw new DlmsProtocolException("Bad DataBlock-G result choice " + choice + ".");
                    }
                    ServiceApdu.End(apdu, p, "GET-Response-With-Datablock");
                    return response;
                }
                case GetResponseKind.WithList:
                {
                    IReadOnlyList<GetResult> results = DecodeResultList(apdu, ref p);
                    ServiceApdu.End(apdu, p, "GET-Response-With-List");
                    return new GetResponse(kind, invokeId) { Results = results };
                }
                default:
                    throw new DlmsProtocolException("Unknown GET-Response type " + (byte)kind + ".");
            }
        }

        /// <summary>Get-Data-Result ::= CHOICE { data [0] Data, data-access-result [1] Data-Access-Result }.</summary>
        internal static GetResult DecodeDataResult(ReadOnlySpan<byte> a, ref int p)
        {
            byte choice = ServiceApdu.Byte(a, ref p, "Get-Data-Result choice");
            if (choice == 0)
            {
                return GetResult.Success(AxdrDecoder.Decode(a, ref p));
            }
            if (choice == 1)
            {
                return GetResult.Error((DataAccessResult)ServiceApdu.Byte(a, ref p, "data-access-result"));
            }
            throw new DlmsProtocolException("Bad Get-Data-Result choice " + choice + ".");
        }

        /// <summary>SEQUENCE OF Get-Data-Result: count, then the results.</summary>
        internal static IReadOnlyList<GetResult> DecodeResultList(ReadOnlySpan<byte> a, ref int p)
        {
            int count = AxdrLength.Read(a, ref p);
            if (count > a.Length - p)
            {
                throw new DlmsProtocolException("Result list of " + count + " does not fit the APDU.");
            }
            var results = new GetResult[count];
            for (int i = 0; i < count; i++)
            {
                results[i] = DecodeDataResult(a, ref p);
            }
            return results;
        }
    }

    /// <summary>Encoders for GET-Request APDUs (tag C0, Green Book 9.5).</summary>
    public static class GetRequest
    {
        /// <summary>GET-Request-Normal: <c>C0 01 iid class(2) LN(6) attr access</c>.</summary>
        public static byte[] Normal(byte invokeIdAndPriority, CosemAttribute attribute, SelectiveAccess? access = null)
        {
            var o = new List<byte> { XdlmsTags.GetRequest, 0x01, invokeIdAndPriority };
            ServiceApdu.WriteAttributeDescriptor(o, attribute, access);
            return o.ToArray();
        }

        /// <summary>GET-Request-Next: <c>C0 02 iid block-number(4)</c>, the block just received.</summary>
        public static byte[] Next(byte invokeIdAndPriority, uint blockNumber)
        {
            var o = new List<byte> { XdlmsTags.GetRequest, 0x02, invokeIdAndPriority };
            ServiceApdu.WriteUInt32(o, blockNumber);
            return o.ToArray();
        }

        /// <summary>GET-Request-With-List: <c>C0 03 iid count (descriptor access)*</c>.</summary>
        public static byte[] WithList(byte invokeIdAndPriority, IReadOnlyList<CosemAttribute> attributes, IReadOnlyList<SelectiveAccess?>? access = null)
        {
            var o = new List<byte> { XdlmsTags.GetRequest, 0x03, invokeIdAndPriority };
            AxdrLength.Write(o, attributes.Count);
            for (int i = 0; i < attributes.Count; i++)
            {
                ServiceApdu.WriteAttributeDescriptor(o, attributes[i], access?[i]);
            }
            return o.ToArray();
        }
    }
}
