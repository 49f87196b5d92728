using System;
using DlmsDevice.Emulator.Simulation;

namespace DlmsDevice.Emulator
{
    /// <summary>What the default meter is built from (taken from the command line by <see cref="From"/>).</summary>
    public sealed partial class DefaultMeterSettings
    {
        /// <summary>Manufacturer flag id used in the logical device name (3 letters).</summary>
        public const string FlagId = "DLD";

        /// <summary>Meter serial number (up to 13 characters: the logical device name is <see cref="FlagId"/> + this).</summary>
        public string SerialNumber { get; set; } = "0000000000001";

        /// <summary>Firmware version string (1.0.0.2.0.255).</summary>
        public string FirmwareVersion { get; set; } = "DlmsDevice 0.1.0";

        /// <summary>LLS password of the meter-reader association (client SAP 32).</summary>
        public string Password { get; set; } = "12345678";

        /// <summary>server-max-receive-pdu-size offered in the AARE.</summary>
        public int MaxApduSize { get; set; } = 1024;

        /// <summary>Values shown by IEC HDLC setup (0.0.22.0.0.255).</summary>
        public int HdlcPhysicalAddress { get; set; } = 17;

        /// <summary>HDLC inactivity time-out shown by IEC HDLC setup (s).</summary>
        public int HdlcInactivityTimeoutSeconds { get; set; } = 120;

        /// <summary>Serial speed shown by IEC HDLC setup.</summary>
        public int BaudRate { get; set; } = 9600;

        /// <summary>TCP port shown by TCP-UDP setup (0.0.25.0.0.255).</summary>
        public int WrapperPort { get; set; } = 4059;

        /// <summary>Simultaneous connections shown by TCP-UDP setup.</summary>
        public int MaxConnections { get; set; } = 64;

        /// <summary>Time base of the simulation; null = real time from construction.</summary>
        public SimulationTime? Time { get; set; }

        /// <summary>What the clock reads at simulation time 0; null = the machine's UTC time.</summary>
        public DateTime? StartUtc { get; set; }

        /// <summary>Active energy import at start (Wh).</summary>
        public double InitialEnergyWh { get; set; } = 1_000_000;

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
            };
            settings.TakeSecurityOptions(options);
            return settings;
        }
    }
}
