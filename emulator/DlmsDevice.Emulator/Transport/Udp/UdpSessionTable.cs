using System;
using System.Net;
using DlmsDevice.Emulator.Transport.EventLoop;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Emulator.Transport.Udp
{
    /// <summary>
    /// One meter's associations over the UDP wrapper (IEC 62056-47): UDP has no connection, so a
    /// session belongs to a peer, the client's (address, port), from its first datagram until it
    /// has been silent for the inactivity time-out (the TCP-UDP setup's inactivity_time_out, as on
    /// TCP), or, while it has never associated, for the association time-out. Sessions come from
    /// the meter's server when a new peer first needs one (up to <see cref="Capacity"/>) and are
    /// reused after; when all are taken, the oldest peer that never associated gives way, and
    /// when every one has associated, the datagram of a new peer is ignored.
    /// </summary>
    /// <remarks>
    /// Datagrams with a bad header (version, a length that is not the datagram's) are ignored
    /// without taking a session, as IEC 62056-47 discards them; one whose APDU is longer than the
    /// meter takes is answered pdu-too-long (ExceptionResponse <c>D8 01 04</c>), as on TCP. Every
    /// call into a session holds the meter's lock. After warm-up nothing here allocates.
    /// </remarks>
    public sealed class UdpSessionTable
    {
        private readonly object _sync = new object();
        private readonly object _meterLock;
        private readonly Func<IApduHandler> _createSession;
        private readonly int _maxApduSize;
        private readonly int _inactivity;
        private readonly int _associationTimeout;
        private readonly int _meterWPort;
        private readonly IApduHandler?[] _sessions;
        private readonly SocketAddress?[] _peers;
        private readonly long[] _lastActivity;
        private readonly long[] _openedAt;
        private readonly bool[] _associatedOnce;
        private int _created;

        /// <summary>A table of up to <paramref name="capacity"/> sessions of one meter.</summary>
        /// <param name="meterLock">The lock every request of the meter holds.</param>
        /// <param name="createSession">Makes a session of the meter's server (called once per session, when first needed).</param>
        /// <param name="capacity">Peers served at once, 1..1024.</param>
        /// <param name="maxApduSize">The largest APDU the meter takes and sends.</param>
        /// <param name="inactivityMilliseconds">A peer silent this long loses its session (0 = never).</param>
        /// <param name="associationMilliseconds">A peer that has not associated this long after its first datagram loses its session (0 = never).</param>
        /// <param name="meterWPort">The destination wPort the meter answers at: 1, or its own wPort on a shared port (<see cref="WrapperPortMap"/>).</param>
        public UdpSessionTable(object meterLock, Func<IApduHandler> createSession, int capacity, int maxApduSize,
            int inactivityMilliseconds, int associationMilliseconds, int meterWPort)
        {
            ArgumentNullException.ThrowIfNull(meterLock);
            ArgumentNullException.ThrowIfNull(createSession);
            ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
            _meterLock = meterLock;
            _createSession = createSession;
            _maxApduSize = maxApduSize;
            _inactivity = inactivityMilliseconds;
            _associationTimeout = associationMilliseconds;
            _meterWPort = meterWPort;
            _sessions = new IApduHandler?[capacity];
            _peers = new SocketAddress?[capacity];
            _lastActivity = new long[capacity];
            _openedAt = new long[capacity];
            _associatedOnce = new bool[capacity];
        }

        /// <summary>Peers served at once.</summary>
        public int Capacity => _sessions.Length;

        /// <summary>Peers with a session now.</summary>
        public int ActivePeers
        {
            get
            {
                lock (_sync)
                {
                    int n = 0;
                    foreach (SocketAddress? peer in _peers)
                    {
                        if (peer != null && peer.Size > 0)
                        {
                            n++;
                        }
                    }
                    return n;
                }
            }
        }

        /// <summary>
        /// Handles one datagram of <paramref name="peer"/>: finds or gives it a session, passes the
        /// APDU to it and builds the reply datagram in <paramref name="response"/>.
        /// </summary>
        /// <param name="peer">The sender's address and port.</param>
        /// <param name="datagram">The datagram (changed in place on a shared port).</param>
        /// <param name="count">Its size.</param>
        /// <param name="truncated">True when the datagram did not fit the receive buffer (its APDU is too long).</param>
        /// <param name="response">Room for the reply.</param>
        /// <param name="now">Monotonic milliseconds.</param>
        /// <param name="replyOffset">Where the reply starts.</param>
        /// <returns>The reply's size; 0 = nothing to send.</returns>
        public int Handle(SocketAddress peer, byte[] datagram, int count, bool truncated, byte[] response, long now, out int replyOffset)
        {
            replyOffset = 0;
            if (WrapperHeader.TryRead(datagram, 0, count, out _, out _, out int apduLength) != WrapperStatus.Ok
                || (!truncated && count != WrapperHeader.Size + apduLength) || apduLength == 0)
            {
                return 0; // not a wrapper datagram, or no APDU: ignored, no session taken
            }
            lock (_sync)
            {
                int slot = Find(peer, now);
                if (slot < 0)
                {
                    return 0;
                }
                _lastActivity[slot] = now;
                IApduHandler session = _sessions[slot]!;
                if (_meterWPort != WrapperPortMap.ManagementLogicalDevice)
                {
                    WrapperPortMap.ToMeter(datagram, 0, _meterWPort);
                }
                int replyCount;
                lock (_meterLock)
                {
                    if (truncated)
                    {
                        replyCount = TooLong(session, datagram, response);
                    }
                    else
                    {
                        WrapperDatagram.Handle(session, _maxApduSize, datagram, 0, count, response, 0, out replyOffset, out replyCount);
                    }
                    if (session.IsAssociated)
                    {
                        _associatedOnce[slot] = true;
                    }
                }
                if (replyCount > 0 && _meterWPort != WrapperPortMap.ManagementLogicalDevice)
                {
                    WrapperPortMap.ToClient(response, replyOffset, _meterWPort);
                }
                return replyCount;
            }
        }

        /// <summary>Ends the sessions of peers silent for the inactivity time-out, or not associated within the association time-out.</summary>
        public void Poll(long now)
        {
            lock (_sync)
            {
                for (int i = 0; i < _peers.Length; i++)
                {
                    SocketAddress? peer = _peers[i];
                    if (peer == null || peer.Size == 0)
                    {
                        continue;
                    }
                    bool silent = _inactivity > 0 && now - _lastActivity[i] >= _inactivity;
                    bool neverAssociated = !_associatedOnce[i] && _associationTimeout > 0 && now - _openedAt[i] >= _associationTimeout;
                    if (silent || neverAssociated)
                    {
                        Release(i);
                    }
                }
            }
        }

        /// <summary>Ends every session (shutdown).</summary>
        public void CloseAll()
        {
            lock (_sync)
            {
                for (int i = 0; i < _peers.Length; i++)
                {
                    if (_peers[i] != null && _peers[i]!.Size > 0)
                    {
                        Release(i);
                    }
                }
            }
        }

        // Under _sync: the slot of `peer`, a free one, one made now, or that of the oldest peer
        // that never associated; -1 when every slot holds an association.
        private int Find(SocketAddress peer, long now)
        {
            int free = -1;
            for (int i = 0; i < _peers.Length; i++)
            {
                SocketAddress? known = _peers[i];
                if (known != null && known.Size > 0)
                {
                    if (known.Equals(peer))
                    {
                        return i;
                    }
                }
                else if (free < 0 && _sessions[i] != null)
                {
                    free = i;
                }
            }
            if (free < 0 && _created < _sessions.Length)
            {
                free = _created++;
                _sessions[free] = _createSession();
            }
            if (free < 0)
            {
                free = OldestWithoutAssociation();
                if (free < 0)
                {
                    return -1;
                }
                Release(free);
            }
            SocketAddress? slot = _peers[free];
            if (slot == null || slot.Buffer.Length < peer.Size)
            {
                slot = new SocketAddress(peer.Family, peer.Buffer.Length);
                _peers[free] = slot;
            }
            peer.Buffer.Span.Slice(0, peer.Size).CopyTo(slot.Buffer.Span);
            slot.Size = peer.Size;
            _openedAt[free] = now;
            _associatedOnce[free] = false;
            return free;
        }

        private int OldestWithoutAssociation()
        {
            int oldest = -1;
            for (int i = 0; i < _peers.Length; i++)
            {
                if (_peers[i] != null && _peers[i]!.Size > 0 && !_sessions[i]!.IsAssociated && (oldest < 0 || _openedAt[i] < _openedAt[oldest]))
                {
                    oldest = i;
                }
            }
            return oldest;
        }

        // Under _sync: the peer's association ends; the session waits for the next peer.
        private void Release(int slot)
        {
            lock (_meterLock)
            {
                _sessions[slot]!.LinkClosed();
            }
            _peers[slot]!.Size = 0;
        }

        // A datagram longer than the receive buffer: pdu-too-long from the session, as on TCP.
        private int TooLong(IApduHandler session, byte[] datagram, byte[] response)
        {
            WrapperHeader.TryRead(datagram, 0, WrapperHeader.Size, out int source, out int destination, out _);
            int length = session.HandleApduTooLong(source, destination, response, WrapperHeader.Size, response.Length - WrapperHeader.Size);
            if (length <= 0)
            {
                return 0;
            }
            WrapperHeader.Write(response, 0, destination, source, length);
            return WrapperHeader.Size + length;
        }
    }
}
