using System.Net.Sockets;
using DlmsDevice.Stack;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// Writes link frames to a connected TCP socket with blocking sends (no allocation per call).
    /// A send to a connection the peer has gone away from is dropped: the read loop sees the end
    /// of the stream and closes the connection.
    /// </summary>
    public sealed class SocketByteSink : IByteSink
    {
        private readonly Socket _socket;
        private volatile bool _failed;

        /// <summary>Creates a sink over <paramref name="socket"/>.</summary>
        public SocketByteSink(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>True once a send failed (the connection is broken).</summary>
        public bool Failed
        {
            get { return _failed; }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_failed)
            {
                return;
            }
            try
            {
                while (count > 0)
                {
                    int sent = _socket.Send(buffer, offset, count, SocketFlags.None);
                    if (sent <= 0)
                    {
                        _failed = true;
                        return;
                    }
                    offset += sent;
                    count -= sent;
                }
            }
            catch (SocketException)
            {
                _failed = true;
            }
            catch (System.ObjectDisposedException)
            {
                _failed = true;
            }
        }
    }
}
