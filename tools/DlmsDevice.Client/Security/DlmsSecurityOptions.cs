using System;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Keys, system title, invocation counter and ciphering choices for HLS (mechanisms 5 and 6)
    /// and suite-0 ciphering. The defaults are the DLMS UA Green Book **test** keys, which every
    /// example server ships with: they protect nothing. Use real keys for a real meter.
    /// </summary>
    public sealed record DlmsSecurityOptions
    {
        /// <summary>Green Book example global unicast encryption key (block cipher key) 000102…0F. A test key.</summary>
        public static ReadOnlySpan<byte> TestBlockCipherKey => new byte[] { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F };

        /// <summary>Green Book example authentication key D0D1…DF. A test key.</summary>
        public static ReadOnlySpan<byte> TestAuthenticationKey => new byte[] { 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF };

        /// <summary>Default client system title 4D4D4D0000000001 ("MMM", serial 1), as in the Green Book HLS example.</summary>
        public static ReadOnlySpan<byte> DefaultSystemTitle => new byte[] { 0x4D, 0x4D, 0x4D, 0x00, 0x00, 0x00, 0x00, 0x01 };

        /// <summary>The Data object holding the server's invocation counter for a client (0.0.43.1.0.255; IS 15959 uses .e = client).</summary>
        public static readonly ObisCode DefaultInvocationCounterObject = new(0, 0, 43, 1, 0, 255);

        /// <summary>Protection of xDLMS APDUs (default none). Anything but None selects the ciphered application context (…01 03).</summary>
        public SecurityPolicy Policy { get; init; } = SecurityPolicy.None;

        /// <summary>How GET/SET/ACTION requests are wrapped (default service-specific glo).</summary>
        public CipheringKind Ciphering { get; init; } = CipheringKind.Glo;

        /// <summary>
        /// Wrapping of the reply_to_HLS_authentication ACTION; null (default) = <see cref="Ciphering"/>.
        /// Both Gurux clients send it as glo-action (CB) even when their GETs use general-glo (DB).
        /// </summary>
        public CipheringKind? HlsReplyCiphering { get; init; }

        /// <summary>Global unicast encryption key EK, 16 bytes (default: the Green Book test key).</summary>
        public byte[] BlockCipherKey { get; init; } = TestBlockCipherKey.ToArray();

        /// <summary>Authentication key AK, 16 bytes (default: the Green Book test key).</summary>
        public byte[] AuthenticationKey { get; init; } = TestAuthenticationKey.ToArray();

        /// <summary>The client's system title (calling-AP-title), 8 bytes (default 4D4D4D0000000001).</summary>
        public byte[] SystemTitle { get; init; } = DefaultSystemTitle.ToArray();

        /// <summary>
        /// The server's system title if known in advance (8 bytes): used when the AARE carries no
        /// responding-AP-title; the AARE's, when present, wins.
        /// </summary>
        public byte[]? ServerSystemTitle { get; init; }

        /// <summary>
        /// Dedicated key sent in the ciphered InitiateRequest (16 bytes); null = none, except that
        /// <see cref="CipheringKind.Ded"/> without one makes a random key per association.
        /// </summary>
        public byte[]? DedicatedKey { get; init; }

        /// <summary>Invocation counter of the first protected APDU (the AARQ's); +1 for every protected APDU and GMAC proof after it.</summary>
        public uint InvocationCounter { get; init; }

        /// <summary>
        /// Read the server's counter for this client first: a separate public association (client 16,
        /// no security) GETs this Data object's value, and <see cref="InvocationCounter"/> becomes value + 1
        /// (what dlms-cosem's read.py does). Null (default) = use <see cref="InvocationCounter"/>.
        /// </summary>
        public ObisCode? ReadInvocationCounterFrom { get; init; }

        /// <summary>A fixed CtoS challenge (8..64 bytes) instead of a random one, for interop tests.</summary>
        public byte[]? Challenge { get; init; }

        /// <summary>Length of the random CtoS challenge, 8..64 (default 16, as the reference clients send).</summary>
        public int ChallengeLength { get; init; } = 16;

        /// <summary>The shared secret of HLS-SHA256 (mechanism 6).</summary>
        public byte[]? HlsSecret { get; init; }

        /// <summary>True (default): reject a protected reply whose invocation counter is not above the previous reply's (replay).</summary>
        public bool CheckServerInvocationCounter { get; init; } = true;

        /// <summary>Throws <see cref="ArgumentException"/> for wrong key, title or challenge sizes.</summary>
        public void Validate(AuthenticationMechanism mechanism)
        {
            CheckLength(BlockCipherKey, SuiteZeroCipher.KeyLength, "The block cipher key (EK)");
            CheckLength(AuthenticationKey, SuiteZeroCipher.KeyLength, "The authentication key (AK)");
            CheckLength(SystemTitle, SuiteZeroCipher.SystemTitleLength, "The client system title");
            if (ServerSystemTitle is not null)
            {
                CheckLength(ServerSystemTitle, SuiteZeroCipher.SystemTitleLength, "The server system title");
            }
            if (DedicatedKey is not null)
            {
                CheckLength(DedicatedKey, SuiteZeroCipher.KeyLength, "The dedicated key");
            }
            int challengeLength = Challenge?.Length ?? ChallengeLength;
            if (challengeLength < 8 || challengeLength > 64)
            {
                throw new ArgumentException("The CtoS challenge must be 8..64 bytes, not " + challengeLength + ".");
            }
            if (mechanism == AuthenticationMechanism.HighSha256 && (HlsSecret is null || HlsSecret.Length == 0))
            {
                throw new ArgumentException("HLS-SHA256 needs a secret (HlsSecret / --secret).");
            }
            if (Policy is not (SecurityPolicy.None or SecurityPolicy.Authenticated or SecurityPolicy.Encrypted or SecurityPolicy.AuthenticatedEncrypted))
            {
                throw new ArgumentException("Unknown security policy " + (byte)Policy + ".");
            }
        }

        private static void CheckLength(byte[]? value, int length, string what)
        {
            if (value is null || value.Length != length)
            {
                throw new ArgumentException(what + " must be " + length + " bytes, not " + (value?.Length ?? 0) + ".");
            }
        }
    }
}
