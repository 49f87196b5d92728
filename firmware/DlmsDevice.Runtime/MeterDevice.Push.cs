using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Runtime
{
    /// <content>Push: the push setups' senders, stepped by <see cref="Tick"/> (docs/push.md).</content>
    public sealed partial class MeterDevice
    {
        private readonly IEntropySource _entropy;
        private readonly PushSetup _pushSetup;
        private readonly StoreStatus _pushCountersStatus;
        private PushSender[] _pushSenders;

        /// <summary>The push setup built from <see cref="MeterDeviceSettings.Push"/>; null without one.</summary>
        public PushSetup PushSetup
        {
            get { return _pushSetup; }
        }

        /// <summary>How the push's own invocation counters were read at start-up (Ok also when it has none of its own; otherwise its protected pushes are not sent).</summary>
        public StoreStatus PushCountersStatus
        {
            get { return _pushCountersStatus; }
        }

        /// <summary>Push senders, one per push setup added.</summary>
        public int PushSenderCount
        {
            get { return _pushSenders == null ? 0 : _pushSenders.Length; }
        }

        /// <summary>Push sender <paramref name="index"/>.</summary>
        public PushSender GetPushSender(int index)
        {
            return _pushSenders[index];
        }

        /// <summary>
        /// Adds a sender for <paramref name="setup"/>, an object of the meter's logical device
        /// (configuration time): TCP and UDP pushes go through <paramref name="transport"/>, HDLC
        /// pushes out of the first serial slot; delays run on the link clock, windows and
        /// date-times on the meter's clock, the random start delay comes from the entropy source.
        /// </summary>
        /// <exception cref="ArgumentException">The setup is not an object of the meter.</exception>
        public PushSender AddPush(PushSetup setup, IOutboundTransport transport, int maxApdu)
        {
            if (setup == null)
            {
                throw new ArgumentNullException();
            }
            if (_model.Device.Find(setup.ClassId, setup.LogicalName) != setup)
            {
                throw new ArgumentException();
            }
            DeviceChannel serial = _serial.Capacity > 0 ? _serial[0] : null;
            PushSender sender = new PushSender(setup, _model.SyncRoot, _model.Engine.Clock, _linkClock, _entropy,
                transport, serial, _model.Device.Address, maxApdu);
            int count = PushSenderCount;
            PushSender[] senders = new PushSender[count + 1];
            if (count > 0)
            {
                Array.Copy(_pushSenders, senders, count);
            }
            senders[count] = sender;
            _pushSenders = senders;
            return sender;
        }

        /// <summary>
        /// One step of every push sender: requests, windows, delays, connects, sends, retries.
        /// Never blocks; called by <see cref="Tick"/>. A host that ticks the engine itself calls it
        /// after the engine's step, not holding <see cref="SyncRoot"/>.
        /// </summary>
        public void ServicePushes()
        {
            PushSender[] senders = _pushSenders;
            if (senders == null)
            {
                return;
            }
            for (int i = 0; i < senders.Length; i++)
            {
                senders[i].Service();
            }
        }
    }
}
