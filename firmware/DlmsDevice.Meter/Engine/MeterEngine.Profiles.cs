using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>Profile captures at period boundaries, and the event log.</content>
    public sealed partial class MeterEngine
    {
        private void UpdateProfiles(long utc)
        {
            long loadBoundary;
            long dailyBoundary;
            bool load = _loadSchedule.Check(utc, Clock, out loadBoundary) == 1;
            bool daily = _dailySchedule.Check(utc, Clock, out dailyBoundary) == 1;
            if (!load && !daily)
            {
                return;
            }
            // The rows carry the energy the registers show: bring the checkpoint up to date first.
            // It also saves where the schedules stand, so a boundary is neither lost nor
            // captured twice across a restart. The block energies close first, so the checkpoint
            // saves the new block's start with the energy it starts at.
            if (load)
            {
                CloseBlock();
            }
            WriteCheckpoint(_meterClock.GetMonotonicMilliseconds());
            if (load)
            {
                PublishPeriodAverages();
                PublishFrequencyAverage();
                CaptureRow(LoadProfileIndex, loadBoundary);
            }
            if (daily)
            {
                CaptureRow(DailyProfileIndex, dailyBoundary);
            }
        }

        /// <summary>
        /// Logs event <paramref name="code"/> (IDIS numbering, <see cref="MeterEventCode"/>) at
        /// <paramref name="utcTicks"/> in the standard event log, or in the IS 15959 layout in the
        /// log of its category with its IS 15959 number (also for the host: e.g. a firmware
        /// event). The row is saved before it can be read.
        /// </summary>
        public void LogEvent(byte code, long utcTicks)
        {
            lock (_sync)
            {
                if (_categoryCodes == null)
                {
                    EventCode.Value.SetInteger(code);
                    CaptureRow(EventLogIndex, utcTicks);
                }
                else
                {
                    LogCategorised(code, utcTicks);
                }
                _eventsLogged++;
                RaiseEventAlarm(code);
            }
        }

        /// <summary>Events logged since construction.</summary>
        public int EventsLogged
        {
            get { return _eventsLogged; }
        }

        private int _eventsLogged;

        // One row stamped with 'utcTicks' (the clock is frozen at it during the capture), saved
        // in the same locked step: the profile's store-backed ring writes the row's chunk during
        // the capture.
        private void CaptureRow(int index, long utcTicks)
        {
            ProfileGeneric profile = _profiles[index];
            _meterClock.Freeze(utcTicks);
            profile.Capture();
            _meterClock.Unfreeze();
            StoreResult(KindProfile + index, _persistence.GetWriteStatus(index));
        }

        private void ProcessEdges()
        {
            int pin;
            bool level;
            long utcTicks;
            while (_edges.TryDequeue(out pin, out level, out utcTicks))
            {
                if (_powerFail != null && pin == _powerFail.Pin)
                {
                    OnPowerFailEdge(level, utcTicks);
                }
                else if (_coverOpen != null && pin == _coverOpen.Pin)
                {
                    OnTamperInput(TamperCover, level, utcTicks);
                }
                else if (_magnet != null && pin == _magnet.Pin)
                {
                    OnTamperInput(TamperMagnet, level, utcTicks);
                }
            }
        }

        // Power-fail early warning: log the power-down and save everything at once, marked so
        // that the next start does not log it again; power back: log the power-up.
        private void OnPowerFailEdge(bool failing, long utcTicks)
        {
            if (failing)
            {
                if (!_powerDownLogged)
                {
                    LogEvent(MeterEventCode.PowerDown, utcTicks);
                    _powerDownLogged = true;
                }
                _checkpointRequested = true;
                WriteCheckpoint(_meterClock.GetMonotonicMilliseconds());
            }
            else if (_powerDownLogged)
            {
                LogEvent(MeterEventCode.PowerUp, utcTicks);
                _powerDownLogged = false;
                _checkpointRequested = true;
            }
        }

        private void OnClockAdjusted(long oldUtcTicks, long newUtcTicks)
        {
            if (!_started)
            {
                return;
            }
            LogEvent(MeterEventCode.ClockAdjustedOldTime, oldUtcTicks);
            LogEvent(MeterEventCode.ClockAdjustedNewTime, newUtcTicks);
            Automation.OnClockAdjusted(oldUtcTicks, newUtcTicks);
        }

        // Disconnect control asks before it changes state: save the new state (write-ahead: a
        // power loss between the two cannot reconnect a disconnected supply), drive the relay,
        // log the event.
        private bool OnDisconnectChange(DisconnectTrigger trigger, ControlState current, ControlState target)
        {
            _settings.Capture(Clock, Disconnect);
            _settings.DisconnectState = target;
            StoreResult(KindSettings, _persistence.WriteSettings(_settings));
            bool output = target == ControlState.Connected;
            if (_relay != null && _relay.Read() != output)
            {
                _relay.Write(output);
                if (_relay.Read() != output)
                {
                    _settings.DisconnectState = current;
                    StoreResult(KindSettings, _persistence.WriteSettings(_settings));
                    return false;
                }
            }
            LogEvent(DisconnectEventCode(trigger, target), _meterClock.GetLiveUtcTicks());
            return true;
        }

        private static byte DisconnectEventCode(DisconnectTrigger trigger, ControlState target)
        {
            switch (trigger)
            {
                case DisconnectTrigger.RemoteDisconnect:
                    return MeterEventCode.RemoteDisconnection;
                case DisconnectTrigger.RemoteReconnect:
                    return target == ControlState.Connected ? MeterEventCode.RemoteConnection : MeterEventCode.ReadyForManualReconnection;
                case DisconnectTrigger.ManualDisconnect:
                    return MeterEventCode.ManualDisconnection;
                case DisconnectTrigger.ManualReconnect:
                    return MeterEventCode.ManualConnection;
                case DisconnectTrigger.LocalDisconnect:
                    return MeterEventCode.LocalDisconnection;
                default:
                    return MeterEventCode.LocalReconnection;
            }
        }
    }
}
