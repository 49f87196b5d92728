using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using DlmsDevice.Emulator.Diagnostics;
using DlmsDevice.Emulator.Tracing;
using DlmsDevice.Emulator.Transport;
using DlmsDevice.Emulator.Transport.EventLoop;
using DlmsDevice.Emulator.Transport.Udp;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Runtime;
using DlmsDevice.Runtime.Optical;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// A running emulated meter: the endpoints (TCP wrapper, HDLC over TCP, HDLC on a serial
    /// line) around one <see cref="IMeterModel"/>. An accepted connection gets a slot from the
    /// meter's pool for its endpoint (the device runtime: when every slot is taken, the oldest
    /// connection without an association gives way) and a thread that serves it. Used by the CLI
    /// and, in-process with ephemeral ports, by the end-to-end tests.
    /// </summary>
    public sealed class MeterEmulator : IDisposable
    {
        private readonly EmulatorOptions _options;
        private readonly ILogger _logger;
        private readonly ILogger _traceLogger;
        private readonly IMeterModel _model;
        private readonly object _sync = new object();
        private readonly List<ChannelWorker> _workers = new List<ChannelWorker>();
        private TcpAcceptor? _wrapper;
        private TcpAcceptor? _hdlc;
        private ChannelWorker? _serial;
        private ChannelWorker? _optical;
        private OpticalPort? _opticalPort;
        private UdpWrapperEndpoint? _udp;
        private Timer? _udpPoll;
        private int _nextId;
        private bool _started;
        private bool _stopped;
        private bool _running;

        /// <summary>Creates the emulator around <paramref name="model"/>; nothing is opened until <see cref="Start"/>.</summary>
        public MeterEmulator(EmulatorOptions options, IMeterModel model, ILoggerFactory loggerFactory)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _model = model ?? throw new ArgumentNullException(nameof(model));
            ArgumentNullException.ThrowIfNull(loggerFactory);
            _logger = loggerFactory.CreateLogger("DlmsDevice.Emulator");
            _traceLogger = loggerFactory.CreateLogger("DlmsDevice.Emulator.Trace");
        }

        /// <summary>The options this emulator runs with.</summary>
        public EmulatorOptions Options => _options;

        /// <summary>The meter being served.</summary>
        public IMeterModel Model => _model;

        /// <summary>Where the TCP wrapper listens; null when disabled or not started.</summary>
        public IPEndPoint? WrapperEndPoint => _wrapper?.LocalEndPoint;

        /// <summary>Where HDLC over TCP listens; null when disabled or not started.</summary>
        public IPEndPoint? HdlcEndPoint => _hdlc?.LocalEndPoint;

        /// <summary>Where the UDP wrapper listens; null when disabled or not started.</summary>
        public IPEndPoint? UdpEndPoint => _udp?.LocalEndPoint;

        /// <summary>The serial line's worker, when one is configured.</summary>
        public ChannelWorker? SerialConnection => _serial;

        /// <summary>The optical port's worker, when one is configured.</summary>
        public ChannelWorker? OpticalConnection => _optical;

        /// <summary>The optical port (IEC 62056-21 mode E), when one is configured.</summary>
        public OpticalPort? OpticalPort => _opticalPort;

        /// <summary>A snapshot of the open TCP connections.</summary>
        public ChannelWorker[] GetConnections()
        {
            lock (_sync)
            {
                return _workers.ToArray();
            }
        }

        /// <summary>
        /// Opens the endpoints. Throws <see cref="EndpointUnavailableException"/> naming the
        /// endpoint (and closes what it opened) when one cannot be opened: a port in use, an
        /// address that is not local, a serial device that does not exist.
        /// </summary>
        public void Start()
        {
            if (_started)
            {
                throw new InvalidOperationException("Already started.");
            }
            _started = true;
            DlmsServer? server = _model.Server;
            if (server != null)
            {
                // Refused associations are logged with their reason (never sent to the client).
                server.Observer = new RefusalLog(_logger, DescribeSession, server.Acse);
            }
            try
            {
                IPAddress address = IPAddress.Parse(_options.BindAddress);
                if (_options.WrapperPort != 0)
                {
                    _wrapper = OpenTcp("TCP wrapper", address, _options.WrapperPort, ChannelKind.TcpWrapper);
                }
                if (_options.HdlcPort != 0)
                {
                    _hdlc = OpenTcp("HDLC over TCP", address, _options.HdlcPort, ChannelKind.TcpHdlc);
                }
                if (!string.IsNullOrEmpty(_options.SerialDevice))
                {
                    SerialByteChannel port = OpenSerial("serial line", _options.SerialDevice, _options.BaudRate, SerialCharacterFormat.EightNoneOne);
                    string description = "serial " + _options.SerialDevice + " " + _options.BaudRate + " 8N1";
                    _serial = Attach(ChannelKind.SerialHdlc, port, description, null);
                    if (_serial == null)
                    {
                        port.Close();
                        throw new InvalidOperationException("The meter serves no serial line.");
                    }
                }
                if (!string.IsNullOrEmpty(_options.OpticalDevice))
                {
                    StartOptical(_options.OpticalDevice);
                }
                if (_options.UdpPort != 0 && _model is DefaultMeter meter)
                {
                    _udp = OpenUdp(address, meter);
                }
            }
            catch
            {
                Stop();
                throw;
            }
            _running = true;
            _wrapper?.Start();
            _hdlc?.Start();
            _serial?.Start();
            _optical?.Start();
            if (_udp != null)
            {
                _udp.Start();
                // The UDP peers' time-outs, as the connection threads poll their channels.
                _udpPoll = new Timer(_ => _udp.Poll(), null, ChannelWorker.PollIntervalMilliseconds, ChannelWorker.PollIntervalMilliseconds);
                _logger.LogInformation("UDP wrapper listening on {EndPoint}", _udp.LocalEndPoint);
            }
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
            if (_optical != null)
            {
                _logger.LogInformation("Optical port on {Optical}", _optical.Description);
            }
        }

        /// <summary>
        /// Names the connection <paramref name="session"/> serves, e.g. "Connection 3 (wrapper
        /// 127.0.0.1:50312)"; "A connection" when none does (any more).
        /// </summary>
        public string DescribeSession(ApplicationSession session)
        {
            ChannelWorker? found = null;
            lock (_sync)
            {
                foreach (ChannelWorker worker in _workers)
                {
                    if (worker.Channel.Session == session)
                    {
                        found = worker;
                        break;
                    }
                }
            }
            if (found == null && _serial != null && _serial.Channel.Session == session)
            {
                found = _serial;
            }
            if (found == null && _optical != null && _optical.Channel.Session == session)
            {
                found = _optical;
            }
            return found == null ? "A connection" : "Connection " + found.Id + " (" + found.Description + ")";
        }

        /// <summary>
        /// Closes the listeners, then every connection and the serial line, and waits for their
        /// threads. Safe to call more than once.
        /// </summary>
        public void Stop()
        {
            ChannelWorker[] open;
            lock (_sync)
            {
                if (_stopped)
                {
                    return;
                }
                _stopped = true;
                open = _workers.ToArray();
            }
            _wrapper?.Dispose();
            _hdlc?.Dispose();
            _udpPoll?.Dispose();
            _udp?.Dispose();
            foreach (ChannelWorker worker in open)
            {
                worker.Stop(2000);
            }
            _serial?.Stop(2000);
            _optical?.Stop(2000);
            if (_running)
            {
                _logger.LogInformation("Stopped ({Count} connection(s) closed)", open.Length);
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Stop();
        }

        // The wrapper over UDP: the meter's sessions per peer (address, port), as many as TCP connections.
        private UdpWrapperEndpoint OpenUdp(IPAddress address, DefaultMeter meter)
        {
            UdpSessionTable table = new UdpSessionTable(meter.SyncRoot, meter.Server.CreateSession, _options.MaxConnections, _options.MaxApduSize,
                _options.WrapperInactivityTimeoutSeconds * 1000, _options.AssociationTimeoutSeconds * 1000, 1);
            return new UdpWrapperEndpoint(address, Math.Max(_options.UdpPort, 0), new[] { table }, -1, _options.MaxApduSize,
                new BufferPool(Math.Max(4096, _options.MaxApduSize + 256)), new SystemClock(), _logger);
        }

        // The optical port: the device at 300 Bd 7E1 under an OpticalPort (mode E) in a serial
        // slot, watching the HDLC link of that slot to know when a session ends.
        private void StartOptical(string device)
        {
            ModeESettings settings = new ModeESettings
            {
                Identification = _options.SerialNumber,
                DeviceAddress = _options.SerialNumber,
                MaxBaudRate = _options.OpticalBaudRate,
            };
            SerialByteChannel line = OpenSerial("optical port", device, OpticalPort.SignOnBaudRate, SerialCharacterFormat.SevenEvenOne);
            OpticalPort port;
            try
            {
                port = new OpticalPort(line, settings, new SystemClock());
            }
            catch
            {
                line.Close();
                throw;
            }
            string description = "optical " + device + ": IEC 62056-21 mode E, sign-on 300 Bd 7E1, HDLC up to " + _options.OpticalBaudRate + " Bd 8N1";
            _optical = Attach(ChannelKind.SerialHdlc, port, description, null);
            if (_optical == null)
            {
                port.Close();
                throw new InvalidOperationException("The meter has no serial slot left for the optical port.");
            }
            port.Attach((HdlcServerLink)_optical.Channel.Link);
            _opticalPort = port;
        }

        private TcpAcceptor OpenTcp(string name, IPAddress address, int port, ChannelKind kind)
        {
            try
            {
                return new TcpAcceptor(address, Math.Max(port, 0), 128, name, socket => OnAccept(socket, kind),
                    (what, e) => _logger.LogWarning(e, "{What}", what));
            }
            catch (SocketException ex)
            {
                throw EndpointErrors.Tcp(name, address, port, ex);
            }
        }

        private static SerialByteChannel OpenSerial(string name, string device, int baudRate, SerialCharacterFormat format)
        {
            try
            {
                return new SerialByteChannel(device, baudRate, format);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                throw EndpointErrors.Serial(name, device, ex);
            }
        }

        private void OnAccept(Socket socket, ChannelKind kind)
        {
            SocketByteChannel connection = new SocketByteChannel(socket);
            string description = (kind == ChannelKind.TcpWrapper ? "wrapper " : "hdlc ") + connection.RemoteEndPoint;
            lock (_sync)
            {
                if (_stopped)
                {
                    connection.Close();
                    return;
                }
            }
            ChannelWorker? worker = Attach(kind, connection, description, OnClosed);
            if (worker == null)
            {
                _logger.LogWarning("Refused {Description}: every slot holds an association", description);
                connection.Close();
                return;
            }
            lock (_sync)
            {
                if (_stopped)
                {
                    worker.Stop(0);
                    return;
                }
                _workers.Add(worker);
            }
            _logger.LogInformation("Connection {Id} opened: {Description}", worker.Id, description);
            worker.Start();
        }

        // The trace deciphers with client 48's keys (the options' hex; null = the test keys).
        private static byte[]? TraceKey(string? hex)
        {
            return string.IsNullOrEmpty(hex) ? null : Convert.FromHexString(hex);
        }

        // A slot of the meter's pool for this kind, and a worker to serve it; null when none is free.
        private ChannelWorker? Attach(ChannelKind kind, IByteChannel connection, string description, Action<ChannelWorker>? onClosed)
        {
            ChannelPool? pool = _model.Pool(kind);
            if (pool == null)
            {
                return null;
            }
            int id = Interlocked.Increment(ref _nextId);
            IByteChannel stream = connection;
            if (_options.Trace)
            {
                stream = new TracingByteChannel(connection, new ConnectionTrace("[" + id + " " + description + "]", kind, _traceLogger,
                    TraceKey(_options.BlockCipherKey), TraceKey(_options.AuthenticationKey)));
            }
            DeviceChannel? channel = pool.Accept(stream, out bool evicted);
            if (channel == null)
            {
                return null;
            }
            if (evicted)
            {
                _logger.LogInformation("Every {Kind} slot was taken: the oldest connection without an association gave way to {Description}", kind, description);
            }
            return new ChannelWorker(id, description, channel, stream, _logger, onClosed ?? (_ => { }));
        }

        private void OnClosed(ChannelWorker worker)
        {
            lock (_sync)
            {
                _workers.Remove(worker);
            }
        }
    }
}
