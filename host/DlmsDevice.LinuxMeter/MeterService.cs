using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Firmware;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.LinuxMeter.Serving;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.LinuxMeter
{
    /// <summary>
    /// Serves a <see cref="BoardMeter"/> as a hosted service: the TCP wrapper and HDLC-over-TCP
    /// ports (a thread per connection in a slot of the meter), the RS-485 line (a thread), the
    /// board poll, and the tick thread that moves the metering engine every
    /// <see cref="TickIntervalMilliseconds"/> and at once on a power-fail edge.
    /// </summary>
    /// <remarks>
    /// Under systemd with <c>WatchdogSec=</c> the tick thread feeds a <see cref="LoopWatchdog"/>
    /// (the ESP32 firmware's, firmware/DlmsDevice.Firmware) and a timer sends <c>WATCHDOG=1</c>
    /// only while that loop turns, so a meter stuck on its lock is restarted by systemd. Stopping
    /// closes the ports and every channel, then powers the meter down cleanly (power-down event,
    /// final checkpoint) and closes the devices.
    /// </remarks>
    public sealed class MeterService : IHostedService, IDisposable
    {
        /// <summary>How often the metering engine ticks (ms).</summary>
        public const int TickIntervalMilliseconds = 500;

        private readonly BoardMeter _meter;
        private readonly ILogger _logger;
        private readonly ISystemdNotifier? _notifier;
        private readonly int _tickInterval;
        private readonly object _sync = new object();
        private readonly List<ChannelThread> _channels = new List<ChannelThread>();
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim(false);
        private readonly AutoResetEvent _tickNow = new AutoResetEvent(false);
        private readonly SystemClock _realTime = new SystemClock();
        private TcpAcceptor? _wrapper;
        private TcpAcceptor? _hdlc;
        private ChannelThread? _rs485;
        private Thread? _ticker;
        private Timer? _watchdogTimer;
        private LoopWatchdog? _watchdog;
        private long _ticks;
        private bool _stopped;

        /// <summary>Serves <paramref name="meter"/>; <paramref name="notifier"/> is systemd's (null outside systemd).</summary>
        /// <param name="meter">The opened board.</param>
        /// <param name="loggers">Where the service logs.</param>
        /// <param name="notifier">systemd's notifier; null outside systemd.</param>
        /// <param name="tickIntervalMilliseconds">Real time between engine ticks (10..1000; tests tick faster).</param>
        public MeterService(BoardMeter meter, ILoggerFactory loggers, ISystemdNotifier? notifier, int tickIntervalMilliseconds = TickIntervalMilliseconds)
        {
            ArgumentNullException.ThrowIfNull(meter);
            ArgumentNullException.ThrowIfNull(loggers);
            ArgumentOutOfRangeException.ThrowIfLessThan(tickIntervalMilliseconds, 10);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(tickIntervalMilliseconds, 1000);
            _tickInterval = tickIntervalMilliseconds;
            _meter = meter;
            _logger = loggers.CreateLogger("DlmsDevice.LinuxMeter");
            _notifier = notifier;
        }

        /// <summary>Where the TCP wrapper listens; null when off or not started.</summary>
        public IPEndPoint? WrapperEndPoint => _wrapper?.LocalEndPoint;

        /// <summary>Where HDLC over TCP listens; null when off or not started.</summary>
        public IPEndPoint? HdlcEndPoint => _hdlc?.LocalEndPoint;

        /// <summary>Engine ticks so far.</summary>
        public long Ticks => Interlocked.Read(ref _ticks);

        /// <summary>Opens the ports and starts the threads.</summary>
        /// <exception cref="SocketException">A port is in use.</exception>
        public Task StartAsync(CancellationToken cancellationToken)
        {
            BoardMeter m = _meter;
            IPAddress address = IPAddress.Parse(m.Board.Tcp.Bind);
            if (m.Board.Tcp.WrapperPort != 0)
            {
                _wrapper = new TcpAcceptor(address, Math.Max(m.Board.Tcp.WrapperPort, 0), 32, "TCP wrapper", socket => OnAccept(socket, ChannelKind.TcpWrapper), Fault);
            }
            if (m.Board.Tcp.HdlcPort != 0)
            {
                _hdlc = new TcpAcceptor(address, Math.Max(m.Board.Tcp.HdlcPort, 0), 32, "HDLC over TCP", socket => OnAccept(socket, ChannelKind.TcpHdlc), Fault);
            }
            if (m.PowerFail != null)
            {
                m.PowerFail.Edge += OnPowerFailEdge;
            }
            m.Poller.Start();
            _ticker = new Thread(TickLoop) { IsBackground = true, Name = "meter tick" };
            _ticker.Start();
            if (m.Rs485 != null)
            {
                DeviceChannel channel = m.Device.SerialChannels[0];
                _rs485 = new ChannelThread("rs485 " + m.Board.Rs485!.Device, channel, m.Rs485, _logger, _ => { });
                _rs485.Start();
                _logger.LogInformation("RS-485: HDLC on {Line}", m.Rs485Description);
            }
            _wrapper?.Start();
            _hdlc?.Start();
            if (_wrapper != null)
            {
                _logger.LogInformation("TCP wrapper listening on {EndPoint}", _wrapper.LocalEndPoint);
            }
            if (_hdlc != null)
            {
                _logger.LogInformation("HDLC over TCP listening on {EndPoint}", _hdlc.LocalEndPoint);
            }
            StartWatchdog();
            _logger.LogInformation("Meter {Name} serving", m.Device.Model.LogicalDeviceName);
            return Task.CompletedTask;
        }

        /// <summary>Closes the ports and channels, powers the meter down cleanly, closes the devices.</summary>
        public Task StopAsync(CancellationToken cancellationToken)
        {
            ChannelThread[] open;
            lock (_sync)
            {
                if (_stopped)
                {
                    return Task.CompletedTask;
                }
                _stopped = true;
                open = _channels.ToArray();
            }
            _watchdogTimer?.Dispose();
            _wrapper?.Dispose();
            _hdlc?.Dispose();
            foreach (ChannelThread channel in open)
            {
                channel.Stop(2000);
            }
            _rs485?.Stop(2000);
            _stop.Set();
            _ticker?.Join(5000);
            _meter.Poller.Dispose();
            // A clean power-down: event logged, final checkpoint (the next start logs only a power-up).
            _meter.Device.Shutdown();
            _meter.Dispose();
            _logger.LogInformation("Stopped ({Count} connection(s) closed)", open.Length);
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            _stop.Dispose();
            _tickNow.Dispose();
        }

        private void Fault(string what, Exception e)
        {
            _logger.LogWarning(e, "{What}", what);
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
            DeviceChannel? channel = _meter.Device.Accept(kind, connection, out bool evicted);
            if (channel == null)
            {
                _logger.LogWarning("Refused {Connection}: every slot holds an association", description);
                connection.Close();
                return;
            }
            if (evicted)
            {
                _logger.LogInformation("Every {Kind} slot was taken: the oldest connection without an association gave way to {Connection}", kind, description);
            }
            ChannelThread thread = new ChannelThread(description, channel, connection, _logger, OnEnded);
            lock (_sync)
            {
                if (_stopped)
                {
                    connection.Close();
                    return;
                }
                _channels.Add(thread);
            }
            _logger.LogInformation("{Connection} opened", description);
            thread.Start();
        }

        private void OnEnded(ChannelThread thread)
        {
            lock (_sync)
            {
                _channels.Remove(thread);
            }
        }

        private void OnPowerFailEdge(int pin, bool level, long utcTicks)
        {
            if (level)
            {
                _tickNow.Set();
            }
        }

        private void TickLoop()
        {
            WaitHandle[] handles = { _stop.WaitHandle, _tickNow };
            while (WaitHandle.WaitAny(handles, _tickInterval) != 0)
            {
                try
                {
                    _meter.Device.Tick();
                }
                catch (Exception e)
                {
                    // A defect in a tick must not stop the meter; it is logged and the next tick runs.
                    _logger.LogError(e, "Meter tick failed");
                }
                Interlocked.Increment(ref _ticks);
                LoopWatchdog? watchdog = _watchdog;
                if (watchdog != null)
                {
                    lock (watchdog)
                    {
                        watchdog.Feed(_realTime.GetMonotonicMilliseconds());
                    }
                }
            }
        }

        // systemd's WatchdogSec= sets WATCHDOG_USEC: tell it we live at half that period, while the tick loop turns.
        private void StartWatchdog()
        {
            string? usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
            if (_notifier == null || !_notifier.IsEnabled || usec == null
                || !long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out long microseconds) || microseconds <= 0)
            {
                return;
            }
            long period = Math.Max(microseconds / 1000, 2 * _tickInterval + 1000);
            LoopWatchdog watchdog = new LoopWatchdog(period);
            watchdog.Feed(_realTime.GetMonotonicMilliseconds());
            _watchdog = watchdog;
            int interval = (int)Math.Max(microseconds / 2000, 100);
            _watchdogTimer = new Timer(_ =>
            {
                bool expired;
                lock (watchdog)
                {
                    expired = watchdog.IsExpired(_realTime.GetMonotonicMilliseconds());
                }
                if (!expired)
                {
                    _notifier.Notify(new ServiceState("WATCHDOG=1"));
                }
            }, null, interval, interval);
            _logger.LogInformation("systemd watchdog: WATCHDOG=1 every {Interval} ms while the meter loop turns", interval);
        }
    }
}
