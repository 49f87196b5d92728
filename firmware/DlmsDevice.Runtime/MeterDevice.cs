using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// The meter as a device runs it, and the one entry point of every target (the emulator,
    /// the Linux board host, the ESP32 firmware): it builds the default meter from settings on
    /// the hardware the host supplies, recovers its state from the host's storage, and serves
    /// byte channels. Bytes in, bytes out; no thread of its own.
    /// </summary>
    /// <remarks>
    /// <para>Everything is allocated here, once: the model, the record store, the server, and a
    /// fixed set of channel slots (<see cref="ChannelPool"/>) for the serial lines, the TCP
    /// wrapper and HDLC over TCP. Accepting a connection takes a slot; serving requests, ticking
    /// and closing allocate nothing.</para>
    /// <para>A host with one thread (an ESP32):</para>
    /// <code>
    /// var device = new MeterDevice(settings, hardware, flashMedium, hardwareRng);
    /// device.OpenSerial(rs485);
    /// var buffer = new byte[512];
    /// while (true)
    /// {
    ///     IByteChannel connection = listener.TryAccept();          // the host's socket code
    ///     if (connection != null) { bool evicted; if (device.Accept(ChannelKind.TcpWrapper, connection, out evicted) == null) connection.Close(); }
    ///     device.ServiceAll(buffer);                                // reads with time-out 0
    ///     device.Tick();
    /// }
    /// </code>
    /// <para>A host with a thread per connection (the emulator) calls
    /// <see cref="DeviceChannel.Service"/> in each; the requests of all channels are serialised
    /// on <see cref="SyncRoot"/>, which <see cref="Tick"/> holds too.</para>
    /// </remarks>
    public sealed partial class MeterDevice
    {
        private readonly MeterModel _model;
        private readonly SlottedRecordStore _store;
        private readonly DlmsServer _server;
        private readonly ChannelPool _serial;
        private readonly ChannelPool _wrapper;
        private readonly ChannelPool _hdlc;
        private readonly StoreStatus _countersStatus;
        private readonly ISystemClock _linkClock;
        private bool _shutDown;

        /// <summary>Builds the default meter (<see cref="DefaultMeterModel"/>, from meters/default.json) and starts it.</summary>
        /// <param name="settings">The meter and its channels.</param>
        /// <param name="configuration">The hardware behind the HAL interfaces (clock, pulse and analog channels, inputs, relay) and the engine's sizes.</param>
        /// <param name="medium">Non-volatile storage for the meter's records; null = none (every start is a first start, counters in RAM).</param>
        /// <param name="entropy">Where HLS challenges come from (the hardware RNG); null = HLS associations are refused.</param>
        /// <exception cref="ArgumentException">A setting does not fit (see <see cref="DefaultMeterModel"/>), or the slots of a <see cref="RegionStorageMedium"/> are too small for the meter's largest record.</exception>
        public MeterDevice(MeterDeviceSettings settings, MeterConfiguration configuration, IStorageMedium medium, IEntropySource entropy)
            : this(Default(settings, configuration), settings, medium, entropy)
        {
        }

        /// <summary>
        /// Starts <paramref name="model"/> (a meter built from a definition by
        /// <see cref="MeterModelBuilder"/>, not started yet) and serves it with the channels of
        /// <paramref name="settings"/>; the APDU size and the wrapper connections are those of the
        /// model's own settings.
        /// </summary>
        /// <param name="model">The meter's object model and engine.</param>
        /// <param name="settings">The channels (serial slots, HDLC-over-TCP slots, association time-out, transfer buffer, link clock).</param>
        /// <param name="medium">Non-volatile storage for the meter's records; null = none.</param>
        /// <param name="entropy">Where HLS challenges come from; null = HLS associations are refused.</param>
        /// <exception cref="ArgumentException">The slots of a <see cref="RegionStorageMedium"/> are too small for the meter's largest record.</exception>
        public MeterDevice(MeterModel model, MeterDeviceSettings settings, IStorageMedium medium, IEntropySource entropy)
        {
            if (model == null || settings == null || model.Engine == null)
            {
                throw new ArgumentNullException();
            }
            _model = model;
            MeterEngine engine = _model.Engine;
            int records = engine.RequiredRecordCount;
            InvocationCounterStore pushCounters = null;
            if (settings.Push != null)
            {
                // The push's own counters (keys of its own) take the first record after the engine's.
                _pushSetup = PushModel.Add(_model, settings.Push, records);
                pushCounters = PushModel.OwnCounters(_model, _pushSetup);
                if (pushCounters != null)
                {
                    records++;
                }
                if (settings.Push.OnAlarm)
                {
                    // Before the start: the power-up alarm of this start is pushed too.
                    engine.Alarms.Sink = new AlarmPush(_pushSetup);
                }
            }
            int payload = engine.RequiredPayloadLength > InvocationCounterStore.RecordLength ? engine.RequiredPayloadLength : InvocationCounterStore.RecordLength;
            if (medium != null)
            {
                RegionStorageMedium regions = medium as RegionStorageMedium;
                if (regions != null && regions.SlotCapacity < RecordSlotFormat.HeaderLength + payload)
                {
                    // The meter's largest record would not fit a slot: refuse now, not at the first write.
                    throw new ArgumentException();
                }
                _store = new SlottedRecordStore(medium, records, payload);
            }
            _countersStatus = _model.Start(_store);
            if (pushCounters != null)
            {
                _pushCountersStatus = pushCounters.Attach(_store);
                if (_pushCountersStatus == StoreStatus.Ok && pushCounters.FoundNoRecord && engine.RestoredFromStore)
                {
                    // The meter has saved state but the push's counter record is not there: its id
                    // follows the engine's records, so a new layout (profile depth, event logs,
                    // billing) moved it. Starting again at 0 would reuse counters under the same
                    // key and system title: protected pushes stay off (no counter is handed out;
                    // PushCountersStatus says why) while this state directory is used (docs/push.md).
                    pushCounters.MarkUnavailable();
                    _pushCountersStatus = StoreStatus.InvalidRecord;
                }
            }
            _entropy = entropy;

            _server = CreateServer(_model, settings);
            _server.Entropy = entropy;

            ISystemClock linkClock = settings.LinkClock != null ? settings.LinkClock : engine.Configuration.Clock;
            _linkClock = linkClock;
            ChannelSettings channel = CreateChannelSettings(_model, settings);
            object sync = _model.SyncRoot;
            _serial = CreatePool(ChannelKind.SerialHdlc, settings.SerialChannels, channel, sync, linkClock);
            _wrapper = CreatePool(ChannelKind.TcpWrapper, _model.Settings.MaxConnections, channel, sync, linkClock);
            _hdlc = CreatePool(ChannelKind.TcpHdlc, settings.HdlcTcpChannels, channel, sync, linkClock);
            if (_pushSetup != null)
            {
                AddPush(_pushSetup, settings.PushTransport, _model.Settings.MaxApduSize);
            }
        }

        private static MeterModel Default(MeterDeviceSettings settings, MeterConfiguration configuration)
        {
            if (settings == null || configuration == null || settings.Meter == null)
            {
                throw new ArgumentNullException();
            }
            return new DefaultMeterModel(configuration, settings.Meter);
        }

        /// <summary>The meter's object model (its objects, associations and engine).</summary>
        public MeterModel Model
        {
            get { return _model; }
        }

        /// <summary>The metering engine.</summary>
        public MeterEngine Engine
        {
            get { return _model.Engine; }
        }

        /// <summary>The DLMS server every channel's session comes from.</summary>
        public DlmsServer Server
        {
            get { return _server; }
        }

        /// <summary>The record store over the host's medium; null without one.</summary>
        public SlottedRecordStore Store
        {
            get { return _store; }
        }

        /// <summary>How the management association's invocation counters were read at start-up (not Ok: ciphered associations are refused).</summary>
        public StoreStatus CountersStatus
        {
            get { return _countersStatus; }
        }

        /// <summary>The lock every request and every tick holds.</summary>
        public object SyncRoot
        {
            get { return _model.SyncRoot; }
        }

        /// <summary>The serial HDLC slots.</summary>
        public ChannelPool SerialChannels
        {
            get { return _serial; }
        }

        /// <summary>The TCP wrapper slots.</summary>
        public ChannelPool WrapperChannels
        {
            get { return _wrapper; }
        }

        /// <summary>The HDLC-over-TCP slots.</summary>
        public ChannelPool HdlcChannels
        {
            get { return _hdlc; }
        }

        /// <summary>Serves a serial line (opened by the host) with HDLC; null when every serial slot is taken.</summary>
        public DeviceChannel OpenSerial(IByteChannel port)
        {
            bool evicted;
            return _serial.Accept(port, out evicted);
        }

        /// <summary>
        /// Gives a new TCP connection a slot of <paramref name="kind"/>: a free one, else that of
        /// the oldest connection without an association, which is closed.
        /// </summary>
        /// <returns>The channel serving it; null when every slot holds an association (the host closes the connection).</returns>
        public DeviceChannel Accept(ChannelKind kind, IByteChannel connection, out bool evicted)
        {
            return Pool(kind).Accept(connection, out evicted);
        }

        /// <summary>The slots of <paramref name="kind"/>.</summary>
        public ChannelPool Pool(ChannelKind kind)
        {
            if (kind == ChannelKind.SerialHdlc)
            {
                return _serial;
            }
            return kind == ChannelKind.TcpWrapper ? _wrapper : _hdlc;
        }

        /// <summary>
        /// One step of the metering engine (call it every 100 ms .. 1 s), then one step of every
        /// push sender (<see cref="ServicePushes"/>). The engine's step holds <see cref="SyncRoot"/>.
        /// </summary>
        public void Tick()
        {
            _model.Engine.Tick();
            ServicePushes();
        }

        /// <summary>
        /// One turn of a single-threaded host's loop: every attached channel reads what its
        /// stream has (time-out 0), handles it and polls its timers.
        /// </summary>
        /// <param name="buffer">The host's read buffer.</param>
        public void ServiceAll(byte[] buffer)
        {
            ServicePool(_serial, buffer);
            ServicePool(_wrapper, buffer);
            ServicePool(_hdlc, buffer);
        }

        /// <summary>
        /// A clean power-down: every channel closed, the power-down event and a final checkpoint.
        /// Safe to call twice. Do not call it holding <see cref="SyncRoot"/>: a channel is closed
        /// under its own lock, which a channel serving a request holds while it waits for
        /// <see cref="SyncRoot"/> (the lock order is always channel, then device).
        /// </summary>
        public void Shutdown()
        {
            if (_shutDown)
            {
                return;
            }
            _shutDown = true;
            _wrapper.CloseAll();
            _hdlc.CloseAll();
            _serial.CloseAll();
            _model.Engine.Shutdown();
        }

        /// <summary>
        /// The server of <paramref name="model"/> as the device builds it: its logical devices,
        /// the APDU size of the model's settings, the transfer buffer of
        /// <see cref="MeterDeviceSettings.BlockBufferSize"/>, no entropy source yet.
        /// </summary>
        public static DlmsServer CreateServer(MeterModel model, MeterDeviceSettings settings)
        {
            if (model == null || settings == null || model.Settings == null)
            {
                throw new ArgumentNullException();
            }
            LogicalDeviceDirectory directory = new LogicalDeviceDirectory();
            for (int i = 0; i < model.LogicalDeviceCount; i++)
            {
                directory.Add(model.GetLogicalDevice(i));
            }
            ServerLimits limits = new ServerLimits();
            limits.MaxReceivePdu = model.Settings.MaxApduSize;
            limits.BlockBufferSize = settings.BlockBufferSize;
            return new DlmsServer(directory, limits);
        }

        /// <summary>
        /// How the device builds the links of its channels for <paramref name="model"/>: the
        /// HDLC address, limits and time-out its IEC HDLC setup shows, the logical devices and
        /// the clients their associations serve, the APDU size of the model's settings, the
        /// wrapper inactivity its TCP-UDP setup shows, the association time-out.
        /// </summary>
        public static ChannelSettings CreateChannelSettings(MeterModel model, MeterDeviceSettings settings)
        {
            if (model == null || settings == null || model.Settings == null)
            {
                throw new ArgumentNullException();
            }
            // The link's limits are what the setup objects show: one source for both.
            IecHdlcSetup setup = model.IecHdlcSetup;
            HdlcSettings hdlc = new HdlcSettings();
            hdlc.PhysicalAddress = setup.DeviceAddress;
            hdlc.LogicalDevices = Addresses(model);
            hdlc.ClientSaps = ClientSaps(model);
            hdlc.MaxApduSize = model.Settings.MaxApduSize;
            hdlc.MaxInfoTransmit = setup.MaxInfoFieldLengthTransmit;
            hdlc.MaxInfoReceive = setup.MaxInfoFieldLengthReceive;
            hdlc.WindowTransmit = setup.WindowSizeTransmit;
            hdlc.WindowReceive = setup.WindowSizeReceive;
            hdlc.InactivityTimeoutMilliseconds = setup.InactivityTimeOut * 1000;

            ChannelSettings channel = new ChannelSettings();
            channel.MaxApduSize = model.Settings.MaxApduSize;
            channel.Hdlc = hdlc;
            channel.WrapperInactivityMilliseconds = model.TcpUdpSetup.InactivityTimeOut * 1000;
            channel.AssociationTimeoutMilliseconds = settings.AssociationTimeoutSeconds * 1000;
            return channel;
        }

        private static int[] Addresses(MeterModel model)
        {
            int[] addresses = new int[model.LogicalDeviceCount];
            for (int i = 0; i < addresses.Length; i++)
            {
                addresses[i] = model.GetLogicalDevice(i).Address;
            }
            return addresses;
        }

        // Every client SAP an association of any logical device serves (once each).
        private static int[] ClientSaps(MeterModel model)
        {
            int count = 0;
            for (int d = 0; d < model.LogicalDeviceCount; d++)
            {
                count += model.GetLogicalDevice(d).AssociationCount;
            }
            int[] saps = new int[count];
            int n = 0;
            for (int d = 0; d < model.LogicalDeviceCount; d++)
            {
                LogicalDevice device = model.GetLogicalDevice(d);
                for (int i = 0; i < device.AssociationCount; i++)
                {
                    int sap = device.GetAssociation(i).ClientSap;
                    bool seen = false;
                    for (int k = 0; k < n; k++)
                    {
                        seen |= saps[k] == sap;
                    }
                    if (!seen)
                    {
                        saps[n++] = sap;
                    }
                }
            }
            if (n == saps.Length)
            {
                return saps;
            }
            int[] distinct = new int[n];
            Array.Copy(saps, distinct, n);
            return distinct;
        }

        private ChannelPool CreatePool(ChannelKind kind, int count, ChannelSettings settings, object sync, ISystemClock clock)
        {
            DeviceChannel[] slots = new DeviceChannel[count];
            for (int i = 0; i < count; i++)
            {
                slots[i] = new DeviceChannel(kind, _server.CreateSession(), sync, settings, clock);
            }
            return new ChannelPool(slots);
        }

        private static void ServicePool(ChannelPool pool, byte[] buffer)
        {
            for (int i = 0; i < pool.Capacity; i++)
            {
                DeviceChannel channel = pool[i];
                if (channel.IsAttached)
                {
                    channel.Service(buffer, 0);
                }
            }
        }
    }
}
