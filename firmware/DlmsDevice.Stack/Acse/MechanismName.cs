namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// The DLMS authentication mechanism names {2 16 756 5 8 2 mechanism_id}, BER encoded as
    /// <c>60 85 74 05 08 02 m</c>. The constants are the last arc (mechanism_id).
    /// </summary>
    public static class MechanismName
    {
        /// <summary>COSEM_lowest_level_security_mechanism_name (0): no authentication.</summary>
        public const byte None = 0;
        /// <summary>COSEM_low_level_security_mechanism_name (1): LLS, password.</summary>
        public const byte Lls = 1;
        /// <summary>COSEM_high_level_security_mechanism_name (2): HLS, manufacturer specific.</summary>
        public const byte Hls = 2;
        /// <summary>HLS with MD5 (3).</summary>
        public const byte HlsMd5 = 3;
        /// <summary>HLS with SHA-1 (4).</summary>
        public const byte HlsSha1 = 4;
        /// <summary>HLS with GMAC (5).</summary>
        public const byte HlsGmac = 5;
        /// <summary>HLS with SHA-256 (6).</summary>
        public const byte HlsSha256 = 6;
        /// <summary>HLS with ECDSA (7).</summary>
        public const byte HlsEcdsa = 7;

        /// <summary>Highest mechanism_id the Green Book defines.</summary>
        public const byte Highest = HlsEcdsa;

        /// <summary>The arc after DLMS-UA (8) that this kind of name lives under.</summary>
        private const byte ArcMechanismName = 2;

        /// <summary>Length of the whole OBJECT IDENTIFIER content (prefix plus mechanism_id).</summary>
        public const int OidLength = DlmsObjectIdentifier.Length;

        /// <summary>
        /// True when the <see cref="OidLength"/> bytes at <paramref name="offset"/> start with the
        /// DLMS-UA mechanism-name prefix <c>60 85 74 05 08 02</c>.
        /// </summary>
        public static bool HasDlmsPrefix(byte[] buffer, int offset)
        {
            return DlmsObjectIdentifier.HasPrefix(buffer, offset, ArcMechanismName);
        }

        /// <summary>Writes the 7 OID content bytes for <paramref name="mechanismId"/>; returns the next position.</summary>
        public static int WriteOid(byte[] buffer, int offset, byte mechanismId)
        {
            return DlmsObjectIdentifier.Write(buffer, offset, ArcMechanismName, mechanismId);
        }
    }
}
