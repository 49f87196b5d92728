namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// Result of a security operation (decipher, tag check, key unwrap, HLS check). Ok = 0.
    /// Bad input from the wire is reported with these codes, never with exceptions; exceptions
    /// are only thrown for misuse (a null buffer, a region outside its array, no key set).
    /// </summary>
    public enum SecurityStatus : byte
    {
        /// <summary>Done; for a check, the check passed.</summary>
        Ok = 0,

        /// <summary>
        /// The authentication tag (GCM, GMAC, HLS response) or the key-unwrap integrity check
        /// value does not match: the data was altered, or the key, system title, invocation
        /// counter or security control byte differ from the sender's. Nothing deciphered may be
        /// used; in-place GCM decryption leaves the ciphertext untouched in this case.
        /// </summary>
        AuthenticationFailed,

        /// <summary>
        /// Malformed: a length field that runs past the input, an APDU too short for its security
        /// header and tag, a system-title length other than 0 or 8, a response of the wrong size.
        /// </summary>
        Malformed,

        /// <summary>The security control byte names a security suite other than 0 (AES-GCM-128).</summary>
        UnsupportedSuite,

        /// <summary>
        /// Well formed but not handled here: compression or broadcast-key bits in the security
        /// control byte, a security control byte with neither authentication nor encryption,
        /// general-ciphering (<c>DD</c>), or a tag that is not a ciphered APDU.
        /// </summary>
        Unsupported,

        /// <summary>Enciphering: there is not enough room before or after the APDU for the header or the tag; nothing was written.</summary>
        BufferTooSmall,
    }
}
