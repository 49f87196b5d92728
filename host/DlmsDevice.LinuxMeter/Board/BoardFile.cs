using System.Collections.Generic;

namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>
    /// What a board file describes (docs/linux-board.md, "Board file reference"): the meter's
    /// identity and key references, where its state lives, the GPIO chip and the lines of the
    /// pulse inputs, switches and relay, the ADCs and which input feeds the voltage and current
    /// channels with their calibration, the RS-485 line and the TCP ports. Built by
    /// <see cref="BoardFileReader"/>, which has checked every value.
    /// </summary>
    public sealed class BoardFile
    {
        /// <summary>The file it was read from (for messages).</summary>
        public string Path { get; init; } = "";

        /// <summary>meter: identity, secrets, link settings.</summary>
        public MeterSection Meter { get; init; } = new MeterSection();

        /// <summary>stateDirectory: where energy, profiles, events and counters persist; null = nothing survives a restart.</summary>
        public string? StateDirectory { get; init; }

        /// <summary>gpio.chip: the GPIO chip (/dev/gpiochipN) of every pin in the file.</summary>
        public int GpioChip { get; init; }

        /// <summary>pulseInputs: S0 inputs.</summary>
        public IReadOnlyList<PulseInputSection> PulseInputs { get; init; } = new List<PulseInputSection>();

        /// <summary>adcs: the converters, by id.</summary>
        public IReadOnlyList<AdcSection> Adcs { get; init; } = new List<AdcSection>();

        /// <summary>voltage: the voltage channel; null = none.</summary>
        public AnalogSection? Voltage { get; init; }

        /// <summary>current: the current channel; null = none.</summary>
        public AnalogSection? Current { get; init; }

        /// <summary>analogPollMs: how often each ADC input is read.</summary>
        public int AnalogPollMilliseconds { get; init; } = 250;

        /// <summary>cover: terminal cover switch; null = none.</summary>
        public SwitchSection? Cover { get; init; }

        /// <summary>magnet: magnetic tamper sensor; null = none.</summary>
        public SwitchSection? Magnet { get; init; }

        /// <summary>powerFail: supply sense; null = none.</summary>
        public SwitchSection? PowerFail { get; init; }

        /// <summary>relay: the disconnect relay's driver; null = none.</summary>
        public RelaySection? Relay { get; init; }

        /// <summary>rs485: HDLC on an RS-485 line; null = none.</summary>
        public Rs485Section? Rs485 { get; init; }

        /// <summary>tcp: the TCP wrapper and HDLC over TCP.</summary>
        public TcpSection Tcp { get; init; } = new TcpSection();

        /// <summary>True when any GPIO line is used.</summary>
        public bool UsesGpio => PulseInputs.Count > 0 || Cover != null || Magnet != null || PowerFail != null || Relay != null
            || (Rs485 != null && Rs485.DriverEnable == DriverEnableKind.Gpio);
    }

    /// <summary>meter.</summary>
    public sealed class MeterSection
    {
        /// <summary>meter.serialNumber (1..13 characters).</summary>
        public string SerialNumber { get; init; } = "0000000000001";

        /// <summary>meter.password: LLS password of client 32, by reference; null = the default 12345678.</summary>
        public SecretReference? Password { get; init; }

        /// <summary>meter.hdlcAddress: HDLC physical address (16..16383).</summary>
        public int HdlcAddress { get; init; } = 17;

        /// <summary>meter.hdlcInactivitySeconds (0..65535; 0 = none).</summary>
        public int HdlcInactivitySeconds { get; init; } = 120;

        /// <summary>meter.maxPdu (64..65535).</summary>
        public int MaxPdu { get; init; } = 1024;

        /// <summary>meter.systemTitle (8 bytes, not a secret); null = "DLD" + the serial number.</summary>
        public byte[]? SystemTitle { get; init; }

        /// <summary>meter.keys.authentication: AK of client 48, by reference; null = the published test key.</summary>
        public SecretReference? AuthenticationKey { get; init; }

        /// <summary>meter.keys.encryption: EK of client 48, by reference; null = the published test key.</summary>
        public SecretReference? EncryptionKey { get; init; }

        /// <summary>meter.keys.master: KEK, by reference; null = the published test key.</summary>
        public SecretReference? MasterKey { get; init; }
    }

    /// <summary>Where a secret comes from: a file or an environment variable. Never its value.</summary>
    public sealed class SecretReference
    {
        /// <summary>The JSON field that names it (for messages).</summary>
        public string Field { get; init; } = "";

        /// <summary>A file holding it; null when it comes from the environment.</summary>
        public string? File { get; init; }

        /// <summary>An environment variable holding it; null when it comes from a file.</summary>
        public string? Environment { get; init; }

        /// <summary>"file /etc/dlms-meter/ak" or "environment DLMS_AK": where, never what.</summary>
        public override string ToString() => File != null ? "file " + File : "environment " + Environment;
    }

    /// <summary>Electrical bias of an input line.</summary>
    public enum LineBias
    {
        /// <summary>No bias (an external resistor).</summary>
        None,

        /// <summary>The chip's pull-up.</summary>
        PullUp,

        /// <summary>The chip's pull-down.</summary>
        PullDown,
    }

    /// <summary>pulseInputs[i].</summary>
    public sealed class PulseInputSection
    {
        /// <summary>pin: the GPIO line.</summary>
        public int Pin { get; init; }

        /// <summary>activeLow: a pulse pulls the line low (opto-coupler with a pull-up; default true).</summary>
        public bool ActiveLow { get; init; } = true;

        /// <summary>bias (default pullUp).</summary>
        public LineBias Bias { get; init; } = LineBias.PullUp;

        /// <summary>impulsesPerKwh: the meter constant (1..1000000).</summary>
        public int ImpulsesPerKwh { get; init; } = 1000;

        /// <summary>direction: import (true) or export.</summary>
        public bool Import { get; init; } = true;

        /// <summary>debounceMs (0..1000; default 5).</summary>
        public int DebounceMilliseconds { get; init; } = 5;

        /// <summary>minPulseMs (0..10000; default 30, IEC 62053-31).</summary>
        public int MinimumPulseMilliseconds { get; init; } = 30;
    }

    /// <summary>The converter types.</summary>
    public enum AdcType
    {
        /// <summary>TI ADS1115, 16 bits, I2C.</summary>
        Ads1115,

        /// <summary>Microchip MCP3008, 10 bits, SPI.</summary>
        Mcp3008,
    }

    /// <summary>adcs[i].</summary>
    public sealed class AdcSection
    {
        /// <summary>id: how the channels name it.</summary>
        public string Id { get; init; } = "";

        /// <summary>type.</summary>
        public AdcType Type { get; init; }

        /// <summary>i2cBus (ADS1115): /dev/i2c-N.</summary>
        public int I2cBus { get; init; } = 1;

        /// <summary>address (ADS1115): 0x48..0x4B.</summary>
        public int Address { get; init; } = 0x48;

        /// <summary>fullScaleMillivolts (ADS1115): 6144, 4096, 2048, 1024, 512 or 256.</summary>
        public int FullScaleMillivolts { get; init; } = 4096;

        /// <summary>samplesPerSecond (ADS1115): 8, 16, 32, 64, 128, 250, 475 or 860.</summary>
        public int SamplesPerSecond { get; init; } = 128;

        /// <summary>spiBus (MCP3008): /dev/spidevB.C's B.</summary>
        public int SpiBus { get; init; }

        /// <summary>chipSelect (MCP3008): /dev/spidevB.C's C.</summary>
        public int ChipSelect { get; init; }

        /// <summary>clockHz (MCP3008): SPI clock (10 kHz..3.6 MHz; default 1 MHz).</summary>
        public int ClockHz { get; init; } = 1_000_000;
    }

    /// <summary>voltage / current.</summary>
    public sealed class AnalogSection
    {
        /// <summary>The JSON field ("voltage" or "current").</summary>
        public string Field { get; init; } = "";

        /// <summary>adc: the id of the converter.</summary>
        public string Adc { get; init; } = "";

        /// <summary>input: ADS1115 multiplexer setting (0..7, Iot.Device.Ads1115.InputMultiplexer) or MCP3008 channel (0..7).</summary>
        public int Input { get; init; }

        /// <summary>input as written (AIN0, AIN0-AIN1, 3 ...), for logs.</summary>
        public string InputName { get; init; } = "";

        /// <summary>samples: conversions averaged per reading (1..64; default 4).</summary>
        public int Samples { get; init; } = 4;

        /// <summary>gain: physical units per count.</summary>
        public double Gain { get; init; }

        /// <summary>offset: physical value at 0 counts.</summary>
        public double Offset { get; init; }
    }

    /// <summary>cover / magnet / powerFail.</summary>
    public sealed class SwitchSection
    {
        /// <summary>pin: the GPIO line.</summary>
        public int Pin { get; init; }

        /// <summary>activeLow: the active state (cover open, field present, supply failing) reads low.</summary>
        public bool ActiveLow { get; init; }

        /// <summary>bias (default pullUp).</summary>
        public LineBias Bias { get; init; } = LineBias.PullUp;

        /// <summary>debounceMs (0..10000).</summary>
        public int DebounceMilliseconds { get; init; } = 50;
    }

    /// <summary>relay.</summary>
    public sealed class RelaySection
    {
        /// <summary>pin: the GPIO line.</summary>
        public int Pin { get; init; }

        /// <summary>activeLow: "connected" is a low line.</summary>
        public bool ActiveLow { get; init; }
    }

    /// <summary>How the RS-485 transceiver's driver is enabled.</summary>
    public enum DriverEnableKind
    {
        /// <summary>The serial driver's RS-485 mode (TIOCSRS485): RTS drives DE.</summary>
        Kernel,

        /// <summary>A GPIO line drives DE around each frame.</summary>
        Gpio,

        /// <summary>Nothing to drive: a transceiver with automatic direction control, or a HAT/adapter that does it.</summary>
        Auto,
    }

    /// <summary>rs485.</summary>
    public sealed class Rs485Section
    {
        /// <summary>device: the serial device (/dev/ttyAMA0, /dev/ttyS0, /dev/ttyUSB0).</summary>
        public string Device { get; init; } = "";

        /// <summary>baud: line speed, 8N1.</summary>
        public int Baud { get; init; } = 9600;

        /// <summary>driverEnable.</summary>
        public DriverEnableKind DriverEnable { get; init; } = DriverEnableKind.Kernel;

        /// <summary>dePin: the DE line (driverEnable gpio).</summary>
        public int DriverEnablePin { get; init; } = -1;

        /// <summary>deActiveLow: DE enables the driver when low (default false).</summary>
        public bool DriverEnableActiveLow { get; init; }

        /// <summary>rtsHighOnSend (driverEnable kernel): RTS at logical 1 while sending (default true).</summary>
        public bool RtsHighOnSend { get; init; } = true;

        /// <summary>echo: the transceiver hears its own transmission (/RE tied low).</summary>
        public bool Echo { get; init; }

        /// <summary>turnaroundMs: least time from the last byte received to an answer (0..1000; default 5).</summary>
        public int TurnaroundMilliseconds { get; init; } = 5;
    }

    /// <summary>tcp.</summary>
    public sealed class TcpSection
    {
        /// <summary>bind: the address to listen on (default 0.0.0.0).</summary>
        public string Bind { get; init; } = "0.0.0.0";

        /// <summary>wrapperPort: TCP wrapper (IEC 62056-47; default 4059; 0 = off).</summary>
        public int WrapperPort { get; init; } = 4059;

        /// <summary>hdlcPort: HDLC over TCP (0 = off, the default).</summary>
        public int HdlcPort { get; init; }

        /// <summary>connections: served at once per port (1..64; default 4).</summary>
        public int Connections { get; init; } = 4;
    }
}
