namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// A decoded RLRQ (Green Book "RLRQ-apdu"): optional reason and optional user-information,
    /// which is recorded by range, not decoded (with ciphering it holds a glo-initiate-request the
    /// security layer checks). Reusable; filled by <see cref="RlrqParser.Parse"/>.
    /// </summary>
    public sealed class RlrqRequest
    {
        /// <summary>Release-request-reason normal (0).</summary>
        public const byte ReasonNormal = 0;
        /// <summary>Release-request-reason urgent (1).</summary>
        public const byte ReasonUrgent = 1;
        /// <summary>Release-request-reason user-defined (30).</summary>
        public const byte ReasonUserDefined = 30;

        /// <summary>The reason element (<c>80 01 r</c>) was present.</summary>
        public bool HasReason;

        /// <summary>The reason value (see the Reason constants); 0 when absent.</summary>
        public byte Reason;

        /// <summary>What user-information (<c>BE</c>) carries (recorded, never decoded here).</summary>
        public UserInformationKind UserInformation;

        /// <summary>The xDLMS tag of the user-information APDU; 0 when absent.</summary>
        public byte UserInformationTag;

        /// <summary>Absolute offset of the xDLMS APDU inside user-information.</summary>
        public int UserInformationOffset;

        /// <summary>Length of the xDLMS APDU inside user-information.</summary>
        public int UserInformationLength;

        /// <summary>Forgets every field.</summary>
        public void Clear()
        {
            HasReason = false;
            Reason = 0;
            UserInformation = UserInformationKind.None;
            UserInformationTag = 0;
            UserInformationOffset = 0;
            UserInformationLength = 0;
        }
    }
}
