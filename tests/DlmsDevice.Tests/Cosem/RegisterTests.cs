using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class RegisterTests
    {
        private static Register Energy()
        {
            CosemValue value = new CosemValue(DataType.DoubleLongUnsigned);
            value.SetInteger(12345);
            return new Register(new ObisCode(1, 0, 1, 8, 0, 255), value, 0, Unit.WattHour);
        }

        [Fact]
        public void Get_Value_PROTOCOL_TraceD()
        {
            // trace D: value = 12345 -> 06 00 00 30 39.
            Assert.Equal("06 00 00 30 39", CosemTestKit.Get(Energy(), 2));
        }

        [Fact]
        public void Get_ScalerUnit_PROTOCOL_TraceD()
        {
            // {0F 00, 16 1E} = 10^0 Wh.
            Assert.Equal("02 02 0F 00 16 1E", CosemTestKit.Get(Energy(), 3));
        }

        [Fact]
        public void Get_ScalerUnit_NegativeScaler()
        {
            // L1 voltage from a real meter push (the Green Book's A-XDR examples): 02 02 0F FF 16 23 = 10^-1 V.
            CosemValue value = new CosemValue(DataType.LongUnsigned);
            value.SetInteger(2356);
            Register voltage = new Register(new ObisCode(1, 0, 32, 7, 0, 255), value, -1, Unit.Volt);
            Assert.Equal("12 09 34", CosemTestKit.Get(voltage, 2));
            Assert.Equal("02 02 0F FF 16 23", CosemTestKit.Get(voltage, 3));
        }

        [Fact]
        public void Get_ValueFromSource_ChangesOverTime()
        {
            Register register = Energy();
            RecordingValueSource source = new RecordingValueSource();
            register.Value.Source = source;
            source.Next = 1000;
            Assert.Equal("06 00 00 03 E8", CosemTestKit.Get(register, 2));
            source.Next = 1001;
            Assert.Equal("06 00 00 03 E9", CosemTestKit.Get(register, 2));
        }

        [Fact]
        public void Set_ValueAndScalerUnit_RoundTrip()
        {
            Register register = Energy();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 2, "06 00 01 00 00"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 3, "02 02 0F 03 16 1E"));
            Assert.Equal("06 00 01 00 00", CosemTestKit.Get(register, 2));
            Assert.Equal("02 02 0F 03 16 1E", CosemTestKit.Get(register, 3));
            Assert.Equal(3, register.Scaler);
            Assert.Equal(Unit.WattHour, register.Unit);
        }

        [Theory]
        [InlineData(2, "05 00 00 00 01", DataAccessResult.TypeUnmatched)]     // double-long for double-long-unsigned
        [InlineData(2, "06 00 00", DataAccessResult.TypeUnmatched)]           // truncated
        [InlineData(3, "02 03 0F 00 16 1E 00", DataAccessResult.TypeUnmatched)]
        [InlineData(3, "02 02 11 00 16 1E", DataAccessResult.TypeUnmatched)]  // unsigned scaler
        [InlineData(3, "02 02 0F 00 11 1E", DataAccessResult.TypeUnmatched)]  // unsigned unit
        [InlineData(3, "02 02 0F 00", DataAccessResult.TypeUnmatched)]        // truncated
        [InlineData(4, "06 00 00 00 01", DataAccessResult.ReadWriteDenied)]
        public void Set_BadInput_ResultCodeAndUnchanged(int attributeId, string hex, DataAccessResult expected)
        {
            Register register = Energy();
            Assert.Equal(expected, CosemTestKit.Set(register, attributeId, hex));
            Assert.Equal("06 00 00 30 39", CosemTestKit.Get(register, 2));
            Assert.Equal("02 02 0F 00 16 1E", CosemTestKit.Get(register, 3));
        }

        [Theory]
        [InlineData("0F 00")]       // data ::= integer(0), what Gurux sends
        [InlineData("00")]          // null-data
        [InlineData(null)]          // no parameters
        public void Invoke_Reset_ValueBecomesDefault(string? parameters)
        {
            Register register = Energy();
            RecordingValueSource source = new RecordingValueSource();
            register.Value.Source = source;
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(register, 1, parameters));
            Assert.Equal(0L, register.Value.Integer);
            Assert.Equal(1, source.Writes);
            Assert.Equal(0L, source.LastWritten);
        }

        [Fact]
        public void Invoke_Reset_ConfiguredDefault()
        {
            Register register = Energy();
            register.DefaultValue.SetInteger(500);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(register, 1, "0F 00"));
            register.Value.Source = null;
            Assert.Equal("06 00 00 01 F4", CosemTestKit.Get(register, 2));
        }

        [Theory]
        [InlineData("09 00")]
        [InlineData("0F")]
        public void Invoke_ResetBadParameter_TypeUnmatchedAndUnchanged(string parameters)
        {
            Register register = Energy();
            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(register, 1, parameters));
            Assert.Equal(12345L, register.Value.Integer);
        }

        [Fact]
        public void Invoke_NoSuchMethod_ReadWriteDenied()
        {
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(Energy(), 2, "0F 00"));
        }

        [Fact]
        public void Counts_MatchBlueBook()
        {
            Register register = Energy();
            Assert.Equal(3, register.ClassId);
            Assert.Equal(0, register.Version);
            Assert.Equal(3, register.AttributeCount);
            Assert.Equal(1, register.MethodCount);
        }
    }
}
