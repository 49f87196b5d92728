using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// What the metering engine is built from: the hardware (clock, pulse and analog channels,
    /// tamper and power-fail inputs, the disconnect relay), the periods, the sizes of the
    /// profiles and the event log, the voltage thresholds and the checkpoint policy.
    /// Configuration time only; the engine reads it once in its constructor.
    /// </summary>
    public sealed class MeterConfiguration
    {
        /// <summary>Creates a configuration with the defaults below and no channels.</summary>
        public MeterConfiguration(ISystemClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException();
            }
            Clock = clock;
            PulseChannels = new PulseChannel[0];
            DisconnectControlMode = ControlMode.Mode2;
            DemandPeriodSeconds = 900;
            CurrentTransformerPrimary = 1;
            CurrentTransformerSecondary = 1;
            VoltageTransformerPrimary = 1;
            VoltageTransformerSecondary = 1;
            LoadProfilePeriodSeconds = 900;
            LoadProfileEntries = 960;
            DailyProfileEntries = 62;
            EventLogEntries = 256;
            RowsPerChunk = 16;
            NominalVoltage = 230;
            UnderVoltage = 207;
            OverVoltage = 253;
            MissingVoltage = 46;
            VoltageHysteresis = 2;
            CheckpointEnergyWh = 10;
            CheckpointIntervalSeconds = 900;
            PowerWindowMilliseconds = 1000;
            PowerTimeoutSeconds = 3600;
            Names = new MeterObjectNames();
            Tamper = new TamperSettings();
            CategoryLogEntries = new int[] { 70, 70, 40, 20, 60, 1, 1 };
        }

        /// <summary>The logical names of the engine's objects (default: <see cref="MeterObis"/>).</summary>
        public MeterObjectNames Names { get; set; }

        /// <summary>Capture objects of the load profile; null = clock, +A, -A, average voltage and current (when there).</summary>
        public ProfileLayout LoadProfileLayout { get; set; }

        /// <summary>Capture objects of the daily profile; null = clock, +A, -A, maximum demand and its capture time.</summary>
        public ProfileLayout DailyProfileLayout { get; set; }

        /// <summary>Capture objects of the event log; null = clock and event code.</summary>
        public ProfileLayout EventLogLayout { get; set; }

        /// <summary>The device clock: UTC for timestamps, monotonic milliseconds for intervals.</summary>
        public ISystemClock Clock { get; private set; }

        /// <summary>Pulse inputs (any number, import and export). Default: none.</summary>
        public PulseChannel[] PulseChannels { get; set; }

        /// <summary>The voltage channel (L1); null = no voltage, apparent power or power factor registers.</summary>
        public AnalogChannel Voltage { get; set; }

        /// <summary>The current channel (L1); null = no current, apparent power or power factor registers.</summary>
        public AnalogChannel Current { get; set; }

        /// <summary>The neutral current channel; null = no neutral current register and no phase/neutral mismatch detection.</summary>
        public AnalogChannel NeutralCurrent { get; set; }

        /// <summary>Voltage L2 channel (a three-phase meter); null = single phase, no L2 registers.</summary>
        public AnalogChannel VoltageL2 { get; set; }

        /// <summary>Voltage L3 channel; null = none.</summary>
        public AnalogChannel VoltageL3 { get; set; }

        /// <summary>Current L2 channel; null = none.</summary>
        public AnalogChannel CurrentL2 { get; set; }

        /// <summary>Current L3 channel; null = none.</summary>
        public AnalogChannel CurrentL3 { get; set; }

        /// <summary>Signed active power L1 from a metering front end (negative = energy flowing out); null = reverse flow judged from the export pulses only.</summary>
        public AnalogChannel ActivePower { get; set; }

        /// <summary>Where the grid frequency is measured (zero crossings of the voltage waveform, or a frequency input); null = no frequency registers.</summary>
        public FrequencyChannel Frequency { get; set; }

        /// <summary>Thresholds and persistence times of the theft detections (docs/tamper.md).</summary>
        public TamperSettings Tamper { get; set; }

        /// <summary>One standard event log (default) or the seven IS 15959 event logs by category.</summary>
        public EventLogLayout EventLogs { get; set; }

        /// <summary>
        /// Rows of the seven IS 15959 event logs (voltage, current, power failure, transaction,
        /// other, non-rollover, control) in the <see cref="EventLogLayout.Is15959"/> layout; default
        /// 70, 70, 40, 20, 60, 1, 1 (the sizes Gurux's published Indian example uses). The
        /// non-rollover log keeps its first rows and takes no more once full.
        /// </summary>
        public int[] CategoryLogEntries { get; set; }

        /// <summary>Terminal cover switch (true = open); null = no tamper events.</summary>
        public IDigitalInput CoverOpen { get; set; }

        /// <summary>Magnetic tamper sensor, e.g. a reed or Hall switch near the measuring element (true = strong field); null = none.</summary>
        public IDigitalInput MagneticField { get; set; }

        /// <summary>Power-fail early warning (true = supply failing); null = none.</summary>
        public IDigitalInput PowerFail { get; set; }

        /// <summary>The disconnect relay (true = connected); null = Disconnect control without a switch.</summary>
        public IDigitalOutput Relay { get; set; }

        /// <summary>control_mode of Disconnect control on first start (default 2: remote reconnection is direct). A saved setting overrides it.</summary>
        public ControlMode DisconnectControlMode { get; set; }

        /// <summary>Clock time_zone on first start, minutes from local time to UTC (UTC+1 = -60). A saved setting overrides it.</summary>
        public short TimeZone { get; set; }

        /// <summary>Daylight saving with the EU rule on first start (default off). A saved setting overrides it.</summary>
        public bool EuropeanDaylightSavings { get; set; }

        /// <summary>
        /// Current transformer ratio, primary amperes (default 1: a whole-current meter). A
        /// CT-operated meter shows its currents, powers and energies on the primary side: the
        /// engine multiplies what its channels measure by primary / secondary.
        /// </summary>
        public int CurrentTransformerPrimary { get; set; }

        /// <summary>Current transformer ratio, secondary amperes (default 1; typically 5 or 1).</summary>
        public int CurrentTransformerSecondary { get; set; }

        /// <summary>Voltage transformer ratio, primary volts (default 1: no VT). Voltages, powers and energies are shown on the primary side.</summary>
        public int VoltageTransformerPrimary { get; set; }

        /// <summary>Voltage transformer ratio, secondary volts (default 1; typically 110).</summary>
        public int VoltageTransformerSecondary { get; set; }

        /// <summary>
        /// Scaler of the energy registers and their profile columns: 0 (Wh, default) .. 3 (kWh).
        /// A CT/VT-operated meter counts primary energy, which a double-long-unsigned holds in Wh
        /// for only weeks: 3 keeps it for centuries. The register shows floor(Wh / 10^scaler).
        /// </summary>
        public int EnergyScaler { get; set; }

        /// <summary>Integration period of block demand, seconds (default 900: the 15-minute block). Must divide a day.</summary>
        public int DemandPeriodSeconds { get; set; }

        /// <summary>capture_period of the load profile, seconds (default 900). Must divide a day.</summary>
        public int LoadProfilePeriodSeconds { get; set; }

        /// <summary>Rows of the load profile (default 960: ten days of 15-minute rows).</summary>
        public int LoadProfileEntries { get; set; }

        /// <summary>Rows of the daily profile (default 62: two months).</summary>
        public int DailyProfileEntries { get; set; }

        /// <summary>Rows of the standard event log (default 256).</summary>
        public int EventLogEntries { get; set; }

        /// <summary>Profile rows per persistence record (default 16; docs/metering.md, flash volume).</summary>
        public int RowsPerChunk { get; set; }

        /// <summary>Nominal voltage, V (default 230).</summary>
        public double NominalVoltage { get; set; }

        /// <summary>Below this (V) the voltage is "under voltage" (default 207 V, -10 %).</summary>
        public double UnderVoltage { get; set; }

        /// <summary>Above this (V) the voltage is "over voltage" (default 253 V, +10 %).</summary>
        public double OverVoltage { get; set; }

        /// <summary>Below this (V) the voltage is "missing" (default 46 V, 20 %).</summary>
        public double MissingVoltage { get; set; }

        /// <summary>How far back inside the band (V) the voltage must come to be "normal" again (default 2 V).</summary>
        public double VoltageHysteresis { get; set; }

        /// <summary>Checkpoint when the energy counted since the last checkpoint reaches this many Wh (default 10).</summary>
        public int CheckpointEnergyWh { get; set; }

        /// <summary>Checkpoint when energy changed and this many seconds passed since the last checkpoint (default 900).</summary>
        public int CheckpointIntervalSeconds { get; set; }

        /// <summary>
        /// Active energy import (Wh) of a meter that starts with an empty store (first start
        /// only; default 0). Lets an emulated or replacement meter continue a register's history.
        /// </summary>
        public long InitialEnergyImportWh { get; set; }

        /// <summary>Shortest span between pulse edges used for a power value (default 1000 ms).</summary>
        public int PowerWindowMilliseconds { get; set; }

        /// <summary>Without a pulse for this long the active power is 0 (default 3600 s).</summary>
        public int PowerTimeoutSeconds { get; set; }

        /// <summary>
        /// Tariffs with their own energy import and maximum demand registers (1.0.1.8.1.255 ..,
        /// 1.0.1.6.1.255 ..), 0..4; default 0 (the ESP32 heap budget; the emulator and the Linux host
        /// use 4). docs/billing-and-tariffs.md.
        /// </summary>
        public int Tariffs { get; set; }

        /// <summary>Rows of the billing profile 1.0.98.1.0.255 (12 is a year of monthly billing); 0 (default: the ESP32 heap budget, docs/billing-and-tariffs.md) = no billing profile, counter or time stamp.</summary>
        public int BillingProfileEntries { get; set; }

        /// <summary>Throws when a setting is out of range (called by the engine).</summary>
        public void Validate()
        {
            if (PulseChannels == null || Names == null)
            {
                throw new ArgumentNullException();
            }
            if (!DividesDay(DemandPeriodSeconds) || !DividesDay(LoadProfilePeriodSeconds))
            {
                throw new ArgumentOutOfRangeException();
            }
            if (LoadProfileEntries < 1 || DailyProfileEntries < 1 || EventLogEntries < 1 || RowsPerChunk < 1 || RowsPerChunk > 256)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (Tariffs < 0 || Tariffs > 4 || BillingProfileEntries < 0 || BillingProfileEntries > 1000)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (InitialEnergyImportWh < 0 || InitialEnergyImportWh > uint.MaxValue)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (CheckpointEnergyWh < 1 || CheckpointIntervalSeconds < 1 || PowerWindowMilliseconds < 0 || PowerTimeoutSeconds < 1)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (!(MissingVoltage < UnderVoltage) || !(UnderVoltage < OverVoltage) || !(VoltageHysteresis >= 0))
            {
                throw new ArgumentOutOfRangeException();
            }
            if (CurrentTransformerPrimary < 1 || CurrentTransformerSecondary < 1 || VoltageTransformerPrimary < 1 || VoltageTransformerSecondary < 1
                || EnergyScaler < 0 || EnergyScaler > 3)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (Tamper == null || CategoryLogEntries == null)
            {
                throw new ArgumentNullException();
            }
            Tamper.Validate();
            if (Frequency != null)
            {
                Frequency.Validate();
            }
            if (CategoryLogEntries.Length != EventCategory.Count)
            {
                throw new ArgumentOutOfRangeException();
            }
            for (int i = 0; i < CategoryLogEntries.Length; i++)
            {
                if (CategoryLogEntries[i] < 1)
                {
                    throw new ArgumentOutOfRangeException();
                }
            }
        }

        private static bool DividesDay(int seconds)
        {
            return seconds > 0 && 86400 % seconds == 0;
        }
    }
}
