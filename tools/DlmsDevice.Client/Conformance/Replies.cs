using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>What the checks expect of reply APDUs, and how they name them in messages.</summary>
    public static class Replies
    {
        /// <summary>"exception-response [216] D8 01 04", or "no answer".</summary>
        public static string Describe(byte[]? apdu)
        {
            if (apdu is null)
            {
                return "no answer";
            }
            if (apdu.Length == 0)
            {
                return "an empty APDU";
            }
            string hex = apdu.Length <= 16 ? Convert.ToHexString(apdu) : Convert.ToHexString(apdu.AsSpan(0, 16)) + "..";
            return ApduAnnotator.ApduName(apdu[0]) + " " + hex;
        }

        /// <summary>True for an exception-response (D8) or a confirmed-service-error (0E): the request was refused as a whole.</summary>
        public static bool IsRefusal(byte[]? apdu) => apdu is { Length: >= 1 } && apdu[0] is 0xD8 or 0x0E;

        /// <summary>Fails unless the reply is an exception-response or confirmed-service-error.</summary>
        public static void RequireRefusal(byte[]? reply, string request)
        {
            CheckContext.Require(IsRefusal(reply), request + " must be refused (exception-response), but got " + Describe(reply));
        }

        /// <summary>The Get-Data-Result of a GET-Response-Normal with invoke-id-and-priority <paramref name="invokeId"/>; fails otherwise.</summary>
        public static GetResult RequireGetNormal(byte[]? reply, byte invokeId, string request)
        {
            CheckContext.Require(reply is not null, "no answer to " + request);
            CheckContext.Require(reply!.Length >= 3 && reply[0] == 0xC4 && reply[1] == 0x01, request + " must be answered with GET-Response-Normal, got " + Describe(reply));
            CheckContext.Require(reply[2] == invokeId, string.Create(CultureInfo.InvariantCulture, $"{request}: the reply's invoke-id-and-priority is {reply[2]:X2}, the request's {invokeId:X2}"));
            try
            {
                return GetResponse.Decode(reply).Result!;
            }
            catch (DlmsException e)
            {
                throw CheckContext.Fail(request + ": the GET-Response does not decode: " + e.Message);
            }
        }

        /// <summary>The data-access-result of a failed GET; fails when data came back.</summary>
        public static DataAccessResult RequireGetError(byte[]? reply, byte invokeId, string request)
        {
            GetResult result = RequireGetNormal(reply, invokeId, request);
            CheckContext.Require(!result.IsSuccess, request + " must fail with a data-access-result, but returned data " + result.Value);
            return result.Result;
        }

        /// <summary>The decoded AARE; fails for anything else.</summary>
        public static AssociationResponse RequireAare(byte[]? reply, string request)
        {
            CheckContext.Require(reply is not null, "no AARE to " + request);
            CheckContext.Require(reply!.Length > 0 && reply[0] == 0x61, request + " must be answered with an AARE, got " + Describe(reply));
            try
            {
                return AssociationResponse.Decode(reply);
            }
            catch (DlmsException e)
            {
                throw CheckContext.Fail("the AARE does not decode: " + e.Message);
            }
        }

        /// <summary>"4 object-undefined".</summary>
        public static string Name(DataAccessResult result) => ((byte)result).ToString(CultureInfo.InvariantCulture) + " " + DataAccessResults.Name(result);
    }
}
