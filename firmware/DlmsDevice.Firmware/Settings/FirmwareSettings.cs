using DlmsDevice.Runtime;

namespace DlmsDevice.Firmware
{
    /// <summary>
    /// Everything a device reads from its settings file (docs/esp32.md, "Settings reference"):
    /// identity, secrets, the serial lines, the metering inputs, Wi-Fi and TCP. The constructor
    /// gives the safe defaults: the board of docs/esp32.md, RS-485 and the optical port, no
    /// radio, the published test keys. Configuration time only.
    /// </summary>
    public sealed class FirmwareSettings
    {
        /// <summary>The safe defaults (what a device runs with when its settings file is missing or bad).</summary>
        public FirmwareSettings()
        {
            SerialNumber = "0000000000001";
            Password = "12345678";
            HdlcPhysicalAddress = 17;
            HdlcInactivityTimeoutSeconds = 120;
            MaxApduSize = MeterDeviceSettings.DefaultMaxApduSize;
            Rs485 = new SerialLineSettings { Enabled = true, Uart = 2, TxPin = 17, RxPin = 16, RtsPin = 4, BaudRate = 9600, TurnaroundMilliseconds = 5 };
            Optical = new SerialLineSettings { Enabled = true, Uart = 3, TxPin = 25, RxPin = 26, RtsPin = -1, BaudRate = 9600 };
            PulsePin = 27;
            PulseConstant = 1000;
            PulseFilter = 100;
            Voltage = new AnalogInputSettings { Enabled = true, Channel = 6, Samples = 16, Gain = 0.1, Offset = 0 };
            Current = new AnalogInputSettings { Enabled = true, Channel = 7, Samples = 16, Gain = 0.01, Offset = 0 };
            CoverPin = 32;
            PowerFailPin = 33;
            PowerFailActiveLow = true;
            RelayPin = 23;
            WrapperPort = 4059;
            TcpConnections = 2;
            WatchdogSeconds = 30;
            UseSntp = true;
        }

        /// <summary>meter.serial: the serial number (1..13 characters; the logical device name is "DLD" + it).</summary>
        public string SerialNumber { get; set; }

        /// <summary>meter.password: the LLS password of client 32 (a secret: never printed).</summary>
        public string Password { get; set; }

        /// <summary>meter.hdlc-address: the HDLC physical address (lower address), 16..16383.</summary>
        public int HdlcPhysicalAddress { get; set; }

        /// <summary>meter.hdlc-inactivity: the HDLC inactivity time-out (s; 0 = none).</summary>
        public int HdlcInactivityTimeoutSeconds { get; set; }

        /// <summary>meter.max-pdu: the largest APDU the meter takes and sends (64..65535).</summary>
        public int MaxApduSize { get; set; }

        /// <summary>security.ak: client 48's authentication key (16 bytes; null = the Green Book test key). A secret.</summary>
        public byte[] AuthenticationKey { get; set; }

        /// <summary>security.ek: client 48's global unicast encryption key (16 bytes; null = test key). A secret.</summary>
        public byte[] BlockCipherKey { get; set; }

        /// <summary>security.kek: the master key (16 bytes; null = test key). A secret.</summary>
        public byte[] MasterKey { get; set; }

        /// <summary>security.system-title: the meter's system title (8 bytes; null = "DLD" + the serial number).</summary>
        public byte[] SystemTitle { get; set; }

        /// <summary>rs485.*: HDLC on RS-485.</summary>
        public SerialLineSettings Rs485 { get; private set; }

        /// <summary>optical.*: the optical port (IEC 62056-21 mode E).</summary>
        public SerialLineSettings Optical { get; private set; }

        /// <summary>pulse.pin: GPIO of the S0 pulse input, counted by the PCNT; -1 = no pulse input.</summary>
        public int PulsePin { get; set; }

        /// <summary>pulse.constant: impulses per kWh.</summary>
        public int PulseConstant { get; set; }

        /// <summary>pulse.filter: glitch filter of the PCNT, 0..1023 APB clock cycles (12.5 ns each).</summary>
        public int PulseFilter { get; set; }

        /// <summary>voltage.*: the voltage channel (V).</summary>
        public AnalogInputSettings Voltage { get; private set; }

        /// <summary>current.*: the current channel (A).</summary>
        public AnalogInputSettings Current { get; private set; }

        /// <summary>cover.pin: terminal cover switch (high = open); -1 = none.</summary>
        public int CoverPin { get; set; }

        /// <summary>powerfail.pin: supply-sense input; -1 = none.</summary>
        public int PowerFailPin { get; set; }

        /// <summary>powerfail.active-low: the input reads low while the supply fails.</summary>
        public bool PowerFailActiveLow { get; set; }

        /// <summary>relay.pin: the disconnect relay driver (high = connected); -1 = none.</summary>
        public int RelayPin { get; set; }

        /// <summary>wifi.ssid: the network; null = no radio.</summary>
        public string WifiSsid { get; set; }

        /// <summary>wifi.password: a secret.</summary>
        public string WifiPassword { get; set; }

        /// <summary>tcp.wrapper-port: TCP wrapper port (0 = none).</summary>
        public int WrapperPort { get; set; }

        /// <summary>tcp.hdlc-port: HDLC over TCP port (0 = none).</summary>
        public int HdlcPort { get; set; }

        /// <summary>tcp.connections: TCP connections served at once on each port (1..8).</summary>
        public int TcpConnections { get; set; }

        /// <summary>time.sntp: set the clock from SNTP when the network is up.</summary>
        public bool UseSntp { get; set; }

        /// <summary>watchdog.seconds: the main loop must turn at least this often (0 = no watchdog).</summary>
        public int WatchdogSeconds { get; set; }

        /// <summary>True when Wi-Fi is configured.</summary>
        public bool UsesRadio
        {
            get { return WifiSsid != null && WifiSsid.Length > 0; }
        }

        /// <summary>
        /// The settings as lines for the debug output. Secrets (password, keys, Wi-Fi password)
        /// are shown only as "set" or "test key": their values never leave the device.
        /// </summary>
        public string[] Describe()
        {
            return new string[]
            {
                "meter: serial " + SerialNumber + ", HDLC address " + HdlcPhysicalAddress.ToString() + ", inactivity " + HdlcInactivityTimeoutSeconds.ToString() + " s, max PDU " + MaxApduSize.ToString() + ", password " + Secret(Password),
                "security: AK " + Key(AuthenticationKey) + ", EK " + Key(BlockCipherKey) + ", KEK " + Key(MasterKey) + ", system title " + (SystemTitle == null ? "DLD + serial" : "set"),
                "rs485: " + Line(Rs485) + (Rs485.Enabled ? ", echo " + YesNo(Rs485.Echo) + ", turnaround " + Rs485.TurnaroundMilliseconds.ToString() + " ms" : string.Empty),
                "optical: " + Line(Optical),
                "pulse: pin " + PulsePin.ToString() + ", " + PulseConstant.ToString() + " imp/kWh, filter " + PulseFilter.ToString(),
                "voltage: " + Analog(Voltage) + "; current: " + Analog(Current),
                "inputs: cover pin " + CoverPin.ToString() + ", power-fail pin " + PowerFailPin.ToString() + (PowerFailActiveLow ? " (active low)" : string.Empty) + ", relay pin " + RelayPin.ToString(),
                "network: " + (UsesRadio ? "Wi-Fi " + WifiSsid + " (password " + Secret(WifiPassword) + "), wrapper port " + WrapperPort.ToString() + ", HDLC port " + HdlcPort.ToString() + ", " + TcpConnections.ToString() + " connections, SNTP " + YesNo(UseSntp) : "none (no radio)"),
                "watchdog: " + (WatchdogSeconds > 0 ? WatchdogSeconds.ToString() + " s" : "off"),
            };
        }

        private static string Line(SerialLineSettings line)
        {
            if (!line.Enabled)
            {
                return "off";
            }
            return line.PortName + " TX " + line.TxPin.ToString() + " RX " + line.RxPin.ToString() + (line.RtsPin >= 0 ? " RTS " + line.RtsPin.ToString() : string.Empty) + ", " + line.BaudRate.ToString() + " Bd";
        }

        private static string Analog(AnalogInputSettings input)
        {
            return input.Enabled ? "ADC channel " + input.Channel.ToString() + " x" + input.Samples.ToString() : "off";
        }

        private static string Secret(string value)
        {
            return value == null || value.Length == 0 ? "not set" : "set";
        }

        private static string Key(byte[] key)
        {
            return key == null ? "TEST KEY" : "set";
        }

        private static string YesNo(bool value)
        {
            return value ? "on" : "off";
        }
    }
}
