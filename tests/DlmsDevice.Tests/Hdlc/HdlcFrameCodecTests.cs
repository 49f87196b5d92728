using System;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    public class HdlcFrameCodecTests
    {
        // A 370-byte GET-Response-With-Datablock I-frame (length field A1 70 = 368, 11-bit) from
        // traces/gurux-net-client.txt (session gxnet-hdlc-none-snrmparams, last block); its HCS is
        // EA 7E, i.e. 0x7E inside the header. Used only as a decoding vector.
        internal const string LongFrame =
            "7EA1702103DAEA7EE6E700C402C101000000050082015802030F0A16010002030F0B16010002030F0C16010002030F0D16010002030F0E160100010002041200541100090600001C0400FF0202010702030F0116010002030F0216010002030F0316010002030F0416010002030F0516010002030F0616010002030F07160100010102020F01160002041200551100090600001C0500FF0202010602030F0116010002030F0216010002030F0316010002030F0416010002030F0516010002030F06160100010102020F01160002041200561100090600001C0700FF0202010402030F0116010002030F0216010002030F0316010002030F041601000100020412000A1100090600000C0000FF0202010202030F0116010002030F02160100010302020F01160002020F02160002020F031600020412007A1100090600002C0100FF0202010302030F0116010002030F0216010002030F03160100010302020F01160002020F02160002020F0316007A5B7E";

        public static TheoryData<string, int, int, int, int, int, int, int, int, bool> Vectors => new TheoryData<string, int, int, int, int, int, int, int, int, bool>
        {
            // hex, control, dst upper, dst lower, dst size, src upper, src lower, src size, info count, segmented
            // Trace A (dlms-cosem test_hdlc.py)
            { "7E A0 08 02 23 21 93 BD 64 7E", 0x93, 1, 17, 2, 16, -1, 1, 0, false },
            { "7E A0 1F 21 02 23 73 E6 C7 81 80 12 05 01 9A 06 01 9A 07 04 00 00 00 01 08 04 00 00 00 01 CC A2 7E", 0x73, 16, -1, 1, 1, 17, 2, 21, false },
            { "7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E", 0x10, 1, 17, 2, 16, -1, 1, 34, false },
            { "7E A0 38 21 02 23 30 34 E7 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07 B8 6A 7E", 0x30, 16, -1, 1, 1, 17, 2, 46, false },
            // Trace B (Green Book / Kmethy, jDLMS FcsCalcTest): 4-byte server address; the AARQ HCS is 7E CB.
            { "7E A0 0A 00 02 00 23 21 93 18 71 7E", 0x93, 1, 17, 4, 16, -1, 1, 0, false },
            { "7E A0 23 21 00 02 00 23 73 F6 C5 81 80 14 05 02 00 80 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01 CE 6A 7E", 0x73, 16, -1, 1, 1, 17, 4, 23, false },
            { "7E A0 2E 00 02 00 23 21 10 7E CB E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF D4 C5 7E", 0x10, 1, 17, 4, 16, -1, 1, 34, false },
            { "7E A0 3A 21 00 02 00 23 30 99 41 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 30 1D 19 00 00 07 0C 52 7E", 0x30, 16, -1, 1, 1, 17, 4, 46, false },
            // Trace B GET clock, 1-byte addresses 0x95 (logical 74) / 0x75 (client 58).
            { "7E A0 19 95 75 54 68 35 E6 E6 00 C0 01 81 00 08 00 00 01 00 00 FF 01 00 0D FD 7E", 0x54, 74, -1, 1, 58, -1, 1, 16, false },
            { "7E A0 18 75 95 74 E9 E8 E6 E7 00 C4 01 81 00 09 06 00 00 01 00 00 FF FD 49 7E", 0x74, 58, -1, 1, 74, -1, 1, 15, false },
            { "7E A0 19 95 75 76 78 37 E6 E6 00 C0 01 81 00 08 00 00 01 00 00 FF 02 00 65 D7 7E", 0x76, 74, -1, 1, 58, -1, 1, 16, false },
            { "7E A0 1E 75 95 96 6F 67 E6 E7 00 C4 01 81 00 09 0C 07 D2 0C 04 03 0A 06 0B FF 00 78 00 F3 30 7E", 0x96, 58, -1, 1, 74, -1, 1, 21, false },
            // Trace C (real meter, GXDLMSDirector#4): client 48, server logical 1 / physical 40.
            { "7E A0 1A 02 51 61 32 F0 01 E6 E6 00 C0 01 81 00 0F 00 00 28 00 00 FF 02 00 94 9E 7E", 0x32, 1, 40, 2, 48, -1, 1, 16, false },
            { "7E A0 33 61 02 51 52 0F 35 E6 E7 00 C4 02 81 00 00 00 00 01 00 1C 01 01 02 04 12 00 08 11 00 09 06 00 00 01 00 00 FF 02 02 01 01 02 03 0F 01 16 01 00 9E 7D 7E", 0x52, 48, -1, 1, 1, 40, 2, 41, false },
            // Trace D (constructed, continues Trace A).
            { "7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E", 0x32, 1, 17, 2, 16, -1, 1, 16, false },
            { "7E A0 16 21 02 23 52 09 A6 E6 E7 00 C4 01 C1 00 06 00 00 30 39 9D 02 7E", 0x52, 16, -1, 1, 1, 17, 2, 12, false },
            { "7E A0 1A 02 23 21 54 C6 74 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 03 00 EA 71 7E", 0x54, 1, 17, 2, 16, -1, 1, 16, false },
            { "7E A0 17 21 02 23 74 79 E9 E6 E7 00 C4 01 C1 00 02 02 0F 00 16 1E 61 D4 7E", 0x74, 16, -1, 1, 1, 17, 2, 13, false },
            { "7E A0 08 02 23 21 53 B1 A2 7E", 0x53, 1, 17, 2, 16, -1, 1, 0, false },
            { "7E A0 08 21 02 23 73 7A 43 7E", 0x73, 16, -1, 1, 1, 17, 2, 0, false },
            { "7E A0 08 21 02 23 1F 10 EA 7E", 0x1F, 16, -1, 1, 1, 17, 2, 0, false },
            // Gurux forum real-meter request (client 32 = 0x41, 1-byte server 03).
            { "7E A0 19 03 41 32 3A BD E6 E6 00 C0 01 C1 00 03 01 00 0C 07 00 FF 02 00 11 37 7E", 0x32, 1, -1, 1, 32, -1, 1, 16, false },
            // traces/dlms-cosem-client.txt and gurux-net-client.txt C>S lines: SNRM, RR, SNRM with parameters.
            { "7EA0070321930F017E", 0x93, 1, -1, 1, 16, -1, 1, 0, false },
            { "7EA00703215111E47E", 0x51, 1, -1, 1, 16, -1, 1, 0, false },
            { "7EA00703217113C57E", 0x71, 1, -1, 1, 16, -1, 1, 0, false },
            { "7EA00703213117877E", 0x31, 1, -1, 1, 16, -1, 1, 0, false },
            { "7EA00703215303C77E", 0x53, 1, -1, 1, 16, -1, 1, 0, false },
            { "7EA0200321937DD9818014050207EE060207EE0704000000030804000000031CC07E", 0x93, 1, -1, 1, 16, -1, 1, 23, false },
            { "7EA013032154F102E6E600C002C00000000115B57E", 0x54, 1, -1, 1, 16, -1, 1, 10, false },
        };

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Decode_Vector_ReadsHeaderAndChecksCrcs(string hex, int control, int destinationUpper, int destinationLower,
            int destinationSize, int sourceUpper, int sourceLower, int sourceSize, int informationCount, bool segmented)
        {
            byte[] wire = Hex.Parse(hex);
            var frame = new HdlcFrame();
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Decode(wire, 0, wire.Length, HdlcFrameCodec.MaxFrameLength, frame, out int wireLength));
            Assert.Equal(wire.Length, wireLength);
            Assert.Equal(wire.Length - 2, frame.FrameLength);
            Assert.Equal(control, frame.Control);
            Assert.Equal(destinationUpper, frame.DestinationUpper);
            Assert.Equal(destinationLower, frame.DestinationLower);
            Assert.Equal(destinationSize, frame.DestinationSize);
            Assert.Equal(sourceUpper, frame.SourceUpper);
            Assert.Equal(sourceLower, frame.SourceLower);
            Assert.Equal(sourceSize, frame.SourceSize);
            Assert.Equal(informationCount, frame.InformationCount);
            Assert.Equal(informationCount > 0, frame.HasInformation);
            Assert.Equal(segmented, frame.Segmented);
            Assert.Equal(HdlcFrameCodec.GetHeaderSize(destinationSize, sourceSize), frame.InformationOffset);
        }

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Encode_DecodedVector_ReproducesBytes(string hex, int control, int destinationUpper, int destinationLower,
            int destinationSize, int sourceUpper, int sourceLower, int sourceSize, int informationCount, bool segmented)
        {
            byte[] wire = Hex.Parse(hex);
            var frame = new HdlcFrame { Control = (byte)control, Segmented = segmented };
            frame.SetAddresses(destinationUpper, destinationLower, destinationSize, sourceUpper, sourceLower, sourceSize);
            int infoOffset = HdlcFrameCodec.GetHeaderSize(destinationSize, sourceSize);
            var output = new byte[wire.Length + 4];
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Encode(frame, wire, infoOffset, informationCount, output, 2, output.Length - 2, out int written));
            Assert.Equal(wire.Length, written);
            Assert.Equal(Hex.Format(wire), Hex.Format(output, 2, written));
            Assert.Equal(wire.Length - 2, frame.FrameLength);
        }

        [Fact]
        public void Decode_LongFrameWith7EInHcs_ReadsElevenBitLength()
        {
            byte[] wire = Hex.Parse(LongFrame);
            var frame = new HdlcFrame();
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Decode(wire, 0, wire.Length, HdlcFrameCodec.MaxFrameLength, frame, out int wireLength));
            Assert.Equal(370, wireLength);
            Assert.Equal(0x170, frame.FrameLength);
            Assert.Equal(0xDA, frame.Control);
            Assert.Equal(0x7E, wire[7]); // HCS high byte
            Assert.Equal(370 - 8 - 3, frame.InformationCount);

            var output = new byte[wire.Length];
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Encode(frame, wire, frame.InformationOffset, frame.InformationCount, output, 0, output.Length, out int written));
            Assert.Equal(LongFrame, Hex.Format(output).Replace(" ", ""));
            Assert.Equal(370, written);
        }

        [Theory]
        // Length = format 2 + DA + SA 1 + control 1 + HCS 2 + INFO + FCS 2.
        [InlineData(2030, 4, "A7 FA")]   // 2030 + 12 = 2042 = 0x7FA
        [InlineData(300, 2, "A1 36")]    // 300 + 10 = 310 = 0x136
        [InlineData(248, 2, "A1 02")]    // 258: just past one byte
        public void Encode_LongInformation_SetsHighLengthBits(int informationCount, int serverSize, string format)
        {
            var frame = new HdlcFrame { Control = 0x10 };
            frame.SetAddresses(1, 17, serverSize, 16, HdlcAddress.NoLower, 1);
            byte[] info = ClientFrame.Pattern(informationCount, 3);
            var output = new byte[HdlcFrameCodec.GetWireLength(serverSize, 1, informationCount)];
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Encode(frame, info, 0, info.Length, output, 0, output.Length, out int written));
            Assert.Equal(output.Length, written);
            Assert.Equal(format, Hex.Format(output, 1, 2));

            var decoded = new HdlcFrame();
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Decode(output, 0, output.Length, HdlcFrameCodec.MaxFrameLength, decoded, out _));
            Assert.Equal(informationCount, decoded.InformationCount);
            Assert.Equal(Hex.Format(info), Hex.Format(output, decoded.InformationOffset, decoded.InformationCount));
        }

        [Fact]
        public void EncodeDecode_SegmentationBit_UsesA8()
        {
            var frame = new HdlcFrame { Control = 0x52, Segmented = true };
            frame.SetAddresses(16, HdlcAddress.NoLower, 1, 1, HdlcAddress.NoLower, 1);
            byte[] info = ClientFrame.Pattern(128, 1);
            var output = new byte[HdlcFrameCodec.GetWireLength(1, 1, info.Length)];
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Encode(frame, info, 0, info.Length, output, 0, output.Length, out _));
            // dlms-cosem trace: 128-byte segment from 03 to 21 starts 7E A8 89 21 03 52.
            Assert.Equal("7E A8 89 21 03 52", Hex.Format(output, 0, 6));
            var decoded = new HdlcFrame();
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Decode(output, 0, output.Length, HdlcFrameCodec.MaxFrameLength, decoded, out _));
            Assert.True(decoded.Segmented);
        }

        [Theory]
        // Each a Trace A/D frame with one byte changed.
        [InlineData("7E A0 08 02 23 21 93 BD 65 7E", HdlcStatus.BadHcs)]          // HCS
        [InlineData("7E A0 08 02 23 21 92 BD 64 7E", HdlcStatus.BadHcs)]          // control
        [InlineData("7E A0 16 21 02 23 52 09 A6 E6 E7 00 C4 01 C1 00 06 00 00 30 39 9D 03 7E", HdlcStatus.BadFcs)]  // FCS
        [InlineData("7E A0 16 21 02 23 52 09 A6 E6 E7 00 C4 01 C1 00 06 00 00 30 38 9D 02 7E", HdlcStatus.BadFcs)]  // info
        [InlineData("7E A0 08 02 23 21 93 BD 64 7F", HdlcStatus.BadFormat)]       // closing flag
        [InlineData("7F A0 08 02 23 21 93 BD 64 7E", HdlcStatus.BadFormat)]       // opening flag
        [InlineData("7E B0 08 02 23 21 93 BD 64 7E", HdlcStatus.BadFormat)]       // format type
        [InlineData("7E A0 06 02 23 21 93 BD 7E", HdlcStatus.BadFormat)]          // length below 7
        [InlineData("7E A0 07 02 23 21 93 BD 64 7E", HdlcStatus.BadFormat)]       // header longer than the frame
        [InlineData("7E A0 09 02 23 21 93 F9 6F 00 7E", HdlcStatus.BadFormat)]    // 1 byte after a good HCS: no room for FCS
        [InlineData("7E A0 0A 02 02 23 21 93 BD 64 00 7E", HdlcStatus.BadAddress)] // 3-byte destination
        [InlineData("7E A0 0A 02 23 20 00 21 93 00 00 7E", HdlcStatus.BadAddress)] // 3-byte source
        public void Decode_CorruptFrame_ReturnsReasonAndLeavesFrameUnchanged(string hex, HdlcStatus expected)
        {
            byte[] wire = Hex.Parse(hex);
            var frame = new HdlcFrame { Control = 0xAB, FrameLength = 99 };
            Assert.Equal(expected, HdlcFrameCodec.Decode(wire, 0, wire.Length, HdlcFrameCodec.MaxFrameLength, frame, out _));
            Assert.Equal(0xAB, frame.Control);
            Assert.Equal(99, frame.FrameLength);
        }

        [Fact]
        public void Decode_LengthAboveLimit_ReturnsTooLong()
        {
            byte[] wire = Hex.Parse("7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E");
            Assert.Equal(HdlcStatus.TooLong, HdlcFrameCodec.Decode(wire, 0, wire.Length, 0x19, new HdlcFrame(), out int wireLength));
            Assert.Equal(0x1C, wireLength);
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Decode(wire, 0, wire.Length, 0x1A, new HdlcFrame(), out _));
        }

        [Fact]
        public void Decode_EveryTruncation_ReturnsNeedMore()
        {
            // The Kmethy AARQ: 0x7E in the HCS must not end the frame early.
            byte[] wire = Hex.Parse("7E A0 2E 00 02 00 23 21 10 7E CB E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF D4 C5 7E");
            for (int count = 0; count < wire.Length; count++)
            {
                Assert.Equal(HdlcStatus.NeedMore, HdlcFrameCodec.Decode(wire, 0, count, HdlcFrameCodec.MaxFrameLength, new HdlcFrame(), out int wireLength));
                Assert.Equal(count >= 3 ? wire.Length : 0, wireLength);
            }
        }

        [Fact]
        public void Decode_BadHcsInPartialFrame_ReportedBeforeTheEnd()
        {
            byte[] wire = Hex.Parse("7E A0 2C 02 23 21 10 AF 9E");
            Assert.Equal(HdlcStatus.BadHcs, HdlcFrameCodec.Decode(wire, 0, wire.Length, HdlcFrameCodec.MaxFrameLength, new HdlcFrame(), out _));
        }

        [Fact]
        public void Decode_AtOffset_ReportsOffsetsIntoBuffer()
        {
            byte[] wire = Hex.Parse("55 55 55 7E A0 16 21 02 23 52 09 A6 E6 E7 00 C4 01 C1 00 06 00 00 30 39 9D 02 7E 55");
            var frame = new HdlcFrame();
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Decode(wire, 3, wire.Length - 3, HdlcFrameCodec.MaxFrameLength, frame, out _));
            Assert.Equal(3 + 9, frame.InformationOffset);
            Assert.Equal("E6 E7 00 C4 01 C1 00 06 00 00 30 39", Hex.Format(wire, frame.InformationOffset, frame.InformationCount));
        }

        [Fact]
        public void EncodeInPlace_InformationAlreadyInBuffer_FramesWithoutCopy()
        {
            // Trace D response: the LLC + APDU sits at offset 14; the header goes into the headroom.
            byte[] buffer = new byte[14 + 12 + 3];
            byte[] info = Hex.Parse("E6 E7 00 C4 01 C1 00 06 00 00 30 39");
            Array.Copy(info, 0, buffer, 14, info.Length);
            var frame = new HdlcFrame { Control = 0x52 };
            frame.SetAddresses(16, HdlcAddress.NoLower, 1, 1, 17, 2);
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.EncodeInPlace(frame, buffer, 14, info.Length, out int frameOffset, out int frameCount));
            Assert.Equal(14 - 9, frameOffset);
            Assert.Equal("7E A0 16 21 02 23 52 09 A6 E6 E7 00 C4 01 C1 00 06 00 00 30 39 9D 02 7E", Hex.Format(buffer, frameOffset, frameCount));
        }

        [Fact]
        public void EncodeInPlace_NoHeadroomOrTailroom_ReturnsBufferTooSmall()
        {
            var frame = new HdlcFrame { Control = 0x10 };
            frame.SetAddresses(1, 17, 2, 16, HdlcAddress.NoLower, 1);
            byte[] buffer = new byte[20];
            Assert.Equal(HdlcStatus.BufferTooSmall, HdlcFrameCodec.EncodeInPlace(frame, buffer, 8, 4, out _, out _));   // needs 9 in front
            Assert.Equal(HdlcStatus.BufferTooSmall, HdlcFrameCodec.EncodeInPlace(frame, buffer, 9, 9, out _, out _));   // needs 3 after
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.EncodeInPlace(frame, buffer, 9, 8, out _, out int count));
            Assert.Equal(20, count);
            Assert.Equal(new byte[20].Length, buffer.Length);
        }

        [Fact]
        public void Encode_BadAddressOrLength_WritesNothing()
        {
            var output = new byte[2100];
            var frame = new HdlcFrame { Control = 0x10 };
            frame.SetAddresses(200, 17, 2, 16, HdlcAddress.NoLower, 1);
            Assert.Equal(HdlcStatus.BadAddress, HdlcFrameCodec.Encode(frame, new byte[4], 0, 4, output, 0, output.Length, out int written));
            Assert.Equal(0, written);

            frame.SetAddresses(1, 17, 4, 16, 0, 4);
            Assert.Equal(HdlcStatus.TooLong, HdlcFrameCodec.Encode(frame, new byte[2040], 0, 2040, output, 0, output.Length, out written));
            Assert.Equal(0, written);

            frame.SetAddresses(1, 17, 2, 16, HdlcAddress.NoLower, 1);
            Assert.Equal(HdlcStatus.BufferTooSmall, HdlcFrameCodec.Encode(frame, new byte[4], 0, 4, output, 0, 15, out written)); // needs 16
            Assert.All(output, b => Assert.Equal(0, b));
        }
    }
}
