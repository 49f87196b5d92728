using System;
using System.IO;
using System.IO.Ports;
using DlmsDevice.Stack;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>Writes link frames to an open serial port.</summary>
    public sealed class SerialByteSink : IByteSink
    {
        private readonly SerialPort _port;

        /// <summary>Creates a sink over the open <paramref name="port"/>.</summary>
        public SerialByteSink(SerialPort port)
        {
            _port = port;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _port.Write(buffer, offset, count);
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
    }
}
