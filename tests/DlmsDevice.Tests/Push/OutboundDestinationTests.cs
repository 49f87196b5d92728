using System.Text;
using DlmsDevice.Hal;

namespace DlmsDevice.Tests.Push
{
    /// <summary>The push destination text every platform reads: <c>a.b.c.d:port</c>.</summary>
    public class OutboundDestinationTests
    {
        [Theory]
        [InlineData("127.0.0.1:4070", 127, 0, 0, 1, 4070)]
        [InlineData("10.20.30.40:1", 10, 20, 30, 40, 1)]
        [InlineData("255.255.255.255:65535", 255, 255, 255, 255, 65535)]
        public void TryParseIPv4_Accepted(string text, int a, int b, int c, int d, int port)
        {
            byte[] bytes = Encoding.ASCII.GetBytes("xx" + text + "yy");
            byte[] address = new byte[4];

            Assert.True(OutboundDestination.TryParseIPv4(bytes, 2, text.Length, address, out int parsed));

            Assert.Equal(new[] { (byte)a, (byte)b, (byte)c, (byte)d }, address);
            Assert.Equal(port, parsed);
        }

        [Theory]
        [InlineData("")]
        [InlineData("127.0.0.1")]
        [InlineData("127.0.0.1:")]
        [InlineData("127.0.0.1:0")]
        [InlineData("127.0.0.1:65536")]
        [InlineData("127.0.0.1:123456")]
        [InlineData("256.0.0.1:4070")]
        [InlineData("1270.0.0.1:4070")]
        [InlineData("127.0.0:4070")]
        [InlineData("127.0.0.1.1:4070")]
        [InlineData("127.0.0.1:4070 ")]
        [InlineData("meter.example:4070")]
        [InlineData("[::1]:4070")]
        public void TryParseIPv4_Refused(string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);

            Assert.False(OutboundDestination.TryParseIPv4(bytes, 0, bytes.Length, new byte[4], out _));
        }

        [Fact]
        public void TryParse_OnlyTcpAndUdp()
        {
            byte[] bytes = Encoding.ASCII.GetBytes("127.0.0.1:4070");

            Assert.True(OutboundDestination.TryParse(OutboundProtocol.Udp, bytes, 0, bytes.Length, new byte[4], out _));
            Assert.False(OutboundDestination.TryParse((OutboundProtocol)5, bytes, 0, bytes.Length, new byte[4], out _));
        }
    }
}
