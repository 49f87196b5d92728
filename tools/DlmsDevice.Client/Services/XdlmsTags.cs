namespace DlmsDevice.Client
{
    /// <summary>xDLMS APDU tags used by this client (Green Book 9.5, the Green Book's xDLMS APDU examples).</summary>
    public static class XdlmsTags
    {
        /// <summary>get-request [192].</summary>
        public const byte GetRequest = 0xC0;
        /// <summary>set-request [193].</summary>
        public const byte SetRequest = 0xC1;
        /// <summary>action-request [195].</summary>
        public const byte ActionRequest = 0xC3;
        /// <summary>get-response [196].</summary>
        public const byte GetResponse = 0xC4;
        /// <summary>set-response [197].</summary>
        public const byte SetResponse = 0xC5;
        /// <summary>action-response [199].</summary>
        public const byte ActionResponse = 0xC7;
        /// <summary>exception-response [216].</summary>
        public const byte ExceptionResponse = 0xD8;
        /// <summary>confirmed-service-error [14].</summary>
        public const byte ConfirmedServiceError = 0x0E;
        /// <summary>AARE [APPLICATION 1].</summary>
        public const byte Aare = 0x61;
        /// <summary>RLRE [APPLICATION 3].</summary>
        public const byte Rlre = 0x63;
    }
}
