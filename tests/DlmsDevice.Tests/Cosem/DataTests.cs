using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class DataTests
    {
        private static Data SerialNumber()
        {
            CosemValue value = new CosemValue(DataType.OctetString, 16);
            value.SetString("12345678");
            return new Data(new ObisCode(0, 0, 96, 1, 0, 255), value);
        }

        [Fact]
        public void Get_LogicalName_ObisOctetString()
        {
            Assert.Equal("09 06 00 00 60 01 00 FF", CosemTestKit.Get(SerialNumber(), 1));
        }

        [Fact]
        public void LogicalName_SameInstanceAsGiven()
        {
            // A class: the object keeps the configured instance, no copy.
            var name = new ObisCode(0, 0, 96, 1, 0, 255);
            Data data = new Data(name, new CosemValue(DataType.OctetString, 4));
            Assert.Same(name, data.LogicalName);
        }

        [Fact]
        public void Constructor_NullLogicalName_Throws()
        {
            Assert.Throws<System.ArgumentNullException>(() => new Data(null!, new CosemValue(DataType.OctetString, 4)));
        }

        [Fact]
        public void Get_Value_OctetString()
        {
            Assert.Equal("09 08 31 32 33 34 35 36 37 38", CosemTestKit.Get(SerialNumber(), 2));
        }

        [Fact]
        public void Set_Value_RoundTrips()
        {
            Data data = SerialNumber();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(data, 2, "09 02 41 42"));
            Assert.Equal("09 02 41 42", CosemTestKit.Get(data, 2));
        }

        [Theory]
        [InlineData("0A 02 41 42", DataAccessResult.TypeUnmatched)]     // visible-string for octet-string
        [InlineData("09 05 41 42", DataAccessResult.TypeUnmatched)]     // truncated
        [InlineData("09 11 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41", DataAccessResult.ScopeOfAccessViolated)]   // 17 > 16
        public void Set_BadValue_ResultCodeAndUnchanged(string hex, DataAccessResult expected)
        {
            Data data = SerialNumber();
            Assert.Equal(expected, CosemTestKit.Set(data, 2, hex));
            Assert.Equal("09 08 31 32 33 34 35 36 37 38", CosemTestKit.Get(data, 2));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(3)]
        public void Get_NoSuchAttribute_ReadWriteDenied(int attributeId)
        {
            string hex;
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.TryGet(SerialNumber(), attributeId, out hex));
            Assert.Equal("", hex);
        }

        [Fact]
        public void Get_WithSelector_ScopeOfAccessViolated()
        {
            string hex;
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.TryGet(SerialNumber(), 2, out hex, null, 1));
        }

        [Fact]
        public void Set_LogicalName_ReadWriteDenied()
        {
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.Set(SerialNumber(), 1, "09 06 00 00 60 01 00 FF"));
        }

        [Fact]
        public void Invoke_NoMethods_ReadWriteDenied()
        {
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(SerialNumber(), 1, "0F 00"));
        }

        [Fact]
        public void ClassIdAndVersion_AreData()
        {
            Data data = SerialNumber();
            Assert.Equal(1, data.ClassId);
            Assert.Equal(0, data.Version);
            Assert.Equal(2, data.AttributeCount);
            Assert.Equal(0, data.MethodCount);
        }
    }
}
