using System;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Tests.Security
{
    /// <summary>
    /// Randomised cross-check of <see cref="Gcm128"/> against System.Security.Cryptography.AesGcm
    /// (desktop only): random keys, IVs, AAD of 0..64 bytes fed in random pieces, plaintext of
    /// 0..300 bytes at random offsets, tags of 12 and 16 bytes, both directions.
    /// </summary>
    public class Gcm128CrossCheckTests
    {
        [Theory]
        [InlineData(12, 1)]
        [InlineData(16, 2)]
        public void EncryptDecrypt_RandomInputs_MatchPlatformAesGcm(int tagSize, int seed)
        {
            var random = new Random(seed);
            var gcm = new Gcm128();
            byte[] key = new byte[16];
            byte[] iv = new byte[12];
            byte[] aad = new byte[64];
            byte[] plaintext = new byte[300];
            byte[] expected = new byte[300];
            byte[] expectedTag = new byte[tagSize];
            byte[] buffer = new byte[300 + 40];

            for (int round = 0; round < 400; round++)
            {
                random.NextBytes(key);
                random.NextBytes(iv);
                int aadLength = random.Next(0, 65);
                int textLength = round < 301 ? round : random.Next(0, 301);
                random.NextBytes(aad);
                random.NextBytes(plaintext);
                int offset = random.Next(0, 20);
                Array.Copy(plaintext, 0, buffer, offset, textLength);

                using (var platform = new System.Security.Cryptography.AesGcm(key, tagSize))
                {
                    platform.Encrypt(iv, plaintext.AsSpan(0, textLength), expected.AsSpan(0, textLength), expectedTag, aad.AsSpan(0, aadLength));
                }

                // Encrypt in place; the tag goes right behind the ciphertext, as in DLMS.
                gcm.SetKey(key, 0);
                gcm.Begin(iv, 0);
                FeedAad(gcm, aad, aadLength, random);
                gcm.Encrypt(buffer, offset, textLength, buffer, offset + textLength, tagSize);

                Assert.True(expected.AsSpan(0, textLength).SequenceEqual(buffer.AsSpan(offset, textLength)), "ciphertext, round " + round);
                Assert.True(expectedTag.AsSpan().SequenceEqual(buffer.AsSpan(offset + textLength, tagSize)), "tag, round " + round);

                // Decrypt the platform's output in place.
                Array.Copy(expected, 0, buffer, offset, textLength);
                gcm.Begin(iv, 0);
                FeedAad(gcm, aad, aadLength, random);
                SecurityStatus status = gcm.Decrypt(buffer, offset, textLength, expectedTag, 0, tagSize);

                Assert.Equal(SecurityStatus.Ok, status);
                Assert.True(plaintext.AsSpan(0, textLength).SequenceEqual(buffer.AsSpan(offset, textLength)), "plaintext, round " + round);
            }
        }

        [Fact]
        public void Decrypt_PlatformOutputWithAFlippedBit_Fails()
        {
            var random = new Random(3);
            var gcm = new Gcm128();
            byte[] key = new byte[16];
            byte[] iv = new byte[12];
            byte[] aad = new byte[21];
            byte[] plaintext = new byte[77];
            byte[] ciphertext = new byte[77];
            byte[] tag = new byte[12];
            random.NextBytes(key);
            random.NextBytes(iv);
            random.NextBytes(aad);
            random.NextBytes(plaintext);
            using (var platform = new System.Security.Cryptography.AesGcm(key, 12))
            {
                platform.Encrypt(iv, plaintext, ciphertext, tag, aad);
            }

            gcm.SetKey(key, 0);
            for (int bit = 0; bit < (77 + 21 + 12) * 8; bit += 7)
            {
                byte[] c = (byte[])ciphertext.Clone();
                byte[] a = (byte[])aad.Clone();
                byte[] t = (byte[])tag.Clone();
                int index = bit / 8;
                byte mask = (byte)(1 << (bit % 8));
                if (index < 77)
                {
                    c[index] ^= mask;
                }
                else if (index < 98)
                {
                    a[index - 77] ^= mask;
                }
                else
                {
                    t[index - 98] ^= mask;
                }

                gcm.Begin(iv, 0);
                gcm.UpdateAad(a, 0, a.Length);
                Assert.Equal(SecurityStatus.AuthenticationFailed, gcm.Decrypt(c, 0, c.Length, t, 0, 12));
            }
        }

        private static void FeedAad(Gcm128 gcm, byte[] aad, int length, Random random)
        {
            int position = 0;
            while (position < length)
            {
                int n = Math.Min(random.Next(1, 20), length - position);
                gcm.UpdateAad(aad, position, n);
                position += n;
            }
        }
    }
}
