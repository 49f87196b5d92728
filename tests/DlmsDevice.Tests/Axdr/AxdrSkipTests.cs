using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>SkipValue: whole values of any type and depth, without recursion, with a depth limit.</summary>
    public class AxdrSkipTests
    {
        [Theory]
        [InlineData("00")]
        [InlineData("03 01")]
        [InlineData("04 00")]
        [InlineData("04 09 FF 80")]
        [InlineData("05 00 00 00 01")]
        [InlineData("06 00 00 13 91")]
        [InlineData("09 00")]
        [InlineData("09 06 00 00 01 00 00 FF")]
        [InlineData("0A 02 41 42")]
        [InlineData("0C 01 41")]
        [InlineData("0D 12")]
        [InlineData("0F FF")]
        [InlineData("10 FF C4")]
        [InlineData("11 01")]
        [InlineData("12 00 08")]
        [InlineData("13 12 04 00 01 00 02")]
        [InlineData("14 00 00 00 00 00 00 00 01")]
        [InlineData("15 00 00 00 00 00 00 00 01")]
        [InlineData("16 23")]
        [InlineData("17 3F 80 00 00")]
        [InlineData("18 3F F0 00 00 00 00 00 00")]
        [InlineData("19 07 D2 0C 04 03 0A 06 0B FF 00 78 00")]
        [InlineData("1A 07 D2 0C 04 03")]
        [InlineData("1B 0A 06 0B FF")]
        [InlineData("01 00")]
        [InlineData("02 00")]
        [InlineData("02 02 0F FF 16 23")]                          // scaler_unit
        [InlineData("01 02 02 02 0F 00 16 1B 02 02 0F FF 16 23")]  // array of scaler_units
        [InlineData("01 01 01 01 01 01 01 01 00")]                 // nested arrays ending in an empty one
        [InlineData("02 03 01 00 02 00 09 81 80 " + Bytes128)]     // empty containers, long octet-string
        public void SkipValue_EveryKind_ConsumesExactlyTheValue(string hex)
        {
            // A second value follows: SkipValue must stop exactly at it.
            AxdrReader reader = Reader(hex + " 11 7E");

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());

            Assert.Equal(Hex.Parse(hex).Length + Lead, reader.Position);
            Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte next));
            Assert.Equal(0x7E, next);
        }

        private const string Bytes128 =
            "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 " +
            "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";

        [Theory]
        [InlineData("07 00")]
        [InlineData("08 00")]
        [InlineData("0B 00")]
        [InlineData("0E 00")]
        [InlineData("1C 00")]
        [InlineData("FF")]
        [InlineData("02 02 11 01 07 00")]      // unknown tag inside a structure
        [InlineData("01 80")]                   // bad count form
        [InlineData("13 00 00")]                // compact array of null-data
        [InlineData("13 13 12 00")]             // compact array inside a description
        public void SkipValue_UnknownTagOrBadForm_InvalidPositionUnchanged(string hex)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Invalid, reader.SkipValue());
            Assert.Equal(Lead, reader.Position);
        }

        [Theory]
        [InlineData("02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00")]
        [InlineData("01 02 02 02 0F 00 16 1B 02 02 0F FF 16 23")]
        [InlineData("02 03 13 02 02 12 09 06 00 01 01 AA 00 02 09 81 80 " + Bytes128 + " 04 0B FF E0")]
        [InlineData("01 83 00 00 02 00 00")]
        public void SkipValue_TruncatedAtEveryByte_TruncatedPositionUnchanged(string hex)
        {
            byte[] data = Hex.Parse(hex);
            for (int count = 0; count < data.Length; count++)
            {
                AxdrReader reader = Reader(data, count);

                AxdrStatus status = reader.SkipValue();

                Assert.True(status == AxdrStatus.Truncated, "cut at " + count + ": " + status);
                Assert.Equal(Lead, reader.Position);
            }
        }

        [Fact]
        public void SkipValue_HugeCountSmallInput_TruncatedQuickly()
        {
            // 2^31-1 elements announced, three present.
            AxdrReader reader = Reader("01 84 7F FF FF FF 00 00 00");

            Assert.Equal(AxdrStatus.Truncated, reader.SkipValue());
            Assert.Equal(Lead, reader.Position);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        [InlineData(16)]
        public void SkipValue_NestingAtLimit_Ok(int maxDepth)
        {
            var reader = new AxdrReader(maxDepth);
            byte[] data = Nested(maxDepth);
            reader.Reset(data, 0, data.Length);

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        [InlineData(16)]
        public void SkipValue_NestingOverLimit_InvalidPositionUnchanged(int maxDepth)
        {
            var reader = new AxdrReader(maxDepth);
            byte[] data = Nested(maxDepth + 1);
            reader.Reset(data, 0, data.Length);

            Assert.Equal(AxdrStatus.Invalid, reader.SkipValue());
            Assert.Equal(0, reader.Position);
        }

        [Fact]
        public void SkipValue_HostileNesting100k_InvalidNoStackOverflow()
        {
            byte[] data = Nested(100000);
            var reader = new AxdrReader();
            reader.Reset(data, 0, data.Length);

            Assert.Equal(AxdrStatus.Invalid, reader.SkipValue());
            Assert.Equal(0, reader.Position);
            Assert.Equal(AxdrReader.DefaultMaxDepth, reader.MaxDepth);
        }

        [Fact]
        public void SkipValue_DefaultDepth_DeepestRealDataOk()
        {
            // object_list element nests 5 levels below the array (the Green Book's A-XDR examples): well within 16.
            AxdrReader reader = Reader(
                "01 01 02 04 12 00 08 11 00 09 06 00 00 01 00 00 FF 02 02 " +
                "01 01 02 03 0F 01 16 01 01 01 0F 02 01 00");

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void SkipValue_StructuresAlternatingWithArrays_LevelsUnwindCorrectly()
        {
            // Containers closing at different depths, then more siblings at the outer level.
            AxdrReader reader = Reader(
                "02 03 " +
                "  01 02 " +                         // array of 2:
                "    02 01 01 01 02 01 11 05 " +     //   { [ { u8 } ] }
                "    02 01 01 00 " +                 //   { [] }
                "  11 06 " +
                "  02 02 00 00 " +
                "11 7F");

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte next));
            Assert.Equal(0x7F, next);
        }

        [Fact]
        public void SkipValue_CompactArray_SkippedByContentsLength()
        {
            // Contents that do not parse by the description are still skipped by length;
            // ReadCompactArray/CountCompactArrayElements do the element checks.
            AxdrReader reader = Reader("13 12 03 AA BB CC 11 01");

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(Lead + 6, reader.Position);
        }

        /// <summary><paramref name="levels"/> nested single-element arrays around an unsigned.</summary>
        private static byte[] Nested(int levels)
        {
            byte[] data = new byte[(levels * 2) + 2];
            for (int i = 0; i < levels; i++)
            {
                data[2 * i] = 0x01;
                data[(2 * i) + 1] = 0x01;
            }

            data[levels * 2] = 0x11;
            data[(levels * 2) + 1] = 0x05;
            return data;
        }
    }
}
