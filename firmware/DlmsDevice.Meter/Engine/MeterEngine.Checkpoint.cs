using DlmsDevice.Hal;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>Checkpoints (what the registers show is what was saved), recovery at start-up, settings.</content>
    public sealed partial class MeterEngine
    {
        // Kinds of record for the "memory error" bookkeeping: checkpoint, settings, each profile,
        // the tamper state, the configuration records.
        private const int KindCheckpoint = 0;
        private const int KindSettings = 1;
        private const int KindProfile = 2;

        // Then, after the profiles: the tamper state, the configuration records (set in the constructor).
        private readonly bool[] _failing;
        private readonly int _kindTamper;
        private readonly int _kindConfiguration;
        private bool _checkpointRequested;
        private bool _powerDownLogged;
        private long _publishedImportMilliWh;
        private long _publishedExportMilliWh;
        private long _lastCheckpointMono;
        private long _retryAfterMono;
        private int _storeFailures;
        private int _checkpointsWritten;
        private bool _restored;
        private bool _corruptionFound;
        private int _restoredRows;

        /// <summary>Energy import the register shows (the last checkpoint), mWh.</summary>
        public long PublishedEnergyImportMilliWh
        {
            get { return _publishedImportMilliWh; }
        }

        /// <summary>Checkpoints written since start.</summary>
        public int CheckpointsWritten
        {
            get { return _checkpointsWritten; }
        }

        /// <summary>Failed store writes since start.</summary>
        public int StoreFailures
        {
            get { return _storeFailures; }
        }

        /// <summary>True when <see cref="Start"/> found a saved checkpoint.</summary>
        public bool RestoredFromStore
        {
            get { return _restored; }
        }

        /// <summary>True when <see cref="Start"/> found saved state that could not be used (event 14 was logged).</summary>
        public bool CorruptionFound
        {
            get { return _corruptionFound; }
        }

        /// <summary>Profile and event log rows restored by <see cref="Start"/>.</summary>
        public int RestoredRows
        {
            get { return _restoredRows; }
        }

        private bool IsCheckpointDirty()
        {
            return _checkpointRequested || _maximumDemandDirty || _tariffDemandDirty
                || _importMilliWh != _publishedImportMilliWh || _exportMilliWh != _publishedExportMilliWh
                || (_blocks != null && _blocks.Dirty);
        }

        // Every N Wh, or after T s with some energy counted, or when asked (power-fail edge,
        // demand block end with a new maximum, settings), never more than once per tick.
        private void ApplyCheckpointPolicy(long mono)
        {
            if (!IsCheckpointDirty() || mono < _retryAfterMono)
            {
                return;
            }
            long counted = (_importMilliWh - _publishedImportMilliWh) + (_exportMilliWh - _publishedExportMilliWh)
                + (_blocks == null ? 0 : _blocks.Unsaved);
            if (_checkpointRequested || _maximumDemandDirty || _tariffDemandDirty
                || counted >= _config.CheckpointEnergyWh * 1000L
                || mono - _lastCheckpointMono >= _config.CheckpointIntervalSeconds * 1000L)
            {
                WriteCheckpoint(mono);
            }
        }

        // Saves the state; only when the store has it are the energy registers and the maximum
        // demand updated (a value shown is a value saved). A failed write leaves the old values
        // shown and is retried after a second.
        private bool WriteCheckpoint(long mono)
        {
            MeterCheckpoint cp = _checkpoint;
            cp.EnergyImportMilliWh = _importMilliWh;
            cp.EnergyExportMilliWh = _exportMilliWh;
            cp.ClockUtcTicks = _meterClock.GetLiveUtcTicks();
            cp.LoadProfileBoundary = _loadSchedule.Last;
            cp.DailyProfileBoundary = _dailySchedule.Last;
            cp.DemandBlockStart = _demandSchedule.Last;
            cp.DemandBlockStartMilliWh = _blockStartMilliWh;
            cp.MaximumDemandWatts = _maximumDemandWatts;
            cp.MaximumDemandTime.CopyFrom(_maximumDemandTime);
            cp.PowerDownLogged = _powerDownLogged;
            SaveTariffs(cp);
            cp.BillingPeriodCounter = _billingCounter;
            cp.LastBillingUtc = _lastBillingUtc;
            cp.SchedulesEvaluatedUtc = Automation.EvaluatedUtc;
            cp.LimiterTripped = Automation.LimiterTripped;
            cp.Counter++;
            StoreStatus status = _persistence.WriteCheckpoint(cp);
            StoreResult(KindCheckpoint, status);
            if (status != StoreStatus.Ok)
            {
                _retryAfterMono = mono + 1000;
                return false;
            }
            _publishedImportMilliWh = _importMilliWh;
            _publishedExportMilliWh = _exportMilliWh;
            PublishEnergy();
            if (_blocks != null)
            {
                _blocks.Published();
            }
            if (_maximumDemandDirty)
            {
                PublishMaximumDemand();
            }
            PublishTariffs();
            _lastCheckpointMono = mono;
            _checkpointRequested = false;
            _checkpointsWritten++;
            return true;
        }

        // The automation saved a configuration record.
        internal void ReportConfigurationWrite(StoreStatus status)
        {
            StoreResult(_kindConfiguration, status);
        }

        // A write failure logs "non-volatile memory error" once per failure streak of a record kind.
        private void StoreResult(int kind, StoreStatus status)
        {
            if (status == StoreStatus.Ok)
            {
                _failing[kind] = false;
                return;
            }
            _storeFailures++;
            if (!_failing[kind])
            {
                _failing[kind] = true;
                if (_started)
                {
                    LogEvent(MeterEventCode.NonVolatileMemoryError, _meterClock.GetLiveUtcTicks());
                }
            }
        }

        private void SaveSettingsIfChanged()
        {
            if (!_settings.Matches(Clock, Disconnect))
            {
                _settings.Capture(Clock, Disconnect);
                StoreResult(KindSettings, _persistence.WriteSettings(_settings));
            }
        }

        // Start-up: settings, checkpoint, profile rows; then the events of the restart, the relay
        // as saved, and a first checkpoint (which also "formats" an empty store). Leaves the
        // engine started.
        private void Recover()
        {
            bool anyFound = false;
            bool corrupt = false;
            CorruptRecordList list = _persistence.CorruptRecords;
            list.Clear();
            StoreStatus settingsStatus = _persistence.ReadSettings(_settings);
            if (settingsStatus == StoreStatus.Ok)
            {
                _settings.Apply(Clock, Disconnect);
                anyFound = true;
            }
            else if (settingsStatus != StoreStatus.NotFound)
            {
                anyFound = true;
                corrupt = true;
                list.Add(MeterPersistence.SettingsRecord, Damage(settingsStatus));
            }
            StoreStatus checkpointStatus = _persistence.ReadCheckpoint(_checkpoint);
            bool checkpointOk = checkpointStatus == StoreStatus.Ok;
            if (checkpointOk)
            {
                anyFound = true;
            }
            else
            {
                _checkpoint.Clear();
                if (checkpointStatus != StoreStatus.NotFound)
                {
                    anyFound = true;
                    corrupt = true;
                    list.Add(MeterPersistence.CheckpointRecord, Damage(checkpointStatus));
                }
            }
            Automation.Restore(list, ref anyFound, ref corrupt);
            int restoredRows = 0;
            StoreStatus tamperStatus;
            if (!RestoreTamperState(out tamperStatus))
            {
                anyFound = true;
                corrupt = true;
                list.Add(_persistence.TamperStateRecord, Damage(tamperStatus));
            }
            for (int i = 0; i < _profiles.Length; i++)
            {
                int found;
                int bad;
                restoredRows += _persistence.RestoreProfile(i, out found, out bad);
                if (found > 0)
                {
                    anyFound = true;
                }
                if (bad > 0)
                {
                    corrupt = true;
                }
            }
            if (!checkpointOk && anyFound)
            {
                // Something was saved, but not the checkpoint: the energy cannot be trusted.
                corrupt = true;
                if (checkpointStatus == StoreStatus.NotFound)
                {
                    list.Add(MeterPersistence.CheckpointRecord, RecordDamage.Missing);
                }
            }
            if (!anyFound)
            {
                // A first start: the configured starting value (a fresh meter: 0).
                _checkpoint.EnergyImportMilliWh = _config.InitialEnergyImportWh * 1000;
            }
            _restored = checkpointOk;
            _corruptionFound = corrupt;
            _restoredRows = restoredRows;
            ApplyCheckpoint(_checkpoint);
            Automation.Begin(_checkpoint, checkpointOk, _meterClock.GetLiveUtcTicks());

            long now = _meterClock.GetLiveUtcTicks();
            _started = true;
            StartFrequency(_meterClock.GetMonotonicMilliseconds());
            // A tamper event saved ahead of its row, the power gone before the row: its row first.
            CompletePendingTamperEvent();
            if (corrupt)
            {
                LogEvent(MeterEventCode.NonVolatileMemoryError, now);
            }
            if (checkpointOk && !_checkpoint.PowerDownLogged)
            {
                // Stopped without warning (crash, SIGKILL, supply lost without the early signal):
                // the power-down is stamped with the last moment known to be powered.
                LogEvent(MeterEventCode.PowerDown, _checkpoint.ClockUtcTicks);
            }
            LogEvent(MeterEventCode.PowerUp, now);
            CheckTamperInputsAtStart(now);
            if (_relay != null && _relay.Read() != Disconnect.OutputState)
            {
                _relay.Write(Disconnect.OutputState);
            }
            if (settingsStatus != StoreStatus.Ok)
            {
                _settings.Capture(Clock, Disconnect);
                StoreResult(KindSettings, _persistence.WriteSettings(_settings));
            }
            else
            {
                _settings.Capture(Clock, Disconnect);
            }
            _checkpointRequested = true;
            WriteCheckpoint(_meterClock.GetMonotonicMilliseconds());
        }

        private static RecordDamage Damage(StoreStatus status)
        {
            return status == StoreStatus.MediumFailure ? RecordDamage.Unreadable : RecordDamage.Undecodable;
        }

        private void ApplyCheckpoint(MeterCheckpoint cp)
        {
            _importMilliWh = cp.EnergyImportMilliWh;
            _exportMilliWh = cp.EnergyExportMilliWh;
            _publishedImportMilliWh = _importMilliWh;
            _publishedExportMilliWh = _exportMilliWh;
            PublishEnergy();
            _loadSchedule.Last = cp.LoadProfileBoundary;
            _dailySchedule.Last = cp.DailyProfileBoundary;
            _demandSchedule.Last = cp.DemandBlockStart;
            _blockStartMilliWh = cp.DemandBlockStart == PeriodSchedule.None ? _importMilliWh : cp.DemandBlockStartMilliWh;
            _maximumDemandWatts = cp.MaximumDemandWatts;
            _maximumDemandTime.CopyFrom(cp.MaximumDemandTime);
            PublishMaximumDemand();
            RestoreTariffs(cp);
            RestoreBilling(cp);
            _powerDownLogged = false;
            InitialisePulses();
            _lastCheckpointMono = _meterClock.GetMonotonicMilliseconds();
            if (_blocks != null)
            {
                _blocks.Restore(_importMilliWh, _exportMilliWh, _lastCheckpointMono);
            }
        }
    }
}
