using System;
using System.Net;
using System.Net.Sockets;
using DlmsDevice.Hal;
using DlmsDevice.Stack;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// A connected TCP socket as a HAL byte channel. Reads wait with <see cref="Socket.Poll(int, SelectMode)"/>
    /// so a time-out is a return value, not an exception, and the blocking calls on a blocking
    /// socket allocate nothing per read.
    /// </summary>
    public sealed class SocketByteChannel : IByteChannel, IByteSink, IDisposable
    {
        private readonly Socket _socket;
        private readonly SocketByteSink _sink;
        private volatile bool _closed;

        /// <summary>Wraps the accepted <paramref name="socket"/>.</summary>
        public SocketByteChannel(Socket socket)
        {
            _socket = socket;
            _socket.NoDelay = true;
            _sink = new SocketByteSink(socket);
            RemoteEndPoint = socket.RemoteEndPoint;
        }

        /// <summary>The peer's address (for logs).</summary>
        public EndPoint? RemoteEndPoint { get; }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_closed || _sink.Failed)
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
            _sink.Write(buffer, offset, count);
        }

        /// <summary>Closes the connection (both directions); a pending read returns -1.</summary>
        public void Dispose()
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
    }
}
