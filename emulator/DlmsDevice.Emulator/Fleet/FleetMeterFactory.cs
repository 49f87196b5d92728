using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter;

namespace DlmsDevice.Emulator.Fleet
{
    /// <summary>
    /// Builds meter i of a fleet: the emulator's <see cref="DefaultMeter"/> (the portable device
    /// runtime on simulated hardware) with the settings of a single meter from the command line,
    /// then what makes it one of many (<see cref="FleetLayout"/>): serial number and system title,
    /// keys, seed, clock drift, state directory, addresses, its few slots. Every fleet meter is
    /// made here, so the model a fleet runs is chosen in one place.
    /// </summary>
    public static class FleetMeterFactory
    {
        /// <summary>The settings of meter <paramref name="index"/>.</summary>
        /// <param name="options">The command line.</param>
        /// <param name="layout">The fleet's layout.</param>
        /// <param name="index">0-based meter number.</param>
        /// <param name="entropy">One source of HLS challenges for every meter (stateless, thread-safe).</param>
        public static DefaultMeterSettings Settings(EmulatorOptions options, FleetLayout layout, int index, IEntropySource entropy)
        {
            DefaultMeterSettings settings = DefaultMeterSettings.From(options);
            settings.SerialNumber = layout.SerialNumber(index);
            settings.SystemTitle = null; // "DLD" + the serial number
            settings.Seed = layout.Seed(index);
            settings.ClockDriftPpm = layout.DriftPpm(index);
            settings.StateDirectory = layout.StateDirectory(index);
            // An emulated meter's power loss is the process dying: a write the kernel has survives
            // it; a flush per write would cost the fleet milliseconds each (docs/fleet.md).
            settings.FlushStateWrites = false;
            settings.FrequencyFromWaveform = false;
            // Billing, tariffs, monitors and the limiter cost ~15 KB of RSS per meter: a fleet
            // stays within 64 KB per meter without them unless asked (docs/fleet.md).
            settings.Automation = options.FleetAutomation;
            settings.SerialChannels = 0;
            settings.MaxConnections = layout.ConnectionsPerMeter;
            settings.HdlcConnections = layout.HdlcPort(index) == 0 ? 0 : layout.ConnectionsPerMeter;
            settings.WrapperPort = layout.WrapperPort(index) > 0 ? layout.WrapperPort(index) : EmulatorOptions.DefaultWrapperPort;
            settings.HdlcPhysicalAddress = layout.HdlcPhysicalAddress(index);
            settings.LoadProfileEntries = layout.LoadProfileRows;
            settings.EventLogEntries = layout.EventLogRows;
            settings.Entropy = entropy;
            if (options.FleetKey != null)
            {
                byte[] fleetKey = Convert.FromHexString(options.FleetKey);
                byte[] title = SystemTitle(settings.SerialNumber);
                settings.AuthenticationKey = FleetKeys.Derive(fleetKey, FleetKeys.AuthenticationKeyLabel, title);
                settings.BlockCipherKey = FleetKeys.Derive(fleetKey, FleetKeys.BlockCipherKeyLabel, title);
                settings.MasterKey = FleetKeys.Derive(fleetKey, FleetKeys.MasterKeyLabel, title);
            }
            return settings;
        }

        /// <summary>Builds a fleet meter from <paramref name="settings"/> (recovering its state directory): the one place that chooses the model fleets run.</summary>
        public static DefaultMeter Create(DefaultMeterSettings settings)
        {
            return new DefaultMeter(settings);
        }

        /// <summary>The system title of the meter with <paramref name="serialNumber"/>: "DLD" and the serial number in 5 bytes.</summary>
        public static byte[] SystemTitle(string serialNumber)
        {
            return new DefaultMeterModelSettings { SerialNumber = serialNumber }.DefaultSystemTitle();
        }
    }
}
