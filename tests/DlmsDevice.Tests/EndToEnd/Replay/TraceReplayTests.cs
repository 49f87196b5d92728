using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;
using Xunit.Abstractions;

namespace DlmsDevice.Tests.EndToEnd.Replay
{
    /// <summary>
    /// Session 1 of each reference client (Gurux.DLMS.Net, GuruxDLMS.c, dlms-cosem), replayed
    /// against the default meter over the real sockets. Wrapper sessions are sent byte for byte.
    /// HDLC sessions carry the trace's APDUs through the client's HDLC link, because the
    /// trace's RR frames and sequence numbers follow the other server's segmentation; the
    /// link frames that do not depend on it (SNRM, the first I-frame with the AARQ, DISC) are
    /// checked to be byte-identical to the trace's.
    /// </summary>
    public sealed class TraceReplayTests : IDisposable
    {
        private readonly MeterHarness _meter = MeterHarness.Start();
        private readonly ITestOutputHelper _output;

        public TraceReplayTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            _meter.Dispose();
        }

        public static IEnumerable<object[]> WrapperSessions()
        {
            yield return new object[] { "gurux-net", TraceRequests.GuruxNetWrapper };
            yield return new object[] { "gurux-c", TraceRequests.GuruxCWrapper };
            yield return new object[] { "dlms-cosem", TraceRequests.DlmsCosemWrapper };
        }

        public static IEnumerable<object[]> HdlcSessions()
        {
            yield return new object[] { "gurux-net", TraceRequests.GuruxNetHdlc };
            yield return new object[] { "gurux-c", TraceRequests.GuruxCHdlc };
            yield return new object[] { "dlms-cosem", TraceRequests.DlmsCosemHdlc };
        }

        [Theory]
        [MemberData(nameof(WrapperSessions))]
        public async Task Wrapper_Session1Requests_EveryReplyAsExpected(string client, string[] frames)
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(_meter.Emulator.WrapperEndPoint!);
            ReplyExpectations expectations = new ReplyExpectations();

            for (int i = 0; i < frames.Length; i++)
            {
                byte[] request = Hex.Parse(frames[i]);
                await socket.SendAsync(request, SocketFlags.None);
                byte[] reply = await ReadWrapperFrameAsync(socket);
                Assert.Equal("0001" + "0001" + frames[i].Substring(4, 4), Convert.ToHexString(reply, 0, 6)); // v1, wPort 1 -> client
                expectations.Check(request[8..], reply[8..], client + " frame " + i);
            }

            expectations.Log.ForEach(_output.WriteLine);
            Assert.Equal(57, expectations.ObjectListCount);
            Assert.Equal(10, expectations.Log.Count);
        }

        [Theory]
        [MemberData(nameof(HdlcSessions))]
        public async Task Hdlc_Session1Apdus_EveryReplyAsExpectedAndLinkFramesIdentical(string client, string[] frames)
        {
            List<byte[]> sent = new List<byte[]>();
            DlmsClientOptions options = _meter.Options(TransportKind.Hdlc) with
            {
                ServerPhysical = null, // the traces address the server with 1 byte: 03
                FrameTrace = (direction, frame) =>
                {
                    if (direction == FrameDirection.Sent)
                    {
                        sent.Add(frame);
                    }
                },
            };
            ReplyExpectations expectations = new ReplyExpectations();
            DlmsClient link = await _meter.ConnectAsync(options);
            string firstIFrame = "";
            int apdus = 0;

            foreach (string line in frames)
            {
                byte[] frame = Hex.Parse(line);
                byte control = frame[5];
                if (control == 0x93 || control == 0x53 || (control & 0x0F) == 0x01)
                {
                    continue; // SNRM, DISC and RR belong to the link: the client sends its own
                }
                Assert.Equal(0, control & 0x01);
                byte[] apdu = frame[11..^3]; // 7E A0 len 03 21 ctrl HCS(2) E6 E6 00 | APDU | FCS(2) 7E
                Assert.Equal("E6E600", Convert.ToHexString(frame, 8, 3));
                if (apdus++ == 0)
                {
                    firstIFrame = line;
                }
                byte[] reply = await link.ExchangeAsync(apdu);
                expectations.Check(apdu, reply, client + " APDU " + apdus);
            }
            await link.DisconnectAsync();
            expectations.Log.ForEach(_output.WriteLine);

            Assert.Equal(frames[0], Convert.ToHexString(sent[0]));           // SNRM without parameters
            Assert.Equal(firstIFrame, Convert.ToHexString(sent[1]));         // I(0,0) with the AARQ
            Assert.Equal(frames[^1], Convert.ToHexString(sent[^1]));         // DISC
            Assert.Equal(57, expectations.ObjectListCount);
        }

        private static async Task<byte[]> ReadWrapperFrameAsync(Socket socket)
        {
            byte[] header = await ReadExactlyAsync(socket, 8);
            int length = (header[6] << 8) | header[7];
            byte[] body = await ReadExactlyAsync(socket, length);
            byte[] frame = new byte[8 + length];
            header.CopyTo(frame, 0);
            body.CopyTo(frame, 8);
            return frame;
        }

        private static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
        {
            byte[] buffer = new byte[count];
            using CancellationTokenSource timeout = new CancellationTokenSource(MeterHarness.Timeout);
            int read = 0;
            while (read < count)
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
                Assert.True(n > 0, "the meter closed the connection");
                read += n;
            }
            return buffer;
        }
    }
}
