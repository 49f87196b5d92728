// Reference declarations (never shipped, never run): System.Net 1.11 (nanoFramework.System.Net):
// the desktop-shaped Socket and the addresses the listener and the push transport need. Bodies only throw.
namespace System.Net
{
    public abstract class EndPoint
    {
        protected EndPoint()
        {
            throw new PlatformNotSupportedException();
        }
    }

    public class IPAddress
    {
        public static readonly IPAddress Any;

        public IPAddress(long newAddress)
        {
            throw new PlatformNotSupportedException();
        }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(IPAddress address, int port)
        {
            throw new PlatformNotSupportedException();
        }
    }
}

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        InterNetwork = 2,
    }

    public enum SocketType
    {
        Stream = 1,
        Dgram = 2,
    }

    public enum ProtocolType
    {
        Tcp = 6,
        Udp = 17,
    }

    public enum SelectMode
    {
        SelectRead = 0,
        SelectWrite = 1,
        SelectError = 2,
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0,
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType)
        {
            throw new PlatformNotSupportedException();
        }

        public int Available
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public int ReceiveTimeout
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public int SendTimeout
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public void Bind(EndPoint localEP)
        {
            throw new PlatformNotSupportedException();
        }

        public void Listen(int backlog)
        {
            throw new PlatformNotSupportedException();
        }

        public Socket Accept()
        {
            throw new PlatformNotSupportedException();
        }

        public void Connect(EndPoint remoteEP)
        {
            throw new PlatformNotSupportedException();
        }

        public bool Poll(int microSeconds, SelectMode mode)
        {
            throw new PlatformNotSupportedException();
        }

        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags)
        {
            throw new PlatformNotSupportedException();
        }

        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags)
        {
            throw new PlatformNotSupportedException();
        }

        public void Close()
        {
            throw new PlatformNotSupportedException();
        }

        public void Dispose()
        {
            throw new PlatformNotSupportedException();
        }
    }
}
