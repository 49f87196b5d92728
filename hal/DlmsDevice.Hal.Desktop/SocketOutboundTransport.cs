using System;
using System.Net;
using System.Net.Sockets;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// Push connections over the operating system's sockets (<see cref="IOutboundTransport"/>):
    /// TCP with a non-blocking connect that <see cref="Poll"/> completes, UDP as a connected
    /// datagram socket. Nothing blocks the caller; a destination that refuses or does not answer
    /// is reported Failed (a connect that has not completed after <see cref="ConnectTimeoutMilliseconds"/>
    /// counts as failed). Each <see cref="Open"/> creates a socket (desktop code, not the device).
    /// </summary>
    public sealed class SocketOutboundTransport : IOutboundTransport, IDisposable
    {
        private readonly byte[] _address = new byte[4];
        private Socket? _socket;
        private OutboundStatus _state;
        private long _connectStarted;

        /// <summary>How long a TCP connect may stay pending before it counts as failed (default 5000 ms).</summary>
        public int ConnectTimeoutMilliseconds { get; set; } = 5000;

        /// <summary>The remote end of the last connection opened (diagnostics).</summary>
        public IPEndPoint? RemoteEndPoint { get; private set; }

        /// <inheritdoc />
        public OutboundStatus Open(OutboundProtocol protocol, byte[] destination, int offset, int count)
        {
            Close();
            if (!OutboundDestination.TryParse(protocol, destination, offset, count, _address, out int port))
            {
                return OutboundStatus.Unsupported;
            }
            var endPoint = new IPEndPoint(new IPAddress(_address), port);
            RemoteEndPoint = endPoint;
            try
            {
                if (protocol == OutboundProtocol.Udp)
                {
                    _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    _socket.Connect(endPoint); // no packet is sent: it only fixes the peer
                    _state = OutboundStatus.Ready;
                    return _state;
                }
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false, NoDelay = true };
                _connectStarted = Environment.TickCount64;
                try
                {
                    _socket.Connect(endPoint);
                    _state = OutboundStatus.Ready;
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
                {
                    _state = OutboundStatus.Pending;
                }
            }
            catch (SocketException)
            {
                _state = OutboundStatus.Failed;
            }
            return _state;
        }

        /// <inheritdoc />
        public OutboundStatus Poll()
        {
            if (_state != OutboundStatus.Pending || _socket == null)
            {
                return _state;
            }
            try
            {
                if (_socket.Poll(0, SelectMode.SelectError) || SocketErrorOf(_socket) != 0)
                {
                    _state = OutboundStatus.Failed;
                }
                else if (_socket.Poll(0, SelectMode.SelectWrite))
                {
                    _state = OutboundStatus.Ready;
                }
                else if (Environment.TickCount64 - _connectStarted >= ConnectTimeoutMilliseconds)
                {
                    _state = OutboundStatus.Failed;
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                _state = OutboundStatus.Failed;
            }
            return _state;
        }

        /// <inheritdoc />
        public OutboundStatus Send(byte[] buffer, int offset, int count)
        {
            if (_state != OutboundStatus.Ready || _socket == null)
            {
                return OutboundStatus.Failed;
            }
            int sent = _socket.Send(buffer, offset, count, SocketFlags.None, out SocketError error);
            if (error != SocketError.Success || sent != count)
            {
                _state = OutboundStatus.Failed;
            }
            return _state;
        }

        /// <inheritdoc />
        public void Close()
        {
            Socket? socket = _socket;
            _socket = null;
            _state = OutboundStatus.Closed;
            if (socket == null)
            {
                return;
            }
            try
            {
                if (socket.Connected && socket.SocketType == SocketType.Stream)
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (SocketException)
            {
                // The peer went away first: nothing left to shut down.
            }
            socket.Dispose();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Close();
        }

        private static int SocketErrorOf(Socket socket)
        {
            object? value = socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error);
            return value is int code ? code : 0;
        }
    }
}
