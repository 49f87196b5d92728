using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Transport.EventLoop
{
    /// <summary>
    /// A listening TCP socket that accepts with <see cref="SocketAsyncEventArgs"/>: no thread of
    /// its own, so a process can listen on thousands of ports (a fleet's meter i on port P + i).
    /// Every accepted socket goes to the owner's callback on a thread-pool thread.
    /// </summary>
    public sealed class SocketListener : IDisposable
    {
        private readonly Socket _listener;
        private readonly SocketAsyncEventArgs _accept = new SocketAsyncEventArgs();
        private readonly Action<Socket, object?> _onAccept;
        private readonly object? _state;
        private readonly ILogger _logger;
        private volatile bool _stopped;

        /// <summary>Binds and listens on <paramref name="address"/>:<paramref name="port"/> (0 = ephemeral).</summary>
        /// <param name="address">Local address.</param>
        /// <param name="port">Port, 0 for an ephemeral one.</param>
        /// <param name="backlog">Connections the kernel queues before they are accepted.</param>
        /// <param name="onAccept">Called with each accepted socket and <paramref name="state"/>.</param>
        /// <param name="state">Passed to <paramref name="onAccept"/> (e.g. the meter of this port).</param>
        /// <param name="logger">For accept failures.</param>
        /// <exception cref="SocketException">The port is in use or the address is not local.</exception>
        public SocketListener(IPAddress address, int port, int backlog, Action<Socket, object?> onAccept, object? state, ILogger logger)
        {
            _onAccept = onAccept;
            _state = state;
            _logger = logger;
            _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _listener.Bind(new IPEndPoint(address, port));
                _listener.Listen(backlog);
            }
            catch
            {
                _listener.Dispose();
                _accept.Dispose();
                throw;
            }
            LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            _accept.Completed += OnCompleted;
        }

        /// <summary>The bound address and port.</summary>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>Starts accepting.</summary>
        public void Start()
        {
            Accept();
        }

        /// <summary>Stops accepting and closes the listening socket (accepted connections are not touched).</summary>
        public void Dispose()
        {
            _stopped = true;
            _listener.Dispose();
        }

        private void OnCompleted(object? sender, SocketAsyncEventArgs e)
        {
            if (Handle())
            {
                Accept();
            }
        }

        private void Accept()
        {
            try
            {
                while (!_stopped && !_listener.AcceptAsync(_accept))
                {
                    if (!Handle())
                    {
                        return;
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                // Stopped.
            }
        }

        // One completed accept; false when accepting must not go on now.
        private bool Handle()
        {
            Socket? socket = _accept.AcceptSocket;
            _accept.AcceptSocket = null;
            if (_accept.SocketError != SocketError.Success || socket == null)
            {
                socket?.Dispose();
                if (_stopped || _accept.SocketError == SocketError.OperationAborted)
                {
                    return false;
                }
                // Out of file descriptors, say: try again a little later rather than spin.
                _logger.LogWarning("Accept on {EndPoint} failed: {Error}", LocalEndPoint, _accept.SocketError);
                Task.Delay(100).ContinueWith(_ => Accept(), TaskScheduler.Default);
                return false;
            }
            try
            {
                _onAccept(socket, _state);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Setting up a connection on {EndPoint} failed", LocalEndPoint);
                socket.Dispose();
            }
            return true;
        }
    }
}
