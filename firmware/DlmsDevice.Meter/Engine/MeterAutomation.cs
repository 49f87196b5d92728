using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The part of the meter that acts on its own, ticked by the engine after the profiles: the
    /// activity calendar (tariff switching), the single action schedules (end of billing, push),
    /// the register monitors and the limiter, all running their scripts through one
    /// <see cref="ScriptRunner"/>; and the configuration of every such object, saved in a record
    /// of the meter's store whenever it changes and given back at start-up (docs/billing-and-tariffs.md).
    /// </summary>
    /// <remarks>
    /// <para>Schedules are evaluated against the meter's local time (the Clock's time zone and
    /// daylight saving): at each tick, every execution time in (the local time evaluated last,
    /// now] is due, and a schedule with one or more due times runs its script once, with the
    /// clock reading the latest of them (so a billing row is stamped with the end of the
    /// period, not the tick). The evaluated time is saved in the checkpoint: after an outage
    /// the times missed while the meter was off are due at power-up, once, like real meters
    /// close a missed billing period when they come back. A clock set forward makes the times
    /// it skips due at once; a clock set back makes the times between the new and the old
    /// time due again when they come (the billing profile refuses a second row for the same
    /// period end); local time going back at the end of daylight saving is not a set and runs
    /// nothing twice.</para>
    /// <para>Objects are configured by the model (<see cref="DefaultMeterModel"/>): add them
    /// here and to the logical device, then set <see cref="ScriptRunner.Objects"/>. Everything
    /// is allocated then; ticks allocate nothing.</para>
    /// </remarks>
    public sealed class MeterAutomation
    {
        // Configuration record: class id (u16, big-endian), header format (1), then the object's state.
        // A configuration record: class id (2 bytes), format, the object's logical name (6 bytes),
        // then the object's own bytes. The logical name makes a record that a new layout moved to
        // another object's id (another object of the same class) read as foreign, not restored
        // into the wrong object. Format 1 had no logical name: read as foreign, defaults kept.
        private const int RecordHeader = 9;
        private const byte RecordFormat = 2;

        private readonly MeterEngine _engine;
        private readonly ScriptRunner _runner;
        private SingleActionSchedule[] _schedules = new SingleActionSchedule[0];
        private RegisterMonitor[] _monitors = new RegisterMonitor[0];
        // Per monitor: the alarm bits its up crossings raise, and its UpActions already answered
        // (null until the first monitor: a meter without monitors pays nothing for them).
        private uint[] _monitorAlarms;
        private int[] _monitorUpSeen;
        private IPersistentObject[] _persistent = new IPersistentObject[0];
        private int[] _savedVersions = new int[0];
        private int _persistentCount;
        private int _firstRecord = -1;
        private long _evaluatedLocal = long.MinValue;
        private long _evaluatedUtc = long.MinValue;
        private long _calendarMinute = long.MinValue;
        private int _calendarVersion;
        private int _specialDaysVersion;
        private int _activationsSeen;
        private int _passiveChangesSeen;
        private int _thresholdChangesSeen;
        private int _executions;
        private long _retryAfterMono;

        internal MeterAutomation(MeterEngine engine, CosemContext context)
        {
            _engine = engine;
            _runner = new ScriptRunner(64, context);
        }

        /// <summary>The runner every script of the meter goes through (and the shared workspace of the objects).</summary>
        public ScriptRunner Runner
        {
            get { return _runner; }
        }

        /// <summary>The limiter (0.0.17.0.0.255 in the default model); null = none. Configuration time.</summary>
        public Limiter Limiter { get; set; }

        /// <summary>The activity calendar (0.0.13.0.0.255); null = none. Configuration time.</summary>
        public ActivityCalendar Calendar { get; set; }

        /// <summary>The special days table the calendar consults (0.0.11.0.0.255); null = none. Configuration time.</summary>
        public SpecialDaysTable SpecialDays { get; set; }

        /// <summary>Scripts the single action schedules ran since start.</summary>
        public int ScheduleExecutions
        {
            get { return _executions; }
        }

        /// <summary>The local time (calendar ticks) the schedules were evaluated up to; long.MinValue before the first tick.</summary>
        public long EvaluatedLocalTicks
        {
            get { return _evaluatedLocal; }
        }

        /// <summary>Configuration: <paramref name="schedule"/> runs its script at its execution times.</summary>
        public void Add(SingleActionSchedule schedule)
        {
            _schedules = Append(_schedules, schedule);
        }

        /// <summary>Configuration: <paramref name="monitor"/> is evaluated at every tick.</summary>
        public void Add(RegisterMonitor monitor)
        {
            Add(monitor, 0);
        }

        /// <summary>
        /// Configuration: <paramref name="monitor"/> is evaluated at every tick, and each time it
        /// runs an action_up (a threshold crossed upwards) the meter raises
        /// <paramref name="alarmBits"/> (<see cref="MeterAlarm"/>; 0 = none) after the script ran,
        /// so the alarm follows the event the script logged (docs/billing-and-tariffs.md).
        /// </summary>
        public void Add(RegisterMonitor monitor, uint alarmBits)
        {
            _monitors = Append(_monitors, monitor);
            int n = _monitors.Length;
            uint[] alarms = new uint[n];
            int[] seen = new int[n];
            if (n > 1)
            {
                Array.Copy(_monitorAlarms, alarms, n - 1);
                Array.Copy(_monitorUpSeen, seen, n - 1);
            }
            alarms[n - 1] = alarmBits;
            seen[n - 1] = monitor.UpActions;
            _monitorAlarms = alarms;
            _monitorUpSeen = seen;
        }

        /// <summary>
        /// Configuration, before the store is created: <paramref name="obj"/>'s state is saved in a
        /// record of its own (reserved now, after the records already laid out) and restored at
        /// start-up.
        /// </summary>
        public void Persist(IPersistentObject obj)
        {
            if (obj == null || !(obj is CosemObject))
            {
                throw new ArgumentException();
            }
            int record = _engine.Persistence.ReserveRecords(1, RecordHeader + obj.PersistedLength);
            // Records are encoded in the runner's scratch: room for the largest, now (start-up allocates nothing).
            _runner.EnsureScratch(RecordHeader + obj.PersistedLength);
            if (_firstRecord < 0)
            {
                _firstRecord = record;
            }
            if (record != _firstRecord + _persistentCount)
            {
                // The records of the automation must follow one another.
                throw new InvalidOperationException();
            }
            if (_persistentCount == _persistent.Length)
            {
                // Grown four at a time: configuration garbage stays small.
                IPersistentObject[] grown = new IPersistentObject[_persistent.Length + 4];
                Array.Copy(_persistent, grown, _persistent.Length);
                _persistent = grown;
                int[] versions = new int[grown.Length];
                Array.Copy(_savedVersions, versions, _savedVersions.Length);
                _savedVersions = versions;
            }
            _persistent[_persistentCount++] = obj;
        }

        /// <summary>The record id that holds <paramref name="obj"/>'s state; -1 when it is not saved.</summary>
        public int GetRecord(IPersistentObject obj)
        {
            for (int i = 0; i < _persistentCount; i++)
            {
                if (_persistent[i] == obj)
                {
                    return _firstRecord + i;
                }
            }
            return -1;
        }

        internal bool LimiterTripped
        {
            get { return Limiter != null && Limiter.Tripped; }
        }

        internal long EvaluatedUtc
        {
            get { return _evaluatedUtc; }
        }

        // Start-up, before the events of the restart: the saved configuration of every object.
        internal void Restore(CorruptRecordList list, ref bool anyFound, ref bool corrupt)
        {
            byte[] record = _runner.Scratch;
            for (int i = 0; i < _persistentCount; i++)
            {
                IPersistentObject obj = _persistent[i];
                int id = _firstRecord + i;
                int length;
                StoreStatus status = _engine.Persistence.ReadRecord(id, record, 0, record.Length, out length);
                _savedVersions[i] = -1;
                if (status == StoreStatus.NotFound)
                {
                    // A first start: the defaults, saved at the first tick.
                    continue;
                }
                anyFound = true;
                CosemObject cosem = (CosemObject)obj;
                if (status == StoreStatus.Ok && length >= RecordHeader && record[2] == RecordFormat
                    && ((record[0] << 8) | record[1]) == cosem.ClassId
                    && cosem.LogicalName.EqualsBytes(record, 3)
                    && obj.Restore(record, RecordHeader, length - RecordHeader))
                {
                    _savedVersions[i] = obj.ConfigurationVersion;
                    continue;
                }
                corrupt = true;
                list.Add(id, status == StoreStatus.MediumFailure ? RecordDamage.Unreadable : RecordDamage.Undecodable);
            }
        }

        // Start-up, once the checkpoint and the settings are known: where the schedules stand,
        // the limiter's state, the tariff in force now (before the first energy is counted), and
        // the counters the events are logged from.
        internal void Begin(MeterCheckpoint checkpoint, bool restored, long utc)
        {
            _evaluatedUtc = restored ? checkpoint.SchedulesEvaluatedUtc : long.MinValue;
            _evaluatedLocal = _evaluatedUtc == long.MinValue ? long.MinValue : LocalTicks(_engine.Clock, _evaluatedUtc);
            if (Limiter != null)
            {
                Limiter.Tripped = restored && checkpoint.LimiterTripped;
                _thresholdChangesSeen = Limiter.ThresholdChanges;
            }
            _calendarMinute = long.MinValue;
            EvaluateCalendar(LocalTicks(_engine.Clock, utc));
            if (Calendar != null)
            {
                _activationsSeen = Calendar.Activations;
                _passiveChangesSeen = Calendar.PassiveChanges;
            }
        }

        // One step at UTC 'utc' (monotonic 'mono'): calendar, schedules, monitors, limiter, events, saving.
        internal void Tick(long utc, long mono)
        {
            Clock clock = _engine.Clock;
            long local = LocalTicks(clock, utc);
            EvaluateCalendar(local);
            if (_evaluatedLocal == long.MinValue)
            {
                // A first start: nothing was missed.
                _evaluatedLocal = local;
            }
            if (local > _evaluatedLocal)
            {
                bool ran = false;
                for (int i = 0; i < _schedules.Length; i++)
                {
                    long when;
                    if (_schedules[i].IsDue(_evaluatedLocal, local, out when))
                    {
                        Run(_schedules[i], UtcTicks(clock, when));
                        ran = true;
                    }
                }
                _evaluatedLocal = local;
                if (ran)
                {
                    // Where the schedules stand goes into this tick's checkpoint.
                    _engine.RequestCheckpoint();
                }
            }
            _evaluatedUtc = utc;
            for (int i = 0; i < _monitors.Length; i++)
            {
                EvaluateMonitor(i);
            }
            Limiter limiter = Limiter;
            if (limiter != null)
            {
                LimiterEvent e = limiter.Evaluate(mono, local);
                if (e != LimiterEvent.None)
                {
                    _engine.LogEvent(e == LimiterEvent.OverThreshold ? MeterEventCode.LimiterThresholdExceeded : MeterEventCode.LimiterThresholdOk, utc);
                    _engine.RequestCheckpoint();
                }
            }
            LogChanges(utc);
            if (mono >= _retryAfterMono)
            {
                SaveConfiguration(mono);
            }
        }

        // The monitor's scripts run; an up crossing (one per evaluation at most per threshold)
        // raises its alarm once, after the script logged its event.
        private void EvaluateMonitor(int i)
        {
            RegisterMonitor monitor = _monitors[i];
            monitor.Evaluate();
            int up = monitor.UpActions;
            if (up == _monitorUpSeen[i])
            {
                return;
            }
            _monitorUpSeen[i] = up;
            if (_monitorAlarms[i] != 0)
            {
                _engine.RaiseAlarm(_monitorAlarms[i]);
            }
        }

        // A client set the clock: going back, the execution times between the new and the old
        // time come again (as profile boundaries do); the calendar is evaluated at once.
        internal void OnClockAdjusted(long oldUtc, long newUtc)
        {
            if (newUtc < oldUtc && _evaluatedLocal != long.MinValue)
            {
                _evaluatedLocal = LocalTicks(_engine.Clock, newUtc);
                _evaluatedUtc = newUtc;
            }
            _calendarMinute = long.MinValue;
        }

        private void EvaluateCalendar(long local)
        {
            ActivityCalendar calendar = Calendar;
            if (calendar == null)
            {
                return;
            }
            // Once a minute (switching times are minutes), and at once after a change.
            long minute = ScheduleTime.FloorDiv(local, CosemCalendar.TicksPerMinute);
            int special = SpecialDays != null ? SpecialDays.ConfigurationVersion : 0;
            if (minute == _calendarMinute && calendar.ConfigurationVersion == _calendarVersion && special == _specialDaysVersion)
            {
                return;
            }
            _calendarMinute = minute;
            calendar.Evaluate(local, SpecialDays);
            _calendarVersion = calendar.ConfigurationVersion;
            _specialDaysVersion = special;
        }

        // The schedule's script, with the clock reading the execution time.
        private void Run(SingleActionSchedule schedule, long utcWhen)
        {
            MeterClock clock = _engine.MeterClock;
            clock.Freeze(utcWhen);
            _runner.Execute(schedule.ScriptTable, schedule.ScriptSelector);
            clock.Unfreeze();
            _executions++;
        }

        private void LogChanges(long utc)
        {
            ActivityCalendar calendar = Calendar;
            if (calendar != null)
            {
                if (calendar.Activations != _activationsSeen)
                {
                    _activationsSeen = calendar.Activations;
                    _engine.LogEvent(MeterEventCode.TariffActivated, utc);
                }
                if (calendar.PassiveChanges != _passiveChangesSeen)
                {
                    _passiveChangesSeen = calendar.PassiveChanges;
                    _engine.LogEvent(MeterEventCode.PassiveTariffUpdated, utc);
                }
            }
            Limiter limiter = Limiter;
            if (limiter != null && limiter.ThresholdChanges != _thresholdChangesSeen)
            {
                _thresholdChangesSeen = limiter.ThresholdChanges;
                _engine.LogEvent(MeterEventCode.LimiterThresholdChanged, utc);
            }
        }

        // Every object whose configuration changed since it was saved is saved; a failed write is
        // retried a second later (and reported as a memory error once per streak).
        private void SaveConfiguration(long mono)
        {
            byte[] record = _runner.Scratch;
            for (int i = 0; i < _persistentCount; i++)
            {
                IPersistentObject obj = _persistent[i];
                int version = obj.ConfigurationVersion;
                if (version == _savedVersions[i])
                {
                    continue;
                }
                CosemObject cosem = (CosemObject)obj;
                int classId = cosem.ClassId;
                record[0] = (byte)(classId >> 8);
                record[1] = (byte)classId;
                record[2] = RecordFormat;
                cosem.LogicalName.CopyTo(record, 3);
                int length = RecordHeader + obj.Save(record, RecordHeader);
                StoreStatus status = _engine.Persistence.WriteRecord(_firstRecord + i, record, 0, length);
                _engine.ReportConfigurationWrite(status);
                if (status != StoreStatus.Ok)
                {
                    _retryAfterMono = mono + 1000;
                    return;
                }
                _savedVersions[i] = version;
            }
        }

        /// <summary>The local calendar ticks of UTC <paramref name="utcTicks"/> on <paramref name="clock"/> (time zone and daylight saving; UTC = local + deviation).</summary>
        public static long LocalTicks(Clock clock, long utcTicks)
        {
            int zone = clock.TimeZone == CosemDateTime.DeviationNotSpecified ? 0 : clock.TimeZone;
            int dst = clock.IsDaylightSavingsActive(utcTicks) ? clock.DaylightSavingsDeviation : 0;
            return utcTicks - (zone - dst) * CosemCalendar.TicksPerMinute;
        }

        /// <summary>The UTC ticks of local time <paramref name="localTicks"/> (summer time when it falls in daylight saving, as the Clock reads a local time).</summary>
        public static long UtcTicks(Clock clock, long localTicks)
        {
            int zone = clock.TimeZone == CosemDateTime.DeviationNotSpecified ? 0 : clock.TimeZone;
            long standard = localTicks + zone * CosemCalendar.TicksPerMinute;
            long summer = standard - clock.DaylightSavingsDeviation * CosemCalendar.TicksPerMinute;
            return clock.IsDaylightSavingsActive(summer) ? summer : standard;
        }

        private static SingleActionSchedule[] Append(SingleActionSchedule[] array, SingleActionSchedule item)
        {
            if (item == null)
            {
                throw new ArgumentNullException();
            }
            SingleActionSchedule[] grown = new SingleActionSchedule[array.Length + 1];
            Array.Copy(array, grown, array.Length);
            grown[array.Length] = item;
            return grown;
        }

        private static RegisterMonitor[] Append(RegisterMonitor[] array, RegisterMonitor item)
        {
            if (item == null)
            {
                throw new ArgumentNullException();
            }
            RegisterMonitor[] grown = new RegisterMonitor[array.Length + 1];
            Array.Copy(array, grown, array.Length);
            grown[array.Length] = item;
            return grown;
        }
    }
}
