using System;
using System.Threading;
using DlmsDevice.Hal;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;
using DlmsDevice.Runtime.Optical;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Firmware
{
    /// <summary>
    /// The firmware of a meter on a board: from the settings and the board's parts it builds
    /// the meter through the portable entry point (<see cref="MeterDevice"/>), opens RS-485
    /// (HDLC), the optical port (IEC 62056-21 mode E), Wi-Fi and the TCP listeners, and serves
    /// them all from one loop (<see cref="RunOnce"/>). The ESP32 Program is this plus the
    /// nanoFramework board; the tests run it on simulated parts behind the same seams.
    /// </summary>
    /// <remarks>
    /// <para>One turn of the loop: the board's periodic work (hardware pulse counters read,
    /// outputs driven) every <see cref="PollIntervalMilliseconds"/>; connections waiting on the
    /// listeners accepted (or refused: closed) into the device's slots; every channel read with
    /// time-out 0 and answered; the engine ticked every <see cref="TickIntervalMilliseconds"/>;
    /// the watchdog fed. A power-fail edge makes the next turn poll and tick at once, so the
    /// engine logs the power-down and checkpoints while the supply capacitor still holds.</para>
    /// <para>Everything is allocated by <see cref="Start"/>; a turn of the loop allocates nothing
    /// in this class (the board's poll may: nanoFramework's pulse counter read returns a
    /// struct, which is why it is made here, periodically, and never per request).</para>
    /// </remarks>
    public sealed class FirmwareHost
    {
        /// <summary>The firmware's name and version in the debug output.</summary>
        public const string Version = "DlmsDevice firmware 0.1.0";

        /// <summary>How often the board's periodic work runs (ms).</summary>
        public const int PollIntervalMilliseconds = 100;

        /// <summary>How often the metering engine ticks (ms).</summary>
        public const int TickIntervalMilliseconds = 500;

        /// <summary>The read buffer of the loop (bytes per read of a channel).</summary>
        public const int ReadBufferSize = 512;

        // The largest HDLC frame the meter writes (2030 bytes of information and the header): the
        // RS-485 echo is compared over this many bytes.
        private const int MaxFrame = 2100;

        private readonly FirmwareSettings _settings;
        private readonly IBoard _board;
        private readonly byte[] _buffer = new byte[ReadBufferSize];
        private MeterDevice _device;
        private DeviceChannel _rs485;
        private DeviceChannel _optical;
        private IConnectionListener _wrapperListener;
        private IConnectionListener _hdlcListener;
        private LoopWatchdog _watchdog;
        private long _nextPoll;
        private long _nextTick;
        private bool _networkUp;
        // 1 after a power-fail edge (set on the GPIO event thread, taken by the loop).
        private int _powerFailing;

        /// <summary>A firmware with <paramref name="settings"/> on <paramref name="board"/>; nothing is opened before <see cref="Start"/>.</summary>
        public FirmwareHost(FirmwareSettings settings, IBoard board)
        {
            if (settings == null || board == null)
            {
                throw new ArgumentNullException();
            }
            _settings = settings;
            _board = board;
        }

        /// <summary>The meter (after <see cref="Start"/>).</summary>
        public MeterDevice Device
        {
            get { return _device; }
        }

        /// <summary>The RS-485 slot; null when RS-485 is off or could not be opened.</summary>
        public DeviceChannel Rs485Channel
        {
            get { return _rs485; }
        }

        /// <summary>The optical port's slot; null when it is off or could not be opened.</summary>
        public DeviceChannel OpticalChannel
        {
            get { return _optical; }
        }

        /// <summary>True when Wi-Fi joined its network.</summary>
        public bool NetworkUp
        {
            get { return _networkUp; }
        }

        /// <summary>The watchdog the loop feeds; null when it is off.</summary>
        public LoopWatchdog Watchdog
        {
            get { return _watchdog; }
        }

        /// <summary>Builds the meter and opens what the settings ask for; what cannot be opened is logged and left out.</summary>
        public void Start()
        {
            FirmwareSettings s = _settings;
            ISystemClock clock = _board.Clock;
            _board.Log(Version + " starting");
            MeterConfiguration configuration = CreateConfiguration(s, clock);
            MeterDeviceSettings deviceSettings = CreateDeviceSettings(s, clock);
            _device = new MeterDevice(deviceSettings, configuration, _board.Storage, _board.Entropy);
            if (deviceSettings.Meter.UsesTestKeys)
            {
                _board.Log("WARNING: client 48 uses the published Green Book TEST KEYS: set security.ak, security.ek and security.kek");
            }
            if (_device.CountersStatus != DlmsDevice.Hal.StoreStatus.Ok)
            {
                _board.Log("invocation counters unreadable (" + StatusName(_device.CountersStatus) + "): ciphered associations are refused");
            }
            OpenRs485(s, clock);
            OpenOptical(s);
            StartNetwork(s);
            long now = clock.GetMonotonicMilliseconds();
            if (s.WatchdogSeconds > 0)
            {
                _watchdog = new LoopWatchdog(s.WatchdogSeconds * 1000L);
                _watchdog.Feed(now);
            }
            _nextPoll = now;
            _nextTick = now;
            _board.Log("meter " + _device.Model.LogicalDeviceName + " serving");
        }

        /// <summary>One turn of the main loop (see the remarks); call it continuously.</summary>
        public void RunOnce()
        {
            long now = _board.Clock.GetMonotonicMilliseconds();
            bool powerFailing = Interlocked.Exchange(ref _powerFailing, 0) != 0;
            if (powerFailing || now - _nextPoll >= 0)
            {
                _board.Poll();
                _nextPoll = now + PollIntervalMilliseconds;
            }
            AcceptFrom(_wrapperListener, ChannelKind.TcpWrapper);
            AcceptFrom(_hdlcListener, ChannelKind.TcpHdlc);
            _device.ServiceAll(_buffer);
            if (powerFailing || now - _nextTick >= 0)
            {
                _device.Tick();
                _nextTick = now + TickIntervalMilliseconds;
            }
            if (_watchdog != null)
            {
                _watchdog.Feed(now);
            }
        }

        private MeterConfiguration CreateConfiguration(FirmwareSettings s, ISystemClock clock)
        {
            MeterConfiguration configuration = new MeterConfiguration(clock);
            if (s.PulsePin >= 0)
            {
                IPulseCounter counter = _board.OpenPulseCounter(s.PulsePin, s.PulseFilter);
                if (counter != null)
                {
                    configuration.PulseChannels = new PulseChannel[] { new PulseChannel(counter, s.PulseConstant, EnergyDirection.Import) };
                }
                else
                {
                    _board.Log("pulse input on GPIO " + s.PulsePin.ToString() + " cannot be opened: no energy from pulses");
                }
            }
            configuration.Voltage = CreateAnalog(s.Voltage, AnalogQuantity.Voltage, Unit.Volt, -1);
            configuration.Current = CreateAnalog(s.Current, AnalogQuantity.Current, Unit.Ampere, -2);
            if (s.CoverPin >= 0)
            {
                configuration.CoverOpen = _board.OpenInput(s.CoverPin, false);
            }
            if (s.PowerFailPin >= 0)
            {
                IDigitalInput powerFail = _board.OpenInput(s.PowerFailPin, s.PowerFailActiveLow);
                if (powerFail != null)
                {
                    powerFail.Edge += OnPowerFailEdge;
                }
                configuration.PowerFail = powerFail;
            }
            if (s.RelayPin >= 0)
            {
                configuration.Relay = _board.OpenOutput(s.RelayPin);
            }
            return configuration;
        }

        private AnalogChannel CreateAnalog(AnalogInputSettings input, AnalogQuantity quantity, Unit unit, sbyte scaler)
        {
            if (!input.Enabled)
            {
                return null;
            }
            IAnalogInput adc = _board.OpenAnalog(input.Channel);
            if (adc == null)
            {
                _board.Log("ADC channel " + input.Channel.ToString() + " cannot be opened");
                return null;
            }
            return new AnalogChannel(new AveragingAnalogInput(adc, input.Samples), quantity, input.Gain, input.Offset, unit, scaler);
        }

        private static MeterDeviceSettings CreateDeviceSettings(FirmwareSettings s, ISystemClock clock)
        {
            MeterDeviceSettings device = new MeterDeviceSettings();
            DefaultMeterModelSettings meter = device.Meter;
            meter.SerialNumber = s.SerialNumber;
            meter.Password = s.Password;
            meter.HdlcPhysicalAddress = s.HdlcPhysicalAddress;
            meter.HdlcInactivityTimeoutSeconds = s.HdlcInactivityTimeoutSeconds;
            meter.MaxApduSize = s.MaxApduSize;
            meter.BaudRate = s.Rs485.BaudRate;
            meter.AuthenticationKey = s.AuthenticationKey;
            meter.BlockCipherKey = s.BlockCipherKey;
            meter.MasterKey = s.MasterKey;
            meter.SystemTitle = s.SystemTitle;
            bool radio = s.UsesRadio;
            meter.WrapperPort = s.WrapperPort > 0 ? s.WrapperPort : 4059;
            // Without a radio one wrapper slot is kept (the TCP-UDP setup shows it) and never used.
            meter.MaxConnections = radio && s.WrapperPort > 0 ? s.TcpConnections : 1;
            device.SerialChannels = (s.Rs485.Enabled ? 1 : 0) + (s.Optical.Enabled ? 1 : 0);
            device.HdlcTcpChannels = radio && s.HdlcPort > 0 ? s.TcpConnections : 0;
            device.LinkClock = clock;
            return device;
        }

        private void OpenRs485(FirmwareSettings s, ISystemClock clock)
        {
            SerialLineSettings line = s.Rs485;
            if (!line.Enabled)
            {
                return;
            }
            ISerialLine uart = _board.OpenSerial(line, line.BaudRate, true);
            if (uart == null)
            {
                _board.Log("RS-485 on " + line.PortName + " cannot be opened");
                return;
            }
            IByteChannel channel = uart;
            if (line.Echo || line.TurnaroundMilliseconds > 0)
            {
                channel = new HalfDuplexChannel(uart, clock, line.BaudRate, line.Echo, line.TurnaroundMilliseconds, MaxFrame);
            }
            _rs485 = _device.OpenSerial(channel);
            _board.Log("RS-485: HDLC on " + line.PortName + " at " + line.BaudRate.ToString() + " Bd 8N1");
        }

        private void OpenOptical(FirmwareSettings s)
        {
            SerialLineSettings line = s.Optical;
            if (!line.Enabled)
            {
                return;
            }
            ISerialLine uart = _board.OpenSerial(line, OpticalPort.SignOnBaudRate, false);
            if (uart == null)
            {
                _board.Log("optical port on " + line.PortName + " cannot be opened");
                return;
            }
            ModeESettings modeE = new ModeESettings();
            modeE.Identification = s.SerialNumber;
            modeE.DeviceAddress = s.SerialNumber;
            modeE.MaxBaudRate = line.BaudRate;
            _optical = _device.OpenOptical(uart, modeE);
            _board.Log("optical port: IEC 62056-21 mode E on " + line.PortName + ", HDLC up to " + line.BaudRate.ToString() + " Bd");
        }

        private void StartNetwork(FirmwareSettings s)
        {
            if (!s.UsesRadio)
            {
                return;
            }
            _board.Log("Wi-Fi: joining " + s.WifiSsid);
            if (!_board.ConnectWifi(s.WifiSsid, s.WifiPassword))
            {
                _board.Log("Wi-Fi: not connected; serving the serial lines only");
                return;
            }
            _networkUp = true;
            if (s.UseSntp)
            {
                _board.StartTimeSync();
            }
            if (s.WrapperPort > 0)
            {
                _wrapperListener = Listen(s.WrapperPort, "TCP wrapper");
            }
            if (s.HdlcPort > 0)
            {
                _hdlcListener = Listen(s.HdlcPort, "HDLC over TCP");
            }
        }

        private IConnectionListener Listen(int port, string what)
        {
            IConnectionListener listener = _board.Listen(port);
            _board.Log(what + (listener != null ? " listening on port " : " cannot listen on port ") + port.ToString());
            return listener;
        }

        private void AcceptFrom(IConnectionListener listener, ChannelKind kind)
        {
            if (listener == null)
            {
                return;
            }
            IByteChannel connection = listener.Accept();
            if (connection == null)
            {
                return;
            }
            bool evicted;
            if (_device.Accept(kind, connection, out evicted) == null)
            {
                connection.Close(); // every slot holds an association: refused
            }
        }

        private void OnPowerFailEdge(int pin, bool level, long utcTicks)
        {
            if (level)
            {
                Interlocked.Exchange(ref _powerFailing, 1);
            }
        }

        private static string StatusName(DlmsDevice.Hal.StoreStatus status)
        {
            switch (status)
            {
                case DlmsDevice.Hal.StoreStatus.NotFound:
                    return "not found";
                case DlmsDevice.Hal.StoreStatus.InvalidRecord:
                    return "invalid record";
                case DlmsDevice.Hal.StoreStatus.MediumFailure:
                    return "medium failure";
                default:
                    return "error";
            }
        }
    }
}
