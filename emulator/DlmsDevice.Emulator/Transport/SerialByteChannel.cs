using System;
using System.IO;
using System.IO.Ports;
using DlmsDevice.Hal;
using DlmsDevice.Stack;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// A serial line (a UART, a USB adapter, a pty made by socat) as a HAL byte channel, through
    /// System.IO.Ports: 8 data bits, no parity, 1 stop bit, as IEC 62056-46 HDLC over a
    /// direct line uses (IEC 62056-21 mode E after the switch-over).
    /// </summary>
    public sealed class SerialByteChannel : IByteChannel, IByteSink, IDisposable
    {
        private readonly SerialPort _port;
        private readonly SerialByteSink _sink;
        private volatile bool _closed;

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/> 8N1.</summary>
        public SerialByteChannel(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadTimeout = SerialPort.InfiniteTimeout;
            _port.WriteTimeout = 2000;
            _port.Open();
            _sink = new SerialByteSink(_port);
        }

        /// <summary>The device name, e.g. /dev/ttyUSB0.</summary>
        public string PortName
        {
            get { return _port.PortName; }
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_closed)
            {
                return -1;
            }
            try
            {
                // The time-out is set per call: a read that finds nothing is how the owner gets
                // its chance to poll the HDLC inactivity timer.
                if (_port.ReadTimeout != timeoutMilliseconds)
                {
                    _port.ReadTimeout = timeoutMilliseconds;
                }
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
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
                System.Threading.Thread.Sleep(timeoutMilliseconds);
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
            _sink.Write(buffer, offset, count);
        }

        /// <summary>Closes the port.</summary>
        public void Dispose()
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
    }
}
