namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// The DLMS application context names {joint-iso-ccitt(2) country(16) country-name(756)
    /// identified-organization(5) DLMS-UA(8) application-context(1) context_id(x)}, BER encoded
    /// as <c>60 85 74 05 08 01 x</c>. The constants are the last arc (context_id).
    /// </summary>
    public static class ApplicationContextName
    {
        /// <summary>Logical_Name_Referencing_No_Ciphering (1).</summary>
        public const byte LogicalName = 1;
        /// <summary>Short_Name_Referencing_No_Ciphering (2).</summary>
        public const byte ShortName = 2;
        /// <summary>Logical_Name_Referencing_With_Ciphering (3).</summary>
        public const byte LogicalNameWithCiphering = 3;
        /// <summary>Short_Name_Referencing_With_Ciphering (4).</summary>
        public const byte ShortNameWithCiphering = 4;

        /// <summary>The arc after DLMS-UA (8) that this kind of name lives under.</summary>
        private const byte ArcApplicationContext = 1;

        /// <summary>Length of the whole OBJECT IDENTIFIER content (prefix plus context_id).</summary>
        public const int OidLength = DlmsObjectIdentifier.Length;

        /// <summary>
        /// True when the <see cref="OidLength"/> bytes at <paramref name="offset"/> start with the
        /// DLMS-UA application-context prefix <c>60 85 74 05 08 01</c>.
        /// </summary>
        public static bool HasDlmsPrefix(byte[] buffer, int offset)
        {
            return DlmsObjectIdentifier.HasPrefix(buffer, offset, ArcApplicationContext);
        }

        /// <summary>Writes the 7 OID content bytes for <paramref name="contextId"/>; returns the next position.</summary>
        public static int WriteOid(byte[] buffer, int offset, byte contextId)
        {
            return DlmsObjectIdentifier.Write(buffer, offset, ArcApplicationContext, contextId);
        }
    }
}
