using System;
using System.Linq;
using DlmsDevice.Stack.Wrapper;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Wrapper.WrapperVectors;

namespace DlmsDevice.Tests.Wrapper
{
    public class WrapperServerChannelTests
    {
        private static (WrapperServerChannel Channel, RecordingApduHandler Handler, RecordingSink Sink) Create(int maxApduSize = 512, string response = GetResponseApdu)
        {
            var handler = new RecordingApduHandler { Response = Hex.Parse(response) };
            var sink = new RecordingSink();
            return (new WrapperServerChannel(maxApduSize, handler, sink), handler, sink);
        }

        private static WrapperStatus Feed(WrapperServerChannel channel, string hex)
        {
            byte[] bytes = Hex.Parse(hex);
            return channel.Receive(bytes, 0, bytes.Length);
        }

        [Fact]
        public void Receive_ProtocolGetVector_HandlerGetsApduAndReplyHasSwappedHeader()
        {
            var (channel, handler, sink) = Create();

            Assert.Equal(WrapperStatus.Ok, Feed(channel, GetRequest));

            Assert.Equal(new[] { "open 16 1", "apdu 16 1 " + GetApdu }, handler.Events);
            Assert.Equal(new[] { GetReply }, sink.Frames);
        }

        [Fact]
        public void Receive_Response_WrittenOnceFromTheHandlersBufferHeadroom()
        {
            var (channel, handler, sink) = Create(maxApduSize: 100);

            Feed(channel, GetRequest);

            // The handler wrote at offset 8 of the tx buffer with the configured limit; the sink
            // got that same array from offset 0: the header went into the headroom, no copy.
            Assert.Equal(8, handler.LastResponseOffset);
            Assert.Equal(100, handler.LastResponseMax);
            Assert.Same(handler.LastResponseBuffer, sink.LastBuffer);
            Assert.Equal(0, sink.LastOffset);
            Assert.Single(sink.Frames);
        }

        // A response the handler put further into its room (a ciphered one lies behind room for
        // its envelope) is framed where it lies: the header goes right in front of it.
        [Fact]
        public void Receive_ResponseStartingLater_HeaderInFrontOfItNoCopy()
        {
            var (channel, handler, sink) = Create(maxApduSize: 100);
            handler.StartShift = 5;

            Feed(channel, GetRequest);

            Assert.Equal(new[] { GetReply }, sink.Frames);
            Assert.Same(handler.LastResponseBuffer, sink.LastBuffer);
            Assert.Equal(5, sink.LastOffset);
        }

        [Theory]
        [InlineData(7)]    // in front of the room: where the header goes
        [InlineData(100)]  // the 9-byte response would end past the room (8 + 100)
        public void Receive_HandlerReportsStartOutsideItsRoom_Throws(int start)
        {
            var (channel, handler, _) = Create(maxApduSize: 100);
            handler.ReportedStart = start;

            Assert.Throws<InvalidOperationException>(() => Feed(channel, GetRequest));
        }

        [Fact]
        public void Receive_JdAarq_HandlerGets34BytesForWPorts16And17()
        {
            var (channel, handler, _) = Create();

            Assert.Equal(WrapperStatus.Ok, Feed(channel, JdAarq));

            string apdu = Hex.Format(Hex.Parse(JdAarq).Skip(8).ToArray());
            Assert.Equal(34, Hex.Parse(apdu).Length);
            Assert.Equal(new[] { "open 16 17", "apdu 16 17 " + apdu }, handler.Events);
        }

        // C>S wrapper frames of real clients (recorded traces, EndToEnd/Replay).
        [Theory]
        [InlineData("000100100001001F601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF")]              // gurux-net AARQ, no security
        [InlineData("00010011000100356033A1090607608574050801018A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F0400621E5DFFFF")] // gurux-net AARQ, LLS
        [InlineData("000100100001002B6029A109060760857405080101A60A0408757469476D4336B2BE10040E01000000065F1F040020525FFFFF")] // dlms-cosem AARQ with calling-AP-title
        [InlineData("000100100001000DC001C1000F0000280000FF0200")]                                                  // GET object list
        [InlineData("0001001000010007C002C100000001")]                                                              // GET-Request-Next
        [InlineData("0001001100010022C003C10300030100010800FF020000030100010800FF030000080000010000FF0200")]         // GET-with-list
        [InlineData("0001001100010040C001C100070100630100FF0201010204020412000809060000010000FF0F02120000090C07EA0B19FF000000FF000000090C07EB0B19FF000000000000000100")] // PG by range
        [InlineData("000100190001005F605DA109060760857405080103A60A040847757275783132338A0207808B0760857405080205AC1280100C2560774A0535341A6F6D5C1E2E5B24BE230421211F3000000000CB7AB52BB0A3C68CC30A412621FF7903A86E3631B09B7D04455C")] // HLS-GMAC AARQ
        [InlineData("0001001900010029DB0847757275783132331E300000000322F7091E73B059FE30D71A90C4BBD75E8E2F1A09765F26E31C")] // general-glo-ciphering GET
        [InlineData("0001001900010007E0810001000100")]                                                              // GBT ack
        [InlineData("00010010000100056203800100")]                                                                  // RLRQ
        public void Receive_TraceFrame_HandlerGetsPayloadAndWPorts(string frameHex)
        {
            byte[] frame = Hex.Parse(frameHex);
            int source = (frame[2] << 8) | frame[3];
            int destination = (frame[4] << 8) | frame[5];
            Assert.Equal(frame.Length - 8, (frame[6] << 8) | frame[7]);
            var (channel, handler, sink) = Create();

            Assert.Equal(WrapperStatus.Ok, channel.Receive(frame, 0, frame.Length));

            Assert.Equal(new[] { "open " + source + " " + destination, "apdu " + source + " " + destination + " " + Hex.Format(frame, 8, frame.Length - 8) }, handler.Events);
            Assert.Equal(new[] { "00 01 " + Hex.Format(frame, 4, 2) + " " + Hex.Format(frame, 2, 2) + " 00 09 " + GetResponseApdu }, sink.Frames);
        }

        [Fact]
        public void Receive_ByteByByte_SameResultAsWholeFrame()
        {
            var (channel, handler, sink) = Create();
            byte[] frame = Hex.Parse(GetRequest);

            for (int i = 0; i < frame.Length; i++)
            {
                Assert.Equal(WrapperStatus.Ok, channel.Receive(frame, i, 1));
                Assert.Equal(i == frame.Length - 1 ? 1 : 0, sink.Frames.Count); // nothing before the last byte
            }

            Assert.Equal(new[] { "open 16 1", "apdu 16 1 " + GetApdu }, handler.Events);
            Assert.Equal(new[] { GetReply }, sink.Frames);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        [InlineData(20)]
        public void Receive_SplitAtAnyPoint_OneApdu(int split)
        {
            var (channel, handler, sink) = Create();
            byte[] frame = Hex.Parse(GetRequest);

            Assert.Equal(WrapperStatus.Ok, channel.Receive(frame, 0, split));
            Assert.Empty(sink.Frames);
            Assert.Equal(WrapperStatus.Ok, channel.Receive(frame, split, frame.Length - split));

            Assert.Equal(new[] { "open 16 1", "apdu 16 1 " + GetApdu }, handler.Events);
            Assert.Equal(new[] { GetReply }, sink.Frames);
        }

        [Fact]
        public void Receive_SeveralFramesAndAPartOneInOneRead_EachHandledInOrder()
        {
            var (channel, handler, sink) = Create();
            byte[] data = Hex.Parse(GetRequest + " 0001001000010007C002C100000001 00010010000100056203800100 00 01 00 10");

            Assert.Equal(WrapperStatus.Ok, channel.Receive(data, 0, data.Length));

            Assert.Equal(new[]
            {
                "open 16 1",
                "apdu 16 1 " + GetApdu,
                "apdu 16 1 C0 02 C1 00 00 00 01",
                "apdu 16 1 62 03 80 01 00",
            }, handler.Events);
            Assert.Equal(3, sink.Frames.Count);

            // The last 4 bytes started a fourth frame: completing it dispatches it.
            Assert.Equal(WrapperStatus.Ok, Feed(channel, "00 01 00 05 62 03 80 01 00"));
            Assert.Equal("apdu 16 1 62 03 80 01 00", handler.Events.Last());
            Assert.Equal(4, sink.Frames.Count);
        }

        [Fact]
        public void Receive_NewWPortPair_OpensANewLink()
        {
            var (channel, handler, _) = Create();

            Feed(channel, "00 01 00 10 00 01 00 01 AA");
            Feed(channel, "00 01 00 10 00 01 00 01 BB");
            Feed(channel, "00 01 00 11 00 01 00 01 CC");
            Feed(channel, "00 01 00 11 00 02 00 01 DD");

            Assert.Equal(new[]
            {
                "open 16 1", "apdu 16 1 AA", "apdu 16 1 BB",
                "open 17 1", "apdu 17 1 CC",
                "open 17 2", "apdu 17 2 DD",
            }, handler.Events);
        }

        [Fact]
        public void Close_AfterAFrame_LinkClosedOnce()
        {
            var (channel, handler, _) = Create();
            Feed(channel, GetRequest);

            channel.Close();
            channel.Close();

            Assert.Equal(new[] { "open 16 1", "apdu 16 1 " + GetApdu, "close" }, handler.Events);
            Assert.False(channel.IsLinkOpen);
        }

        [Fact]
        public void Close_WithoutAFrame_NoLinkClosed()
        {
            var (channel, handler, _) = Create();
            Feed(channel, "00 01 00 10"); // half a header never opens a link

            channel.Close();

            Assert.Empty(handler.Events);
        }

        [Fact]
        public void Close_DiscardsAPartialFrame_NextConnectionStartsClean()
        {
            var (channel, handler, sink) = Create();
            Feed(channel, "00 01 00 10 00 01 00 0D C0 01");

            channel.Close();
            Assert.Equal(WrapperStatus.Ok, Feed(channel, GetRequest));

            Assert.Equal(new[] { "open 16 1", "apdu 16 1 " + GetApdu }, handler.Events);
            Assert.Equal(new[] { GetReply }, sink.Frames);
        }

        [Theory]
        [InlineData("10 01 00 10 00 11 00 22")]     // JD illegalVersionTest
        [InlineData("00 02 00 10 00 01 00 01 AA")]
        [InlineData("7E A0 07 03 21 93 0F 01 7E")]  // HDLC SNRM on the wrapper port
        public void Receive_BadVersion_StopsUntilClose(string hex)
        {
            var (channel, handler, sink) = Create();

            Assert.Equal(WrapperStatus.BadVersion, Feed(channel, hex));
            Assert.Equal(WrapperStatus.BadVersion, channel.Status);
            // A valid frame afterwards is not processed: the stream cannot be re-synchronised.
            Assert.Equal(WrapperStatus.BadVersion, Feed(channel, GetRequest));
            Assert.Empty(handler.Events);
            Assert.Empty(sink.Frames);

            channel.Close();
            Assert.Equal(WrapperStatus.Ok, channel.Status);
            Assert.Equal(WrapperStatus.Ok, Feed(channel, GetRequest));
            Assert.Equal(new[] { GetReply }, sink.Frames);
        }

        [Fact]
        public void Receive_BadVersionAfterAGoodFrame_GoodFrameAnsweredThenStopped()
        {
            var (channel, handler, sink) = Create();

            Assert.Equal(WrapperStatus.BadVersion, Feed(channel, GetRequest + " 00 02 00 10 00 01 00 01 AA " + GetRequest));

            Assert.Equal(new[] { "open 16 1", "apdu 16 1 " + GetApdu }, handler.Events);
            Assert.Single(sink.Frames);
            Assert.True(channel.IsLinkOpen);
            channel.Close();
            Assert.Equal("close", handler.Events.Last());
        }

        // Green Book Exception-Response: state-error service-not-allowed (1), service-error
        // pdu-too-long (4), from wPort 1 back to wPort 16.
        private const string PduTooLongReply = "00 01 00 01 00 10 00 03 D8 01 04";

        [Fact]
        public void Receive_LengthAboveMaxApduSize_SkippedAndAnsweredPduTooLong()
        {
            var (channel, handler, sink) = Create(maxApduSize: 12);

            // Trace D's GET is 13 bytes: one more than allowed. The header is valid, so its length
            // tells where the next frame starts: the APDU is skipped, not handed up.
            Assert.Equal(WrapperStatus.Ok, Feed(channel, "00 01 00 10 00 01 00 0D"));
            Assert.Empty(sink.Frames); // answered once the announced bytes are through
            Assert.Equal(WrapperStatus.Ok, Feed(channel, GetApdu));

            Assert.Equal(new[] { "too-long 16 1" }, handler.Events); // the request itself never reaches it
            Assert.Equal(new[] { PduTooLongReply }, sink.Frames);
            Assert.Equal(WrapperStatus.Ok, channel.Status);
        }

        [Fact]
        public void Receive_OverLongApduThenGoodFrameInOneRead_BothAnswered()
        {
            var (channel, handler, sink) = Create(maxApduSize: 12);
            byte[] shortGet = Hex.Parse("00 01 00 10 00 01 00 0C C0 01 C1 00 03 01 00 01 08 00 FF 02");

            Assert.Equal(WrapperStatus.Ok, Feed(channel, GetRequest + " " + Hex.Format(shortGet)));

            Assert.Equal(new[] { "too-long 16 1", "open 16 1", "apdu 16 1 C0 01 C1 00 03 01 00 01 08 00 FF 02" }, handler.Events);
            Assert.Equal(new[] { PduTooLongReply, GetReply }, sink.Frames);
        }

        [Fact]
        public void Receive_OverLongApduByteByByte_AnsweredAfterItsLastByte()
        {
            var (channel, _, sink) = Create(maxApduSize: 12);
            byte[] frame = Hex.Parse(GetRequest);

            for (int i = 0; i < frame.Length; i++)
            {
                Assert.Equal(WrapperStatus.Ok, channel.Receive(frame, i, 1));
                Assert.Equal(i == frame.Length - 1 ? 1 : 0, sink.Frames.Count);
            }

            Assert.Equal(new[] { PduTooLongReply }, sink.Frames);
        }

        [Fact]
        public void Receive_OverLongApduWithMaxBelowThree_ExceptionStillFits()
        {
            var (channel, handler, sink) = Create(maxApduSize: 1);

            Assert.Equal(WrapperStatus.Ok, Feed(channel, "00 01 00 10 00 01 00 02 AA BB"));

            Assert.Equal(new[] { "too-long 16 1" }, handler.Events);
            Assert.Equal(new[] { PduTooLongReply }, sink.Frames);
        }

        [Fact]
        public void Close_WhileSkippingAnOverLongApdu_NextConnectionStartsClean()
        {
            var (channel, _, sink) = Create(maxApduSize: 12);
            Feed(channel, "00 01 00 10 00 01 00 0D C0 01");

            channel.Close();
            Assert.Equal(WrapperStatus.Ok, Feed(channel, "00 01 00 10 00 01 00 01 AA"));

            Assert.Equal(new[] { "00 01 00 01 00 10 00 09 " + GetResponseApdu }, sink.Frames);
        }

        [Fact]
        public void Receive_LengthEqualToMaxApduSize_Accepted()
        {
            var (channel, handler, sink) = Create(maxApduSize: 13);

            Assert.Equal(WrapperStatus.Ok, Feed(channel, GetRequest));

            Assert.Equal("apdu 16 1 " + GetApdu, handler.Events.Last());
            Assert.Equal(new[] { GetReply }, sink.Frames);
        }

        [Fact]
        public void Receive_LengthFFFF_PduTooLongEvenAtTheLargestMax()
        {
            var (channel, handler, sink) = Create(maxApduSize: 0xFFFE);

            Assert.Equal(WrapperStatus.Ok, Feed(channel, "00 01 00 10 00 01 FF FF"));
            Assert.Equal(WrapperStatus.Ok, channel.Receive(new byte[0xFFFF], 0, 0xFFFF));

            Assert.Equal(new[] { "too-long 16 1" }, handler.Events);
            Assert.Equal(new[] { PduTooLongReply }, sink.Frames);
        }

        [Fact]
        public void Receive_ZeroLengthApdu_IgnoredAndStreamContinues()
        {
            var (channel, handler, sink) = Create();

            Assert.Equal(WrapperStatus.Ok, Feed(channel, "00 01 00 10 00 01 00 00"));
            Assert.Empty(handler.Events);   // no link, no APDU
            Assert.Empty(sink.Frames);      // no reply
            Assert.False(channel.IsLinkOpen);

            Assert.Equal(WrapperStatus.Ok, Feed(channel, "00 01 00 10 00 01 00 00 " + GetRequest));
            Assert.Equal(new[] { "open 16 1", "apdu 16 1 " + GetApdu }, handler.Events);
            Assert.Equal(new[] { GetReply }, sink.Frames);
        }

        [Fact]
        public void Receive_HandlerReturnsZero_NothingSent()
        {
            var (channel, handler, sink) = Create(response: "");

            Assert.Equal(WrapperStatus.Ok, Feed(channel, GetRequest));

            Assert.Equal(2, handler.Events.Count);
            Assert.Empty(sink.Frames);
        }

        [Fact]
        public void Receive_MaximumSizeResponse_SentWhole()
        {
            string response = string.Join(" ", Enumerable.Range(0, 16).Select(i => i.ToString("X2")));
            var (channel, _, sink) = Create(maxApduSize: 16, response: response);

            Feed(channel, "00 01 00 10 00 01 00 01 AA");

            Assert.Equal(new[] { "00 01 00 01 00 10 00 10 " + response }, sink.Frames);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(17)]
        public void Receive_HandlerBreaksLengthContract_Throws(int returned)
        {
            var (channel, handler, sink) = Create(maxApduSize: 16);
            handler.ReturnedLength = returned;

            Assert.Throws<InvalidOperationException>(() => Feed(channel, "00 01 00 10 00 01 00 01 AA"));
            Assert.Empty(sink.Frames);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(0x10000)]
        public void Constructor_MaxApduSizeOutOfRange_Throws(int maxApduSize)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WrapperServerChannel(maxApduSize, new RecordingApduHandler(), new RecordingSink()));
            // Portable code throws without message or parameter name strings (STYLE.md: they cost flash).
            Assert.Null(ex.ParamName);
        }

        [Fact]
        public void Constructor_NullHandlerOrSink_Throws()
        {
            Assert.Null(Assert.Throws<ArgumentNullException>(() => new WrapperServerChannel(16, null!, new RecordingSink())).ParamName);
            Assert.Null(Assert.Throws<ArgumentNullException>(() => new WrapperServerChannel(16, new RecordingApduHandler(), null!)).ParamName);
        }

        [Fact]
        public void Receive_EmptyRead_NoEffect()
        {
            var (channel, handler, sink) = Create();

            Assert.Equal(WrapperStatus.Ok, channel.Receive(new byte[4], 2, 0));

            Assert.Empty(handler.Events);
            Assert.Empty(sink.Frames);
        }
    }
}
