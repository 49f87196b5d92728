using System;
using System.Linq;
using DlmsDevice.Stack.Wrapper;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Wrapper.WrapperVectors;

namespace DlmsDevice.Tests.Wrapper
{
    public class WrapperDatagramTests
    {
        private static (WrapperStatus Status, int Count, byte[] Response, RecordingApduHandler Handler) Handle(
            string datagramHex, int maxApduSize = 512, int responseSize = 600, int responseOffset = 0, string response = GetResponseApdu)
        {
            var (status, _, count, buffer, handler) = HandleAt(datagramHex, new RecordingApduHandler { Response = Hex.Parse(response) },
                maxApduSize, responseSize, responseOffset);
            return (status, count, buffer, handler);
        }

        private static (WrapperStatus Status, int ReplyOffset, int Count, byte[] Response, RecordingApduHandler Handler) HandleAt(
            string datagramHex, RecordingApduHandler handler, int maxApduSize = 512, int responseSize = 600, int responseOffset = 0)
        {
            byte[] datagram = Hex.Parse("EE " + datagramHex); // at offset 1
            byte[] buffer = new byte[responseSize];
            WrapperStatus status = WrapperDatagram.Handle(handler, maxApduSize, datagram, 1, datagram.Length - 1, buffer, responseOffset,
                out int replyOffset, out int count);
            return (status, replyOffset, count, buffer, handler);
        }

        [Fact]
        public void Handle_ProtocolGetVector_ReplyDatagram()
        {
            var (status, replyOffset, count, response, handler) = HandleAt(GetRequest, new RecordingApduHandler { Response = Hex.Parse(GetResponseApdu) }, responseOffset: 3);

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal(3, replyOffset);
            Assert.Equal(GetReply, Hex.Format(response, 3, count));
            Assert.Equal(new[] { "apdu 16 1 " + GetApdu }, handler.Events); // no LinkOpened over UDP
            Assert.Equal(11, handler.LastResponseOffset);
        }

        // A response the handler put further into its room (a ciphered one lies behind room for
        // its envelope) gets its header right in front of it: the reply starts there, nothing moved.
        [Fact]
        public void Handle_ResponseStartsLater_HeaderInFrontOfItWhereItLies()
        {
            var handler = new RecordingApduHandler { Response = Hex.Parse(GetResponseApdu), StartShift = 5 };
            var (status, replyOffset, count, response, _) = HandleAt(GetRequest, handler, responseOffset: 3);

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal(8, replyOffset);
            Assert.Equal(GetReply, Hex.Format(response, replyOffset, count));
            Assert.Equal(new byte[5], response.AsSpan(3, 5).ToArray()); // the room in front of the reply is left alone
        }

        [Theory]
        [InlineData(-1)]   // before the room: over the header's place
        [InlineData(508)]  // the 9-byte response would end past the room (8 + 512)
        public void Handle_HandlerReportsStartOutsideItsRoom_Throws(int shift)
        {
            var handler = new RecordingApduHandler { Response = Hex.Parse(GetResponseApdu) };
            handler.ReportedStart = 8 + shift;
            byte[] datagram = Hex.Parse(GetRequest);

            Assert.Throws<InvalidOperationException>(() =>
                WrapperDatagram.Handle(handler, 512, datagram, 0, datagram.Length, new byte[520], 0, out _, out _));
        }

        [Fact]
        public void Handle_UdpPushFrameFromDlmsCosem_ApduPassedInPlace()
        {
            // DC tests/test_udp_message.py header; the APDU bytes here are only filler of the announced length.
            string apdu = string.Join(" ", Enumerable.Range(0, 70).Select(i => i.ToString("X2")));
            var (status, _, _, handler) = Handle("00 01 00 01 00 01 00 46 " + apdu);

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal(new[] { "apdu 1 1 " + apdu }, handler.Events);
        }

        [Theory]
        [InlineData("00 01 00 10 00 01 00", WrapperStatus.NeedMore)]
        [InlineData("00 02 00 10 00 01 00 01 AA", WrapperStatus.BadVersion)]
        [InlineData("00 01 00 10 00 01 00 02 AA", WrapperStatus.LengthMismatch)]       // truncated
        [InlineData("00 01 00 10 00 01 00 01 AA BB", WrapperStatus.LengthMismatch)]    // trailing bytes
        [InlineData("00 01 00 10 00 01 00 11 " + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", WrapperStatus.LengthMismatch)] // announces 17, carries 16
        public void Handle_BadDatagram_StatusAndNoHandlerCall(string hex, WrapperStatus expected)
        {
            var (status, count, _, handler) = Handle(hex, maxApduSize: 16);

            Assert.Equal(expected, status);
            Assert.Equal(0, count);
            Assert.Empty(handler.Events);
        }

        [Fact]
        public void Handle_ApduLongerThanMax_AnsweredPduTooLongWithoutTheRequest()
        {
            // 17-byte APDU, limit 16: ExceptionResponse service-not-allowed / pdu-too-long, ports swapped.
            var (status, count, response, handler) = Handle("00 01 00 10 00 01 00 11 " + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", maxApduSize: 16);

            Assert.Equal(WrapperStatus.ApduTooLong, status);
            Assert.Equal("00 01 00 01 00 10 00 03 D8 01 04", Hex.Format(response, 0, count));
            Assert.Equal(new[] { "too-long 16 1" }, handler.Events);
        }

        [Fact]
        public void Handle_ZeroLengthApdu_IgnoredNoReply()
        {
            var (status, count, _, handler) = Handle("00 01 00 10 00 01 00 00");

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal(0, count);
            Assert.Empty(handler.Events);
        }

        [Fact]
        public void Handle_SmallResponseBuffer_HandlerLimitedToIt()
        {
            var (status, count, _, handler) = Handle(GetRequest, responseSize: 20, responseOffset: 2);

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal(10, handler.LastResponseMax); // 20 - 2 - 8 header bytes
            Assert.Equal(17, count);
        }

        [Fact]
        public void Handle_NoRoomForHeader_BufferTooSmall()
        {
            var (status, count, _, handler) = Handle(GetRequest, responseSize: 8);

            Assert.Equal(WrapperStatus.BufferTooSmall, status);
            Assert.Equal(0, count);
            Assert.Empty(handler.Events);
        }

        [Fact]
        public void Handle_HandlerReturnsZero_NoReply()
        {
            var (status, count, _, _) = Handle(GetRequest, response: "");

            Assert.Equal(WrapperStatus.Ok, status);
            Assert.Equal(0, count);
        }

        [Fact]
        public void Handle_HandlerExceedsLimit_Throws()
        {
            var handler = new RecordingApduHandler { Response = new byte[4], ReturnedLength = 5 };
            byte[] datagram = Hex.Parse("00 01 00 10 00 01 00 01 AA");

            Assert.Throws<InvalidOperationException>(() =>
                WrapperDatagram.Handle(handler, 4, datagram, 0, datagram.Length, new byte[64], 0, out _, out _));
        }
    }
}
