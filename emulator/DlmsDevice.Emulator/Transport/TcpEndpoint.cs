using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// A listening TCP socket with an accept thread; every accepted connection is handed to the
    /// owner. Accept waits with a poll time-out so that stopping never depends on an aborted call.
    /// </summary>
    public sealed class TcpEndpoint : IDisposable
    {
        private readonly Socket _listener;
        private readonly ChannelKind _kind;
        private readonly Action<Socket, ChannelKind> _onAccept;
        private readonly ILogger _logger;
        private Thread? _thread;
        private volatile bool _stopping;

        /// <summary>Binds and listens on <paramref name="address"/>:<paramref name="port"/> (0 = ephemeral).</summary>
        /// <exception cref="SocketException">The port is in use or the address is not local.</exception>
        public TcpEndpoint(IPAddress address, int port, ChannelKind kind, Action<Socket, ChannelKind> onAccept, ILogger logger)
        {
            _kind = kind;
            _onAccept = onAccept;
            _logger = logger;
            _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _listener.Bind(new IPEndPoint(address, port));
                _listener.Listen(128);
            }
            catch
            {
                _listener.Dispose();
                throw;
            }
            LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        }

        /// <summary>The bound address and port (the real port when 0 was asked).</summary>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>The link layer every connection on this endpoint carries.</summary>
        public ChannelKind Kind
        {
            get { return _kind; }
        }

        /// <summary>Starts accepting.</summary>
        public void Start()
        {
            _thread = new Thread(AcceptLoop);
            _thread.IsBackground = true;
            _thread.Name = "dlms-accept-" + _kind;
            _thread.Start();
        }

        /// <summary>Stops accepting and closes the listening socket (open connections are not touched).</summary>
        public void Dispose()
        {
            _stopping = true;
            _thread?.Join(2000);
            _listener.Dispose();
        }

        private void AcceptLoop()
        {
            while (!_stopping)
            {
                Socket socket;
                try
                {
                    if (!_listener.Poll(200_000, SelectMode.SelectRead))
                    {
                        continue;
                    }
                    socket = _listener.Accept();
                }
                catch (SocketException ex)
                {
                    if (_stopping)
                    {
                        break;
                    }
                    _logger.LogWarning("Accept on {EndPoint} failed: {Error}", LocalEndPoint, ex.SocketErrorCode);
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                try
                {
                    _onAccept(socket, _kind);
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Setting up a connection from {Remote} failed", socket.RemoteEndPoint);
                    socket.Dispose();
                }
            }
        }
    }
}
