using System;
using System.Text;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class Sha256Tests
    {
        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf" example values): "abc", the 448-bit message,
        // and the empty string.
        [Theory]
        [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        public void Final_FipsExamples_MatchDigest(string message, string digest)
        {
            var sha = new Sha256();
            byte[] bytes = Encoding.ASCII.GetBytes(message);
            byte[] output = new byte[32];

            sha.Update(bytes, 0, bytes.Length);
            sha.Final(output, 0);

            Assert.Equal(Hex.Format(Hex.Parse(digest)), Hex.Format(output));
        }

        // One million 'a', streamed in pieces of 1000 (FIPS 180-2 Appendix B.3 example).
        [Fact]
        public void Update_OneMillionA_Streamed_MatchesDigest()
        {
            var sha = new Sha256();
            byte[] chunk = new byte[1000];
            chunk.AsSpan().Fill((byte)'a');
            byte[] output = new byte[32];

            for (int i = 0; i < 1000; i++)
            {
                sha.Update(chunk, 0, chunk.Length);
            }

            sha.Final(output, 0);

            Assert.Equal(Hex.Format(Hex.Parse("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")), Hex.Format(output));
        }

        [Fact]
        public void Final_ResetsForTheNextMessage()
        {
            var sha = new Sha256();
            byte[] output = new byte[32];
            sha.Update(Encoding.ASCII.GetBytes("junk"), 0, 4);
            sha.Final(output, 0);

            sha.Update((byte)'a');
            sha.Update((byte)'b');
            sha.Update((byte)'c');
            sha.Final(output, 0);

            Assert.Equal(Hex.Format(Hex.Parse("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")), Hex.Format(output));
        }

        // Lengths around the padding boundaries (55, 56, 63, 64, 65 ...), random split points, at
        // an output offset; checked against the platform.
        [Fact]
        public void Update_RandomSplits_MatchPlatformSha256()
        {
            var random = new Random(256);
            var sha = new Sha256();
            byte[] message = new byte[300];
            byte[] output = new byte[40];
            for (int length = 0; length <= 300; length++)
            {
                random.NextBytes(message);
                int split = random.Next(0, length + 1);
                sha.Update(message, 0, split);
                sha.Update(message, split, length - split);
                sha.Final(output, 5);

                byte[] expected = System.Security.Cryptography.SHA256.HashData(message.AsSpan(0, length));
                Assert.True(expected.AsSpan().SequenceEqual(output.AsSpan(5, 32)), "length " + length);
            }
        }

        [Fact]
        public void Final_ShortOutput_Throws()
        {
            var sha = new Sha256();

            Assert.Throws<ArgumentOutOfRangeException>(() => sha.Final(new byte[32], 1));
        }
    }
}
