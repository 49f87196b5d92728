namespace DlmsDevice.Client
{
    /// <summary>
    /// What suite-0 protection the client applies to its xDLMS APDUs (Green Book 9.2.7.2.3,
    /// security_policy of the Security setup object). The values are the security control byte's
    /// bits: 0x10 authenticated, 0x20 encrypted; the low nibble is the suite (0 = AES-GCM-128).
    /// </summary>
    public enum SecurityPolicy : byte
    {
        /// <summary>No ciphering: plain APDUs, application context LN (…01 01).</summary>
        None = 0x00,
        /// <summary>Authenticated only: the plaintext travels in clear with a 12-byte GMAC tag (SC 0x10).</summary>
        Authenticated = 0x10,
        /// <summary>Encrypted only: AES-CTR ciphertext, no tag (SC 0x20).</summary>
        Encrypted = 0x20,
        /// <summary>Authenticated and encrypted: AES-GCM ciphertext and a 12-byte tag (SC 0x30).</summary>
        AuthenticatedEncrypted = 0x30,
    }

    /// <summary>How protected xDLMS APDUs are wrapped (Green Book 9.2.7.2.4, the Green Book's security examples).</summary>
    public enum CipheringKind
    {
        /// <summary>
        /// Service-specific global ciphering: glo-get/set/action-request (C8/C9/CB) with the global
        /// block cipher key (EK); the server answers with CC/CD/CF.
        /// </summary>
        Glo,
        /// <summary>
        /// General-glo-ciphering (DB): <c>DB 08 system-title len SC IC …</c>, any APDU, global key.
        /// The Gurux clients use it for GET/SET/ACTION.
        /// </summary>
        GeneralGlo,
        /// <summary>
        /// Service-specific dedicated ciphering: ded-get/set/action-request (D0/D1/D3) with the
        /// dedicated key the client sent in the (ciphered) InitiateRequest; answers D4/D5/D7.
        /// </summary>
        Ded,
    }
}
