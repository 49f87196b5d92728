namespace DlmsDevice.Tests.Security
{
    /// <summary>
    /// Suite-0 vectors. Green Book example keys and the ciphered GET from the Green Book's security examples (also in
    /// dlms-cosem tests/test_security.py and jDLMS CipheringTest); C&gt;S frames of the Gurux.DLMS.Net
    /// client's recorded HLS-GMAC session over the wrapper (docs/interop.md), made with
    /// the same demo keys. Only client-sent bytes are used as input; nothing a server sent is used
    /// as expected output (docs/interop.md).
    /// </summary>
    internal static class SecurityVectors
    {
        /// <summary>Green Book block cipher key EK.</summary>
        public const string EncryptionKey = "000102030405060708090A0B0C0D0E0F";

        /// <summary>Green Book authentication key AK.</summary>
        public const string AuthenticationKey = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";

        /// <summary>System title of the Green Book examples ("MMM" + 12345678).</summary>
        public const string SystemTitle = "4D4D4D0000BC614E";

        /// <summary>GET-Request-Normal of Clock 0.0.1.0.0.255 attribute 2.</summary>
        public const string GetClockTime = "C0 01 00 00 08 0000010000FF 02 00";

        /// <summary>The same GET, glo-get-request, SC 0x30, IC 01234567.</summary>
        public const string GloGetAuthenticatedEncrypted = "C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B";

        /// <summary>The same GET, glo-get-request, SC 0x20 (encryption only: no tag).</summary>
        public const string GloGetEncrypted = "C8 12 20 01234567 411312FF935A47566827C467BC";

        /// <summary>
        /// user-information of the ciphered AARQ in the Green Book's security examples (dlms-cosem tests/test_asce/test_aarq.py),
        /// sent by the client with system title 4D4D4D0000BC614E.
        /// </summary>
        public const string AarqGloInitiateRequest =
            "21 30 30 01234567 80 13 02 FF 8A 78 74 13 3D 41 4C ED 25 B4 25 34 D2 8D B0 04 77 20 60 6B 17 5B D5 22 11 BE 68 41 DB 20 4D 39 EE 6F DB 8E 35 68 55";

        /// <summary>Client system title of the Gurux.DLMS.Net HLS-GMAC session ("Gurux123").</summary>
        public const string GuruxClientSystemTitle = "4775727578313233";

        /// <summary>Its AARQ user-information: glo-initiate-request, SC 0x30, IC 0.</summary>
        public const string GuruxAarqGloInitiateRequest = "21 1F 30 00000000 CB7AB52BB0A3C68CC30A412621FF7903A86E3631B09B7D04455C";

        /// <summary>The InitiateRequest inside it (trace annotation).</summary>
        public const string GuruxInitiateRequest = "01 00 00 00 06 5F1F04 00621E5D FFFF";

        /// <summary>Its reply_to_HLS_authentication: glo-action-request, SC 0x30, IC 2.</summary>
        public const string GuruxGloActionRequest =
            "CB 31 30 00000002 474164CFB30C39F97421BD3751BAF2253CA8968C511A282C05C78DB692B1E41E989BC0D2923A405CEB40C609";

        /// <summary>The ACTION-Request inside it, carrying f(StoC) = 10 00000001 GMAC.</summary>
        public const string GuruxActionRequest = "C3 01 C1 000F 0000280000FF 01 01 09 11 10 00000001 0E329DDAD176AA45468F5A99";

        /// <summary>The StoC challenge the client answered (from the AARE it received).</summary>
        public const string GuruxStoC = "52375E4E443F240F30771A0C6B23401A";

        /// <summary>Its ciphered GET: general-glo-ciphering with the client's system title, SC 0x30, IC 3.</summary>
        public const string GuruxGeneralGloGet =
            "DB 08 4775727578313233 1E 30 00000003 22F7091E73B059FE30D71A90C4BBD75E8E2F1A09765F26E31C";

        /// <summary>The GET-Request-Normal inside it: Register 1.0.1.8.0.255 attribute 2.</summary>
        public const string GuruxGetRequest = "C0 01 C1 0003 0100010800FF 02 00";

        /// <summary>Its RLRQ user-information: glo-initiate-request, SC 0x30, IC 4.</summary>
        public const string GuruxRlrqGloInitiateRequest = "21 1F 30 00000004 DF0EF915C84395022DBFC61718247E8D70CC172AF8E599A77A76";
    }
}
