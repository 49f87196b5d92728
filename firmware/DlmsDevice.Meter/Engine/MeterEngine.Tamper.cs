using DlmsDevice.Hal;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// Tamper and theft detection: the cover and magnet inputs, reverse current flow,
    /// phase/neutral current mismatch and current without voltage. Each is an occurrence and a
    /// restoration event, a count, an alarm bit, and a saved state (docs/tamper.md).
    /// </content>
    public sealed partial class MeterEngine
    {
        /// <summary>Detection: terminal cover open (input).</summary>
        public const int TamperCover = 0;

        /// <summary>Detection: strong magnetic field (input).</summary>
        public const int TamperMagnet = 1;

        /// <summary>Detection: reverse current flow (export pulses or negative signed power).</summary>
        public const int TamperReverseFlow = 2;

        /// <summary>Detection: phase/neutral current mismatch.</summary>
        public const int TamperCurrentMismatch = 3;

        /// <summary>Detection: current flowing with the voltage missing.</summary>
        public const int TamperCurrentWithoutVoltage = 4;

        /// <summary>Number of detections.</summary>
        public const int TamperDetections = 5;

        private readonly bool[] _tamperActive = new bool[TamperDetections];
        // Monotonic ms since when the condition differs from the state; -1 = it does not.
        private readonly long[] _tamperSince = new long[] { -1, -1, -1, -1, -1 };
        private readonly TamperRecord _tamper = new TamperRecord();
        private uint _tamperCount;

        /// <summary>The alarm register, filter and descriptor, and the alert hook (<see cref="MeterAlarms.Sink"/>).</summary>
        public MeterAlarms Alarms { get; private set; }

        /// <summary>Cumulative tamper count 0.0.94.91.0.255 (IS 15959): long-unsigned, occurrences of every detection since the meter was made.</summary>
        public Data TamperCount { get; private set; }

        /// <summary>True while detection <paramref name="detection"/> (<see cref="TamperCover"/> ..) is in its occurrence state.</summary>
        public bool IsTamperActive(int detection)
        {
            return _tamperActive[detection];
        }

        private void CreateTamperObjects()
        {
            Alarms = new MeterAlarms(this, _config.Names);
            TamperCount = new Data(Name(EngineQuantity.TamperCount), new CosemValue(DataType.LongUnsigned));
            _tamper.Clear();
        }

        // Each tick: judge the measured detections against their thresholds and times. While the
        // supply is failing the measurements are not the installation's: nothing is judged.
        private void UpdateTamper(long mono, long utc)
        {
            if (_powerFail != null && _powerFail.Read())
            {
                for (int i = TamperReverseFlow; i < TamperDetections; i++)
                {
                    _tamperSince[i] = -1;
                }
                return;
            }
            TamperSettings t = _config.Tamper;
            if (t.ReverseFlowIsTamper && (_exportChannels > 0 || _analog[PowerIndex] != null))
            {
                Judge(TamperReverseFlow, ReverseFlowNow(t), t.ReverseFlowSeconds, mono, utc);
            }
            if (_analog[CurrentIndex] != null && _analog[NeutralIndex] != null && _hasMean[CurrentIndex] && _hasMean[NeutralIndex])
            {
                Judge(TamperCurrentMismatch, CurrentMismatchNow(t), t.CurrentMismatchSeconds, mono, utc);
            }
            if (_analog[CurrentIndex] != null && _analog[VoltageIndex] != null && _hasMean[CurrentIndex] && _hasMean[VoltageIndex])
            {
                Judge(TamperCurrentWithoutVoltage, _mean[CurrentIndex] >= t.CurrentWithoutVoltageAmperes && _mean[VoltageIndex] < t.CurrentWithoutVoltageVolts,
                    t.CurrentWithoutVoltageSeconds, mono, utc);
            }
        }

        // Export pulses at >= the threshold (and faster than the import pulses: after the flow
        // turns, the export rate only decays between pulses, while the import rate is back), or
        // signed power at or below minus the threshold.
        private bool ReverseFlowNow(TamperSettings t)
        {
            if (_powerExportWatts >= t.ReverseFlowWatts && _powerExportWatts > _powerImportWatts)
            {
                return true;
            }
            return _analog[PowerIndex] != null && _hasMean[PowerIndex] && -_mean[PowerIndex] >= t.ReverseFlowWatts;
        }

        // |I phase - I neutral| above the percentage of the larger, once either is large enough to judge.
        private bool CurrentMismatchNow(TamperSettings t)
        {
            double phase = _mean[CurrentIndex];
            double neutral = _mean[NeutralIndex];
            double larger = phase > neutral ? phase : neutral;
            if (larger < t.CurrentMismatchMinimumAmperes)
            {
                return false;
            }
            double difference = phase > neutral ? phase - neutral : neutral - phase;
            return difference * 100 > t.CurrentMismatchPercent * larger;
        }

        // A condition that differs from the state for its persistence time changes the state:
        // occurrence after 'seconds', restoration after RestorationSeconds.
        private void Judge(int detection, bool condition, int seconds, long mono, long utc)
        {
            if (condition == _tamperActive[detection])
            {
                _tamperSince[detection] = -1;
                return;
            }
            if (_tamperSince[detection] < 0)
            {
                _tamperSince[detection] = mono;
            }
            long needed = (condition ? seconds : _config.Tamper.RestorationSeconds) * 1000L;
            if (mono - _tamperSince[detection] >= needed)
            {
                _tamperSince[detection] = -1;
                SetTamper(detection, condition, utc);
            }
        }

        // The cover and magnet inputs: the level is the state, at the edge's time.
        private void OnTamperInput(int detection, bool level, long utc)
        {
            if (level != _tamperActive[detection])
            {
                SetTamper(detection, level, utc);
            }
        }

        // The state changes: count and alarm on an occurrence, the state saved ahead of the row
        // (with the row's place, so a start after a power loss in between can add it), the row,
        // then the alarm reported.
        private void SetTamper(int detection, bool occurrence, long utc)
        {
            _tamperActive[detection] = occurrence;
            uint filtered = 0;
            if (occurrence)
            {
                if (_tamperCount < ushort.MaxValue)
                {
                    _tamperCount++;
                }
                TamperCount.Value.SetInteger(_tamperCount);
                filtered = Alarms.Apply(MeterAlarm.FraudAttempt | AlarmBit(detection));
            }
            byte code = TamperEventCode(detection, occurrence);
            int profile = EventTarget(code);
            _tamper.Pending = profile >= 0;
            _tamper.PendingDetection = detection;
            _tamper.PendingOccurrence = occurrence;
            _tamper.PendingProfile = profile < 0 ? 0 : profile;
            _tamper.PendingSequence = profile < 0 ? 0 : _profiles[profile].CaptureCount;
            _tamper.PendingUtcTicks = utc;
            SaveTamperState();
            LogEvent(code, utc);
            Alarms.Report(filtered);
        }

        private static uint AlarmBit(int detection)
        {
            switch (detection)
            {
                case TamperCover:
                    return MeterAlarm.TerminalCoverRemoved;
                case TamperMagnet:
                    return MeterAlarm.StrongDcField;
                case TamperReverseFlow:
                    return MeterAlarm.ReverseFlow;
                case TamperCurrentMismatch:
                    return MeterAlarm.CurrentMismatch;
                default:
                    return MeterAlarm.CurrentWithoutVoltage;
            }
        }

        /// <summary>The event (IDIS numbering, <see cref="MeterEventCode"/>) of a detection's occurrence or restoration.</summary>
        public static byte TamperEventCode(int detection, bool occurrence)
        {
            switch (detection)
            {
                case TamperCover:
                    return occurrence ? MeterEventCode.TerminalCoverRemoved : MeterEventCode.TerminalCoverClosed;
                case TamperMagnet:
                    return occurrence ? MeterEventCode.StrongDcFieldDetected : MeterEventCode.NoStrongDcFieldAnymore;
                case TamperReverseFlow:
                    return occurrence ? MeterEventCode.ReverseFlowOccurrence : MeterEventCode.ReverseFlowRestoration;
                case TamperCurrentMismatch:
                    return occurrence ? MeterEventCode.CurrentMismatchOccurrence : MeterEventCode.CurrentMismatchRestoration;
                default:
                    return occurrence ? MeterEventCode.CurrentWithoutVoltageOccurrence : MeterEventCode.CurrentWithoutVoltageRestoration;
            }
        }

        // Alarms raised by other events: power up, memory error.
        private void RaiseEventAlarm(byte code)
        {
            uint bits = code == MeterEventCode.PowerUp ? MeterAlarm.PowerUp
                : (code == MeterEventCode.NonVolatileMemoryError ? MeterAlarm.NonVolatileMemoryError : 0);
            if (bits != 0)
            {
                RaiseAlarm(bits);
            }
        }

        // Raises alarm 'bits' (MeterAlarm) that go with no tamper detection: a power-up, a
        // memory error, a register monitor's threshold crossing (MeterAutomation, right after
        // the monitor's up script logged its event). Saved, then reported.
        internal void RaiseAlarm(uint bits)
        {
            uint filtered = Alarms.Apply(bits);
            _tamper.Pending = false;
            SaveTamperState();
            Alarms.Report(filtered);
        }

        // A client cleared alarm bits or wrote the filter: saved in the same request.
        internal void OnAlarmsWritten()
        {
            _tamper.Pending = false;
            SaveTamperState();
        }

        private void SaveTamperState()
        {
            TamperRecord r = _tamper;
            int active = 0;
            for (int i = 0; i < TamperDetections; i++)
            {
                if (_tamperActive[i])
                {
                    active |= 1 << i;
                }
            }
            r.Active = active;
            r.VoltageLogged = (_lowVoltageLogged ? 1 : 0) | (_overVoltageLogged ? 2 : 0);
            r.TamperCount = _tamperCount;
            r.AlarmRegister = Alarms.RegisterBits;
            r.AlarmFilter = Alarms.FilterBits;
            r.AlarmDescriptor = Alarms.DescriptorBits;
            StoreResult(_kindTamper, _persistence.WriteTamper(r));
        }

        // Start-up, after the logs are restored: the saved state, and the row of a tamper event
        // that was saved ahead of it but not written before the power went. Returns false when
        // the record was present but unusable.
        private bool RestoreTamperState(out StoreStatus status)
        {
            status = _persistence.ReadTamper(_tamper);
            if (status != StoreStatus.Ok)
            {
                _tamper.Clear();
                return status == StoreStatus.NotFound;
            }
            for (int i = 0; i < TamperDetections; i++)
            {
                _tamperActive[i] = (_tamper.Active & (1 << i)) != 0;
            }
            _lowVoltageLogged = (_tamper.VoltageLogged & 1) != 0;
            _overVoltageLogged = (_tamper.VoltageLogged & 2) != 0;
            _tamperCount = _tamper.TamperCount;
            TamperCount.Value.SetInteger(_tamperCount);
            Alarms.Restore(_tamper.AlarmRegister, _tamper.AlarmFilter, _tamper.AlarmDescriptor);
            return true;
        }

        // The row a pending tamper event expected is not in its log: write it now, stamped with
        // the event's time. The count and the state were already saved with it.
        private void CompletePendingTamperEvent()
        {
            TamperRecord r = _tamper;
            if (!r.Pending)
            {
                return;
            }
            // Written once at most: a row that is there (or a log that no longer exists, or a
            // full non-rollover log that drops it) ends the pending mark all the same.
            if (r.PendingProfile < _profiles.Length && _profiles[r.PendingProfile].CaptureCount <= r.PendingSequence)
            {
                LogEvent(TamperEventCode(r.PendingDetection, r.PendingOccurrence), r.PendingUtcTicks);
            }
            r.Pending = false;
            SaveTamperState();
        }

        // Start-up: the inputs as they are now against the saved state. Still open (or still a
        // magnet): the standard log says so again ("found at power-up") without counting it
        // twice; changed while the meter was off: an occurrence or a restoration now.
        private void CheckTamperInputsAtStart(long now)
        {
            CheckInputAtStart(TamperCover, _coverOpen, now);
            CheckInputAtStart(TamperMagnet, _magnet, now);
        }

        private void CheckInputAtStart(int detection, IDigitalInput input, long now)
        {
            if (input == null)
            {
                return;
            }
            bool level = input.Read();
            if (level != _tamperActive[detection])
            {
                SetTamper(detection, level, now);
            }
            else if (level && _categoryCodes == null)
            {
                LogEvent(TamperEventCode(detection, true), now);
            }
        }
    }
}
