using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>One value of every data type tag 0..27 written, peeked, skipped and read back.</summary>
    public class AxdrEveryTagTests
    {
        /// <summary>One value of every tag 0..27 in a structure: peek, skip and read back each.</summary>
        [Fact]
        public void EveryTag_WrittenInStructure_PeekSkipAndRead()
        {
            AxdrWriter writer = Writer(256);
            WriteEveryTag(writer);
            var reader = new AxdrReader();
            reader.Reset(writer.Buffer, writer.Start, writer.Length);

            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int count));
            Assert.Equal(ExpectedTags.Length, count);
            for (int i = 0; i < count; i++)
            {
                Assert.Equal(AxdrStatus.Ok, reader.PeekTag(out DataType tag));
                Assert.Equal(ExpectedTags[i], tag);
                int before = reader.Position;
                Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
                int after = reader.Position;
                reader.Position = before;
                ReadOne(reader, tag, i);
                Assert.Equal(after, reader.Position);
            }

            Assert.Equal(0, reader.Remaining);
            reader.Position = reader.Start;
            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(0, reader.Remaining);
        }

        internal static readonly DataType[] ExpectedTags =
        {
            DataType.NullData, DataType.Array, DataType.Structure, DataType.Boolean, DataType.BitString,
            DataType.DoubleLong, DataType.DoubleLongUnsigned, DataType.OctetString, DataType.VisibleString,
            DataType.Utf8String, DataType.Bcd, DataType.Integer, DataType.Long, DataType.Unsigned,
            DataType.LongUnsigned, DataType.CompactArray, DataType.Long64, DataType.Long64Unsigned,
            DataType.Enum, DataType.Float32, DataType.Float64, DataType.DateTime, DataType.Date, DataType.Time,
        };

        private static readonly byte[] s_data = { 0xC0, 0x01, 0xC1, 0x00 };
        private static readonly byte[] s_compactDescription = { 0x12 };

        internal static void WriteEveryTag(AxdrWriter writer)
        {
            CosemDateTime clock = CosemDateTime.FromBytes(Hex.Parse("07 D2 0C 04 03 0A 06 0B FF 00 78 00"), 0);
            writer.WriteStructure(ExpectedTags.Length);
            writer.WriteNull();
            writer.WriteArray(2);
            writer.WriteUnsigned(1);
            writer.WriteUnsigned(2);
            writer.WriteStructure(2);
            writer.WriteInteger(-1);
            writer.WriteEnum(35);
            writer.WriteBoolean(true);
            writer.WriteBitString(s_data, 0, 12);
            writer.WriteDoubleLong(-5);
            writer.WriteDoubleLongUnsigned(5009);
            writer.WriteOctetString(s_data, 0, 4);
            writer.WriteVisibleString("ABC");
            writer.WriteUtf8String(s_data, 1, 2);
            writer.WriteBcd(0x12);
            writer.WriteInteger(-7);
            writer.WriteLong(-300);
            writer.WriteUnsigned(200);
            writer.WriteLongUnsigned(60000);
            writer.WriteCompactArrayHeader(s_compactDescription, 0, 1, 4);
            writer.WriteUInt16(1);
            writer.WriteUInt16(2);
            writer.WriteLong64(-1234567890123L);
            writer.WriteLong64Unsigned(1234567890123UL);
            writer.WriteEnum(27);
            writer.WriteFloat32(1.5f);
            writer.WriteFloat64(-2.25);
            writer.WriteDateTimeTyped(clock);
            writer.WriteDateTyped(clock);
            writer.WriteTimeTyped(clock);
        }

        private static void ReadOne(AxdrReader reader, DataType tag, int index)
        {
            switch (tag)
            {
                case DataType.NullData:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadNull());
                    break;
                case DataType.Array:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadArray(out int n));
                    Assert.Equal(2, n);
                    Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte a));
                    Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte b));
                    Assert.Equal(3, a + b);
                    break;
                case DataType.Structure:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int m));
                    Assert.Equal(2, m);
                    Assert.Equal(AxdrStatus.Ok, reader.ReadInteger(out sbyte scaler));
                    Assert.Equal(AxdrStatus.Ok, reader.ReadEnum(out byte unit));
                    Assert.Equal(-1, scaler);
                    Assert.Equal(35, unit);
                    break;
                case DataType.Boolean:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadBoolean(out bool flag));
                    Assert.True(flag);
                    break;
                case DataType.BitString:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadBitString(out int bits, out int bitsOffset));
                    Assert.Equal(12, bits);
                    Assert.Equal("C0 00", Hex.Format(reader.Buffer, bitsOffset, 2));
                    break;
                case DataType.DoubleLong:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLong(out int dl));
                    Assert.Equal(-5, dl);
                    break;
                case DataType.DoubleLongUnsigned:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLongUnsigned(out uint dlu));
                    Assert.Equal(5009u, dlu);
                    break;
                case DataType.OctetString:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadOctetString(out int o, out int ol));
                    Assert.Equal("C0 01 C1 00", Hex.Format(reader.Buffer, o, ol));
                    break;
                case DataType.VisibleString:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadVisibleString(out int v, out int vl));
                    Assert.Equal("41 42 43", Hex.Format(reader.Buffer, v, vl));
                    break;
                case DataType.Utf8String:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadUtf8String(out int u, out int ul));
                    Assert.Equal("01 C1", Hex.Format(reader.Buffer, u, ul));
                    break;
                case DataType.Bcd:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadBcd(out byte bcd));
                    Assert.Equal(0x12, bcd);
                    break;
                case DataType.Integer:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadInteger(out sbyte i8));
                    Assert.Equal(-7, i8);
                    break;
                case DataType.Long:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadLong(out short i16));
                    Assert.Equal(-300, i16);
                    break;
                case DataType.Unsigned:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte u8));
                    Assert.Equal(200, u8);
                    break;
                case DataType.LongUnsigned:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort u16));
                    Assert.Equal(60000, u16);
                    break;
                case DataType.CompactArray:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out int tdl, out int c, out int cl));
                    Assert.Equal("12", Hex.Format(reader.Buffer, td, tdl));
                    Assert.Equal("00 01 00 02", Hex.Format(reader.Buffer, c, cl));
                    break;
                case DataType.Long64:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadLong64(out long i64));
                    Assert.Equal(-1234567890123L, i64);
                    break;
                case DataType.Long64Unsigned:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadLong64Unsigned(out ulong u64));
                    Assert.Equal(1234567890123UL, u64);
                    break;
                case DataType.Enum:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadEnum(out byte e));
                    Assert.Equal(27, e);
                    break;
                case DataType.Float32:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadFloat32(out float f32));
                    Assert.Equal(1.5f, f32);
                    break;
                case DataType.Float64:
                    Assert.Equal(AxdrStatus.Ok, reader.ReadFloat64(out double f64));
                    Assert.Equal(-2.25, f64);
                    break;
                case DataType.DateTime:
                    CosemDateTime dt = new CosemDateTime();
                    Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(dt));
                    Assert.Equal(2002, dt.Year);
                    Assert.Equal(120, dt.Deviation);
                    break;
                case DataType.Date:
                    CosemDateTime date = new CosemDateTime();
                    Assert.Equal(AxdrStatus.Ok, reader.ReadDate(date));
                    Assert.Equal(4, date.DayOfMonth);
                    Assert.Equal(0xFF, date.Hour);
                    break;
                case DataType.Time:
                    CosemDateTime time = new CosemDateTime();
                    Assert.Equal(AxdrStatus.Ok, reader.ReadTime(time));
                    Assert.Equal(11, time.Second);
                    Assert.Equal(0xFFFF, time.Year);
                    break;
                default:
                    Assert.Fail("unexpected tag " + tag + " at " + index);
                    break;
            }
        }
    }
}
