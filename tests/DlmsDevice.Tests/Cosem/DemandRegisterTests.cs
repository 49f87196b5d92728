using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class DemandRegisterTests
    {
        private static DemandRegister AveragePower()
        {
            CosemValue current = new CosemValue(DataType.DoubleLong);
            current.SetInteger(1500);
            return new DemandRegister(new ObisCode(1, 0, 1, 4, 0, 255), current, 0, Unit.Watt, 900, 1);
        }

        [Fact]
        public void Get_Attributes_ExactBytes()
        {
            DemandRegister register = AveragePower();
            Assert.Equal("09 06 01 00 01 04 00 FF", CosemTestKit.Get(register, 1));
            Assert.Equal("05 00 00 05 DC", CosemTestKit.Get(register, 2));
            Assert.Equal("05 00 00 00 00", CosemTestKit.Get(register, 3));
            Assert.Equal("02 02 0F 00 16 1B", CosemTestKit.Get(register, 4));
            Assert.Equal("11 00", CosemTestKit.Get(register, 5));
            Assert.Equal("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF", CosemTestKit.Get(register, 6));
            Assert.Equal("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF", CosemTestKit.Get(register, 7));
            Assert.Equal("06 00 00 03 84", CosemTestKit.Get(register, 8));   // 900 s
            Assert.Equal("12 00 01", CosemTestKit.Get(register, 9));
        }

        [Fact]
        public void Invoke_NextPeriod_ShiftsCurrentToLastAndStampsTimes()
        {
            DemandRegister register = AveragePower();
            register.Clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255), FakeClockSource.At(2024, 1, 15, 10, 15, 0));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(register, 2, "0F 00"));
            Assert.Equal("05 00 00 00 00", CosemTestKit.Get(register, 2));
            Assert.Equal("05 00 00 05 DC", CosemTestKit.Get(register, 3));
            // 2024-01-15 Monday 10:15:00.00, deviation 0, status 0.
            Assert.Equal("09 0C 07 E8 01 0F 01 0A 0F 00 00 00 00 00", CosemTestKit.Get(register, 6));
            Assert.Equal("09 0C 07 E8 01 0F 01 0A 0F 00 00 00 00 00", CosemTestKit.Get(register, 7));
        }

        [Fact]
        public void NextPeriod_RefreshesCurrentFromSourceAndTellsIt()
        {
            DemandRegister register = AveragePower();
            RecordingValueSource source = new RecordingValueSource();
            source.Next = 777;
            register.CurrentAverageValue.Source = source;
            register.NextPeriod();
            Assert.Equal(777L, register.LastAverageValue.Integer);
            Assert.Equal(0L, register.CurrentAverageValue.Integer);
            Assert.Equal(1, source.Writes);
        }

        [Fact]
        public void Invoke_Reset_ClearsBothAverages()
        {
            DemandRegister register = AveragePower();
            register.NextPeriod();
            register.CurrentAverageValue.SetInteger(10);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(register, 1, null));
            Assert.Equal(0L, register.CurrentAverageValue.Integer);
            Assert.Equal(0L, register.LastAverageValue.Integer);
        }

        [Fact]
        public void Set_PeriodAndNumberOfPeriods_RoundTrip()
        {
            DemandRegister register = AveragePower();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 8, "06 00 00 07 08"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 9, "12 00 04"));
            Assert.Equal(1800u, register.Period);
            Assert.Equal((ushort)4, register.NumberOfPeriods);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 4, "02 02 0F FD 16 1B"));
            Assert.Equal(-3, register.Scaler);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(register, 7, "09 0C 07 E8 01 0F 01 0A 0F 00 00 00 00 00"));
            Assert.Equal("09 0C 07 E8 01 0F 01 0A 0F 00 00 00 00 00", CosemTestKit.Get(register, 7));
        }

        [Theory]
        [InlineData(8, "06 00 00 00 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(8, "12 07 08", DataAccessResult.TypeUnmatched)]
        [InlineData(9, "12 00 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(9, "12 00", DataAccessResult.TypeUnmatched)]
        [InlineData(2, "06 00 00 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData(6, "09 00", DataAccessResult.TypeUnmatched)]
        [InlineData(4, "02 02 0F 00", DataAccessResult.TypeUnmatched)]
        public void Set_BadInput_ResultCodeAndUnchanged(int attributeId, string hex, DataAccessResult expected)
        {
            DemandRegister register = AveragePower();
            Assert.Equal(expected, CosemTestKit.Set(register, attributeId, hex));
            Assert.Equal(900u, register.Period);
            Assert.Equal((ushort)1, register.NumberOfPeriods);
            Assert.Equal(1500L, register.CurrentAverageValue.Integer);
        }

        [Fact]
        public void Invoke_BadParameter_TypeUnmatched()
        {
            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(AveragePower(), 2, "09 01 00"));
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(AveragePower(), 3, "0F 00"));
        }

        [Fact]
        public void Constructor_ZeroPeriod_Throws()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() =>
                new DemandRegister(new ObisCode(1, 0, 1, 4, 0, 255), new CosemValue(DataType.DoubleLong), 0, Unit.Watt, 0, 1));
        }

        [Fact]
        public void Counts_MatchBlueBook()
        {
            DemandRegister register = AveragePower();
            Assert.Equal(5, register.ClassId);
            Assert.Equal(9, register.AttributeCount);
            Assert.Equal(2, register.MethodCount);
        }

        [Fact]
        public void SetAndGetTimes_CopyInAndOut()
        {
            DemandRegister register = AveragePower();
            CosemDateTime end = CosemDateTime.FromBytes(Support.Hex.Parse("07 E8 03 1F 07 0C 00 00 00 FF C4 00"), 0);
            CosemDateTime start = CosemDateTime.FromBytes(Support.Hex.Parse("07 E8 03 1F 07 0B 2D 00 00 FF C4 00"), 0);

            register.SetCaptureTime(end);
            register.SetStartTimeCurrent(start);
            end.Hour = 1;                         // the register kept its own copies

            Assert.Equal("09 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00", CosemTestKit.Get(register, 6));
            Assert.Equal("09 0C 07 E8 03 1F 07 0B 2D 00 00 FF C4 00", CosemTestKit.Get(register, 7));
            CosemDateTime got = new CosemDateTime();
            register.GetCaptureTime(got);
            Assert.Equal(12, got.Hour);
            register.GetStartTimeCurrent(got);
            Assert.Equal(start, got);
        }
    }
}
