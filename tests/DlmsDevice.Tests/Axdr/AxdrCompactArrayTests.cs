using System.Collections.Generic;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>
    /// compact-array [19]: <c>13 &lt;type-description&gt; &lt;contents length&gt; &lt;contents&gt;</c>
    /// (Blue Book 4.1.5; array descriptions <c>01 &lt;count u16&gt; &lt;desc&gt;</c>, structure
    /// descriptions <c>02 &lt;n&gt; &lt;desc...&gt;</c>). Vectors are constructed here from that grammar.
    /// </summary>
    public class AxdrCompactArrayTests
    {
        // structure { long-unsigned, array[2] of unsigned, structure { integer, enum } }: 6 bytes per element.
        private const string NestedDescription = "02 03 12 01 00 02 11 02 02 0F 16";
        private const string NestedArray = "13 " + NestedDescription + " 0C " +
                                           "00 01 0A 0B FF 1B " +
                                           "00 02 0C 0D 00 23";

        [Fact]
        public void ReadCompactArray_SimpleType_Ranges()
        {
            AxdrReader reader = Reader("13 12 04 00 01 00 02 11 01");

            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out int tdLength, out int contents, out int length));

            Assert.Equal(Lead + 1, td);
            Assert.Equal(1, tdLength);
            Assert.Equal(Lead + 3, contents);
            Assert.Equal(4, length);
            Assert.Equal(Lead + 7, reader.Position);
            Assert.Equal(AxdrStatus.Ok, reader.CountCompactArrayElements(td, contents, length, out int count));
            Assert.Equal(2, count);
        }

        [Fact]
        public void ReadCompactArray_NestedDescription_RangesAndCount()
        {
            AxdrReader reader = Reader(NestedArray);

            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out int tdLength, out int contents, out int length));

            Assert.Equal(NestedDescription, Slice(reader, td, tdLength));
            Assert.Equal(12, length);
            Assert.Equal(0, reader.Remaining);
            int before = reader.Position;
            Assert.Equal(AxdrStatus.Ok, reader.CountCompactArrayElements(td, contents, length, out int count));
            Assert.Equal(2, count);
            Assert.Equal(before, reader.Position);
        }

        [Fact]
        public void ReadCompactArray_LongContentsLength_Ok()
        {
            // 200 unsigned elements: contents length in the 81 form.
            string hex = "13 11 81 C8 " + Hex.Format(new byte[200]);
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out _, out int contents, out int length));
            Assert.Equal(200, length);
            Assert.Equal(AxdrStatus.Ok, reader.CountCompactArrayElements(td, contents, length, out int count));
            Assert.Equal(200, count);
        }

        [Fact]
        public void GetTypeDescription_EachNode_TypeCountChildrenEnd()
        {
            AxdrReader reader = Reader(NestedArray);
            int root = Lead + 1;

            Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(root, out DataType type, out int count, out int child, out int end));
            Assert.Equal(DataType.Structure, type);
            Assert.Equal(3, count);
            Assert.Equal(root + 2, child);
            Assert.Equal(root + 11, end);

            // Member 1: long-unsigned.
            Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(child, out type, out count, out int c1, out int next));
            Assert.Equal(DataType.LongUnsigned, type);
            Assert.Equal(0, count);
            Assert.Equal(next, c1);

            // Member 2: array of 2 unsigned.
            Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(next, out type, out count, out int element, out next));
            Assert.Equal(DataType.Array, type);
            Assert.Equal(2, count);
            Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(element, out type, out _, out _, out _));
            Assert.Equal(DataType.Unsigned, type);

            // Member 3: structure { integer, enum }, ending where the root ends.
            Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(next, out type, out count, out _, out next));
            Assert.Equal(DataType.Structure, type);
            Assert.Equal(2, count);
            Assert.Equal(end, next);
            Assert.Equal(Lead, reader.Position);
        }

        [Fact]
        public void SkipUntaggedValue_SecondReaderOverContents_WalksElements()
        {
            AxdrReader reader = Reader(NestedArray);
            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out _, out int contents, out int length));
            var elements = new AxdrReader();
            elements.Reset(reader.Buffer, contents, length);
            var starts = new List<int>();

            while (elements.Remaining > 0)
            {
                starts.Add(elements.Position);
                Assert.Equal(AxdrStatus.Ok, elements.SkipUntaggedValue(td));
            }

            Assert.Equal(new[] { contents, contents + 6 }, starts);
        }

        [Fact]
        public void RawReads_GuidedByDescription_DecodeElementFields()
        {
            AxdrReader reader = Reader(NestedArray);
            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out _, out int contents, out int length));
            var elements = new AxdrReader();
            elements.Reset(reader.Buffer, contents, length);
            var decoded = new List<string>();

            while (elements.Remaining > 0)
            {
                decoded.Add(Decode(elements, td));
            }

            Assert.Equal(new[] { "{1,[10,11],{-1,27}}", "{2,[12,13],{0,35}}" }, decoded);
        }

        [Fact]
        public void RawReads_AllSimpleTypes_FromWriterContents()
        {
            // Profile-like row: { date-time, double-long-unsigned, long, float32, float64, bit-string,
            //                     visible-string, date, time, long64-unsigned, bcd }
            byte[] description = Hex.Parse("02 0B 19 06 10 17 18 04 0A 1A 1B 15 0D");
            CosemDateTime clock = CosemDateTime.FromBytes(Hex.Parse("07 E5 01 18 FF 0E 30 39 50 FF C4 00"), 0);
            byte[] text = { 0x4F, 0x4B };
            byte[] bits = { 0xF0 };
            int rowSize = 12 + 4 + 2 + 4 + 8 + 2 + 3 + 5 + 4 + 8 + 1;
            AxdrWriter writer = Writer(128);
            Assert.True(writer.WriteCompactArrayHeader(description, 0, description.Length, 2 * rowSize));
            for (int row = 0; row < 2; row++)
            {
                Assert.True(writer.WriteRawDateTime(clock));
                Assert.True(writer.WriteUInt32((uint)(1000 + row)));
                Assert.True(writer.WriteUInt16(unchecked((ushort)-5)));
                Assert.True(writer.WriteRawFloat32(0.5f));
                Assert.True(writer.WriteRawFloat64(-0.25));
                Assert.True(writer.WriteLength(4));
                Assert.True(writer.WriteBytes(bits, 0, 1));
                Assert.True(writer.WriteRawOctetString(text, 0, 2));
                Assert.True(writer.WriteBytes(Hex.Parse("07 E5 01 18 01"), 0, 5));
                Assert.True(writer.WriteBytes(Hex.Parse("0E 30 39 50"), 0, 4));
                Assert.True(writer.WriteUInt64(ulong.MaxValue - 1));
                Assert.True(writer.WriteByte(0x42));
            }

            var reader = new AxdrReader();
            reader.Reset(writer.Buffer, writer.Start, writer.Length);
            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out _, out int contents, out int length));
            Assert.Equal(AxdrStatus.Ok, reader.CountCompactArrayElements(td, contents, length, out int count));
            Assert.Equal(2, count);
            reader.Position = contents;

            for (int row = 0; row < 2; row++)
            {
                CosemDateTime dt = new CosemDateTime();
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawDateTime(dt));
                Assert.True(clock.Equals(dt));
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawInteger(DataType.DoubleLongUnsigned, out long counter));
                Assert.Equal(1000 + row, counter);
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawInteger(DataType.Long, out long signed));
                Assert.Equal(-5, signed);
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawFloat32(out float f32));
                Assert.Equal(0.5f, f32);
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawFloat64(out double f64));
                Assert.Equal(-0.25, f64);
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawBitString(out int bitCount, out int bitsOffset));
                Assert.Equal(4, bitCount);
                Assert.Equal(0xF0, reader.Buffer[bitsOffset]);
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawOctetString(out int textOffset, out int textLength));
                Assert.Equal("4F 4B", Hex.Format(reader.Buffer, textOffset, textLength));
                CosemDateTime date = new CosemDateTime();
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawDate(date));
                Assert.Equal(1, date.DayOfWeek);
                Assert.Equal(0xFF, date.Hour);
                CosemDateTime time = new CosemDateTime();
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawTime(time));
                Assert.Equal(80, time.Hundredths);
                Assert.Equal(0xFFFF, time.Year);
                Assert.Equal(AxdrStatus.Invalid, reader.ReadRawInteger(DataType.Long64Unsigned, out _));   // above long.MaxValue
                Assert.Equal(AxdrStatus.Ok, reader.ReadUInt64(out ulong big));
                Assert.Equal(ulong.MaxValue - 1, big);
                Assert.Equal(AxdrStatus.Ok, reader.ReadRawInteger(DataType.Bcd, out long bcd));
                Assert.Equal(0x42, bcd);
            }

            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("13 12 05 00 01 00 02 00")]          // 5 bytes of 2-byte elements
        [InlineData("13 02 02 09 12 04 05 AA BB CC DD")] // string runs past the contents
        [InlineData("13 04 03 08 FF 09")]                // bit-strings: 8 bits fit, then 9 bits with no bytes
        public void CountCompactArrayElements_ElementsDoNotFitContents_Invalid(string hex)
        {
            AxdrReader reader = Reader(hex);
            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out _, out int contents, out int length));
            int before = reader.Position;

            Assert.Equal(AxdrStatus.Invalid, reader.CountCompactArrayElements(td, contents, length, out int count));

            Assert.Equal(0, count);
            Assert.Equal(before, reader.Position);
            Assert.Equal(reader.Start + Hex.Parse(hex).Length, reader.End);
        }

        [Fact]
        public void CountCompactArrayElements_RangeOutsideReader_InvalidOrTruncated()
        {
            AxdrReader reader = Reader("13 12 02 00 01");

            Assert.Equal(AxdrStatus.Invalid, reader.CountCompactArrayElements(Lead + 1, Lead - 1, 2, out _));
            Assert.Equal(AxdrStatus.Truncated, reader.CountCompactArrayElements(Lead + 1, Lead + 3, 3, out _));
            Assert.Equal(AxdrStatus.Ok, reader.CountCompactArrayElements(Lead + 1, Lead + 3, 0, out int none));
            Assert.Equal(0, none);
        }

        [Theory]
        [InlineData("13 00 00")]                 // null-data: zero-size elements
        [InlineData("13 02 00 00")]              // empty structure
        [InlineData("13 01 00 00 12 00")]        // array of 0 elements
        [InlineData("13 01 00 02 00 00")]        // array of null-data
        [InlineData("13 13 12 00")]              // compact-array inside
        [InlineData("13 07 00")]                 // unused tag
        [InlineData("13 1C 00")]                 // delta types not supported
        [InlineData("13 02 02 12 FF 00")]        // unknown member
        [InlineData("13 02 80 00")]              // bad count form
        public void ReadCompactArray_BadDescription_InvalidPositionUnchanged(string hex)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Invalid, reader.ReadCompactArray(out _, out _, out _, out _));
            Assert.Equal(Lead, reader.Position);
            Assert.Equal(AxdrStatus.Invalid, reader.SkipValue());
            Assert.Equal(Lead, reader.Position);
        }

        [Theory]
        [InlineData("13 " + NestedDescription + " 0C 00 01 0A 0B FF 1B 00 02 0C 0D 00 23")]
        [InlineData("13 01 00 02 02 02 09 04 07 01 AA 00 01 BB 04 C0")]   // array[2] of {octet-string, bit-string}
        public void ReadCompactArray_TruncatedAtEveryByte_TruncatedPositionUnchanged(string hex)
        {
            byte[] data = Hex.Parse(hex);
            for (int count = 0; count < data.Length; count++)
            {
                AxdrReader reader = Reader(data, count);

                AxdrStatus status = reader.ReadCompactArray(out _, out _, out _, out _);

                Assert.True(status == AxdrStatus.Truncated, "cut at " + count + ": " + status);
                Assert.Equal(Lead, reader.Position);
            }
        }

        [Fact]
        public void SkipUntaggedValue_TruncatedElement_TruncatedPositionUnchanged()
        {
            // Description in front, then an element cut short (array of 3 octet-strings, last one cut).
            AxdrReader reader = Reader("01 00 03 09 01 AA 01 BB 02 CC");
            reader.Position = Lead + 4;

            Assert.Equal(AxdrStatus.Truncated, reader.SkipUntaggedValue(Lead));
            Assert.Equal(Lead + 4, reader.Position);
        }

        [Fact]
        public void SkipUntaggedValue_HostileDescription_BoundedByData()
        {
            // 16 nested arrays of 65535 elements each would be 2^256 leaves; each leaf takes a
            // byte, so the walk stops at the end of the 64 bytes of data.
            var hex = new System.Text.StringBuilder();
            for (int i = 0; i < 16; i++)
            {
                hex.Append("01 FF FF ");
            }

            hex.Append("11 ");
            hex.Append(Hex.Format(new byte[64]));
            AxdrReader reader = Reader(hex.ToString());
            reader.Position = Lead + 49;

            Assert.Equal(AxdrStatus.Truncated, reader.SkipUntaggedValue(Lead));
            Assert.Equal(Lead + 49, reader.Position);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void TypeDescription_DepthLimit_Invalid(int maxDepth)
        {
            // maxDepth nested structures are fine, one more is not.
            string ok = Repeat("02 01 ", maxDepth) + "11";
            string deep = Repeat("02 01 ", maxDepth + 1) + "11";
            var reader = new AxdrReader(maxDepth);
            byte[] data = Hex.Parse("13 " + ok + " 01 05");
            reader.Reset(data, 0, data.Length);
            Assert.Equal(AxdrStatus.Ok, reader.ReadCompactArray(out int td, out _, out _, out _));
            Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(td, out _, out _, out _, out _));

            data = Hex.Parse("13 " + deep + " 01 05");
            reader.Reset(data, 0, data.Length);
            Assert.Equal(AxdrStatus.Invalid, reader.ReadCompactArray(out _, out _, out _, out _));
            Assert.Equal(AxdrStatus.Invalid, reader.GetTypeDescription(1, out _, out _, out _, out _));
            Assert.Equal(AxdrStatus.Invalid, reader.SkipUntaggedValue(1));
            Assert.Equal(0, reader.Position);
        }

        [Fact]
        public void GetTypeDescription_BadOffset_NoException()
        {
            AxdrReader reader = Reader("13 12 00");

            Assert.Equal(AxdrStatus.Invalid, reader.GetTypeDescription(-1, out _, out _, out _, out _));
            Assert.Equal(AxdrStatus.Truncated, reader.GetTypeDescription(reader.Buffer.Length, out _, out _, out _, out _));
            Assert.Equal(AxdrStatus.Invalid, reader.SkipUntaggedValue(-5));
        }

        private static string Repeat(string text, int count)
        {
            return string.Concat(System.Linq.Enumerable.Repeat(text, count));
        }

        /// <summary>Test-side decoder: recursion is fine here, the reader itself never recurses.</summary>
        private static string Decode(AxdrReader reader, int node)
        {
            Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(node, out DataType type, out int count, out int child, out _));
            if (type == DataType.Structure || type == DataType.Array)
            {
                var parts = new List<string>();
                int member = child;
                for (int i = 0; i < count; i++)
                {
                    parts.Add(Decode(reader, member));
                    if (type == DataType.Structure)
                    {
                        Assert.Equal(AxdrStatus.Ok, reader.GetTypeDescription(member, out _, out _, out _, out member));
                    }
                }

                return type == DataType.Structure ? "{" + string.Join(",", parts) + "}" : "[" + string.Join(",", parts) + "]";
            }

            Assert.Equal(AxdrStatus.Ok, reader.ReadRawInteger(type, out long value));
            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
