using System;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class Gcm128Tests
    {
        private const string K3 = "feffe9928665731c6d6a8f9467308308";
        private const string Iv3 = "cafebabefacedbaddecaf888";
        private const string P3 =
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72" +
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
        private const string C3 =
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e" +
            "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";

        // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", Appendix B, AES-128 test
        // cases 1-4, as carried in GNU Nettle's testsuite/gcm-test.c (gnutls/nettle) and Apache
        // commons-crypto's GcmCipherTest.java. Case 4 is case 3 with 20 bytes of AAD and the
        // plaintext cut to 60 bytes (a partial last block).
        public static TheoryData<string, string, string, string, string, string> NistCases => new()
        {
            { "00000000000000000000000000000000", "000000000000000000000000", "", "", "", "58e2fccefa7e3061367f1d57a4e7455a" },
            { "00000000000000000000000000000000", "000000000000000000000000", "", "00000000000000000000000000000000", "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf" },
            { K3, Iv3, "", P3, C3, "4d5c2af327cd64a62cf35abd2ba6fab4" },
            { K3, Iv3, "feedfacedeadbeeffeedfacedeadbeefabaddad2", P3.Substring(0, 120), C3.Substring(0, 120), "5bc94fbc3221a5db94fae95ae7121a47" },
        };

        [Theory]
        [MemberData(nameof(NistCases))]
        public void Encrypt_NistCase_MatchesCiphertextAndTag(string key, string iv, string aad, string plaintext, string ciphertext, string tag)
        {
            Gcm128 gcm = Keyed(key);
            byte[] buffer = Hex.Parse(plaintext);
            byte[] actualTag = new byte[16];

            gcm.Begin(Hex.Parse(iv), 0);
            byte[] aadBytes = Hex.Parse(aad);
            gcm.UpdateAad(aadBytes, 0, aadBytes.Length);
            gcm.Encrypt(buffer, 0, buffer.Length, actualTag, 0, 16);

            Assert.Equal(Hex.Format(Hex.Parse(ciphertext)), Hex.Format(buffer));
            Assert.Equal(Hex.Format(Hex.Parse(tag)), Hex.Format(actualTag));
        }

        [Theory]
        [MemberData(nameof(NistCases))]
        public void Decrypt_NistCase_RecoversPlaintext(string key, string iv, string aad, string plaintext, string ciphertext, string tag)
        {
            Gcm128 gcm = Keyed(key);
            byte[] buffer = Hex.Parse(ciphertext);
            byte[] aadBytes = Hex.Parse(aad);

            gcm.Begin(Hex.Parse(iv), 0);
            gcm.UpdateAad(aadBytes, 0, aadBytes.Length);
            SecurityStatus status = gcm.Decrypt(buffer, 0, buffer.Length, Hex.Parse(tag), 0, 16);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(Hex.Format(Hex.Parse(plaintext)), Hex.Format(buffer));
        }

        [Theory]
        [MemberData(nameof(NistCases))]
        public void EncryptDecrypt_TagTruncatedTo12_IsTheFirst12Bytes(string key, string iv, string aad, string plaintext, string ciphertext, string tag)
        {
            Gcm128 gcm = Keyed(key);
            byte[] buffer = Hex.Parse(plaintext);
            byte[] aadBytes = Hex.Parse(aad);
            byte[] shortTag = new byte[12];

            gcm.Begin(Hex.Parse(iv), 0);
            gcm.UpdateAad(aadBytes, 0, aadBytes.Length);
            gcm.Encrypt(buffer, 0, buffer.Length, shortTag, 0, 12);
            Assert.Equal(Hex.Format(Hex.Parse(tag), 0, 12), Hex.Format(shortTag));
            Assert.Equal(Hex.Format(Hex.Parse(ciphertext)), Hex.Format(buffer));

            gcm.Begin(Hex.Parse(iv), 0);
            gcm.UpdateAad(aadBytes, 0, aadBytes.Length);
            Assert.Equal(SecurityStatus.Ok, gcm.Decrypt(buffer, 0, buffer.Length, shortTag, 0, 12));
            Assert.Equal(Hex.Format(Hex.Parse(plaintext)), Hex.Format(buffer));
        }

        // GMAC = GCM with no plaintext: case 1 is a GMAC of empty AAD; case 4's AAD with no data
        // is cross-checked against the platform's AesGcm.
        [Fact]
        public void ComputeTag_NistCase1_IsTheTagOfEmptyInput()
        {
            Gcm128 gcm = Keyed("00000000000000000000000000000000");
            byte[] tag = new byte[16];

            gcm.Begin(new byte[12], 0);
            gcm.ComputeTag(tag, 0, 16);

            Assert.Equal("58 E2 FC CE FA 7E 30 61 36 7F 1D 57 A4 E7 45 5A", Hex.Format(tag));
            gcm.Begin(new byte[12], 0);
            Assert.Equal(SecurityStatus.Ok, gcm.VerifyTag(tag, 0, 16));
        }

        [Fact]
        public void ComputeTag_AadOnly_MatchesPlatformGcmWithEmptyPlaintext()
        {
            byte[] key = Hex.Parse(K3);
            byte[] iv = Hex.Parse(Iv3);
            byte[] aad = Hex.Parse("feedfacedeadbeeffeedfacedeadbeefabaddad2");
            byte[] expected = new byte[16];
            using (var platform = new System.Security.Cryptography.AesGcm(key, 16))
            {
                platform.Encrypt(iv, Array.Empty<byte>(), Array.Empty<byte>(), expected, aad);
            }

            Gcm128 gcm = Keyed(K3);
            byte[] tag = new byte[16];
            gcm.Begin(iv, 0);
            gcm.UpdateAad(aad, 0, aad.Length);
            gcm.ComputeTag(tag, 0, 16);

            Assert.Equal(expected, tag);
        }

        // The AAD may arrive in any pieces (DLMS feeds SC, then AK, then maybe the plaintext).
        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(16)]
        [InlineData(17)]
        public void UpdateAad_InPieces_SameAsOneCall(int pieceSize)
        {
            byte[] aad = new byte[53];
            new Random(pieceSize).NextBytes(aad);
            byte[] whole = RunEncrypt(aad, 0, aad.Length, out byte[] wholeText);

            Gcm128 gcm = Keyed(K3);
            byte[] buffer = Hex.Parse(P3);
            byte[] tag = new byte[16];
            gcm.Begin(Hex.Parse(Iv3), 0);
            for (int i = 0; i < aad.Length; i += pieceSize)
            {
                int n = Math.Min(pieceSize, aad.Length - i);
                if (n == 1)
                {
                    gcm.UpdateAad(aad[i]);
                }
                else
                {
                    gcm.UpdateAad(aad, i, n);
                }
            }

            gcm.Encrypt(buffer, 0, buffer.Length, tag, 0, 16);

            Assert.Equal(wholeText, buffer);
            Assert.Equal(whole, tag);
        }

        [Fact]
        public void Begin_DlmsForm_SameAsSystemTitleAndCounterAsIv()
        {
            byte[] systemTitle = Hex.Parse("00 4D4D4D0000BC614E");
            Gcm128 gcm = Keyed(SecurityVectors.EncryptionKey);
            byte[] a = Hex.Parse(SecurityVectors.GetClockTime);
            byte[] b = Hex.Parse(SecurityVectors.GetClockTime);
            byte[] tagA = new byte[12];
            byte[] tagB = new byte[12];

            gcm.Begin(systemTitle, 1, 0x01234567);
            gcm.Encrypt(a, 0, a.Length, tagA, 0, 12);
            gcm.Begin(Hex.Parse("4D4D4D0000BC614E 01234567"), 0);
            gcm.Encrypt(b, 0, b.Length, tagB, 0, 12);

            Assert.Equal(a, b);
            Assert.Equal(tagA, tagB);
        }

        [Fact]
        public void EncryptDecrypt_InPlaceAtNonZeroOffsets_LeavesNeighboursAlone()
        {
            Gcm128 gcm = Keyed(K3);
            byte[] buffer = new byte[7 + 60 + 5 + 16];
            buffer.AsSpan().Fill(0xEE);
            Hex.Parse(P3.Substring(0, 120)).CopyTo(buffer, 7);
            byte[] aad = Hex.Parse("99 feedfacedeadbeeffeedfacedeadbeefabaddad2");

            gcm.Begin(Hex.Parse("11 22" + Iv3), 2);
            gcm.UpdateAad(aad, 1, 20);
            gcm.Encrypt(buffer, 7, 60, buffer, 72, 16);

            Assert.Equal(Hex.Format(Hex.Parse(C3.Substring(0, 120))), Hex.Format(buffer, 7, 60));
            Assert.Equal("5B C9 4F BC 32 21 A5 DB 94 FA E9 5A E7 12 1A 47", Hex.Format(buffer, 72, 16));
            Assert.All(new[] { 0, 6, 67, 71 }, i => Assert.Equal(0xEE, buffer[i]));

            gcm.Begin(Hex.Parse("11 22" + Iv3), 2);
            gcm.UpdateAad(aad, 1, 20);
            Assert.Equal(SecurityStatus.Ok, gcm.Decrypt(buffer, 7, 60, buffer, 72, 16));
            Assert.Equal(Hex.Format(Hex.Parse(P3.Substring(0, 120))), Hex.Format(buffer, 7, 60));
        }

        [Theory]
        [InlineData("ciphertext")]
        [InlineData("tag")]
        [InlineData("aad")]
        [InlineData("iv")]
        public void Decrypt_TamperedInput_FailsAndLeavesCiphertext(string what)
        {
            byte[] iv = Hex.Parse(Iv3);
            byte[] aad = Hex.Parse("feedfacedeadbeeffeedfacedeadbeefabaddad2");
            byte[] buffer = Hex.Parse(C3.Substring(0, 120));
            byte[] tag = Hex.Parse("5bc94fbc3221a5db94fae95ae7121a47");
            switch (what)
            {
                case "ciphertext": buffer[59] ^= 0x01; break;
                case "tag": tag[11] ^= 0x80; break;
                case "aad": aad[0] ^= 0x01; break;
                case "iv": iv[11] ^= 0x01; break;
            }

            byte[] before = (byte[])buffer.Clone();
            Gcm128 gcm = Keyed(K3);
            gcm.Begin(iv, 0);
            gcm.UpdateAad(aad, 0, aad.Length);
            SecurityStatus status = gcm.Decrypt(buffer, 0, buffer.Length, tag, 0, 16);

            Assert.Equal(SecurityStatus.AuthenticationFailed, status);
            Assert.Equal(before, buffer);
        }

        [Fact]
        public void VerifyTag_FlippedBit_Fails()
        {
            Gcm128 gcm = Keyed(K3);
            byte[] aad = Hex.Parse("feedfacedeadbeef");
            byte[] tag = new byte[12];
            gcm.Begin(Hex.Parse(Iv3), 0);
            gcm.UpdateAad(aad, 0, aad.Length);
            gcm.ComputeTag(tag, 0, 12);

            for (int bit = 0; bit < 96; bit += 13)
            {
                tag[bit / 8] ^= (byte)(1 << (bit % 8));
                gcm.Begin(Hex.Parse(Iv3), 0);
                gcm.UpdateAad(aad, 0, aad.Length);
                Assert.Equal(SecurityStatus.AuthenticationFailed, gcm.VerifyTag(tag, 0, 12));
                tag[bit / 8] ^= (byte)(1 << (bit % 8));
            }

            gcm.Begin(Hex.Parse(Iv3), 0);
            gcm.UpdateAad(aad, 0, aad.Length);
            Assert.Equal(SecurityStatus.Ok, gcm.VerifyTag(tag, 0, 12));
        }

        // Encryption only is GCTR from inc32(J0): the ciphertext equals GCM's, with no tag.
        [Fact]
        public void Crypt_IsGcmCiphertextWithoutTag_AndItsOwnInverse()
        {
            Gcm128 gcm = Keyed(K3);
            byte[] buffer = Hex.Parse(P3);

            gcm.Begin(Hex.Parse(Iv3), 0);
            gcm.Crypt(buffer, 0, buffer.Length);
            Assert.Equal(Hex.Format(Hex.Parse(C3)), Hex.Format(buffer));

            gcm.Begin(Hex.Parse(Iv3), 0);
            gcm.Crypt(buffer, 0, buffer.Length);
            Assert.Equal(Hex.Format(Hex.Parse(P3)), Hex.Format(buffer));
        }

        [Fact]
        public void Misuse_Throws()
        {
            var noKey = new Gcm128();
            Assert.Throws<InvalidOperationException>(() => noKey.Begin(new byte[12], 0));

            Gcm128 gcm = Keyed(K3);
            Assert.Throws<InvalidOperationException>(() => gcm.UpdateAad(1));
            Assert.Throws<InvalidOperationException>(() => gcm.ComputeTag(new byte[16], 0, 16));
            gcm.Begin(new byte[12], 0);
            Assert.Throws<ArgumentOutOfRangeException>(() => gcm.ComputeTag(new byte[16], 0, 11));
            Assert.Throws<ArgumentOutOfRangeException>(() => gcm.ComputeTag(new byte[17], 0, 17));
            Assert.Throws<ArgumentOutOfRangeException>(() => gcm.Begin(new byte[12], 1));
            gcm.ComputeTag(new byte[16], 0, 16);
            Assert.Throws<InvalidOperationException>(() => gcm.VerifyTag(new byte[16], 0, 16));
        }

        private static byte[] RunEncrypt(byte[] aad, int offset, int count, out byte[] ciphertext)
        {
            Gcm128 gcm = Keyed(K3);
            ciphertext = Hex.Parse(P3);
            byte[] tag = new byte[16];
            gcm.Begin(Hex.Parse(Iv3), 0);
            gcm.UpdateAad(aad, offset, count);
            gcm.Encrypt(ciphertext, 0, ciphertext.Length, tag, 0, 16);
            return tag;
        }

        internal static Gcm128 Keyed(string key)
        {
            var gcm = new Gcm128();
            gcm.SetKey(Hex.Parse(key), 0);
            return gcm;
        }
    }
}
