using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    public class HdlcLlcTests
    {
        [Theory]
        [InlineData("E6 E6 00 60", HdlcStatus.Ok)]
        [InlineData("E6 E7 00", HdlcStatus.BadLlc)]
        [InlineData("E6 E6 01", HdlcStatus.BadLlc)]
        [InlineData("E7 E6 00", HdlcStatus.BadLlc)]
        [InlineData("E6 E6", HdlcStatus.NeedMore)]
        public void CheckRequest_Header_ReturnsStatus(string hex, HdlcStatus expected)
        {
            byte[] data = Hex.Parse(hex);
            Assert.Equal(expected, HdlcLlc.CheckRequest(data, 0, data.Length));
        }

        [Theory]
        [InlineData("E6 E7 00", HdlcStatus.Ok)]
        [InlineData("E6 E6 00", HdlcStatus.BadLlc)]
        public void CheckResponse_Header_ReturnsStatus(string hex, HdlcStatus expected)
        {
            byte[] data = Hex.Parse(hex);
            Assert.Equal(expected, HdlcLlc.CheckResponse(data, 0, data.Length));
        }

        [Fact]
        public void Write_RequestAndResponse_WriteThreeBytes()
        {
            var buffer = new byte[7];
            HdlcLlc.WriteRequest(buffer, 0);
            HdlcLlc.WriteResponse(buffer, 3);
            Assert.Equal("E6 E6 00 E6 E7 00 00", Hex.Format(buffer));
        }
    }
}
