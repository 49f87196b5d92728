using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    public class CosemValueTests
    {
        private static string Encode(CosemValue value)
        {
            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            Assert.True(value.Encode(writer));
            return Hex.Format(buffer, 0, writer.Length);
        }

        private static DataAccessResult Decode(CosemValue value, string hex, out AxdrReader reader)
        {
            byte[] data = Hex.Parse(hex);
            reader = new AxdrReader();
            reader.Reset(data, 0, data.Length);
            return value.Decode(reader);
        }

        // Integer encodings (Green Book A-XDR, the Green Book's A-XDR examples): tag then big-endian value.
        [Theory]
        [InlineData(DataType.Integer, -5L, "0F FB")]
        [InlineData(DataType.Long, -2L, "10 FF FE")]
        [InlineData(DataType.Unsigned, 200L, "11 C8")]
        [InlineData(DataType.LongUnsigned, 4059L, "12 0F DB")]
        [InlineData(DataType.DoubleLong, -1L, "05 FF FF FF FF")]
        [InlineData(DataType.DoubleLongUnsigned, 12345L, "06 00 00 30 39")]   // Trace D (docs/interop.md): value 12345
        [InlineData(DataType.Long64, -2L, "14 FF FF FF FF FF FF FF FE")]
        [InlineData(DataType.Long64Unsigned, 1L, "15 00 00 00 00 00 00 00 01")]
        [InlineData(DataType.Enum, 3L, "16 03")]
        [InlineData(DataType.Bcd, 0x12L, "0D 12")]
        [InlineData(DataType.Boolean, 1L, "03 01")]
        public void Encode_Integer_WritesTagAndBigEndianValue(DataType type, long value, string expected)
        {
            CosemValue v = new CosemValue(type);
            Assert.True(v.SetInteger(value));
            Assert.Equal(expected, Encode(v));
        }

        [Theory]
        [InlineData(DataType.Integer, "0F FB", -5L)]
        [InlineData(DataType.Long, "10 FF FE", -2L)]
        [InlineData(DataType.Unsigned, "11 C8", 200L)]
        [InlineData(DataType.LongUnsigned, "12 0F DB", 4059L)]
        [InlineData(DataType.DoubleLong, "05 FF FF FF FF", -1L)]
        [InlineData(DataType.DoubleLongUnsigned, "06 FF FF FF FF", 4294967295L)]
        [InlineData(DataType.Long64, "14 80 00 00 00 00 00 00 00", long.MinValue)]
        [InlineData(DataType.Enum, "16 FF", 255L)]
        [InlineData(DataType.Boolean, "03 01", 1L)]
        [InlineData(DataType.Bcd, "0D 99", 0x99L)]
        public void Decode_Integer_StoresValueAndConsumesIt(DataType type, string hex, long expected)
        {
            CosemValue v = new CosemValue(type);
            AxdrReader reader;
            Assert.Equal(DataAccessResult.Success, Decode(v, hex, out reader));
            Assert.Equal(expected, v.Integer);
            Assert.Equal(0, reader.Remaining);
            Assert.Equal(hex, Encode(v));
        }

        [Fact]
        public void Encode_Float32_WritesIeee754()
        {
            CosemValue v = new CosemValue(DataType.Float32);
            v.SetFloat(1.5);
            Assert.Equal("17 3F C0 00 00", Encode(v));
        }

        [Fact]
        public void Encode_Float64_WritesIeee754()
        {
            CosemValue v = new CosemValue(DataType.Float64);
            v.SetFloat(-2.0);
            Assert.Equal("18 C0 00 00 00 00 00 00 00", Encode(v));
        }

        [Fact]
        public void Decode_Float32_RoundTrips()
        {
            CosemValue v = new CosemValue(DataType.Float32);
            AxdrReader reader;
            Assert.Equal(DataAccessResult.Success, Decode(v, "17 43 6B 80 00", out reader));   // 235.5
            Assert.Equal(235.5, v.Float);
            Assert.Equal(235L, v.Integer);
        }

        [Fact]
        public void Encode_Strings_WriteTagLengthBytes()
        {
            CosemValue octets = new CosemValue(DataType.OctetString, 8);
            CosemValue visible = new CosemValue(DataType.VisibleString, 8);
            CosemValue utf8 = new CosemValue(DataType.Utf8String, 8);
            Assert.True(octets.SetString("ABC"));
            Assert.True(visible.SetString("ABC"));
            Assert.True(utf8.SetString("ABC"));
            Assert.Equal("09 03 41 42 43", Encode(octets));
            Assert.Equal("0A 03 41 42 43", Encode(visible));
            Assert.Equal("0C 03 41 42 43", Encode(utf8));
        }

        [Fact]
        public void Encode_EmptyString_WritesZeroLength()
        {
            Assert.Equal("09 00", Encode(new CosemValue(DataType.OctetString, 4)));
        }

        [Fact]
        public void Encode_BitString_WritesBitCountAndBytes()
        {
            CosemValue v = new CosemValue(DataType.BitString, 16);
            Assert.True(v.SetBits(new byte[] { 0xAB, 0xC0 }, 0, 12));
            Assert.Equal("04 0C AB C0", Encode(v));
        }

        [Fact]
        public void Encode_NullData_WritesTagOnly()
        {
            Assert.Equal("00", Encode(new CosemValue(DataType.NullData)));
        }

        [Fact]
        public void Encode_TaggedDateTime_DefaultsToNotSpecified()
        {
            // Tag 25 + 12 bytes: every field 0xFF, deviation 0x8000.
            Assert.Equal("19 FF FF FF FF FF FF FF FF FF 80 00 FF", Encode(new CosemValue(DataType.DateTime)));
            Assert.Equal("1A FF FF FF FF FF", Encode(new CosemValue(DataType.Date)));
            Assert.Equal("1B FF FF FF FF", Encode(new CosemValue(DataType.Time)));
        }

        [Fact]
        public void SetDateTime_OctetStringHolder_EncodesAsOctetString12()
        {
            CosemValue v = new CosemValue(DataType.OctetString, 12);
            CosemDateTime dt = new CosemDateTime();
            dt.Year = 2002; dt.Month = 12; dt.DayOfMonth = 4; dt.DayOfWeek = 3;
            dt.Hour = 10; dt.Minute = 6; dt.Second = 11; dt.Deviation = 120; dt.ClockStatus = 0;
            Assert.True(v.SetDateTime(dt));
            // Kmethy clock value (the Green Book's A-XDR examples): 2002-12-04 Wed 10:06:11, deviation +120.
            Assert.Equal("09 0C 07 D2 0C 04 03 0A 06 0B FF 00 78 00", Encode(v));
            CosemDateTime back = new CosemDateTime();
            Assert.True(v.GetDateTime(back));
            Assert.True(back.Equals(dt));
            Assert.NotSame(dt, back);
        }

        [Fact]
        public void Decode_DateTimeHolder_AcceptsOctetStringForm()
        {
            CosemValue v = new CosemValue(DataType.DateTime);
            AxdrReader reader;
            Assert.Equal(DataAccessResult.Success, Decode(v, "09 0C 07 D2 0C 04 03 0A 06 0B FF 00 78 00", out reader));
            Assert.Equal("19 07 D2 0C 04 03 0A 06 0B FF 00 78 00", Encode(v));
        }

        [Theory]
        [InlineData(DataType.DoubleLongUnsigned, "12 00 01")]        // long-unsigned for double-long-unsigned
        [InlineData(DataType.Unsigned, "0F 01")]                     // integer for unsigned
        [InlineData(DataType.Boolean, "11 01")]
        [InlineData(DataType.Float32, "18 3F F8 00 00 00 00 00 00")]
        [InlineData(DataType.Long, "01 00")]                         // array
        [InlineData(DataType.NullData, "03 00")]
        public void Decode_WrongTag_TypeUnmatchedAndReaderUnmoved(DataType type, string hex)
        {
            CosemValue v = new CosemValue(type);
            v.SetInteger(7);
            long before = v.Integer;
            AxdrReader reader;
            Assert.Equal(DataAccessResult.TypeUnmatched, Decode(v, hex, out reader));
            Assert.Equal(0, reader.Position);
            Assert.Equal(before, v.Integer);
        }

        [Theory]
        [InlineData(DataType.DoubleLongUnsigned, "06 00 00 30")]
        [InlineData(DataType.LongUnsigned, "12 0F")]
        [InlineData(DataType.Float64, "18 3F F8")]
        [InlineData(DataType.Unsigned, "11")]
        [InlineData(DataType.Unsigned, "")]
        [InlineData(DataType.DateTime, "19 07 D2 0C")]
        [InlineData(DataType.DateTime, "09 05 07 D2 0C 04 03")]        // octet-string of the wrong size
        public void Decode_Truncated_TypeUnmatchedAndReaderUnmoved(DataType type, string hex)
        {
            CosemValue v = new CosemValue(type);
            AxdrReader reader;
            Assert.Equal(DataAccessResult.TypeUnmatched, Decode(v, hex, out reader));
            Assert.Equal(0, reader.Position);
        }

        [Fact]
        public void Decode_StringLongerThanMax_ScopeOfAccessViolated()
        {
            CosemValue v = new CosemValue(DataType.VisibleString, 2);
            v.SetString("OK");
            AxdrReader reader;
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, Decode(v, "0A 03 41 42 43", out reader));
            Assert.Equal(0, reader.Position);
            Assert.Equal("0A 02 4F 4B", Encode(v));
        }

        [Fact]
        public void Decode_TruncatedString_TypeUnmatched()
        {
            CosemValue v = new CosemValue(DataType.OctetString, 8);
            AxdrReader reader;
            Assert.Equal(DataAccessResult.TypeUnmatched, Decode(v, "09 05 41 42", out reader));
            Assert.Equal(0, reader.Position);
        }

        [Fact]
        public void Decode_BitStringTooLong_ScopeOfAccessViolated()
        {
            CosemValue v = new CosemValue(DataType.BitString, 8);
            AxdrReader reader;
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, Decode(v, "04 10 FF FF", out reader));
            Assert.Equal(DataAccessResult.Success, Decode(v, "04 08 A5", out reader));
            Assert.Equal("04 08 A5", Encode(v));
        }

        [Fact]
        public void Decode_NullReader_TypeUnmatched()
        {
            Assert.Equal(DataAccessResult.TypeUnmatched, new CosemValue(DataType.Unsigned).Decode(null!));
        }

        [Theory]
        [InlineData(DataType.Unsigned, 261L, 5L)]          // wraps like a cast: a register rolls over
        [InlineData(DataType.Integer, 200L, -56L)]
        [InlineData(DataType.LongUnsigned, -1L, 65535L)]
        [InlineData(DataType.DoubleLongUnsigned, 4294967296L + 7, 7L)]
        [InlineData(DataType.Boolean, 42L, 1L)]
        public void SetInteger_OutOfRange_WrapsToTypeWidth(DataType type, long value, long expected)
        {
            CosemValue v = new CosemValue(type);
            Assert.True(v.SetInteger(value));
            Assert.Equal(expected, v.Integer);
        }

        [Fact]
        public void SetFloat_IntegerType_TruncatesTowardZero()
        {
            CosemValue v = new CosemValue(DataType.DoubleLong);
            Assert.True(v.SetFloat(-12.9));
            Assert.Equal(-12L, v.Integer);
            Assert.Equal("05 FF FF FF F4", Encode(v));
        }

        [Fact]
        public void Setters_WrongKind_ReturnFalseAndKeepContent()
        {
            CosemValue text = new CosemValue(DataType.OctetString, 3);
            Assert.True(text.SetString("abc"));
            Assert.False(text.SetInteger(1));
            Assert.False(text.SetFloat(1));
            Assert.False(text.SetString("abcd"));
            Assert.False(text.SetBytes(new byte[4], 0, 4));
            Assert.Equal("09 03 61 62 63", Encode(text));
            CosemValue number = new CosemValue(DataType.Unsigned);
            Assert.False(number.SetString("1"));
            Assert.False(number.SetBytes(new byte[1], 0, 1));
            CosemDateTime dt = new CosemDateTime();
            Assert.False(number.SetDateTime(dt));
            Assert.False(new CosemValue(DataType.OctetString, 11).SetDateTime(dt));
        }

        [Fact]
        public void Constructor_StringWithoutLength_Throws()
        {
            Assert.Throws<System.ArgumentException>(() => new CosemValue(DataType.OctetString));
            Assert.Throws<System.ArgumentException>(() => new CosemValue(DataType.Structure, 4));
        }

        [Fact]
        public void CopyConstructor_CopiesTypeCapacityAndContent()
        {
            CosemValue a = new CosemValue(DataType.VisibleString, 5);
            a.SetString("hello");
            CosemValue b = new CosemValue(a);
            Assert.Equal(DataType.VisibleString, b.Type);
            Assert.Equal(5, b.MaxLength);
            Assert.Equal("0A 05 68 65 6C 6C 6F", Encode(b));
            a.SetString("x");
            Assert.Equal("0A 05 68 65 6C 6C 6F", Encode(b));
        }

        [Fact]
        public void CopyFrom_DifferentType_ReturnsFalse()
        {
            CosemValue a = new CosemValue(DataType.Unsigned);
            Assert.False(a.CopyFrom(new CosemValue(DataType.LongUnsigned)));
        }

        [Fact]
        public void Source_RefreshedBeforeEncode_ToldAfterDecode()
        {
            RecordingValueSource source = new RecordingValueSource();
            CosemValue v = new CosemValue(DataType.DoubleLongUnsigned);
            v.Source = source;
            source.Next = 100;
            Assert.Equal("06 00 00 00 64", Encode(v));
            source.Next = 101;
            Assert.Equal("06 00 00 00 65", Encode(v));
            Assert.Equal(2, source.Refreshes);
            AxdrReader reader;
            Assert.Equal(DataAccessResult.Success, Decode(v, "06 00 00 00 07", out reader));
            Assert.Equal(1, source.Writes);
            Assert.Equal(7L, source.LastWritten);
            Assert.Equal(DataAccessResult.TypeUnmatched, Decode(v, "12 00 07", out reader));
            Assert.Equal(1, source.Writes);
            v.SetInteger(9);
            Assert.Equal(1, source.Writes);
        }

        [Fact]
        public void Encode_DoesNotFit_ReturnsFalseAndSetsOverflow()
        {
            CosemValue v = new CosemValue(DataType.OctetString, 8);
            v.SetString("ABCDEFGH");
            byte[] buffer = new byte[5];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            Assert.False(v.Encode(writer));
            Assert.True(writer.Overflow);
        }
    }
}
