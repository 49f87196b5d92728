using System;
using System.Net.Sockets;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// One accepted TCP connection (nanoFramework System.Net Socket) as a HAL byte channel.
    /// A read with time-out 0 only takes what Socket.Available says is there; a socket that
    /// polls readable with nothing to read has been closed by the peer.
    /// </summary>
    public sealed class Esp32SocketChannel : IByteChannel
    {
        private readonly Socket _socket;
        private bool _closed;
        private bool _failed;

        /// <summary>Wraps <paramref name="socket"/>.</summary>
        public Esp32SocketChannel(Socket socket)
        {
            _socket = socket;
            _socket.SendTimeout = 5000;
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_closed || _failed)
            {
                return -1;
            }
            try
            {
                int available = _socket.Available;
                if (available == 0)
                {
                    if (!_socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead))
                    {
                        return 0;
                    }
                    available = _socket.Available;
                    if (available == 0)
                    {
                        return -1; // readable with nothing to read: the peer closed
                    }
                }
                int n = _socket.Receive(buffer, offset, available < count ? available : count, SocketFlags.None);
                return n > 0 ? n : -1;
            }
            catch (Exception)
            {
                // SocketException or ObjectDisposedException: the connection is gone.
                return -1;
            }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_closed || _failed)
            {
                return;
            }
            try
            {
                while (count > 0)
                {
                    int n = _socket.Send(buffer, offset, count, SocketFlags.None);
                    if (n <= 0)
                    {
                        return;
                    }
                    offset += n;
                    count -= n;
                }
            }
            catch (Exception)
            {
                _failed = true; // the next read reports the connection closed
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            _socket.Close();
        }
    }
}
