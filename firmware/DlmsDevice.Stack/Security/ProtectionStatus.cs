namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// Result of removing or adding the protection of an xDLMS APDU for an association
    /// (<see cref="SecurityContext"/>). The server answers every failure of a received APDU but
    /// <see cref="Replayed"/> with the same ExceptionResponse deciphering-error, so a sender
    /// without the keys learns nothing about which check failed; the finer codes are for
    /// diagnostics and tests.
    /// </summary>
    public enum ProtectionStatus : byte
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>The association has no security profile with keys, or no client system title.</summary>
        NotConfigured,

        /// <summary>The envelope cannot be read (length past the input, trailing bytes, a system-title length other than 0 or 8, a payload shorter than the tag) or its tag is not one this step accepts.</summary>
        Malformed,

        /// <summary>The security control byte names another suite, compression, the broadcast key, or no protection at all.</summary>
        UnsupportedSecurity,

        /// <summary>The APDU is protected less than the security policy requires.</summary>
        PolicyViolation,

        /// <summary>A general-glo/ded APDU carries another system title than the association's client.</summary>
        SystemTitleMismatch,

        /// <summary>A ded- APDU arrived but the AARQ carried no dedicated key.</summary>
        NoDedicatedKey,

        /// <summary>The authentication tag does not match (altered tag, ciphertext or header, wrong key).</summary>
        AuthenticationFailed,

        /// <summary>The invocation counter is not greater than the last one accepted with that key (replay).</summary>
        Replayed,

        /// <summary>Our transmit invocation counter cannot be taken (not loaded, worn out, or its reservation could not be persisted).</summary>
        CounterUnavailable,

        /// <summary>Protect: the request was not protected, or the response APDU has no ciphered form (ExceptionResponse in a service-specific envelope): send it as it is.</summary>
        NoProtectedForm,
    }
}
