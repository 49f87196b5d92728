using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>
    /// An <see cref="IByteLink"/> over a serial port (System.IO.Ports), 8N1 by default as HDLC
    /// requires after the IEC 62056-21 mode E handshake or on a direct HDLC line (IEC 62056-46).
    /// </summary>
    public sealed class SerialByteLink : IByteLink
    {
        // Reads poll with a short port timeout so cancellation (our reply timeout) is observed on
        // every platform; SerialPort's own async reads do not honour cancellation everywhere.
        private const int PollMilliseconds = 50;

        private readonly SerialPort _port;

        private SerialByteLink(SerialPort port)
        {
            _port = port;
        }

        /// <inheritdoc/>
        public string Description => _port.PortName;

        /// <summary>Opens a serial port (8 data bits, no parity, 1 stop bit, no handshake).</summary>
        /// <exception cref="DlmsLinkException">The port cannot be opened.</exception>
        public static SerialByteLink Open(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One)
        {
            var port = new SerialPort(portName, baudRate, parity, dataBits, stopBits)
            {
                Handshake = Handshake.None,
                ReadTimeout = PollMilliseconds,
                WriteTimeout = 5000,
            };
            try
            {
                port.Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                port.Dispose();
                throw new DlmsLinkException("Cannot open serial port " + portName + ": " + e.Message, e);
            }
            port.DiscardInBuffer();
            return new SerialByteLink(port);
        }

        /// <summary>
        /// Opens an optical port (IR head) and signs on with IEC 62056-21 mode E
        /// (<see cref="OpticalSignOn"/>): 300 Bd 7E1 first, then HDLC at the agreed speed 8N1.
        /// </summary>
        /// <exception cref="DlmsLinkException">The port cannot be opened, or the meter did not sign on.</exception>
        public static SerialByteLink OpenOptical(string portName, string? deviceAddress, int maxBaudRate, TimeSpan timeout, Action<string>? trace, out ModeEIdentification identification)
        {
            SerialByteLink link = Open(portName, 300);
            try
            {
                identification = OpticalSignOn.SignOn(link._port, deviceAddress, maxBaudRate, timeout, trace);
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or ArgumentOutOfRangeException)
            {
                link._port.Dispose();
                throw new DlmsLinkException("Optical sign-on on " + portName + " failed: " + e.Message, e);
            }
            catch
            {
                link._port.Dispose();
                throw;
            }
            return link;
        }

        /// <inheritdoc/>
        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            try
            {
                byte[] bytes = data.ToArray();
                _port.Write(bytes, 0, bytes.Length);
                return ValueTask.CompletedTask;
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
            {
                throw new DlmsLinkException("Write to " + Description + " failed: " + e.Message, e);
            }
        }

        /// <inheritdoc/>
        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            // A thread of its own (LongRunning): the read blocks in poll steps and must not tie up
            // a thread-pool thread that the rest of the process (timers, sockets) needs.
            return new ValueTask<int>(Task.Factory.StartNew(() =>
            {
                var temp = new byte[buffer.Length];
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        int n = _port.Read(temp, 0, temp.Length);
                        temp.AsSpan(0, n).CopyTo(buffer.Span);
                        return n;
                    }
                    catch (TimeoutException)
                    {
                        // Poll again: lets the caller's cancellation (reply timeout) take effect.
                    }
                    catch (Exception e) when (e is IOException or InvalidOperationException)
                    {
                        throw new DlmsLinkException("Read from " + Description + " failed: " + e.Message, e);
                    }
                }
            }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        /// <inheritdoc/>
        public ValueTask DisposeAsync()
        {
            _port.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
