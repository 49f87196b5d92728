using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>A decoded ACTION-Response-Normal (tag C7 01).</summary>
    public sealed record ActionResponse(byte InvokeIdAndPriority, DataAccessResult Result, GetResult? ReturnParameters)
    {
        /// <summary>
        /// Decodes <c>C7 01 iid action-result [00 | 01 Get-Data-Result]</c>; throws for
        /// ExceptionResponse / ConfirmedServiceError replies and for the pblock variants (not supported).
        /// </summary>
        public static ActionResponse Decode(ReadOnlySpan<byte> apdu)
        {
            ServiceApdu.CheckTag(apdu, XdlmsTags.ActionResponse, "ACTION");
            int p = 1;
            byte kind = ServiceApdu.Byte(apdu, ref p, "response type");
            byte invokeId = ServiceApdu.Byte(apdu, ref p, "invoke-id-and-priority");
            if (kind != 1)
            {
                throw new DlmsProtocolException("ACTION-Response type " + kind + " (pblock/with-list) is not supported by this client.");
            }
            var result = (DataAccessResult)ServiceApdu.Byte(apdu, ref p, "action-result");
            GetResult? returned = null;
            if (p < apdu.Length)
            {
                byte present = ServiceApdu.Byte(apdu, ref p, "return-parameters flag");
                if (present == 1)
                {
                    returned = GetResponse.DecodeDataResult(apdu, ref p);
                }
                else if (present != 0)
                {
                    throw new DlmsProtocolException("Bad return-parameters flag " + present + ".");
                }
            }
            ServiceApdu.End(apdu, p, "ACTION-Response-Normal");
            return new ActionResponse(invokeId, result, returned);
        }
    }

    /// <summary>Encoders for ACTION-Request APDUs (tag C3, Green Book 9.5).</summary>
    public static class ActionRequest
    {
        /// <summary>ACTION-Request-Normal: <c>C3 01 iid class(2) LN(6) method [00 | 01 Data]</c>.</summary>
        public static byte[] Normal(byte invokeIdAndPriority, CosemMethod method, ReadOnlySpan<byte> encodedParameters)
        {
            var o = new List<byte> { XdlmsTags.ActionRequest, 0x01, invokeIdAndPriority };
            o.Add((byte)(method.ClassId >> 8));
            o.Add((byte)method.ClassId);
            o.AddRange(method.LogicalName.ToBytes());
            o.Add((byte)method.MethodId);
            if (encodedParameters.IsEmpty)
            {
                o.Add(0x00);
            }
            else
            {
                o.Add(0x01);
                o.AddRange(encodedParameters.ToArray());
            }
            return o.ToArray();
        }
    }
}
