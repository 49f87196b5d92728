namespace DlmsDevice.Meter
{
    /// <summary>
    /// Hears about alarms as the meter raises them: the hook an alert push is triggered from
    /// (set <see cref="MeterAlarms.Sink"/>). The meter calls it only for alarms that pass the
    /// alarm filter 0.0.97.98.10.255, after the alarm register 0.0.97.98.0.255 and the event row
    /// that goes with it are saved and readable.
    /// </summary>
    /// <remarks>
    /// Called on the engine's tick (or while a request is served, e.g. a power-up found by
    /// <see cref="MeterEngine.Start"/>), holding the meter lock: record what is needed (a flag, a
    /// push request) and return; never block, never call back into the engine on this thread.
    /// Non-generic on purpose (no delegates with generics in portable code).
    /// </remarks>
    public interface IAlarmSink
    {
        /// <summary>Alarms were raised.</summary>
        /// <param name="raisedBits">The bits raised now that pass the filter (<see cref="MeterAlarm"/>); never 0.</param>
        /// <param name="alarmRegister">The whole alarm register after raising them.</param>
        void OnAlarm(uint raisedBits, uint alarmRegister);
    }
}
