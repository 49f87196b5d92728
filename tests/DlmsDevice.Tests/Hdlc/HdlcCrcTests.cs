using System.Text;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    public class HdlcCrcTests
    {
        [Fact]
        public void Compute_CheckString_Is906E()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            Assert.Equal(0x906E, HdlcCrc.Compute(data, 0, data.Length));
        }

        [Fact]
        public void Compute_Empty_IsZero()
        {
            // ~0xFFFF: nothing was shifted through the register.
            Assert.Equal(0x0000, HdlcCrc.Compute(new byte[0], 0, 0));
        }

        [Theory]
        // IEC 62056-46 (HDLC frame format) worked example: HCS of A0 08 02 23 21 93 is 0x64BD, sent BD 64.
        [InlineData("A0 08 02 23 21 93", 0x64BD)]
        // Trace A AARQ header: A0 2C 02 23 21 10 -> AF 9F.
        [InlineData("A0 2C 02 23 21 10", 0x9FAF)]
        // Kmethy AARQ header: HCS 7E CB (0x7E inside the frame).
        [InlineData("A0 2E 00 02 00 23 21 10", 0xCB7E)]
        public void Compute_FrameHeaders_MatchVectors(string hex, int expected)
        {
            byte[] data = Hex.Parse(hex);
            Assert.Equal(expected, HdlcCrc.Compute(data, 0, data.Length));
        }

        [Fact]
        public void Update_InPieces_EqualsWhole()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            int crc = HdlcCrc.Update(HdlcCrc.Initial, data, 0, 4);
            crc = HdlcCrc.Update(crc, data, 4, 5);
            Assert.Equal(0x906E, ~crc & 0xFFFF);
        }

        [Fact]
        public void Append_WritesLowByteFirst_AndCheckAccepts()
        {
            byte[] frame = Hex.Parse("A0 08 02 23 21 93 00 00");
            HdlcCrc.Append(frame, 0, 6);
            Assert.Equal("A0 08 02 23 21 93 BD 64", Hex.Format(frame));
            Assert.True(HdlcCrc.Check(frame, 0, 6));
            frame[7] ^= 0x01;
            Assert.False(HdlcCrc.Check(frame, 0, 6));
        }
    }
}
