using System.Text;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>CRC-32/IEEE: the catalogue check value and other known vectors.</summary>
    public class Crc32Tests
    {
        [Theory]
        [InlineData("123456789", 0xCBF43926u)] // check value of CRC-32/ISO-HDLC (reveng catalogue)
        [InlineData("", 0x00000000u)]
        [InlineData("a", 0xE8B7BE43u)]
        [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
        public void Compute_AsciiText_KnownCheckValue(string text, uint expected)
        {
            byte[] data = Encoding.ASCII.GetBytes(text);

            Assert.Equal(expected, Crc32.Compute(data, 0, data.Length));
        }

        [Fact]
        public void Update_InPieces_EqualsWholeComputation()
        {
            byte[] data = Encoding.ASCII.GetBytes("xx123456789yy");

            uint crc = Crc32.Update(Crc32.Initial, data, 2, 4);
            crc = Crc32.Update(crc, data, 6, 5);

            Assert.Equal(0xCBF43926u, Crc32.Finish(crc));
        }

        [Fact]
        public void Compute_FourZeroBytes_KnownValue()
        {
            Assert.Equal(0x2144DF1Cu, Crc32.Compute(Hex.Parse("00 00 00 00"), 0, 4));
        }
    }
}
