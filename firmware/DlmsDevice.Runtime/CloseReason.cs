namespace DlmsDevice.Runtime
{
    /// <summary>Why a channel closed its stream (for the host's log).</summary>
    public enum CloseReason
    {
        /// <summary>Still open, or never opened.</summary>
        None,

        /// <summary>The peer closed the connection (or the port went away).</summary>
        ClosedByPeer,

        /// <summary>The link's inactivity time-out fired (wrapper inactivity_time_out, HDLC inactivity on TCP).</summary>
        Inactivity,

        /// <summary>No association within the association time-out after the connection opened.</summary>
        NoAssociation,

        /// <summary>The wrapper stream broke (a header with a bad version).</summary>
        Broken,

        /// <summary>Every slot was taken: this connection had no association and was the oldest such, so it gave way to a new one.</summary>
        Evicted,

        /// <summary>The host closed it (shutdown).</summary>
        Host,
    }
}
