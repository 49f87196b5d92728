namespace DlmsDevice.Runtime.Optical
{
    /// <summary>Where the IEC 62056-21 mode E handshake of the optical port stands.</summary>
    public enum ModeEState
    {
        /// <summary>300 Bd 7E1: waiting for a request message <c>/?!</c> or <c>/?address!</c> CR LF.</summary>
        SignOn,

        /// <summary>A request for this meter arrived: the identification goes out once the reaction time has passed.</summary>
        Identifying,

        /// <summary>The identification was sent: waiting for the acknowledgement/option select message <c>ACK 2 Z 2</c> CR LF.</summary>
        AwaitingOptionSelect,

        /// <summary>HDLC at the agreed speed was selected: the acknowledgement goes out (when echoed), then the line switches.</summary>
        Acknowledging,

        /// <summary>The agreed speed, 8N1: HDLC (IEC 62056-46) until DISC or a time-out.</summary>
        Hdlc,
    }
}
