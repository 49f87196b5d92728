using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The metering engine: binds COSEM objects to the hardware abstraction layer. Pulses become
    /// energy and power, ADC readings become voltage and current, block demand and maximum demand
    /// are kept, the load and daily profiles are captured at their boundaries, events are logged,
    /// the disconnect relay follows Disconnect control, and everything a client may read is saved
    /// to non-volatile storage before it is shown.
    /// </summary>
    /// <remarks>
    /// <para>Life cycle: the constructor builds every object and allocates every buffer (the
    /// figure is in docs/metering.md); <see cref="Start"/> recovers the saved state; then the host
    /// calls <see cref="Tick"/> periodically (an emulator thread, a device loop: every 100 ms to
    /// 1 s) and serves requests. <see cref="Tick"/>, <see cref="Start"/> and
    /// <see cref="Shutdown"/> take <see cref="SyncRoot"/>; the host must hold the same lock while
    /// it serves a request, so a client never sees a half-done tick. After start-up nothing
    /// allocates.</para>
    /// <para>The property that drives the design: <b>a value any client has read never goes
    /// backwards after a restart.</b> The energy registers show the energy of the last
    /// checkpoint, never the live count; maximum demand, profile rows and events are saved in the
    /// same locked step that makes them visible. A checkpoint is taken when the energy grew by
    /// <see cref="MeterConfiguration.CheckpointEnergyWh"/>, when
    /// <see cref="MeterConfiguration.CheckpointIntervalSeconds"/> passed with some energy
    /// counted, at every profile capture and demand block end, and at once on a power-fail edge.
    /// If a write fails, the old values stay shown (and event 14 is logged).</para>
    /// </remarks>
    public sealed partial class MeterEngine
    {
        private const int LoadProfileIndex = 0;
        private const int DailyProfileIndex = 1;
        private const int EventLogIndex = 2;
        private const int VoltageIndex = 0;
        private const int CurrentIndex = 1;
        private const int NeutralIndex = 2;
        private const int PowerIndex = 3;
        // Phases 2 and 3: voltage L2, L3, current L2, L3 (AnalogQuantity order).
        private const int VoltageL2Index = 4;
        private const int CurrentL2Index = 6;
        private const int SinglePhaseChannels = 4;
        private const int ThreePhaseChannels = 8;

        private readonly object _sync = new object();
        // The profiles' scratch, reader, writer and context: one for all, they never run at once.
        private readonly ProfileWorkspace _workspace = new ProfileWorkspace();
        private readonly MeterConfiguration _config;
        private readonly MeterClock _meterClock;
        private readonly Callbacks _callbacks;
        private readonly EdgeQueue _edges;
        private readonly MeterPersistence _persistence;
        private readonly MeterCheckpoint _checkpoint;
        private readonly MeterSettingsRecord _settings;
        private ProfileGeneric[] _profiles;
        private readonly PeriodSchedule _loadSchedule;
        private readonly PeriodSchedule _dailySchedule;
        private readonly PeriodSchedule _demandSchedule;
        private readonly IDigitalInput _coverOpen;
        private readonly IDigitalInput _powerFail;
        private readonly IDigitalInput _magnet;
        private readonly IDigitalOutput _relay;
        private bool _started;

        /// <summary>Builds every object from <paramref name="configuration"/>; nothing is read from the hardware yet.</summary>
        /// <exception cref="ArgumentNullException">No configuration.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (<see cref="MeterConfiguration.Validate"/>).</exception>
        public MeterEngine(MeterConfiguration configuration)
        {
            if (configuration == null)
            {
                throw new ArgumentNullException();
            }
            configuration.Validate();
            _config = configuration;
            _callbacks = new Callbacks(this);
            _edges = new EdgeQueue(32);
            _checkpoint = new MeterCheckpoint();
            _checkpoint.Clear();
            _settings = new MeterSettingsRecord();
            _coverOpen = configuration.CoverOpen;
            _powerFail = configuration.PowerFail;
            _magnet = configuration.MagneticField;
            _relay = configuration.Relay;

            _meterClock = new MeterClock(configuration.Clock);
            Clock = new Clock(Name(EngineQuantity.Clock), _meterClock);
            Clock.TimeZone = configuration.TimeZone;
            if (configuration.EuropeanDaylightSavings)
            {
                Clock.SetEuropeanDaylightSavings();
            }
            Clock.MeasuringPeriodSeconds = configuration.LoadProfilePeriodSeconds;

            CreateMeasurementObjects(configuration);
            CreateDemandObjects(configuration);
            CreateFrequencyObjects(configuration);
            CreateBlockObjects(configuration);
            _checkpoint.Blocks = _blocks;
            CreateTamperObjects();
            CreateTariffObjects(configuration);
            Disconnect = new DisconnectControl(Name(EngineQuantity.DisconnectControl), configuration.DisconnectControlMode, _callbacks);

            CreateProfiles(configuration);
            _persistence = new MeterPersistence(_profiles);
            // Memory-error bookkeeping per record kind: checkpoint, settings, each profile, tamper state, configuration.
            _kindTamper = KindProfile + _profiles.Length;
            _kindConfiguration = _kindTamper + 1;
            _failing = new bool[_kindConfiguration + 1];
            // The meter's own calls (profile captures, scripts) share one context.
            Automation = new MeterAutomation(this, _workspace.Context);

            _loadSchedule = new PeriodSchedule(configuration.LoadProfilePeriodSeconds, false);
            _dailySchedule = new PeriodSchedule(86400, true);
            _demandSchedule = new PeriodSchedule(configuration.DemandPeriodSeconds, false);
            CreatePulseState(configuration.PulseChannels);

            _meterClock.Adjusted += _callbacks.OnClockAdjusted;
            if (_coverOpen != null)
            {
                _coverOpen.Edge += _callbacks.OnEdge;
            }
            if (_powerFail != null)
            {
                _powerFail.Edge += _callbacks.OnEdge;
            }
            if (_magnet != null)
            {
                _magnet.Edge += _callbacks.OnEdge;
            }
        }

        /// <summary>The lock that serialises <see cref="Tick"/> with the requests served on the objects.</summary>
        public object SyncRoot
        {
            get { return _sync; }
        }

        /// <summary>The configuration the engine was built from.</summary>
        public MeterConfiguration Configuration
        {
            get { return _config; }
        }

        /// <summary>The time source behind <see cref="Clock"/>.</summary>
        public MeterClock MeterClock
        {
            get { return _meterClock; }
        }

        /// <summary>Records the store needs (<see cref="MeterPersistence.RecordCount"/>).</summary>
        public int RequiredRecordCount
        {
            get { return _persistence.RecordCount; }
        }

        /// <summary>Largest record the store must accept, in bytes.</summary>
        public int RequiredPayloadLength
        {
            get { return _persistence.MaxPayloadLength; }
        }

        /// <summary>The record layout.</summary>
        public MeterPersistence Persistence
        {
            get { return _persistence; }
        }

        /// <summary>Clock 0.0.1.0.0.255.</summary>
        public Clock Clock { get; private set; }

        /// <summary>Calendar, schedules, monitors and limiter, ticked after the profiles (the model adds their objects).</summary>
        public MeterAutomation Automation { get; private set; }

        /// <summary>
        /// Event code 0.0.96.11.0.255: the code of the last event logged (unsigned); in the
        /// IS 15959 layout the code of the last voltage related event (long-unsigned).
        /// </summary>
        public Data EventCode { get; private set; }

        /// <summary>Disconnect control 0.0.96.3.10.255, bound to the relay.</summary>
        public DisconnectControl Disconnect { get; private set; }

        /// <summary>Load profile 1.0.99.1.0.255: clock, +A, -A, average voltage, average current (when present); every load profile period.</summary>
        public ProfileGeneric LoadProfile { get; private set; }

        /// <summary>Daily profile 1.0.99.2.0.255: clock, +A, -A, maximum demand and its time; at local midnight.</summary>
        public ProfileGeneric DailyProfile { get; private set; }

        /// <summary>
        /// Standard event log 0.0.99.98.0.255: clock, event code; in the IS 15959 layout the
        /// voltage related event log at the same logical name (<see cref="GetCategoryLog"/>).
        /// </summary>
        public ProfileGeneric EventLog { get; private set; }

        /// <summary>True after <see cref="Start"/>.</summary>
        public bool IsStarted
        {
            get { return _started; }
        }

        /// <summary>
        /// Recovers the saved state from <paramref name="store"/> (null = no persistence: every
        /// restart is a first start), logs the power-down/power-up events, drives the relay to
        /// the saved disconnect state, and takes the first readings. Once.
        /// </summary>
        /// <exception cref="InvalidOperationException">Started twice.</exception>
        public void Start(INonVolatileStore store)
        {
            lock (_sync)
            {
                if (_started)
                {
                    throw new InvalidOperationException();
                }
                _persistence.Attach(store);
                Recover();
            }
        }

        /// <summary>
        /// One step of the engine at the clock's current time: input edges, pulses, ADC samples,
        /// demand, profile captures, checkpoints, settings. Allocation-free.
        /// </summary>
        public void Tick()
        {
            lock (_sync)
            {
                if (!_started)
                {
                    return;
                }
                long mono = _meterClock.GetMonotonicMilliseconds();
                long utc = _meterClock.GetLiveUtcTicks();
                ProcessEdges();
                SamplePulses(mono);
                AccumulateTariffs();
                IntegrateReactive(mono);
                SampleAnalog(mono, utc);
                SampleFrequency(mono);
                UpdateTamper(mono, utc);
                UpdateDemand(utc);
                UpdateProfiles(utc);
                Automation.Tick(utc, mono);
                ApplyCheckpointPolicy(mono);
                SaveSettingsIfChanged();
            }
        }

        /// <summary>
        /// A clean power-down (the emulator's SIGTERM, a device's orderly shutdown): logs the
        /// power-down event and saves a final checkpoint marked so the next start logs only a
        /// power-up. Ticks after this do nothing.
        /// </summary>
        public void Shutdown()
        {
            lock (_sync)
            {
                if (!_started)
                {
                    return;
                }
                Tick();
                if (!_powerDownLogged)
                {
                    LogEvent(MeterEventCode.PowerDown, _meterClock.GetLiveUtcTicks());
                    _powerDownLogged = true;
                }
                WriteCheckpoint(_meterClock.GetMonotonicMilliseconds());
                _started = false;
            }
        }

        /// <summary>Asks for a checkpoint at the next <see cref="Tick"/> (a platform's power-fail interrupt calls this, then ticks).</summary>
        public void RequestCheckpoint()
        {
            _checkpointRequested = true;
        }

        /// <summary>
        /// The application side of the objects: maximum demand reset, disconnect state changes,
        /// clock adjustments and input edges. A nested class so these interface methods are not
        /// part of the engine's public surface.
        /// </summary>
        private sealed class Callbacks : IDisconnectHandler, IProfileCaptureObserver, IResetHandler
        {
            private readonly MeterEngine _engine;

            internal Callbacks(MeterEngine engine)
            {
                _engine = engine;
            }

            internal void OnMaximumDemandReset()
            {
                _engine.OnMaximumDemandReset();
            }

            public bool ChangeState(DisconnectTrigger trigger, ControlState current, ControlState target)
            {
                return _engine.OnDisconnectChange(trigger, current, target);
            }

            internal void OnClockAdjusted(long oldUtcTicks, long newUtcTicks)
            {
                _engine.OnClockAdjusted(oldUtcTicks, newUtcTicks);
            }

            internal void OnEdge(int pin, bool level, long utcTicks)
            {
                _engine._edges.Enqueue(pin, level, utcTicks);
            }

            public bool BeforeCapture(ProfileGeneric profile)
            {
                return profile != _engine.BillingProfile || _engine.BeforeBilling();
            }

            public void AfterCapture(ProfileGeneric profile)
            {
                if (profile == _engine.BillingProfile)
                {
                    _engine.AfterBilling();
                }
            }

            public void OnReset(CosemObject register)
            {
                _engine.OnTariffDemandReset(register);
            }
        }
    }
}
