namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The reason bits in the third byte of the FRMR information field (ISO/IEC 13239 §5.5.3.4.2,
    /// IEC 62056-46): bit 1 = W, bit 2 = X, bit 3 = Y, bit 4 = Z. Combine with bitwise or.
    /// </summary>
    public static class HdlcFrameRejectReason
    {
        /// <summary>W: the control field is undefined or not implemented.</summary>
        public const int InvalidControl = 0x01;

        /// <summary>
        /// X: the frame carried an information field its type does not permit (sent together with W);
        /// also described as "invalid frame for the state".
        /// </summary>
        public const int InformationNotPermitted = 0x02;

        /// <summary>Y: the information field exceeds the negotiated maximum receive length.</summary>
        public const int InformationTooLong = 0x04;

        /// <summary>Z: N(R) does not acknowledge a frame that was sent and not yet acknowledged.</summary>
        public const int InvalidReceiveSequence = 0x08;
    }
}
