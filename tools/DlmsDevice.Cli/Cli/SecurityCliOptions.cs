using System;
using System.CommandLine;
using System.Globalization;
using System.Text;

namespace DlmsDevice.Client.Cli
{
    /// <summary>The HLS and ciphering options of the command line (see README.md) and their mapping to <see cref="DlmsSecurityOptions"/>.</summary>
    internal static class SecurityCliOptions
    {
        public static readonly Option<string> Security = new("--security")
        {
            Description = "Security policy of the xDLMS APDUs: none, auth, enc or auth-enc (suite 0, AES-GCM-128)",
            DefaultValueFactory = _ => "none",
            Recursive = true,
        };
        public static readonly Option<string> Ciphering = new("--ciphering")
        {
            Description = "How requests are ciphered: glo (C8/C9/CB), general-glo (DB with the system title) or ded (D0/D1/D3 with the dedicated key)",
            DefaultValueFactory = _ => "glo",
            Recursive = true,
        };
        public static readonly Option<string?> HlsReplyCiphering = new("--hls-reply-ciphering")
        {
            Description = "Ciphering of the reply_to_HLS_authentication ACTION (default: as --ciphering; the Gurux clients use glo with general-glo)",
            Recursive = true,
        };
        public static readonly Option<string?> BlockKey = new("--block-key", "-B")
        {
            Description = "Global block cipher (encryption) key EK, 32 hex digits (default: Green Book test key 000102...0F)",
            Recursive = true,
        };
        public static readonly Option<string?> AuthKey = new("--auth-key", "-A")
        {
            Description = "Authentication key AK, 32 hex digits (default: Green Book test key D0D1...DF)",
            Recursive = true,
        };
        public static readonly Option<string?> SystemTitle = new("--system-title", "-T")
        {
            Description = "Client system title, 16 hex digits (default 4D4D4D0000000001)",
            Recursive = true,
        };
        public static readonly Option<string?> ServerSystemTitle = new("--server-system-title")
        {
            Description = "Server system title, 16 hex digits, for servers whose AARE has no responding-AP-title",
            Recursive = true,
        };
        public static readonly Option<string?> DedicatedKey = new("--dedicated-key")
        {
            Description = "Dedicated key sent in the ciphered InitiateRequest, 32 hex digits (--ciphering ded without it: a random key)",
            Recursive = true,
        };
        public static readonly Option<string?> InvocationCounter = new("--ic")
        {
            Description = "Invocation counter of the first protected APDU (decimal or 0x hex; default 0)",
            Recursive = true,
        };
        public static readonly Option<string?> ReadInvocationCounter = new("--read-ic")
        {
            Description = "Read the server's counter for this client first, as the public client (16), from this Data object (e.g. 0.0.43.1.0.255) and use value + 1",
            Recursive = true,
        };
        public static readonly Option<string?> Secret = new("--secret")
        {
            Description = "HLS-SHA256 shared secret as text (default: --password)",
            Recursive = true,
        };
        public static readonly Option<string?> SecretHex = new("--secret-hex")
        {
            Description = "HLS-SHA256 shared secret as hex",
            Recursive = true,
        };
        public static readonly Option<string?> Challenge = new("--challenge")
        {
            Description = "Fixed CtoS challenge in hex, 8..64 bytes (default: random)",
            Recursive = true,
        };
        public static readonly Option<int> ChallengeLength = new("--challenge-length")
        {
            Description = "Length of the random CtoS challenge, 8..64 bytes",
            DefaultValueFactory = _ => 16,
            Recursive = true,
        };

        public static Option[] All => new Option[]
        {
            Security, Ciphering, HlsReplyCiphering, BlockKey, AuthKey, SystemTitle, ServerSystemTitle, DedicatedKey,
            InvocationCounter, ReadInvocationCounter, Secret, SecretHex, Challenge, ChallengeLength,
        };

        /// <summary>Builds the security options; throws <see cref="FormatException"/> for bad values.</summary>
        public static DlmsSecurityOptions Build(ParseResult p, AuthenticationMechanism mechanism, string? password)
        {
            SecurityPolicy policy = (p.GetValue(Security) ?? "none").ToLowerInvariant() switch
            {
                "none" => SecurityPolicy.None,
                "auth" or "authenticated" => SecurityPolicy.Authenticated,
                "enc" or "encrypted" => SecurityPolicy.Encrypted,
                "auth-enc" or "authenticated-encrypted" => SecurityPolicy.AuthenticatedEncrypted,
                string other => throw new FormatException("Unknown --security '" + other + "' (none, auth, enc, auth-enc)."),
            };
            CipheringKind ciphering = ParseCiphering(p.GetValue(Ciphering) ?? "glo", "--ciphering");
            string? hlsReply = p.GetValue(HlsReplyCiphering);

            var defaults = new DlmsSecurityOptions();
            byte[]? secret = null;
            string? secretHex = p.GetValue(SecretHex);
            string? secretText = p.GetValue(Secret) ?? password;
            if (secretHex is not null)
            {
                secret = Hex(secretHex, null, "--secret-hex");
            }
            else if (secretText is not null)
            {
                secret = Encoding.UTF8.GetBytes(secretText);
            }

            ObisCode? readFrom = null;
            string? readText = p.GetValue(ReadInvocationCounter);
            if (readText is not null)
            {
                if (ObisCode.TryParse(readText, out ObisCode code))
                {
                    readFrom = code;
                }
                else
                {
                    throw new FormatException("--read-ic: '" + readText + "' is not an OBIS code.");
                }
            }

            var options = new DlmsSecurityOptions
            {
                Policy = policy,
                Ciphering = ciphering,
                HlsReplyCiphering = hlsReply is null ? null : ParseCiphering(hlsReply, "--hls-reply-ciphering"),
                BlockCipherKey = Hex(p.GetValue(BlockKey), 16, "--block-key") ?? defaults.BlockCipherKey,
                AuthenticationKey = Hex(p.GetValue(AuthKey), 16, "--auth-key") ?? defaults.AuthenticationKey,
                SystemTitle = Hex(p.GetValue(SystemTitle), 8, "--system-title") ?? defaults.SystemTitle,
                ServerSystemTitle = Hex(p.GetValue(ServerSystemTitle), 8, "--server-system-title"),
                DedicatedKey = Hex(p.GetValue(DedicatedKey), 16, "--dedicated-key"),
                InvocationCounter = ParseCounter(p.GetValue(InvocationCounter)),
                ReadInvocationCounterFrom = readFrom,
                Challenge = Hex(p.GetValue(Challenge), null, "--challenge"),
                ChallengeLength = p.GetValue(ChallengeLength),
                HlsSecret = secret,
            };
            if (readFrom is not null && p.GetValue(InvocationCounter) is not null)
            {
                throw new FormatException("Give either --ic or --read-ic, not both.");
            }
            try
            {
                if (mechanism is AuthenticationMechanism.HighGmac or AuthenticationMechanism.HighSha256 || policy != SecurityPolicy.None)
                {
                    options.Validate(mechanism);
                }
                if (policy == SecurityPolicy.None && options.DedicatedKey is not null)
                {
                    throw new ArgumentException("--dedicated-key needs a --security policy (the key travels in the ciphered InitiateRequest).");
                }
            }
            catch (ArgumentException e)
            {
                throw new FormatException(e.Message, e);
            }
            return options;
        }

        private static CipheringKind ParseCiphering(string text, string option) => text.ToLowerInvariant() switch
        {
            "glo" => CipheringKind.Glo,
            "general-glo" or "general" => CipheringKind.GeneralGlo,
            "ded" => CipheringKind.Ded,
            string other => throw new FormatException("Unknown " + option + " '" + other + "' (glo, general-glo, ded)."),
        };

        private static uint ParseCounter(string? text)
        {
            if (text is null)
            {
                return 0;
            }
            bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!uint.TryParse(hex ? text.AsSpan(2) : text.AsSpan(), hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out uint value))
            {
                throw new FormatException("--ic: '" + text + "' is not a 32-bit unsigned number.");
            }
            return value;
        }

        internal static byte[]? Hex(string? text, int? length, string option)
        {
            if (text is null)
            {
                return null;
            }
            string digits = text.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                digits = digits.Substring(2);
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(digits);
            }
            catch (FormatException)
            {
                throw new FormatException(option + ": '" + text + "' is not hex.");
            }
            if (length is int n && bytes.Length != n)
            {
                throw new FormatException(option + " must be " + n + " bytes (" + 2 * n + " hex digits), not " + bytes.Length + ".");
            }
            return bytes;
        }
    }
}
