using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Linux;
using DlmsDevice.Hal.Storage;
using DlmsDevice.LinuxMeter.Board;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Cosem;
using Iot.Device.Adc;
using Iot.Device.Ads1115;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.LinuxMeter
{
    /// <summary>
    /// The meter of a board file on a board's devices: the HAL parts (S0 pulse inputs, switches
    /// and relay on GPIO, ADC inputs behind the board poll, the RS-485 line) and the meter built
    /// on them through the one entry point every target uses, <see cref="MeterDevice"/>. Opening
    /// either succeeds completely or throws <see cref="DeviceOpenException"/> (naming the device
    /// and the reason) with everything opened so far closed again. Serving is
    /// <see cref="MeterService"/>'s job.
    /// </summary>
    public sealed class BoardMeter : IDisposable
    {
        private readonly BoardFile _board;
        private readonly IBoardDevices _devices;
        private readonly ILogger _logger;
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private readonly List<GpioPulseInput> _pulses = new List<GpioPulseInput>();
        private readonly List<PolledAnalogInput> _analog = new List<PolledAnalogInput>();
        private GpioController? _gpio;
        private SerialByteChannel? _serial;
        private bool _disposed;

        private BoardMeter(BoardFile board, IBoardDevices devices, ILoggerFactory loggers)
        {
            _board = board;
            _devices = devices;
            _logger = loggers.CreateLogger("DlmsDevice.LinuxMeter");
            Poller = new BoardPoller(devices.Clock, board.AnalogPollMilliseconds, loggers.CreateLogger("DlmsDevice.LinuxMeter.Inputs"));
        }

        /// <summary>The board file.</summary>
        public BoardFile Board => _board;

        /// <summary>The meter.</summary>
        public MeterDevice Device { get; private set; } = null!;

        /// <summary>The board's poll (ADC inputs, debounced switches); started by the service.</summary>
        public BoardPoller Poller { get; }

        /// <summary>The S0 inputs, in board file order.</summary>
        public IReadOnlyList<GpioPulseInput> PulseInputs => _pulses;

        /// <summary>The ADC inputs (voltage first, then current, as configured).</summary>
        public IReadOnlyList<PolledAnalogInput> AnalogInputs => _analog;

        /// <summary>The terminal cover switch; null without one.</summary>
        public GpioDigitalInput? Cover { get; private set; }

        /// <summary>The magnetic tamper sensor; null without one.</summary>
        public GpioDigitalInput? Magnet { get; private set; }

        /// <summary>The supply sense; null without one.</summary>
        public GpioDigitalInput? PowerFail { get; private set; }

        /// <summary>The relay; null without one.</summary>
        public GpioOutput? Relay { get; private set; }

        /// <summary>The RS-485 line as the meter serves it (with the driver enable and half duplex); null without one.</summary>
        public IByteChannel? Rs485 { get; private set; }

        /// <summary>How the RS-485 driver is enabled ("kernel RS-485 mode", "GPIO 18", ...); null without RS-485.</summary>
        public string? Rs485Description { get; private set; }

        /// <summary>The medium under the record store; null without a state directory.</summary>
        public IStorageMedium? Storage { get; private set; }

        /// <summary>Opens every device of <paramref name="board"/> and builds the meter.</summary>
        /// <param name="board">The board file.</param>
        /// <param name="secrets">The secrets it references, read.</param>
        /// <param name="devices">Where the devices come from.</param>
        /// <param name="loggers">Where the board's parts log.</param>
        /// <param name="useStateDirectory">False: the meter runs in memory, the state directory is not touched (<c>--check</c>, which must not log a power-up and a power-down in the real meter's event log).</param>
        /// <exception cref="DeviceOpenException">A device cannot be opened (everything opened so far is closed).</exception>
        public static BoardMeter Open(BoardFile board, MeterSecrets secrets, IBoardDevices devices, ILoggerFactory loggers, bool useStateDirectory = true)
        {
            ArgumentNullException.ThrowIfNull(board);
            ArgumentNullException.ThrowIfNull(secrets);
            ArgumentNullException.ThrowIfNull(devices);
            ArgumentNullException.ThrowIfNull(loggers);
            BoardMeter meter = new BoardMeter(board, devices, loggers);
            try
            {
                meter.OpenAll(secrets, useStateDirectory);
            }
            catch
            {
                meter.Dispose();
                throw;
            }
            return meter;
        }

        /// <summary>Closes the devices (after the meter's <see cref="MeterDevice.Shutdown"/>). Safe to call twice.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            Poller.Dispose();
            Rs485?.Close();
            for (int i = _owned.Count - 1; i >= 0; i--)
            {
                try
                {
                    _owned[i].Dispose();
                }
                catch (Exception e) when (e is InvalidOperationException || e is System.IO.IOException)
                {
                    _logger.LogDebug("Closing {Part}: {Message}", _owned[i].GetType().Name, e.Message);
                }
            }
        }

        private void OpenAll(MeterSecrets secrets, bool useStateDirectory)
        {
            ISystemClock clock = _devices.Clock;
            // A board has the memory for billing and tariffs (off in the portable defaults: the ESP32 budget).
            MeterConfiguration configuration = new MeterConfiguration(clock) { Tariffs = 4, BillingProfileEntries = 12 };
            if (_board.UsesGpio)
            {
                _gpio = _devices.OpenGpio(_board.GpioChip);
                _owned.Add(_gpio);
            }
            OpenPulseInputs(configuration, clock);
            OpenSwitches(configuration, clock);
            OpenAnalog(configuration);
            if (_board.StateDirectory != null && useStateDirectory)
            {
                Storage = _devices.OpenStorage(_board.StateDirectory);
            }
            MeterDeviceSettings settings = CreateSettings(secrets);
            try
            {
                Device = new MeterDevice(settings, configuration, Storage!, _devices.Entropy);
            }
            catch (ArgumentException e)
            {
                throw new DeviceOpenException("meter", "the board file's meter settings do not fit (" + e.Message + ")");
            }
            if (Device.CountersStatus != StoreStatus.Ok)
            {
                throw new DeviceOpenException(_board.StateDirectory ?? "state", "the invocation counters of client 48 cannot be read (" + Device.CountersStatus + "): ciphered associations would be refused");
            }
            OpenRs485(clock);
        }

        private void OpenPulseInputs(MeterConfiguration configuration, ISystemClock clock)
        {
            List<PulseChannel> channels = new List<PulseChannel>();
            for (int i = 0; i < _board.PulseInputs.Count; i++)
            {
                PulseInputSection s = _board.PulseInputs[i];
                GpioPulseInput input = Gpio("pulseInputs[" + i + "]", s.Pin, () => new GpioPulseInput(_gpio!, s.Pin, Mode(s.Bias), s.ActiveLow, s.DebounceMilliseconds, s.MinimumPulseMilliseconds, clock));
                _owned.Add(input);
                _pulses.Add(input);
                channels.Add(new PulseChannel(input, s.ImpulsesPerKwh, s.Import ? EnergyDirection.Import : EnergyDirection.Export));
            }
            configuration.PulseChannels = channels.ToArray();
        }

        private void OpenSwitches(MeterConfiguration configuration, ISystemClock clock)
        {
            Cover = OpenSwitch("cover", _board.Cover, clock);
            Magnet = OpenSwitch("magnet", _board.Magnet, clock);
            PowerFail = OpenSwitch("powerFail", _board.PowerFail, clock);
            configuration.CoverOpen = Cover;
            configuration.MagneticField = Magnet;
            configuration.PowerFail = PowerFail;
            if (_board.Relay != null)
            {
                RelaySection r = _board.Relay;
                // Opened "connected": the engine then drives the state Disconnect control recovered.
                Relay = Gpio("relay", r.Pin, () => new GpioOutput(_gpio!, r.Pin, r.ActiveLow, true));
                _owned.Add(Relay);
                configuration.Relay = Relay;
            }
        }

        private GpioDigitalInput? OpenSwitch(string field, SwitchSection? s, ISystemClock clock)
        {
            if (s == null)
            {
                return null;
            }
            GpioDigitalInput input = Gpio(field, s.Pin, () => new GpioDigitalInput(_gpio!, s.Pin, Mode(s.Bias), s.ActiveLow, s.DebounceMilliseconds, clock));
            _owned.Add(input);
            Poller.Add(input);
            return input;
        }

        private void OpenAnalog(MeterConfiguration configuration)
        {
            Dictionary<string, object> converters = new Dictionary<string, object>(StringComparer.Ordinal);
            configuration.Voltage = OpenChannel(_board.Voltage, converters, AnalogQuantity.Voltage, Unit.Volt, -1);
            configuration.Current = OpenChannel(_board.Current, converters, AnalogQuantity.Current, Unit.Ampere, -2);
        }

        private AnalogChannel? OpenChannel(AnalogSection? s, Dictionary<string, object> converters, AnalogQuantity quantity, Unit unit, sbyte scaler)
        {
            if (s == null)
            {
                return null;
            }
            AdcSection adc = FindAdc(s.Adc);
            if (!converters.TryGetValue(adc.Id, out object? converter))
            {
                converter = OpenConverter(adc);
                converters.Add(adc.Id, converter);
            }
            IAnalogInput raw = converter is Ads1115 ads
                ? new Ads1115Input(ads, (InputMultiplexer)s.Input)
                : new Mcp3008Input((Mcp3008)converter, s.Input);
            string name = s.Field + " (" + Describe(adc) + " " + s.InputName + ")";
            PolledAnalogInput input = new PolledAnalogInput(name, new AveragingAnalogInput(raw, s.Samples));
            // The first reading at start: a converter that does not answer now is a device that cannot be opened.
            if (!input.Poll())
            {
                Exception? e = input.LastError;
                throw new DeviceOpenException(name, "cannot be read: " + e?.Message);
            }
            _analog.Add(input);
            Poller.Add(input);
            return new AnalogChannel(input, quantity, s.Gain, s.Offset, unit, scaler);
        }

        private object OpenConverter(AdcSection adc)
        {
            if (adc.Type == AdcType.Ads1115)
            {
                I2cDevice i2c = _devices.OpenI2c(adc.I2cBus, adc.Address);
                _owned.Add(i2c);
                try
                {
                    // Single-shot conversions: each reading converts the input it asks for.
                    Ads1115 ads = new Ads1115(i2c, InputMultiplexer.AIN0, Range(adc.FullScaleMillivolts), Rate(adc.SamplesPerSecond), DeviceMode.PowerDown);
                    return ads;
                }
                catch (Exception e) when (e is System.IO.IOException || e is TimeoutException || e is InvalidOperationException)
                {
                    throw new DeviceOpenException(Describe(adc), "does not answer (" + e.Message + ")");
                }
            }
            SpiDevice spi = _devices.OpenSpi(adc.SpiBus, adc.ChipSelect, adc.ClockHz);
            _owned.Add(spi);
            return new Mcp3008(spi);
        }

        private void OpenRs485(ISystemClock clock)
        {
            Rs485Section? s = _board.Rs485;
            if (s == null)
            {
                return;
            }
            if (s.DriverEnable == DriverEnableKind.Kernel)
            {
                string? problem = _devices.EnableKernelRs485(s.Device, s.RtsHighOnSend);
                if (problem != null)
                {
                    throw new DeviceOpenException(s.Device, "RS-485 mode cannot be set (" + problem + "): use \"driverEnable\": \"gpio\" with a DE line, or \"auto\" for a transceiver that switches itself");
                }
            }
            _serial = _devices.OpenSerial(s.Device, s.Baud);
            IByteChannel line = _serial;
            string how = s.DriverEnable == DriverEnableKind.Kernel ? "kernel RS-485 mode (RTS drives DE)" : "automatic direction control";
            if (s.DriverEnable == DriverEnableKind.Gpio)
            {
                SerialByteChannel serial = _serial;
                try
                {
                    GpioOutput de = Gpio("rs485.dePin", s.DriverEnablePin, () => new GpioOutput(_gpio!, s.DriverEnablePin, s.DriverEnableActiveLow, false));
                    _owned.Add(de);
                    line = new DriverEnableChannel(serial, () => serial.BytesToWrite, de, s.Baud);
                }
                catch
                {
                    serial.Close();
                    throw;
                }
                how = "DE on GPIO " + s.DriverEnablePin;
            }
            if (s.Echo || s.TurnaroundMilliseconds > 0)
            {
                line = new HalfDuplexChannel(line, clock, s.Baud, s.Echo, s.TurnaroundMilliseconds, MaxFrame);
            }
            Rs485 = line;
            Rs485Description = s.Device + " " + s.Baud + " Bd 8N1, " + how + (s.Echo ? ", echo dropped" : "") + ", turnaround " + s.TurnaroundMilliseconds + " ms";
            if (Device.OpenSerial(line) == null)
            {
                throw new DeviceOpenException(s.Device, "the meter has no serial slot for it");
            }
        }

        // The largest HDLC frame the meter writes (2030 bytes of information and the header), for the echo.
        private const int MaxFrame = 2100;

        private MeterDeviceSettings CreateSettings(MeterSecrets secrets)
        {
            MeterSection m = _board.Meter;
            TcpSection tcp = _board.Tcp;
            MeterDeviceSettings device = new MeterDeviceSettings();
            DefaultMeterModelSettings meter = device.Meter;
            meter.RegisterMonitors = true;
            meter.Limiter = true;
            meter.SerialNumber = m.SerialNumber;
            meter.Password = secrets.Password ?? meter.Password;
            meter.HdlcPhysicalAddress = m.HdlcAddress;
            meter.HdlcInactivityTimeoutSeconds = m.HdlcInactivitySeconds;
            meter.MaxApduSize = m.MaxPdu;
            meter.BaudRate = _board.Rs485 != null ? _board.Rs485.Baud : 9600;
            meter.WrapperPort = tcp.WrapperPort > 0 ? tcp.WrapperPort : 4059;
            meter.MaxConnections = tcp.WrapperPort > 0 ? tcp.Connections : 1;
            meter.AuthenticationKey = secrets.AuthenticationKey;
            meter.BlockCipherKey = secrets.EncryptionKey;
            meter.MasterKey = secrets.MasterKey;
            meter.SystemTitle = m.SystemTitle;
            device.SerialChannels = _board.Rs485 != null ? 1 : 0;
            device.HdlcTcpChannels = tcp.HdlcPort > 0 ? tcp.Connections : 0;
            // The link timers run on real time.
            device.LinkClock = new SystemClock();
            return device;
        }

        // Opens a part on a GPIO line, turning the library's failures into "this line, this reason".
        private T Gpio<T>(string field, int pin, Func<T> open)
        {
            string device = "GPIO line " + pin + " (" + field + ") on gpiochip" + _board.GpioChip;
            if (pin >= _gpio!.PinCount)
            {
                throw new DeviceOpenException(device, "the chip has lines 0.." + (_gpio.PinCount - 1));
            }
            try
            {
                return open();
            }
            catch (Exception e) when (e is System.IO.IOException || e is InvalidOperationException || e is ArgumentException || e is UnauthorizedAccessException || e is NotSupportedException)
            {
                throw new DeviceOpenException(device, e.Message);
            }
        }

        private AdcSection FindAdc(string id)
        {
            foreach (AdcSection adc in _board.Adcs)
            {
                if (adc.Id == id)
                {
                    return adc;
                }
            }
            throw new InvalidOperationException("adc " + id + " was checked by the reader");
        }

        /// <summary>"ADS1115 0x48 on /dev/i2c-1" or "MCP3008 on /dev/spidev0.0".</summary>
        public static string Describe(AdcSection adc)
        {
            return adc.Type == AdcType.Ads1115
                ? "ADS1115 0x" + adc.Address.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " on /dev/i2c-" + adc.I2cBus
                : "MCP3008 on /dev/spidev" + adc.SpiBus + "." + adc.ChipSelect;
        }

        private static PinMode Mode(LineBias bias)
        {
            switch (bias)
            {
                case LineBias.PullUp:
                    return PinMode.InputPullUp;
                case LineBias.PullDown:
                    return PinMode.InputPullDown;
                default:
                    return PinMode.Input;
            }
        }

        private static MeasuringRange Range(int millivolts)
        {
            switch (millivolts)
            {
                case 6144:
                    return MeasuringRange.FS6144;
                case 2048:
                    return MeasuringRange.FS2048;
                case 1024:
                    return MeasuringRange.FS1024;
                case 512:
                    return MeasuringRange.FS0512;
                case 256:
                    return MeasuringRange.FS0256;
                default:
                    return MeasuringRange.FS4096;
            }
        }

        private static DataRate Rate(int samplesPerSecond)
        {
            switch (samplesPerSecond)
            {
                case 8:
                    return DataRate.SPS008;
                case 16:
                    return DataRate.SPS016;
                case 32:
                    return DataRate.SPS032;
                case 64:
                    return DataRate.SPS064;
                case 250:
                    return DataRate.SPS250;
                case 475:
                    return DataRate.SPS475;
                case 860:
                    return DataRate.SPS860;
                default:
                    return DataRate.SPS128;
            }
        }
    }
}
