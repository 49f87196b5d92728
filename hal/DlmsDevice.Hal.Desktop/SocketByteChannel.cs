using System;
using System.Net;
using System.Net.Sockets;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// A connected TCP socket as a HAL byte channel. Reads wait with <see cref="Socket.Poll(int, SelectMode)"/>
    /// so a time-out is a return value, not an exception; the blocking calls on a blocking socket
    /// allocate nothing per read or write.
    /// </summary>
    /// <remarks>
    /// Sends time out (<see cref="Socket.SendTimeout"/>, default <see cref="DefaultSendTimeoutMilliseconds"/>):
    /// a peer that stops reading fills the socket buffers, and without a time-out the thread
    /// writing to it would block for good. A send that fails or times out marks the channel
    /// broken; the next <see cref="Read"/> reports it closed, and the device runtime closes the
    /// connection. <see cref="Close"/> may be called from another thread: a read or write
    /// blocked on the socket returns at once.
    /// </remarks>
    public sealed class SocketByteChannel : IByteChannel, IDisposable
    {
        /// <summary>How long one send may block before the connection is given up (ms).</summary>
        public const int DefaultSendTimeoutMilliseconds = 5000;

        private readonly Socket _socket;
        private volatile bool _closed;
        private volatile bool _failed;

        /// <summary>Wraps the accepted <paramref name="socket"/> with the default send time-out.</summary>
        public SocketByteChannel(Socket socket)
            : this(socket, DefaultSendTimeoutMilliseconds)
        {
        }

        /// <summary>Wraps <paramref name="socket"/>; sends give up after <paramref name="sendTimeoutMilliseconds"/>.</summary>
        public SocketByteChannel(Socket socket, int sendTimeoutMilliseconds)
        {
            ArgumentNullException.ThrowIfNull(socket);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sendTimeoutMilliseconds);
            _socket = socket;
            _socket.NoDelay = true;
            _socket.SendTimeout = sendTimeoutMilliseconds;
            RemoteEndPoint = socket.RemoteEndPoint;
        }

        /// <summary>The peer's address (for logs).</summary>
        public EndPoint? RemoteEndPoint { get; }

        /// <summary>True once a send failed or timed out (the connection is broken).</summary>
        public bool Failed => _failed;

        /// <summary>True once <see cref="Close"/> ran.</summary>
        public bool IsClosed => _closed;

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_closed || _failed)
            {
                return -1;
            }
            try
            {
                if (!_socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead))
                {
                    return 0;
                }
                // Readable and 0 bytes = the peer closed its side (FIN).
                int n = _socket.Receive(buffer, offset, count, SocketFlags.None);
                return n > 0 ? n : -1;
            }
            catch (SocketException)
            {
                return -1;
            }
            catch (ObjectDisposedException)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_failed || _closed)
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
            catch (ObjectDisposedException)
            {
                _failed = true;
            }
        }

        /// <summary>Closes the connection (both directions); a pending read returns -1. Safe to call twice and from any thread.</summary>
        public void Close()
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already reset by the peer.
            }
            catch (ObjectDisposedException)
            {
            }
            _socket.Dispose();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Close();
        }
    }
}
