namespace DlmsDevice.Stack.Acse
{
    /// <summary>What the AARE's user-information (<c>BE</c>) element carries.</summary>
    public enum AareUserInformation : byte
    {
        /// <summary>No user-information element (ACSE-level rejections).</summary>
        None = 0,
        /// <summary>An xDLMS InitiateResponse built from the response's negotiated fields.</summary>
        InitiateResponse = 1,
        /// <summary>A ConfirmedServiceError initiateError (<c>0E 01 06 &lt;error&gt;</c>).</summary>
        InitiateError = 2,
        /// <summary>Caller-supplied xDLMS APDU bytes (e.g. a ciphered glo-initiate-response).</summary>
        Raw = 3,
    }
}
