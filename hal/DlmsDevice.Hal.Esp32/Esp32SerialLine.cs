using System;
using System.IO.Ports;
using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// A UART of the ESP32 (nanoFramework SerialPort) as a HAL serial line: RS-485 in
    /// SerialMode.RS485 (RTS drives the transceiver's DE and /RE while sending), or the optical
    /// head, whose speed and format change as IEC 62056-21 mode E goes (300 Bd 7E1, then 8N1).
    /// </summary>
    /// <remarks>
    /// Reads look at BytesToRead first and read only what is there (SerialPort.Read throws a
    /// TimeoutException when nothing is). A write returns before the bytes are on the wire, so
    /// the line keeps the time its transmission ends (10 bits a character) and
    /// <see cref="Configure"/> waits for it before it changes the speed.
    /// </remarks>
    public sealed class Esp32SerialLine : ISerialLine
    {
        private const int IdleCheckMilliseconds = 5;

        private readonly SerialPort _port;
        private int _baudRate;
        private SerialCharacterFormat _format = SerialCharacterFormat.EightNoneOne;
        private long _transmitEnd;
        private bool _closed;

        private Esp32SerialLine(SerialPort port, int baudRate)
        {
            _port = port;
            _baudRate = baudRate;
        }

        /// <summary>
        /// Routes the pins to <paramref name="portName"/> ("COM2" or "COM3"), opens it at
        /// <paramref name="baudRate"/> 8N1 and, with <paramref name="rs485"/>, in RS-485 mode.
        /// </summary>
        /// <param name="rtsPin">The driver-enable pin (RTS); -1 = none.</param>
        public static Esp32SerialLine Open(string portName, int txPin, int rxPin, int rtsPin, int baudRate, bool rs485)
        {
            bool com2 = portName == "COM2";
            if (!com2 && portName != "COM3")
            {
                throw new ArgumentException();
            }
            Configuration.SetPinFunction(txPin, com2 ? DeviceFunction.COM2_TX : DeviceFunction.COM3_TX);
            Configuration.SetPinFunction(rxPin, com2 ? DeviceFunction.COM2_RX : DeviceFunction.COM3_RX);
            if (rtsPin >= 0)
            {
                Configuration.SetPinFunction(rtsPin, com2 ? DeviceFunction.COM2_RTS : DeviceFunction.COM3_RTS);
            }
            SerialPort port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            port.ReadTimeout = 100;
            port.WriteTimeout = 2000;
            port.Open();
            if (rs485)
            {
                port.Mode = SerialMode.RS485;
            }
            return new Esp32SerialLine(port, baudRate);
        }

        /// <inheritdoc />
        public int BaudRate
        {
            get { return _baudRate; }
        }

        /// <inheritdoc />
        public SerialCharacterFormat Format
        {
            get { return _format; }
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            long deadline = Environment.TickCount64 + timeoutMilliseconds;
            while (true)
            {
                if (_closed)
                {
                    return -1;
                }
                try
                {
                    int available = _port.BytesToRead;
                    if (available > 0)
                    {
                        return _port.Read(buffer, offset, available < count ? available : count);
                    }
                }
                catch (InvalidOperationException)
                {
                    return -1; // the port was closed
                }
                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    return 0;
                }
                Thread.Sleep(left < IdleCheckMilliseconds ? (int)left : IdleCheckMilliseconds);
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
                _port.Write(buffer, offset, count);
            }
            catch (InvalidOperationException)
            {
                return;
            }
            long now = Environment.TickCount64;
            long start = _transmitEnd > now ? _transmitEnd : now;
            _transmitEnd = start + TransmitMilliseconds(count);
        }

        /// <inheritdoc />
        public bool Configure(int baudRate, SerialCharacterFormat format)
        {
            if (_closed || baudRate <= 0)
            {
                return false;
            }
            // What was written at the old speed leaves first (plus one character for the FIFO).
            long wait = _transmitEnd - Environment.TickCount64 + TransmitMilliseconds(1);
            if (wait > 0)
            {
                Thread.Sleep((int)wait);
            }
            try
            {
                _port.BaudRate = baudRate;
                if (format == SerialCharacterFormat.SevenEvenOne)
                {
                    _port.DataBits = 7;
                    _port.Parity = Parity.Even;
                }
                else
                {
                    _port.DataBits = 8;
                    _port.Parity = Parity.None;
                }
            }
            catch (Exception)
            {
                // IOException or ArgumentOutOfRangeException from the driver: the line keeps its settings.
                return false;
            }
            _baudRate = baudRate;
            _format = format;
            return true;
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            _port.Close();
            _port.Dispose();
        }

        private long TransmitMilliseconds(int characters)
        {
            return ((long)characters * 10 * 1000 + _baudRate - 1) / _baudRate;
        }
    }
}
