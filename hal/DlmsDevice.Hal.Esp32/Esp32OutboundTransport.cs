using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// Push connections on the ESP32 (nanoFramework System.Net sockets): TCP connects on a
    /// worker thread of their own, because a blocking <c>Socket.Connect</c> to a head-end that is
    /// down would hold the main loop for lwIP's connect time-out; <see cref="Poll"/> reads the
    /// outcome. UDP sockets are connected at once (no packet is sent). Sends are blocking with a
    /// short send time-out: a push is one small frame that fits lwIP's send buffer.
    /// </summary>
    /// <remarks>
    /// Each connection creates a socket and an endpoint (the platform's objects): a push costs
    /// that much garbage on the device, outside the request path. The worker thread is started
    /// once, at construction.
    /// </remarks>
    public sealed class Esp32OutboundTransport : IOutboundTransport
    {
        private const int SendTimeoutMilliseconds = 2000;
        private const int WorkerPollMilliseconds = 20;

        private readonly object _sync = new object();
        private readonly byte[] _address = new byte[4];
        private readonly Thread _worker;
        private Socket _socket;
        private OutboundStatus _state;
        private int _port;
        private int _generation;
        private bool _connectRequested;

        /// <summary>Starts the connect thread.</summary>
        public Esp32OutboundTransport()
        {
            _worker = new Thread(Run);
            _worker.Start();
        }

        /// <inheritdoc />
        public OutboundStatus Open(OutboundProtocol protocol, byte[] destination, int offset, int count)
        {
            Close();
            int port;
            if (!OutboundDestination.TryParse(protocol, destination, offset, count, _address, out port))
            {
                return OutboundStatus.Unsupported;
            }
            lock (_sync)
            {
                _port = port;
                if (protocol == OutboundProtocol.Tcp)
                {
                    _state = OutboundStatus.Pending;
                    _connectRequested = true;
                    return _state;
                }
                try
                {
                    Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    socket.Connect(EndPoint());
                    _socket = socket;
                    _state = OutboundStatus.Ready;
                }
                catch (Exception)
                {
                    _state = OutboundStatus.Failed;
                }
                return _state;
            }
        }

        /// <inheritdoc />
        public OutboundStatus Poll()
        {
            lock (_sync)
            {
                return _state;
            }
        }

        /// <inheritdoc />
        public OutboundStatus Send(byte[] buffer, int offset, int count)
        {
            Socket socket;
            lock (_sync)
            {
                if (_state != OutboundStatus.Ready)
                {
                    return OutboundStatus.Failed;
                }
                socket = _socket;
            }
            try
            {
                while (count > 0)
                {
                    int n = socket.Send(buffer, offset, count, SocketFlags.None);
                    if (n <= 0)
                    {
                        break;
                    }
                    offset += n;
                    count -= n;
                }
            }
            catch (Exception)
            {
                count = -1;
            }
            lock (_sync)
            {
                if (count != 0)
                {
                    _state = OutboundStatus.Failed;
                }
                return _state;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            Socket socket;
            lock (_sync)
            {
                _generation++;
                _connectRequested = false;
                socket = _socket;
                _socket = null;
                _state = OutboundStatus.Closed;
            }
            if (socket != null)
            {
                socket.Close();
            }
        }

        private IPEndPoint EndPoint()
        {
            long address = _address[0] | ((long)_address[1] << 8) | ((long)_address[2] << 16) | ((long)_address[3] << 24);
            return new IPEndPoint(new IPAddress(address), _port);
        }

        // The connect thread: takes a request, connects (blocking), reports the outcome unless
        // the request was closed or replaced meanwhile.
        private void Run()
        {
            while (true)
            {
                int generation;
                IPEndPoint endPoint;
                lock (_sync)
                {
                    generation = _generation;
                    endPoint = _connectRequested ? EndPoint() : null;
                    _connectRequested = false;
                }
                if (endPoint == null)
                {
                    Thread.Sleep(WorkerPollMilliseconds);
                    continue;
                }
                Socket socket = null;
                bool connected = false;
                try
                {
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.SendTimeout = SendTimeoutMilliseconds;
                    socket.Connect(endPoint);
                    connected = true;
                }
                catch (Exception)
                {
                    connected = false;
                }
                bool keep = false;
                lock (_sync)
                {
                    if (generation == _generation && _state == OutboundStatus.Pending)
                    {
                        _state = connected ? OutboundStatus.Ready : OutboundStatus.Failed;
                        if (connected)
                        {
                            _socket = socket;
                            keep = true;
                        }
                    }
                }
                if (!keep && socket != null)
                {
                    socket.Close();
                }
            }
        }
    }
}
