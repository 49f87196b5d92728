using System;
using System.Net;
using System.Net.Sockets;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// A TCP port the main loop polls (nanoFramework System.Net): a waiting connection is
    /// accepted only when Socket.Poll says one is there, so the loop never blocks.
    /// </summary>
    public sealed class Esp32TcpListener : IConnectionListener
    {
        private readonly Socket _socket;

        private Esp32TcpListener(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>Listens on <paramref name="port"/> of every address; null when it cannot.</summary>
        public static Esp32TcpListener Start(int port)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Any, port));
                socket.Listen(2);
            }
            catch (Exception)
            {
                // SocketException: the port is taken or the network is down.
                socket.Close();
                return null;
            }
            return new Esp32TcpListener(socket);
        }

        /// <inheritdoc />
        public IByteChannel Accept()
        {
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectRead))
                {
                    return null;
                }
                return new Esp32SocketChannel(_socket.Accept());
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            _socket.Close();
        }
    }
}
