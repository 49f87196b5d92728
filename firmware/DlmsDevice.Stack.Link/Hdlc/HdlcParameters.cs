namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The HDLC parameters negotiated with SNRM/UA (IEC 62056-46 §6.4.4.4.3.2): maximum
    /// information field lengths and window sizes, each stated <b>from the sender's own point of
    /// view</b> (the client's "transmit" limits the server's "receive" and the other way round).
    /// </summary>
    public sealed class HdlcParameters
    {
        /// <summary>Maximum information field length when the SNRM carries no value (128 bytes).</summary>
        public const int DefaultMaxInformationLength = 128;

        /// <summary>Window size when the SNRM carries no value (1).</summary>
        public const int DefaultWindowSize = 1;

        /// <summary>Largest information field length this profile allows (IEC 62056-46: 2030).</summary>
        public const int MaxInformationLength = 2030;

        /// <summary>Largest window size (modulo-8 sequence numbers allow 7).</summary>
        public const int MaxWindowSize = 7;

        /// <summary>Creates a set with the default values (128, 128, 1, 1).</summary>
        public HdlcParameters()
        {
            SetDefaults();
        }

        /// <summary>Parameter 05: maximum information field length, transmit.</summary>
        public int MaxInfoTransmit { get; set; }

        /// <summary>Parameter 06: maximum information field length, receive.</summary>
        public int MaxInfoReceive { get; set; }

        /// <summary>Parameter 07: window size, transmit.</summary>
        public int WindowTransmit { get; set; }

        /// <summary>Parameter 08: window size, receive.</summary>
        public int WindowReceive { get; set; }

        /// <summary>Sets the defaults that apply to a parameter absent from the SNRM/UA.</summary>
        public void SetDefaults()
        {
            MaxInfoTransmit = DefaultMaxInformationLength;
            MaxInfoReceive = DefaultMaxInformationLength;
            WindowTransmit = DefaultWindowSize;
            WindowReceive = DefaultWindowSize;
        }

        /// <summary>Sets all four values.</summary>
        public void Set(int maxInfoTransmit, int maxInfoReceive, int windowTransmit, int windowReceive)
        {
            MaxInfoTransmit = maxInfoTransmit;
            MaxInfoReceive = maxInfoReceive;
            WindowTransmit = windowTransmit;
            WindowReceive = windowReceive;
        }
    }
}
