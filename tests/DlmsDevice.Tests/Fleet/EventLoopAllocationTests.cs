using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator.Transport.EventLoop;
using DlmsDevice.Tests.EndToEnd;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>
    /// Zero allocation on the fleet's event path: what a receive completion runs (reading the
    /// socket into a pooled buffer, the link, the session, the COSEM objects, the engine, the
    /// answer's non-blocking send, arming the next zero-byte receive) allocates nothing while it
    /// serves whole scripted sessions after a warm-up one. Counted per connection with
    /// GC.GetAllocatedBytesForCurrentThread on the thread of each completion
    /// (<see cref="SocketConnection.AllocatedBytes"/>), so the test's client does not count.
    /// </summary>
    public sealed class EventLoopAllocationTests
    {
        private const int Sessions = 20;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Wrapper_WholeSessionsAfterWarmUp_CompletionsAllocateNothing(bool onePort)
        {
            using FleetHarness fleet = FleetHarness.Start(3, onePort);
            int meter = 2;
            using Socket socket = await ConnectAsync(fleet.Host.WrapperEndPoint(meter)!);
            ushort wPort = (ushort)fleet.Host.Layout.WPort(meter);
            byte[][] frames = SocketAllocationTests.SessionApdus().Select(a => WrapperTransport.Encode(32, wPort, a)).ToArray();
            byte[] buffer = new byte[4096];

            async Task RunSessionAsync()
            {
                foreach (byte[] frame in frames)
                {
                    await socket.SendAsync(frame, SocketFlags.None);
                    byte[] reply = await SocketAllocationTests.ReadWrapperAsync(socket, buffer);
                    Assert.Equal(wPort, (reply[2] << 8) | reply[3]); // answered from the meter's wPort
                    Assert.NotEqual(0xD8, reply[8]);
                }
            }

            await RunSessionAsync();
            SocketConnection connection = fleet.Host.GetConnections().Single();
            long before = await SettledAsync(connection, 1);
            long turnsBefore = connection.Turns;
            for (int i = 0; i < Sessions; i++)
            {
                await RunSessionAsync();
            }
            long after = await SettledAsync(connection, turnsBefore + 1);

            Assert.Equal(0, after - before);
        }

        [Fact]
        public async Task HdlcOverTcp_WholeLinksAfterWarmUp_CompletionsAllocateNothing()
        {
            using FleetHarness fleet = FleetHarness.Start(3);
            using Socket socket = await ConnectAsync(fleet.Host.HdlcEndPoint(1)!);
            byte[] server = HdlcAddress.Server(1, 17);
            byte[] client = { HdlcAddress.Client(32) };
            byte[][] apdus = SocketAllocationTests.SessionApdus();
            List<byte> pending = new List<byte>();

            async Task<HdlcFrame> ExchangeAsync(byte[] frame)
            {
                await socket.SendAsync(frame, SocketFlags.None);
                return await SocketAllocationTests.ReadHdlcAsync(socket, pending);
            }

            async Task RunLinkAsync()
            {
                Assert.Equal(0x73, (await ExchangeAsync(HdlcFrame.Encode(server, client, HdlcFrame.Snrm, ReadOnlySpan<byte>.Empty))).Control);
                int ns = 0;
                foreach (byte[] apdu in apdus)
                {
                    byte[] info = HdlcTransport.LlcRequest.Concat(apdu).ToArray();
                    HdlcFrame reply = await ExchangeAsync(HdlcFrame.Encode(server, client, HdlcFrame.InformationControl(ns, ns), info));
                    Assert.True(reply.IsInformation && !reply.Segmented, "reply " + reply.Describe());
                    Assert.NotEqual(0xD8, reply.Information[3]);
                    ns = (ns + 1) & 7;
                }
                Assert.Equal(0x73, (await ExchangeAsync(HdlcFrame.Encode(server, client, HdlcFrame.Disc, ReadOnlySpan<byte>.Empty))).Control);
            }

            await RunLinkAsync();
            SocketConnection connection = fleet.Host.GetConnections().Single();
            long before = await SettledAsync(connection, 1);
            long turnsBefore = connection.Turns;
            for (int i = 0; i < Sessions; i++)
            {
                await RunLinkAsync();
            }
            long after = await SettledAsync(connection, turnsBefore + 1);

            Assert.Equal(0, after - before);
        }

        private static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endPoint);
            return socket;
        }

        /// <summary>
        /// The count is stored after each completion, and the reply leaves before that: wait until
        /// at least <paramref name="atLeast"/> completions are counted and the count no longer moves.
        /// (A completion serves whatever has arrived: a frame that comes while it is still running,
        /// as on a loaded machine, is served in the same turn, so turns are not frames.)
        /// </summary>
        private static async Task<long> SettledAsync(SocketConnection connection, long atLeast)
        {
            Stopwatch watch = Stopwatch.StartNew();
            long turns = -1;
            while (true)
            {
                long now = connection.Turns;
                if (now == turns && now >= atLeast)
                {
                    return connection.AllocatedBytes;
                }
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the connection did not settle: " + now + " turns, " + atLeast + " expected");
                turns = now;
                await Task.Delay(100);
            }
        }
    }
}
