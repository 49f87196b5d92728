using System;
using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;

namespace DlmsDevice.Emulator
{
    /// <summary>What the default meter is built from (taken from the command line by <see cref="From"/>).</summary>
    public sealed partial class DefaultMeterSettings
    {
        /// <summary>Manufacturer flag id used in the logical device name (3 letters).</summary>
        public const string FlagId = DefaultMeterModelSettings.FlagId;

        /// <summary>Meter serial number (up to 13 characters: the logical device name is <see cref="FlagId"/> + this).</summary>
        public string SerialNumber { get; set; } = "0000000000001";

        /// <summary>Firmware version string (1.0.0.2.0.255).</summary>
        public string FirmwareVersion { get; set; } = "DlmsDevice 0.1.0";

        /// <summary>LLS password of the meter-reader association (client SAP 32).</summary>
        public string Password { get; set; } = "12345678";

        /// <summary>server-max-receive-pdu-size offered in the AARE.</summary>
        public int MaxApduSize { get; set; } = 1024;

        /// <summary>Each channel's transfer buffer (GET/SET/ACTION with blocks); the emulator keeps 2048, more than the device's default.</summary>
        public int BlockBufferSize { get; set; } = 2048;

        /// <summary>Values shown by IEC HDLC setup (0.0.22.0.0.255).</summary>
        public int HdlcPhysicalAddress { get; set; } = 17;

        /// <summary>HDLC inactivity time-out shown by IEC HDLC setup (s).</summary>
        public int HdlcInactivityTimeoutSeconds { get; set; } = 120;

        /// <summary>Serial speed shown by IEC HDLC setup.</summary>
        public int BaudRate { get; set; } = 9600;

        /// <summary>TCP port shown by TCP-UDP setup (0.0.25.0.0.255).</summary>
        public int WrapperPort { get; set; } = 4059;

        /// <summary>TCP connections served at once on each endpoint (the wrapper's is what TCP-UDP setup shows).</summary>
        public int MaxConnections { get; set; } = 64;

        /// <summary>A wrapper connection without a frame for this long is closed (TCP-UDP setup inactivity_time_out, s; 0 = never).</summary>
        public int WrapperInactivityTimeoutSeconds { get; set; } = 120;

        /// <summary>A TCP connection that has not associated this long after it opened is closed (s; 0 = never).</summary>
        public int AssociationTimeoutSeconds { get; set; } = 10;

        /// <summary>HDLC-over-TCP slots; null (default) = <see cref="MaxConnections"/>, as many as the wrapper has.</summary>
        public int? HdlcConnections { get; set; }

        /// <summary>Serial HDLC slots: the serial line and the optical port (default 1).</summary>
        public int SerialChannels { get; set; } = 1;

        /// <summary>Seed of the simulated hardware (load noise, voltage and current noise).</summary>
        public ulong Seed { get; set; } = 1;

        /// <summary>Simulated seconds per real second (default 1); 0 = time moves only by <see cref="DefaultMeter.Advance"/> (tests).</summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>
        /// What the meter clock reads when the simulation starts without saved state; null = the
        /// machine's UTC time (whole seconds). With saved state the clock resumes from it.
        /// </summary>
        public DateTime? StartUtc { get; set; }

        /// <summary>State directory (one file per record slot); null = no persistence (every start is a first start).</summary>
        public string? StateDirectory { get; set; }

        /// <summary>
        /// True (default): every state write is flushed to the device (fsync), so it survives a
        /// power loss of the machine. False: a write counts once the kernel has it, which
        /// survives the process being killed (an emulated meter's power loss) but not the
        /// machine's; fleets use it (docs/fleet.md).
        /// </summary>
        public bool FlushStateWrites { get; set; } = true;

        /// <summary>How fast the meter clock gains (+) or loses (-) against the simulated time, ppm (default 0).</summary>
        public double ClockDriftPpm { get; set; }

        /// <summary>Scheduled tamper, power failures and voltage sags/swells in the simulation (docs/emulator.md). Default on.</summary>
        public bool SimulateFaults { get; set; } = true;

        /// <summary>Tamper and theft scenarios on the simulated schedule (docs/tamper.md). Default none.</summary>
        public IReadOnlyList<TamperScenario> Scenarios { get; set; } = Array.Empty<TamperScenario>();

        /// <summary>The standard event log (default) or the seven IS 15959 logs by category.</summary>
        public EventLogLayout EventLogLayout { get; set; }

        /// <summary>Active energy import on a first start, Wh (default 0).</summary>
        public long InitialEnergyWh { get; set; }

        /// <summary>Load profile rows (default 2880: 30 days of 15-minute rows).</summary>
        public int LoadProfileEntries { get; set; } = 2880;

        /// <summary>Event log rows (default 1000).</summary>
        public int EventLogEntries { get; set; } = 1000;

        /// <summary>Checkpoint every this many Wh (default 10).</summary>
        public int CheckpointEnergyWh { get; set; } = 10;

        /// <summary>Checkpoint after this many simulated seconds with energy counted (default 60).</summary>
        public int CheckpointIntervalSeconds { get; set; } = 60;

        /// <summary>
        /// Billing (12 monthly rows), four tariffs, the register monitors and the limiter
        /// (docs/billing-and-tariffs.md): true (default) for the emulated meter; a fleet leaves
        /// them out unless asked (--fleet-automation), to stay within 64 KB of memory per meter.
        /// </summary>
        public bool Automation { get; set; } = true;

        /// <summary>
        /// Grid frequency from the sampled voltage waveform (true, default: the meter counts the
        /// zero crossings) or from a frequency input (false: fleets, where a day of history would
        /// make every meter process every sample of it).
        /// </summary>
        public bool FrequencyFromWaveform { get; set; } = true;

        /// <summary>The identity, communication and security part, for the portable model.</summary>
        public DefaultMeterModelSettings ToModelSettings()
        {
            DefaultMeterModelSettings model = new DefaultMeterModelSettings
            {
                SerialNumber = SerialNumber,
                FirmwareVersion = FirmwareVersion,
                Password = Password,
                MaxApduSize = MaxApduSize,
                HdlcPhysicalAddress = HdlcPhysicalAddress,
                HdlcInactivityTimeoutSeconds = HdlcInactivityTimeoutSeconds,
                BaudRate = BaudRate,
                WrapperPort = WrapperPort,
                MaxConnections = MaxConnections,
                WrapperInactivityTimeoutSeconds = WrapperInactivityTimeoutSeconds,
                // The emulated meter has what a deployed smart meter has (docs/billing-and-tariffs.md).
                RegisterMonitors = Automation,
                Limiter = Automation,
                // The hourly push (IC 22 0.0.15.0.4.255 through the push script table) only with a
                // push setup to call: without --push-to the script would have nothing to push.
                PushSchedule = Push != null,
            };
            PutSecurity(model);
            return model;
        }

        /// <summary>
        /// The device runtime's settings: the model, the serial slots, one TCP wrapper and one
        /// HDLC-over-TCP slot per allowed connection, the association time-out.
        /// </summary>
        public MeterDeviceSettings ToDeviceSettings()
        {
            return new MeterDeviceSettings
            {
                Meter = ToModelSettings(),
                SerialChannels = SerialChannels,
                HdlcTcpChannels = HdlcConnections ?? MaxConnections,
                AssociationTimeoutSeconds = AssociationTimeoutSeconds,
                BlockBufferSize = BlockBufferSize,
                Push = Push,
                PushTransport = PushTransport,
            };
        }

        /// <summary>Takes the meter settings from the command-line options.</summary>
        public static DefaultMeterSettings From(EmulatorOptions options)
        {
            DefaultMeterSettings settings = new DefaultMeterSettings
            {
                SerialNumber = options.SerialNumber,
                Password = options.Password,
                MaxApduSize = options.MaxApduSize,
                HdlcPhysicalAddress = options.HdlcPhysicalAddress,
                HdlcInactivityTimeoutSeconds = options.HdlcInactivityTimeoutSeconds,
                BaudRate = options.BaudRate,
                WrapperPort = options.WrapperPort > 0 ? options.WrapperPort : EmulatorOptions.DefaultWrapperPort,
                MaxConnections = options.MaxConnections,
                WrapperInactivityTimeoutSeconds = options.WrapperInactivityTimeoutSeconds,
                AssociationTimeoutSeconds = options.AssociationTimeoutSeconds,
                Seed = options.Seed,
                TimeScale = options.TimeScale,
                StateDirectory = options.StateDirectory,
                SerialChannels = Math.Max(1, (string.IsNullOrEmpty(options.SerialDevice) ? 0 : 1) + (string.IsNullOrEmpty(options.OpticalDevice) ? 0 : 1)),
                Scenarios = TamperScenario.Parse(options.Scenario),
                EventLogLayout = string.Equals(options.EventLogs, "is15959", StringComparison.OrdinalIgnoreCase) ? EventLogLayout.Is15959 : EventLogLayout.Standard,
            };
            settings.LoadProfileEntries = options.LoadProfileRows ?? settings.LoadProfileEntries;
            settings.EventLogEntries = options.EventLogRows ?? settings.EventLogEntries;
            settings.TakeSecurityOptions(options);
            settings.Definition = options.MeterDefinition;
            settings.GivenOptions = options.GivenOptions;
            settings.TakePushOptions(options);
            return settings;
        }
    }
}
