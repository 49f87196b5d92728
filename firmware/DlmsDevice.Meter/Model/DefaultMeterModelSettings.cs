using System;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Identity, communication and security values of a meter model (the default one,
    /// <see cref="DefaultMeterModel"/>, or one built from a meter definition by
    /// <see cref="MeterModelBuilder"/>): what the serial number, firmware, passwords, keys and
    /// the setup objects show. The same settings build the meter on every target; a meter
    /// definition names its secrets, and a host supplies them here by name
    /// (<see cref="SetSecret"/>).
    /// </summary>
    public sealed class DefaultMeterModelSettings
    {
        /// <summary>Secret name of <see cref="Password"/> (the LLS password of the default meter's client 32).</summary>
        public const string PasswordSecret = "password";

        /// <summary>Secret name of <see cref="AuthenticationKey"/>.</summary>
        public const string AuthenticationKeySecret = "authentication-key";

        /// <summary>Secret name of <see cref="BlockCipherKey"/>.</summary>
        public const string BlockCipherKeySecret = "encryption-key";

        /// <summary>Secret name of <see cref="MasterKey"/>.</summary>
        public const string MasterKeySecret = "master-key";

        // Secrets other than the four above, by name (configuration time; a handful at most).
        private string[] _secretNames = new string[0];
        private byte[][] _secretValues = new byte[0][];

        /// <summary>Manufacturer flag id used in the logical device name and the default system title (3 letters).</summary>
        public const string FlagId = "DLD";

        /// <summary>The authentication key of the DLMS UA Green Book examples (D0D1..DF): a published test key.</summary>
        public static readonly byte[] TestAuthenticationKey =
        {
            0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF,
        };

        /// <summary>The global unicast encryption key of the Green Book examples (0001..0F): a published test key.</summary>
        public static readonly byte[] TestBlockCipherKey =
        {
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        };

        /// <summary>The master key (KEK) the Gurux tools use by default (0001..0F): a published test key.</summary>
        public static readonly byte[] TestMasterKey =
        {
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        };

        /// <summary>
        /// Defaults: serial 0000000000001, firmware "DlmsDevice 0.1.0", password 12345678, PDU
        /// 1024, HDLC address 17 / 120 s / 9600 baud, port 4059, 2 connections, wrapper
        /// inactivity 120 s, the published test keys (<see cref="UsesTestKeys"/>).
        /// </summary>
        public DefaultMeterModelSettings()
        {
            SerialNumber = "0000000000001";
            FirmwareVersion = "DlmsDevice 0.1.0";
            Password = "12345678";
            MaxApduSize = 1024;
            HdlcPhysicalAddress = 17;
            HdlcInactivityTimeoutSeconds = 120;
            BaudRate = 9600;
            WrapperPort = 4059;
            MaxConnections = 2;
            WrapperInactivityTimeoutSeconds = 120;
            LimiterThresholdWatts = 10000;
            LimiterEmergencyThresholdWatts = 2000;
            LimiterMinOverSeconds = 60;
            LimiterMinUnderSeconds = 60;
        }

        /// <summary>Meter serial number, 1 to 13 characters (the logical device name is <see cref="FlagId"/> + this).</summary>
        public string SerialNumber { get; set; }

        /// <summary>Firmware version string (1.0.0.2.0.255).</summary>
        public string FirmwareVersion { get; set; }

        /// <summary>LLS password of the meter-reader association (client SAP 32), at most 64 characters.</summary>
        public string Password { get; set; }

        /// <summary>server-max-receive-pdu-size the associations offer.</summary>
        public int MaxApduSize { get; set; }

        /// <summary>Device address shown by IEC HDLC setup (0.0.22.0.0.255).</summary>
        public int HdlcPhysicalAddress { get; set; }

        /// <summary>HDLC inactivity time-out shown by IEC HDLC setup, seconds.</summary>
        public int HdlcInactivityTimeoutSeconds { get; set; }

        /// <summary>Serial speed shown by IEC HDLC setup.</summary>
        public int BaudRate { get; set; }

        /// <summary>TCP port shown by TCP-UDP setup (0.0.25.0.0.255).</summary>
        public int WrapperPort { get; set; }

        /// <summary>Simultaneous TCP connections shown by TCP-UDP setup.</summary>
        public int MaxConnections { get; set; }

        /// <summary>
        /// TCP-UDP setup inactivity_time_out, seconds: a wrapper connection without a frame for
        /// this long is closed (0 = never).
        /// </summary>
        public int WrapperInactivityTimeoutSeconds { get; set; }

        /// <summary>
        /// The register monitors of current, power and voltage (0.0.16.0.0..2.255) with their event
        /// script table 0.0.10.0.128.255 (default false: the ESP32 heap budget; the emulator and the Linux host turn them on; docs/billing-and-tariffs.md).
        /// </summary>
        public bool RegisterMonitors { get; set; }

        /// <summary>The limiter 0.0.17.0.0.255 and the disconnect control script table 0.0.10.0.106.255 (default false, as <see cref="RegisterMonitors"/>).</summary>
        public bool Limiter { get; set; }

        /// <summary>
        /// The push script table 0.0.10.0.108.255 and the hourly push schedule 0.0.15.0.4.255
        /// (default false: its script invokes push of the push setup 0.0.25.9.0.255, which the
        /// push part of the meter adds; without it every run would be a failed action).
        /// </summary>
        public bool PushSchedule { get; set; }

        /// <summary>The limiter's threshold_normal on active power import, W (default 10000).</summary>
        public int LimiterThresholdWatts { get; set; }

        /// <summary>The limiter's threshold_emergency, W (default 2000).</summary>
        public int LimiterEmergencyThresholdWatts { get; set; }

        /// <summary>The limiter's min_over_threshold_duration, s (default 60).</summary>
        public int LimiterMinOverSeconds { get; set; }

        /// <summary>The limiter's min_under_threshold_duration, s (default 60).</summary>
        public int LimiterMinUnderSeconds { get; set; }

        /// <summary>Authentication key AK of the management client (16 bytes); null = <see cref="TestAuthenticationKey"/>.</summary>
        public byte[] AuthenticationKey { get; set; }

        /// <summary>Global unicast encryption key EK of the management client (16 bytes); null = <see cref="TestBlockCipherKey"/>.</summary>
        public byte[] BlockCipherKey { get; set; }

        /// <summary>Master key (KEK) for key transfer (16 bytes); null = <see cref="TestMasterKey"/>.</summary>
        public byte[] MasterKey { get; set; }

        /// <summary>The meter's system title (8 bytes); null = <see cref="DefaultSystemTitle()"/>.</summary>
        public byte[] SystemTitle { get; set; }

        /// <summary>
        /// The secret named <paramref name="name"/> as bytes (a password as its Latin-1 bytes);
        /// null when the host supplied none. The four well-known names read the properties.
        /// </summary>
        public byte[] GetSecret(string name)
        {
            switch (name)
            {
                case PasswordSecret:
                    return Password == null ? null : Latin1(Password);
                case AuthenticationKeySecret:
                    return AuthenticationKey;
                case BlockCipherKeySecret:
                    return BlockCipherKey;
                case MasterKeySecret:
                    return MasterKey;
            }
            for (int i = 0; i < _secretNames.Length; i++)
            {
                if (_secretNames[i] == name)
                {
                    return _secretValues[i];
                }
            }
            return null;
        }

        /// <summary>Supplies the secret named <paramref name="name"/> (a key, or a password's Latin-1 bytes); the four well-known names set the properties.</summary>
        /// <exception cref="ArgumentNullException">No name.</exception>
        public void SetSecret(string name, byte[] value)
        {
            if (name == null)
            {
                throw new ArgumentNullException();
            }
            switch (name)
            {
                case PasswordSecret:
                    Password = value == null ? null : FromLatin1(value);
                    return;
                case AuthenticationKeySecret:
                    AuthenticationKey = value;
                    return;
                case BlockCipherKeySecret:
                    BlockCipherKey = value;
                    return;
                case MasterKeySecret:
                    MasterKey = value;
                    return;
            }
            for (int i = 0; i < _secretNames.Length; i++)
            {
                if (_secretNames[i] == name)
                {
                    _secretValues[i] = value;
                    return;
                }
            }
            string[] names = new string[_secretNames.Length + 1];
            byte[][] values = new byte[names.Length][];
            Array.Copy(_secretNames, names, _secretNames.Length);
            Array.Copy(_secretValues, values, _secretValues.Length);
            names[names.Length - 1] = name;
            values[values.Length - 1] = value;
            _secretNames = names;
            _secretValues = values;
        }

        private static byte[] Latin1(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0xFF)
                {
                    throw new ArgumentException();
                }
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }

        private static string FromLatin1(byte[] bytes)
        {
            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }
            return new string(chars);
        }

        /// <summary>True when at least one key is left at a published test key (a host should say so loudly).</summary>
        public bool UsesTestKeys
        {
            get { return AuthenticationKey == null || BlockCipherKey == null || MasterKey == null; }
        }

        /// <summary>
        /// "DLD" (44 4C 44, the flag id) followed by the serial number as a 5-byte big-endian
        /// number (0 when it is not decimal): 444C440000000001 for the default serial.
        /// Allocates (configuration time).
        /// </summary>
        public byte[] DefaultSystemTitle()
        {
            return DefaultSystemTitle(FlagId);
        }

        /// <summary>
        /// <paramref name="flagId"/> (3 letters) followed by the serial number as a 5-byte
        /// big-endian number (0 when it is not decimal). Allocates (configuration time).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="flagId"/> is not 3 characters.</exception>
        public byte[] DefaultSystemTitle(string flagId)
        {
            if (flagId == null || flagId.Length != 3)
            {
                throw new ArgumentException();
            }
            byte[] title = new byte[8];
            title[0] = (byte)flagId[0];
            title[1] = (byte)flagId[1];
            title[2] = (byte)flagId[2];
            string serial = SerialNumber;
            long number = 0;
            bool decimalNumber = serial != null && serial.Length > 0 && serial.Length <= 13;
            for (int i = 0; decimalNumber && i < serial.Length; i++)
            {
                char c = serial[i];
                if (c < '0' || c > '9')
                {
                    decimalNumber = false;
                }
                else
                {
                    number = number * 10 + (c - '0');
                }
            }
            if (!decimalNumber)
            {
                number = 0;
            }
            for (int i = 7; i >= 3; i--)
            {
                title[i] = (byte)number;
                number >>= 8;
            }
            return title;
        }
    }
}
