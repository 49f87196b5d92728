namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// ServiceError initiate values, sent in the AARE user-information as
    /// ConfirmedServiceError initiateError: <c>0E 01 06 &lt;value&gt;</c> (Green Book xDLMS).
    /// </summary>
    public enum InitiateError : byte
    {
        /// <summary>other (0).</summary>
        Other = 0,
        /// <summary>dlms-version-too-low (1): proposed DLMS version below 6.</summary>
        DlmsVersionTooLow = 1,
        /// <summary>incompatible-conformance (2): nothing usable in proposed AND supported.</summary>
        IncompatibleConformance = 2,
        /// <summary>pdu-size-too-short (3): client-max-receive-pdu-size below our minimum.</summary>
        PduSizeTooShort = 3,
        /// <summary>refused-by-the-VDE-Handler (4).</summary>
        RefusedByTheVdeHandler = 4,
    }
}
