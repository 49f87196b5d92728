using DlmsDevice.Stack.Wrapper;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Wrapper
{
    public class WrapperHeaderTests
    {
        // IEC 62056-46 (HDLC frame format) "Wrapper" and Trace D: version | source wPort | destination wPort | length.
        [Theory]
        [InlineData("00 01 00 10 00 01 00 0D C0 01 C1 00 03 01 00 01 08 00 FF 02 00", 0x10, 0x01, 13)] // Trace D GET over the wrapper
        [InlineData("00 01 00 01 00 10 00 09 C4 01 C1 00 06 00 00 30 39", 0x01, 0x10, 9)]            // its reply
        [InlineData("00 01 00 10 00 11 00 22", 0x10, 0x11, 34)]                                       // JD WrapperHeaderTest.decode1
        [InlineData("00 01 00 01 00 01 00 46", 0x01, 0x01, 70)]                                       // DC UDP push example
        [InlineData("00 01 FF FF FF FE FF FD", 0xFFFF, 0xFFFE, 0xFFFD)]                               // fields are unsigned
        public void TryRead_ValidHeader_ReturnsFields(string hex, int source, int destination, int length)
        {
            byte[] bytes = Hex.Parse(hex);

            WrapperStatus status = WrapperHeader.TryRead(bytes, 0, bytes.Length, out int s, out int d, out int n);

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal((source, destination, length), (s, d, n));
        }

        [Fact]
        public void TryRead_AtOffset_ReadsThere()
        {
            byte[] bytes = Hex.Parse("AA BB 00 01 00 10 00 01 00 0D");

            Assert.Equal(WrapperStatus.Ok, WrapperHeader.TryRead(bytes, 2, 8, out int s, out int d, out int n));
            Assert.Equal((0x10, 1, 13), (s, d, n));
        }

        [Theory]
        [InlineData("", WrapperStatus.NeedMore)]
        [InlineData("00", WrapperStatus.NeedMore)]
        [InlineData("00 01 00 10 00 01 00", WrapperStatus.NeedMore)]
        [InlineData("10 01 00 10 00 11 00 22", WrapperStatus.BadVersion)] // JD WrapperHeaderTest.illegalVersionTest
        [InlineData("00 00 00 10 00 01 00 0D", WrapperStatus.BadVersion)]
        [InlineData("00 02 00 10 00 01 00 0D", WrapperStatus.BadVersion)]
        [InlineData("01 01 00 10 00 01 00 0D", WrapperStatus.BadVersion)]
        [InlineData("7E A0 07 03 21 93 0F 01", WrapperStatus.BadVersion)] // an HDLC SNRM sent to the wrapper port
        public void TryRead_ShortOrWrongVersion_StatusAndZeroFields(string hex, WrapperStatus expected)
        {
            byte[] bytes = Hex.Parse(hex);

            WrapperStatus status = WrapperHeader.TryRead(bytes, 0, bytes.Length, out int s, out int d, out int n);

            Assert.Equal(expected, status);
            Assert.Equal((0, 0, 0), (s, d, n));
        }

        [Theory]
        [InlineData(0x01, 0x10, 9, "00 01 00 01 00 10 00 09")]   // Trace D reply header
        [InlineData(0x10, 0x11, 34, "00 01 00 10 00 11 00 22")]  // JD decode1
        [InlineData(0, 0, 0, "00 01 00 00 00 00 00 00")]
        [InlineData(0xFFFF, 0xFFFF, 0xFFFF, "00 01 FF FF FF FF FF FF")]
        public void Write_Fields_ProducesHeader(int source, int destination, int length, string expected)
        {
            byte[] buffer = new byte[10];

            WrapperStatus status = WrapperHeader.Write(buffer, 1, source, destination, length);

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal(expected, Hex.Format(buffer, 1, 8));
            Assert.Equal(0, buffer[0]);
            Assert.Equal(0, buffer[9]);
        }

        [Theory]
        [InlineData(7, 0, WrapperStatus.BufferTooSmall)]
        [InlineData(10, 3, WrapperStatus.BufferTooSmall)]
        [InlineData(10, -1, WrapperStatus.BufferTooSmall)]
        public void Write_NoRoom_BufferTooSmallAndNothingWritten(int size, int offset, WrapperStatus expected)
        {
            byte[] buffer = new byte[size];

            Assert.Equal(expected, WrapperHeader.Write(buffer, offset, 1, 16, 9));
            Assert.All(buffer, b => Assert.Equal(0, b));
        }

        [Theory]
        [InlineData(-1, 1, 9, WrapperStatus.BadWPort)]
        [InlineData(0x10000, 1, 9, WrapperStatus.BadWPort)]
        [InlineData(1, -1, 9, WrapperStatus.BadWPort)]
        [InlineData(1, 0x10000, 9, WrapperStatus.BadWPort)]
        [InlineData(1, 16, 0x10000, WrapperStatus.ApduTooLong)]
        [InlineData(1, 16, -1, WrapperStatus.ApduTooLong)]
        public void Write_FieldOutOfRange_ErrorAndNothingWritten(int source, int destination, int length, WrapperStatus expected)
        {
            byte[] buffer = new byte[8];

            Assert.Equal(expected, WrapperHeader.Write(buffer, 0, source, destination, length));
            Assert.All(buffer, b => Assert.Equal(0, b));
        }

        [Theory]
        [InlineData(0x10, 0x01, 13)]
        [InlineData(0x4059, 0x8000, 0x1234)]
        public void WriteThenTryRead_RoundTrip(int source, int destination, int length)
        {
            byte[] buffer = new byte[8];

            Assert.Equal(WrapperStatus.Ok, WrapperHeader.Write(buffer, 0, source, destination, length));
            Assert.Equal(WrapperStatus.Ok, WrapperHeader.TryRead(buffer, 0, 8, out int s, out int d, out int n));
            Assert.Equal((source, destination, length), (s, d, n));
        }
    }
}
