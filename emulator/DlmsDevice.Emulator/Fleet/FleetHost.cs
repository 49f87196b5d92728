using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Emulator.Transport.EventLoop;
using DlmsDevice.Emulator.Transport.Udp;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Fleet
{
    /// <summary>
    /// Many meters in one process (<c>--meters N</c>): each a <see cref="DefaultMeter"/> of its own
    /// (the portable device runtime: its model, engine, record store, server and slots), served
    /// by event-driven sockets (<see cref="SocketConnection"/>: no thread per connection) on a
    /// port per meter or on one shared port (<see cref="FleetLayout"/>), with one housekeeping
    /// thread that ticks the meters and lets the channels' time-outs run.
    /// </summary>
    /// <remarks>
    /// Memory per meter is its state only (docs/fleet.md has the measured figures): the immutable
    /// parts (OBIS codes, class and attribute tables, the AES and CRC tables, the simulation's
    /// curve shapes) are static and shared; a connection holds no buffer while it waits.
    /// </remarks>
    public sealed partial class FleetHost : IConnectionOwner, IDisposable
    {
        private readonly EmulatorOptions _options;
        private readonly FleetLayout _layout;
        private readonly ILogger _logger;
        private readonly DefaultMeter[] _meters;
        private readonly BufferPool _buffers;
        private readonly ISystemClock _linkClock = new SystemClock();
        private readonly List<SocketListener> _listeners = new List<SocketListener>();
        private readonly List<UdpWrapperEndpoint> _udp = new List<UdpWrapperEndpoint>();
        private readonly HashSet<SocketConnection> _connections = new HashSet<SocketConnection>();
        private readonly IPEndPoint?[] _wrapperEndPoints;
        private readonly IPEndPoint?[] _hdlcEndPoints;
        private readonly IPEndPoint?[] _udpEndPoints;
        private bool _started;
        private bool _stopped;

        private FleetHost(EmulatorOptions options, FleetLayout layout, DefaultMeter[] meters, ILoggerFactory loggerFactory, TimeSpan buildTime)
        {
            _options = options;
            _layout = layout;
            _meters = meters;
            _logger = loggerFactory.CreateLogger("DlmsDevice.Emulator");
            BuildTime = buildTime;
            // A turn reads up to this much at once; a UDP reply needs 8 + the APDU + its envelope.
            _buffers = new BufferPool(Math.Max(4096, options.MaxApduSize + 256));
            int endpoints = layout.OnePort ? 1 : meters.Length;
            _wrapperEndPoints = new IPEndPoint?[endpoints];
            _hdlcEndPoints = new IPEndPoint?[endpoints];
            _udpEndPoints = new IPEndPoint?[endpoints];
        }

        /// <summary>The fleet's layout (ports and addresses of each meter).</summary>
        public FleetLayout Layout => _layout;

        /// <summary>The meters, meter i at index i.</summary>
        public IReadOnlyList<DefaultMeter> Meters => _meters;

        /// <summary>How long building the meters (and their history) took.</summary>
        public TimeSpan BuildTime { get; }

        /// <summary>The work buffers lent to completions.</summary>
        public BufferPool Buffers => _buffers;

        /// <summary>
        /// Builds every meter (in parallel; each recovers its own state directory), and gives a
        /// meter starting without saved state <see cref="EmulatorOptions.HistoryHours"/> of
        /// simulated history. Nothing is opened yet.
        /// </summary>
        /// <param name="options">The command line (validated).</param>
        /// <param name="loggerFactory">Logs.</param>
        /// <param name="adjust">Changes each meter's settings before it is built (tests: time scale 0, a fixed start).</param>
        /// <exception cref="InvalidOperationException">A meter cannot be built (the message names it).</exception>
        public static FleetHost Create(EmulatorOptions options, ILoggerFactory loggerFactory, Action<int, DefaultMeterSettings>? adjust = null)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(loggerFactory);
            FleetLayout layout = new FleetLayout(options);
            Stopwatch watch = Stopwatch.StartNew();
            DefaultMeter[] meters = new DefaultMeter[layout.Count];
            IEntropySource entropy = new SystemEntropySource();
            // History ends on the last quarter hour (so a day holds 96 load profile rows), then
            // catches up with the wall clock in one step.
            DateTime now = DateTime.UtcNow;
            long quarter = TimeSpan.FromMinutes(15).Ticks;
            DateTime historyEnd = new DateTime(now.Ticks - now.Ticks % quarter, DateTimeKind.Utc);
            DateTime historyStart = historyEnd.AddHours(-options.HistoryHours);
            string? failure = null;
            Parallel.For(0, layout.Count, (i, loop) =>
            {
                try
                {
                    DefaultMeterSettings settings = FleetMeterFactory.Settings(options, layout, i, entropy);
                    if (options.HistoryHours > 0)
                    {
                        settings.StartUtc = historyStart;
                    }
                    adjust?.Invoke(i, settings);
                    DefaultMeter meter = FleetMeterFactory.Create(settings);
                    meters[i] = meter;
                    if (options.HistoryHours > 0 && !meter.ResumedFromState)
                    {
                        LiveHistory(meter, options.HistoryHours, DateTime.UtcNow - historyEnd);
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException || ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
                {
                    Interlocked.CompareExchange(ref failure, "meter " + i + " (serial " + layout.SerialNumber(i) + "): " + ex.Message, null);
                    loop.Stop();
                }
            });
            if (failure != null)
            {
                foreach (DefaultMeter? meter in meters)
                {
                    meter?.Dispose();
                }
                throw new InvalidOperationException(failure);
            }
            return new FleetHost(options, layout, meters, loggerFactory, watch.Elapsed);
        }

        /// <summary>Where meter <paramref name="index"/>'s TCP wrapper listens (the shared port with --one-port); null when disabled.</summary>
        public IPEndPoint? WrapperEndPoint(int index) => _wrapperEndPoints[_layout.OnePort ? 0 : index];

        /// <summary>Where meter <paramref name="index"/>'s HDLC over TCP listens; null when disabled.</summary>
        public IPEndPoint? HdlcEndPoint(int index) => _hdlcEndPoints[_layout.OnePort ? 0 : index];

        /// <summary>Where meter <paramref name="index"/>'s UDP wrapper listens; null when disabled.</summary>
        public IPEndPoint? UdpEndPoint(int index) => _udpEndPoints[_layout.OnePort ? 0 : index];

        /// <summary>A snapshot of the open TCP connections.</summary>
        public SocketConnection[] GetConnections()
        {
            lock (_connections)
            {
                SocketConnection[] all = new SocketConnection[_connections.Count];
                _connections.CopyTo(all);
                return all;
            }
        }

        /// <summary>Open TCP connections now.</summary>
        public int ConnectionCount
        {
            get
            {
                lock (_connections)
                {
                    return _connections.Count;
                }
            }
        }

        /// <summary>
        /// Opens every endpoint and starts the housekeeping thread. Throws (and closes what it
        /// opened) when a port cannot be opened: the exception names the meter and the port.
        /// </summary>
        public void Start()
        {
            if (_started)
            {
                throw new InvalidOperationException("Already started.");
            }
            _started = true;
            try
            {
                OpenEndpoints(IPAddress.Parse(_options.BindAddress));
            }
            catch
            {
                Stop();
                throw;
            }
            foreach (SocketListener listener in _listeners)
            {
                listener.Start();
            }
            foreach (UdpWrapperEndpoint udp in _udp)
            {
                udp.Start();
            }
            StartHousekeeping();
        }

        /// <summary>
        /// Closes the endpoints and every connection, stops the housekeeping thread, and powers the
        /// meters down cleanly (power-down event, last checkpoint). Safe to call twice.
        /// </summary>
        public void Stop()
        {
            lock (_connections)
            {
                if (_stopped)
                {
                    return;
                }
                _stopped = true;
            }
            StopHousekeeping();
            foreach (SocketListener listener in _listeners)
            {
                listener.Dispose();
            }
            foreach (UdpWrapperEndpoint udp in _udp)
            {
                udp.Dispose();
            }
            foreach (SocketConnection connection in GetConnections())
            {
                connection.Close();
            }
            Parallel.ForEach(_meters, meter => meter.Shutdown());
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Stop();
            foreach (DefaultMeter meter in _meters)
            {
                meter.Dispose();
            }
        }

        /// <inheritdoc />
        void IConnectionOwner.Finished(SocketConnection connection)
        {
            lock (_connections)
            {
                _connections.Remove(connection);
            }
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LogDebug("Connection from {Remote} ended: {Reason}", connection.RemoteEndPoint,
                    connection.Channel?.LastCloseReason.ToString() ?? "no meter at the address it called");
            }
        }

        /// <summary>Simulated time between two engine ticks while a meter lives its history.</summary>
        public static readonly TimeSpan HistoryStep = TimeSpan.FromMinutes(5);

        // A meter that starts without saved state lives its history first, in steps of five
        // minutes (three per load profile period: energy, demand and the profiles are exact, the
        // scheduled tamper and power failures are logged; a voltage sag shorter than a step can
        // be missed): 288 ticks a day instead of the 86,400 of live running.
        private static void LiveHistory(DefaultMeter meter, int hours, TimeSpan catchUp)
        {
            TimeSpan step = HistoryStep;
            long steps = TimeSpan.FromHours(hours).Ticks / step.Ticks;
            for (long n = 0; n <= steps; n++)
            {
                lock (meter.SyncRoot)
                {
                    meter.Hardware.Advance(n < steps ? step : (catchUp > TimeSpan.Zero ? catchUp : TimeSpan.Zero));
                    meter.Engine.Tick();
                }
            }
        }

        private void OpenEndpoints(IPAddress address)
        {
            int endpoints = _wrapperEndPoints.Length;
            for (int e = 0; e < endpoints; e++)
            {
                _wrapperEndPoints[e] = Listen(address, _layout.WrapperPort(e), ChannelKind.TcpWrapper, e, "TCP wrapper");
                _hdlcEndPoints[e] = Listen(address, _layout.HdlcPort(e), ChannelKind.TcpHdlc, e, "HDLC over TCP");
                _udpEndPoints[e] = OpenUdp(address, _layout.UdpPort(e), e);
            }
        }

        private IPEndPoint? Listen(IPAddress address, int port, ChannelKind kind, int meter, string name)
        {
            if (port == 0)
            {
                return null;
            }
            object state = _layout.OnePort ? new SharedPortRouter(this, kind) : new PortTarget(meter, kind);
            SocketListener listener;
            try
            {
                listener = new SocketListener(address, Math.Max(port, 0), _layout.OnePort ? 4096 : 128, OnAccept, state, _logger);
            }
            catch (SocketException ex)
            {
                throw new SocketException((int)ex.SocketErrorCode, name + " port " + port + " on " + address
                    + (_layout.OnePort ? "" : " (meter " + meter + ")") + ": " + ex.Message);
            }
            _listeners.Add(listener);
            return listener.LocalEndPoint;
        }

        private IPEndPoint? OpenUdp(IPAddress address, int port, int meter)
        {
            if (port == 0)
            {
                return null;
            }
            int count = _layout.OnePort ? _meters.Length : 1;
            UdpSessionTable[] tables = new UdpSessionTable[count];
            for (int i = 0; i < count; i++)
            {
                int index = _layout.OnePort ? i : meter;
                DefaultMeter m = _meters[index];
                tables[i] = new UdpSessionTable(m.SyncRoot, m.Server.CreateSession, _layout.ConnectionsPerMeter, _options.MaxApduSize,
                    _options.WrapperInactivityTimeoutSeconds * 1000, _options.AssociationTimeoutSeconds * 1000, _layout.WPort(index));
            }
            UdpWrapperEndpoint udp;
            try
            {
                udp = new UdpWrapperEndpoint(address, Math.Max(port, 0), tables, _layout.OnePort ? FleetLayout.FirstSharedAddress : -1,
                    _options.MaxApduSize, _buffers, _linkClock, _logger);
            }
            catch (SocketException ex)
            {
                throw new SocketException((int)ex.SocketErrorCode, "UDP wrapper port " + port + " on " + address
                    + (_layout.OnePort ? "" : " (meter " + meter + ")") + ": " + ex.Message);
            }
            _udp.Add(udp);
            return udp.LocalEndPoint;
        }

        private void OnAccept(Socket socket, object? state)
        {
            SocketConnection connection = new SocketConnection(socket, _buffers, this);
            lock (_connections)
            {
                if (_stopped)
                {
                    connection.Close();
                    return;
                }
                _connections.Add(connection);
            }
            if (state is SharedPortRouter router)
            {
                connection.Start(router);
                return;
            }
            PortTarget target = (PortTarget)state!;
            DeviceChannel? channel = Attach(connection, target.Meter, target.Kind);
            if (channel == null)
            {
                Refuse(connection);
                return;
            }
            connection.Start(channel);
        }

        // A slot of the meter for the connection: a free one, or that of its oldest connection
        // without an association (device runtime's rule); null when every slot holds one.
        private DeviceChannel? Attach(SocketConnection connection, int meter, ChannelKind kind)
        {
            DeviceChannel? channel = _meters[meter].Pool(kind).Accept(connection, out bool evicted);
            if (channel != null && _logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LogDebug("Connection from {Remote} to meter {Meter} ({Kind}){Evicted}", connection.RemoteEndPoint, meter, kind,
                    evicted ? ": the oldest connection without an association gave way" : "");
            }
            return channel;
        }

        private void Refuse(SocketConnection connection)
        {
            _logger.LogWarning("Refused {Remote}: every slot of the meter holds an association", connection.RemoteEndPoint);
            connection.Close();
            lock (_connections)
            {
                _connections.Remove(connection);
            }
        }

        /// <summary>A listener's meter and link (a port per meter).</summary>
        private sealed class PortTarget
        {
            public PortTarget(int meter, ChannelKind kind)
            {
                Meter = meter;
                Kind = kind;
            }

            public int Meter { get; }

            public ChannelKind Kind { get; }
        }

        /// <summary>The meter of a connection on a shared port, from the address in its first frame.</summary>
        private sealed class SharedPortRouter : IConnectionRouter
        {
            private readonly FleetHost _host;
            private readonly ChannelKind _kind;

            public SharedPortRouter(FleetHost host, ChannelKind kind)
            {
                _host = host;
                _kind = kind;
            }

            public RouteResult Route(SocketConnection connection, byte[] buffer, int count)
            {
                int address = _kind == ChannelKind.TcpWrapper
                    ? SharedPortAddress.WrapperDestination(buffer, count)
                    : SharedPortAddress.HdlcPhysicalDestination(buffer, count);
                if (address == SharedPortAddress.NeedMore)
                {
                    return RouteResult.NeedMore;
                }
                int meter = _host._layout.MeterAt(address);
                if (meter < 0)
                {
                    _host._logger.LogWarning("Closed {Remote}: no meter at {Kind} address {Address}", connection.RemoteEndPoint, _kind, address);
                    return RouteResult.Rejected;
                }
                DeviceChannel? channel = _host.Attach(connection, meter, _kind);
                if (channel == null)
                {
                    _host._logger.LogWarning("Refused {Remote}: every slot of meter {Meter} holds an association", connection.RemoteEndPoint, meter);
                    return RouteResult.Rejected;
                }
                connection.Attach(channel, _kind == ChannelKind.TcpWrapper ? new WrapperInboundRewriter(address) : null);
                return RouteResult.Routed;
            }
        }
    }
}
