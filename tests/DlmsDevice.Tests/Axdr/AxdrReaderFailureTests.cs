using System;
using System.Collections.Generic;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>
    /// Peek, validate, then advance: every failed read (truncated, wrong tag, bad length form)
    /// returns its status and leaves Position where it was.
    /// </summary>
    public class AxdrReaderFailureTests
    {
        /// <summary>Each read operation with a valid vector for it.</summary>
        private static readonly Dictionary<string, (string Hex, Func<AxdrReader, AxdrStatus> Read)> s_reads =
            new Dictionary<string, (string, Func<AxdrReader, AxdrStatus>)>
            {
                ["Null"] = ("00", r => r.ReadNull()),
                ["Array"] = ("01 82 01 00", r => r.ReadArray(out _)),
                ["Structure"] = ("02 81 80", r => r.ReadStructure(out _)),
                ["Boolean"] = ("03 01", r => r.ReadBoolean(out _)),
                ["BitString"] = ("04 0C AB C0", r => r.ReadBitString(out _, out _)),
                ["DoubleLong"] = ("05 80 00 00 01", r => r.ReadDoubleLong(out _)),
                ["DoubleLongUnsigned"] = ("06 00 00 13 91", r => r.ReadDoubleLongUnsigned(out _)),
                ["OctetString"] = ("09 81 81 " + Fill(0x81), r => r.ReadOctetString(out _, out _)),
                ["VisibleString"] = ("0A 03 41 42 43", r => r.ReadVisibleString(out _, out _)),
                ["Utf8String"] = ("0C 02 C3 A9", r => r.ReadUtf8String(out _, out _)),
                ["Bcd"] = ("0D 12", r => r.ReadBcd(out _)),
                ["Integer"] = ("0F FF", r => r.ReadInteger(out _)),
                ["Long"] = ("10 FF C4", r => r.ReadLong(out _)),
                ["Unsigned"] = ("11 05", r => r.ReadUnsigned(out _)),
                ["LongUnsigned"] = ("12 09 34", r => r.ReadLongUnsigned(out _)),
                ["Long64"] = ("14 01 02 03 04 05 06 07 08", r => r.ReadLong64(out _)),
                ["Long64Unsigned"] = ("15 01 02 03 04 05 06 07 08", r => r.ReadLong64Unsigned(out _)),
                ["Enum"] = ("16 23", r => r.ReadEnum(out _)),
                ["Float32"] = ("17 3F 80 00 00", r => r.ReadFloat32(out _)),
                ["Float64"] = ("18 3F F0 00 00 00 00 00 00", r => r.ReadFloat64(out _)),
                ["DateTimeOctets"] = ("09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00", r => r.ReadDateTime(new CosemDateTime())),
                ["DateTimeTag"] = ("19 07 E5 01 18 FF 0E 30 39 50 FF C4 00", r => r.ReadDateTime(new CosemDateTime())),
                ["DateOctets"] = ("09 05 07 E5 01 18 FF", r => r.ReadDate(new CosemDateTime())),
                ["DateTag"] = ("1A 07 E5 01 18 FF", r => r.ReadDate(new CosemDateTime())),
                ["TimeOctets"] = ("09 04 0E 30 39 50", r => r.ReadTime(new CosemDateTime())),
                ["TimeTag"] = ("1B 0E 30 39 50", r => r.ReadTime(new CosemDateTime())),
                ["Obis"] = ("09 06 01 00 01 08 00 FF", r => r.ReadObis(out _)),
                ["Int64Any"] = ("14 01 02 03 04 05 06 07 08", r => r.ReadInt64Any(out _)),
                ["CompactArray"] = ("13 02 02 12 11 06 00 01 05 00 02 06", r => r.ReadCompactArray(out _, out _, out _, out _)),
                ["SkipValue"] = ("02 03 01 01 09 02 AA BB 12 00 01 19 07 E5 01 18 FF 0E 30 39 50 FF C4 00", r => r.SkipValue()),
                ["Length"] = ("84 00 01 00 00", r => r.ReadLength(out _)),
                ["UInt16"] = ("01 02", r => r.ReadUInt16(out _)),
                ["UInt32"] = ("01 02 03 04", r => r.ReadUInt32(out _)),
                ["UInt64"] = ("01 02 03 04 05 06 07 08", r => r.ReadUInt64(out _)),
                ["RawObis"] = ("00 00 2B 01 00 FF", r => r.ReadRawObis(out _)),
                ["Byte"] = ("C0", r => r.ReadByte(out _)),
                ["RawOctetString"] = ("03 41 42 43", r => r.ReadRawOctetString(out _, out _)),
                ["RawBitString"] = ("0A FF C0", r => r.ReadRawBitString(out _, out _)),
                ["RawDateTime"] = ("07 E5 01 18 FF 0E 30 39 50 FF C4 00", r => r.ReadRawDateTime(new CosemDateTime())),
                ["RawDate"] = ("07 E5 01 18 FF", r => r.ReadRawDate(new CosemDateTime())),
                ["RawTime"] = ("0E 30 39 50", r => r.ReadRawTime(new CosemDateTime())),
                ["RawFloat32"] = ("3F 80 00 00", r => r.ReadRawFloat32(out _)),
                ["RawFloat64"] = ("3F F0 00 00 00 00 00 00", r => r.ReadRawFloat64(out _)),
                ["RawInteger"] = ("00 00 00 01", r => r.ReadRawInteger(DataType.DoubleLongUnsigned, out _)),
            };

        /// <summary>The reads that check a tag (all but the untagged ones).</summary>
        private static readonly string[] s_tagged =
        {
            "Null", "Array", "Structure", "Boolean", "BitString", "DoubleLong", "DoubleLongUnsigned",
            "OctetString", "VisibleString", "Utf8String", "Bcd", "Integer", "Long", "Unsigned",
            "LongUnsigned", "Long64", "Long64Unsigned", "Enum", "Float32", "Float64", "DateTimeOctets",
            "DateTimeTag", "DateOctets", "DateTag", "TimeOctets", "TimeTag", "Obis", "CompactArray",
        };

        public static IEnumerable<object[]> AllReads()
        {
            foreach (string name in s_reads.Keys)
            {
                yield return new object[] { name };
            }
        }

        public static IEnumerable<object[]> TaggedReads()
        {
            foreach (string name in s_tagged)
            {
                yield return new object[] { name };
            }
        }

        private static string Fill(int count)
        {
            var bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)i;
            }

            return Hex.Format(bytes);
        }

        [Theory]
        [MemberData(nameof(AllReads))]
        public void Read_WholeVector_OkAndConsumesAll(string name)
        {
            var (hex, read) = s_reads[name];
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, read(reader));
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [MemberData(nameof(AllReads))]
        public void Read_TruncatedAtEveryByte_TruncatedPositionUnchanged(string name)
        {
            var (hex, read) = s_reads[name];
            byte[] data = Hex.Parse(hex);
            for (int count = 0; count < data.Length; count++)
            {
                AxdrReader reader = Reader(data, count);
                int before = reader.Position;

                AxdrStatus status = read(reader);

                Assert.True(status == AxdrStatus.Truncated, name + " cut at " + count + ": " + status);
                Assert.Equal(before, reader.Position);
            }
        }

        [Theory]
        [MemberData(nameof(AllReads))]
        public void Read_TruncatedMidBuffer_TruncatedPositionUnchanged(string name)
        {
            // The same cut, but after an earlier value: the cursor is not at Start.
            var (hex, read) = s_reads[name];
            byte[] data = Hex.Parse("11 07 " + hex);
            for (int count = 2; count < data.Length; count++)
            {
                AxdrReader reader = Reader(data, count);
                Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out _));
                int before = reader.Position;

                Assert.Equal(AxdrStatus.Truncated, read(reader));
                Assert.Equal(before, reader.Position);
            }
        }

        [Theory]
        [MemberData(nameof(TaggedReads))]
        public void Read_EveryOtherTag_TypeMismatchPositionUnchanged(string name)
        {
            var (hex, read) = s_reads[name];
            byte[] data = Hex.Parse(hex);
            byte own = data[0];
            for (int tag = 0; tag < 256; tag++)
            {
                if (tag == own || Accepts(name, tag))
                {
                    continue;
                }

                data[0] = (byte)tag;
                AxdrReader reader = Reader(data, data.Length);
                int before = reader.Position;

                AxdrStatus status = read(reader);

                Assert.True(status == AxdrStatus.TypeMismatch, name + " with tag " + tag + ": " + status);
                Assert.Equal(before, reader.Position);
            }
        }

        /// <summary>Reads that accept a second tag (date/time in two forms; ReadInt64Any every integer).</summary>
        private static bool Accepts(string name, int tag)
        {
            switch (name)
            {
                case "DateTimeOctets": return tag == 0x19;
                case "DateTimeTag": return tag == 0x09;
                case "DateOctets": return tag == 0x1A;
                case "DateTag": return tag == 0x09;
                case "TimeOctets": return tag == 0x1B;
                case "TimeTag": return tag == 0x09;
                default: return false;
            }
        }

        [Theory]
        [InlineData("01 80")]
        [InlineData("01 85 00 00 00 00 01")]
        [InlineData("02 84 80 00 00 00")]
        [InlineData("04 80")]
        [InlineData("09 80 00")]
        [InlineData("09 FF")]
        [InlineData("0A 85 01 02 03 04 05")]
        [InlineData("0C 84 FF FF FF FF")]
        [InlineData("13 02 80")]
        [InlineData("13 12 80")]
        public void TaggedRead_BadLengthForm_InvalidPositionUnchanged(string hex)
        {
            byte tag = Hex.Parse(hex)[0];
            Func<AxdrReader, AxdrStatus> read = tag switch
            {
                0x01 => r => r.ReadArray(out _),
                0x02 => r => r.ReadStructure(out _),
                0x04 => r => r.ReadBitString(out _, out _),
                0x09 => r => r.ReadOctetString(out _, out _),
                0x0A => r => r.ReadVisibleString(out _, out _),
                0x0C => r => r.ReadUtf8String(out _, out _),
                _ => r => r.ReadCompactArray(out _, out _, out _, out _),
            };
            AxdrReader reader = Reader(hex);
            int before = reader.Position;

            Assert.Equal(AxdrStatus.Invalid, read(reader));
            Assert.Equal(before, reader.Position);
            Assert.Equal(AxdrStatus.Invalid, reader.SkipValue());
            Assert.Equal(before, reader.Position);
        }

        [Theory]
        [InlineData("09 80 00")]
        [InlineData("09 0B 07 E5 01 18 FF 0E 30 39 50 FF C4")]     // 11 bytes: not a date-time
        [InlineData("09 0D 07 E5 01 18 FF 0E 30 39 50 FF C4 00 00")]
        [InlineData("09 05 07 E5 01 18 FF")]                       // a date is not a date-time
        [InlineData("09 84 00 00 00 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")] // long form, right length: accepted below
        public void ReadDateTime_OctetStringOfOtherLength_TypeMismatchOrInvalid(string hex)
        {
            AxdrReader reader = Reader(hex);
            int before = reader.Position;

            CosemDateTime value = CosemDateTime.FromBytes(Hex.Parse("07 D2 0C 04 03 0A 06 0B FF 00 78 00"), 0);
            AxdrStatus status = reader.ReadDateTime(value);

            if (hex.StartsWith("09 84"))
            {
                Assert.Equal(AxdrStatus.Ok, status);
                Assert.Equal(2021, value.Year);
                return;
            }

            Assert.Equal(hex.StartsWith("09 80") ? AxdrStatus.Invalid : AxdrStatus.TypeMismatch, status);
            Assert.Equal(before, reader.Position);
            // The caller's instance is left as it was.
            Assert.Equal(CosemDateTime.FromBytes(Hex.Parse("07 D2 0C 04 03 0A 06 0B FF 00 78 00"), 0), value);
        }

        [Theory]
        [InlineData("09 05 01 00 01 08 00")]
        [InlineData("09 07 01 00 01 08 00 FF FF")]
        [InlineData("09 00")]
        public void ReadObis_OctetStringOfOtherLength_TypeMismatch(string hex)
        {
            AxdrReader reader = Reader(hex);
            int before = reader.Position;

            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadObis(out _));
            Assert.Equal(before, reader.Position);
        }

        [Theory]
        [InlineData("09 06 00 00 01 00")]   // right length, bytes missing
        public void ReadObis_Truncated_Truncated(string hex)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Truncated, reader.ReadObis(out _));
            Assert.Equal(Lead, reader.Position);
        }

        [Theory]
        [InlineData("09 04 0E 30 39 50")]
        [InlineData("09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")]
        public void ReadDate_OctetStringOfOtherLength_TypeMismatch(string hex)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadDate(new CosemDateTime()));
            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadObis(out _));
            Assert.Equal(Lead, reader.Position);
        }

        [Fact]
        public void ReadRawInteger_NonIntegerType_TypeMismatch()
        {
            AxdrReader reader = Reader("3F 80 00 00");

            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadRawInteger(DataType.Float32, out _));
            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadRawInteger(DataType.Boolean, out _));
            Assert.Equal(Lead, reader.Position);
        }

        [Fact]
        public void FailedRead_OutValues_Zero()
        {
            AxdrReader reader = Reader("11 05");

            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadOctetString(out int offset, out int length));
            Assert.Equal(0, offset);
            Assert.Equal(0, length);
            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadLong64(out long value));
            Assert.Equal(0, value);
            Assert.Equal(AxdrStatus.TypeMismatch, reader.ReadObis(out long obis));
            Assert.Equal(0L, obis);
        }
    }
}
