using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// The IS 15959 event logs by category (<see cref="EventLogLayout.Is15959"/>): every event
    /// the engine logs with its IDIS number goes to the log of its IS 15959 category with the IS
    /// number (docs/tamper.md has the table), or to no log where IS 15959 has no such event.
    /// </content>
    public sealed partial class MeterEngine
    {
        // The event code objects 0.0.96.11.c.255 of the seven logs; null in the standard layout.
        private Data[] _categoryCodes;
        // IS 15959 logs low and over voltage as occurrence/restoration pairs; the IDIS events are
        // state changes (under, over, missing, normal), so the pairs are derived from these.
        private bool _lowVoltageLogged;
        private bool _overVoltageLogged;

        /// <summary>The event log of IS 15959 category <paramref name="category"/> (<see cref="EventCategory"/>); null in the standard layout.</summary>
        public ProfileGeneric GetCategoryLog(int category)
        {
            return _categoryCodes == null ? null : _profiles[EventLogIndex + category];
        }

        /// <summary>The event code object 0.0.96.11.c.255 of IS 15959 category <paramref name="category"/>; null in the standard layout.</summary>
        public Data GetCategoryEventCode(int category)
        {
            return _categoryCodes == null ? null : _categoryCodes[category];
        }

        // The seven logs and their code objects; the first code object is also EventCode.
        private ProfileGeneric[] CreateCategoryLogs(MeterConfiguration configuration)
        {
            _categoryCodes = new Data[EventCategory.Count];
            ProfileGeneric[] logs = new ProfileGeneric[EventCategory.Count];
            for (int c = 0; c < EventCategory.Count; c++)
            {
                Data code = new Data(Name(MeterObjectNames.CategoryEventCode(c)), new CosemValue(DataType.LongUnsigned));
                _categoryCodes[c] = code;
                logs[c] = CreateCategoryLog(c, code, configuration);
            }
            EventCode = _categoryCodes[EventCategory.Voltage];
            return logs;
        }

        // Clock and event code; the voltage, current and other logs also capture current,
        // voltage, power factor and +A at the event (the single-phase subset of the columns of
        // Gurux's published Indian example), those the configuration has.
        private ProfileGeneric CreateCategoryLog(int category, Data code, MeterConfiguration configuration)
        {
            bool values = EventCategory.CapturesValues(category);
            int columns = 2;
            int width = ProfileGeneric.DateTimeColumnWidth + ProfileGeneric.EncodedSize(code.Value);
            if (values)
            {
                width += Width(Current, ref columns) + Width(Voltage, ref columns) + Width(PowerFactor, ref columns)
                    + Width(ActiveEnergyImport, ref columns);
            }
            int entries = configuration.CategoryLogEntries[category];
            int perChunk = entries < configuration.RowsPerChunk ? entries : configuration.RowsPerChunk;
            ProfileGeneric log = new ProfileGeneric(Name(MeterObjectNames.CategoryLog(category)), columns, new Persistence.ProfileStore(width, entries, perChunk));
            log.AddCaptureObject(Clock, Clock.Attributes.Time, 0);
            log.AddCaptureObject(code, Data.Attributes.Value, 0);
            if (values)
            {
                AddValueColumn(log, Current);
                AddValueColumn(log, Voltage);
                AddValueColumn(log, PowerFactor);
                AddValueColumn(log, ActiveEnergyImport);
            }
            log.ProfileEntries = entries;
            log.CapturePeriod = 0;
            log.Clock = Clock;
            return log;
        }

        private static int Width(Register register, ref int columns)
        {
            if (register == null)
            {
                return 0;
            }
            columns++;
            return ProfileGeneric.EncodedSize(register.Value);
        }

        private static void AddValueColumn(ProfileGeneric log, Register register)
        {
            if (register != null)
            {
                log.AddCaptureObject(register, Register.Attributes.Value, 0);
            }
        }

        // One event with its IDIS number into the IS 15959 logs.
        private void LogCategorised(byte code, long utc)
        {
            switch (code)
            {
                case MeterEventCode.UnderVoltageL1:
                case MeterEventCode.MissingVoltageL1:
                    // Missing voltage without current is a supply failure (power failure log);
                    // with current it is the voltage-missing tamper. As a quality state it is low.
                    RestoreOverVoltage(utc);
                    if (!_lowVoltageLogged)
                    {
                        _lowVoltageLogged = true;
                        LogCategorised(EventCategory.Voltage, Is15959EventCode.LowVoltageOccurrence, utc);
                        SaveVoltageLogged();
                    }
                    return;
                case MeterEventCode.OverVoltageL1:
                    RestoreLowVoltage(utc);
                    if (!_overVoltageLogged)
                    {
                        _overVoltageLogged = true;
                        LogCategorised(EventCategory.Voltage, Is15959EventCode.OverVoltageOccurrence, utc);
                        SaveVoltageLogged();
                    }
                    return;
                case MeterEventCode.VoltageNormalL1:
                    RestoreLowVoltage(utc);
                    RestoreOverVoltage(utc);
                    return;
            }
            int isCode;
            int category = CategoryOf(code, out isCode);
            if (category >= 0)
            {
                LogCategorised(category, isCode, utc);
            }
        }

        private void RestoreLowVoltage(long utc)
        {
            if (_lowVoltageLogged)
            {
                _lowVoltageLogged = false;
                LogCategorised(EventCategory.Voltage, Is15959EventCode.LowVoltageRestoration, utc);
                SaveVoltageLogged();
            }
        }

        private void RestoreOverVoltage(long utc)
        {
            if (_overVoltageLogged)
            {
                _overVoltageLogged = false;
                LogCategorised(EventCategory.Voltage, Is15959EventCode.OverVoltageRestoration, utc);
                SaveVoltageLogged();
            }
        }

        // Saved with the tamper state, so a restart in the middle of a low voltage does not log
        // its occurrence twice (the engine's own voltage state starts from normal).
        private void SaveVoltageLogged()
        {
            _tamper.Pending = false;
            SaveTamperState();
        }

        // One row in the log of 'category'.
        private void LogCategorised(int category, int isCode, long utc)
        {
            if (IsFullNonRollover(category))
            {
                return;
            }
            _categoryCodes[category].Value.SetInteger(isCode);
            CaptureRow(EventLogIndex + category, utc);
        }

        // The non-rollover log keeps its first rows: once full, it takes no more.
        private bool IsFullNonRollover(int category)
        {
            ProfileGeneric log = _profiles[EventLogIndex + category];
            return category == EventCategory.NonRollover && log.EntriesInUse >= log.ProfileEntries;
        }

        // The profile index the row of event 'code' goes to; -1 when no row is written. Not for
        // the voltage quality events (their rows depend on the state above).
        private int EventTarget(byte code)
        {
            if (_categoryCodes == null)
            {
                return EventLogIndex;
            }
            int isCode;
            int category = CategoryOf(code, out isCode);
            if (category < 0)
            {
                return -1;
            }
            return IsFullNonRollover(category) ? -1 : EventLogIndex + category;
        }

        // IDIS number -> IS 15959 category and number; -1 when IS 15959 logs nothing for it.
        // Events IS 15959 has no number for (14 memory error, a host's own) go to the other log
        // with their IDIS number.
        private static int CategoryOf(byte code, out int isCode)
        {
            isCode = 0;
            switch (code)
            {
                case MeterEventCode.PowerDown:
                    isCode = Is15959EventCode.PowerFailureOccurrence;
                    return EventCategory.PowerFailure;
                case MeterEventCode.PowerUp:
                    isCode = Is15959EventCode.PowerFailureRestoration;
                    return EventCategory.PowerFailure;
                case MeterEventCode.ClockAdjustedOldTime:
                    // One transaction per clock set: the row of the new time.
                    return -1;
                case MeterEventCode.ClockAdjustedNewTime:
                    isCode = Is15959EventCode.RealTimeClockSet;
                    return EventCategory.Transaction;
                case MeterEventCode.TerminalCoverRemoved:
                    isCode = Is15959EventCode.CoverOpening;
                    return EventCategory.NonRollover;
                case MeterEventCode.TerminalCoverClosed:
                    // IS 15959 logs the opening only.
                    return -1;
                case MeterEventCode.StrongDcFieldDetected:
                    isCode = Is15959EventCode.MagnetOccurrence;
                    return EventCategory.Other;
                case MeterEventCode.NoStrongDcFieldAnymore:
                    isCode = Is15959EventCode.MagnetRestoration;
                    return EventCategory.Other;
                case MeterEventCode.ReadyForManualReconnection:
                    // Still disconnected: the load switch did not move.
                    return -1;
                case MeterEventCode.ManualDisconnection:
                case MeterEventCode.RemoteDisconnection:
                case MeterEventCode.LocalDisconnection:
                    isCode = Is15959EventCode.LoadDisconnected;
                    return EventCategory.Control;
                case MeterEventCode.ManualConnection:
                case MeterEventCode.RemoteConnection:
                case MeterEventCode.LocalReconnection:
                    isCode = Is15959EventCode.LoadConnected;
                    return EventCategory.Control;
                case MeterEventCode.ReverseFlowOccurrence:
                    isCode = Is15959EventCode.CurrentReverseOccurrence;
                    return EventCategory.Current;
                case MeterEventCode.ReverseFlowRestoration:
                    isCode = Is15959EventCode.CurrentReverseRestoration;
                    return EventCategory.Current;
                case MeterEventCode.CurrentMismatchOccurrence:
                    isCode = Is15959EventCode.EarthLoadingOccurrence;
                    return EventCategory.Current;
                case MeterEventCode.CurrentMismatchRestoration:
                    isCode = Is15959EventCode.EarthLoadingRestoration;
                    return EventCategory.Current;
                case MeterEventCode.CurrentWithoutVoltageOccurrence:
                    isCode = Is15959EventCode.VoltageMissingOccurrence;
                    return EventCategory.Voltage;
                case MeterEventCode.CurrentWithoutVoltageRestoration:
                    isCode = Is15959EventCode.VoltageMissingRestoration;
                    return EventCategory.Voltage;
                default:
                    isCode = code;
                    return EventCategory.Other;
            }
        }
    }
}
