using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// The alert push: every alarm that passes the alarm filter 0.0.97.98.10.255 asks the push
    /// setup for a push (its push_object_list carries the alarm register, so the head-end sees
    /// which bits rose). Alarms raised while a push waits are merged into it
    /// (<see cref="PushSetup.RequestPush"/>); the sender sends it on the device's next tick.
    /// </summary>
    internal sealed class AlarmPush : IAlarmSink
    {
        private readonly PushSetup _setup;

        internal AlarmPush(PushSetup setup)
        {
            _setup = setup;
        }

        /// <inheritdoc />
        public void OnAlarm(uint raisedBits, uint alarmRegister)
        {
            // The meter lock is held: set the flag and return.
            _setup.RequestPush();
        }
    }
}
