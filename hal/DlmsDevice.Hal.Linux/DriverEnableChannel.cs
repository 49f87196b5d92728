using System;
using System.Diagnostics;
using System.Threading;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// RS-485 with the transceiver's driver enable (DE, and /RE tied to it) on a GPIO line, for a
    /// UART whose serial driver has no RS-485 mode (<see cref="KernelRs485"/>): each write raises
    /// DE, writes the frame, waits until it has left the line, and drops DE.
    /// </summary>
    /// <remarks>
    /// <para>"Has left the line": the driver's transmit queue is empty (<c>pendingBytes</c>, the
    /// TIOCOUTQ count of System.IO.Ports) and the frame's transmission time, 10 bits a character
    /// at the line speed plus one character, has passed since the write began. DE therefore
    /// drops within about a millisecond after the last stop bit (the scheduler's granularity; a
    /// frame written by a thread that was preempted may hold it longer). The kernel's RS-485
    /// mode is exact and is preferred where the UART has it.</para>
    /// <para>Reads pass straight through. Put a <see cref="HalfDuplexChannel"/> (hal/DlmsDevice.Hal)
    /// over this for the bus turnaround and, with /RE tied low, the echo. Allocates nothing after
    /// construction (a <see cref="GpioOutput"/> as the DE line does, inside System.Device.Gpio).</para>
    /// </remarks>
    public sealed class DriverEnableChannel : IByteChannel
    {
        private readonly IByteChannel _line;
        private readonly Func<int> _pendingBytes;
        private readonly IDigitalOutput _driverEnable;
        private readonly long _characterTicks;
        private readonly object _writeLock = new object();
        private long _frames;

        /// <summary>Drives <paramref name="driverEnable"/> around every write to <paramref name="line"/>.</summary>
        /// <param name="line">The UART (System.IO.Ports).</param>
        /// <param name="pendingBytes">Bytes still queued in the driver (SerialByteChannel.BytesToWrite).</param>
        /// <param name="driverEnable">The DE line (a <see cref="GpioOutput"/> opened at false: driver off); true drives the bus.</param>
        /// <param name="baudRate">The line speed.</param>
        public DriverEnableChannel(IByteChannel line, Func<int> pendingBytes, IDigitalOutput driverEnable, int baudRate)
        {
            ArgumentNullException.ThrowIfNull(line);
            ArgumentNullException.ThrowIfNull(pendingBytes);
            ArgumentNullException.ThrowIfNull(driverEnable);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
            _line = line;
            _pendingBytes = pendingBytes;
            _driverEnable = driverEnable;
            _characterTicks = (10 * Stopwatch.Frequency + baudRate - 1) / baudRate;
            _driverEnable.Write(false);
        }

        /// <summary>The DE line.</summary>
        public int Pin => _driverEnable.Pin;

        /// <summary>Frames written so far.</summary>
        public long Frames => Interlocked.Read(ref _frames);

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            return _line.Read(buffer, offset, count, timeoutMilliseconds);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }
            lock (_writeLock)
            {
                _driverEnable.Write(true);
                long start = Stopwatch.GetTimestamp();
                try
                {
                    _line.Write(buffer, offset, count);
                    WaitTransmitted(start, count);
                }
                finally
                {
                    _driverEnable.Write(false);
                }
                Interlocked.Increment(ref _frames);
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            _line.Close();
        }

        // Until the queue is empty (at most twice the frame's time and 100 ms more, should the
        // line stall) and the frame's time plus one character has passed since the write began.
        private void WaitTransmitted(long start, int count)
        {
            long frame = (count + 1) * _characterTicks;
            long giveUp = start + 2 * frame + Stopwatch.Frequency / 10;
            while (_pendingBytes() > 0 && Stopwatch.GetTimestamp() - giveUp < 0)
            {
                Thread.Sleep(1);
            }
            long deadline = start + frame;
            long spinFrom = deadline - Stopwatch.Frequency / 500;
            while (Stopwatch.GetTimestamp() - spinFrom < 0)
            {
                Thread.Sleep(1);
            }
            while (Stopwatch.GetTimestamp() - deadline < 0)
            {
                Thread.SpinWait(20);
            }
        }
    }
}
