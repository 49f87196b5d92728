using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using DlmsDevice.Emulator.Tracing;
using DlmsDevice.Emulator.Transport;
using DlmsDevice.Hal;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Hdlc;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// A running emulated meter: the endpoints (TCP wrapper, HDLC over TCP, HDLC on a serial
    /// line) and their connections around one <see cref="IMeterModel"/>. Used by the CLI and,
    /// in-process with ephemeral ports, by the end-to-end tests.
    /// </summary>
    public sealed class MeterEmulator : IDisposable
    {
        private readonly EmulatorOptions _options;
        private readonly ILoggerFactory _loggerFactory;
        private readonly ILogger _logger;
        private readonly ILogger _traceLogger;
        private readonly IMeterModel _model;
        private readonly object _sync = new object();
        private readonly List<LinkConnection> _connections = new List<LinkConnection>();
        private TcpEndpoint? _wrapper;
        private TcpEndpoint? _hdlc;
        private LinkConnection? _serial;
        private int _nextId;
        // Accepted connections being built: they count against MaxConnections already.
        private int _pendingConnections;
        private bool _started;
        private bool _stopped;

        /// <summary>Creates the emulator around <paramref name="model"/>; nothing is opened until <see cref="Start"/>.</summary>
        public MeterEmulator(EmulatorOptions options, IMeterModel model, ILoggerFactory loggerFactory)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _model = model ?? throw new ArgumentNullException(nameof(model));
            _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
            _logger = loggerFactory.CreateLogger("DlmsDevice.Emulator");
            _traceLogger = loggerFactory.CreateLogger("DlmsDevice.Emulator.Trace");
        }

        /// <summary>The options this emulator runs with.</summary>
        public EmulatorOptions Options
        {
            get { return _options; }
        }

        /// <summary>The meter being served.</summary>
        public IMeterModel Model
        {
            get { return _model; }
        }

        /// <summary>Where the TCP wrapper listens; null when disabled or not started.</summary>
        public IPEndPoint? WrapperEndPoint
        {
            get { return _wrapper?.LocalEndPoint; }
        }

        /// <summary>Where HDLC over TCP listens; null when disabled or not started.</summary>
        public IPEndPoint? HdlcEndPoint
        {
            get { return _hdlc?.LocalEndPoint; }
        }

        /// <summary>The serial line's connection, when one is configured.</summary>
        public LinkConnection? SerialConnection
        {
            get { return _serial; }
        }

        /// <summary>A snapshot of the open TCP connections.</summary>
        public LinkConnection[] GetConnections()
        {
            lock (_sync)
            {
                return _connections.ToArray();
            }
        }

        /// <summary>
        /// Opens the endpoints. Throws (and closes what it opened) when one cannot be opened: a
        /// port in use, a serial device that does not exist.
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
                IPAddress address = IPAddress.Parse(_options.BindAddress);
                if (_options.WrapperPort != 0)
                {
                    _wrapper = new TcpEndpoint(address, Math.Max(_options.WrapperPort, 0), LinkKind.Wrapper, OnAccept, _logger);
                }
                if (_options.HdlcPort != 0)
                {
                    _hdlc = new TcpEndpoint(address, Math.Max(_options.HdlcPort, 0), LinkKind.Hdlc, OnAccept, _logger);
                }
                if (!string.IsNullOrEmpty(_options.SerialDevice))
                {
                    SerialByteChannel channel = new SerialByteChannel(_options.SerialDevice, _options.BaudRate);
                    string description = "serial " + _options.SerialDevice + " " + _options.BaudRate + " 8N1";
                    _serial = CreateConnection(description, channel, channel, LinkKind.Hdlc, null);
                }
            }
            catch
            {
                Stop();
                throw;
            }
            _wrapper?.Start();
            _hdlc?.Start();
            _serial?.Start();
            if (_wrapper != null)
            {
                _logger.LogInformation("TCP wrapper listening on {EndPoint}", _wrapper.LocalEndPoint);
            }
            if (_hdlc != null)
            {
                _logger.LogInformation("HDLC over TCP listening on {EndPoint}", _hdlc.LocalEndPoint);
            }
            if (_serial != null)
            {
                _logger.LogInformation("HDLC on {Serial}", _serial.Description);
            }
        }

        /// <summary>
        /// Closes the listeners, then every connection and the serial line, and waits for their
        /// threads. Safe to call more than once.
        /// </summary>
        public void Stop()
        {
            LinkConnection[] open;
            lock (_sync)
            {
                if (_stopped)
                {
                    return;
                }
                _stopped = true;
                open = _connections.ToArray();
            }
            _wrapper?.Dispose();
            _hdlc?.Dispose();
            foreach (LinkConnection c in open)
            {
                c.Stop(2000);
            }
            _serial?.Stop(2000);
            _logger.LogInformation("Stopped ({Count} connection(s) closed)", open.Length);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Stop();
        }

        /// <summary>The HDLC settings every HDLC link of this meter uses (IC 23 values).</summary>
        public HdlcSettings CreateHdlcSettings()
        {
            HdlcSettings settings = new HdlcSettings();
            settings.PhysicalAddress = _options.HdlcPhysicalAddress;
            settings.LogicalDevices = new int[] { 1 };
            settings.ClientSaps = _model.ClientSaps;
            settings.MaxApduSize = _options.MaxApduSize;
            settings.InactivityTimeoutMilliseconds = _options.HdlcInactivityTimeoutSeconds * 1000;
            return settings;
        }

        private void OnAccept(Socket socket, LinkKind kind)
        {
            SocketByteChannel channel = new SocketByteChannel(socket);
            string description = (kind == LinkKind.Wrapper ? "wrapper " : "hdlc ") + channel.RemoteEndPoint;
            lock (_sync)
            {
                // The check reserves the slot in the same lock: the wrapper and HDLC endpoints
                // accept on two threads, and a check now with the add after building the
                // connection let both pass at the limit.
                if (_stopped || _connections.Count + _pendingConnections >= _options.MaxConnections)
                {
                    _logger.LogWarning("Refused {Description}: {Reason}", description, _stopped ? "stopping" : "too many connections");
                    channel.Dispose();
                    return;
                }
                _pendingConnections++;
            }
            LinkConnection connection;
            try
            {
                connection = CreateConnection(description, channel, channel, kind, OnClosed);
            }
            catch
            {
                lock (_sync)
                {
                    _pendingConnections--;
                }
                channel.Dispose();
                throw;
            }
            lock (_sync)
            {
                _pendingConnections--;
                if (_stopped)
                {
                    channel.Dispose();
                    return;
                }
                _connections.Add(connection);
            }
            _logger.LogInformation("Connection {Id} opened: {Description}", connection.Id, description);
            connection.Start();
        }

        private LinkConnection CreateConnection(string description, IByteChannel channel, IByteSink channelSink, LinkKind kind, Action<LinkConnection>? onClosed)
        {
            int id = Interlocked.Increment(ref _nextId);
            ConnectionTrace? trace = null;
            IByteSink sink = channelSink;
            if (_options.Trace)
            {
                trace = new ConnectionTrace("[" + id + " " + description + "]", kind, _traceLogger);
                sink = new TracingByteSink(channelSink, trace);
            }
            IApduHandler session = new SynchronizedApduHandler(_model.CreateSession(), _model.SyncRoot);
            ILinkChannel link = kind == LinkKind.Wrapper
                ? new WrapperLinkChannel(_options.MaxApduSize, session, sink)
                : new HdlcLinkChannel(CreateHdlcSettings(), session, sink);
            return new LinkConnection(id, description, channel, link, trace, _logger, onClosed ?? (_ => { }));
        }

        private void OnClosed(LinkConnection connection)
        {
            lock (_sync)
            {
                _connections.Remove(connection);
            }
        }
    }
}
