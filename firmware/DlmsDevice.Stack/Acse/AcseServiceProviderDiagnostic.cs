namespace DlmsDevice.Stack.Acse
{
    /// <summary>acse-service-provider diagnostic values of the AARE (ISO 8650 ACSE).</summary>
    public enum AcseServiceProviderDiagnostic : byte
    {
        /// <summary>null (0).</summary>
        Null = 0,
        /// <summary>no-reason-given (1): used for an AARQ that cannot be decoded.</summary>
        NoReasonGiven = 1,
        /// <summary>no-common-acse-version (2): protocol-version present without version1.</summary>
        NoCommonAcseVersion = 2,
    }
}
