using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.LinuxMeter.Serving
{
    /// <summary>
    /// A listening TCP port with its accept thread: each connection is handed to the owner, which
    /// gives it a slot of the meter (or refuses it). Accept waits with a poll time-out, so
    /// stopping never depends on an aborted call.
    /// </summary>
    public sealed class TcpAcceptor : IDisposable
    {
        private readonly Socket _listener;
        private readonly Action<Socket, ChannelKind> _onAccept;
        private readonly ILogger _logger;
        private Thread? _thread;
        private volatile bool _stopping;

        /// <summary>Binds and listens on <paramref name="address"/>:<paramref name="port"/> (0 = an ephemeral port).</summary>
        /// <exception cref="SocketException">The port is in use, or the address is not this machine's.</exception>
        public TcpAcceptor(IPAddress address, int port, ChannelKind kind, Action<Socket, ChannelKind> onAccept, ILogger logger)
        {
            Kind = kind;
            _onAccept = onAccept;
            _logger = logger;
            _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _listener.Bind(new IPEndPoint(address, port));
                _listener.Listen(32);
            }
            catch
            {
                _listener.Dispose();
                throw;
            }
            LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        }

        /// <summary>The link layer every connection on this port carries.</summary>
        public ChannelKind Kind { get; }

        /// <summary>The bound address and port.</summary>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>Starts accepting.</summary>
        public void Start()
        {
            _thread = new Thread(AcceptLoop) { IsBackground = true, Name = "dlms accept " + Kind };
            _thread.Start();
        }

        /// <summary>Stops accepting and closes the port (open connections are not touched).</summary>
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
                catch (SocketException e)
                {
                    if (_stopping)
                    {
                        break;
                    }
                    _logger.LogWarning("Accept on {EndPoint} failed: {Error}", LocalEndPoint, e.SocketErrorCode);
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                try
                {
                    _onAccept(socket, Kind);
                }
                catch (Exception e)
                {
                    _logger.LogError(e, "Setting up a connection on {EndPoint} failed", LocalEndPoint);
                    socket.Dispose();
                }
            }
        }
    }
}
