namespace DlmsDevice.Stack.Acse
{
    /// <summary>What the user-information (<c>BE</c>) element of an AARQ or RLRQ carries.</summary>
    public enum UserInformationKind : byte
    {
        /// <summary>No user-information element.</summary>
        None = 0,
        /// <summary>A plain xDLMS InitiateRequest (<c>01</c>), decoded into the request's fields.</summary>
        InitiateRequest = 1,
        /// <summary>
        /// A ciphered xDLMS APDU (glo-initiate-request <c>21</c>, general-glo-ciphering <c>DB</c>,
        /// general-ded-ciphering <c>DC</c>, general-ciphering <c>DD</c>): only its range is
        /// recorded; the security layer deciphers it.
        /// </summary>
        Ciphered = 2,
        /// <summary>Any other xDLMS tag: recorded by range, not decoded.</summary>
        Other = 3,
    }
}
