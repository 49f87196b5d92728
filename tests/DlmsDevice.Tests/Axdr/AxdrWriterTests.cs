using System;
using System.Collections.Generic;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>Exact bytes of every write, Overflow (nothing written, sticky) and Rewind.</summary>
    public class AxdrWriterTests
    {
        private static readonly byte[] s_bytes = Hex.Parse("DE AD BE EF 01 02 03");

        private static CosemDateTime s_setClock = CosemDateTime.FromBytes(Hex.Parse("07 E5 01 18 FF 0E 30 39 50 FF C4 00"), 0);

        /// <summary>Each write with the bytes it must produce.</summary>
        private static readonly Dictionary<string, (string Hex, Func<AxdrWriter, bool> Write)> s_writes =
            new Dictionary<string, (string, Func<AxdrWriter, bool>)>
            {
                ["Null"] = ("00", w => w.WriteNull()),
                ["Array"] = ("01 03", w => w.WriteArray(3)),
                ["ArrayLong"] = ("01 82 01 71", w => w.WriteArray(0x171)),
                ["Structure"] = ("02 02", w => w.WriteStructure(2)),
                ["BooleanTrue"] = ("03 01", w => w.WriteBoolean(true)),
                ["BooleanFalse"] = ("03 00", w => w.WriteBoolean(false)),
                ["BitString"] = ("04 0C DE A0", w => w.WriteBitString(s_bytes, 0, 12)),   // unused bits cleared
                ["BitStringEmpty"] = ("04 00", w => w.WriteBitString(s_bytes, 0, 0)),
                ["DoubleLong"] = ("05 FF FF FF FE", w => w.WriteDoubleLong(-2)),
                ["DoubleLongUnsigned"] = ("06 00 00 13 91", w => w.WriteDoubleLongUnsigned(5009)),
                ["OctetString"] = ("09 03 AD BE EF", w => w.WriteOctetString(s_bytes, 1, 3)),
                ["OctetStringEmpty"] = ("09 00", w => w.WriteOctetString(null!, 0, 0)),
                ["VisibleString"] = ("0A 05 4C 47 5A 31 3F", w => w.WriteVisibleString("LGZ1\u00E9")),   // non-ASCII -> '?'
                ["VisibleStringBytes"] = ("0A 02 01 02", w => w.WriteVisibleString(s_bytes, 4, 2)),
                ["Utf8String"] = ("0C 02 BE EF", w => w.WriteUtf8String(s_bytes, 2, 2)),
                ["Bcd"] = ("0D 99", w => w.WriteBcd(0x99)),
                ["Integer"] = ("0F FF", w => w.WriteInteger(-1)),
                ["Long"] = ("10 FF C4", w => w.WriteLong(-60)),
                ["Unsigned"] = ("11 FE", w => w.WriteUnsigned(254)),
                ["LongUnsigned"] = ("12 09 34", w => w.WriteLongUnsigned(2356)),
                ["Long64"] = ("14 80 00 00 00 00 00 00 01", w => w.WriteLong64(long.MinValue + 1)),
                ["Long64Unsigned"] = ("15 01 23 45 67 89 AB CD EF", w => w.WriteLong64Unsigned(0x0123456789ABCDEFUL)),
                ["Enum"] = ("16 1B", w => w.WriteEnum(27)),
                ["Float32"] = ("17 C0 49 0F DB", w => w.WriteFloat32(-3.14159274f)),
                ["Float64"] = ("18 40 09 21 FB 54 44 2D 18", w => w.WriteFloat64(Math.PI)),
                ["DateTime"] = ("09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00", w => w.WriteDateTime(s_setClock)),
                ["Date"] = ("09 05 07 E5 01 18 FF", w => w.WriteDate(s_setClock)),
                ["Time"] = ("09 04 0E 30 39 50", w => w.WriteTime(s_setClock)),
                ["DateTimeTyped"] = ("19 07 E5 01 18 FF 0E 30 39 50 FF C4 00", w => w.WriteDateTimeTyped(s_setClock)),
                ["DateTyped"] = ("1A 07 E5 01 18 FF", w => w.WriteDateTyped(s_setClock)),
                ["TimeTyped"] = ("1B 0E 30 39 50", w => w.WriteTimeTyped(s_setClock)),
                ["Obis"] = ("09 06 01 00 20 07 00 FF", w => w.WriteObis(new ObisCode(1, 0, 32, 7, 0, 255))),
                ["CompactArrayHeader"] = ("13 02 02 12 11 81 96", w => w.WriteCompactArrayHeader(Hex.Parse("02 02 12 11"), 0, 4, 150)),
                ["Byte"] = ("C4", w => w.WriteByte(0xC4)),
                ["UInt16"] = ("00 0F", w => w.WriteUInt16(15)),
                ["UInt32"] = ("00 00 1A 90", w => w.WriteUInt32(0x1A90)),
                ["UInt64"] = ("00 00 00 00 00 00 01 00", w => w.WriteUInt64(256)),
                ["Length"] = ("82 04 9E", w => w.WriteLength(1182)),
                ["Bytes"] = ("EF 01", w => w.WriteBytes(s_bytes, 3, 2)),
                ["RawObis"] = ("00 00 28 00 00 FF", w => w.WriteRawObis(new ObisCode(0, 0, 40, 0, 0, 255))),
                ["RawOctetString"] = ("02 DE AD", w => w.WriteRawOctetString(s_bytes, 0, 2)),
                ["RawDateTime"] = ("07 E5 01 18 FF 0E 30 39 50 FF C4 00", w => w.WriteRawDateTime(s_setClock)),
                ["RawFloat32"] = ("3F 80 00 00", w => w.WriteRawFloat32(1.0f)),
                ["RawFloat64"] = ("BF F0 00 00 00 00 00 00", w => w.WriteRawFloat64(-1.0)),
            };

        public static IEnumerable<object[]> AllWrites()
        {
            foreach (string name in s_writes.Keys)
            {
                yield return new object[] { name };
            }
        }

        [Theory]
        [MemberData(nameof(AllWrites))]
        public void Write_Value_ExactBytes(string name)
        {
            var (hex, write) = s_writes[name];
            AxdrWriter writer = Writer(64);

            Assert.True(write(writer));

            Assert.Equal(hex, Written(writer));
            Assert.False(writer.Overflow);
            Assert.Equal(Filler, writer.Buffer[writer.Start - 1]);
            Assert.Equal(Filler, writer.Buffer[writer.Position]);
        }

        [Theory]
        [MemberData(nameof(AllWrites))]
        public void Write_ExactCapacity_FitsWithNothingLeft(string name)
        {
            var (hex, write) = s_writes[name];
            int size = Hex.Parse(hex).Length;
            AxdrWriter writer = Writer(size);

            Assert.True(write(writer));

            Assert.Equal(0, writer.Remaining);
            Assert.Equal(size, writer.Length);
            Assert.Equal(Filler, writer.Buffer[writer.End]);
        }

        [Theory]
        [MemberData(nameof(AllWrites))]
        public void Write_OneByteShort_WritesNothingSetsOverflow(string name)
        {
            var (hex, write) = s_writes[name];
            int size = Hex.Parse(hex).Length;
            for (int capacity = 0; capacity < size; capacity++)
            {
                AxdrWriter writer = Writer(capacity);

                Assert.False(write(writer));

                Assert.True(writer.Overflow);
                Assert.Equal(writer.Start, writer.Position);
                for (int i = 0; i < writer.Buffer.Length; i++)
                {
                    Assert.Equal(Filler, writer.Buffer[i]);
                }
            }
        }

        [Fact]
        public void Overflow_Sticky_LaterWritesRefusedUntilRewind()
        {
            AxdrWriter writer = Writer(5);
            Assert.True(writer.WriteStructure(1));
            int mark = writer.Position;

            Assert.False(writer.WriteDoubleLongUnsigned(1));   // needs 5, 3 left
            Assert.True(writer.Overflow);
            Assert.False(writer.WriteNull());                  // would fit, refused while Overflow
            Assert.Equal(mark, writer.Position);

            writer.Rewind(mark);

            Assert.False(writer.Overflow);
            Assert.True(writer.WriteLongUnsigned(7));
            Assert.Equal("02 01 12 00 07", Written(writer));
        }

        [Fact]
        public void Rewind_AfterPartialElement_DropsIt()
        {
            // The block encoder pattern: mark, try an element, rewind when it does not fit.
            AxdrWriter writer = Writer(12);
            Assert.True(writer.WriteArray(2));
            Assert.True(writer.WriteStructure(2));
            Assert.True(writer.WriteUnsigned(1));
            Assert.True(writer.WriteUnsigned(2));
            int mark = writer.Position;
            Assert.True(writer.WriteStructure(2));
            Assert.True(writer.WriteUnsigned(3));

            Assert.False(writer.WriteLong64(4));
            writer.Rewind(mark);

            Assert.Equal("01 02 02 02 11 01 11 02", Written(writer));
            Assert.False(writer.Overflow);
            Assert.Equal(mark, writer.Position);
        }

        [Fact]
        public void Rewind_OutsideWrittenRange_Throws()
        {
            AxdrWriter writer = Writer(8);
            writer.WriteUnsigned(1);

            Assert.Throws<ArgumentOutOfRangeException>(() => writer.Rewind(writer.Start - 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.Rewind(writer.Position + 1));
            writer.Rewind(writer.Start);
            Assert.Equal(0, writer.Length);
        }

        [Fact]
        public void Reset_ClearsOverflowAndMovesRegion()
        {
            AxdrWriter writer = Writer(0);
            Assert.False(writer.WriteNull());
            byte[] other = new byte[10];

            writer.Reset(other, 4, 6);

            Assert.False(writer.Overflow);
            Assert.Same(other, writer.Buffer);
            Assert.Equal(4, writer.Start);
            Assert.Equal(4, writer.Position);
            Assert.Equal(10, writer.End);
            Assert.Equal(6, writer.Remaining);
            Assert.Equal(0, writer.Length);
            Assert.True(writer.WriteUnsigned(9));
            Assert.Equal(0x11, other[4]);
            Assert.Equal(2, writer.Length);
            Assert.Equal(4, writer.Remaining);
        }

        [Fact]
        public void Misuse_BadArguments_Throw()
        {
            var writer = new AxdrWriter();
            Assert.Throws<ArgumentNullException>(() => writer.Reset(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.Reset(new byte[4], 3, 2));
            writer.Reset(new byte[64], 0, 64);

            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteArray(-1));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteStructure(-1));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteOctetString(s_bytes, 5, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteOctetString(s_bytes, -1, 1));
            Assert.Throws<ArgumentNullException>(() => writer.WriteOctetString(null!, 0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteBitString(s_bytes, 0, 57));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteBitString(s_bytes, 0, -1));
            Assert.Throws<ArgumentNullException>(() => writer.WriteVisibleString((string)null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteBytes(s_bytes, 0, 8));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteCompactArrayHeader(s_bytes, 0, 1, -1));
            Assert.Equal(0, writer.Length);
        }

        [Fact]
        public void WriteVisibleString_LongString_LongLengthForm()
        {
            string text = new string('x', 200);
            AxdrWriter writer = Writer(203);

            Assert.True(writer.WriteVisibleString(text));

            Assert.StartsWith("0A 81 C8 78 78", Written(writer));
            Assert.Equal(203, writer.Length);
        }

        [Fact]
        public void WriteBytes_FromOwnBuffer_Copies()
        {
            AxdrWriter writer = Writer(8);
            writer.WriteUInt16(0x1234);

            Assert.True(writer.WriteBytes(writer.Buffer, writer.Start, 2));

            Assert.Equal("12 34 12 34", Written(writer));
        }
    }
}
