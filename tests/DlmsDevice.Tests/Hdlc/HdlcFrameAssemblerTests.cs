using System;
using System.Collections.Generic;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    public class HdlcFrameAssemblerTests
    {
        // Trace A/D client and server frames (docs/interop.md).
        private const string Snrm = "7E A0 08 02 23 21 93 BD 64 7E";
        private const string Aarq = "7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E";
        private const string Get = "7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E";
        private const string Disc = "7E A0 08 02 23 21 53 B1 A2 7E";
        private const string Ua = "7E A0 1F 21 02 23 73 E6 C7 81 80 12 05 01 9A 06 01 9A 07 04 00 00 00 01 08 04 00 00 00 01 CC A2 7E";
        // Kmethy AARQ: HCS 7E CB.
        private const string KmethyAarq = "7E A0 2E 00 02 00 23 21 10 7E CB E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF D4 C5 7E";

        private static List<string> Feed(HdlcFrameAssembler assembler, byte[] data, int chunk)
        {
            var frames = new List<string>();
            int position = 0;
            while (true)
            {
                while (assembler.HasFrame)
                {
                    frames.Add(Hex.Format(assembler.Buffer, assembler.FrameOffset, assembler.FrameWireLength));
                    assembler.ReleaseFrame();
                }
                if (position >= data.Length)
                {
                    break;
                }
                int count = Math.Min(chunk, data.Length - position);
                int used = assembler.Append(data, position, count);
                Assert.True(used > 0 || assembler.HasFrame);
                position += used;
            }
            return frames;
        }

        private static List<string> Feed(string hex, int chunk = 1000, int maxFrameLength = HdlcFrameCodec.MaxFrameLength)
        {
            return Feed(new HdlcFrameAssembler(maxFrameLength), Hex.Parse(hex), chunk);
        }

        private static string WithoutClosingFlag(string frame) => frame.Substring(0, frame.Length - 3);

        [Fact]
        public void Append_OneFrame_DeliversItWithHeader()
        {
            var assembler = new HdlcFrameAssembler(HdlcFrameCodec.MaxFrameLength);
            byte[] data = Hex.Parse(Get);
            Assert.Equal(data.Length, assembler.Append(data, 0, data.Length));
            Assert.True(assembler.HasFrame);
            Assert.Equal(0x32, assembler.Frame.Control);
            Assert.Equal(16, assembler.Frame.InformationCount);
            Assert.Equal("E6 E6 00 C0", Hex.Format(assembler.Buffer, assembler.Frame.InformationOffset, 4));
            Assert.Equal(0, assembler.Append(data, 0, data.Length));   // must be released first
            assembler.ReleaseFrame();
            Assert.False(assembler.HasFrame);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(13)]
        [InlineData(64)]
        [InlineData(10000)]
        public void Append_SessionInChunks_DeliversEveryFrame(int chunk)
        {
            string stream = Snrm + " " + Aarq + " " + KmethyAarq + " " + Get + " " + Disc;
            Assert.Equal(new[] { Snrm, Aarq, KmethyAarq, Get, Disc }, Feed(stream, chunk).ToArray());
        }

        [Theory]
        [InlineData(1)]
        [InlineData(1000)]
        public void Append_BackToBackFramesSharingOneFlag_DeliversBoth(int chunk)
        {
            // 7E ...frame1... 7E ...frame2... 7E: the closing flag of one opens the next.
            string stream = WithoutClosingFlag(Aarq) + " " + WithoutClosingFlag(Get) + " " + Disc;
            Assert.Equal(new[] { Aarq, Get, Disc }, Feed(stream, chunk).ToArray());
        }

        [Fact]
        public void Append_RepeatedFlagsBetweenFrames_AreSkipped()
        {
            string stream = "7E 7E 7E " + Snrm + " 7E 7E " + Disc + " 7E";
            Assert.Equal(new[] { Snrm, Disc }, Feed(stream, 1).ToArray());
        }

        [Theory]
        [InlineData(1)]
        [InlineData(1000)]
        public void Append_NoiseAroundFrames_IsDropped(int chunk)
        {
            string stream = "00 FF 13 A0 " + Snrm + " 55 7E A0 7E 12 " + Aarq + " 7E A8 FF 02 23 " + Get + " 7E A0";
            Assert.Equal(new[] { Snrm, Aarq, Get }, Feed(stream, chunk).ToArray());
        }

        [Fact]
        public void Append_SevenEInsideFrames_DoesNotSplitThem()
        {
            string stream = KmethyAarq + " " + HdlcFrameCodecTests.LongFrame + " " + Get;
            var frames = Feed(stream, 1);
            Assert.Equal(3, frames.Count);
            Assert.Equal(KmethyAarq, frames[0]);
            Assert.Equal(HdlcFrameCodecTests.LongFrame, frames[1].Replace(" ", ""));
            Assert.Equal(Get, frames[2]);
        }

        [Theory]
        [InlineData("7E A0 08 02 23 21 93 BD 65 7E", true)]                       // bad HCS (no info)
        [InlineData("7E A0 2C 02 23 21 10 AF 9E E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E", true)] // bad HCS
        [InlineData("7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E5 7E", true)] // bad FCS
        [InlineData("7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1C FF FF C5 E4 7E", true)] // corrupted info
        [InlineData("7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7F", false)] // no closing flag (a shared-flag variant would repair it)
        public void Append_CorruptFrameThenGoodFrame_DropsOnlyTheCorruptOne(string corrupt, bool sharedFlagToo)
        {
            var assembler = new HdlcFrameAssembler(HdlcFrameCodec.MaxFrameLength);
            // Separate flags and a shared flag.
            Assert.Equal(new[] { Get }, Feed(assembler, Hex.Parse(corrupt + " " + Get), 1).ToArray());
            Assert.True(assembler.DroppedCount >= 1);
            if (sharedFlagToo)
            {
                Assert.Equal(new[] { Get }, Feed(assembler, Hex.Parse(WithoutClosingFlag(corrupt) + " " + Get), 5).ToArray());
                Assert.True(assembler.DroppedCount >= 2);
            }
        }

        [Fact]
        public void Append_TruncatedFrameThenGoodFrame_RecoversTheGoodFrame()
        {
            // The line lost the end of the AARQ; the next frame's bytes first complete the
            // candidate (which then fails), then are found again inside the buffer.
            string truncated = Aarq.Substring(0, 20 * 3);
            Assert.Equal(new[] { Get, Disc }, Feed(truncated + " " + Get + " " + Disc, 1).ToArray());
        }

        [Fact]
        public void Append_FrameAboveLimit_IsDroppedAndNextFrameDelivered()
        {
            // Limit 0x1A: the GET (length 0x1A) fits, the AARQ (0x2C) does not.
            Assert.Equal(new[] { Get, Snrm }, Feed(Aarq + " " + Get + " " + Snrm, 1, 0x1A).ToArray());
            Assert.Equal(new[] { Get }, Feed(Get, 1000, 0x1A).ToArray());
            Assert.Empty(Feed(Get, 1000, 0x19));
        }

        [Fact]
        public void Append_MaximumInformationLength_DeliversElevenBitFrame()
        {
            // 2030-byte information field with 4-byte server address: length field 2042.
            var frame = new HdlcFrame { Control = 0x10 };
            frame.SetAddresses(1, 17, 4, 16, HdlcAddress.NoLower, 1);
            byte[] info = ClientFrame.Pattern(2030, 0x7E);
            var wire = new byte[HdlcFrameCodec.GetWireLength(4, 1, 2030)];
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Encode(frame, info, 0, info.Length, wire, 0, wire.Length, out _));
            byte[] stream = ClientFrame.Concat(Hex.Parse("01 02 03"), wire, Hex.Parse(Disc));

            var assembler = new HdlcFrameAssembler(2042);
            var frames = Feed(assembler, stream, 97);
            Assert.Equal(2, frames.Count);
            Assert.Equal(Hex.Format(wire), frames[0]);
            Assert.Equal(Disc, frames[1]);
        }

        [Fact]
        public void Append_RandomNoiseBetweenFrames_DeliversEveryFrameInOrder()
        {
            var random = new Random(12345);
            string[] frames = { Snrm, Ua, Aarq, KmethyAarq, Get, Disc };
            var stream = new List<byte>();
            var expected = new List<string>();
            for (int round = 0; round < 200; round++)
            {
                var noise = new byte[random.Next(0, 40)];
                random.NextBytes(noise);
                // Make flags and format bytes common in the noise: it must survive fake headers.
                for (int i = 0; i < noise.Length; i++)
                {
                    if (random.Next(4) == 0) noise[i] = 0x7E;
                    else if (random.Next(4) == 0) noise[i] = 0xA0;
                }
                stream.AddRange(noise);
                string frame = frames[random.Next(frames.Length)];
                stream.AddRange(Hex.Parse(frame));
                expected.Add(frame);
            }
            // A trailing flag run cannot complete anything.
            var assembler = new HdlcFrameAssembler(HdlcFrameCodec.MaxFrameLength);
            Assert.Equal(expected, Feed(assembler, stream.ToArray(), 1 + random.Next(30)));
        }

        [Theory]
        [InlineData(Get, 1, 2)]          // byte by byte: header judged once, then the whole frame
        [InlineData(Get, 5, 2)]
        [InlineData(Get, 1000, 1)]       // all at once: one decode
        [InlineData(KmethyAarq, 1, 2)]   // 4-byte server address, 7E inside the HCS
        [InlineData(Ua, 3, 2)]
        [InlineData(Snrm, 1, 1)]         // no information field: the header is the frame
        public void Append_FrameInPieces_CodecCalledOnceForTheHeaderAndOnceForTheFrame(string frame, int chunk, int decodes)
        {
            var assembler = new HdlcFrameAssembler(HdlcFrameCodec.MaxFrameLength);

            Assert.Equal(new[] { frame }, Feed(assembler, Hex.Parse(frame), chunk));

            // Before, the assembler asked for one byte at a time up to 14 bytes and decoded (and
            // recomputed the HCS) at each: 16 calls for the GET frame, fed whole or byte by byte.
            Assert.Equal(decodes, assembler.DecodeCount);
        }

        [Fact]
        public void Append_BadHcs_DroppedAsSoonAsTheHeaderIsIn()
        {
            var assembler = new HdlcFrameAssembler(HdlcFrameCodec.MaxFrameLength);
            byte[] frame = Hex.Parse(Get);
            frame[8] ^= 0x01; // HCS

            for (int i = 0; i < 9; i++)
            {
                assembler.Append(frame, i, 1);
                Assert.Equal(i == 8 ? 1 : 0, assembler.DroppedCount);
            }
            Assert.Equal(1, assembler.DecodeCount);
        }

        [Fact]
        public void Reset_DiscardsPartialFrame()
        {
            var assembler = new HdlcFrameAssembler(HdlcFrameCodec.MaxFrameLength);
            byte[] data = Hex.Parse(Aarq);
            Assert.Equal(20, assembler.Append(data, 0, 20));
            assembler.Reset();
            // The rest of the AARQ alone is not a frame; the GET after it is.
            Assert.Equal(new[] { Get }, Feed(assembler, ClientFrame.Concat(ClientFrame.Slice(data, 20, data.Length - 21), Hex.Parse(Get)), 1).ToArray());
        }

        [Theory]
        [InlineData(6)]
        [InlineData(2048)]
        public void Constructor_LimitOutOfRange_Throws(int maxFrameLength)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new HdlcFrameAssembler(maxFrameLength));
        }
    }
}
