using System;
using System.Threading;

namespace DlmsDevice.Hal
{
    /// <summary>
    /// An RS-485 (two-wire, half-duplex) line over a UART byte channel: it waits for the bus
    /// turnaround before it transmits, and it drops the echo of its own transmission when the
    /// transceiver's receiver stays on while its driver sends (RE tied low).
    /// </summary>
    /// <remarks>
    /// <para><b>Turnaround.</b> The client must release the bus (switch its driver off) after
    /// its last byte before the meter answers; a write waits until
    /// <see cref="TurnaroundMilliseconds"/> have passed since the last byte received. The driver
    /// enable itself is the UART's RTS in RS-485 mode (nanoFramework SerialMode.RS485 raises it
    /// while sending).</para>
    /// <para><b>Echo.</b> With <c>echo</c> on, the bytes of each write are expected back, in
    /// order, within their transmission time plus <see cref="EchoMarginMilliseconds"/>; reads
    /// drop them. A byte that differs (a collision, or a transceiver that does not echo after
    /// all) ends the expectation, and it and everything after it is delivered. Expected bytes
    /// beyond the buffer's capacity are dropped by count.</para>
    /// <para>Allocates nothing after construction.</para>
    /// </remarks>
    public sealed class HalfDuplexChannel : IByteChannel
    {
        /// <summary>Extra time after the computed transmission time for the echo to arrive (ms).</summary>
        public const int EchoMarginMilliseconds = 50;

        private readonly IByteChannel _line;
        private readonly ISystemClock _clock;
        private readonly bool _echo;
        private readonly int _turnaround;
        private readonly int _baudRate;
        private readonly byte[] _expected;
        private int _expectedStart;
        private int _expectedEnd;
        private int _blind;
        private long _echoDeadline;
        private long _lastReceived = long.MinValue / 2;
        private int _echoesDropped;

        /// <summary>Wraps <paramref name="line"/> (a UART at <paramref name="baudRate"/>).</summary>
        /// <param name="line">The UART.</param>
        /// <param name="clock">Monotonic milliseconds.</param>
        /// <param name="baudRate">The line speed, for the transmission time of an echo.</param>
        /// <param name="echo">True when the transceiver hears its own transmission.</param>
        /// <param name="turnaroundMilliseconds">Least time between the last byte received and a transmission (0..1000).</param>
        /// <param name="echoCapacity">Bytes of echo compared exactly (the largest frame written).</param>
        public HalfDuplexChannel(IByteChannel line, ISystemClock clock, int baudRate, bool echo, int turnaroundMilliseconds, int echoCapacity)
        {
            if (line == null || clock == null)
            {
                throw new ArgumentNullException();
            }
            if (baudRate <= 0 || turnaroundMilliseconds < 0 || turnaroundMilliseconds > 1000 || echoCapacity < 1)
            {
                throw new ArgumentOutOfRangeException();
            }
            _line = line;
            _clock = clock;
            _baudRate = baudRate;
            _echo = echo;
            _turnaround = turnaroundMilliseconds;
            _expected = new byte[echo ? echoCapacity : 1];
        }

        /// <summary>The least time between the last byte received and a transmission (ms).</summary>
        public int TurnaroundMilliseconds
        {
            get { return _turnaround; }
        }

        /// <summary>Echo bytes dropped so far.</summary>
        public int EchoesDropped
        {
            get { return _echoesDropped; }
        }

        /// <summary>Echo bytes still expected.</summary>
        public int EchoPending
        {
            get { return _expectedEnd - _expectedStart + _blind; }
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            int n = _line.Read(buffer, offset, count, timeoutMilliseconds);
            if (n <= 0)
            {
                ExpireEcho();
                return n;
            }
            _lastReceived = _clock.GetMonotonicMilliseconds();
            ExpireEcho();
            if (EchoPending == 0)
            {
                return n;
            }
            int kept = 0;
            for (int i = 0; i < n; i++)
            {
                byte b = buffer[offset + i];
                if (IsExpectedEcho(b))
                {
                    _echoesDropped++;
                    continue;
                }
                buffer[offset + kept] = b;
                kept++;
            }
            return kept;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            long wait = _lastReceived + _turnaround - _clock.GetMonotonicMilliseconds();
            if (wait > 0)
            {
                Thread.Sleep((int)wait);
            }
            if (_echo)
            {
                Expect(buffer, offset, count);
            }
            _line.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Close()
        {
            _line.Close();
        }

        private void Expect(byte[] buffer, int offset, int count)
        {
            if (EchoPending == 0)
            {
                _expectedStart = 0;
                _expectedEnd = 0;
                _blind = 0;
            }
            for (int i = 0; i < count; i++)
            {
                if (_expectedEnd < _expected.Length && _blind == 0)
                {
                    _expected[_expectedEnd++] = buffer[offset + i];
                }
                else
                {
                    _blind++;
                }
            }
            // 10 bits a character; the deadline counts from now (the bytes leave from now on).
            long transmit = ((long)EchoPending * 10 * 1000 + _baudRate - 1) / _baudRate;
            _echoDeadline = _clock.GetMonotonicMilliseconds() + transmit + EchoMarginMilliseconds;
        }

        private bool IsExpectedEcho(byte b)
        {
            if (_expectedStart < _expectedEnd)
            {
                if (_expected[_expectedStart] == b)
                {
                    _expectedStart++;
                    return true;
                }
                ClearEcho();
                return false;
            }
            if (_blind > 0)
            {
                _blind--;
                return true;
            }
            return false;
        }

        private void ExpireEcho()
        {
            if (EchoPending > 0 && _clock.GetMonotonicMilliseconds() - _echoDeadline >= 0)
            {
                ClearEcho();
            }
        }

        private void ClearEcho()
        {
            _expectedStart = 0;
            _expectedEnd = 0;
            _blind = 0;
        }
    }
}
