using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// A listening TCP port with its accept thread: every accepted connection is handed to the
    /// owner (the emulator, the Linux board host), which gives it a slot of the meter or refuses
    /// it. Accept waits with a poll time-out, so stopping never depends on an aborted call.
    /// </summary>
    public sealed class TcpAcceptor : IDisposable
    {
        private readonly Socket _listener;
        private readonly Action<Socket> _onAccept;
        private readonly Action<string, Exception> _onFault;
        private readonly string _name;
        private Thread? _thread;
        private volatile bool _stopping;

        /// <summary>
        /// Binds and listens on <paramref name="address"/>:<paramref name="port"/> (0 = an
        /// ephemeral port). <paramref name="onAccept"/> takes each connection;
        /// <paramref name="onFault"/> hears what went wrong (a failed accept, or
        /// <paramref name="onAccept"/> throwing, after which the connection is closed), in words
        /// and with the exception.
        /// </summary>
        /// <exception cref="SocketException">The port is in use, or the address is not this machine's.</exception>
        public TcpAcceptor(IPAddress address, int port, int backlog, string name, Action<Socket> onAccept, Action<string, Exception> onFault)
        {
            _name = name;
            _onAccept = onAccept;
            _onFault = onFault;
            _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _listener.Bind(new IPEndPoint(address, port));
                _listener.Listen(backlog);
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

        /// <summary>Starts accepting.</summary>
        public void Start()
        {
            _thread = new Thread(AcceptLoop) { IsBackground = true, Name = "dlms accept " + _name };
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
                    _onFault("Accept on " + LocalEndPoint + " failed: " + e.SocketErrorCode, e);
                    // A failure that repeats at once (no file descriptors left) must not spin.
                    Thread.Sleep(100);
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                try
                {
                    _onAccept(socket);
                }
                catch (Exception e)
                {
                    _onFault("Setting up a connection on " + LocalEndPoint + " failed", e);
                    socket.Dispose();
                }
            }
        }
    }
}
