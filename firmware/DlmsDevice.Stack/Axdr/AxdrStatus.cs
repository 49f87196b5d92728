namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// Result of an A-XDR read. Any result other than <see cref="Ok"/> leaves the reader's
    /// position where it was (peek, validate, then advance).
    /// </summary>
    /// <remarks>
    /// The service layer maps these to DLMS results: <see cref="TypeMismatch"/> usually becomes
    /// data-access-result type-unmatched (12), the others a malformed-APDU response.
    /// </remarks>
    public enum AxdrStatus : byte
    {
        /// <summary>The value was read and the cursor moved past it.</summary>
        Ok = 0,

        /// <summary>Not enough bytes left: the input ended inside the value.</summary>
        Truncated,

        /// <summary>The tag (or the octet-string length of a date-time, date, time or OBIS code) is not the one asked for.</summary>
        TypeMismatch,

        /// <summary>
        /// Malformed: bad length form, a length over the int range, nesting deeper than the
        /// reader's limit, an unknown tag inside a value being skipped, or a value out of range.
        /// </summary>
        Invalid,
    }
}
