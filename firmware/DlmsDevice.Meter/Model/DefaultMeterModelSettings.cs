namespace DlmsDevice.Meter
{
    /// <summary>
    /// Identity and communication values of the default meter (<see cref="DefaultMeterModel"/>):
    /// what the serial number, firmware, LLS password and the setup objects show.
    /// </summary>
    public sealed class DefaultMeterModelSettings
    {
        /// <summary>Manufacturer flag id used in the logical device name (3 letters).</summary>
        public const string FlagId = "DLD";

        /// <summary>Defaults: serial 0000000000001, firmware "DlmsDevice 0.1.0", password 12345678, PDU 1024, HDLC address 17 / 120 s / 9600 baud, port 4059, 64 connections.</summary>
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
            MaxConnections = 64;
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

        /// <summary>Simultaneous connections shown by TCP-UDP setup.</summary>
        public int MaxConnections { get; set; }
    }
}
