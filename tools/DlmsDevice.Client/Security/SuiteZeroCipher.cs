using System;
using System.Security.Cryptography;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Security suite 0 (AES-GCM-128, Green Book 9.2.3.3.7 and 9.2.7.2.4) on whole byte arrays:
    /// builds and checks the ciphered content <c>SC ‖ IC ‖ payload</c> that glo-, ded- and
    /// general-glo-ciphering APDUs carry, and computes GMAC tags for HLS mechanism 5.
    /// </summary>
    /// <remarks>
    /// IV = system title (8 bytes) ‖ invocation counter (4 bytes, big-endian); tags are truncated to
    /// 12 bytes. Authenticated and encrypted: payload = ciphertext ‖ tag, AAD = SC ‖ AK.
    /// Authenticated only: payload = plaintext ‖ tag, AAD = SC ‖ AK ‖ plaintext (GMAC).
    /// Encrypted only: payload = ciphertext, no tag, no AAD (GCM's counter mode alone).
    /// AES-GCM comes from System.Security.Cryptography.AesGcm (this is desktop code).
    /// </remarks>
    public static class SuiteZeroCipher
    {
        /// <summary>Length of the truncated authentication tag (Green Book 9.2.3.3.7.2).</summary>
        public const int TagLength = 12;

        /// <summary>Length of a system title.</summary>
        public const int SystemTitleLength = 8;

        /// <summary>Length of an AES-128 key.</summary>
        public const int KeyLength = 16;

        /// <summary>Bytes the protection adds to an APDU's content: SC, IC and the tag.</summary>
        public const int HeaderAndTagLength = 1 + 4 + TagLength;

        /// <summary>Security control byte bit: authenticated.</summary>
        public const byte AuthenticatedBit = 0x10;

        /// <summary>Security control byte bit: encrypted.</summary>
        public const byte EncryptedBit = 0x20;

        /// <summary>
        /// Protects <paramref name="plaintext"/>: returns <c>SC ‖ IC ‖ payload</c> for the given policy
        /// (SC = the policy's bits, suite 0).
        /// </summary>
        /// <param name="policy">Authenticated, encrypted or both (not None).</param>
        /// <param name="encryptionKey">EK (global) or the dedicated key, 16 bytes.</param>
        /// <param name="authenticationKey">AK, 16 bytes.</param>
        /// <param name="systemTitle">The sender's system title, 8 bytes.</param>
        /// <param name="invocationCounter">The sender's invocation counter for this APDU.</param>
        /// <param name="plaintext">The APDU to protect.</param>
        public static byte[] Protect(SecurityPolicy policy, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> authenticationKey,
            ReadOnlySpan<byte> systemTitle, uint invocationCounter, ReadOnlySpan<byte> plaintext)
        {
            if (policy == SecurityPolicy.None)
            {
                throw new ArgumentException("Security policy None has nothing to protect.", nameof(policy));
            }
            CheckKeys(encryptionKey, authenticationKey, systemTitle);
            byte sc = (byte)policy;
            bool authenticated = (sc & AuthenticatedBit) != 0;
            bool encrypted = (sc & EncryptedBit) != 0;
            var output = new byte[5 + plaintext.Length + (authenticated ? TagLength : 0)];
            output[0] = sc;
            WriteUInt32(output.AsSpan(1), invocationCounter);
            Span<byte> iv = stackalloc byte[12];
            Iv(systemTitle, invocationCounter, iv);
            Span<byte> payload = output.AsSpan(5, plaintext.Length);
            Span<byte> tag = authenticated ? output.AsSpan(5 + plaintext.Length, TagLength) : Span<byte>.Empty;
            if (encrypted && authenticated)
            {
                byte[] aad = Aad(sc, authenticationKey, ReadOnlySpan<byte>.Empty);
                using var gcm = new AesGcm(encryptionKey, TagLength);
                gcm.Encrypt(iv, plaintext, payload, tag, aad);
            }
            else if (encrypted)
            {
                Ctr(encryptionKey, iv, plaintext, payload);
            }
            else
            {
                plaintext.CopyTo(payload);
                Gmac(encryptionKey, iv, Aad(sc, authenticationKey, plaintext), tag);
            }
            return output;
        }

        /// <summary>
        /// Checks and removes the protection from <c>SC ‖ IC ‖ payload</c>.
        /// </summary>
        /// <param name="content">The ciphered content (after the APDU tag and length).</param>
        /// <param name="encryptionKey">EK (global) or the dedicated key.</param>
        /// <param name="authenticationKey">AK.</param>
        /// <param name="systemTitle">The sender's system title.</param>
        /// <param name="securityControl">The SC byte found.</param>
        /// <param name="invocationCounter">The sender's invocation counter found.</param>
        /// <returns>The plaintext APDU.</returns>
        /// <exception cref="DlmsSecurityException">Unknown suite, compression, truncated content or a wrong tag.</exception>
        public static byte[] Unprotect(ReadOnlySpan<byte> content, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> authenticationKey,
            ReadOnlySpan<byte> systemTitle, out byte securityControl, out uint invocationCounter)
        {
            CheckKeys(encryptionKey, authenticationKey, systemTitle);
            if (content.Length < 5)
            {
                throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, "Ciphered content of " + content.Length + " bytes has no security header (SC + IC).");
            }
            byte sc = content[0];
            securityControl = sc;
            invocationCounter = ReadUInt32(content.Slice(1));
            if ((sc & 0x0F) != 0 || (sc & 0x80) != 0)
            {
                throw new DlmsSecurityException(SecurityFailure.DecipheringFailed,
                    "Security control 0x" + sc.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " asks for security suite " + (sc & 0x0F)
                    + ((sc & 0x80) != 0 ? " with compression" : "") + "; this client supports suite 0 without compression.");
            }
            bool authenticated = (sc & AuthenticatedBit) != 0;
            bool encrypted = (sc & EncryptedBit) != 0;
            if (!authenticated && !encrypted)
            {
                throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, "Security control 0x00: the content is neither authenticated nor encrypted.");
            }
            int payloadLength = content.Length - 5 - (authenticated ? TagLength : 0);
            if (payloadLength < 0)
            {
                throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, "Ciphered content of " + content.Length + " bytes is shorter than its security header and tag.");
            }
            Span<byte> iv = stackalloc byte[12];
            Iv(systemTitle, invocationCounter, iv);
            ReadOnlySpan<byte> payload = content.Slice(5, payloadLength);
            ReadOnlySpan<byte> tag = authenticated ? content.Slice(5 + payloadLength, TagLength) : ReadOnlySpan<byte>.Empty;
            var plaintext = new byte[payloadLength];
            if (encrypted && authenticated)
            {
                using var gcm = new AesGcm(encryptionKey, TagLength);
                try
                {
                    gcm.Decrypt(iv, payload, tag, plaintext, Aad(sc, authenticationKey, ReadOnlySpan<byte>.Empty));
                }
                catch (AuthenticationTagMismatchException)
                {
                    throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, "Authentication tag mismatch (IC " + invocationCounter + "): wrong keys or system title, or the APDU was altered.");
                }
            }
            else if (encrypted)
            {
                Ctr(encryptionKey, iv, payload, plaintext);
            }
            else
            {
                Span<byte> expected = stackalloc byte[TagLength];
                Gmac(encryptionKey, iv, Aad(sc, authenticationKey, payload), expected);
                if (!CryptographicOperations.FixedTimeEquals(expected, tag))
                {
                    throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, "Authentication tag mismatch (IC " + invocationCounter + "): wrong keys or system title, or the APDU was altered.");
                }
                payload.CopyTo(plaintext);
            }
            return plaintext;
        }

        /// <summary>
        /// The 12-byte GMAC tag of <paramref name="data"/> with security control <paramref name="securityControl"/>:
        /// AES-GCM(EK, IV = ST ‖ IC, AAD = SC ‖ AK ‖ data, empty plaintext).
        /// </summary>
        public static byte[] GmacTag(byte securityControl, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> authenticationKey,
            ReadOnlySpan<byte> systemTitle, uint invocationCounter, ReadOnlySpan<byte> data)
        {
            CheckKeys(encryptionKey, authenticationKey, systemTitle);
            Span<byte> iv = stackalloc byte[12];
            Iv(systemTitle, invocationCounter, iv);
            var tag = new byte[TagLength];
            Gmac(encryptionKey, iv, Aad(securityControl, authenticationKey, data), tag);
            return tag;
        }

        private static void Gmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, Span<byte> tag)
        {
            using var gcm = new AesGcm(key, TagLength);
            gcm.Encrypt(iv, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, tag, aad);
        }

        // GCM's CTR part (NIST SP 800-38D 6.5): the first counter block for the data is
        // J0 + 1 = IV ‖ 00000002 with a 96-bit IV; the counter is the last 32 bits.
        private static void Ctr(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
        {
            using Aes aes = Aes.Create();
            aes.Key = key.ToArray();
            var counter = new byte[16];
            iv.CopyTo(counter);
            var keystream = new byte[16];
            uint block = 2;
            for (int offset = 0; offset < input.Length; offset += 16, block++)
            {
                WriteUInt32(counter.AsSpan(12), block);
                aes.EncryptEcb(counter, keystream, PaddingMode.None);
                int n = Math.Min(16, input.Length - offset);
                for (int i = 0; i < n; i++)
                {
                    output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
                }
            }
        }

        private static byte[] Aad(byte sc, ReadOnlySpan<byte> authenticationKey, ReadOnlySpan<byte> data)
        {
            var aad = new byte[1 + authenticationKey.Length + data.Length];
            aad[0] = sc;
            authenticationKey.CopyTo(aad.AsSpan(1));
            data.CopyTo(aad.AsSpan(1 + authenticationKey.Length));
            return aad;
        }

        private static void Iv(ReadOnlySpan<byte> systemTitle, uint invocationCounter, Span<byte> iv)
        {
            systemTitle.CopyTo(iv);
            WriteUInt32(iv.Slice(8), invocationCounter);
        }

        private static void CheckKeys(ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> authenticationKey, ReadOnlySpan<byte> systemTitle)
        {
            if (encryptionKey.Length != KeyLength || authenticationKey.Length != KeyLength)
            {
                throw new ArgumentException("Suite 0 keys are 16 bytes (EK " + encryptionKey.Length + ", AK " + authenticationKey.Length + ").");
            }
            if (systemTitle.Length != SystemTitleLength)
            {
                throw new ArgumentException("A system title is 8 bytes, not " + systemTitle.Length + ".");
            }
        }

        internal static void WriteUInt32(Span<byte> destination, uint value)
        {
            destination[0] = (byte)(value >> 24);
            destination[1] = (byte)(value >> 16);
            destination[2] = (byte)(value >> 8);
            destination[3] = (byte)value;
        }

        internal static uint ReadUInt32(ReadOnlySpan<byte> source) =>
            (uint)(source[0] << 24 | source[1] << 16 | source[2] << 8 | source[3]);
    }
}
