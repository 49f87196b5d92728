using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class ExtendedRegisterTests
    {
        private static ExtendedRegister MaximumDemand()
        {
            CosemValue value = new CosemValue(DataType.DoubleLongUnsigned);
            value.SetInteger(4200);
            return new ExtendedRegister(new ObisCode(1, 0, 1, 6, 0, 255), value, 0, Unit.Watt, null!);
        }

        [Fact]
        public void Get_Attributes_ExactBytes()
        {
            ExtendedRegister register = MaximumDemand();
            Assert.Equal("09 06 01 00 01 06 00 FF", CosemTestKit.Get(register, 1));
            Assert.Equal("06 00 00 10 68", CosemTestKit.Get(register, 2));
            Assert.Equal("02 02 0F 00 16 1B", CosemTestKit.Get(register, 3));
            Assert.Equal("11 00", CosemTestKit.Get(register, 4));
            // capture_time not yet captured: every field not specified.
            Assert.Equal("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF", CosemTestKit.Get(register, 5));
        }

        [Fact]
        public void Set_StatusAndCaptureTime_RoundTrip()
        {
            ExtendedRegister register = MaximumDemand();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 4, "11 05"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 5, "09 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00"));
            Assert.Equal("11 05", CosemTestKit.Get(register, 4));
            Assert.Equal("09 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00", CosemTestKit.Get(register, 5));
            CosemDateTime captured = new CosemDateTime();
            register.GetCaptureTime(captured);
            Assert.Equal(2024, captured.Year);
            Assert.Equal(0x1F, captured.DayOfMonth);
        }

        [Theory]
        [InlineData(4, "12 00 05")]
        [InlineData(5, "09 0B 07 E8 03 1F 07 0C 00 00 00 FF C4")]
        [InlineData(5, "0A 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00")]
        [InlineData(5, "09 0C 07 E8 03")]
        public void Set_BadInput_TypeUnmatchedAndUnchanged(int attributeId, string hex)
        {
            ExtendedRegister register = MaximumDemand();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 5, "09 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00"));
            string before = CosemTestKit.Get(register, attributeId);

            Assert.Equal(DataAccessResult.TypeUnmatched, CosemTestKit.Set(register, attributeId, hex));

            Assert.Equal(before, CosemTestKit.Get(register, attributeId));
        }

        [Fact]
        public void Invoke_Reset_ValueDefaultAndCaptureTimeNow()
        {
            ExtendedRegister register = MaximumDemand();
            Clock clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255), FakeClockSource.At(2024, 3, 31, 11, 0, 0));
            clock.TimeZone = -60;
            register.Clock = clock;
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(register, 1, "0F 00"));
            Assert.Equal("06 00 00 00 00", CosemTestKit.Get(register, 2));
            // 2024-03-31 (Sunday) 12:00:00.00 local, deviation -60 (UTC+1), status 0.
            Assert.Equal("09 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00", CosemTestKit.Get(register, 5));
        }

        [Fact]
        public void CaptureNow_WithoutClock_NotSpecified()
        {
            ExtendedRegister register = MaximumDemand();
            CosemDateTime t = new CosemDateTime();
            t.Year = 2020;
            register.SetCaptureTime(t);
            Assert.Equal(2020, t.Year);                  // copied in, the argument untouched
            register.CaptureNow();
            CosemDateTime captured = new CosemDateTime();
            captured.Year = 1;
            register.GetCaptureTime(captured);
            Assert.Equal(0xFFFF, captured.Year);
            Assert.Equal(2020, t.Year);
        }

        [Fact]
        public void Counts_MatchBlueBook()
        {
            ExtendedRegister register = MaximumDemand();
            Assert.Equal(4, register.ClassId);
            Assert.Equal(0, register.Version);
            Assert.Equal(5, register.AttributeCount);
            Assert.Equal(1, register.MethodCount);
        }
    }
}
