using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// Sends the pushes of one push setup (Blue Book IC 40), a step at a time from the device's
    /// tick, so the meter never waits for a destination: a request (the push method, or
    /// <see cref="PushSetup.RequestPush"/> from a schedule or an alarm) waits for a communication
    /// window, then a random delay of up to randomisation_start_interval seconds; the
    /// DataNotification is built once (values, date-time, invoke-id, invocation counter) and sent;
    /// a failed attempt is repeated after repetition_delay seconds, at most number_of_retries
    /// times, then the push is given up.
    /// </summary>
    /// <remarks>
    /// <para>TCP and UDP go through the platform's <see cref="IOutboundTransport"/> in a wrapper
    /// frame (IEC 62056-47: source wPort = the logical device, destination wPort =
    /// <see cref="PushSetup.DestinationWPort"/>); HDLC goes out as a UI frame on the meter's
    /// serial line (<see cref="DeviceChannel.SendUnnumberedInformation"/>).</para>
    /// <para>Retries resend the same bytes (same invoke-id, same invocation counter): a head-end
    /// that got an earlier copy recognises it, and resending one ciphertext is not a second use of
    /// its counter with other data. A push that could not take a counter is not sent.</para>
    /// <para>Locks: the notification is built holding the meter's lock (values are read as a
    /// request reads them); the transport is used holding no lock, and an HDLC frame under the
    /// serial channel's own lock, so the lock order stays channel, then device.
    /// Allocation-free after construction (with an allocation-free transport).</para>
    /// </remarks>
    public sealed class PushSender
    {
        /// <summary>A TCP connection still pending after this long is given up (whatever the transport's own time-out).</summary>
        public const int DefaultConnectTimeoutMilliseconds = 10000;

        // Room in front of the APDU: the biggest link header (HDLC with LLC) and the general-glo envelope.
        private const int Headroom = HdlcServerLink.ResponseHeadroom + DataNotificationBuilder.ProtectionHeadroom;
        private const int Tailroom = HdlcServerLink.ResponseTailroom + DataNotificationBuilder.ProtectionTailroom;

        private readonly PushSetup _setup;
        private readonly object _deviceLock;
        private readonly Clock _clock;
        private readonly ISystemClock _timer;
        private readonly IEntropySource _entropy;
        private readonly IOutboundTransport _transport;
        private readonly DeviceChannel _serial;
        private readonly int _logicalDevice;
        private readonly int _maxApdu;
        private readonly byte[] _buffer;
        private readonly byte[] _random = new byte[4];
        private readonly byte[] _destination = new byte[PushSetup.MaxDestinationLength];
        private int _destinationLength;
        private readonly CosemDateTime _now = new CosemDateTime();
        private readonly DataNotificationBuilder _builder;
        private PushState _state;
        private long _due;
        private int _attempt;
        private byte _transportService;
        private int _apduStart;
        private int _apduLength;

        /// <summary>Creates the sender of <paramref name="setup"/> (configuration time: allocates its buffers).</summary>
        /// <param name="setup">The push setup.</param>
        /// <param name="deviceLock">The meter's lock (requests and ticks hold it).</param>
        /// <param name="clock">The meter's clock: the windows and the notification's date-time.</param>
        /// <param name="timer">Monotonic milliseconds for the delays (real time).</param>
        /// <param name="entropy">Random numbers for the start delay; null = no random delay.</param>
        /// <param name="transport">TCP and UDP; null = those pushes fail.</param>
        /// <param name="serial">The serial line's channel for HDLC pushes; null = those pushes fail.</param>
        /// <param name="logicalDevice">Our logical device: the wrapper's source wPort and the HDLC source address.</param>
        /// <param name="maxApdu">The largest notification (plaintext), in bytes.</param>
        public PushSender(PushSetup setup, object deviceLock, Clock clock, ISystemClock timer, IEntropySource entropy,
            IOutboundTransport transport, DeviceChannel serial, int logicalDevice, int maxApdu)
        {
            if (setup == null || deviceLock == null || timer == null)
            {
                throw new ArgumentNullException();
            }
            if (maxApdu < 32 || maxApdu > WrapperHeader.MaxFieldValue - DataNotificationBuilder.ProtectionHeadroom - DataNotificationBuilder.ProtectionTailroom)
            {
                throw new ArgumentOutOfRangeException();
            }
            _setup = setup;
            _deviceLock = deviceLock;
            _clock = clock;
            _timer = timer;
            _entropy = entropy;
            _transport = transport;
            _serial = serial;
            _logicalDevice = logicalDevice;
            _maxApdu = maxApdu;
            _buffer = new byte[Headroom + maxApdu + Tailroom];
            _builder = new DataNotificationBuilder(maxApdu);
            ConnectTimeoutMilliseconds = DefaultConnectTimeoutMilliseconds;
        }

        /// <summary>The push setup served.</summary>
        public PushSetup Setup
        {
            get { return _setup; }
        }

        /// <summary>Where the push in progress stands.</summary>
        public PushState State
        {
            get { return _state; }
        }

        /// <summary>A pending TCP connect is given up after this long (ms).</summary>
        public int ConnectTimeoutMilliseconds { get; set; }

        /// <summary>Pushes delivered (the frame went out whole).</summary>
        public int Delivered { get; private set; }

        /// <summary>Pushes given up (retries used up, nothing to send on, or the notification could not be built).</summary>
        public int GivenUp { get; private set; }

        /// <summary>Attempts made (first tries and retries).</summary>
        public int Attempts { get; private set; }

        /// <summary>How the last notification was built (Ok, TooLong, CounterUnavailable, SecurityUnavailable).</summary>
        public PushStatus LastBuildStatus { get; private set; }

        /// <summary>The long-invoke-id of the last notification built.</summary>
        public uint LastInvokeId { get; private set; }

        /// <summary>The invocation counter of the last protected notification built.</summary>
        public uint LastInvocationCounter { get; private set; }

        /// <summary>The buffer holding the last frame built (for benchmarks and diagnostics).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Where the last APDU (protected, if it was) starts in <see cref="Buffer"/>.</summary>
        public int ApduStart
        {
            get { return _apduStart; }
        }

        /// <summary>Its length.</summary>
        public int ApduLength
        {
            get { return _apduLength; }
        }

        /// <summary>
        /// One step: takes a request, waits for the window and the delay, builds, connects,
        /// sends, retries or gives up. Call it from the device's tick (every 100 ms .. 1 s); it
        /// never blocks. Do not call it holding the meter's lock.
        /// </summary>
        public void Service()
        {
            long now = _timer.GetMonotonicMilliseconds();
            if (_state == PushState.Idle)
            {
                if (!_setup.TakeRequest())
                {
                    return;
                }
                _state = PushState.WaitingForWindow;
            }
            if (_state == PushState.WaitingForWindow)
            {
                if (!WindowOpen())
                {
                    return;
                }
                _due = now + RandomDelay(_setup.RandomisationStartInterval);
                _state = PushState.Delaying;
            }
            switch (_state)
            {
                case PushState.Delaying:
                    if (now >= _due)
                    {
                        PushStatus built = Build();
                        LastBuildStatus = built;
                        if (built != PushStatus.Ok)
                        {
                            GiveUp();
                            return;
                        }
                        _attempt = 0;
                        Attempt(now);
                    }
                    break;
                case PushState.Connecting:
                    OutboundStatus status = _transport.Poll();
                    if (status == OutboundStatus.Ready)
                    {
                        SendFrame(now);
                    }
                    else if (status != OutboundStatus.Pending || now - _due >= ConnectTimeoutMilliseconds)
                    {
                        Failed(now);
                    }
                    break;
                case PushState.RetryWait:
                    if (now >= _due)
                    {
                        Attempt(now);
                    }
                    break;
            }
        }

        /// <summary>Builds the notification of the setup now, as <see cref="Service"/> does (benchmarks, tests); takes the meter's lock.</summary>
        public PushStatus Build()
        {
            lock (_deviceLock)
            {
                int apduOffset = Headroom;
                uint invokeId = _setup.NextInvokeId();
                LastInvokeId = invokeId;
                _transportService = _setup.Transport;
                // The destination as it was when the push was built: a client may change the
                // attribute while the transport, outside the lock, still uses it.
                _destinationLength = _setup.DestinationLength;
                Array.Copy(_setup.Destination, _destination, _destinationLength);
                int length;
                PushStatus status = _builder.Write(_setup, _clock, invokeId, _buffer, apduOffset, _maxApdu, out length);
                if (status != PushStatus.Ok)
                {
                    return status;
                }
                int start = apduOffset;
                if (_setup.Security != null)
                {
                    uint counter;
                    status = DataNotificationBuilder.Protect(_setup.Security, _buffer, apduOffset, length, out start, out length, out counter);
                    if (status != PushStatus.Ok)
                    {
                        return status;
                    }
                    LastInvocationCounter = counter;
                }
                _apduStart = start;
                _apduLength = length;
                if (_transportService != PushSetup.TransportService.Hdlc)
                {
                    WrapperHeader.Write(_buffer, start - WrapperHeader.Size, _logicalDevice, _setup.DestinationWPort, length);
                }
                return PushStatus.Ok;
            }
        }

        private bool WindowOpen()
        {
            lock (_deviceLock)
            {
                if (_clock == null)
                {
                    return _setup.WindowCount == 0;
                }
                _clock.GetLocalTime(_now);
                return _setup.IsInWindow(_now);
            }
        }

        // 0 .. interval seconds, in milliseconds, from the entropy source.
        private long RandomDelay(int intervalSeconds)
        {
            if (intervalSeconds <= 0 || _entropy == null)
            {
                return 0;
            }
            _entropy.GetBytes(_random, 0, 4);
            long r = ((long)_random[0] << 24) | ((long)_random[1] << 16) | ((long)_random[2] << 8) | _random[3];
            return r % ((long)intervalSeconds * 1000 + 1);
        }

        private void Attempt(long now)
        {
            _attempt++;
            Attempts++;
            _due = now;
            if (_transportService == PushSetup.TransportService.Hdlc)
            {
                HdlcStatus sent = _serial == null ? HdlcStatus.BadParameter
                    : _serial.SendUnnumberedInformation(_setup.DestinationWPort, _logicalDevice, _buffer, _apduStart, _apduLength);
                if (sent == HdlcStatus.Ok)
                {
                    Done();
                }
                else if (sent == HdlcStatus.TooLong || sent == HdlcStatus.BadAddress)
                {
                    GiveUp(); // retrying cannot help
                }
                else
                {
                    Failed(now);
                }
                return;
            }
            if (_transport == null)
            {
                GiveUp();
                return;
            }
            OutboundProtocol protocol = _transportService == PushSetup.TransportService.Udp ? OutboundProtocol.Udp : OutboundProtocol.Tcp;
            OutboundStatus status = _transport.Open(protocol, _destination, 0, _destinationLength);
            if (status == OutboundStatus.Ready)
            {
                SendFrame(now);
            }
            else if (status == OutboundStatus.Pending)
            {
                _state = PushState.Connecting;
            }
            else if (status == OutboundStatus.Unsupported)
            {
                _transport.Close();
                GiveUp();
            }
            else
            {
                Failed(now);
            }
        }

        private void SendFrame(long now)
        {
            int start = _apduStart - WrapperHeader.Size;
            if (_transport.Send(_buffer, start, WrapperHeader.Size + _apduLength) == OutboundStatus.Ready)
            {
                _transport.Close();
                Done();
            }
            else
            {
                Failed(now);
            }
        }

        private void Failed(long now)
        {
            if (_transport != null)
            {
                _transport.Close();
            }
            if (_attempt <= _setup.NumberOfRetries)
            {
                _due = now + (long)_setup.RepetitionDelay * 1000;
                _state = PushState.RetryWait;
                return;
            }
            GiveUp();
        }

        private void Done()
        {
            Delivered++;
            _state = PushState.Idle;
        }

        private void GiveUp()
        {
            GivenUp++;
            _state = PushState.Idle;
        }
    }
}
