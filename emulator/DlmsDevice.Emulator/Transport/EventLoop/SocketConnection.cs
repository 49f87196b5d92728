using System;
using System.Net.Sockets;
using System.Threading;
using DlmsDevice.Hal;
using DlmsDevice.Runtime;

namespace DlmsDevice.Emulator.Transport.EventLoop
{
    /// <summary>
    /// One accepted TCP connection served without a thread of its own: it waits for data with a
    /// zero-byte receive (<see cref="SocketAsyncEventArgs"/>, no buffer held while idle), and on
    /// each completion reads what the socket has into a buffer lent by a <see cref="BufferPool"/>
    /// and hands it to the device runtime's <see cref="DeviceChannel.Service"/>, which answers
    /// through <see cref="Write"/> before it returns. A connection has at most one receive
    /// outstanding, so its work is serialised; the requests of one meter are serialised on the
    /// meter's lock by the device runtime, as with a thread per connection.
    /// </summary>
    /// <remarks>
    /// <para>The channel drives the connection as an <see cref="IByteChannel"/>: <see cref="Read"/>
    /// returns the bytes of the completion being handled (time-out 0: nothing else), so a slot
    /// given to a newer connection in the meantime never sees this connection's bytes
    /// (<see cref="DeviceChannel.Service"/> checks its generation), and -1 once the peer is gone.</para>
    /// <para>Sends are non-blocking: a response goes straight from the link's buffer to the
    /// socket; only when the kernel's send buffer is full are the rest of the bytes copied to an
    /// overflow buffer (made on first need) and sent asynchronously. A peer that reads nothing
    /// until that buffer is full too is cut off, as a send time-out does in the threaded
    /// endpoints.</para>
    /// <para>After warm-up a completion allocates nothing (<see cref="AllocatedBytes"/> counts it
    /// per connection, the tests check it). Accepting and ending a connection allocate (the
    /// socket, this object); they are not the request path.</para>
    /// </remarks>
    public sealed class SocketConnection : IByteChannel
    {
        /// <summary>Bytes kept back between completions (a header split by TCP, the first bytes before routing).</summary>
        public const int StashSize = 16;

        /// <summary>Bytes a peer that does not read may leave unsent before the connection is closed.</summary>
        public const int OverflowSize = 16 * 1024;

        private static readonly EventHandler<SocketAsyncEventArgs> s_onReceive = (_, e) => ((SocketConnection)e.UserToken!).OnReceiveCompleted();
        private static readonly EventHandler<SocketAsyncEventArgs> s_onSend = (_, e) => ((SocketConnection)e.UserToken!).OnSendCompleted();
        private static readonly byte[] s_none = Array.Empty<byte>();

        private readonly Socket _socket;
        private readonly BufferPool _buffers;
        private readonly IConnectionOwner _owner;
        private readonly SocketAsyncEventArgs _receive = new SocketAsyncEventArgs();
        private readonly object _sendLock = new object();
        private readonly byte[] _stash = new byte[StashSize];
        private IConnectionRouter? _router;
        private DeviceChannel? _channel;
        private WrapperInboundRewriter? _rewriter;
        private SocketAsyncEventArgs? _send;
        private byte[]? _overflow;
        private int _overflowStart;
        private int _overflowCount;
        private bool _sending;
        private int _stashCount;
        private byte[]? _pending;
        private int _pendingCount;
        private volatile bool _peerGone;
        private int _closed;
        private int _finished;
        private long _allocated;
        private long _turns;

        /// <summary>Wraps an accepted <paramref name="socket"/> (made non-blocking, no Nagle delay); nothing runs until <see cref="Start(DeviceChannel)"/>.</summary>
        public SocketConnection(Socket socket, BufferPool buffers, IConnectionOwner owner)
        {
            _socket = socket ?? throw new ArgumentNullException(nameof(socket));
            _buffers = buffers ?? throw new ArgumentNullException(nameof(buffers));
            _owner = owner ?? throw new ArgumentNullException(nameof(owner));
            _socket.NoDelay = true;
            _socket.Blocking = false;
            RemoteEndPoint = socket.RemoteEndPoint?.ToString() ?? "?";
            AcceptedAt = Environment.TickCount64;
            _receive.SetBuffer(s_none, 0, 0);
            _receive.UserToken = this;
            _receive.Completed += s_onReceive;
        }

        /// <summary>The peer's address (for logs).</summary>
        public string RemoteEndPoint { get; }

        /// <summary>When the connection was accepted (<see cref="Environment.TickCount64"/>).</summary>
        public long AcceptedAt { get; }

        /// <summary>The slot serving this connection; null until it is routed.</summary>
        public DeviceChannel? Channel => _channel;

        /// <summary>What the owner attached to the connection (the meter it serves, for logs).</summary>
        public object? Tag { get; set; }

        /// <summary>
        /// <see cref="GC.GetAllocatedBytesForCurrentThread"/> summed over every receive completion
        /// this connection handled (reading, the link, the session, the objects, the answer's
        /// send), stored before <see cref="Turns"/> is incremented.
        /// </summary>
        public long AllocatedBytes => Interlocked.Read(ref _allocated);

        /// <summary>Receive completions handled so far.</summary>
        public long Turns => Interlocked.Read(ref _turns);

        /// <summary>True once the connection has ended and given back everything.</summary>
        public bool IsFinished => Volatile.Read(ref _finished) != 0;

        /// <summary>Starts serving in <paramref name="channel"/> (a slot this connection is attached to).</summary>
        public void Start(DeviceChannel channel)
        {
            _channel = channel ?? throw new ArgumentNullException(nameof(channel));
            Begin();
        }

        /// <summary>Starts with the first bytes going to <paramref name="router"/>, which picks the slot.</summary>
        public void Start(IConnectionRouter router)
        {
            _router = router ?? throw new ArgumentNullException(nameof(router));
            Begin();
        }

        /// <summary>Called by a router from <see cref="IConnectionRouter.Route"/>: the slot that serves the connection from now on, and the wPort rewriting of a shared port (null = none).</summary>
        public void Attach(DeviceChannel channel, WrapperInboundRewriter? rewriter)
        {
            _channel = channel ?? throw new ArgumentNullException(nameof(channel));
            _rewriter = rewriter;
        }

        /// <inheritdoc />
        /// <remarks>The bytes of the completion being handled; 0 otherwise; -1 once the peer is gone or the connection closed.</remarks>
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_peerGone || Volatile.Read(ref _closed) != 0)
            {
                return -1;
            }
            if (_pendingCount > 0 && buffer == _pending && offset == 0 && count >= _pendingCount)
            {
                int n = _pendingCount;
                _pendingCount = 0;
                return n;
            }
            return 0;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (Volatile.Read(ref _closed) != 0 || count <= 0)
            {
                return;
            }
            _rewriter?.Outbound(buffer, offset, count);
            lock (_sendLock)
            {
                if (_overflowCount > 0)
                {
                    Queue(buffer, offset, count);
                    return;
                }
                int sent = 0;
                while (sent < count)
                {
                    int n;
                    SocketError error;
                    try
                    {
                        n = _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None, out error);
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    if (error == SocketError.WouldBlock)
                    {
                        break;
                    }
                    if (error != SocketError.Success)
                    {
                        Fail();
                        return;
                    }
                    sent += n;
                }
                if (sent < count)
                {
                    Queue(buffer, offset + sent, count - sent);
                    SendOverflow();
                }
            }
        }

        /// <inheritdoc />
        /// <remarks>Safe from any thread and more than once: the socket is closed, a pending receive ends, the connection finishes.</remarks>
        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
            {
                return;
            }
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
            }
            _socket.Dispose();
        }

        private void Begin()
        {
            if (!Arm())
            {
                Finish();
            }
        }

        private void OnReceiveCompleted()
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            bool open = Turn() && Arm();
            Interlocked.Add(ref _allocated, GC.GetAllocatedBytesForCurrentThread() - start);
            Interlocked.Increment(ref _turns);
            if (!open)
            {
                Finish();
            }
        }

        // Waits for the next data; completions that happen at once are handled here. False = ended.
        private bool Arm()
        {
            try
            {
                while (!_socket.ReceiveAsync(_receive))
                {
                    if (!Turn())
                    {
                        return false;
                    }
                }
                return true;
            }
            catch (ObjectDisposedException)
            {
                return Gone();
            }
        }

        // Handles one completion: everything the socket has now. False = the connection ended.
        private bool Turn()
        {
            if (_receive.SocketError != SocketError.Success)
            {
                return Gone();
            }
            byte[] buffer = _buffers.Rent();
            try
            {
                while (true)
                {
                    int kept = _stashCount;
                    if (kept > 0)
                    {
                        Buffer.BlockCopy(_stash, 0, buffer, 0, kept);
                    }
                    int n;
                    SocketError error;
                    try
                    {
                        n = _socket.Receive(buffer, kept, buffer.Length - kept, SocketFlags.None, out error);
                    }
                    catch (ObjectDisposedException)
                    {
                        return Gone();
                    }
                    if (error == SocketError.WouldBlock)
                    {
                        return true; // all read; the kept bytes stay in the stash
                    }
                    if (error != SocketError.Success || n == 0)
                    {
                        return Gone();
                    }
                    _stashCount = 0;
                    int count = kept + n;
                    if (_channel == null)
                    {
                        RouteResult route = _router!.Route(this, buffer, count);
                        if (route == RouteResult.NeedMore && count <= StashSize)
                        {
                            Buffer.BlockCopy(buffer, 0, _stash, 0, count);
                            _stashCount = count;
                            continue;
                        }
                        if (route != RouteResult.Routed || _channel == null)
                        {
                            Close();
                            return Gone();
                        }
                    }
                    if (_rewriter != null)
                    {
                        count = _rewriter.Inbound(buffer, count, _stash, out _stashCount);
                    }
                    if (count > 0 && !Feed(buffer, count))
                    {
                        return false;
                    }
                }
            }
            finally
            {
                _buffers.Return(buffer);
            }
        }

        // The channel reads the bytes through Read (checking it still serves this connection).
        private bool Feed(byte[] buffer, int count)
        {
            _pending = buffer;
            _pendingCount = count;
            ChannelStatus status = _channel!.Service(buffer, 0);
            _pending = null;
            _pendingCount = 0;
            return status == ChannelStatus.Open && Volatile.Read(ref _closed) == 0 && _channel.Connection == this;
        }

        // The peer closed, the socket failed or was closed: the channel closes its stream if it
        // still serves this connection (Read returns -1 to it), generation-safe.
        private bool Gone()
        {
            _peerGone = true;
            if (_channel != null)
            {
                _channel.Service(s_none, 0);
            }
            Close();
            return false;
        }

        private void Finish()
        {
            if (Interlocked.Exchange(ref _finished, 1) != 0)
            {
                return;
            }
            Close();
            _receive.Dispose();
            lock (_sendLock)
            {
                _send?.Dispose();
            }
            _owner.Finished(this);
        }

        private void Fail()
        {
            // Cut off like a send time-out: the pending receive ends and the channel closes.
            _peerGone = true;
            Close();
        }

        // Under _sendLock.
        private void Queue(byte[] buffer, int offset, int count)
        {
            _overflow ??= new byte[OverflowSize];
            if (_overflowStart + _overflowCount + count > OverflowSize && !_sending)
            {
                Buffer.BlockCopy(_overflow, _overflowStart, _overflow, 0, _overflowCount);
                _overflowStart = 0;
            }
            if (_overflowStart + _overflowCount + count > OverflowSize)
            {
                Fail();
                return;
            }
            Buffer.BlockCopy(buffer, offset, _overflow, _overflowStart + _overflowCount, count);
            _overflowCount += count;
        }

        // Under _sendLock: sends the overflow asynchronously unless a send is under way.
        private void SendOverflow()
        {
            if (_sending)
            {
                return;
            }
            if (_send == null)
            {
                _send = new SocketAsyncEventArgs();
                _send.UserToken = this;
                _send.Completed += s_onSend;
            }
            try
            {
                while (_overflowCount > 0 && Volatile.Read(ref _closed) == 0)
                {
                    _sending = true;
                    _send.SetBuffer(_overflow, _overflowStart, _overflowCount);
                    if (_socket.SendAsync(_send))
                    {
                        return; // OnSendCompleted goes on
                    }
                    _sending = false;
                    if (!Sent())
                    {
                        return;
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                _sending = false;
            }
        }

        private void OnSendCompleted()
        {
            lock (_sendLock)
            {
                _sending = false;
                if (Sent())
                {
                    SendOverflow();
                }
            }
        }

        // Under _sendLock: takes the result of one send. False = the connection failed.
        private bool Sent()
        {
            if (_send!.SocketError != SocketError.Success)
            {
                Fail();
                return false;
            }
            _overflowStart += _send.BytesTransferred;
            _overflowCount -= _send.BytesTransferred;
            if (_overflowCount == 0)
            {
                _overflowStart = 0;
            }
            return true;
        }
    }
}
