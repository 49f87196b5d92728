namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Encodes the xDLMS APDUs an AARE carries in user-information (A-XDR, Green Book):
    /// <code>
    /// InitiateResponse ::= SEQUENCE {
    ///   negotiated-quality-of-service [0] IMPLICIT Integer8 OPTIONAL, -- 00 (absent)
    ///   negotiated-dlms-version-number Unsigned8,                      -- 06
    ///   negotiated-conformance Conformance,                            -- 5F 1F 04 00 c c c
    ///   server-max-receive-pdu-size Unsigned16,
    ///   vaa-name ObjectName }                                          -- 00 07 for LN
    /// ConfirmedServiceError initiateError [1] ServiceError initiate [6] -- 0E 01 06 e
    /// </code>
    /// The security layer uses these to build the plaintext it ciphers into a glo-initiate-response.
    /// </summary>
    public static class InitiateResponseWriter
    {
        /// <summary>Bytes of an InitiateResponse: <c>08 00 06 5F 1F 04 00 c c c p p v v</c>.</summary>
        public const int InitiateResponseLength = 14;

        /// <summary>Bytes of a ConfirmedServiceError initiateError: <c>0E 01 06 e</c>.</summary>
        public const int InitiateErrorLength = 4;

        /// <summary>ConfirmedServiceError CHOICE initiateError [1].</summary>
        private const byte InitiateErrorChoice = 1;

        /// <summary>ServiceError CHOICE initiate [6].</summary>
        private const byte ServiceErrorInitiate = 6;

        /// <summary>
        /// Writes an InitiateResponse at <paramref name="offset"/> if <see cref="InitiateResponseLength"/>
        /// bytes fit in <paramref name="max"/>; otherwise writes nothing and returns Overflow.
        /// </summary>
        public static AcseStatus WriteInitiateResponse(byte[] buffer, int offset, int max, byte dlmsVersion,
            int conformance, int serverMaxReceivePdu, ushort vaaName, out int length)
        {
            length = 0;
            if (max < InitiateResponseLength)
            {
                return AcseStatus.Overflow;
            }

            buffer[offset] = AcseTag.InitiateResponse;
            buffer[offset + 1] = 0x00; // negotiated-quality-of-service absent
            buffer[offset + 2] = dlmsVersion;
            buffer[offset + 3] = 0x5F; // [APPLICATION 31] Conformance
            buffer[offset + 4] = 0x1F;
            buffer[offset + 5] = 0x04; // BIT STRING length: unused-bits octet + 3
            buffer[offset + 6] = 0x00; // no unused bits
            buffer[offset + 7] = (byte)(conformance >> 16);
            buffer[offset + 8] = (byte)(conformance >> 8);
            buffer[offset + 9] = (byte)conformance;
            buffer[offset + 10] = (byte)(serverMaxReceivePdu >> 8);
            buffer[offset + 11] = (byte)serverMaxReceivePdu;
            buffer[offset + 12] = (byte)(vaaName >> 8);
            buffer[offset + 13] = (byte)vaaName;
            length = InitiateResponseLength;
            return AcseStatus.Ok;
        }

        /// <summary>
        /// Writes a ConfirmedServiceError initiateError at <paramref name="offset"/> if
        /// <see cref="InitiateErrorLength"/> bytes fit; otherwise writes nothing and returns Overflow.
        /// </summary>
        public static AcseStatus WriteInitiateError(byte[] buffer, int offset, int max, InitiateError error, out int length)
        {
            length = 0;
            if (max < InitiateErrorLength)
            {
                return AcseStatus.Overflow;
            }

            buffer[offset] = AcseTag.ConfirmedServiceError;
            buffer[offset + 1] = InitiateErrorChoice;
            buffer[offset + 2] = ServiceErrorInitiate;
            buffer[offset + 3] = (byte)error;
            length = InitiateErrorLength;
            return AcseStatus.Ok;
        }
    }
}
