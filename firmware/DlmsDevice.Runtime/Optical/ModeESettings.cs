using System;

namespace DlmsDevice.Runtime.Optical
{
    /// <summary>
    /// How the optical port signs on (IEC 62056-21 mode E): what the identification message
    /// says, the fastest speed offered, whether a device address must match, and the time-outs.
    /// Configuration time only; <see cref="ModeEHandshake"/> copies what it needs.
    /// </summary>
    public sealed class ModeESettings
    {
        /// <summary>The speeds a mode E baud rate character stands for: '0' = 300 Bd ... '6' = 19200 Bd.</summary>
        public static readonly int[] BaudRates = { 300, 600, 1200, 2400, 4800, 9600, 19200 };

        private string _manufacturerId = "DLD";
        private string _identification = "DlmsDevice";
        private string _deviceAddress = string.Empty;
        private int _maxBaudRate = 9600;
        private int _reactionTime = 200;
        private int _optionSelectTimeout = 2000;
        private int _characterTimeout = 1500;
        private int _idleTimeout = 10000;

        /// <summary>
        /// The three-letter manufacturer's identification (XXX of <c>/XXXZ</c>); default "DLD".
        /// A lower-case third letter tells the client the meter answers within 20 ms
        /// (<see cref="ReactionTimeMilliseconds"/> should then be 20).
        /// </summary>
        public string ManufacturerId
        {
            get { return _manufacturerId; }
            set
            {
                if (value == null || value.Length != 3 || !IsLetter(value[0]) || !IsLetter(value[1]) || !IsLetter(value[2]))
                {
                    throw new ArgumentException();
                }
                _manufacturerId = value;
            }
        }

        /// <summary>The identification after the baud rate character (1..16 printable characters, no '/', '!'); default "DlmsDevice".</summary>
        public string Identification
        {
            get { return _identification; }
            set
            {
                if (value == null || value.Length < 1 || value.Length > 16 || !IsPrintable(value))
                {
                    throw new ArgumentException();
                }
                _identification = value;
            }
        }

        /// <summary>
        /// The device address a request may name (<c>/?address!</c>, up to 32 characters);
        /// a request naming another address is ignored. A request without an address
        /// (<c>/?!</c>) is always answered. Default empty: only <c>/?!</c> is answered.
        /// </summary>
        public string DeviceAddress
        {
            get { return _deviceAddress; }
            set
            {
                if (value == null || value.Length > 32 || (value.Length > 0 && !IsPrintable(value)))
                {
                    throw new ArgumentException();
                }
                _deviceAddress = value;
            }
        }

        /// <summary>
        /// The fastest speed offered for HDLC (the baud rate character of the identification);
        /// one of <see cref="BaudRates"/>; default 9600. The client may choose it or a slower one.
        /// </summary>
        public int MaxBaudRate
        {
            get { return _maxBaudRate; }
            set
            {
                if (BaudRateCharacter(value) < 0)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _maxBaudRate = value;
            }
        }

        /// <summary>
        /// Send the <c>\2</c> escape in the identification (enhanced identification: the meter
        /// speaks mode E, HDLC); default true, as real meters do. A client that does not expect
        /// it reads the baud rate character at the same place either way.
        /// </summary>
        public bool AnnounceModeE { get; set; } = true;

        /// <summary>
        /// Answer the acknowledgement/option select message with the same six bytes before the
        /// switch (what Gurux servers do; clients tolerate both); default true.
        /// </summary>
        public bool EchoAcknowledgement { get; set; } = true;

        /// <summary>
        /// Wait this long after a request before answering it (IEC 62056-21 reaction time,
        /// at least 200 ms, or 20 ms with a lower-case third letter); default 200 ms.
        /// </summary>
        public int ReactionTimeMilliseconds
        {
            get { return _reactionTime; }
            set { _reactionTime = Check(value, 0, 1500); }
        }

        /// <summary>
        /// How long the meter waits for the acknowledgement/option select message after its
        /// identification left the line before it returns to sign-on; default 2000 ms.
        /// </summary>
        public int OptionSelectTimeoutMilliseconds
        {
            get { return _optionSelectTimeout; }
            set { _optionSelectTimeout = Check(value, 100, 60000); }
        }

        /// <summary>
        /// A message whose next character does not come within this time is discarded
        /// (IEC 62056-21 inter-character time, 1500 ms).
        /// </summary>
        public int CharacterTimeoutMilliseconds
        {
            get { return _characterTimeout; }
            set { _characterTimeout = Check(value, 10, 60000); }
        }

        /// <summary>
        /// After the switch to HDLC: with no HDLC link and no byte received for this long, the
        /// line returns to 300 Bd and sign-on (a client that switched and went away). Once a
        /// link is up, the HDLC inactivity time-out and DISC end it. Default 10 s.
        /// </summary>
        public int IdleTimeoutMilliseconds
        {
            get { return _idleTimeout; }
            set { _idleTimeout = Check(value, 100, 3600000); }
        }

        /// <summary>The mode E baud rate character ('0'..'6') of <paramref name="baudRate"/>; -1 when it has none.</summary>
        public static int BaudRateCharacter(int baudRate)
        {
            for (int i = 0; i < BaudRates.Length; i++)
            {
                if (BaudRates[i] == baudRate)
                {
                    return '0' + i;
                }
            }
            return -1;
        }

        private static bool IsLetter(char c)
        {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        // Printable ASCII without the characters that delimit sign-on messages.
        private static bool IsPrintable(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < 0x20 || c > 0x7E || c == '/' || c == '!' || c == '?')
                {
                    return false;
                }
            }
            return true;
        }

        private static int Check(int value, int min, int max)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException();
            }
            return value;
        }
    }
}
