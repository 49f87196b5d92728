using System;
using System.Security.Cryptography;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer.Support
{
    /// <summary>
    /// The client side of suite 0, written with System.Security.Cryptography.AesGcm and nothing
    /// from the stack, so every exchange with the server is also a cross-check of the stack's own
    /// AES/GCM (Green Book "cryptographic protection"; the Green Book's security examples): IV = system title ||
    /// IC, 12-byte tags; AAD SC || AK (authenticated and encrypted), SC || AK || plaintext
    /// (authentication only), none (encryption only: the GCM counter-mode output without a tag).
    /// </summary>
    internal static class SuiteZero
    {
        public const int TagLength = 12;

        /// <summary>The Green Book test keys and a client title.</summary>
        public static readonly byte[] TestEk = Hex.Parse("000102030405060708090A0B0C0D0E0F");
        public static readonly byte[] TestAk = Hex.Parse("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
        public static readonly byte[] TestKek = Hex.Parse("000102030405060708090A0B0C0D0E0F");
        public static readonly byte[] GuruxClientTitle = Hex.Parse("4775727578313233");

        public static byte[] Iv(byte[] systemTitle, uint invocationCounter)
        {
            byte[] iv = new byte[12];
            Array.Copy(systemTitle, iv, 8);
            iv[8] = (byte)(invocationCounter >> 24);
            iv[9] = (byte)(invocationCounter >> 16);
            iv[10] = (byte)(invocationCounter >> 8);
            iv[11] = (byte)invocationCounter;
            return iv;
        }

        /// <summary>SC || IC || payload for <paramref name="plaintext"/> under <paramref name="securityControl"/>.</summary>
        public static byte[] Protect(byte securityControl, uint invocationCounter, byte[] ek, byte[] ak, byte[] systemTitle, byte[] plaintext)
        {
            bool authenticated = (securityControl & 0x10) != 0;
            bool encrypted = (securityControl & 0x20) != 0;
            byte[] header = { securityControl, (byte)(invocationCounter >> 24), (byte)(invocationCounter >> 16), (byte)(invocationCounter >> 8), (byte)invocationCounter };
            byte[] iv = Iv(systemTitle, invocationCounter);
            byte[] payload;
            using (AesGcm gcm = new AesGcm(ek, TagLength))
            {
                byte[] tag = new byte[TagLength];
                if (authenticated && encrypted)
                {
                    byte[] cipher = new byte[plaintext.Length];
                    gcm.Encrypt(iv, plaintext, cipher, tag, Concat(new[] { securityControl }, ak));
                    payload = Concat(cipher, tag);
                }
                else if (authenticated)
                {
                    gcm.Encrypt(iv, Array.Empty<byte>(), Array.Empty<byte>(), tag, Concat(new[] { securityControl }, ak, plaintext));
                    payload = Concat(plaintext, tag);
                }
                else
                {
                    byte[] cipher = new byte[plaintext.Length];
                    gcm.Encrypt(iv, plaintext, cipher, tag);
                    payload = cipher;
                }
            }
            return Concat(header, payload);
        }

        /// <summary>Removes the protection of SC || IC || payload; throws when the tag does not verify.</summary>
        public static byte[] Unprotect(byte[] content, byte[] ek, byte[] ak, byte[] systemTitle, out byte securityControl, out uint invocationCounter)
        {
            securityControl = content[0];
            invocationCounter = (uint)(content[1] << 24 | content[2] << 16 | content[3] << 8 | content[4]);
            bool authenticated = (securityControl & 0x10) != 0;
            bool encrypted = (securityControl & 0x20) != 0;
            byte[] iv = Iv(systemTitle, invocationCounter);
            byte[] payload = content.AsSpan(5).ToArray();
            using AesGcm gcm = new AesGcm(ek, TagLength);
            if (authenticated && encrypted)
            {
                byte[] cipher = payload.AsSpan(0, payload.Length - TagLength).ToArray();
                byte[] tag = payload.AsSpan(payload.Length - TagLength).ToArray();
                byte[] plain = new byte[cipher.Length];
                gcm.Decrypt(iv, cipher, tag, plain, Concat(new[] { securityControl }, ak));
                return plain;
            }
            if (authenticated)
            {
                byte[] plain = payload.AsSpan(0, payload.Length - TagLength).ToArray();
                byte[] tag = payload.AsSpan(payload.Length - TagLength).ToArray();
                gcm.Decrypt(iv, Array.Empty<byte>(), tag, Array.Empty<byte>(), Concat(new[] { securityControl }, ak, plain));
                return plain;
            }
            // Counter mode is its own inverse: encrypting the ciphertext again gives the plaintext.
            byte[] output = new byte[payload.Length];
            gcm.Encrypt(iv, payload, output, new byte[TagLength]);
            return output;
        }

        /// <summary>HLS-GMAC f(challenge) = 10 || IC || GMAC(EK, ST || IC, 10 || AK || challenge).</summary>
        public static byte[] Gmac(byte[] ek, byte[] ak, byte[] systemTitle, uint invocationCounter, byte[] challenge)
        {
            byte[] tag = new byte[TagLength];
            using (AesGcm gcm = new AesGcm(ek, TagLength))
            {
                gcm.Encrypt(Iv(systemTitle, invocationCounter), Array.Empty<byte>(), Array.Empty<byte>(), tag, Concat(new byte[] { 0x10 }, ak, challenge));
            }
            return Concat(new byte[] { 0x10, (byte)(invocationCounter >> 24), (byte)(invocationCounter >> 16), (byte)(invocationCounter >> 8), (byte)invocationCounter }, tag);
        }

        /// <summary>HLS-SHA256 f = SHA-256(secret || title1 || title2 || challenge1 || challenge2).</summary>
        public static byte[] Sha256(byte[] secret, byte[] title1, byte[] title2, byte[] challenge1, byte[] challenge2)
        {
            return SHA256.HashData(Concat(secret, title1, title2, challenge1, challenge2));
        }

        /// <summary>
        /// The envelope: <c>tag len content</c>, or for general-glo/ded <c>tag 08 ST len content</c>
        /// (A-XDR length: 1 byte below 128, else 81 xx or 82 xx xx).
        /// </summary>
        public static byte[] Envelope(byte tag, byte[] content, byte[]? systemTitle)
        {
            byte[] prefix = systemTitle == null ? new[] { tag } : Concat(new byte[] { tag, 8 }, systemTitle);
            return Concat(prefix, Length(content.Length), content);
        }

        /// <summary>Reads an envelope: the tag, the title (general forms), and SC || IC || payload.</summary>
        public static byte[] OpenEnvelope(byte[] apdu, out byte tag, out byte[]? systemTitle)
        {
            tag = apdu[0];
            int p = 1;
            systemTitle = null;
            if (tag == 0xDB || tag == 0xDC)
            {
                Assert.Equal(8, apdu[1]);
                systemTitle = apdu.AsSpan(2, 8).ToArray();
                p = 10;
            }
            int length = apdu[p] < 0x80 ? apdu[p++] : ReadLongLength(apdu, ref p);
            Assert.Equal(apdu.Length - p, length);
            return apdu.AsSpan(p, length).ToArray();
        }

        public static byte[] Length(int length)
        {
            if (length < 0x80) return new[] { (byte)length };
            if (length <= 0xFF) return new byte[] { 0x81, (byte)length };
            return new byte[] { 0x82, (byte)(length >> 8), (byte)length };
        }

        public static byte[] Concat(params byte[][] parts)
        {
            int n = 0;
            foreach (byte[] part in parts) n += part.Length;
            byte[] all = new byte[n];
            int p = 0;
            foreach (byte[] part in parts)
            {
                Array.Copy(part, 0, all, p, part.Length);
                p += part.Length;
            }
            return all;
        }

        private static int ReadLongLength(byte[] apdu, ref int p)
        {
            int size = apdu[p++] & 0x7F;
            int value = 0;
            for (int i = 0; i < size; i++) value = value << 8 | apdu[p++];
            return value;
        }
    }
}
