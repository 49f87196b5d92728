using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Hdlc;

namespace DlmsDevice.Runtime.Optical
{
    /// <summary>
    /// The optical port (IEC 62056-21 mode E) between a serial line whose speed can change and
    /// the HDLC link of a serial channel: it answers the sign-on at 300 Bd 7E1 itself, switches
    /// the line to the agreed speed 8N1, then passes bytes both ways; after DISC, the HDLC
    /// inactivity time-out, or silence with no link, the line goes back to 300 Bd and sign-on.
    /// </summary>
    /// <remarks>
    /// <para>To the channel it is a byte stream: during sign-on a read returns 0 (nothing for
    /// HDLC) and frames the link writes are dropped (there is no HDLC at 300 Bd 7E1). It watches
    /// the link it serves (<see cref="Attach"/>): a link that was up and is down again (DISC
    /// answered with UA, or the link's inactivity time-out) ends the HDLC session. The link's
    /// UA goes out before the switch back, because <see cref="ISerialLine.Configure"/> waits for
    /// the transmit buffer.</para>
    /// <para>Reads and writes come from the one thread that serves the channel; time comes from
    /// the link clock. Nothing allocates after construction, in sign-on or in HDLC.</para>
    /// </remarks>
    public sealed class OpticalPort : IByteChannel
    {
        /// <summary>The sign-on speed (IEC 62056-21: every mode starts at 300 Bd).</summary>
        public const int SignOnBaudRate = 300;

        // Start bit, 7 or 8 data bits with parity or not, one stop bit: 10 bits a character.
        private const int BitsPerCharacter = 10;

        private readonly ISerialLine _line;
        private readonly ModeEHandshake _handshake;
        private readonly ISystemClock _clock;
        private readonly int _idleTimeout;
        private readonly byte[] _scratch = new byte[64];
        private HdlcServerLink _link;
        private bool _linkSeen;
        private long _lastReceived;
        private int _switches;
        private int _returns;
        // Set by Close (any thread); the line's own close is what ends a read in progress.
        private bool _closed;

        /// <summary>
        /// Takes over <paramref name="line"/> (set to 300 Bd 7E1 here) for mode E with
        /// <paramref name="settings"/>, timed by <paramref name="clock"/>'s monotonic milliseconds.
        /// </summary>
        /// <exception cref="InvalidOperationException">The line refuses 300 Bd 7E1.</exception>
        public OpticalPort(ISerialLine line, ModeESettings settings, ISystemClock clock)
        {
            if (line == null || settings == null || clock == null)
            {
                throw new ArgumentNullException();
            }
            _line = line;
            _clock = clock;
            _handshake = new ModeEHandshake(settings);
            _idleTimeout = settings.IdleTimeoutMilliseconds;
            if (!line.Configure(SignOnBaudRate, SerialCharacterFormat.SevenEvenOne))
            {
                throw new InvalidOperationException();
            }
        }

        /// <summary>The serial line under the port.</summary>
        public ISerialLine Line
        {
            get { return _line; }
        }

        /// <summary>The sign-on state machine.</summary>
        public ModeEHandshake Handshake
        {
            get { return _handshake; }
        }

        /// <summary>Where the handshake stands.</summary>
        public ModeEState State
        {
            get { return _handshake.State; }
        }

        /// <summary>How many times the line switched to HDLC.</summary>
        public int SwitchCount
        {
            get { return _switches; }
        }

        /// <summary>How many times the line went back from HDLC to sign-on.</summary>
        public int ReturnCount
        {
            get { return _returns; }
        }

        /// <summary>The HDLC link this port feeds (watched for the end of a session); set once by <see cref="MeterDevice.OpenOptical"/> or the host that attached the port to a serial slot.</summary>
        public void Attach(HdlcServerLink link)
        {
            _link = link;
        }

        /// <inheritdoc />
        /// <remarks>In sign-on this handles the handshake and returns 0 (or -1 when the line is closed).</remarks>
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_closed)
            {
                return -1;
            }
            long now = _clock.GetMonotonicMilliseconds();
            if (_handshake.State == ModeEState.Hdlc)
            {
                if (HdlcSessionEnded(now))
                {
                    ReturnToSignOn();
                    return 0;
                }
                int n = _line.Read(buffer, offset, count, timeoutMilliseconds);
                if (n > 0)
                {
                    _lastReceived = _clock.GetMonotonicMilliseconds();
                }
                return n;
            }
            return SignOnStep(now, timeoutMilliseconds);
        }

        /// <inheritdoc />
        /// <remarks>Frames are written only in HDLC; during sign-on they are dropped.</remarks>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_handshake.State == ModeEState.Hdlc && !_closed)
            {
                _line.Write(buffer, offset, count);
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            _closed = true;
            _line.Close();
        }

        /// <summary>Milliseconds <paramref name="characters"/> need on the line at <paramref name="baudRate"/> (10 bits each, rounded up).</summary>
        public static long TransmitMilliseconds(int characters, int baudRate)
        {
            long bits = (long)characters * BitsPerCharacter * 1000;
            return (bits + baudRate - 1) / baudRate;
        }

        private int SignOnStep(long now, int timeout)
        {
            _handshake.Poll(now);
            if (SendDueReply(now))
            {
                return 0;
            }
            int wait = timeout;
            long due = _handshake.MillisecondsUntilDue(now);
            if (due >= 0 && due < wait)
            {
                wait = (int)due;
            }
            int n = _line.Read(_scratch, 0, _scratch.Length, wait);
            if (n < 0)
            {
                return -1;
            }
            now = _clock.GetMonotonicMilliseconds();
            for (int i = 0; i < n; i++)
            {
                _handshake.Receive(_scratch[i], now);
            }
            _handshake.Poll(now);
            SendDueReply(now);
            return 0;
        }

        private bool SendDueReply(long now)
        {
            if (!_handshake.IsReplyDue(now))
            {
                return false;
            }
            bool switching = _handshake.State == ModeEState.Acknowledging;
            int length = _handshake.ReplyLength;
            if (length > 0)
            {
                _line.Write(_handshake.Reply, 0, length);
            }
            long transmit = TransmitMilliseconds(length, _line.BaudRate);
            if (!switching)
            {
                _handshake.ReplySent(now, transmit);
                return true;
            }
            // The acknowledgement (if echoed) leaves at 300 Bd: Configure waits for it.
            if (!_line.Configure(_handshake.AgreedBaudRate, SerialCharacterFormat.EightNoneOne))
            {
                ReturnToSignOn();
                return true;
            }
            _handshake.ReplySent(now, transmit);
            _linkSeen = false;
            _lastReceived = _clock.GetMonotonicMilliseconds();
            _switches++;
            return true;
        }

        // DISC or the link's time-out after a link was up; or no link and nothing received for
        // the idle time-out (a client that switched and went away).
        private bool HdlcSessionEnded(long now)
        {
            HdlcServerLink link = _link;
            if (link != null && link.IsConnected)
            {
                _linkSeen = true;
                return false;
            }
            if (_linkSeen)
            {
                return true;
            }
            return now - _lastReceived >= _idleTimeout;
        }

        private void ReturnToSignOn()
        {
            _line.Configure(SignOnBaudRate, SerialCharacterFormat.SevenEvenOne);
            _handshake.Reset();
            _linkSeen = false;
            _returns++;
        }
    }
}
