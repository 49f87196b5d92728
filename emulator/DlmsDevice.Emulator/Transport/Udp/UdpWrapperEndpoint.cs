using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DlmsDevice.Emulator.Transport.EventLoop;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Wrapper;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Transport.Udp
{
    /// <summary>
    /// The wrapper over UDP (IEC 62056-47): one datagram carries one wrapper frame, the reply
    /// goes back to the sender's address and port. One socket serves one meter, or, on a port
    /// that several meters share, the meter whose wPort the datagram is sent to
    /// (<see cref="WrapperPortMap"/>). Each meter keeps its associations per peer in a
    /// <see cref="UdpSessionTable"/>.
    /// </summary>
    /// <remarks>
    /// Receiving is one asynchronous loop per socket (<see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, System.Threading.CancellationToken)"/>
    /// into one buffer and one <see cref="SocketAddress"/>, both reused), so datagrams of one socket
    /// are handled one at a time and, after warm-up, without allocating; the reply is sent at once
    /// from a buffer lent by the <see cref="BufferPool"/>.
    /// </remarks>
    public sealed class UdpWrapperEndpoint : IDisposable
    {
        private readonly Socket _socket;
        private readonly UdpSessionTable[] _tables;
        private readonly int _firstWPort;
        private readonly BufferPool _responses;
        private readonly ISystemClock _clock;
        private readonly ILogger _logger;
        private readonly byte[] _receive;
        private Task? _loop;
        private volatile bool _stopped;
        private long _datagrams;

        /// <summary>Binds <paramref name="address"/>:<paramref name="port"/> (0 = ephemeral).</summary>
        /// <param name="address">Local address.</param>
        /// <param name="port">UDP port.</param>
        /// <param name="tables">The meters: one (every datagram is for it), or those of a shared port.</param>
        /// <param name="firstWPort">On a shared port, the wPort of <paramref name="tables"/>[0] (the others follow); -1 with one meter.</param>
        /// <param name="maxApduSize">The largest APDU of the meters (sizes the receive buffer).</param>
        /// <param name="responses">Buffers for replies (at least 8 + the largest APDU + the security envelope).</param>
        /// <param name="clock">Monotonic milliseconds for the time-outs.</param>
        /// <param name="logger">For receive failures.</param>
        /// <exception cref="SocketException">The port is in use or the address is not local.</exception>
        public UdpWrapperEndpoint(IPAddress address, int port, UdpSessionTable[] tables, int firstWPort, int maxApduSize,
            BufferPool responses, ISystemClock clock, ILogger logger)
        {
            ArgumentNullException.ThrowIfNull(tables);
            if (tables.Length == 0 || (tables.Length > 1 && firstWPort < 0))
            {
                throw new ArgumentException("One meter, or a first wPort for several.", nameof(tables));
            }
            _tables = tables;
            _firstWPort = firstWPort;
            _responses = responses;
            _clock = clock;
            _logger = logger;
            // One byte more than the largest datagram the meters take: a longer one is seen as truncated.
            _receive = new byte[WrapperHeader.Size + maxApduSize + 1];
            _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                _socket.Bind(new IPEndPoint(address, port));
            }
            catch
            {
                _socket.Dispose();
                throw;
            }
            LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        }

        /// <summary>The bound address and port.</summary>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>Datagrams received so far.</summary>
        public long Datagrams => System.Threading.Interlocked.Read(ref _datagrams);

        /// <summary>Starts receiving.</summary>
        public void Start()
        {
            _loop = ReceiveLoop();
        }

        /// <summary>Ends the sessions whose peers timed out (call it periodically).</summary>
        public void Poll()
        {
            long now = _clock.GetMonotonicMilliseconds();
            foreach (UdpSessionTable table in _tables)
            {
                table.Poll(now);
            }
        }

        /// <summary>Closes the socket and ends every session.</summary>
        public void Dispose()
        {
            _stopped = true;
            _socket.Dispose();
            try
            {
                _loop?.Wait(2000);
            }
            catch (AggregateException)
            {
            }
            foreach (UdpSessionTable table in _tables)
            {
                table.CloseAll();
            }
        }

        private async Task ReceiveLoop()
        {
            SocketAddress peer = new SocketAddress(_socket.AddressFamily);
            while (!_stopped)
            {
                int count;
                bool truncated = false;
                try
                {
                    count = await _socket.ReceiveFromAsync(_receive, SocketFlags.None, peer).ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.MessageSize)
                {
                    count = _receive.Length;
                    truncated = true;
                }
                catch (SocketException ex)
                {
                    if (_stopped)
                    {
                        break;
                    }
                    _logger.LogWarning("UDP receive on {EndPoint} failed: {Error}", LocalEndPoint, ex.SocketErrorCode);
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                System.Threading.Interlocked.Increment(ref _datagrams);
                Handle(peer, count, truncated || count == _receive.Length);
            }
        }

        private void Handle(SocketAddress peer, int count, bool truncated)
        {
            UdpSessionTable? table = _tables.Length == 1 ? _tables[0] : Route(count);
            if (table == null)
            {
                return; // no meter at that wPort: ignored, as a frame for an absent station
            }
            byte[] response = _responses.Rent();
            try
            {
                int reply = table.Handle(peer, _receive, count, truncated, response, _clock.GetMonotonicMilliseconds(), out int offset);
                if (reply > 0)
                {
                    _socket.SendTo(new ReadOnlySpan<byte>(response, offset, reply), SocketFlags.None, peer);
                }
            }
            catch (SocketException)
            {
                // The peer is unreachable: nothing to do for a datagram.
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                _responses.Return(response);
            }
        }

        private UdpSessionTable? Route(int count)
        {
            int wPort = SharedPortAddress.WrapperDestination(_receive, count);
            int index = wPort - _firstWPort;
            return wPort >= 0 && index >= 0 && index < _tables.Length ? _tables[index] : null;
        }
    }
}
