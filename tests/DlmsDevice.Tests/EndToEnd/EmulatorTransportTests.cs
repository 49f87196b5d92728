using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Stack;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The emulator's endpoints and connections (TCP wrapper, HDLC over TCP, HDLC on a pty) with
    /// a stand-in meter that echoes each APDU, so these tests are about transport only: framing,
    /// one session per connection, concurrency, shutdown, trace, the inactivity time-out.
    /// </summary>
    public sealed class EmulatorTransportTests : IDisposable
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
        private readonly CapturingLoggerProvider _logs = new CapturingLoggerProvider();
        private readonly ILoggerFactory _loggerFactory;
        private EchoMeterModel _model = null!;
        private MeterEmulator? _emulator;

        public EmulatorTransportTests()
        {
            _loggerFactory = _logs.CreateFactory();
        }

        public void Dispose()
        {
            _emulator?.Dispose();
            _loggerFactory.Dispose();
        }

        private MeterEmulator Start(Action<EmulatorOptions>? configure = null)
        {
            EmulatorOptions options = new EmulatorOptions { WrapperPort = -1, HdlcPort = -1, MaxConnections = 8 };
            configure?.Invoke(options);
            _model = new EchoMeterModel(options);
            _emulator = new MeterEmulator(options, _model, _loggerFactory);
            _emulator.Start();
            return _emulator;
        }

        private static async Task<IApduTransport> OpenWrapperAsync(IPEndPoint endPoint, ushort clientSap)
        {
            StreamByteLink link = await StreamByteLink.ConnectTcpAsync("127.0.0.1", endPoint.Port, s_timeout, CancellationToken.None);
            return new WrapperTransport(link, clientSap, 1, s_timeout);
        }

        private static async Task<IApduTransport> OpenHdlcAsync(IByteLink link, int clientSap, int? physical = 17)
        {
            HdlcTransport transport = new HdlcTransport(link, HdlcAddress.Server(1, physical), HdlcAddress.Client(clientSap), null, s_timeout);
            await transport.OpenAsync(CancellationToken.None);
            return transport;
        }

        // The echo: EE, the client SAP, the serving session's number (one per slot), the request.
        private static void AssertEcho(byte[] reply, byte clientSap, string requestHex)
        {
            Assert.True(reply.Length >= 3, "reply too short");
            Assert.Equal(0xEE, reply[0]);
            Assert.Equal(clientSap, reply[1]);
            Assert.Equal(requestHex, Convert.ToHexString(reply, 3, reply.Length - 3));
        }

        private static async Task WaitUntilAsync(Func<bool> condition, string what)
        {
            Stopwatch watch = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(watch.Elapsed < s_timeout, "gave up waiting for " + what);
                await Task.Delay(20);
            }
        }

        [Fact]
        public async Task Wrapper_Exchange_ReachesOwnSessionWithClientSap()
        {
            MeterEmulator emulator = Start();
            await using IApduTransport client = await OpenWrapperAsync(emulator.WrapperEndPoint!, 32);

            byte[] reply = await client.ExchangeAsync(new byte[] { 0xC0, 0x01, 0xC1 }, CancellationToken.None);

            AssertEcho(reply, 0x20, "C001C1");
        }

        [Fact]
        public async Task HdlcOverTcp_SnrmExchangeDisc_ReachesSessionAndClosesLink()
        {
            MeterEmulator emulator = Start();
            StreamByteLink link = await StreamByteLink.ConnectTcpAsync("127.0.0.1", emulator.HdlcEndPoint!.Port, s_timeout, CancellationToken.None);
            IApduTransport client = await OpenHdlcAsync(link, 16);

            byte[] reply = await client.ExchangeAsync(new byte[] { 0x60, 0x00 }, CancellationToken.None);
            await client.CloseAsync(CancellationToken.None);

            AssertEcho(reply, 0x10, "6000");
            await WaitUntilAsync(() => _model.LinksClosed == 1, "LinkClosed after DISC");
        }

        [Fact]
        public async Task HdlcOverTcp_OneByteServerAddress_IsAnswered()
        {
            MeterEmulator emulator = Start();
            StreamByteLink link = await StreamByteLink.ConnectTcpAsync("127.0.0.1", emulator.HdlcEndPoint!.Port, s_timeout, CancellationToken.None);
            await using IApduTransport client = await OpenHdlcAsync(link, 16, physical: null);

            byte[] reply = await client.ExchangeAsync(new byte[] { 0xC0 }, CancellationToken.None);

            AssertEcho(reply, 0x10, "C0");
        }

        [Fact]
        public async Task HdlcOverTcp_ReplyLongerThanMaxInfo_ArrivesSegmented()
        {
            MeterEmulator emulator = Start();
            StreamByteLink link = await StreamByteLink.ConnectTcpAsync("127.0.0.1", emulator.HdlcEndPoint!.Port, s_timeout, CancellationToken.None);
            await using IApduTransport client = await OpenHdlcAsync(link, 16);
            byte[] request = Enumerable.Range(0, 600).Select(i => (byte)i).ToArray();

            byte[] reply = await client.ExchangeAsync(request, CancellationToken.None);

            Assert.Equal(603, reply.Length);
            Assert.Equal(request, reply.Skip(3).ToArray());
        }

        [Fact]
        public async Task ManyClients_AtOnce_EachHasItsOwnSession()
        {
            MeterEmulator emulator = Start();
            const int Clients = 12;
            // All connected at once (a slot is reused only after its connection closed).
            IApduTransport[] clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
                i % 2 == 1
                    ? await OpenHdlcAsync(await StreamByteLink.ConnectTcpAsync("127.0.0.1", emulator.HdlcEndPoint!.Port, s_timeout, CancellationToken.None), 16 + i)
                    : await OpenWrapperAsync(emulator.WrapperEndPoint!, (ushort)(16 + i))));
            try
            {
                byte[][] replies = await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
                {
                    byte sap = (byte)(16 + i);
                    byte[] last = Array.Empty<byte>();
                    for (int n = 0; n < 20; n++)
                    {
                        last = await client.ExchangeAsync(new byte[] { (byte)n, sap }, CancellationToken.None);
                        Assert.Equal(sap, last[1]);
                        Assert.Equal(n, last[3]);
                    }
                    return last;
                })));

                Assert.Equal(Clients, replies.Select(r => r[2]).Distinct().Count());
            }
            finally
            {
                foreach (IApduTransport client in clients)
                {
                    await client.CloseAsync(CancellationToken.None);
                }
            }
        }

        [Fact]
        public async Task Wrapper_BadVersion_ClosesThatConnectionOnly()
        {
            MeterEmulator emulator = Start();
            using Socket bad = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await bad.ConnectAsync(emulator.WrapperEndPoint!);
            await using IApduTransport good = await OpenWrapperAsync(emulator.WrapperEndPoint!, 16);

            await bad.SendAsync(Hex.Parse("0002 0010 0001 0003 C00101"), SocketFlags.None);
            byte[] buffer = new byte[16];
            int n = await bad.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(s_timeout);
            byte[] reply = await good.ExchangeAsync(new byte[] { 0x01 }, CancellationToken.None);

            Assert.Equal(0, n);
            Assert.Equal("EE10", Convert.ToHexString(reply, 0, 2));
            Assert.Equal(0x01, reply[3]);
        }

        [Fact]
        public async Task HdlcOverTcp_GarbageBetweenFrames_IsIgnored()
        {
            MeterEmulator emulator = Start();
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(emulator.HdlcEndPoint!);
            NetworkStreamLink link = new NetworkStreamLink(socket);
            IApduTransport client = await OpenHdlcAsync(link, 16);
            await socket.SendAsync(Hex.Parse("00 FF 7E 7E A0 03 11 22 33 7E 12 34"), SocketFlags.None);

            byte[] reply = await client.ExchangeAsync(new byte[] { 0xAB }, CancellationToken.None);

            AssertEcho(reply, 0x10, "AB");
            await client.CloseAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Stop_ClosesEveryConnectionAndTheListeners()
        {
            MeterEmulator emulator = Start();
            IPEndPoint wrapperEndPoint = emulator.WrapperEndPoint!;
            using Socket a = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using Socket b = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await a.ConnectAsync(wrapperEndPoint);
            await b.ConnectAsync(emulator.HdlcEndPoint!);
            await WaitUntilAsync(() => emulator.GetConnections().Length == 2, "two connections");

            emulator.Stop();

            byte[] buffer = new byte[8];
            Assert.Equal(0, await a.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(s_timeout));
            Assert.Equal(0, await b.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(s_timeout));
            Assert.Empty(emulator.GetConnections());
            using Socket late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await Assert.ThrowsAsync<SocketException>(async () => await late.ConnectAsync(wrapperEndPoint));
        }

        [Fact]
        public async Task HdlcInactivityTimeout_EndsTheLinkWithoutTraffic()
        {
            MeterEmulator emulator = Start(o => o.HdlcInactivityTimeoutSeconds = 1);
            StreamByteLink link = await StreamByteLink.ConnectTcpAsync("127.0.0.1", emulator.HdlcEndPoint!.Port, s_timeout, CancellationToken.None);
            await using IApduTransport client = await OpenHdlcAsync(link, 16);
            await client.ExchangeAsync(new byte[] { 0x01 }, CancellationToken.None);
            Assert.Equal(0, _model.LinksClosed);

            await WaitUntilAsync(() => _model.LinksClosed == 1, "the inactivity time-out");
        }

        [Fact]
        public async Task Trace_On_LogsEveryFrameInHexWithItsDecoding()
        {
            MeterEmulator emulator = Start(o => o.Trace = true);
            StreamByteLink link = await StreamByteLink.ConnectTcpAsync("127.0.0.1", emulator.HdlcEndPoint!.Port, s_timeout, CancellationToken.None);
            IApduTransport client = await OpenHdlcAsync(link, 16);
            await client.ExchangeAsync(Hex.Parse("C0 01 C1 0003 0100010800FF 02 00"), CancellationToken.None);
            await client.CloseAsync(CancellationToken.None);
            await WaitUntilAsync(() => _logs.Lines.Count(l => l.Contains("S>C")) >= 3, "three traced replies");

            string[] trace = _logs.Lines.Where(l => l.StartsWith("DlmsDevice.Emulator.Trace", StringComparison.Ordinal)).ToArray();

            Assert.Contains(trace, l => l.Contains("C>S 7E A0 08 02 23 21 93 BD 64 7E"));
            Assert.Contains(trace, l => l.Contains("control") && l.Contains("SNRM (set normal response mode) P=1"));
            Assert.Contains(trace, l => l.Contains("UA (unnumbered acknowledge) F=1"));
            Assert.Contains(trace, l => l.Contains("maximum_information_field_length_transmit"));
            Assert.Contains(trace, l => l.Contains("get-request-normal [1]"));
            Assert.Contains(trace, l => l.Contains("instance-id") && l.Contains("logical name 1.0.1.8.0.255"));
            Assert.Contains(trace, l => l.Contains("DISC (disconnect) P=1"));
            Assert.DoesNotContain(trace, l => l.Contains("<-- !!"));
        }

        [Fact]
        public async Task Trace_Off_LogsNoFrames()
        {
            MeterEmulator emulator = Start();
            await using IApduTransport client = await OpenWrapperAsync(emulator.WrapperEndPoint!, 16);
            await client.ExchangeAsync(new byte[] { 0x01 }, CancellationToken.None);

            Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("DlmsDevice.Emulator.Trace", StringComparison.Ordinal));
            Assert.Contains(_logs.Lines, l => l.Contains("Connection 1 opened: wrapper 127.0.0.1:"));
        }

        [Fact]
        public async Task Accept_EverySlotTaken_OldestConnectionWithoutAssociationGivesWay()
        {
            // Two wrapper slots; echo sessions never associate, so a third connection takes the
            // slot of the oldest, which is closed.
            MeterEmulator emulator = Start(o => o.MaxConnections = 2);
            using Socket first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using Socket second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await first.ConnectAsync(emulator.WrapperEndPoint!);
            await WaitUntilAsync(() => emulator.GetConnections().Length == 1, "the first connection");
            await second.ConnectAsync(emulator.WrapperEndPoint!);
            await WaitUntilAsync(() => emulator.GetConnections().Length == 2, "the second connection");

            await using IApduTransport third = await OpenWrapperAsync(emulator.WrapperEndPoint!, 16);
            byte[] reply = await third.ExchangeAsync(new byte[] { 0x07 }, CancellationToken.None);

            Assert.Equal("EE10", Convert.ToHexString(reply, 0, 2));
            byte[] buffer = new byte[8];
            Assert.Equal(0, await first.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(s_timeout));
            await WaitUntilAsync(() => _logs.Lines.Any(l => l.Contains("gave its slot to a newer connection")), "the evicted connection's log line");
            Assert.Equal(2, emulator.GetConnections().Length);
        }

        [SocatFact]
        public async Task Serial_HdlcOverPtyPair_ServesAndSurvivesClientReconnect()
        {
            using SocatPtyPair pty = SocatPtyPair.Start(SocatPtyPair.FindSocat()!);
            MeterEmulator emulator = Start(o =>
            {
                o.WrapperPort = 0;
                o.HdlcPort = 0;
                o.SerialDevice = pty.ServerPath;
                o.BaudRate = 19200;
            });
            Assert.Null(emulator.WrapperEndPoint);
            Assert.NotNull(emulator.SerialConnection);

            for (int round = 0; round < 2; round++)
            {
                IApduTransport client = await OpenHdlcAsync(SerialByteLink.Open(pty.ClientPath, 19200), 16 + round);
                byte[] reply = await client.ExchangeAsync(new byte[] { 0x42, (byte)round }, CancellationToken.None);
                await client.CloseAsync(CancellationToken.None);

                Assert.Equal(0xEE, reply[0]);
                Assert.Equal(16 + round, reply[1]);
                Assert.Equal(1, reply[2]); // the one serial slot's session, both times
                Assert.Equal(new byte[] { 0x42, (byte)round }, reply.Skip(3).ToArray());
            }
        }
    }
}
