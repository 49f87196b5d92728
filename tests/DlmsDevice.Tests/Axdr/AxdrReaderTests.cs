using DlmsDevice.Stack.Axdr;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>Reading each tagged Data type from byte vectors (the Green Book's A-XDR encodings).</summary>
    public class AxdrReaderTests
    {
        [Fact]
        public void ReadNull_NullData_Ok()
        {
            AxdrReader reader = Reader("00");

            Assert.Equal(AxdrStatus.Ok, reader.ReadNull());
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("01 00", 0)]
        [InlineData("01 02", 2)]
        [InlineData("01 81 80", 0x80)]
        [InlineData("01 82 01 71", 0x171)]   // object_list count from the Gurux forum dump
        public void ReadArray_Header_Count(string hex, int expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadArray(out int count));
            Assert.Equal(expected, count);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("02 02", 2)]
        [InlineData("02 04", 4)]
        [InlineData("02 81 FF", 255)]
        public void ReadStructure_Header_Count(string hex, int expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int count));
            Assert.Equal(expected, count);
        }

        [Theory]
        [InlineData("03 00", false)]
        [InlineData("03 01", true)]
        [InlineData("03 FF", true)]   // any non-zero byte is TRUE
        public void ReadBoolean_Byte_Value(string hex, bool expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadBoolean(out bool value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("04 00", 0, "")]
        [InlineData("04 01 80", 1, "80")]
        [InlineData("04 08 A5", 8, "A5")]
        [InlineData("04 09 A5 80", 9, "A5 80")]
        [InlineData("04 10 12 34", 16, "12 34")]
        [InlineData("04 81 80 " + Bytes16, 128, Bytes16)]
        [InlineData("04 81 81 " + Bytes16 + " 80", 129, Bytes16 + " 80")]
        public void ReadBitString_BitCount_BytesInPlace(string hex, int expectedBits, string expectedBytes)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadBitString(out int bits, out int offset));

            Assert.Equal(expectedBits, bits);
            Assert.Equal(expectedBytes, Slice(reader, offset, (bits + 7) / 8));
            Assert.Equal(0, reader.Remaining);
        }

        private const string Bytes16 = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF";

        [Theory]
        [InlineData("05 00 00 00 00", 0)]
        [InlineData("05 7F FF FF FF", int.MaxValue)]
        [InlineData("05 80 00 00 00", int.MinValue)]
        [InlineData("05 FF FF FF FF", -1)]
        [InlineData("05 00 00 04 62", 1122)]
        public void ReadDoubleLong_Bytes_Value(string hex, int expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLong(out int value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("06 00 00 13 91", 5009u)]         // GET response data (the Green Book's xDLMS APDU examples)
        [InlineData("06 00 00 04 62", 1122u)]         // push excerpt: 1122 W
        [InlineData("06 FF FF FF FF", uint.MaxValue)]
        [InlineData("06 00 00 00 00", 0u)]
        public void ReadDoubleLongUnsigned_Bytes_Value(string hex, uint expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLongUnsigned(out uint value));
            Assert.Equal(expected, value);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("09 00", "")]
        [InlineData("09 06 00 00 01 00 00 FF", "00 00 01 00 00 FF")]
        [InlineData("09 11 10 00 00 1A 90 E6 D2 22 1F A2 FD 85 EE D6 1A CC 22",
                    "10 00 00 1A 90 E6 D2 22 1F A2 FD 85 EE D6 1A CC 22")]   // HLS reply (2.4 ACTION)
        public void ReadOctetString_Bytes_RangeInBuffer(string hex, string expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadOctetString(out int offset, out int length));

            Assert.Equal(Lead + 2, offset);
            Assert.Equal(expected, Slice(reader, offset, length));
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void ReadVisibleString_Ascii_Range()
        {
            AxdrReader reader = Reader("0A 03 41 42 43");

            Assert.Equal(AxdrStatus.Ok, reader.ReadVisibleString(out int offset, out int length));
            Assert.Equal("ABC", System.Text.Encoding.ASCII.GetString(reader.Buffer, offset, length));
        }

        [Fact]
        public void ReadUtf8String_Utf8_Range()
        {
            AxdrReader reader = Reader("0C 03 E2 82 AC");   // the euro sign

            Assert.Equal(AxdrStatus.Ok, reader.ReadUtf8String(out int offset, out int length));
            Assert.Equal("\u20AC", System.Text.Encoding.UTF8.GetString(reader.Buffer, offset, length));
        }

        [Theory]
        [InlineData("0D 00", 0)]
        [InlineData("0D 99", 0x99)]
        public void ReadBcd_Byte_AsSent(string hex, byte expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadBcd(out byte value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("0F 00", 0)]
        [InlineData("0F FF", -1)]          // scaler -1 in the push excerpt
        [InlineData("0F 7F", 127)]
        [InlineData("0F 80", -128)]
        public void ReadInteger_Byte_Signed(string hex, sbyte expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadInteger(out sbyte value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("10 00 00", 0)]
        [InlineData("10 7F FF", short.MaxValue)]
        [InlineData("10 80 00", short.MinValue)]
        [InlineData("10 FF C4", -60)]
        public void ReadLong_Bytes_Signed(string hex, short expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLong(out short value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("11 00", 0)]
        [InlineData("11 FF", 255)]
        public void ReadUnsigned_Byte_Value(string hex, byte expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("12 00 08", 8)]          // class id 8 (Clock)
        [InlineData("12 09 34", 2356)]       // push excerpt: 235.6 V
        [InlineData("12 FF FF", ushort.MaxValue)]
        public void ReadLongUnsigned_Bytes_Value(string hex, ushort expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("14 00 00 00 00 00 00 00 00", 0L)]
        [InlineData("14 7F FF FF FF FF FF FF FF", long.MaxValue)]
        [InlineData("14 80 00 00 00 00 00 00 00", long.MinValue)]
        [InlineData("14 FF FF FF FF FF FF FF FE", -2L)]
        [InlineData("14 01 23 45 67 89 AB CD EF", 0x0123456789ABCDEFL)]
        public void ReadLong64_Bytes_Value(string hex, long expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLong64(out long value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("15 00 00 00 00 00 00 00 00", 0UL)]
        [InlineData("15 FF FF FF FF FF FF FF FF", ulong.MaxValue)]
        [InlineData("15 80 00 00 00 00 00 00 01", 0x8000000000000001UL)]
        public void ReadLong64Unsigned_Bytes_Value(string hex, ulong expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLong64Unsigned(out ulong value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("16 23", 35)]   // unit V
        [InlineData("16 1B", 27)]   // unit W
        [InlineData("16 FF", 255)]
        public void ReadEnum_Byte_Value(string hex, byte expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadEnum(out byte value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("17 3F 80 00 00", 1.0f)]
        [InlineData("17 C0 49 0F DB", -3.14159274f)]
        [InlineData("17 00 00 00 00", 0.0f)]
        [InlineData("17 7F 80 00 00", float.PositiveInfinity)]
        public void ReadFloat32_Bits_Value(string hex, float expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadFloat32(out float value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("18 3F F0 00 00 00 00 00 00", 1.0)]
        [InlineData("18 40 09 21 FB 54 44 2D 18", System.Math.PI)]
        [InlineData("18 FF F0 00 00 00 00 00 00", double.NegativeInfinity)]
        public void ReadFloat64_Bits_Value(string hex, double expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadFloat64(out double value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("09 0C 07 D2 0C 04 03 0A 06 0B FF 00 78 00")]   // octet-string form (Kmethy clock)
        [InlineData("19 07 D2 0C 04 03 0A 06 0B FF 00 78 00")]      // date-time [25] form
        public void ReadDateTime_BothForms_SameFields(string hex)
        {
            AxdrReader reader = Reader(hex);

            CosemDateTime value = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(value));

            Assert.Equal(2002, value.Year);
            Assert.Equal(12, value.Month);
            Assert.Equal(4, value.DayOfMonth);
            Assert.Equal(3, value.DayOfWeek);
            Assert.Equal(10, value.Hour);
            Assert.Equal(6, value.Minute);
            Assert.Equal(11, value.Second);
            Assert.Equal(0xFF, value.Hundredths);
            Assert.Equal(120, value.Deviation);
            Assert.Equal(0, value.ClockStatus);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("09 05 07 E5 01 18 FF")]
        [InlineData("1A 07 E5 01 18 FF")]
        public void ReadDate_BothForms_TimeNotSpecified(string hex)
        {
            AxdrReader reader = Reader(hex);

            CosemDateTime value = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDate(value));

            Assert.Equal(2021, value.Year);
            Assert.Equal(1, value.Month);
            Assert.Equal(24, value.DayOfMonth);
            Assert.Equal(0xFF, value.DayOfWeek);
            Assert.Equal(0xFF, value.Hour);
            Assert.Equal(0xFF, value.Minute);
            Assert.Equal(0xFF, value.Second);
            Assert.Equal(0xFF, value.Hundredths);
            Assert.Equal(CosemDateTime.DeviationNotSpecified, value.Deviation);
            Assert.Equal(0xFF, value.ClockStatus);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("09 04 0E 30 39 50")]
        [InlineData("1B 0E 30 39 50")]
        public void ReadTime_BothForms_DateNotSpecified(string hex)
        {
            AxdrReader reader = Reader(hex);

            CosemDateTime value = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadTime(value));

            Assert.Equal(CosemDateTime.YearNotSpecified, value.Year);
            Assert.Equal(0xFF, value.Month);
            Assert.Equal(0xFF, value.DayOfMonth);
            Assert.Equal(0xFF, value.DayOfWeek);
            Assert.Equal(14, value.Hour);
            Assert.Equal(48, value.Minute);
            Assert.Equal(57, value.Second);
            Assert.Equal(80, value.Hundredths);
            Assert.Equal(CosemDateTime.DeviationNotSpecified, value.Deviation);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("09 06 00 00 01 00 00 FF", 0, 0, 1, 0, 0, 255)]
        [InlineData("09 06 01 00 20 07 00 FF", 1, 0, 32, 7, 0, 255)]
        public void ReadObis_OctetString6_Code(string hex, byte a, byte b, byte c, byte d, byte e, byte f)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadObis(out long value));
            Assert.Equal(new ObisCode(a, b, c, d, e, f).Value, value);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("05 FF FF FF FE", -2L)]
        [InlineData("06 FF FF FF FF", 4294967295L)]
        [InlineData("0F 80", -128L)]
        [InlineData("10 80 00", -32768L)]
        [InlineData("11 FF", 255L)]
        [InlineData("12 FF FF", 65535L)]
        [InlineData("14 80 00 00 00 00 00 00 00", long.MinValue)]
        [InlineData("15 7F FF FF FF FF FF FF FF", long.MaxValue)]
        [InlineData("16 05", 5L)]
        [InlineData("0D 42", 0x42L)]
        public void ReadInt64Any_EveryIntegerTag_Widened(string hex, long expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadInt64Any(out long value));
            Assert.Equal(expected, value);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("15 80 00 00 00 00 00 00 00", AxdrStatus.Invalid)]
        [InlineData("15 FF FF FF FF FF FF FF FF", AxdrStatus.Invalid)]
        [InlineData("03 01", AxdrStatus.TypeMismatch)]
        [InlineData("09 01 00", AxdrStatus.TypeMismatch)]
        [InlineData("17 3F 80 00 00", AxdrStatus.TypeMismatch)]
        [InlineData("00", AxdrStatus.TypeMismatch)]
        [InlineData("12 00", AxdrStatus.Truncated)]
        [InlineData("", AxdrStatus.Truncated)]
        public void ReadInt64Any_NotRepresentable_StatusAndPositionUnchanged(string hex, AxdrStatus expected)
        {
            AxdrReader reader = Reader(hex);
            int before = reader.Position;

            Assert.Equal(expected, reader.ReadInt64Any(out long value));
            Assert.Equal(0, value);
            Assert.Equal(before, reader.Position);
        }

        [Theory]
        [InlineData("00", DataType.NullData)]
        [InlineData("02 02", DataType.Structure)]
        [InlineData("13", DataType.CompactArray)]
        [InlineData("1B", DataType.Time)]
        [InlineData("07", (DataType)7)]   // unknown tags are reported as they are
        public void PeekTag_AnyByte_TagWithoutMoving(string hex, DataType expected)
        {
            AxdrReader reader = Reader(hex);
            int before = reader.Position;

            Assert.Equal(AxdrStatus.Ok, reader.PeekTag(out DataType tag));
            Assert.Equal(expected, tag);
            Assert.Equal(before, reader.Position);
        }

        [Fact]
        public void PeekTag_Empty_Truncated()
        {
            AxdrReader reader = Reader("");

            Assert.Equal(AxdrStatus.Truncated, reader.PeekTag(out _));
        }

        [Fact]
        public void UntaggedFields_Sequence_BigEndian()
        {
            AxdrReader reader = Reader("C0 00 01 01 02 03 04 00 00 00 00 00 00 00 02 01 00 01 08 00 FF 7E");

            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte tag));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt16(out ushort u16));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt32(out uint u32));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt64(out ulong u64));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawObis(out long obis));
            Assert.Equal(AxdrStatus.Ok, reader.Skip(1));

            Assert.Equal(0xC0, tag);
            Assert.Equal(1, u16);
            Assert.Equal(0x01020304u, u32);
            Assert.Equal(2UL, u64);
            Assert.Equal(new ObisCode(1, 0, 1, 8, 0, 255).Value, obis);
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void Reset_Reused_ReadsNewRange()
        {
            AxdrReader reader = Reader("11 05");
            Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out _));
            byte[] other = { 0xEE, 0x12, 0x00, 0x07 };

            reader.Reset(other, 1, 3);

            Assert.Equal(1, reader.Start);
            Assert.Equal(1, reader.Position);
            Assert.Equal(4, reader.End);
            Assert.Equal(3, reader.Remaining);
            Assert.Same(other, reader.Buffer);
            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort value));
            Assert.Equal(7, value);
        }

        [Fact]
        public void Position_Set_RewindsAndRereads()
        {
            AxdrReader reader = Reader("12 00 08");
            int start = reader.Position;
            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out _));

            reader.Position = start;

            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort again));
            Assert.Equal(8, again);
        }

        [Fact]
        public void Misuse_BadArguments_Throw()
        {
            var reader = new AxdrReader();

            Assert.Throws<System.ArgumentNullException>(() => reader.Reset(null!, 0, 0));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], 2, 3));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], -1, 1));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new AxdrReader(0));
            reader.Reset(new byte[4], 1, 2);
            Assert.Throws<System.ArgumentOutOfRangeException>(() => reader.Position = 0);
            Assert.Throws<System.ArgumentOutOfRangeException>(() => reader.Position = 4);
        }

        [Fact]
        public void Skip_NegativeOrTooFar_StatusPositionUnchanged()
        {
            AxdrReader reader = Reader("01 02");
            int before = reader.Position;

            Assert.Equal(AxdrStatus.Invalid, reader.Skip(-1));
            Assert.Equal(AxdrStatus.Truncated, reader.Skip(3));
            Assert.Equal(before, reader.Position);
            Assert.Equal(AxdrStatus.Ok, reader.Skip(2));
            Assert.Equal(AxdrStatus.Ok, reader.Skip(0));
        }
    }
}
