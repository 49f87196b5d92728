using System;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class Aes128Tests
    {
        // FIPS 197 Appendix C.1 (AES-128) and Appendix B (the cipher example).
        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a")]
        [InlineData("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32")]
        public void EncryptBlock_Fips197_MatchesCiphertext(string key, string plaintext, string ciphertext)
        {
            var aes = new Aes128();
            aes.SetKey(Hex.Parse(key), 0);
            byte[] output = new byte[16];

            aes.EncryptBlock(Hex.Parse(plaintext), 0, output, 0);

            Assert.Equal(Hex.Format(Hex.Parse(ciphertext)), Hex.Format(output));
        }

        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a", "00112233445566778899aabbccddeeff")]
        [InlineData("2b7e151628aed2a6abf7158809cf4f3c", "3925841d02dc09fbdc118597196a0b32", "3243f6a8885a308d313198a2e0370734")]
        public void DecryptBlock_Fips197_MatchesPlaintext(string key, string ciphertext, string plaintext)
        {
            var aes = new Aes128();
            aes.SetKey(Hex.Parse(key), 0);
            byte[] output = new byte[16];

            aes.DecryptBlock(Hex.Parse(ciphertext), 0, output, 0);

            Assert.Equal(Hex.Format(Hex.Parse(plaintext)), Hex.Format(output));
        }

        // FIPS 197 Appendix A.1: expansion of the key 2b7e1516 28aed2a6 abf71588 09cf4f3c, w[0..43].
        [Fact]
        public void SetKey_Fips197AppendixA1_RoundKeysMatch()
        {
            uint[] expected =
            {
                0x2b7e1516, 0x28aed2a6, 0xabf71588, 0x09cf4f3c,
                0xa0fafe17, 0x88542cb1, 0x23a33939, 0x2a6c7605,
                0xf2c295f2, 0x7a96b943, 0x5935807a, 0x7359f67f,
                0x3d80477d, 0x4716fe3e, 0x1e237e44, 0x6d7a883b,
                0xef44a541, 0xa8525b7f, 0xb671253b, 0xdb0bad00,
                0xd4d1c6f8, 0x7c839d87, 0xcaf2b8bc, 0x11f915bc,
                0x6d88a37a, 0x110b3efd, 0xdbf98641, 0xca0093fd,
                0x4e54f70e, 0x5f5fc9f3, 0x84a64fb2, 0x4ea6dc4f,
                0xead27321, 0xb58dbad2, 0x312bf560, 0x7f8d292f,
                0xac7766f3, 0x19fadc21, 0x28d12941, 0x575c006e,
                0xd014f9a8, 0xc9ee2589, 0xe13f0cc8, 0xb6630ca6,
            };
            var aes = new Aes128();
            aes.SetKey(Hex.Parse("2b7e151628aed2a6abf7158809cf4f3c"), 0);
            uint[] actual = new uint[44];

            aes.CopyRoundKeys(actual, 0);

            Assert.Equal(expected, actual);
        }

        [Fact]
        public void EncryptDecrypt_InPlaceAtOffsets_RoundTrips()
        {
            byte[] key = Hex.Parse("AA 000102030405060708090a0b0c0d0e0f");
            var aes = new Aes128();
            aes.SetKey(key, 1);
            byte[] buffer = Hex.Parse("55 55 55 00112233445566778899aabbccddeeff 55");

            aes.EncryptBlock(buffer, 3, buffer, 3);
            Assert.Equal("55 55 55 69 C4 E0 D8 6A 7B 04 30 D8 CD B7 80 70 B4 C5 5A 55", Hex.Format(buffer));

            aes.DecryptBlock(buffer, 3, buffer, 3);
            Assert.Equal("55 55 55 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 55", Hex.Format(buffer));
        }

        [Fact]
        public void SetKey_Again_ReplacesTheKey()
        {
            var aes = new Aes128();
            aes.SetKey(Hex.Parse("2b7e151628aed2a6abf7158809cf4f3c"), 0);
            aes.SetKey(Hex.Parse("000102030405060708090a0b0c0d0e0f"), 0);
            byte[] output = new byte[16];

            aes.EncryptBlock(Hex.Parse("00112233445566778899aabbccddeeff"), 0, output, 0);

            Assert.Equal("69 C4 E0 D8 6A 7B 04 30 D8 CD B7 80 70 B4 C5 5A", Hex.Format(output));
        }

        // Desktop cross-check: random keys and blocks against the platform's AES-ECB.
        [Fact]
        public void EncryptDecrypt_RandomBlocks_MatchPlatformAes()
        {
            var random = new Random(197);
            var aes = new Aes128();
            using var platform = System.Security.Cryptography.Aes.Create();
            byte[] key = new byte[16];
            byte[] block = new byte[16];
            byte[] ours = new byte[16];
            byte[] back = new byte[16];
            for (int i = 0; i < 200; i++)
            {
                random.NextBytes(key);
                random.NextBytes(block);
                aes.SetKey(key, 0);
                platform.Key = key;

                aes.EncryptBlock(block, 0, ours, 0);
                byte[] expected = platform.EncryptEcb(block, System.Security.Cryptography.PaddingMode.None);
                aes.DecryptBlock(ours, 0, back, 0);

                Assert.Equal(expected, ours);
                Assert.Equal(block, back);
            }
        }

        [Fact]
        public void EncryptBlock_NoKey_Throws()
        {
            var aes = new Aes128();

            Assert.Throws<InvalidOperationException>(() => aes.EncryptBlock(new byte[16], 0, new byte[16], 0));
            Assert.Throws<InvalidOperationException>(() => aes.DecryptBlock(new byte[16], 0, new byte[16], 0));
        }

        [Fact]
        public void SetKey_ShortKey_Throws()
        {
            var aes = new Aes128();

            Assert.Throws<ArgumentOutOfRangeException>(() => aes.SetKey(new byte[16], 1));
            Assert.Throws<ArgumentNullException>(() => aes.SetKey(null!, 0));
        }
    }
}
