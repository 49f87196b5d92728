namespace DlmsDevice.Stack.Wrapper
{
    /// <summary>
    /// Result of a wrapper (IEC 62056-47) operation. Malformed input is a result code, never an
    /// exception.
    /// </summary>
    public enum WrapperStatus
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>Fewer than the 8 header bytes are available; nothing was consumed.</summary>
        NeedMore,

        /// <summary>The version field is not 0x0001 (IEC 62056-47 wrapper header): not a wrapper stream.</summary>
        BadVersion,

        /// <summary>The length field announces an APDU larger than the configured maximum APDU size.</summary>
        ApduTooLong,

        /// <summary>A UDP datagram's size is not exactly header + length field.</summary>
        LengthMismatch,

        /// <summary>The destination buffer cannot hold what was to be written.</summary>
        BufferTooSmall,

        /// <summary>A wPort to write is outside 0..65535.</summary>
        BadWPort,
    }
}
