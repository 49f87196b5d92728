using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using DlmsDevice.Emulator.Diagnostics;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// The emulator's default meter: the portable device runtime (<see cref="MeterDevice"/>,
    /// firmware/DlmsDevice.Runtime: the default object model, the metering engine, the server and
    /// the channel slots, exactly as a device runs them) on the simulated hardware
    /// (<see cref="SimulatedMeterHardware"/>: seeded load curve driving the pulse counter,
    /// voltage and current channels, cover and power-fail inputs, the relay), with the state
    /// directory as non-volatile medium. docs/emulator.md lists the objects and what moves.
    /// </summary>
    /// <remarks>
    /// The simulation runs at <see cref="DefaultMeterSettings.TimeScale"/> x real time, moved by
    /// <see cref="Tick"/> (the emulator's tick thread, <see cref="MeterTicker"/>); with time scale
    /// 0 it moves only when a test calls <see cref="Advance"/>. Both hold the meter lock, the same
    /// one every request holds, so a client never sees half a tick.
    /// </remarks>
    public sealed class DefaultMeter : IMeterModel, IDisposable
    {
        /// <summary>Public client SAP: no authentication, read-only.</summary>
        public const int PublicClientSap = DefaultMeterModel.PublicClientSap;

        /// <summary>Meter-reader client SAP: LLS password; sets the clock, resets maximum demand, disconnects and reconnects.</summary>
        public const int MeterReaderClientSap = DefaultMeterModel.MeterReaderClientSap;

        /// <summary>Management client SAP: HLS-GMAC, authenticated encryption, reads and changes everything.</summary>
        public const int ManagementClientSap = DefaultMeterModel.ManagementClientSap;

        /// <summary>Meter constant of the simulated pulse output (imp/kWh).</summary>
        public const int ImpulsesPerKwh = 1000;

        private readonly DefaultMeterSettings _settings;
        private readonly StateDirectoryLock? _lock;
        private int _shutDown;
        private long _nextPushTicks;

        /// <summary>Builds the hardware, the store and the model, and starts the engine (recovering the state directory).</summary>
        /// <exception cref="ArgumentException">A setting does not fit (serial number, password).</exception>
        /// <exception cref="StateDirectoryInUseException">Another process (or another meter in this one) uses the state directory.</exception>
        /// <exception cref="IOException">The state directory cannot be created.</exception>
        public DefaultMeter(DefaultMeterSettings settings)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            if (settings.SerialNumber.Length == 0 || settings.SerialNumber.Length > 13)
            {
                throw new ArgumentException("The serial number takes 1 to 13 characters.", nameof(settings));
            }
            if (settings.Password.Length > 64)
            {
                throw new ArgumentException("The LLS password takes at most 64 characters.", nameof(settings));
            }

            // One meter per state directory, held until Dispose or the end of the process.
            _lock = settings.StateDirectory != null ? StateDirectoryLock.Acquire(settings.StateDirectory) : null;
            try
            {
                FileStorageMedium? medium = settings.StateDirectory != null ? new FileStorageMedium(settings.StateDirectory, settings.FlushStateWrites) : null;
                StateMedium = medium;
                StateHealth = medium != null ? new MonitoredStorageMedium(medium) : null;
                Build(settings, medium);
            }
            catch
            {
                _lock?.Dispose();
                throw;
            }
        }

        [MemberNotNull(nameof(Hardware), nameof(Device))]
        private void Build(DefaultMeterSettings settings, FileStorageMedium? medium)
        {
            ResumedFromState = false;
            DateTime start = StartTime(settings, medium);
            Hardware = new SimulatedMeterHardware(CreateHardwareSettings(settings, start));

            MeterConfiguration configuration = CreateConfiguration(settings, Hardware);
            MeterDeviceSettings device = settings.ToDeviceSettings();
            // The link timers run on real time, whatever the simulation's time scale.
            device.LinkClock = new SystemClock();
            if (device.Push != null && device.PushTransport == null)
            {
                device.PushTransport = new SocketOutboundTransport();
            }
            // HLS StoC challenges: the operating system's generator unless a test injects one.
            IEntropySource entropy = settings.Entropy ?? new SystemEntropySource();
            if (settings.Definition != null)
            {
                // A meter definition (--meter): its objects on the same simulated hardware.
                MeterModel model = settings.Definition.Build(configuration, settings.ToDefinitionModelSettings());
                Device = new MeterDevice(model, device, StateHealth, entropy);
            }
            else
            {
                Device = new MeterDevice(device, configuration, StateHealth, entropy);
            }
            if (Device.CountersStatus != StoreStatus.Ok)
            {
                throw new InvalidOperationException("The invocation counters in " + settings.StateDirectory + " cannot be read (" + Device.CountersStatus + "): client 48 would be refused.");
            }
        }

        /// <summary>True when a key of the management association is a published test key (the banner says so loudly).</summary>
        public bool UsesTestKeys => _settings.Definition != null ? Model.UsesTestKeys : _settings.UsesTestKeys;

        /// <summary>The settings the meter was built with.</summary>
        public DefaultMeterSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The simulated front end (clock, load, pulses, ADC channels, inputs, relay).</summary>
        public SimulatedMeterHardware Hardware { get; private set; }

        /// <summary>The export pulse counter (the simulated load only imports: it counts only during a reverse-flow scenario).</summary>
        public SimulatedPulseCounter ExportPulses => Hardware.ExportEnergyPulses;

        /// <summary>The portable device runtime serving the meter.</summary>
        public MeterDevice Device { get; private set; }

        /// <summary>The portable object model (the default meter's, or the one of <see cref="DefaultMeterSettings.Definition"/>).</summary>
        public MeterModel Model => Device.Model;

        /// <summary>The metering engine.</summary>
        public MeterEngine Engine => Device.Engine;

        /// <summary>The DLMS server the channels' sessions come from.</summary>
        public DlmsServer Server => Device.Server;

        /// <summary>The state directory's medium; null without --state-dir.</summary>
        public FileStorageMedium? StateMedium { get; }

        /// <summary>The state directory's medium as the record store uses it, watched for failing writes; null without --state-dir.</summary>
        public MonitoredStorageMedium? StateHealth { get; }

        /// <summary>The record store over the state directory; null without --state-dir.</summary>
        public SlottedRecordStore? Store => Device.Store;

        /// <summary>True when the clock resumed from the state directory's last checkpoint.</summary>
        public bool ResumedFromState { get; private set; }

        /// <summary>Logical device name: "DLD" + serial number.</summary>
        public string LogicalDeviceName
        {
            get { return Model.LogicalDeviceName; }
        }

        /// <summary>Serial number.</summary>
        public string SerialNumber
        {
            get { return _settings.SerialNumber; }
        }

        /// <summary>The management logical device (address 1).</summary>
        public LogicalDevice LogicalDevice => Model.Device;

        /// <summary>0.0.1.0.0.255.</summary>
        public Clock Clock
        {
            get { return Engine.Clock; }
        }

        /// <summary>0.0.40.0.1.255, client SAP 16 (null when a definition has no client 16).</summary>
        public AssociationLogicalName PublicAssociation
        {
            get { return Model.FindAssociation(PublicClientSap); }
        }

        /// <summary>0.0.40.0.2.255, client SAP 32.</summary>
        public AssociationLogicalName MeterReaderAssociation
        {
            get { return Model.FindAssociation(MeterReaderClientSap); }
        }

        /// <summary>0.0.40.0.3.255, client SAP 48.</summary>
        public AssociationLogicalName ManagementAssociation => Model.FindAssociation(ManagementClientSap);

        /// <summary>0.0.43.0.3.255.</summary>
        public SecuritySetup SecuritySetup => Model.SecuritySetup;

        /// <summary>The keys, titles and counters of client 48.</summary>
        public SecurityProfile SecurityProfile => Model.SecurityProfile;

        /// <inheritdoc />
        public ChannelPool Pool(ChannelKind kind) => Device.Pool(kind);

        /// <summary>What the meter clock reads now.</summary>
        public DateTime ClockUtc
        {
            get { return new DateTime(Hardware.Clock.GetUtcTicks(), DateTimeKind.Utc); }
        }

        /// <summary>The lock every request and tick holds.</summary>
        public object SyncRoot => Device.SyncRoot;

        /// <summary>Brings the simulation up to the clock and runs one engine tick (the tick thread).</summary>
        public void Tick()
        {
            lock (SyncRoot)
            {
                Hardware.Update();
                Engine.Tick();
                RequestPeriodicPush();
            }
            Device.ServicePushes();
        }

        /// <summary>
        /// Moves simulated time forward by <paramref name="step"/> in steps of at most one second,
        /// ticking the engine after each (tests; with time scale 0 time moves only here).
        /// </summary>
        public void Advance(TimeSpan step)
        {
            TimeSpan left = step;
            while (left > TimeSpan.Zero)
            {
                TimeSpan piece = left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
                lock (SyncRoot)
                {
                    Hardware.Advance(piece);
                    Engine.Tick();
                    RequestPeriodicPush();
                }
                Device.ServicePushes();
                left -= piece;
            }
        }

        /// <summary>The push setup (0.0.25.9.0.255) when the meter was built with one (<see cref="DefaultMeterSettings.Push"/>).</summary>
        public PushSetup? PushSetup => Device.PushSetup;

        /// <summary>The sender of <see cref="PushSetup"/>; null without one.</summary>
        public PushSender? PushSender => Device.PushSenderCount > 0 ? Device.GetPushSender(0) : null;

        // --push-interval: a push at every multiple of the interval on the meter clock (simulated time).
        private void RequestPeriodicPush()
        {
            int interval = _settings.PushIntervalSeconds;
            PushSetup? push = Device.PushSetup;
            if (interval <= 0 || push == null)
            {
                return;
            }
            long now = Hardware.Clock.GetUtcTicks();
            long step = interval * TimeSpan.TicksPerSecond;
            if (_nextPushTicks == 0)
            {
                _nextPushTicks = (now / step + 1) * step;
                return;
            }
            if (now >= _nextPushTicks)
            {
                push.RequestPush();
                _nextPushTicks = (now / step + 1) * step;
            }
        }

        /// <summary>
        /// A clean power-down: every channel closed, power-down event and a final checkpoint.
        /// Safe to call twice. Not under the meter lock: a channel is closed under its own lock,
        /// which a channel serving a request holds while it waits for the meter lock.
        /// </summary>
        public void Shutdown()
        {
            if (System.Threading.Interlocked.Exchange(ref _shutDown, 1) == 1)
            {
                return;
            }
            Device.Shutdown();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Shutdown();
            _lock?.Dispose();
        }

        // Without state: the configured start or the machine's time. With state: the clock of the
        // last checkpoint plus the time the emulator was down (scaled), as a battery-backed RTC
        // keeps running while the meter is off.
        private DateTime StartTime(DefaultMeterSettings settings, FileStorageMedium? medium)
        {
            DateTime fresh = settings.StartUtc ?? TruncateToSeconds(DateTime.UtcNow);
            if (medium == null)
            {
                return fresh;
            }
            MeterCheckpoint checkpoint = new MeterCheckpoint();
            SlottedRecordStore probe = new SlottedRecordStore(medium, 1, MeterCheckpoint.Length);
            if (MeterPersistence.ReadCheckpoint(probe, checkpoint) != StoreStatus.Ok || checkpoint.ClockUtcTicks <= 0)
            {
                return fresh;
            }
            DateTime saved = LastWrite(medium);
            TimeSpan down = DateTime.UtcNow - saved;
            long ticks = checkpoint.ClockUtcTicks;
            if (down > TimeSpan.Zero && settings.TimeScale > 0)
            {
                ticks += (long)(down.Ticks * settings.TimeScale);
            }
            ResumedFromState = true;
            return new DateTime(ticks, DateTimeKind.Utc);
        }

        private static DateTime LastWrite(FileStorageMedium medium)
        {
            DateTime latest = DateTime.MinValue;
            for (int slot = 0; slot < 2; slot++)
            {
                string path = medium.GetSlotPath(MeterPersistence.CheckpointRecord, slot);
                if (File.Exists(path))
                {
                    DateTime t = File.GetLastWriteTimeUtc(path);
                    if (t > latest)
                    {
                        latest = t;
                    }
                }
            }
            return latest == DateTime.MinValue ? DateTime.UtcNow : latest;
        }

        private static DateTime TruncateToSeconds(DateTime utc)
        {
            return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }

        private static SimulatedMeterSettings CreateHardwareSettings(DefaultMeterSettings settings, DateTime start)
        {
            SimulatedMeterSettings hardware = new SimulatedMeterSettings
            {
                Seed = settings.Seed,
                StartUtc = start,
                TimeScale = settings.TimeScale,
                ImpulsesPerKwh = ImpulsesPerKwh,
                ClockDriftPpm = settings.ClockDriftPpm,
            };
            if (settings.Definition != null)
            {
                DefinitionHardware.Apply(hardware, settings.Definition.Definition);
            }
            if (settings.SimulateFaults)
            {
                // Times count from the simulation start (each run of the emulator).
                hardware.CoverOpenings.Add(new ScheduledInterval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(2), TimeSpan.FromHours(6)));
                hardware.PowerFailures.Add(new ScheduledInterval(TimeSpan.FromHours(2.5), TimeSpan.FromMinutes(5), TimeSpan.FromHours(24)));
                hardware.Supply.Deviations.Add(new VoltageDeviation(new ScheduledInterval(TimeSpan.FromHours(3), TimeSpan.FromMinutes(10), TimeSpan.FromHours(12)), 1.12));
                hardware.Supply.Deviations.Add(new VoltageDeviation(new ScheduledInterval(TimeSpan.FromHours(4), TimeSpan.FromMinutes(10), TimeSpan.FromHours(12)), 0.88));
            }
            foreach (TamperScenario scenario in settings.Scenarios)
            {
                scenario.Apply(hardware);
            }
            return hardware;
        }

        private static MeterConfiguration CreateConfiguration(DefaultMeterSettings settings, SimulatedMeterHardware hardware)
        {
            SimulatedMeterSettings h = hardware.Settings;
            MeterConfiguration configuration = new MeterConfiguration(hardware.Clock)
            {
                // Billing and four tariffs (off in the portable defaults: the ESP32 heap budget).
                Tariffs = settings.Automation ? 4 : 0,
                BillingProfileEntries = settings.Automation ? 12 : 0,
                PulseChannels = new[]
                {
                    new PulseChannel(hardware.ActiveEnergyPulses, ImpulsesPerKwh, EnergyDirection.Import),
                    new PulseChannel(hardware.ExportEnergyPulses, ImpulsesPerKwh, EnergyDirection.Export),
                },
                Voltage = new AnalogChannel(hardware.Voltage, AnalogQuantity.Voltage, h.VoltageGain, 0, Unit.Volt, -1),
                Current = new AnalogChannel(hardware.Current, AnalogQuantity.Current, h.CurrentGain, 0, Unit.Ampere, -2),
                NeutralCurrent = new AnalogChannel(hardware.NeutralCurrent, AnalogQuantity.NeutralCurrent, h.CurrentGain, 0, Unit.Ampere, -2),
                // The sampled waveform (zero crossings counted by the meter), or for a fleet the
                // frequency input, whose reads cost the same after a day of history.
                Frequency = settings.FrequencyFromWaveform ? new FrequencyChannel(hardware.Waveform) : new FrequencyChannel(hardware.FrequencyInput),
                EventLogs = settings.EventLogLayout,
                MagneticField = hardware.Magnet,
                CoverOpen = hardware.CoverOpen,
                PowerFail = hardware.PowerFail,
                Relay = hardware.Relay,
                LoadProfileEntries = settings.LoadProfileEntries,
                EventLogEntries = settings.EventLogEntries,
                CheckpointEnergyWh = settings.CheckpointEnergyWh,
                CheckpointIntervalSeconds = settings.CheckpointIntervalSeconds,
                InitialEnergyImportWh = settings.InitialEnergyWh,
            };
            if (settings.Definition != null)
            {
                DefinitionHardware.Apply(configuration, settings.Definition.Definition, hardware);
            }
            return configuration;
        }
    }
}
