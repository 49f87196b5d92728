namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// Result of an HDLC codec operation (IEC 62056-46). Malformed input is reported here, never
    /// with an exception.
    /// </summary>
    public enum HdlcStatus
    {
        /// <summary>The operation succeeded.</summary>
        Ok = 0,

        /// <summary>The input ends before the frame or field is complete; nothing was consumed.</summary>
        NeedMore,

        /// <summary>
        /// The frame format field is not type 3 (<c>1010</c> in the top bits), the length is too
        /// short for a header, the header runs past the frame, or the closing flag is missing.
        /// </summary>
        BadFormat,

        /// <summary>An address field is not 1, 2 or 4 bytes long, or a value does not fit its form.</summary>
        BadAddress,

        /// <summary>The header check sequence does not match.</summary>
        BadHcs,

        /// <summary>The frame check sequence does not match.</summary>
        BadFcs,

        /// <summary>The frame length field exceeds the configured maximum frame length.</summary>
        TooLong,

        /// <summary>The caller's buffer is too small (or lacks headroom/tailroom) for the encoding.</summary>
        BufferTooSmall,

        /// <summary>The SNRM/UA parameter field (<c>81 80 ...</c>) is malformed.</summary>
        BadParameter,

        /// <summary>The LLC header is missing or is not the expected <c>E6 E6 00</c> / <c>E6 E7 00</c>.</summary>
        BadLlc,
    }
}
