namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// xDLMS conformance block bits (Green Book, Conformance ::= [APPLICATION 31] BIT STRING
    /// (SIZE(24))). Bit n of the standard is the mask <c>1 &lt;&lt; (23 - n)</c> of the 24-bit
    /// value as it appears on the wire (bit 0 = MSB of the first byte).
    /// </summary>
    public static class Conformance
    {
        /// <summary>general-protection (bit 1).</summary>
        public const int GeneralProtection = 1 << 22;
        /// <summary>general-block-transfer (bit 2).</summary>
        public const int GeneralBlockTransfer = 1 << 21;
        /// <summary>read (bit 3, SN).</summary>
        public const int Read = 1 << 20;
        /// <summary>write (bit 4, SN).</summary>
        public const int Write = 1 << 19;
        /// <summary>unconfirmed-write (bit 5, SN).</summary>
        public const int UnconfirmedWrite = 1 << 18;
        /// <summary>delta-value-encoding (bit 6).</summary>
        public const int DeltaValueEncoding = 1 << 17;
        /// <summary>attribute0-supported-with-set (bit 8).</summary>
        public const int Attribute0SupportedWithSet = 1 << 15;
        /// <summary>priority-mgmt-supported (bit 9).</summary>
        public const int PriorityMgmtSupported = 1 << 14;
        /// <summary>attribute0-supported-with-get (bit 10).</summary>
        public const int Attribute0SupportedWithGet = 1 << 13;
        /// <summary>block-transfer-with-get-or-read (bit 11).</summary>
        public const int BlockTransferWithGetOrRead = 1 << 12;
        /// <summary>block-transfer-with-set-or-write (bit 12).</summary>
        public const int BlockTransferWithSetOrWrite = 1 << 11;
        /// <summary>block-transfer-with-action (bit 13).</summary>
        public const int BlockTransferWithAction = 1 << 10;
        /// <summary>multiple-references (bit 14).</summary>
        public const int MultipleReferences = 1 << 9;
        /// <summary>information-report (bit 15, SN).</summary>
        public const int InformationReport = 1 << 8;
        /// <summary>data-notification (bit 16).</summary>
        public const int DataNotification = 1 << 7;
        /// <summary>access (bit 17).</summary>
        public const int Access = 1 << 6;
        /// <summary>parameterized-access (bit 18, SN).</summary>
        public const int ParameterizedAccess = 1 << 5;
        /// <summary>get (bit 19).</summary>
        public const int Get = 1 << 4;
        /// <summary>set (bit 20).</summary>
        public const int Set = 1 << 3;
        /// <summary>selective-access (bit 21).</summary>
        public const int SelectiveAccess = 1 << 2;
        /// <summary>event-notification (bit 22).</summary>
        public const int EventNotification = 1 << 1;
        /// <summary>action (bit 23).</summary>
        public const int Action = 1 << 0;

        /// <summary>
        /// What this server supports for LN referencing: get, set, action, selective access,
        /// multiple references (with-list), block transfer with GET/SET/ACTION. Equals 0x001E1D.
        /// </summary>
        public const int ServerSupportedLn = Get | Set | Action | SelectiveAccess | MultipleReferences
            | BlockTransferWithGetOrRead | BlockTransferWithSetOrWrite | BlockTransferWithAction;
    }
}
