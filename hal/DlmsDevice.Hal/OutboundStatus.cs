namespace DlmsDevice.Hal
{
    /// <summary>Where an <see cref="IOutboundTransport"/> connection stands.</summary>
    public enum OutboundStatus
    {
        /// <summary>Nothing open.</summary>
        Closed = 0,

        /// <summary>A TCP connection is being made.</summary>
        Pending,

        /// <summary>Connected (or a UDP socket ready): frames can be sent.</summary>
        Ready,

        /// <summary>The connection could not be made, or broke, or a send did not go.</summary>
        Failed,

        /// <summary>The protocol or the destination is not one this platform can use.</summary>
        Unsupported,
    }
}
