using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class IecHdlcSetupTests
    {
        private static IecHdlcSetup Setup()
        {
            return new IecHdlcSetup(new ObisCode(0, 0, 22, 0, 0, 255));
        }

        [Theory]
        [InlineData(1, "09 06 00 00 16 00 00 FF")]
        [InlineData(2, "16 05")]        // 9600 baud
        [InlineData(3, "11 01")]
        [InlineData(4, "11 01")]
        [InlineData(5, "12 00 80")]     // 128
        [InlineData(6, "12 00 80")]
        [InlineData(7, "12 00 19")]     // 25 ms
        [InlineData(8, "12 00 78")]     // 120 s
        [InlineData(9, "12 00 10")]
        public void Get_Defaults_ExactBytes(int attributeId, string expected)
        {
            Assert.Equal(expected, CosemTestKit.Get(Setup(), attributeId));
        }

        [Theory]
        [InlineData(2, "16 09")]
        [InlineData(3, "11 07")]
        [InlineData(4, "11 03")]
        [InlineData(5, "12 07 EE")]     // 2030
        [InlineData(6, "12 00 20")]     // 32
        [InlineData(7, "12 17 70")]     // 6000
        [InlineData(8, "12 00 00")]
        [InlineData(9, "12 3F FD")]
        public void Set_InRange_RoundTrips(int attributeId, string hex)
        {
            IecHdlcSetup setup = Setup();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(setup, attributeId, hex));
            Assert.Equal(hex, CosemTestKit.Get(setup, attributeId));
        }

        [Theory]
        [InlineData(2, "16 0A", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(3, "11 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(4, "11 08", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(5, "12 07 EF", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(6, "12 00 1F", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(7, "12 00 13", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(2, "11 05", DataAccessResult.TypeUnmatched)]
        [InlineData(3, "12 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData(8, "06 00 00 00 78", DataAccessResult.TypeUnmatched)]
        [InlineData(9, "12 00", DataAccessResult.TypeUnmatched)]
        public void Set_BadInput_ResultCodeAndUnchanged(int attributeId, string hex, DataAccessResult expected)
        {
            IecHdlcSetup setup = Setup();
            string before = CosemTestKit.Get(setup, attributeId);
            Assert.Equal(expected, CosemTestKit.Set(setup, attributeId, hex));
            Assert.Equal(before, CosemTestKit.Get(setup, attributeId));
        }

        [Fact]
        public void Counts_MatchBlueBookVersion1()
        {
            IecHdlcSetup setup = Setup();
            Assert.Equal(23, setup.ClassId);
            Assert.Equal(1, setup.Version);
            Assert.Equal(9, setup.AttributeCount);
            Assert.Equal(0, setup.MethodCount);
        }
    }
}
