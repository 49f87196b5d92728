using System;
using System.IO;
using System.IO.Ports;
using System.Threading;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// A serial line (a UART, an RS-485 or USB adapter, a pty made by socat) as a HAL byte
    /// channel, through System.IO.Ports: 8 data bits, no parity, 1 stop bit by default, as
    /// IEC 62056-46 HDLC on a direct line uses. Its speed and character format can change while
    /// it is open (<see cref="ISerialLine"/>): the optical port signs on at 300 Bd 7E1 and
    /// switches to 8N1 for HDLC (IEC 62056-21 mode E).
    /// </summary>
    public sealed class SerialByteChannel : ISerialLine, IDisposable
    {
        /// <summary>How often a read waiting for data looks at the driver's input queue (ms).</summary>
        public const int IdleCheckMilliseconds = 5;

        private readonly SerialPort _port;
        private readonly byte[] _parityBuffer = new byte[128];
        private SerialCharacterFormat _format = SerialCharacterFormat.EightNoneOne;
        private bool _softwareParity;
        private volatile bool _closed;

        /// <summary>How long <see cref="Configure"/> waits at most for the transmit buffer to drain (ms).</summary>
        public const int DrainTimeoutMilliseconds = 5000;

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/> 8N1.</summary>
        /// <exception cref="IOException">The device does not exist or cannot be opened.</exception>
        /// <exception cref="UnauthorizedAccessException">The device is in use or access is denied.</exception>
        public SerialByteChannel(string portName, int baudRate)
            : this(portName, baudRate, SerialCharacterFormat.EightNoneOne)
        {
        }

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/> with <paramref name="format"/>.</summary>
        /// <exception cref="FileNotFoundException">The device does not exist (Unix; message "no such device: NAME").</exception>
        /// <exception cref="IOException">The device cannot be opened.</exception>
        /// <exception cref="UnauthorizedAccessException">The device is in use or access is denied.</exception>
        public SerialByteChannel(string portName, int baudRate, SerialCharacterFormat format)
        {
            // On Unix a device that does not exist is reported by SerialPort.Open as "access
            // denied"; say what it is.
            if (!OperatingSystem.IsWindows() && !File.Exists(portName))
            {
                throw new FileNotFoundException("no such device: " + portName, portName);
            }
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            // Read is only called with bytes queued (see Read); the time-out is a safety net.
            _port.ReadTimeout = 1000;
            _port.WriteTimeout = 2000;
            try
            {
                _port.Open();
            }
            catch (UnauthorizedAccessException ex)
            {
                _port.Dispose();
                throw new UnauthorizedAccessException("access to " + portName + " denied: no permission (on Linux, the dialout group) or another program has it open", ex);
            }
            if (format == SerialCharacterFormat.SevenEvenOne && !Configure(baudRate, format))
            {
                _port.Dispose();
                throw new IOException("Cannot set " + portName + " to " + baudRate + " Bd 7E1.");
            }
        }

        /// <summary>The device name, e.g. /dev/ttyUSB0.</summary>
        public string PortName => _port.PortName;

        /// <inheritdoc />
        public int BaudRate => _port.BaudRate;

        /// <inheritdoc />
        public SerialCharacterFormat Format => _format;

        /// <summary>
        /// True while 7E1 is made in software on an 8N1 line, because the device refused 7 data
        /// bits (a Linux pty answers EINVAL). Both formats are 10 bits a character, so this is the
        /// same on the wire: bit 7 of every character written carries its even parity, and bit 7
        /// of every character read is cleared.
        /// </summary>
        public bool SoftwareParity => _softwareParity;

        /// <summary>
        /// Bytes written but still in the driver's transmit queue (<see cref="SerialPort.BytesToWrite"/>:
        /// the TIOCOUTQ ioctl on Linux, no allocation); 0 once the port is closed or failed. The
        /// UART's own FIFO and shift register are not counted.
        /// </summary>
        public int BytesToWrite
        {
            get
            {
                if (_closed)
                {
                    return 0;
                }
                try
                {
                    return _port.BytesToWrite;
                }
                catch (Exception e) when (e is IOException || e is InvalidOperationException || e is ObjectDisposedException)
                {
                    return 0;
                }
            }
        }

        /// <summary>How many times <see cref="Configure"/> changed the line (for tests and logs).</summary>
        public int ConfigureCount { get; private set; }

        /// <inheritdoc />
        /// <remarks>
        /// Waits until the driver's transmit queue is empty (<see cref="SerialPort.BytesToWrite"/>,
        /// at most <see cref="DrainTimeoutMilliseconds"/>) and one more character time for the
        /// UART's shift register, then sets speed, data bits, parity and stop bits on the open
        /// port (termios on Unix).
        /// </remarks>
        public bool Configure(int baudRate, SerialCharacterFormat format)
        {
            if (_closed || baudRate <= 0)
            {
                return false;
            }
            try
            {
                long deadline = Environment.TickCount64 + DrainTimeoutMilliseconds;
                while (_port.BytesToWrite > 0 && Environment.TickCount64 < deadline)
                {
                    Thread.Sleep(IdleCheckMilliseconds);
                }
                // The last character leaves the shift register: 10 bits at the old speed.
                Thread.Sleep((10 * 1000 + _port.BaudRate - 1) / _port.BaudRate);
                _port.BaudRate = baudRate;
                bool software = false;
                if (format == SerialCharacterFormat.SevenEvenOne)
                {
                    try
                    {
                        _port.DataBits = 7;
                        _port.Parity = Parity.Even;
                    }
                    catch (Exception e) when (e is ArgumentException || e is IOException)
                    {
                        // The port keeps 8 data bits; parity is made here (a pty refuses
                        // parity changes as well: its settings are not a wire's).
                        software = true;
                        _port.DataBits = 8;
                        _port.Parity = Parity.None;
                    }
                }
                else
                {
                    _port.DataBits = 8;
                    _port.Parity = Parity.None;
                }
                _port.StopBits = StopBits.One;
                _softwareParity = software;
                _format = format;
                ConfigureCount++;
                return true;
            }
            catch (Exception e) when (e is IOException || e is ArgumentOutOfRangeException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Waits by looking at <see cref="SerialPort.BytesToRead"/> (an ioctl, no allocation)
        /// every <see cref="IdleCheckMilliseconds"/> up to the time-out, and calls
        /// <see cref="SerialPort.Read(byte[], int, int)"/> only when bytes are there, so it
        /// returns at once. A read that waits with <see cref="SerialPort.ReadTimeout"/> instead
        /// ends in a TimeoutException on every idle poll (about 1.4 KB allocated and a throw on
        /// the serving thread, five times a second). System.IO.Ports on Unix still allocates a
        /// few hundred bytes inside each Read that returns data; the idle loop allocates nothing.
        /// </remarks>
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_closed)
            {
                return -1;
            }
            try
            {
                long deadline = Environment.TickCount64 + timeoutMilliseconds;
                while (_port.BytesToRead == 0)
                {
                    long left = deadline - Environment.TickCount64;
                    if (left <= 0)
                    {
                        // Nothing arrived: the owner gets its chance to poll the HDLC timers.
                        return 0;
                    }
                    Thread.Sleep(left < IdleCheckMilliseconds ? (int)left : IdleCheckMilliseconds);
                    if (_closed)
                    {
                        return -1;
                    }
                }
                int n = _port.Read(buffer, offset, count);
                if (_softwareParity)
                {
                    for (int i = 0; i < n; i++)
                    {
                        buffer[offset + i] &= 0x7F;
                    }
                }
                return n;
            }
            catch (TimeoutException)
            {
                // Only if the queued bytes vanished between the check and the read.
                return 0;
            }
            catch (IOException)
            {
                if (_closed)
                {
                    return -1;
                }
                // A pty whose other side is not open reads as an I/O error: wait as a time-out
                // would, so the loop neither spins nor gives the line up.
                Thread.Sleep(timeoutMilliseconds);
                return 0;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_closed)
            {
                return;
            }
            try
            {
                if (_softwareParity)
                {
                    WriteWithParity(buffer, offset, count);
                }
                else
                {
                    _port.Write(buffer, offset, count);
                }
            }
            catch (IOException)
            {
                // The line went away (the pty peer closed); the read loop notices and stops.
            }
            catch (InvalidOperationException)
            {
                // The port was closed during shutdown.
            }
            catch (TimeoutException)
            {
                // Nobody drains the line; HDLC retries are the client's business.
            }
        }

        /// <summary>Bit 7 of <paramref name="value"/> set so that the byte has an even number of ones (7E1 in 8 bits).</summary>
        public static byte WithEvenParity(byte value)
        {
            int c = value & 0x7F;
            int ones = 0;
            for (int v = c; v != 0; v >>= 1)
            {
                ones += v & 1;
            }
            return (byte)((ones & 1) != 0 ? c | 0x80 : c);
        }

        private void WriteWithParity(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = count < _parityBuffer.Length ? count : _parityBuffer.Length;
                for (int i = 0; i < n; i++)
                {
                    _parityBuffer[i] = WithEvenParity(buffer[offset + i]);
                }
                _port.Write(_parityBuffer, 0, n);
                offset += n;
                count -= n;
            }
        }

        /// <summary>Closes the port; a pending read returns -1. Safe to call twice and from any thread.</summary>
        public void Close()
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            try
            {
                _port.Close();
            }
            catch (IOException)
            {
            }
            _port.Dispose();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Close();
        }
    }
}
