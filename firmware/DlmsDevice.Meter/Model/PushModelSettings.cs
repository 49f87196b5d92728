namespace DlmsDevice.Meter
{
    /// <summary>
    /// The push the meter is built with (<see cref="PushModel"/>): where to, how protected, how
    /// hard to try. Configuration time only; the values become the push setup's attributes, which
    /// an authorised client may change.
    /// </summary>
    public sealed class PushModelSettings
    {
        /// <summary>transport_service: 0 TCP (default), 1 UDP, 5 HDLC (a UI frame on the serial line).</summary>
        public byte Transport { get; set; }

        /// <summary>The destination, e.g. "127.0.0.1:4070" (IPv4 address and port; not used for HDLC).</summary>
        public string Destination { get; set; } = "";

        /// <summary>The push client's wPort (wrapper) or client address (HDLC); default 1.</summary>
        public int DestinationWPort { get; set; } = 1;

        /// <summary>randomisation_start_interval, seconds (default 0).</summary>
        public int RandomisationStartInterval { get; set; }

        /// <summary>number_of_retries (default 3).</summary>
        public int NumberOfRetries { get; set; } = 3;

        /// <summary>repetition_delay, seconds (default 30).</summary>
        public int RepetitionDelay { get; set; } = 30;

        /// <summary>Alert push: every alarm that passes the alarm filter (0.0.97.98.10.255) triggers a push (default true; docs/push.md).</summary>
        public bool OnAlarm { get; set; } = true;

        /// <summary>
        /// True: pushes are protected (general-glo-ciphering, authenticated and encrypted). With no
        /// keys of their own (<see cref="BlockCipherKey"/> null) they use the management
        /// association's Security setup 0.0.43.0.3.255 and share its transmit invocation counter.
        /// </summary>
        public bool Ciphered { get; set; }

        /// <summary>
        /// Global unicast encryption key of the push's own Security setup (16 bytes, with
        /// <see cref="AuthenticationKey"/>); null = the management association's. Keys of its own
        /// give the push its own transmit invocation counter, persisted in a record of its own; they
        /// must differ from the management keys (same system title: a second counter under the
        /// same key would repeat initialisation vectors).
        /// </summary>
        public byte[] BlockCipherKey { get; set; }

        /// <summary>Authentication key of the push's own Security setup (16 bytes); with <see cref="BlockCipherKey"/>.</summary>
        public byte[] AuthenticationKey { get; set; }
    }
}
