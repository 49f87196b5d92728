using System.Text;
using DlmsDevice.Client;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>The client's IEC 62056-21 mode E messages (protocol notes 2.2) and 7E1 made on 8N1.</summary>
    public sealed class ModeEMessagesTests
    {
        [Theory]
        [InlineData(null, "2F 3F 21 0D 0A")]
        [InlineData("12345678", "2F 3F 31 32 33 34 35 36 37 38 21 0D 0A")]
        public void Request_Bytes(string? address, string hex)
        {
            Assert.Equal(hex, Hex.Format(ModeEMessages.Request(address)));
        }

        [Fact]
        public void OptionSelect_Hdlc9600_Bytes()
        {
            Assert.Equal("06 32 35 32 0D 0A", Hex.Format(ModeEMessages.OptionSelect(ModeEMessages.BaudRateCharacter(9600))));
        }

        [Theory]
        [InlineData("/DLD5\\2METER1\r\n", "DLD", '5', true, "METER1")]
        [InlineData("/APA5\\2NORAX30\r\n", "APA", '5', true, "NORAX30")]   // a real meter (pwitab/iec62056-21#19)
        [InlineData("/GRX6meter\r\n", "GRX", '6', false, "meter")]          // Gurux server shape, no \2
        [InlineData("\0\0/ABc4X\r\n", "ABc", '4', false, "X")]              // noise before the '/'
        public void ParseIdentification_Vectors(string line, string flag, char z, bool modeE, string ident)
        {
            ModeEIdentification? id = ModeEMessages.ParseIdentification(Encoding.ASCII.GetBytes(line));

            Assert.NotNull(id);
            Assert.Equal(new ModeEIdentification(flag, z, modeE, ident), id);
        }

        [Theory]
        [InlineData("DLD5METER1\r\n")] // no '/'
        [InlineData("/D1D5X\r\n")]     // not a letter
        [InlineData("/DLD9X\r\n")]     // not a mode E speed
        [InlineData("/DL")]            // too short
        public void ParseIdentification_NotOne_Null(string line)
        {
            Assert.Null(ModeEMessages.ParseIdentification(Encoding.ASCII.GetBytes(line)));
        }

        [Fact]
        public void EvenParity_RequestAsSevenEvenOneOnEightBits()
        {
            // '/' 0x2F has 5 ones: parity bit set -> 0xAF; '?' 0x3F has 6: clear; CR 0x0D has 3: 0x8D.
            Assert.Equal("AF 3F 21 8D 0A", Hex.Format(ModeEMessages.WithEvenParity(ModeEMessages.Request(null))));
            Assert.Equal(0xAF, SerialByteChannel.WithEvenParity(0x2F));
            Assert.Equal(0x3F, SerialByteChannel.WithEvenParity(0xBF));
        }
    }
}
