namespace DlmsDevice.Meter
{
    /// <summary>
    /// Identity, communication and security values of the default meter
    /// (<see cref="DefaultMeterModel"/>): what the serial number, firmware, passwords, keys and
    /// the setup objects show. The same settings build the meter on every target.
    /// </summary>
    public sealed class DefaultMeterModelSettings
    {
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
            RegisterMonitors = true;
            Limiter = true;
            PushSchedule = false;
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
        /// script table 0.0.10.0.128.255 (default true; docs/billing-and-tariffs.md).
        /// </summary>
        public bool RegisterMonitors { get; set; }

        /// <summary>The limiter 0.0.17.0.0.255 and the disconnect control script table 0.0.10.0.106.255 (default true).</summary>
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

        /// <summary>The meter's system title (8 bytes); null = <see cref="DefaultSystemTitle"/>.</summary>
        public byte[] SystemTitle { get; set; }

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
            byte[] title = new byte[8];
            title[0] = (byte)FlagId[0];
            title[1] = (byte)FlagId[1];
            title[2] = (byte)FlagId[2];
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
