using System;
using System.Collections.Generic;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// Everything <see cref="SimulatedMeterHardware"/> needs: one seed, the start instant, the
    /// time scale, the meter constant, the load curve, the supply, and the event schedules
    /// (times relative to the start).
    /// </summary>
    public sealed class SimulatedMeterSettings
    {
        /// <summary>Seed of every random stream (load noise, voltage/current noise, entropy).</summary>
        public ulong Seed { get; set; } = 1;

        /// <summary>Simulated start instant (UTC). Default 2024-01-01 00:00 UTC.</summary>
        public DateTime StartUtc { get; set; } = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Simulated seconds per real second; 0 (default) = time moves only by <see cref="SimulatedMeterHardware.Advance"/>.</summary>
        public double TimeScale { get; set; }

        /// <summary>
        /// How fast the meter's clock runs against the simulated physical time, in parts per
        /// million (default 0; +20 gains about 1.7 s a day, as a cheap crystal may). Each meter of
        /// an emulated fleet gets its own.
        /// </summary>
        public double ClockDriftPpm { get; set; }

        /// <summary>Real elapsed time source for the scaled clock (null = stopwatch); tests inject one.</summary>
        public Func<long>? RealElapsedTicks { get; set; }

        /// <summary>Meter constant of the active energy pulse output in impulses per kWh (default 1000).</summary>
        public double ImpulsesPerKwh { get; set; } = 1000;

        /// <summary>The load curve.</summary>
        public LoadCurveSettings Load { get; } = new LoadCurveSettings();

        /// <summary>The supply voltage and current noise, sags and swells.</summary>
        public SupplySettings Supply { get; } = new SupplySettings();

        /// <summary>When the supply fails (voltage 0, no energy, power-fail input active).</summary>
        public List<ScheduledInterval> PowerFailures { get; } = new List<ScheduledInterval>();

        /// <summary>When the terminal cover is open (tamper input active).</summary>
        public List<ScheduledInterval> CoverOpenings { get; } = new List<ScheduledInterval>();

        /// <summary>When a strong magnet is held at the meter (magnet input active).</summary>
        public List<ScheduledInterval> MagnetFields { get; } = new List<ScheduledInterval>();

        /// <summary>When the current flows backwards through the meter (a reversed CT or meter): the load's energy counts as export.</summary>
        public List<ScheduledInterval> ReverseFlows { get; } = new List<ScheduledInterval>();

        /// <summary>When part of the load returns through earth instead of the neutral (earth loading): the neutral current is short by <see cref="EarthLeakFraction"/>.</summary>
        public List<ScheduledInterval> EarthLeaks { get; } = new List<ScheduledInterval>();

        /// <summary>Share of the phase current that bypasses the neutral during an earth leak (default 0.4).</summary>
        public double EarthLeakFraction { get; set; } = 0.4;

        /// <summary>When the meter's voltage link is cut while the load keeps drawing (current without voltage): the voltage reads 0 and no energy is registered.</summary>
        public List<ScheduledInterval> PotentialCuts { get; } = new List<ScheduledInterval>();

        /// <summary>The grid frequency and the sampled voltage waveform.</summary>
        public GridFrequencySettings Grid { get; } = new GridFrequencySettings();

        /// <summary>Whether the disconnect relay starts connected (default true).</summary>
        public bool RelayConnected { get; set; } = true;

        /// <summary>Voltage channel: volts per count (default 0.01 V, so 230 V reads 23000).</summary>
        public double VoltageGain { get; set; } = 0.01;

        /// <summary>Current channel: amperes per count (default 0.001 A).</summary>
        public double CurrentGain { get; set; } = 0.001;

        /// <summary>
        /// Phases: 1 (default), or 3: the load is shared by three phases (34, 33 and 33 %), each
        /// phase's voltage a little off the supply's (L2 +0.4 %, L3 -0.3 %, a real grid's
        /// imbalance), and the L2 and L3 inputs exist.
        /// </summary>
        public int Phases { get; set; } = 1;

        /// <summary>Full-scale raw reading of both channels (default 65535, 16 bits).</summary>
        public int MaxRaw { get; set; } = 65535;

        /// <summary>Pin number of the cover-open input (default 1).</summary>
        public int CoverOpenPin { get; set; } = 1;

        /// <summary>Pin number of the power-fail input (default 2).</summary>
        public int PowerFailPin { get; set; } = 2;

        /// <summary>Pin number of the disconnect relay output (default 3).</summary>
        public int RelayPin { get; set; } = 3;

        /// <summary>Pin number of the magnet sensor input (default 4).</summary>
        public int MagnetPin { get; set; } = 4;
    }
}
