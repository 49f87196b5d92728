using System;

namespace DlmsDevice.Runtime.Optical
{
    /// <summary>
    /// The server side of the IEC 62056-21 mode E sign-on, as a state machine of characters and
    /// time (no I/O): it reads the request and option select messages one character at a time
    /// and says which reply is due when. <see cref="OpticalPort"/> does the line work.
    /// </summary>
    /// <remarks>
    /// <para>The exchange (protocol notes 2.2; IEC 62056-21 clause 6 and annex E):</para>
    /// <code>
    /// client: / ? [address] ! CR LF                     request, 300 Bd 7E1
    /// meter:  / X X X Z [\ 2] identification CR LF      after the reaction time (200 ms)
    /// client: ACK 2 Z 2 CR LF                           option select: HDLC (V = 2), binary (Y = 2)
    /// meter:  ACK 2 Z 2 CR LF                           (optional echo), then Z's speed, 8N1, HDLC
    /// </code>
    /// <para>Characters are taken with the parity bit stripped. Anything that is not a request
    /// for this meter is ignored; anything that is not a valid option select (another protocol
    /// or mode, a speed above the one offered, a malformed message) and silence past the
    /// time-outs send the handshake back to <see cref="ModeEState.SignOn"/>. Nothing here
    /// allocates after construction.</para>
    /// </remarks>
    public sealed class ModeEHandshake
    {
        /// <summary>Start character of a request and of the identification.</summary>
        public const byte StartCharacter = (byte)'/';

        /// <summary>Transmission request command of a request message.</summary>
        public const byte RequestCommand = (byte)'?';

        /// <summary>End character of a request message.</summary>
        public const byte EndCharacter = (byte)'!';

        /// <summary>ACK, the start of the acknowledgement/option select message.</summary>
        public const byte Acknowledge = 0x06;

        /// <summary>Protocol control character V = '2': the HDLC procedure (mode E).</summary>
        public const byte HdlcProcedure = (byte)'2';

        /// <summary>Mode control character Y = '2': binary mode (HDLC).</summary>
        public const byte BinaryMode = (byte)'2';

        private const byte CarriageReturn = 0x0D;
        private const byte LineFeed = 0x0A;

        // The longest message read: '/' '?' 32 address characters '!' CR LF.
        private const int MaxMessage = 37;

        private readonly byte[] _identification;
        private readonly byte[] _acknowledgement = { Acknowledge, HdlcProcedure, (byte)'0', BinaryMode, CarriageReturn, LineFeed };
        private readonly byte[] _address;
        private readonly byte[] _message = new byte[MaxMessage];
        private readonly int _maxBaudCharacter;
        private readonly bool _echo;
        private readonly int _reactionTime;
        private readonly int _optionSelectTimeout;
        private readonly int _characterTimeout;

        private ModeEState _state;
        private int _messageLength;
        private bool _inMessage;
        private long _lastCharacter;
        private long _dueAt;
        private long _deadline;
        private int _agreedBaudRate;

        /// <summary>A handshake with <paramref name="settings"/> (copied), in <see cref="ModeEState.SignOn"/>.</summary>
        public ModeEHandshake(ModeESettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException();
            }
            _maxBaudCharacter = ModeESettings.BaudRateCharacter(settings.MaxBaudRate);
            _echo = settings.EchoAcknowledgement;
            _reactionTime = settings.ReactionTimeMilliseconds;
            _optionSelectTimeout = settings.OptionSelectTimeoutMilliseconds;
            _characterTimeout = settings.CharacterTimeoutMilliseconds;
            _address = Ascii(settings.DeviceAddress);

            // '/' XXX Z ['\' '2'] identification CR LF
            string id = settings.ManufacturerId;
            string identification = settings.Identification;
            int length = 5 + (settings.AnnounceModeE ? 2 : 0) + identification.Length + 2;
            _identification = new byte[length];
            int p = 0;
            _identification[p++] = StartCharacter;
            for (int i = 0; i < 3; i++)
            {
                _identification[p++] = (byte)id[i];
            }
            _identification[p++] = (byte)_maxBaudCharacter;
            if (settings.AnnounceModeE)
            {
                _identification[p++] = (byte)'\\';
                _identification[p++] = (byte)'2';
            }
            for (int i = 0; i < identification.Length; i++)
            {
                _identification[p++] = (byte)identification[i];
            }
            _identification[p++] = CarriageReturn;
            _identification[p] = LineFeed;
        }

        /// <summary>Where the handshake stands.</summary>
        public ModeEState State
        {
            get { return _state; }
        }

        /// <summary>The speed the client selected (valid from <see cref="ModeEState.Acknowledging"/> on); 0 before.</summary>
        public int AgreedBaudRate
        {
            get { return _agreedBaudRate; }
        }

        /// <summary>The identification message this meter sends (<c>/XXXZ\2ident</c> CR LF).</summary>
        public byte[] IdentificationMessage
        {
            get { return _identification; }
        }

        /// <summary>The bytes of the reply that is due (see <see cref="IsReplyDue"/>): the identification or the acknowledgement.</summary>
        public byte[] Reply
        {
            get { return _state == ModeEState.Identifying ? _identification : _acknowledgement; }
        }

        /// <summary>How many bytes of <see cref="Reply"/> to send; 0 when the acknowledgement is not echoed.</summary>
        public int ReplyLength
        {
            get
            {
                if (_state == ModeEState.Identifying)
                {
                    return _identification.Length;
                }
                return _state == ModeEState.Acknowledging && _echo ? _acknowledgement.Length : 0;
            }
        }

        /// <summary>Back to <see cref="ModeEState.SignOn"/>; a partial message is forgotten.</summary>
        public void Reset()
        {
            _state = ModeEState.SignOn;
            _inMessage = false;
            _messageLength = 0;
            _agreedBaudRate = 0;
        }

        /// <summary>
        /// Takes one character received at <paramref name="nowMilliseconds"/> (the parity bit,
        /// bit 7, is ignored). Characters in <see cref="ModeEState.Identifying"/>,
        /// <see cref="ModeEState.Acknowledging"/> and <see cref="ModeEState.Hdlc"/> are not the
        /// handshake's: they are dropped.
        /// </summary>
        public void Receive(byte value, long nowMilliseconds)
        {
            if (_state != ModeEState.SignOn && _state != ModeEState.AwaitingOptionSelect)
            {
                return;
            }
            CheckCharacterTimeout(nowMilliseconds);
            byte c = (byte)(value & 0x7F);
            _lastCharacter = nowMilliseconds;
            if (c == StartCharacter)
            {
                // A request starts (again): whatever came before is dropped.
                _inMessage = true;
                _messageLength = 0;
                Append(c);
                return;
            }
            if (!_inMessage)
            {
                if (c == Acknowledge && _state == ModeEState.AwaitingOptionSelect)
                {
                    _inMessage = true;
                    _messageLength = 0;
                    Append(c);
                }
                else if (_state == ModeEState.AwaitingOptionSelect)
                {
                    // Not an option select: the line returns to sign-on.
                    Reset();
                }
                return;
            }
            if (!Append(c))
            {
                // Longer than any message: noise. Forget it.
                Abandon();
                return;
            }
            if (c == LineFeed)
            {
                _inMessage = false;
                if (_message[0] == StartCharacter)
                {
                    OnRequest(nowMilliseconds);
                }
                else
                {
                    OnOptionSelect(nowMilliseconds);
                }
                _messageLength = 0;
            }
        }

        /// <summary>Lets time pass: an unfinished message past the character time-out is dropped; no option select in time means sign-on again.</summary>
        public void Poll(long nowMilliseconds)
        {
            CheckCharacterTimeout(nowMilliseconds);
            if (_state == ModeEState.AwaitingOptionSelect && !_inMessage && nowMilliseconds - _deadline >= 0)
            {
                Reset();
            }
        }

        /// <summary>True when a reply (<see cref="Reply"/>, <see cref="ReplyLength"/> bytes) should go out now.</summary>
        public bool IsReplyDue(long nowMilliseconds)
        {
            return (_state == ModeEState.Identifying || _state == ModeEState.Acknowledging) && nowMilliseconds - _dueAt >= 0;
        }

        /// <summary>
        /// The due reply was written at <paramref name="nowMilliseconds"/> and needs
        /// <paramref name="transmitMilliseconds"/> on the line: after the identification the
        /// option select time-out starts when it has left; after the acknowledgement the line is
        /// switched (<see cref="ModeEState.Hdlc"/>).
        /// </summary>
        public void ReplySent(long nowMilliseconds, long transmitMilliseconds)
        {
            if (_state == ModeEState.Identifying)
            {
                _state = ModeEState.AwaitingOptionSelect;
                _deadline = nowMilliseconds + transmitMilliseconds + _optionSelectTimeout;
                _inMessage = false;
                _messageLength = 0;
            }
            else if (_state == ModeEState.Acknowledging)
            {
                _state = ModeEState.Hdlc;
            }
        }

        /// <summary>Milliseconds until something is due without any input (a reply, a time-out); -1 when nothing is.</summary>
        public long MillisecondsUntilDue(long nowMilliseconds)
        {
            bool due = false;
            long next = 0;
            if (_state == ModeEState.Identifying || _state == ModeEState.Acknowledging)
            {
                next = _dueAt - nowMilliseconds;
                due = true;
            }
            else if (_state == ModeEState.AwaitingOptionSelect && !_inMessage)
            {
                next = _deadline - nowMilliseconds;
                due = true;
            }
            if (_inMessage)
            {
                long character = _lastCharacter + _characterTimeout - nowMilliseconds;
                if (!due || character < next)
                {
                    next = character;
                }
                due = true;
            }
            if (!due)
            {
                return -1;
            }
            return next < 0 ? 0 : next;
        }

        // '/' '?' address '!' CR LF, for us or for every meter.
        private void OnRequest(long now)
        {
            int n = _messageLength;
            if (IsOwnIdentification())
            {
                // Our identification reflected back by the optical head: not a message.
                return;
            }
            if (n < 5 || _message[1] != RequestCommand || _message[n - 3] != EndCharacter || _message[n - 2] != CarriageReturn)
            {
                StayOrReturn();
                return;
            }
            int addressLength = n - 5;
            if (addressLength > 0 && !AddressMatches(2, addressLength))
            {
                // A request for another meter on the same head: not ours to answer.
                StayOrReturn();
                return;
            }
            _state = ModeEState.Identifying;
            _dueAt = now + _reactionTime;
        }

        // ACK V Z Y CR LF with V = Y = '2' and Z no faster than offered.
        private void OnOptionSelect(long now)
        {
            if (_messageLength != 6 || _message[1] != HdlcProcedure || _message[3] != BinaryMode || _message[4] != CarriageReturn)
            {
                Reset();
                return;
            }
            int z = _message[2];
            if (z < '0' || z > _maxBaudCharacter)
            {
                Reset();
                return;
            }
            _agreedBaudRate = ModeESettings.BaudRates[z - '0'];
            _acknowledgement[2] = (byte)z;
            _state = ModeEState.Acknowledging;
            _dueAt = now + (_echo ? _reactionTime : 0);
        }

        private bool IsOwnIdentification()
        {
            if (_messageLength != _identification.Length)
            {
                return false;
            }
            for (int i = 0; i < _messageLength; i++)
            {
                if (_message[i] != _identification[i])
                {
                    return false;
                }
            }
            return true;
        }

        private bool AddressMatches(int offset, int length)
        {
            if (length != _address.Length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (_message[offset + i] != _address[i])
                {
                    return false;
                }
            }
            return true;
        }

        // A bad or foreign request: in sign-on nothing changes; while waiting for the option
        // select it ends the handshake.
        private void StayOrReturn()
        {
            if (_state != ModeEState.SignOn)
            {
                Reset();
            }
        }

        private void Abandon()
        {
            _inMessage = false;
            _messageLength = 0;
            if (_state == ModeEState.AwaitingOptionSelect)
            {
                Reset();
            }
        }

        private void CheckCharacterTimeout(long now)
        {
            if (_inMessage && now - _lastCharacter >= _characterTimeout)
            {
                Abandon();
            }
        }

        private bool Append(byte c)
        {
            if (_messageLength >= _message.Length)
            {
                return false;
            }
            _message[_messageLength++] = c;
            return true;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }
    }
}
