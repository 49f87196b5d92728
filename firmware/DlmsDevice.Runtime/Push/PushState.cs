namespace DlmsDevice.Runtime
{
    /// <summary>Where a <see cref="PushSender"/> stands.</summary>
    public enum PushState
    {
        /// <summary>No push asked for.</summary>
        Idle = 0,

        /// <summary>A push was asked for; no communication window is open yet.</summary>
        WaitingForWindow,

        /// <summary>A window is open; waiting out the random start delay (randomisation_start_interval).</summary>
        Delaying,

        /// <summary>Connecting to the destination (a TCP connect in progress).</summary>
        Connecting,

        /// <summary>An attempt failed; waiting repetition_delay before the next one.</summary>
        RetryWait,
    }
}
