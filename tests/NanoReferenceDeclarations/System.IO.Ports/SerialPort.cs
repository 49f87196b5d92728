// Reference declarations (never shipped, never run): System.IO.Ports 1.1
// (nanoFramework.System.IO.Ports, SerialPort.cs and its enums). Bodies only throw.
namespace System.IO.Ports
{
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }

    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff,
    }

    public enum SerialMode
    {
        Normal,
        RS485,
    }

    public class SerialPort : IDisposable
    {
        public const int InfiniteTimeout = -1;

        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One)
        {
            throw new PlatformNotSupportedException();
        }

        public int BaudRate
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public Handshake Handshake
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public int DataBits
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public Parity Parity
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public SerialMode Mode
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public StopBits StopBits
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public string PortName
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public bool IsOpen
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public int ReadTimeout
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public int WriteTimeout
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public int BytesToRead
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public static string[] GetPortNames()
        {
            throw new PlatformNotSupportedException();
        }

        public void Open()
        {
            throw new PlatformNotSupportedException();
        }

        public void Close()
        {
            throw new PlatformNotSupportedException();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            throw new PlatformNotSupportedException();
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            throw new PlatformNotSupportedException();
        }

        public void Dispose()
        {
            throw new PlatformNotSupportedException();
        }
    }
}
