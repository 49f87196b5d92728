using System;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>The COSEM objects the engine keeps, and how they are built.</content>
    public sealed partial class MeterEngine
    {
        /// <summary>Active energy import +A 1.0.1.8.0.255: double-long-unsigned, scaler 0, Wh. Shows the last checkpoint.</summary>
        public Register ActiveEnergyImport { get; private set; }

        /// <summary>Active energy export -A 1.0.2.8.0.255: double-long-unsigned, scaler 0, Wh. Shows the last checkpoint.</summary>
        public Register ActiveEnergyExport { get; private set; }

        /// <summary>Active power import +P 1.0.1.7.0.255 from the pulse rate: double-long-unsigned, scaler 0, W.</summary>
        public Register ActivePowerImport { get; private set; }

        /// <summary>Voltage L1 1.0.32.7.0.255: long-unsigned with the channel's scaler and unit; null without a voltage channel.</summary>
        public Register Voltage { get; private set; }

        /// <summary>Current L1 1.0.31.7.0.255: long-unsigned with the channel's scaler and unit; null without a current channel.</summary>
        public Register Current { get; private set; }

        /// <summary>Average voltage L1 over the last load profile period 1.0.32.27.0.255; null without a voltage channel.</summary>
        public Register AverageVoltage { get; private set; }

        /// <summary>Average current L1 over the last load profile period 1.0.31.27.0.255; null without a current channel.</summary>
        public Register AverageCurrent { get; private set; }

        /// <summary>Neutral current 1.0.91.7.0.255: long-unsigned with the channel's scaler and unit; null without a neutral current channel.</summary>
        public Register NeutralCurrent { get; private set; }

        /// <summary>Apparent power +S 1.0.9.7.0.255 = V x I: double-long-unsigned, scaler 0, VA; null unless both channels exist.</summary>
        public Register ApparentPower { get; private set; }

        /// <summary>Power factor 1.0.13.7.0.255 = P / S: long-unsigned, scaler -3, no unit; null unless both channels exist.</summary>
        public Register PowerFactor { get; private set; }

        /// <summary>Block demand of active power import 1.0.1.4.0.255 (Demand register, IC 5): W.</summary>
        public DemandRegister DemandImport { get; private set; }

        /// <summary>Maximum demand of active power import 1.0.1.6.0.255 (Extended register, IC 4): W with capture_time; method 1 resets it.</summary>
        public MaximumDemandRegister MaximumDemandImport { get; private set; }

        private void CreateMeasurementObjects(MeterConfiguration configuration)
        {
            sbyte energyScaler = (sbyte)configuration.EnergyScaler;
            ActiveEnergyImport = new Register(Name(EngineQuantity.ActiveEnergyImport), new CosemValue(DataType.DoubleLongUnsigned), energyScaler, Unit.WattHour);
            ActiveEnergyExport = new Register(Name(EngineQuantity.ActiveEnergyExport), new CosemValue(DataType.DoubleLongUnsigned), energyScaler, Unit.WattHour);
            ActivePowerImport = new Register(Name(EngineQuantity.ActivePowerImport), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt);
            // A single-phase meter keeps the L1 slots only (the ESP32's heap is tight).
            bool three = configuration.VoltageL2 != null || configuration.VoltageL3 != null || configuration.CurrentL2 != null || configuration.CurrentL3 != null;
            int channels = three ? ThreePhaseChannels : SinglePhaseChannels;
            _analog = new AnalogChannel[channels];
            _analog[VoltageIndex] = configuration.Voltage;
            _analog[CurrentIndex] = configuration.Current;
            _analog[NeutralIndex] = configuration.NeutralCurrent;
            _analog[PowerIndex] = configuration.ActivePower;
            _analogRegisters = new Register[channels];
            _averageRegisters = new Register[channels];
            if (three)
            {
                CreatePhases(configuration);
            }
            AnalogChannel voltage = configuration.Voltage;
            if (voltage != null)
            {
                Voltage = new Register(Name(EngineQuantity.Voltage), new CosemValue(DataType.LongUnsigned), voltage.Scaler, voltage.Unit);
                AverageVoltage = new Register(Name(EngineQuantity.AverageVoltage), new CosemValue(DataType.LongUnsigned), voltage.Scaler, voltage.Unit);
                _analogRegisters[VoltageIndex] = Voltage;
                _averageRegisters[VoltageIndex] = AverageVoltage;
            }
            AnalogChannel current = configuration.Current;
            if (current != null)
            {
                Current = new Register(Name(EngineQuantity.Current), new CosemValue(DataType.LongUnsigned), current.Scaler, current.Unit);
                AverageCurrent = new Register(Name(EngineQuantity.AverageCurrent), new CosemValue(DataType.LongUnsigned), current.Scaler, current.Unit);
                _analogRegisters[CurrentIndex] = Current;
                _averageRegisters[CurrentIndex] = AverageCurrent;
            }
            AnalogChannel neutral = configuration.NeutralCurrent;
            if (neutral != null)
            {
                NeutralCurrent = new Register(Name(EngineQuantity.NeutralCurrent), new CosemValue(DataType.LongUnsigned), neutral.Scaler, neutral.Unit);
                _analogRegisters[NeutralIndex] = NeutralCurrent;
            }
            if (voltage != null && current != null)
            {
                ApparentPower = new Register(Name(EngineQuantity.ApparentPower), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.VoltAmpere);
                PowerFactor = new Register(Name(EngineQuantity.PowerFactor), new CosemValue(DataType.LongUnsigned), -3, Unit.Count);
            }
            _windowStart = new long[channels];
            _windowOpen = new bool[channels];
            _windowSum = new double[channels];
            _windowCount = new int[channels];
            _mean = new double[channels];
            _hasMean = new bool[channels];
            _periodSum = new double[channels];
            _periodCount = new int[channels];
        }

        private void CreatePhases(MeterConfiguration configuration)
        {
            CreatePhase(VoltageL2Index, configuration.VoltageL2, EngineQuantity.VoltageL2, EngineQuantity.AverageVoltageL2);
            CreatePhase(VoltageL2Index + 1, configuration.VoltageL3, EngineQuantity.VoltageL3, EngineQuantity.AverageVoltageL3);
            CreatePhase(CurrentL2Index, configuration.CurrentL2, EngineQuantity.CurrentL2, EngineQuantity.AverageCurrentL2);
            CreatePhase(CurrentL2Index + 1, configuration.CurrentL3, EngineQuantity.CurrentL3, EngineQuantity.AverageCurrentL3);
        }

        // The value and period-average registers of a phase 2 or 3 channel (none without it).
        private void CreatePhase(int index, AnalogChannel channel, EngineQuantity value, EngineQuantity average)
        {
            _analog[index] = channel;
            if (channel != null)
            {
                _analogRegisters[index] = new Register(Name(value), new CosemValue(DataType.LongUnsigned), channel.Scaler, channel.Unit);
                _averageRegisters[index] = new Register(Name(average), new CosemValue(DataType.LongUnsigned), channel.Scaler, channel.Unit);
            }
        }

        private void CreateDemandObjects(MeterConfiguration configuration)
        {
            DemandImport = new DemandRegister(Name(EngineQuantity.DemandImport), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt,
                (uint)configuration.DemandPeriodSeconds, 1);
            MaximumDemandImport = new MaximumDemandRegister(Name(EngineQuantity.MaximumDemandImport), _callbacks.OnMaximumDemandReset);
            // Reset (method 1) stamps capture_time from the clock, then tells the engine.
            MaximumDemandImport.Clock = Clock;
        }

        /// <summary>The engine's object for <paramref name="quantity"/>; null when it has none (an analog quantity without its channel).</summary>
        public CosemObject GetObject(EngineQuantity quantity)
        {
            switch (quantity)
            {
                case EngineQuantity.Clock:
                    return Clock;
                case EngineQuantity.ActiveEnergyImport:
                    return ActiveEnergyImport;
                case EngineQuantity.ActiveEnergyExport:
                    return ActiveEnergyExport;
                case EngineQuantity.ActivePowerImport:
                    return ActivePowerImport;
                case EngineQuantity.Voltage:
                    return Voltage;
                case EngineQuantity.Current:
                    return Current;
                case EngineQuantity.ApparentPower:
                    return ApparentPower;
                case EngineQuantity.PowerFactor:
                    return PowerFactor;
                case EngineQuantity.AverageVoltage:
                    return AverageVoltage;
                case EngineQuantity.AverageCurrent:
                    return AverageCurrent;
                case EngineQuantity.DemandImport:
                    return DemandImport;
                case EngineQuantity.MaximumDemandImport:
                    return MaximumDemandImport;
                case EngineQuantity.EventCode:
                    return EventCode;
                case EngineQuantity.DisconnectControl:
                    return Disconnect;
                case EngineQuantity.LoadProfile:
                    return LoadProfile;
                case EngineQuantity.DailyProfile:
                    return DailyProfile;
                case EngineQuantity.EventLog:
                    return EventLog;
                case EngineQuantity.AlarmRegister:
                    return Alarms.Register;
                case EngineQuantity.AlarmFilter:
                    return Alarms.Filter;
                case EngineQuantity.AlarmDescriptor:
                    return Alarms.Descriptor;
                case EngineQuantity.TamperCount:
                    return TamperCount;
                case EngineQuantity.NeutralCurrent:
                    return NeutralCurrent;
                case EngineQuantity.Frequency:
                    return Frequency;
                case EngineQuantity.AverageFrequency:
                    return AverageFrequency;
                case EngineQuantity.BillingProfile:
                    return BillingProfile;
                case EngineQuantity.BillingPeriodCounter:
                    return BillingPeriodCounter;
                case EngineQuantity.LastBillingTime:
                    return LastBillingTime;
                case EngineQuantity.BlockEnergyImport:
                    return BlockEnergyImport;
                case EngineQuantity.BlockEnergyExport:
                    return BlockEnergyExport;
                case EngineQuantity.ReactiveEnergy:
                    return ReactiveEnergy;
                case EngineQuantity.BlockReactiveEnergy:
                    return BlockReactiveEnergy;
                default:
                    // The IS 15959 logs by category and their codes (null in the standard layout).
                    if (quantity >= EngineQuantity.CurrentEventLog && quantity <= EngineQuantity.ControlEventLog)
                    {
                        return GetCategoryLog((int)quantity - (int)EngineQuantity.CurrentEventLog + 1);
                    }
                    if (quantity >= EngineQuantity.CurrentEventCode && quantity <= EngineQuantity.ControlEventCode)
                    {
                        return GetCategoryEventCode((int)quantity - (int)EngineQuantity.CurrentEventCode + 1);
                    }
                    // Phases 2 and 3: the four values, then the four averages, in AnalogQuantity order.
                    if (_analogRegisters.Length == SinglePhaseChannels)
                    {
                        return null;
                    }
                    if (quantity >= EngineQuantity.VoltageL2 && quantity <= EngineQuantity.CurrentL3)
                    {
                        return _analogRegisters[VoltageL2Index + (int)quantity - (int)EngineQuantity.VoltageL2];
                    }
                    if (quantity >= EngineQuantity.AverageVoltageL2 && quantity <= EngineQuantity.AverageCurrentL3)
                    {
                        return _averageRegisters[VoltageL2Index + (int)quantity - (int)EngineQuantity.AverageVoltageL2];
                    }
                    return null;
            }
        }

        private ObisCode Name(EngineQuantity quantity)
        {
            return _config.Names.Get(quantity);
        }

        // The default meter's columns, when the configuration gives none: clock, +A, -A, and the
        // period averages (left out without their channels).
        private static ProfileLayout DefaultLoadProfileLayout()
        {
            return new ProfileLayout(5)
                .Add(EngineQuantity.Clock, Clock.Attributes.Time, 0)
                .Add(EngineQuantity.ActiveEnergyImport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.ActiveEnergyExport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.AverageVoltage, Register.Attributes.Value, 0)
                .Add(EngineQuantity.AverageCurrent, Register.Attributes.Value, 0);
        }

        private static ProfileLayout DefaultDailyProfileLayout()
        {
            return new ProfileLayout(5)
                .Add(EngineQuantity.Clock, Clock.Attributes.Time, 0)
                .Add(EngineQuantity.ActiveEnergyImport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.ActiveEnergyExport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.MaximumDemandImport, ExtendedRegister.Attributes.Value, 0)
                .Add(EngineQuantity.MaximumDemandImport, ExtendedRegister.Attributes.CaptureTime, 0);
        }

        private static ProfileLayout DefaultEventLogLayout()
        {
            return new ProfileLayout(2)
                .Add(EngineQuantity.Clock, Clock.Attributes.Time, 0)
                .Add(EngineQuantity.EventCode, Data.Attributes.Value, 0);
        }

        // History belongs on flash: every profile is built on a store-backed ring (chunk records
        // of the meter's store, a chunk or two cached in RAM). Start without a store swaps in a
        // RAM ring (MeterPersistence.Attach). The columns are sized first (on a storage that
        // only answers "a row fits"), then the ring is made for the row width they add up to.
        // A column of an engine object the hardware does not have (an analog quantity without its
        // channel) is left out, as the object is.
        private ProfileGeneric CreateProfile(EngineQuantity which, ProfileLayout layout, int entries, uint capturePeriod)
        {
            ProfileGeneric profile = NewProfile(Name(which), layout);
            profile.UseRowStorage(new ProfileStore(profile.RowWidth, entries, _config.RowsPerChunk));
            profile.ProfileEntries = entries;
            profile.CapturePeriod = capturePeriod;
            profile.Clock = Clock;
            return profile;
        }

        /// <summary>
        /// A snapshot profile a meter definition declares (the IS 15959 instantaneous profile,
        /// the scaler profiles): <paramref name="layout"/>'s columns, <paramref name="entries"/>
        /// rows in RAM, capture_period 0, captured whenever a client reads its buffer
        /// (<see cref="ProfileGeneric.CaptureOnRead"/>). Nothing is saved: its row is the present
        /// values, made again at every read. Configuration time.
        /// </summary>
        /// <exception cref="ArgumentException">None of the columns exists on this hardware.</exception>
        internal ProfileGeneric CreateSnapshotProfile(ObisCode logicalName, ProfileLayout layout, int entries)
        {
            if (logicalName == null || layout == null)
            {
                throw new ArgumentNullException();
            }
            if (entries < 1)
            {
                throw new ArgumentOutOfRangeException();
            }
            ProfileGeneric profile = NewProfile(logicalName, layout);
            profile.UseRowStorage(new RamRowStorage(profile.RowWidth * entries));
            profile.ProfileEntries = entries;
            profile.Clock = Clock;
            profile.CaptureOnRead = true;
            return profile;
        }

        // The columns are sized first (on a storage that only answers "a row fits"); the caller
        // then makes the ring for the row width they add up to.
        private ProfileGeneric NewProfile(ObisCode logicalName, ProfileLayout layout)
        {
            int columns = 0;
            for (int i = 0; i < layout.Count; i++)
            {
                if (Column(layout, i) != null)
                {
                    columns++;
                }
            }
            if (columns == 0)
            {
                throw new ArgumentException();
            }
            ProfileGeneric profile = new ProfileGeneric(logicalName, columns, new ColumnSizer(), _workspace);
            for (int i = 0; i < layout.Count; i++)
            {
                CosemObject obj = Column(layout, i);
                if (obj != null)
                {
                    profile.AddCaptureObject(obj, layout.GetAttribute(i), layout.GetDataIndex(i));
                }
            }
            return profile;
        }

        private CosemObject Column(ProfileLayout layout, int column)
        {
            return layout.IsEngineColumn(column) ? GetObject(layout.GetQuantity(column)) : layout.GetObject(column);
        }

        // The load and daily profiles, then the event log: the standard one (clock and event code
        // 0.0.96.11.0.255), or the seven IS 15959 logs by category (MeterEngine.Categories.cs),
        // whose first is also EventLog; then the billing profile when the meter has one
        // (MeterEngine.Billing.cs). _profiles lists them in record order.
        private void CreateProfiles(MeterConfiguration configuration)
        {
            LoadProfile = CreateProfile(EngineQuantity.LoadProfile,
                configuration.LoadProfileLayout != null ? configuration.LoadProfileLayout : DefaultLoadProfileLayout(),
                configuration.LoadProfileEntries, (uint)configuration.LoadProfilePeriodSeconds);
            DailyProfile = CreateProfile(EngineQuantity.DailyProfile,
                configuration.DailyProfileLayout != null ? configuration.DailyProfileLayout : DefaultDailyProfileLayout(),
                configuration.DailyProfileEntries, 86400);
            if (configuration.EventLogs == EventLogLayout.Is15959)
            {
                ProfileGeneric[] logs = CreateCategoryLogs(configuration);
                _profiles = new ProfileGeneric[EventLogIndex + logs.Length];
                Array.Copy(logs, 0, _profiles, EventLogIndex, logs.Length);
                EventLog = logs[EventCategory.Voltage];
            }
            else
            {
                EventCode = new Data(Name(EngineQuantity.EventCode), new CosemValue(DataType.Unsigned));
                // The event log is captured on events, not periodically (capture_period 0).
                EventLog = CreateProfile(EngineQuantity.EventLog,
                    configuration.EventLogLayout != null ? configuration.EventLogLayout : DefaultEventLogLayout(),
                    configuration.EventLogEntries, 0);
                _profiles = new ProfileGeneric[EventLogIndex + 1];
                _profiles[EventLogIndex] = EventLog;
            }
            _profiles[LoadProfileIndex] = LoadProfile;
            _profiles[DailyProfileIndex] = DailyProfile;
            if (configuration.BillingProfileEntries > 0)
            {
                // The billing profile's chunks follow the event logs'.
                BillingProfile = CreateBillingProfile(configuration);
                ProfileGeneric[] all = new ProfileGeneric[_profiles.Length + 1];
                Array.Copy(_profiles, all, _profiles.Length);
                all[_profiles.Length] = BillingProfile;
                _profiles = all;
            }
        }

        /// <summary>
        /// The row storage a profile's columns are sized on before its ring exists: any row fits,
        /// nothing is kept (no capture happens before the ring replaces it).
        /// </summary>
        private sealed class ColumnSizer : IProfileRowStorage
        {
            public int MaxRows(int rowWidth)
            {
                return 1;
            }

            public void Clear(int rowWidth, int capacity, int nextSequence)
            {
            }

            public byte[] BeginWrite(int sequence, out int offset)
            {
                // Never called: the ring replaces this storage before the first capture.
                offset = 0;
                return null;
            }

            public void EndWrite(int sequence, int oldestSequence)
            {
            }

            public byte[] ReadRow(int sequence, out int offset)
            {
                offset = 0;
                return null;
            }
        }
    }
}
