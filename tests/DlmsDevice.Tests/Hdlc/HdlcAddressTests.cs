using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    public class HdlcAddressTests
    {
        [Theory]
        // IEC 62056-46 (HDLC frame format): logical 1 / physical 17 -> 02 23 (2-byte), 00 02 00 23 (4-byte), 03 (1-byte).
        [InlineData(1, 17, 2, "02 23")]
        [InlineData(1, 17, 4, "00 02 00 23")]
        [InlineData(1, -1, 1, "03")]
        // Trace C: logical 1 / physical 40 -> 02 51.
        [InlineData(1, 40, 2, "02 51")]
        // Client addresses: public 16 -> 21, management 1 -> 03 (as above), 32 -> 41, 48 -> 61, 25 -> 33.
        [InlineData(16, -1, 1, "21")]
        [InlineData(32, -1, 1, "41")]
        [InlineData(48, -1, 1, "61")]
        [InlineData(25, -1, 1, "33")]
        // Trace B GET clock: 1-byte server 0x95 = logical 74, client 0x75 = SAP 58.
        [InlineData(74, -1, 1, "95")]
        [InlineData(58, -1, 1, "75")]
        // 14-bit halves: upper 128 = 0x0080 -> 02 00; lower 0x1234 -> (0x24<<1) (0x34<<1|1) = 48 69.
        [InlineData(128, 0x1234, 4, "02 00 48 69")]
        [InlineData(0x3FFF, 0x3FFF, 4, "FE FE FE FF")]
        [InlineData(0, 0, 2, "00 01")]
        public void WriteRead_Vector_RoundTrips(int upper, int lower, int size, string hex)
        {
            var buffer = new byte[6];
            Assert.Equal(size, HdlcAddress.Write(buffer, 1, upper, lower, size));
            Assert.Equal(hex, Hex.Format(buffer, 1, size));

            byte[] wire = Hex.Parse(hex + " AA");
            Assert.Equal(HdlcStatus.Ok, HdlcAddress.Read(wire, 0, wire.Length, out int readUpper, out int readLower, out int readSize));
            Assert.Equal(upper, readUpper);
            Assert.Equal(size == 1 ? HdlcAddress.NoLower : lower, readLower);
            Assert.Equal(size, readSize);
        }

        [Theory]
        [InlineData("00 00 01")]          // 3 bytes
        [InlineData("00 00 00 00 01")]    // 5 bytes
        [InlineData("00 00 00 00")]       // no end bit within 4 bytes
        public void Read_InvalidLength_ReturnsBadAddress(string hex)
        {
            byte[] wire = Hex.Parse(hex);
            Assert.Equal(HdlcStatus.BadAddress, HdlcAddress.Read(wire, 0, wire.Length, out int upper, out int lower, out int size));
            Assert.Equal(0, size);
            Assert.Equal(0, upper);
            Assert.Equal(HdlcAddress.NoLower, lower);
        }

        [Theory]
        [InlineData("")]
        [InlineData("02")]
        [InlineData("00 02 00")]
        public void Read_Truncated_ReturnsNeedMore(string hex)
        {
            byte[] wire = Hex.Parse(hex);
            Assert.Equal(HdlcStatus.NeedMore, HdlcAddress.Read(wire, 0, wire.Length, out _, out _, out int size));
            Assert.Equal(0, size);
        }

        [Theory]
        [InlineData(128, 0, 1)]
        [InlineData(1, 128, 2)]
        [InlineData(128, 1, 2)]
        [InlineData(0x4000, 1, 4)]
        [InlineData(1, 0x4000, 4)]
        [InlineData(-1, 1, 2)]
        [InlineData(1, 1, 3)]
        public void Write_ValueDoesNotFitForm_WritesNothing(int upper, int lower, int size)
        {
            var buffer = new byte[] { 0xAA, 0xAA, 0xAA, 0xAA };
            Assert.Equal(0, HdlcAddress.Write(buffer, 0, upper, lower, size));
            Assert.False(HdlcAddress.IsValid(upper, lower, size));
            Assert.Equal("AA AA AA AA", Hex.Format(buffer));
        }

        [Theory]
        [InlineData(16, 0x21)]
        [InlineData(1, 0x03)]
        [InlineData(127, 0xFF)]
        [InlineData(128, -1)]
        [InlineData(-1, -1)]
        public void ClientAddressByte_Sap_Encodes(int sap, int expected)
        {
            Assert.Equal(expected, HdlcAddress.ClientAddressByte(sap));
        }
    }
}
