using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A whole simulated single-phase meter front end built from one seed: clock, load curve
    /// driving the active-energy pulse counters, voltage, current and neutral current channels,
    /// the sampled voltage waveform at the grid's frequency, cover-open, magnet and power-fail
    /// inputs on schedules, theft scenarios (reverse flow, earth leak, cut voltage link), the
    /// disconnect relay, and seeded entropy. Everything moves
    /// together with <see cref="Advance"/> (or <see cref="Update"/> for a clock running at a time
    /// scale).
    /// </summary>
    /// <remarks>
    /// <para>Physics: energy flows only while the supply is on (power-fail input inactive) and the
    /// relay is connected; then the power is <see cref="SimulatedLoad.PowerAt"/>. It is counted
    /// on the import pulses, on the export pulses during a reverse flow, and on neither while the
    /// voltage link is cut (the meter sees no voltage, so no power). Pulses are the
    /// exact integral times the meter constant with the fraction carried, so for one seed and one
    /// sequence of steps the counts are bit-for-bit reproducible (and the integral does not depend
    /// on the step sizes).</para>
    /// <para>A step is cut at every scheduled input change and every noise interval: the clock is
    /// moved to the change, energy up to it is counted, then the edge is raised, so an edge
    /// handler sees the clock and the counts of the moment of the edge. Stepping allocates
    /// nothing; edge handlers run on the stepping thread.</para>
    /// </remarks>
    public sealed class SimulatedMeterHardware
    {
        private readonly object _stepSync = new object();
        private readonly long _startUtcTicks;
        private readonly SimulationSchedule _reverseFlows;
        private readonly SimulationSchedule _earthLeaks;
        private readonly SimulationSchedule _potentialCuts;
        private readonly ulong _neutralStream;
        private long _positionUtcTicks;
        private double _energyWh;

        /// <summary>Builds every simulated device from <paramref name="settings"/>.</summary>
        public SimulatedMeterHardware(SimulatedMeterSettings settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            Settings = settings;
            ulong seed = settings.Seed;
            Clock = new SimulatedClock(settings.StartUtc, settings.TimeScale, settings.RealElapsedTicks, settings.ClockDriftPpm);
            _startUtcTicks = Clock.StartUtcTicks;
            _positionUtcTicks = _startUtcTicks;
            Load = new SimulatedLoad(settings.Load, seed);
            Supply = new SimulatedSupply(settings.Supply, seed, _startUtcTicks);
            ActiveEnergyPulses = new SimulatedPulseCounter(settings.ImpulsesPerKwh);
            ExportEnergyPulses = new SimulatedPulseCounter(settings.ImpulsesPerKwh);
            PowerFail = new SimulatedDigitalInput(settings.PowerFailPin, new SimulationSchedule(settings.PowerFailures), _startUtcTicks);
            CoverOpen = new SimulatedDigitalInput(settings.CoverOpenPin, new SimulationSchedule(settings.CoverOpenings), _startUtcTicks);
            Magnet = new SimulatedDigitalInput(settings.MagnetPin, new SimulationSchedule(settings.MagnetFields), _startUtcTicks);
            _reverseFlows = new SimulationSchedule(settings.ReverseFlows);
            _earthLeaks = new SimulationSchedule(settings.EarthLeaks);
            _potentialCuts = new SimulationSchedule(settings.PotentialCuts);
            _neutralStream = SplitMix64.DeriveStream(seed, 5);
            Relay = new SimulatedDigitalOutput(settings.RelayPin, settings.RelayConnected, Clock.GetUtcTicks, Update);
            Voltage = new SimulatedAnalogInput(VoltageNow, settings.VoltageGain, 0, settings.MaxRaw);
            Current = new SimulatedAnalogInput(CurrentNow, settings.CurrentGain, 0, settings.MaxRaw);
            NeutralCurrent = new SimulatedAnalogInput(NeutralCurrentNow, settings.CurrentGain, 0, settings.MaxRaw);
            if (settings.Phases == 3)
            {
                VoltageL2 = new SimulatedAnalogInput(() => VoltageNow() * PhaseVoltage[1], settings.VoltageGain, 0, settings.MaxRaw);
                VoltageL3 = new SimulatedAnalogInput(() => VoltageNow() * PhaseVoltage[2], settings.VoltageGain, 0, settings.MaxRaw);
                CurrentL2 = new SimulatedAnalogInput(() => PhaseCurrentNow(1), settings.CurrentGain, 0, settings.MaxRaw);
                CurrentL3 = new SimulatedAnalogInput(() => PhaseCurrentNow(2), settings.CurrentGain, 0, settings.MaxRaw);
            }
            Grid = new SimulatedGrid(settings.Grid, seed, _startUtcTicks);
            Waveform = new SimulatedWaveformInput(Grid, () => Clock.TrueUtcTicks, MeasuredVoltsAt, _startUtcTicks, seed);
            FrequencyInput = new SimulatedEdgeTimer(Grid, () => Clock.TrueUtcTicks, _startUtcTicks);
            Entropy = new SimulatedEntropy(seed);
        }

        /// <summary>The settings this hardware was built from.</summary>
        public SimulatedMeterSettings Settings { get; }

        /// <summary>The clock (meter time, monotonic time, true simulated time).</summary>
        public SimulatedClock Clock { get; }

        /// <summary>The load curve.</summary>
        public SimulatedLoad Load { get; }

        /// <summary>The supply (voltage, current).</summary>
        public SimulatedSupply Supply { get; }

        /// <summary>Active energy import pulses at <see cref="SimulatedMeterSettings.ImpulsesPerKwh"/>.</summary>
        public SimulatedPulseCounter ActiveEnergyPulses { get; }

        /// <summary>RMS voltage channel (V).</summary>
        public SimulatedAnalogInput Voltage { get; }

        /// <summary>RMS current channel (A).</summary>
        public SimulatedAnalogInput Current { get; }

        /// <summary>Active energy export pulses (only during a reverse flow: the simulated load only imports).</summary>
        public SimulatedPulseCounter ExportEnergyPulses { get; }

        /// <summary>RMS neutral current channel (A): the phase current, short by the earth leak during one.</summary>
        public SimulatedAnalogInput NeutralCurrent { get; }

        /// <summary>RMS voltage L2 (V) of a three-phase simulation (<see cref="SimulatedMeterSettings.Phases"/> 3), else null.</summary>
        public SimulatedAnalogInput? VoltageL2 { get; }

        /// <summary>RMS voltage L3 (V), or null.</summary>
        public SimulatedAnalogInput? VoltageL3 { get; }

        /// <summary>RMS current L2 (A), or null.</summary>
        public SimulatedAnalogInput? CurrentL2 { get; }

        /// <summary>RMS current L3 (A), or null.</summary>
        public SimulatedAnalogInput? CurrentL3 { get; }

        // A three-phase simulation: each phase's share of the load and its voltage against the supply's.
        private static readonly double[] PhaseShare = { 0.34, 0.33, 0.33 };
        private static readonly double[] PhaseVoltage = { 1.0, 1.004, 0.997 };

        /// <summary>The grid frequency.</summary>
        public SimulatedGrid Grid { get; }

        /// <summary>The sampled voltage waveform (raw 12-bit counts on a mid-scale bias).</summary>
        public SimulatedWaveformInput Waveform { get; }

        /// <summary>The grid's zero crossings as a frequency input (cheap at any polling interval: fleets).</summary>
        public SimulatedEdgeTimer FrequencyInput { get; }

        /// <summary>Magnet sensor: true = a strong field (tamper).</summary>
        public SimulatedDigitalInput Magnet { get; }

        /// <summary>Terminal cover switch: true = open (tamper).</summary>
        public SimulatedDigitalInput CoverOpen { get; }

        /// <summary>Power-fail signal: true = supply failed.</summary>
        public SimulatedDigitalInput PowerFail { get; }

        /// <summary>Disconnect relay: true = connected.</summary>
        public SimulatedDigitalOutput Relay { get; }

        /// <summary>Seeded entropy.</summary>
        public SimulatedEntropy Entropy { get; }

        /// <summary>True simulated time up to which the inputs have been advanced (UTC ticks).</summary>
        public long PositionUtcTicks
        {
            get
            {
                lock (_stepSync)
                {
                    return _positionUtcTicks;
                }
            }
        }

        /// <summary>Energy that has flowed through the meter so far, in Wh (the exact integral, not pulses).</summary>
        public double EnergyWh
        {
            get
            {
                lock (_stepSync)
                {
                    return _energyWh;
                }
            }
        }

        /// <summary>True while the supply is on.</summary>
        public bool SupplyOn => !PowerFail.Read();

        /// <summary>True while energy flows (supply on and relay connected).</summary>
        public bool LoadConnected => SupplyOn && Relay.Read();

        /// <summary>Power drawn now in W (0 when the supply is off or the relay open).</summary>
        public double PowerWatts => LoadConnected ? Load.PowerAt(Clock.TrueUtcTicks) : 0;

        /// <summary>
        /// Moves simulated time forward by <paramref name="step"/>: clock, pulses, and every
        /// scheduled edge on the way, in time order.
        /// </summary>
        public void Advance(TimeSpan step)
        {
            if (step < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(step));
            }

            lock (_stepSync)
            {
                if (Clock.TimeScale > 0)
                {
                    Clock.Advance(step);
                    RunTo(Clock.TrueUtcTicks);
                }
                else
                {
                    long from = Clock.TrueUtcTicks;
                    RunTo((from > _positionUtcTicks ? from : _positionUtcTicks) + step.Ticks);
                }
            }
        }

        /// <summary>
        /// Brings the inputs up to the clock's current time. Call it periodically when the clock
        /// runs at a time scale (the emulator does, and before it serves a request).
        /// </summary>
        public void Update()
        {
            lock (_stepSync)
            {
                RunTo(Clock.TrueUtcTicks);
            }
        }

        /// <summary>Opens (true) or closes the terminal cover now (after catching up with the clock).</summary>
        public void DriveCoverOpen(bool open)
        {
            lock (_stepSync)
            {
                RunTo(Clock.TrueUtcTicks);
                CoverOpen.Drive(open, Clock.GetUtcTicks());
            }
        }

        /// <summary>Holds a magnet at the meter (true) or takes it away now (after catching up with the clock).</summary>
        public void DriveMagnet(bool present)
        {
            lock (_stepSync)
            {
                RunTo(Clock.TrueUtcTicks);
                Magnet.Drive(present, Clock.GetUtcTicks());
            }
        }

        /// <summary>True while a scheduled reverse flow is on.</summary>
        public bool ReverseFlowActive => _reverseFlows.IsActive(Clock.TrueUtcTicks - _startUtcTicks);

        /// <summary>True while a scheduled earth leak is on.</summary>
        public bool EarthLeakActive => _earthLeaks.IsActive(Clock.TrueUtcTicks - _startUtcTicks);

        /// <summary>True while the voltage link is cut.</summary>
        public bool PotentialCutActive => _potentialCuts.IsActive(Clock.TrueUtcTicks - _startUtcTicks);

        /// <summary>Fails (true) or restores the supply now (after catching up with the clock).</summary>
        public void DrivePowerFail(bool failed)
        {
            lock (_stepSync)
            {
                RunTo(Clock.TrueUtcTicks);
                PowerFail.Drive(failed, Clock.GetUtcTicks());
            }
        }

        private void RunTo(long target)
        {
            while (_positionUtcTicks < target)
            {
                long next = target;
                long powerFailChange = PowerFail.NextChangeUtcTicks;
                long coverChange = CoverOpen.NextChangeUtcTicks;
                long magnetChange = Magnet.NextChangeUtcTicks;
                next = Earliest(next, powerFailChange);
                next = Earliest(next, coverChange);
                next = Earliest(next, magnetChange);
                // Energy goes to another counter (or none) from these on: cut the step there.
                long elapsed = _positionUtcTicks - _startUtcTicks;
                next = Earliest(next, Change(_reverseFlows, elapsed));
                next = Earliest(next, Change(_potentialCuts, elapsed));

                Integrate(_positionUtcTicks, next);
                _positionUtcTicks = next;
                Clock.AdvanceTo(next);
                long clockUtc = Clock.ToClockUtcTicks(next);

                // Same instant: the supply first, then the cover, then the magnet (a fixed, documented order).
                if (powerFailChange == next)
                {
                    PowerFail.ApplyScheduled(next, clockUtc);
                }

                if (coverChange == next)
                {
                    CoverOpen.ApplyScheduled(next, clockUtc);
                }

                if (magnetChange == next)
                {
                    Magnet.ApplyScheduled(next, clockUtc);
                }
            }
        }

        private static long Earliest(long a, long b)
        {
            return b < a ? b : a;
        }

        private long Change(SimulationSchedule schedule, long elapsed)
        {
            if (schedule.Count == 0)
            {
                return long.MaxValue;
            }

            long change = schedule.NextChange(elapsed);
            return change == long.MaxValue ? long.MaxValue : _startUtcTicks + change;
        }

        private void Integrate(long from, long to)
        {
            if (!LoadConnected)
            {
                return;
            }

            // The state holds over the step (RunTo cuts steps at its changes).
            long elapsed = from - _startUtcTicks;
            SimulatedPulseCounter? counter = _potentialCuts.IsActive(elapsed) ? null
                : (_reverseFlows.IsActive(elapsed) ? ExportEnergyPulses : ActiveEnergyPulses);
            long interval = Load.NoiseIntervalTicks;
            long a = from;
            while (a < to)
            {
                long end = (a / interval + 1) * interval;
                long b = end < to ? end : to;
                double energy = Load.PieceEnergyWh(a, b);
                _energyWh += energy;
                counter?.AddEnergy(energy, (a - _startUtcTicks) / (double)TimeSpan.TicksPerMillisecond, (b - _startUtcTicks) / (double)TimeSpan.TicksPerMillisecond);
                a = b;
            }
        }

        private double VoltageNow()
        {
            return MeasuredVoltsAt(Clock.TrueUtcTicks);
        }

        // What the meter's voltage input sees: the supply, or nothing while the link is cut.
        private double MeasuredVoltsAt(long utcTicks)
        {
            if (_potentialCuts.IsActive(utcTicks - _startUtcTicks))
            {
                return 0;
            }

            return Supply.VoltageAt(utcTicks, SupplyOn);
        }

        // The phase current less what leaks through earth, with noise of its own (another sensor).
        private double NeutralCurrentNow()
        {
            long now = Clock.TrueUtcTicks;
            double volts = Supply.VoltageAt(now, SupplyOn);
            double watts = LoadConnected ? Load.PowerAt(now) : 0;
            if (volts <= 0 || watts <= 0)
            {
                return 0;
            }

            double amps = watts / volts;
            if (_earthLeaks.IsActive(now - _startUtcTicks))
            {
                amps *= 1 - Settings.EarthLeakFraction;
            }

            amps += Settings.Supply.CurrentNoiseAmps * SplitMix64.GaussianAt(_neutralStream, now / Settings.Supply.NoiseInterval.Ticks);
            return amps < 0 ? 0 : amps;
        }

        private double CurrentNow()
        {
            return PhaseCurrentNow(0);
        }

        // The current of phase 'phase' (0 = L1): the whole load on one phase, or its share on three.
        private double PhaseCurrentNow(int phase)
        {
            long now = Clock.TrueUtcTicks;
            bool three = Settings.Phases == 3;
            double volts = Supply.VoltageAt(now, SupplyOn) * (three ? PhaseVoltage[phase] : 1.0);
            double watts = LoadConnected ? Load.PowerAt(now) : 0;
            return Supply.CurrentAt(now, three ? watts * PhaseShare[phase] : watts, volts);
        }
    }
}
