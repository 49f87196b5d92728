namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The security control byte SC that starts every security header (Green Book, "security
    /// header": SC || invocation counter). Bits 0-3 are the security suite, bit 4 authentication,
    /// bit 5 encryption, bit 6 broadcast key, bit 7 compression. 0x30 = authenticated and
    /// encrypted with suite 0; 0x10 = authentication only (also the SC inside HLS-GMAC responses).
    /// </summary>
    public static class SecurityControl
    {
        /// <summary>Bits 0-3: security suite id.</summary>
        public const byte SuiteMask = 0x0F;

        /// <summary>Bit 4: the APDU carries an authentication tag.</summary>
        public const byte Authentication = 0x10;

        /// <summary>Bit 5: the APDU is encrypted.</summary>
        public const byte Encryption = 0x20;

        /// <summary>Bit 6: the broadcast key was used instead of the unicast key.</summary>
        public const byte BroadcastKey = 0x40;

        /// <summary>Bit 7: the plaintext was compressed before protection.</summary>
        public const byte Compression = 0x80;

        /// <summary>Suite 0, authenticated and encrypted.</summary>
        public const byte AuthenticatedEncrypted = Authentication | Encryption;

        /// <summary>Security suite 0: AES-GCM-128 (with key wrap AES-128).</summary>
        public const int Suite0 = 0;

        /// <summary>The security suite id (bits 0-3).</summary>
        public static int Suite(byte securityControl)
        {
            return securityControl & SuiteMask;
        }

        /// <summary>True when bit 4 (authentication) is set.</summary>
        public static bool IsAuthenticated(byte securityControl)
        {
            return (securityControl & Authentication) != 0;
        }

        /// <summary>True when bit 5 (encryption) is set.</summary>
        public static bool IsEncrypted(byte securityControl)
        {
            return (securityControl & Encryption) != 0;
        }

        /// <summary>True when bit 6 (broadcast key) is set.</summary>
        public static bool UsesBroadcastKey(byte securityControl)
        {
            return (securityControl & BroadcastKey) != 0;
        }

        /// <summary>True when bit 7 (compression) is set.</summary>
        public static bool IsCompressed(byte securityControl)
        {
            return (securityControl & Compression) != 0;
        }

        /// <summary>Builds an SC byte for <paramref name="suite"/> (0..15) with the given protection bits.</summary>
        public static byte Make(int suite, bool authenticated, bool encrypted)
        {
            int value = suite & SuiteMask;
            if (authenticated)
            {
                value |= Authentication;
            }

            if (encrypted)
            {
                value |= Encryption;
            }

            return (byte)value;
        }

        /// <summary>
        /// Checks that suite-0 ciphering code here can process <paramref name="securityControl"/>:
        /// suite 0, authentication and/or encryption, no compression, no broadcast key.
        /// </summary>
        /// <returns>Ok, UnsupportedSuite or Unsupported.</returns>
        public static SecurityStatus CheckSuite0(byte securityControl)
        {
            if (Suite(securityControl) != Suite0)
            {
                return SecurityStatus.UnsupportedSuite;
            }

            if ((securityControl & (Compression | BroadcastKey)) != 0
                || (securityControl & AuthenticatedEncrypted) == 0)
            {
                return SecurityStatus.Unsupported;
            }

            return SecurityStatus.Ok;
        }
    }
}
