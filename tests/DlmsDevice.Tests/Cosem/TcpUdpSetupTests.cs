using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class TcpUdpSetupTests
    {
        private static TcpUdpSetup Setup()
        {
            return new TcpUdpSetup(new ObisCode(0, 0, 25, 0, 0, 255));
        }

        [Theory]
        [InlineData(1, "09 06 00 00 19 00 00 FF")]
        [InlineData(2, "12 0F DB")]                   // 4059
        [InlineData(3, "09 06 00 00 19 01 00 FF")]    // IPv4 setup
        [InlineData(4, "12 02 40")]                   // MSS 576
        [InlineData(5, "11 01")]
        [InlineData(6, "12 00 B4")]                   // 180 s
        public void Get_Defaults_ExactBytes(int attributeId, string expected)
        {
            Assert.Equal(expected, CosemTestKit.Get(Setup(), attributeId));
        }

        [Theory]
        [InlineData(2, "12 11 5B")]
        [InlineData(3, "09 06 00 00 19 01 01 FF")]
        [InlineData(4, "12 05 B4")]
        [InlineData(5, "11 04")]
        [InlineData(6, "12 00 00")]
        public void Set_RoundTrips(int attributeId, string hex)
        {
            TcpUdpSetup setup = Setup();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(setup, attributeId, hex));
            Assert.Equal(hex, CosemTestKit.Get(setup, attributeId));
        }

        [Theory]
        [InlineData(2, "06 00 00 0F DB", DataAccessResult.TypeUnmatched)]
        [InlineData(3, "09 05 00 00 19 01 01", DataAccessResult.TypeUnmatched)]
        [InlineData(4, "12 00 27", DataAccessResult.ScopeOfAccessViolated)]   // 39 < 40
        [InlineData(5, "12 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData(6, "12", DataAccessResult.TypeUnmatched)]
        public void Set_BadInput_ResultCodeAndUnchanged(int attributeId, string hex, DataAccessResult expected)
        {
            TcpUdpSetup setup = Setup();
            string before = CosemTestKit.Get(setup, attributeId);
            Assert.Equal(expected, CosemTestKit.Set(setup, attributeId, hex));
            Assert.Equal(before, CosemTestKit.Get(setup, attributeId));
        }

        [Fact]
        public void IpReference_AfterSet_ReadsTheSetCode()
        {
            TcpUdpSetup setup = Setup();
            Assert.Equal(new ObisCode(0, 0, 25, 1, 0, 255), setup.IpReference);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(setup, 3, "09 06 00 00 19 01 02 FF"));
            Assert.Equal(new ObisCode(0, 0, 25, 1, 2, 255), setup.IpReference);
            setup.IpReference = new ObisCode(0, 0, 25, 1, 3, 255);
            Assert.Equal("09 06 00 00 19 01 03 FF", CosemTestKit.Get(setup, 3));
            Assert.Throws<System.ArgumentNullException>(() => setup.IpReference = null!);
        }

        [Fact]
        public void Counts_MatchBlueBook()
        {
            TcpUdpSetup setup = Setup();
            Assert.Equal(41, setup.ClassId);
            Assert.Equal(0, setup.Version);
            Assert.Equal(6, setup.AttributeCount);
            Assert.Equal(0, setup.MethodCount);
        }
    }
}
