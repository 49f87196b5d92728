using System.Net.Sockets;
using DlmsDevice.Stack;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// Writes link frames to a connected TCP socket with blocking sends (no allocation per call).
    /// A send to a connection the peer has gone away from is dropped: the read loop sees the end
    /// of the stream and closes the connection.
    /// </summary>
    /// <remarks>
    /// Sends time out (<see cref="Socket.SendTimeout"/>): a peer that stops reading fills the
    /// socket buffers, and without a time-out the connection's thread would block in the send
    /// for good. A send that times out marks the sink failed, like a broken connection; the
    /// channel's next read reports the end of the stream and the connection is closed.
    /// </remarks>
    public sealed class SocketByteSink : IByteSink
    {
        /// <summary>How long one send may block before the connection is given up (ms).</summary>
        public const int DefaultSendTimeoutMilliseconds = 5000;

        private readonly Socket _socket;
        private volatile bool _failed;

        /// <summary>Creates a sink over <paramref name="socket"/> with the default send time-out.</summary>
        public SocketByteSink(Socket socket)
            : this(socket, DefaultSendTimeoutMilliseconds)
        {
        }

        /// <summary>Creates a sink over <paramref name="socket"/> whose sends give up after <paramref name="sendTimeoutMilliseconds"/>.</summary>
        public SocketByteSink(Socket socket, int sendTimeoutMilliseconds)
        {
            if (sendTimeoutMilliseconds <= 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(sendTimeoutMilliseconds));
            }
            _socket = socket;
            _socket.SendTimeout = sendTimeoutMilliseconds;
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
                // Reset by the peer, or the send timed out (the peer stopped reading).
                _failed = true;
            }
            catch (System.ObjectDisposedException)
            {
                _failed = true;
            }
        }
    }
}
