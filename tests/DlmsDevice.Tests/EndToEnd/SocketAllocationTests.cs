using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator.Transport;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// Zero allocation on the real socket path: a connection thread of the emulator (socket read,
    /// link, session, COSEM objects, metering engine, simulated relay, socket write) allocates
    /// nothing while serving whole scripted sessions after a warm-up one (clock set with its
    /// events, maximum demand reset, relay switching, event log reads). Measured with
    /// GC.GetAllocatedBytesForCurrentThread on that thread (ChannelWorker.AllocatedBytes), so
    /// the test's own client allocations do not count. The trace is off, as by default.
    /// </summary>
    public sealed class SocketAllocationTests : IDisposable
    {
        private const int Sessions = 20;
        private readonly MeterHarness _meter = MeterHarness.Start();

        public void Dispose()
        {
            _meter.Dispose();
        }

        /// <summary>One association of the meter reader: AARQ (LLS), reads, GET-with-list, clock SET, maximum demand reset, relay off and on, profile reads, RLRQ.</summary>
        internal static byte[][] SessionApdus()
        {
            byte[] aarq = AssociationRequest.Encode((Conformance)0x001E1D, 0xFFFF, AuthenticationMechanism.Low, Encoding.ASCII.GetBytes("12345678"));
            return new[]
            {
                aarq,
                Hex.Parse("C0 01 C1 0003 0100010800FF 02 00"),
                Hex.Parse("C0 01 C1 0003 0100010700FF 02 00"),
                Hex.Parse("C0 01 C1 0003 0100200700FF 02 00"),
                Hex.Parse("C0 01 C1 0003 01001F0700FF 03 00"),
                Hex.Parse("C0 01 C1 0008 0000010000FF 02 00"),
                Hex.Parse("C0 01 C1 0001 00002A0000FF 02 00"),
                Hex.Parse("C0 03 C1 03 0003 0100010800FF 02 00 0003 0100200700FF 02 00 0008 0000010000FF 02 00"),
                Hex.Parse("C1 01 C1 0008 0000010000FF 02 00 09 0C 07EA0B1903 0A0000 00 0000 00"),
                Hex.Parse("C3 01 C1 0004 0100010600FF 01 01 0F 00"),   // maximum demand reset (a checkpoint)
                Hex.Parse("C3 01 C1 0046 0000600300FF 01 01 0F 00"),   // Disconnect control 0.0.96.3.0.255: not an object here
                Hex.Parse("C3 01 C1 0046 00006003 0AFF 01 01 0F 00"),  // remote_disconnect: relay, event, settings
                Hex.Parse("C3 01 C1 0046 00006003 0AFF 02 01 0F 00"),  // remote_reconnect
                Hex.Parse("C0 01 C1 0007 0000636200FF 07 00"),          // event log entries_in_use
                Hex.Parse("C0 01 C1 0007 0100630100FF 02 00"),          // the load profile buffer
                Hex.Parse("C0 01 C1 0001 0000636363FF 02 00"),
                AssociationRequest.EncodeReleaseRequest(),
            };
        }

        [Fact]
        public async Task Wrapper_WholeSessionsAfterWarmUp_ConnectionThreadAllocatesNothing()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(_meter.Emulator.WrapperEndPoint!);
            byte[][] frames = SessionApdus().Select(a => WrapperTransport.Encode(32, 1, a)).ToArray();
            byte[] buffer = new byte[4096];
            int sent = 0;

            async Task RunSessionAsync()
            {
                foreach (byte[] frame in frames)
                {
                    await socket.SendAsync(frame, SocketFlags.None);
                    sent++;
                    byte[] reply = await ReadWrapperAsync(socket, buffer);
                    Assert.NotEqual(0xD8, reply[8]); // no ExceptionResponse: every request is served
                }
            }

            await RunSessionAsync();
            ChannelWorker connection = _meter.Emulator.GetConnections().Single();
            long before = await SettledAllocationAsync(connection, sent);
            for (int i = 0; i < Sessions; i++)
            {
                await RunSessionAsync();
            }
            long after = await SettledAllocationAsync(connection, sent);

            Assert.Equal(0, after - before);
        }

        [Fact]
        public async Task HdlcOverTcp_WholeLinksAfterWarmUp_ConnectionThreadAllocatesNothing()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(_meter.Emulator.HdlcEndPoint!);
            byte[] server = HdlcAddress.Server(1, 17);
            byte[] client = { HdlcAddress.Client(32) };
            byte[][] apdus = SessionApdus();
            List<byte> pending = new List<byte>();
            int sent = 0;

            async Task<HdlcFrame> ExchangeAsync(byte[] frame)
            {
                await socket.SendAsync(frame, SocketFlags.None);
                sent++;
                return await ReadHdlcAsync(socket, pending);
            }

            async Task RunLinkAsync()
            {
                HdlcFrame ua = await ExchangeAsync(HdlcFrame.Encode(server, client, HdlcFrame.Snrm, ReadOnlySpan<byte>.Empty));
                Assert.Equal(0x73, ua.Control);
                int ns = 0;
                foreach (byte[] apdu in apdus)
                {
                    byte[] info = HdlcTransport.LlcRequest.Concat(apdu).ToArray();
                    HdlcFrame reply = await ExchangeAsync(HdlcFrame.Encode(server, client, HdlcFrame.InformationControl(ns, ns), info));
                    Assert.True(reply.IsInformation && !reply.Segmented, "reply " + reply.Describe());
                    Assert.NotEqual(0xD8, reply.Information[3]);
                    ns = (ns + 1) & 7;
                }
                HdlcFrame discUa = await ExchangeAsync(HdlcFrame.Encode(server, client, HdlcFrame.Disc, ReadOnlySpan<byte>.Empty));
                Assert.Equal(0x73, discUa.Control);
            }

            await RunLinkAsync();
            ChannelWorker connection = _meter.Emulator.GetConnections().Single();
            long before = await SettledAllocationAsync(connection, sent);
            for (int i = 0; i < Sessions; i++)
            {
                await RunLinkAsync();
            }
            long after = await SettledAllocationAsync(connection, sent);

            Assert.Equal(0, after - before);
        }

        /// <summary>
        /// The connection thread stores its allocation counter after handling each received
        /// chunk, and the reply leaves before that: wait until it has handled at least as many
        /// chunks as frames were sent and the count no longer moves.
        /// </summary>
        private static async Task<long> SettledAllocationAsync(ChannelWorker connection, int framesSent)
        {
            Stopwatch watch = Stopwatch.StartNew();
            long chunks = -1;
            while (true)
            {
                long now = connection.ChunksHandled;
                if (now >= framesSent && now == chunks)
                {
                    return connection.AllocatedBytes;
                }
                Assert.True(watch.Elapsed < MeterHarness.Timeout, "the connection handled " + now + " chunks for " + framesSent + " frames");
                chunks = now;
                await Task.Delay(50);
            }
        }

        internal static async Task<byte[]> ReadWrapperAsync(Socket socket, byte[] buffer)
        {
            int count = 0;
            using CancellationTokenSource timeout = new CancellationTokenSource(MeterHarness.Timeout);
            while (count < 8 || count < 8 + ((buffer[6] << 8) | buffer[7]))
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None, timeout.Token);
                Assert.True(n > 0, "the meter closed the connection");
                count += n;
            }
            return buffer[..count];
        }

        internal static async Task<HdlcFrame> ReadHdlcAsync(Socket socket, List<byte> pending)
        {
            byte[] chunk = new byte[2048];
            using CancellationTokenSource timeout = new CancellationTokenSource(MeterHarness.Timeout);
            while (true)
            {
                HdlcParseStatus status = HdlcFrame.TryParse(pending.ToArray(), out HdlcFrame? frame, out int consumed);
                if (status != HdlcParseStatus.NeedMore)
                {
                    pending.RemoveRange(0, consumed);
                    if (frame != null)
                    {
                        return frame;
                    }
                    continue;
                }
                int n = await socket.ReceiveAsync(chunk, SocketFlags.None, timeout.Token);
                Assert.True(n > 0, "the meter closed the connection");
                pending.AddRange(chunk.AsSpan(0, n).ToArray());
            }
        }
    }
}
