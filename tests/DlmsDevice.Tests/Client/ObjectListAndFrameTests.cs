using System;
using DlmsDevice.Client;
using DlmsDevice.Client.Cli;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>Association LN object_list decoding and HDLC frame parsing.</summary>
    public class ObjectListAndFrameTests
    {
        // Two elements: the Clock (as in Gurux/GXDLMSDirector#4's first block) with version 0
        // boolean method access, and a Register with enum method access.
        private const string ObjectListHex =
            "01 02" +
            " 02 04 12 0008 11 00 09 06 0000010000FF 02 02" +
            "   01 02 02 03 0F 01 16 01 00 02 03 0F 02 16 03 01 01 0F 01" +
            "   01 01 02 02 0F 01 03 01" +
            " 02 04 12 0003 11 00 09 06 0100010800FF 02 02" +
            "   01 03 02 03 0F 01 16 01 00 02 03 0F 02 16 01 00 02 03 0F 03 16 00 00" +
            "   01 01 02 02 0F 01 16 02";

        [Fact]
        public void ObjectList_Decodes_ClassVersionObisAndAccess()
        {
            var entries = ObjectList.Decode(AxdrDecoder.Decode(Hex.Parse(ObjectListHex)));

            Assert.Equal(2, entries.Count);
            ObjectListEntry clock = entries[0];
            Assert.Equal(8, clock.ClassId);
            Assert.Equal(0, clock.Version);
            Assert.Equal("0.0.1.0.0.255", clock.LogicalName.ToString());
            Assert.Equal(new[] { "R", "RW" }, new[] { clock.Attributes[0].ModeText, clock.Attributes[1].ModeText });
            Assert.Equal(new sbyte[] { 1 }, clock.Attributes[1].AccessSelectors);
            Assert.Null(clock.Attributes[0].AccessSelectors);
            Assert.Equal(1, clock.Methods[0].AccessMode);
            Assert.Equal("3 v0 1.0.1.8.0.255 attrs 1:R 2:R 3:- methods 1:aX", entries[1].ToString());
        }

        [Fact]
        public void ObjectList_CliTable()
        {
            var entries = ObjectList.Decode(AxdrDecoder.Decode(Hex.Parse(ObjectListHex)));

            string table = CliFormat.ObjectList(entries);

            Assert.Equal(
                "class ver  logical name        attributes / methods\n" +
                "    8   0  0.0.1.0.0.255       1:R 2:RW / 1:X\n" +
                "    3   0  1.0.1.8.0.255       1:R 2:R 3:- / 1:aX\n" +
                "2 objects\n",
                table);
        }

        [Theory]
        [InlineData("11 01")]
        [InlineData("01 01 11 01")]
        [InlineData("01 01 02 03 12 0008 11 00 09 05 0000010000")]
        [InlineData("01 01 02 04 12 0008 11 00 09 06 0000010000FF 02 02 11 00 01 00")]
        public void ObjectList_WrongShape_Throws(string hex)
        {
            Assert.Throws<DlmsProtocolException>(() => ObjectList.Decode(AxdrDecoder.Decode(Hex.Parse(hex))));
        }

        [Fact]
        public void Frame_With7EInsideHcs_IsDelimitedByLength()
        {
            // Trace B AARQ: the HCS is 7E CB.
            byte[] bytes = Hex.Parse("7E A0 2E 00 02 00 23 21 10 7E CB E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF D4 C5 7E");

            Assert.Equal(HdlcParseStatus.Frame, HdlcFrame.TryParse(bytes, out HdlcFrame? frame, out _));

            Assert.Equal(0x10, frame!.Control);
            Assert.Equal("00 02 00 23", Hex.Format(frame.Destination));
            Assert.Equal(34, frame.Information.Length);
        }

        [Fact]
        public void Frame_Truncated_NeedsMore()
        {
            byte[] bytes = Hex.Parse(TestFrames.TraceA_Aare);

            Assert.Equal(HdlcParseStatus.NeedMore, HdlcFrame.TryParse(bytes.AsSpan(0, bytes.Length - 1), out _, out _));
            Assert.Equal(HdlcParseStatus.NeedMore, HdlcFrame.TryParse(bytes.AsSpan(0, 2), out _, out _));
        }

        [Theory]
        [InlineData(10)]   // inside the information field
        [InlineData(7)]    // the HCS
        public void Frame_BadCrc_IsInvalid(int index)
        {
            byte[] bytes = Hex.Parse(TestFrames.TraceA_Aare);
            bytes[index] ^= 0x01;

            Assert.Equal(HdlcParseStatus.Invalid, HdlcFrame.TryParse(bytes, out HdlcFrame? frame, out int consumed));

            Assert.Null(frame);
            Assert.Equal(1, consumed);
        }

        [Fact]
        public void Frame_LeadingGarbage_IsSkippedToTheFlag()
        {
            byte[] bytes = TestFrames.Concat(Hex.Parse("01 02 03"), Hex.Parse(TestFrames.TraceD_Ua));

            Assert.Equal(HdlcParseStatus.Invalid, HdlcFrame.TryParse(bytes, out _, out int consumed));
            Assert.Equal(3, consumed);
        }

        [Fact]
        public void Frame_SharedFlag_KeepsClosingFlagForNextFrame()
        {
            byte[] first = Hex.Parse(TestFrames.TraceD_Ua);
            byte[] second = Hex.Parse(TestFrames.TraceD_Value);
            byte[] bytes = TestFrames.Concat(first, second.AsSpan(1).ToArray());

            Assert.Equal(HdlcParseStatus.Frame, HdlcFrame.TryParse(bytes, out HdlcFrame? a, out int consumed));
            Assert.Equal(HdlcParseStatus.Frame, HdlcFrame.TryParse(bytes.AsSpan(consumed), out HdlcFrame? b, out _));

            Assert.Equal(0x73, a!.Control);
            Assert.Equal(0x52, b!.Control);
        }

        [Fact]
        public void Frame_LongerThan255_UsesElevenBitLength()
        {
            byte[] info = new byte[400];
            byte[] frame = HdlcFrame.Encode(new byte[] { 0x03 }, new byte[] { 0x21 }, 0x10, info, segmented: true);

            Assert.Equal("7E A9 99", Hex.Format(frame, 0, 3));
            Assert.Equal(HdlcParseStatus.Frame, HdlcFrame.TryParse(frame, out HdlcFrame? parsed, out _));
            Assert.True(parsed!.Segmented);
            Assert.Equal(400, parsed.Information.Length);
        }

        [Fact]
        public void Crc_CheckValue()
        {
            Assert.Equal(0x906E, HdlcCrc.Compute(System.Text.Encoding.ASCII.GetBytes("123456789")));
            Assert.Equal(TestFrames.Crc(Hex.Parse(TestFrames.TraceA_Aarq)), HdlcCrc.Compute(Hex.Parse(TestFrames.TraceA_Aarq)));
        }

        [Theory]
        [InlineData(0x10, "I N(S)=0 N(R)=0")]
        [InlineData(0x51, "RR N(R)=2")]
        [InlineData(0x93, "SNRM")]
        [InlineData(0x1F, "DM")]
        public void Frame_Describe(byte control, string expected)
        {
            Assert.Equal(expected, new HdlcFrame(new byte[] { 3 }, new byte[] { 0x21 }, control, false, Array.Empty<byte>()).Describe());
        }
    }
}
