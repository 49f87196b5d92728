using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// One slot for a byte stream: an application session, its link (HDLC or wrapper), and the
    /// stream attached to it now. Built once at start-up and reused for every connection it
    /// serves, so accepting a connection allocates nothing. Bytes in (<see cref="Receive"/> or
    /// <see cref="Service"/>), bytes out on the attached stream, time through <see cref="Poll"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>Closing.</b> The channel closes its stream (and frees the slot) when the peer
    /// closes it; on a TCP connection also when the link's inactivity time-out fires (wrapper:
    /// the TCP-UDP setup's inactivity_time_out without a byte; HDLC: the link dropped to NDM),
    /// when the wrapper stream breaks, and when no application association was made within
    /// <see cref="ChannelSettings.AssociationTimeoutMilliseconds"/> of the connection opening.
    /// A serial line is never closed by the channel: the HDLC time-out only ends the link.</para>
    /// <para><b>Threads.</b> A host may serve each channel from its own thread (blocking reads
    /// in <see cref="Service"/>) or all channels from one loop (reads with time-out 0). The
    /// application layer runs under the device's lock (<see cref="SerializedApduHandler"/>);
    /// the link and the slot's state under the channel's own lock, so a slow peer holds up its
    /// channel only. <see cref="Close(CloseReason)"/> may come from another thread: it closes
    /// the stream first, which makes a read or a write blocked on it return.</para>
    /// </remarks>
    public sealed class DeviceChannel
    {
        private readonly object _sync = new object();
        private readonly ChannelKind _kind;
        private readonly IApduHandler _session;
        private readonly IServerLink _link;
        private readonly AttachedStream _stream = new AttachedStream();
        private readonly ISystemClock _clock;
        private readonly int _associationTimeout;
        private int _generation;
        private long _openedAt;
        private bool _associatedOnce;
        private CloseReason _closeReason;
        private CloseReason _closing;
        private int _lastReceived;

        /// <summary>Builds a free slot of <paramref name="kind"/> around <paramref name="session"/>, its link from <paramref name="settings"/>.</summary>
        /// <param name="kind">The stream and link it serves.</param>
        /// <param name="session">The application layer of this slot (an <see cref="ApplicationSession"/> of the meter's server).</param>
        /// <param name="deviceLock">The lock every request of the meter holds (the engine's).</param>
        /// <param name="settings">Link sizes and time-outs.</param>
        /// <param name="clock">Monotonic milliseconds for the link timers.</param>
        public DeviceChannel(ChannelKind kind, IApduHandler session, object deviceLock, ChannelSettings settings, ISystemClock clock)
        {
            if (session == null || deviceLock == null || settings == null || clock == null)
            {
                throw new ArgumentNullException();
            }
            _kind = kind;
            _clock = clock;
            _session = session;
            IApduHandler handler = new SerializedApduHandler(_session, deviceLock);
            if (kind == ChannelKind.TcpWrapper)
            {
                _link = new WrapperServerChannel(settings.MaxApduSize, settings.WrapperInactivityMilliseconds, handler, _stream);
            }
            else
            {
                if (settings.Hdlc == null)
                {
                    throw new ArgumentException();
                }
                _link = new HdlcServerLink(settings.Hdlc, handler, _stream);
            }
            _associationTimeout = kind == ChannelKind.SerialHdlc ? 0 : settings.AssociationTimeoutMilliseconds;
        }

        /// <summary>The stream and link this slot serves.</summary>
        public ChannelKind Kind
        {
            get { return _kind; }
        }

        /// <summary>The application layer (association state) of this slot.</summary>
        public IApduHandler Session
        {
            get { return _session; }
        }

        /// <summary>The link (an <see cref="HdlcServerLink"/> or a <see cref="WrapperServerChannel"/>).</summary>
        public IServerLink Link
        {
            get { return _link; }
        }

        /// <summary>The stream attached now; null when the slot is free.</summary>
        public IByteChannel Connection
        {
            get { return _stream.Target; }
        }

        /// <summary>True while a stream is attached.</summary>
        public bool IsAttached
        {
            get { return _stream.Target != null; }
        }

        /// <summary>True while an application association is established on this channel.</summary>
        public bool IsAssociated
        {
            get { return _stream.Target != null && _session.IsAssociated; }
        }

        /// <summary>When the attached stream opened (the link clock's milliseconds).</summary>
        public long OpenedAt
        {
            get { return _openedAt; }
        }

        /// <summary>Bytes the last <see cref="Service"/> read and handled (0 after a read that timed out).</summary>
        public int LastReceived
        {
            get { return _lastReceived; }
        }

        /// <summary>Why the last stream was closed (kept after a new one is attached, for the log of the old one's host).</summary>
        public CloseReason LastCloseReason
        {
            get { return _closeReason; }
        }

        /// <summary>
        /// Counts attachments and closes: a host that remembers it can tell whether the stream it
        /// served is still the one attached.
        /// </summary>
        public int Generation
        {
            get { return _generation; }
        }

        /// <summary>Attaches <paramref name="connection"/> to this free slot: a new stream, no link, no association yet.</summary>
        /// <returns>False when a stream is attached already.</returns>
        public bool Attach(IByteChannel connection)
        {
            if (connection == null)
            {
                throw new ArgumentNullException();
            }
            lock (_sync)
            {
                if (_stream.Target != null)
                {
                    return false;
                }
                long now = _clock.GetMonotonicMilliseconds();
                _stream.Target = connection;
                _generation++;
                _openedAt = now;
                _associatedOnce = false;
                _link.Open(now);
                return true;
            }
        }

        /// <summary>Handles bytes read from the attached stream; answers go out on it before this returns.</summary>
        public ChannelStatus Receive(byte[] data, int offset, int count)
        {
            lock (_sync)
            {
                if (_stream.Target == null)
                {
                    return ChannelStatus.Closed;
                }
                long now = _clock.GetMonotonicMilliseconds();
                return After(_link.Receive(data, offset, count, now), now);
            }
        }

        /// <summary>Lets time pass: the link's inactivity time-out and the association time-out. Call it periodically (every 100 ms .. 1 s).</summary>
        public ChannelStatus Poll()
        {
            lock (_sync)
            {
                if (_stream.Target == null)
                {
                    return ChannelStatus.Closed;
                }
                long now = _clock.GetMonotonicMilliseconds();
                return After(_link.Poll(now), now);
            }
        }

        /// <summary>
        /// One turn of the channel's loop: reads what the attached stream has (waiting at most
        /// <paramref name="timeoutMilliseconds"/>, outside any lock), handles it, polls the timers.
        /// </summary>
        /// <param name="buffer">Read buffer of the caller (one per thread that serves channels).</param>
        /// <param name="timeoutMilliseconds">How long the read may wait; 0 for a loop that serves many channels.</param>
        /// <returns><see cref="ChannelStatus.Closed"/> once the stream this call read from is closed (by the peer, a time-out, eviction or the host).</returns>
        public ChannelStatus Service(byte[] buffer, int timeoutMilliseconds)
        {
            IByteChannel connection;
            int generation;
            lock (_sync)
            {
                connection = _stream.Target;
                generation = _generation;
            }
            if (connection == null)
            {
                return ChannelStatus.Closed;
            }
            int n = connection.Read(buffer, 0, buffer.Length, timeoutMilliseconds);
            lock (_sync)
            {
                _lastReceived = n > 0 ? n : 0;
                if (_generation != generation)
                {
                    return ChannelStatus.Closed; // closed (and maybe given to another stream) meanwhile
                }
                if (n < 0)
                {
                    return CloseLocked(CloseReason.ClosedByPeer);
                }
                long now = _clock.GetMonotonicMilliseconds();
                if (n > 0 && After(_link.Receive(buffer, 0, n, now), now) == ChannelStatus.Closed)
                {
                    return ChannelStatus.Closed;
                }
                return After(_link.Poll(now), now);
            }
        }

        /// <summary>
        /// Closes the attached stream for <paramref name="reason"/> and frees the slot; the
        /// association on it ends. Safe from any thread and when nothing is attached.
        /// </summary>
        public void Close(CloseReason reason)
        {
            // Close the stream first, without the channel's lock: a thread blocked reading or
            // writing it (and holding the lock for a write) gets out at once.
            IByteChannel connection = _stream.Target;
            if (connection == null)
            {
                return;
            }
            // The serving thread may see the closed stream first: it closes with this reason.
            _closing = reason;
            connection.Close();
            lock (_sync)
            {
                if (_stream.Target == connection)
                {
                    CloseLocked(reason);
                }
            }
        }

        /// <summary>
        /// Sends an APDU (a push) in one HDLC UI frame on the attached stream, whatever the link's
        /// state (IEC 62056-46 UI frame; <see cref="HdlcServerLink.SendUnnumberedInformation"/>):
        /// to client address <paramref name="clientSap"/> from <paramref name="serverLogicalAddress"/>
        /// with our physical address, in the 4-byte server address form. The APDU is framed in
        /// place: <see cref="HdlcServerLink.ResponseHeadroom"/> bytes in front of it and
        /// <see cref="HdlcServerLink.ResponseTailroom"/> after it. Takes the channel's lock only.
        /// </summary>
        /// <returns>Ok; BadParameter when this is not an HDLC channel or nothing is attached; the link's status otherwise (TooLong: more than one frame).</returns>
        public HdlcStatus SendUnnumberedInformation(int clientSap, int serverLogicalAddress, byte[] buffer, int apduOffset, int apduCount)
        {
            lock (_sync)
            {
                HdlcServerLink link = _link as HdlcServerLink;
                if (link == null || _stream.Target == null)
                {
                    return HdlcStatus.BadParameter;
                }
                return link.SendUnnumberedInformation(clientSap, serverLogicalAddress, 4, buffer, apduOffset, apduCount);
            }
        }

        private ChannelStatus After(LinkStatus status, long now)
        {
            if (status == LinkStatus.Broken)
            {
                return CloseLocked(CloseReason.Broken);
            }
            if (status == LinkStatus.TimedOut && _kind != ChannelKind.SerialHdlc)
            {
                return CloseLocked(CloseReason.Inactivity);
            }
            if (!_associatedOnce)
            {
                if (_session.IsAssociated)
                {
                    _associatedOnce = true;
                }
                else if (_associationTimeout > 0 && now - _openedAt >= _associationTimeout)
                {
                    return CloseLocked(CloseReason.NoAssociation);
                }
            }
            return ChannelStatus.Open;
        }

        private ChannelStatus CloseLocked(CloseReason reason)
        {
            IByteChannel connection = _stream.Target;
            _link.Close();
            _stream.Target = null;
            _generation++;
            _closeReason = _closing != CloseReason.None ? _closing : reason;
            _closing = CloseReason.None;
            if (connection != null)
            {
                connection.Close();
            }
            return ChannelStatus.Closed;
        }
    }
}
