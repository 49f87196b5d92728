namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Result of an ACSE decode or encode (AARQ, RLRQ, AARE, RLRE). Ok = 0. Protocol errors are
    /// reported with these codes, never with exceptions.
    /// </summary>
    public enum AcseStatus : byte
    {
        /// <summary>The APDU was decoded or encoded.</summary>
        Ok = 0,

        /// <summary>
        /// The input ended before the APDU did: its outer BER length (or the header itself) runs
        /// past the bytes given.
        /// </summary>
        Truncated,

        /// <summary>
        /// Malformed: wrong APDU tag, indefinite or oversized BER length, an inner element that
        /// overruns its container, a wrong inner tag, or a malformed xDLMS InitiateRequest.
        /// </summary>
        Invalid,

        /// <summary>
        /// Well formed, but a field exceeds the preallocated capacity (calling-AP-title over 16
        /// bytes, authentication value over 64 bytes, dedicated key over 16 bytes).
        /// </summary>
        TooLarge,

        /// <summary>Encoding: the output region is too small; nothing was written.</summary>
        Overflow,
    }
}
