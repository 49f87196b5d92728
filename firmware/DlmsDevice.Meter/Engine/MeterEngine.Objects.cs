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
            ActiveEnergyImport = new Register(MeterObis.ActiveEnergyImport, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
            ActiveEnergyExport = new Register(MeterObis.ActiveEnergyExport, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
            ActivePowerImport = new Register(MeterObis.ActivePowerImport, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt);
            _analog = new AnalogChannel[2];
            _analog[VoltageIndex] = configuration.Voltage;
            _analog[CurrentIndex] = configuration.Current;
            _analogRegisters = new Register[2];
            _averageRegisters = new Register[2];
            AnalogChannel voltage = configuration.Voltage;
            if (voltage != null)
            {
                Voltage = new Register(MeterObis.VoltageL1, new CosemValue(DataType.LongUnsigned), voltage.Scaler, voltage.Unit);
                AverageVoltage = new Register(MeterObis.AverageVoltageL1, new CosemValue(DataType.LongUnsigned), voltage.Scaler, voltage.Unit);
                _analogRegisters[VoltageIndex] = Voltage;
                _averageRegisters[VoltageIndex] = AverageVoltage;
            }
            AnalogChannel current = configuration.Current;
            if (current != null)
            {
                Current = new Register(MeterObis.CurrentL1, new CosemValue(DataType.LongUnsigned), current.Scaler, current.Unit);
                AverageCurrent = new Register(MeterObis.AverageCurrentL1, new CosemValue(DataType.LongUnsigned), current.Scaler, current.Unit);
                _analogRegisters[CurrentIndex] = Current;
                _averageRegisters[CurrentIndex] = AverageCurrent;
            }
            if (voltage != null && current != null)
            {
                ApparentPower = new Register(MeterObis.ApparentPowerImport, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.VoltAmpere);
                PowerFactor = new Register(MeterObis.PowerFactor, new CosemValue(DataType.LongUnsigned), -3, Unit.Count);
            }
            _windowStart = new long[2];
            _windowOpen = new bool[2];
            _windowSum = new double[2];
            _windowCount = new int[2];
            _mean = new double[2];
            _hasMean = new bool[2];
            _periodSum = new double[2];
            _periodCount = new int[2];
        }

        private void CreateDemandObjects(MeterConfiguration configuration)
        {
            DemandImport = new DemandRegister(MeterObis.ActiveDemandImport, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt,
                (uint)configuration.DemandPeriodSeconds, 1);
            MaximumDemandImport = new MaximumDemandRegister(MeterObis.MaximumDemandImport, _callbacks.OnMaximumDemandReset);
            // Reset (method 1) stamps capture_time from the clock, then tells the engine.
            MaximumDemandImport.Clock = Clock;
        }

        // History belongs on flash: every profile is built on a store-backed ring (chunk records
        // of the meter's store, a chunk or two cached in RAM). Start without a store swaps in a
        // RAM ring (MeterPersistence.Attach).
        private static ProfileStore Rows(int rowWidth, int entries, MeterConfiguration configuration)
        {
            return new ProfileStore(rowWidth, entries, configuration.RowsPerChunk);
        }

        private ProfileGeneric CreateLoadProfile(MeterConfiguration configuration)
        {
            int columns = 3;
            int width = ProfileGeneric.DateTimeColumnWidth + ProfileGeneric.EncodedSize(ActiveEnergyImport.Value)
                + ProfileGeneric.EncodedSize(ActiveEnergyExport.Value);
            if (AverageVoltage != null)
            {
                columns++;
                width += ProfileGeneric.EncodedSize(AverageVoltage.Value);
            }
            if (AverageCurrent != null)
            {
                columns++;
                width += ProfileGeneric.EncodedSize(AverageCurrent.Value);
            }
            ProfileGeneric profile = new ProfileGeneric(MeterObis.LoadProfile, columns, Rows(width, configuration.LoadProfileEntries, configuration), _workspace);
            profile.AddCaptureObject(Clock, Clock.Attributes.Time, 0);
            profile.AddCaptureObject(ActiveEnergyImport, Register.Attributes.Value, 0);
            profile.AddCaptureObject(ActiveEnergyExport, Register.Attributes.Value, 0);
            if (AverageVoltage != null)
            {
                profile.AddCaptureObject(AverageVoltage, Register.Attributes.Value, 0);
            }
            if (AverageCurrent != null)
            {
                profile.AddCaptureObject(AverageCurrent, Register.Attributes.Value, 0);
            }
            profile.ProfileEntries = configuration.LoadProfileEntries;
            profile.CapturePeriod = (uint)configuration.LoadProfilePeriodSeconds;
            profile.Clock = Clock;
            return profile;
        }

        private ProfileGeneric CreateDailyProfile(MeterConfiguration configuration)
        {
            int width = ProfileGeneric.DateTimeColumnWidth + ProfileGeneric.EncodedSize(ActiveEnergyImport.Value)
                + ProfileGeneric.EncodedSize(ActiveEnergyExport.Value) + ProfileGeneric.EncodedSize(MaximumDemandImport.Value)
                + ProfileGeneric.DateTimeColumnWidth;
            ProfileGeneric profile = new ProfileGeneric(MeterObis.DailyProfile, 5, Rows(width, configuration.DailyProfileEntries, configuration), _workspace);
            profile.AddCaptureObject(Clock, Clock.Attributes.Time, 0);
            profile.AddCaptureObject(ActiveEnergyImport, Register.Attributes.Value, 0);
            profile.AddCaptureObject(ActiveEnergyExport, Register.Attributes.Value, 0);
            profile.AddCaptureObject(MaximumDemandImport, ExtendedRegister.Attributes.Value, 0);
            profile.AddCaptureObject(MaximumDemandImport, ExtendedRegister.Attributes.CaptureTime, 0, ProfileGeneric.DateTimeColumnWidth);
            profile.ProfileEntries = configuration.DailyProfileEntries;
            profile.CapturePeriod = 86400;
            profile.Clock = Clock;
            return profile;
        }

        private ProfileGeneric CreateEventLog(MeterConfiguration configuration)
        {
            int width = ProfileGeneric.DateTimeColumnWidth + ProfileGeneric.EncodedSize(EventCode.Value);
            ProfileGeneric profile = new ProfileGeneric(MeterObis.StandardEventLog, 2, Rows(width, configuration.EventLogEntries, configuration), _workspace);
            profile.AddCaptureObject(Clock, Clock.Attributes.Time, 0);
            profile.AddCaptureObject(EventCode, Data.Attributes.Value, 0);
            profile.ProfileEntries = configuration.EventLogEntries;
            // Captured on events, not periodically (capture_period 0).
            profile.CapturePeriod = 0;
            profile.Clock = Clock;
            return profile;
        }
    }
}
