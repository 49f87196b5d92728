using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>Every tag written by AxdrWriter and read back by AxdrReader.</summary>
    public class AxdrRoundTripTests
    {
        private static AxdrReader ReaderOver(AxdrWriter writer)
        {
            var reader = new AxdrReader();
            reader.Reset(writer.Buffer, writer.Start, writer.Length);
            return reader;
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(-1)]
        [InlineData(int.MaxValue)]
        [InlineData(int.MinValue)]
        [InlineData(123456789)]
        public void DoubleLong_RoundTrips(int value)
        {
            AxdrWriter writer = Writer(5);
            Assert.True(writer.WriteDoubleLong(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLong(out int read));
            Assert.Equal(value, read);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData(0u)]
        [InlineData(5009u)]
        [InlineData(uint.MaxValue)]
        [InlineData(0x80000000u)]
        public void DoubleLongUnsigned_RoundTrips(uint value)
        {
            AxdrWriter writer = Writer(5);
            Assert.True(writer.WriteDoubleLongUnsigned(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLongUnsigned(out uint read));
            Assert.Equal(value, read);
        }

        [Theory]
        [InlineData(sbyte.MinValue)]
        [InlineData(-1)]
        [InlineData(0)]
        [InlineData(sbyte.MaxValue)]
        public void Integer_RoundTrips(sbyte value)
        {
            AxdrWriter writer = Writer(2);
            Assert.True(writer.WriteInteger(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadInteger(out sbyte read));
            Assert.Equal(value, read);
        }

        [Theory]
        [InlineData(short.MinValue)]
        [InlineData(-60)]
        [InlineData(0)]
        [InlineData(short.MaxValue)]
        public void Long_RoundTrips(short value)
        {
            AxdrWriter writer = Writer(3);
            Assert.True(writer.WriteLong(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLong(out short read));
            Assert.Equal(value, read);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(128)]
        [InlineData(255)]
        public void OneByteTypes_RoundTrip(byte value)
        {
            AxdrWriter writer = Writer(8);
            Assert.True(writer.WriteUnsigned(value));
            Assert.True(writer.WriteEnum(value));
            Assert.True(writer.WriteBcd(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte u));
            Assert.Equal(AxdrStatus.Ok, reader.ReadEnum(out byte e));
            Assert.Equal(AxdrStatus.Ok, reader.ReadBcd(out byte b));
            Assert.Equal(value, u);
            Assert.Equal(value, e);
            Assert.Equal(value, b);
        }

        [Theory]
        [InlineData((ushort)0)]
        [InlineData((ushort)0x8000)]
        [InlineData(ushort.MaxValue)]
        public void LongUnsigned_RoundTrips(ushort value)
        {
            AxdrWriter writer = Writer(3);
            Assert.True(writer.WriteLongUnsigned(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort read));
            Assert.Equal(value, read);
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(-1L)]
        [InlineData(long.MinValue)]
        [InlineData(long.MaxValue)]
        [InlineData(0x0102030405060708L)]
        public void Long64_RoundTrips(long value)
        {
            AxdrWriter writer = Writer(9);
            Assert.True(writer.WriteLong64(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLong64(out long read));
            Assert.Equal(value, read);
            reader.Position = reader.Start;
            Assert.Equal(AxdrStatus.Ok, reader.ReadInt64Any(out long widened));
            Assert.Equal(value, widened);
        }

        [Theory]
        [InlineData(0UL)]
        [InlineData(ulong.MaxValue)]
        [InlineData(0x8000000000000000UL)]
        public void Long64Unsigned_RoundTrips(ulong value)
        {
            AxdrWriter writer = Writer(9);
            Assert.True(writer.WriteLong64Unsigned(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLong64Unsigned(out ulong read));
            Assert.Equal(value, read);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Boolean_RoundTrips(bool value)
        {
            AxdrWriter writer = Writer(2);
            Assert.True(writer.WriteBoolean(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadBoolean(out bool read));
            Assert.Equal(value, read);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        [InlineData(127)]
        [InlineData(128)]
        [InlineData(1000)]
        public void BitString_RoundTrips(int bitCount)
        {
            byte[] bits = new byte[(bitCount + 7) / 8];
            for (int i = 0; i < bits.Length; i++)
            {
                bits[i] = (byte)(0xA5 ^ i);
            }

            AxdrWriter writer = Writer(bits.Length + 4);
            Assert.True(writer.WriteBitString(bits, 0, bitCount));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadBitString(out int readBits, out int offset));

            Assert.Equal(bitCount, readBits);
            for (int i = 0; i < bits.Length; i++)
            {
                int unused = i == bits.Length - 1 ? (bits.Length * 8) - bitCount : 0;
                Assert.Equal(bits[i] & (0xFF << unused) & 0xFF, reader.Buffer[offset + i]);
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("A")]
        [InlineData("GXDLMS meter 0123456789")]
        public void Strings_RoundTrip(string text)
        {
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text + "\u00E9");
            AxdrWriter writer = Writer(128);
            Assert.True(writer.WriteVisibleString(text));
            Assert.True(writer.WriteUtf8String(utf8, 0, utf8.Length));
            Assert.True(writer.WriteOctetString(utf8, 0, utf8.Length));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadVisibleString(out int vOffset, out int vLength));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUtf8String(out int uOffset, out int uLength));
            Assert.Equal(AxdrStatus.Ok, reader.ReadOctetString(out int oOffset, out int oLength));

            Assert.Equal(text, System.Text.Encoding.ASCII.GetString(reader.Buffer, vOffset, vLength));
            Assert.Equal(text + "\u00E9", System.Text.Encoding.UTF8.GetString(reader.Buffer, uOffset, uLength));
            Assert.Equal(Hex.Format(utf8), Hex.Format(reader.Buffer, oOffset, oLength));
        }

        [Theory]
        [InlineData(0x00000000)]
        [InlineData(unchecked((int)0x80000000))]   // -0
        [InlineData(0x3F800000)]                   // 1
        [InlineData(0x00000001)]                   // smallest denormal
        [InlineData(0x007FFFFF)]                   // largest denormal
        [InlineData(0x00800000)]                   // smallest normal
        [InlineData(0x7F7FFFFF)]                   // float.MaxValue
        [InlineData(0x7F800000)]                   // +inf
        [InlineData(unchecked((int)0xFF800000))]   // -inf
        [InlineData(0x7FC00000)]                   // quiet NaN
        [InlineData(unchecked((int)0xFFC12345))]   // negative quiet NaN with payload
        public void Float32_RoundTrips_BitExact(int bits)
        {
            float value = BitConverter.Int32BitsToSingle(bits);
            AxdrWriter writer = Writer(10);
            Assert.True(writer.WriteFloat32(value));
            Assert.True(writer.WriteRawFloat32(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(bits, (int)BitConverter.ToUInt32(Reverse(writer.Buffer, writer.Start + 1, 4), 0));
            Assert.Equal(AxdrStatus.Ok, reader.ReadFloat32(out float read));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawFloat32(out float raw));
            Assert.Equal(bits, BitConverter.SingleToInt32Bits(read));
            Assert.Equal(bits, BitConverter.SingleToInt32Bits(raw));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(long.MinValue)]                      // -0
        [InlineData(0x3FF0000000000000L)]                // 1
        [InlineData(1L)]                                 // denormal
        [InlineData(0x7FEFFFFFFFFFFFFFL)]                // double.MaxValue
        [InlineData(0x7FF0000000000000L)]                // +inf
        [InlineData(0x7FF8000000000000L)]                // quiet NaN
        [InlineData(0x7FF0000000000001L)]                // signalling NaN: kept bit for bit
        public void Float64_RoundTrips_BitExact(long bits)
        {
            double value = BitConverter.Int64BitsToDouble(bits);
            AxdrWriter writer = Writer(18);
            Assert.True(writer.WriteFloat64(value));
            Assert.True(writer.WriteRawFloat64(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadFloat64(out double read));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawFloat64(out double raw));
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(read));
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(raw));
        }

        [Theory]
        [InlineData("07 E5 01 18 FF 0E 30 39 50 FF C4 00")]   // DC SET example
        [InlineData("07 D2 0C 04 03 0A 06 0B FF 00 78 00")]   // Kmethy clock
        [InlineData("FF FF FF FF FF FF FF FF FF 80 00 FF")]   // nothing specified
        [InlineData("FF FF FE FD 07 17 3B 3B 63 FE B6 80")]   // DST-begin month, second-last day, IST deviation, DST active
        [InlineData("07 E2 FD FE FF 00 03 00 FF FF 88 80")]
        public void DateTime_AllForms_RoundTripFieldsAndBytes(string hex)
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse(hex), 0);
            AxdrWriter writer = Writer(64);
            Assert.True(writer.WriteDateTime(value));
            Assert.True(writer.WriteDateTimeTyped(value));
            Assert.True(writer.WriteRawDateTime(value));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal("09 0C " + hex + " 19 " + hex + " " + hex, Written(writer));
            CosemDateTime a = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(a));
            CosemDateTime b = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(b));
            CosemDateTime c = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawDateTime(c));
            Assert.True(value.Equals(a));
            Assert.True(value.Equals(b));
            Assert.True(value.Equals(c));
        }

        [Fact]
        public void DateAndTime_BothForms_RoundTrip()
        {
            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("07 E5 01 18 01 0E 30 39 50 FF C4 00"), 0);
            AxdrWriter writer = Writer(64);
            Assert.True(writer.WriteDate(value));
            Assert.True(writer.WriteDateTyped(value));
            Assert.True(writer.WriteTime(value));
            Assert.True(writer.WriteTimeTyped(value));
            AxdrReader reader = ReaderOver(writer);

            CosemDateTime d1 = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDate(d1));
            CosemDateTime d2 = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDate(d2));
            CosemDateTime t1 = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadTime(t1));
            CosemDateTime t2 = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadTime(t2));

            Assert.True(d1.Equals(d2));
            Assert.True(t1.Equals(t2));
            Assert.Equal("07 E5 01 18 01 FF FF FF FF 80 00 FF", Format(d1));
            Assert.Equal("FF FF FF FF FF 0E 30 39 50 80 00 FF", Format(t1));
        }

        [Fact]
        public void Obis_TaggedAndRaw_RoundTrip()
        {
            var code = new ObisCode(1, 0, 99, 1, 0, 255);
            AxdrWriter writer = Writer(16);
            Assert.True(writer.WriteObis(code));
            Assert.True(writer.WriteRawObis(code));
            AxdrReader reader = ReaderOver(writer);

            Assert.Equal(AxdrStatus.Ok, reader.ReadObis(out long tagged));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawObis(out long raw));
            Assert.Equal(code.Value, tagged);
            Assert.Equal(code.Value, raw);
        }

        private static string Format(CosemDateTime value)
        {
            byte[] bytes = new byte[12];
            value.WriteTo(bytes, 0);
            return Hex.Format(bytes);
        }

        private static byte[] Reverse(byte[] buffer, int offset, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = buffer[offset + count - 1 - i];
            }

            return bytes;
        }
    }
}
