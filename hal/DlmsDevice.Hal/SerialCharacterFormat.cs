namespace DlmsDevice.Hal
{
    /// <summary>
    /// The character format of an asynchronous serial line: how many data bits, which parity,
    /// how many stop bits follow the start bit. Only the two formats DLMS lines use.
    /// </summary>
    public enum SerialCharacterFormat
    {
        /// <summary>
        /// 8 data bits, no parity, 1 stop bit (10 bits a character): HDLC on a direct line
        /// (IEC 62056-46), and the optical port after the IEC 62056-21 mode E switch-over.
        /// </summary>
        EightNoneOne,

        /// <summary>
        /// 7 data bits, even parity, 1 stop bit (10 bits a character): the IEC 62056-21 sign-on
        /// at 300 Bd on the optical port (modes A to E).
        /// </summary>
        SevenEvenOne,
    }
}
