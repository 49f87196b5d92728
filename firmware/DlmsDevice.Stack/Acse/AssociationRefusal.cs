namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Why the server refused an association: the AARQ it answered with a rejecting AARE, or the
    /// HLS pass 3/4 that failed. For the operator's log only: the client learns no more than the
    /// AARE (or the action-result) tells it, which these values never change. Each value comes
    /// with two numbers, <c>detail</c> and <c>expected</c>, whose meaning the value's summary
    /// gives (-1 where a number does not apply or was absent).
    /// </summary>
    /// <remarks>
    /// Recorded by the ACSE (AcseHandler) and the HLS methods (HlsAuthentication) in the
    /// channel's CosemContext with three field writes, no allocation, no exception; the server
    /// hands them to the host's observer (IAssociationObserver) after the answer is written.
    /// </remarks>
    public enum AssociationRefusal : byte
    {
        /// <summary>Nothing refused.</summary>
        None = 0,

        /// <summary>No association for this client SAP (or logical device). detail = client SAP, expected = server logical address.</summary>
        UnknownClient,

        /// <summary>The AARQ could not be decoded. detail = the decoder's AcseStatus, expected = AARQ length in bytes.</summary>
        MalformedAarq,

        /// <summary>protocol-version without version1. detail, expected: -1.</summary>
        ProtocolVersion,

        /// <summary>The application context is absent, not a DLMS one, or not the association's. detail = the proposed context id (-1 absent or not DLMS), expected = the association's.</summary>
        ApplicationContextNotSupported,

        /// <summary>The mechanism is unknown or not the association's. detail = the proposed mechanism id (-1: not a DLMS mechanism name), expected = the association's.</summary>
        MechanismNotRecognised,

        /// <summary>No mechanism where the association requires one. detail = -1, expected = the association's mechanism id.</summary>
        MechanismRequired,

        /// <summary>LLS password absent or wrong. detail = the length of the password given (-1 absent), expected = -1 (the password is never reported).</summary>
        WrongPassword,

        /// <summary>HLS CtoS challenge absent or of the wrong size. detail = its length (-1 absent), expected = the shortest accepted (8).</summary>
        ChallengeInvalid,

        /// <summary>An HLS mechanism the server cannot run for this association (not 5 or 6, no keys, no HLS methods, no entropy source). detail = the mechanism id, expected = -1.</summary>
        MechanismNotAvailable,

        /// <summary>A ciphered context without a Security setup with keys. detail = the context id, expected = -1.</summary>
        CipheringNotConfigured,

        /// <summary>
        /// The calling-AP-title is not an acceptable client system title (absent, not 8 bytes, or
        /// not the one the Security setup fixes). detail = its length in bytes (0 absent),
        /// expected = the 8 bytes as a big-endian number when it had 8 bytes, else 0.
        /// </summary>
        CallingApTitleNotRecognized,

        /// <summary>
        /// The ciphered InitiateRequest (glo-initiate-request, general-glo) failed: altered or
        /// under another key (tag mismatch), malformed, another suite, less protection than the
        /// policy requires. detail = the ProtectionStatus, expected = the envelope's invocation counter (-1 unread).
        /// </summary>
        InitiateNotAuthentic,

        /// <summary>The ciphered InitiateRequest repeats an invocation counter already used. detail = the counter received, expected = the smallest the meter accepts.</summary>
        InvocationCounterReplayed,

        /// <summary>The invocation counters could not be loaded or persisted: nothing protected may be received or sent. detail, expected: -1.</summary>
        CountersUnavailable,

        /// <summary>A plain InitiateRequest where the security policy requires protection. detail, expected: -1.</summary>
        InitiateNotProtected,

        /// <summary>The dedicated key in the InitiateRequest is not 16 bytes. detail = its length, expected = 16.</summary>
        DedicatedKeyInvalid,

        /// <summary>No InitiateRequest in the user-information. detail = the UserInformationKind found, expected = -1.</summary>
        InitiateRequestMissing,

        /// <summary>The proposed DLMS version is below 6. detail = the proposed version, expected = 6.</summary>
        DlmsVersionTooLow,

        /// <summary>client-max-receive-pdu-size too small. detail = the client's, expected = the smallest accepted.</summary>
        PduSizeTooShort,

        /// <summary>No common service in the conformance block. detail = the proposed conformance, expected = the association's.</summary>
        IncompatibleConformance,

        /// <summary>HLS pass 3/4: the client's f(StoC) is wrong (a GMAC or hash mismatch) or malformed. detail = the mechanism id, expected = -1.</summary>
        HlsAuthenticationFailed,
    }
}
