namespace DlmsDevice.Runtime
{
    /// <summary>What a <see cref="DeviceChannel"/> tells its host after handling input or time.</summary>
    public enum ChannelStatus
    {
        /// <summary>The channel is attached and serving.</summary>
        Open,

        /// <summary>
        /// The channel closed its stream (peer gone, time-out, no association in time, a broken
        /// wrapper stream, or it gave its slot to a newer connection); the slot is free again.
        /// </summary>
        Closed,
    }
}
