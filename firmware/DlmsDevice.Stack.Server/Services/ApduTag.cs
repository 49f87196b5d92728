namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// First byte of an APDU (Green Book, COSEM APDU tags: ACSE BER tags and xDLMS A-XDR choice
    /// numbers). Only the tags the server recognises are listed.
    /// </summary>
    public static class ApduTag
    {
        /// <summary>AARQ (ACSE, [APPLICATION 0]).</summary>
        public const byte Aarq = 0x60;
        /// <summary>AARE (ACSE, [APPLICATION 1]).</summary>
        public const byte Aare = 0x61;
        /// <summary>RLRQ (ACSE, [APPLICATION 2]).</summary>
        public const byte Rlrq = 0x62;
        /// <summary>RLRE (ACSE, [APPLICATION 3]).</summary>
        public const byte Rlre = 0x63;

        /// <summary>xDLMS InitiateRequest sent on its own (not inside an AARQ).</summary>
        public const byte InitiateRequest = 0x01;
        /// <summary>ReadRequest (SN referencing).</summary>
        public const byte ReadRequest = 0x05;
        /// <summary>WriteRequest (SN referencing).</summary>
        public const byte WriteRequest = 0x06;
        /// <summary>UnconfirmedWriteRequest (SN referencing).</summary>
        public const byte UnconfirmedWriteRequest = 0x16;
        /// <summary>ConfirmedServiceError.</summary>
        public const byte ConfirmedServiceError = 0x0E;
        /// <summary>DataNotification.</summary>
        public const byte DataNotification = 0x0F;

        /// <summary>GET-Request.</summary>
        public const byte GetRequest = 0xC0;
        /// <summary>SET-Request.</summary>
        public const byte SetRequest = 0xC1;
        /// <summary>EventNotification-Request.</summary>
        public const byte EventNotificationRequest = 0xC2;
        /// <summary>ACTION-Request.</summary>
        public const byte ActionRequest = 0xC3;
        /// <summary>GET-Response.</summary>
        public const byte GetResponse = 0xC4;
        /// <summary>SET-Response.</summary>
        public const byte SetResponse = 0xC5;
        /// <summary>ACTION-Response.</summary>
        public const byte ActionResponse = 0xC7;

        /// <summary>First glo-ciphered request tag (glo-get-request 0xC8); 0xC8..0xCB are glo-get/set/event/action requests.</summary>
        public const byte GloGetRequest = 0xC8;
        /// <summary>Last ded-ciphered tag the server could receive (ded-action-request 0xD3); 0xD0..0xD3 are ded requests.</summary>
        public const byte DedActionRequest = 0xD3;
        /// <summary>ExceptionResponse.</summary>
        public const byte ExceptionResponse = 0xD8;
        /// <summary>Access-Request (DLMS 8+ "access" service).</summary>
        public const byte AccessRequest = 0xD9;
        /// <summary>general-glo-ciphering.</summary>
        public const byte GeneralGloCiphering = 0xDB;
        /// <summary>general-ded-ciphering.</summary>
        public const byte GeneralDedCiphering = 0xDC;
        /// <summary>general-ciphering.</summary>
        public const byte GeneralCiphering = 0xDD;
        /// <summary>general-signing.</summary>
        public const byte GeneralSigning = 0xDF;
        /// <summary>general-block-transfer.</summary>
        public const byte GeneralBlockTransfer = 0xE0;
        /// <summary>glo-initiate-request (ciphered InitiateRequest).</summary>
        public const byte GloInitiateRequest = 0x21;

        /// <summary>
        /// True for a client-to-server APDU this server recognises but does not serve (SN
        /// services, ciphered and general-* envelopes, GBT, access, InitiateRequest alone): such
        /// requests are answered with ExceptionResponse service-not-supported, not service-unknown.
        /// </summary>
        public static bool IsKnownUnsupportedRequest(byte tag)
        {
            if (tag >= GloGetRequest && tag <= DedActionRequest)
            {
                return true;
            }
            switch (tag)
            {
                case InitiateRequest:
                case ReadRequest:
                case WriteRequest:
                case UnconfirmedWriteRequest:
                case GloInitiateRequest:
                case AccessRequest:
                case GeneralGloCiphering:
                case GeneralDedCiphering:
                case GeneralCiphering:
                case GeneralSigning:
                case GeneralBlockTransfer:
                    return true;
                default:
                    return false;
            }
        }
    }
}
