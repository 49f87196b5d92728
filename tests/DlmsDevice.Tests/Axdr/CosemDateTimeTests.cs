using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>CosemDateTime fields (Blue Book 4.1.6.1): every special value kept, conversions, validity.</summary>
    public class CosemDateTimeTests
    {
        [Fact]
        public void ReadFrom_DcSetExample_AllFields()
        {
            // SET clock from DC test_set.py (the Green Book's xDLMS APDU examples): 2021-01-24, day of week not
            // specified, 14:48:57.80, deviation -60 (UTC+1 in Gurux's sign), status 0.
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("07 E5 01 18 FF 0E 30 39 50 FF C4 00"), 0);

            Assert.Equal(2021, value.Year);
            Assert.Equal(1, value.Month);
            Assert.Equal(24, value.DayOfMonth);
            Assert.Equal(CosemDateTime.NotSpecified, value.DayOfWeek);
            Assert.Equal(14, value.Hour);
            Assert.Equal(48, value.Minute);
            Assert.Equal(57, value.Second);
            Assert.Equal(80, value.Hundredths);
            Assert.Equal(-60, value.Deviation);
            Assert.Equal(0, value.ClockStatus);
            Assert.True(value.IsDeviationSpecified);
            Assert.True(value.IsValid());
        }

        [Fact]
        public void Constructor_AllNotSpecifiedValues_Bytes()
        {
            CosemDateTime value = new CosemDateTime();
            byte[] bytes = new byte[12];

            value.WriteTo(bytes, 0);

            Assert.Equal("FF FF FF FF FF FF FF FF FF 80 00 FF", Hex.Format(bytes));
            Assert.False(value.IsDeviationSpecified);
            Assert.Equal(unchecked((short)0x8000), CosemDateTime.DeviationNotSpecified);
            Assert.True(value.IsValid());
            Assert.False(value.TryToDateTime(out _));
        }

        [Theory]
        [InlineData("FF FF FE FE FF FF FF FF FF 80 00 FF")]   // DST begin, last day
        [InlineData("FF FF FD FD FF FF FF FF FF 80 00 FF")]   // DST end, second-last day
        [InlineData("07 E5 03 FE 07 02 00 00 00 FE B6 80")]   // IST deviation -330, DST active
        [InlineData("07 E5 03 1F 03 17 3B 3B 63 02 D0 0F")]   // deviation +720, status bits 0..3
        public void WriteTo_ReadFrom_KeepsSpecialValues(string hex)
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse(hex), 0);
            byte[] bytes = new byte[14];

            value.WriteTo(bytes, 1);

            Assert.Equal(hex, Hex.Format(bytes, 1, 12));
            Assert.True(value.IsValid());
        }

        [Theory]
        [InlineData("07 E5 00 01 FF FF FF FF FF 80 00 FF")]   // month 0
        [InlineData("07 E5 0D 01 FF FF FF FF FF 80 00 FF")]   // month 13
        [InlineData("07 E5 FC 01 FF FF FF FF FF 80 00 FF")]   // month 0xFC
        [InlineData("07 E5 01 00 FF FF FF FF FF 80 00 FF")]   // day 0
        [InlineData("07 E5 01 20 FF FF FF FF FF 80 00 FF")]   // day 32
        [InlineData("07 E5 01 01 00 FF FF FF FF 80 00 FF")]   // day of week 0
        [InlineData("07 E5 01 01 08 FF FF FF FF 80 00 FF")]   // day of week 8
        [InlineData("07 E5 01 01 FF 18 FF FF FF 80 00 FF")]   // hour 24
        [InlineData("07 E5 01 01 FF FF 3C FF FF 80 00 FF")]   // minute 60
        [InlineData("07 E5 01 01 FF FF FF 3C FF 80 00 FF")]   // second 60
        [InlineData("07 E5 01 01 FF FF FF FF 64 80 00 FF")]   // hundredths 100
        [InlineData("07 E5 01 01 FF FF FF FF FF 02 D1 FF")]   // deviation 721
        [InlineData("07 E5 01 01 FF FF FF FF FF FD 2F FF")]   // deviation -721
        public void IsValid_OutOfRange_False(string hex)
        {
            Assert.False(CosemDateTime.FromBytes(Hex.Parse(hex), 0).IsValid());
        }

        [Fact]
        public void DateAndTimeParts_WriteAndRead()
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("07 D2 0C 04 03 0A 06 0B FF 00 78 00"), 0);
            byte[] bytes = new byte[9];

            value.WriteDateTo(bytes, 0);
            value.WriteTimeTo(bytes, 5);

            Assert.Equal("07 D2 0C 04 03 0A 06 0B FF", Hex.Format(bytes));
            // Filled in place: whatever the instances held before, the other fields become "not specified".
            CosemDateTime date = CosemDateTime.FromBytes(Hex.Parse("00 01 02 03 04 05 06 07 08 09 0A 0B"), 0);
            CosemDateTime time = CosemDateTime.FromBytes(Hex.Parse("00 01 02 03 04 05 06 07 08 09 0A 0B"), 0);
            date.ReadDateFrom(bytes, 0);
            time.ReadTimeFrom(bytes, 5);
            Assert.Equal(2002, date.Year);
            Assert.Equal(3, date.DayOfWeek);
            Assert.Equal(CosemDateTime.NotSpecified, date.Hour);
            Assert.Equal(CosemDateTime.DeviationNotSpecified, date.Deviation);
            Assert.Equal(CosemDateTime.NotSpecified, date.ClockStatus);
            Assert.Equal(CosemDateTime.YearNotSpecified, time.Year);
            Assert.Equal(CosemDateTime.NotSpecified, time.DayOfWeek);
            Assert.Equal(CosemDateTime.DeviationNotSpecified, time.Deviation);
            Assert.Equal(10, time.Hour);
            Assert.Equal(11, time.Second);
        }

        [Theory]
        [InlineData(2002, 12, 4, 3)]    // Wednesday (Kmethy clock)
        [InlineData(2021, 1, 24, 7)]    // Sunday
        [InlineData(2024, 2, 29, 4)]    // Thursday
        [InlineData(2000, 1, 3, 1)]     // Monday
        public void FromDateTime_Date_DayOfWeekMondayIsOne(int year, int month, int day, int expectedDow)
        {
            CosemDateTime value = CosemDateTime.FromDateTime(new DateTime(year, month, day, 10, 6, 11, 990), 120, 0x80);

            Assert.Equal(year, value.Year);
            Assert.Equal(month, value.Month);
            Assert.Equal(day, value.DayOfMonth);
            Assert.Equal(expectedDow, value.DayOfWeek);
            Assert.Equal(10, value.Hour);
            Assert.Equal(6, value.Minute);
            Assert.Equal(11, value.Second);
            Assert.Equal(99, value.Hundredths);
            Assert.Equal(120, value.Deviation);
            Assert.Equal(0x80, value.ClockStatus);
        }

        [Fact]
        public void TryToDateTime_Specified_CalendarValue()
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("07 E5 01 18 FF 0E 30 39 50 FF C4 00"), 0);

            Assert.True(value.TryToDateTime(out DateTime result));

            Assert.Equal(new DateTime(2021, 1, 24, 14, 48, 57, 800), result);
            value.Hundredths = CosemDateTime.NotSpecified;
            Assert.True(value.TryToDateTime(out result));
            Assert.Equal(new DateTime(2021, 1, 24, 14, 48, 57), result);
        }

        [Theory]
        [InlineData("FF FF 01 18 FF 0E 30 39 50 FF C4 00")]   // year not specified
        [InlineData("07 E5 FE 18 FF 0E 30 39 50 FF C4 00")]   // DST-begin month
        [InlineData("07 E5 01 FE FF 0E 30 39 50 FF C4 00")]   // last day of month
        [InlineData("07 E5 02 1E FF 0E 30 39 50 FF C4 00")]   // 30 February
        [InlineData("07 E5 01 18 FF FF 30 39 50 FF C4 00")]   // hour not specified
        [InlineData("07 E5 01 18 FF 0E 30 39 64 FF C4 00")]   // hundredths 100
        [InlineData("06 40 01 18 FF 0E 30 39 50 FF C4 00")]   // year 1600: below nanoFramework's range
        [InlineData("0B B9 01 18 FF 0E 30 39 50 FF C4 00")]   // year 3001: above it
        public void TryToDateTime_NotRepresentable_False(string hex)
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse(hex), 0);

            Assert.False(value.TryToDateTime(out DateTime result));
            Assert.Equal(default(DateTime), result);
        }

        [Fact]
        public void Equals_FieldByField()
        {
            CosemDateTime a = CosemDateTime.FromBytes(Hex.Parse("07 E5 01 18 FF 0E 30 39 50 FF C4 00"), 0);
            CosemDateTime b = new CosemDateTime();
            b.CopyFrom(a);

            Assert.NotSame(a, b);
            Assert.True(a.Equals(b));
            Assert.True(a.Equals((object)b));
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            b.ClockStatus = 0x80;
            Assert.False(a.Equals(b));
            Assert.Equal(0, a.ClockStatus);     // a copy, not an alias
            b.CopyFrom(a);
            b.Deviation = CosemDateTime.DeviationNotSpecified;
            Assert.False(a.Equals(b));
            Assert.False(a.Equals("x"));
            Assert.False(a.Equals(null));
            Assert.False(a.Equals((object?)null));
        }

        /// <summary>Every field set as given and written back byte for byte, special values included.</summary>
        [Theory]
        [InlineData("07 E5 01 18 FF 0E 30 39 50 FF C4 00")]
        [InlineData("FF FF FE FE 07 02 00 00 00 80 00 FF")]
        [InlineData("07 D2 0C 04 03 0A 06 0B FF 00 78 80")]
        public void Set_EveryField_WritesTheSameBytes(string hex)
        {
            byte[] b = Hex.Parse(hex);
            CosemDateTime value = new CosemDateTime();

            value.Set((ushort)((b[0] << 8) | b[1]), b[2], b[3], b[4], b[5], b[6], b[7], b[8], (short)((b[9] << 8) | b[10]), b[11]);

            byte[] written = new byte[12];
            value.WriteTo(written, 0);
            Assert.Equal(hex, Hex.Format(written));
            Assert.Equal(CosemDateTime.FromBytes(b, 0), value);
        }

        [Fact]
        public void SetUnspecified_AfterValue_AllNotSpecified()
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("07 E5 01 18 FF 0E 30 39 50 FF C4 00"), 0);

            value.SetUnspecified();

            Assert.Equal(new CosemDateTime(), value);
            byte[] bytes = new byte[12];
            value.WriteTo(bytes, 0);
            Assert.Equal("FF FF FF FF FF FF FF FF FF 80 00 FF", Hex.Format(bytes));
        }

        [Fact]
        public void SetDateTime_IntoExistingInstance_SameAsFromDateTime()
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("FF FF FE FE 07 02 00 00 00 80 00 FF"), 0);
            var when = new DateTime(2021, 1, 24, 14, 48, 57, 800);

            value.Set(when, -60, 0);

            Assert.Equal(CosemDateTime.FromDateTime(when, -60, 0), value);
            byte[] bytes = new byte[12];
            value.WriteTo(bytes, 0);
            Assert.Equal("07 E5 01 18 07 0E 30 39 50 FF C4 00", Hex.Format(bytes));
        }

        [Fact]
        public void CopyFrom_Null_Throws()
        {
            Assert.Throws<ArgumentNullException>(() => new CosemDateTime().CopyFrom(null!));
        }

        [Fact]
        public void ToString_ShowsFieldsAndUnspecified()
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("07 D2 0C 04 03 0A 06 0B FF 00 78 00"), 0);

            Assert.Equal("2002-12-04 03 10:06:11.* dev 120 st 00", value.ToString());
            Assert.Equal("*-*-* * *:*:*.* dev * st *", new CosemDateTime().ToString());
            value.Month = CosemDateTime.MonthDaylightSavingsBegin;
            Assert.StartsWith("2002-0xFE-04", value.ToString());
        }
    }
}
