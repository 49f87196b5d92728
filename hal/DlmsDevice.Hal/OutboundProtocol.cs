namespace DlmsDevice.Hal
{
    /// <summary>The transports <see cref="IOutboundTransport"/> opens; the values are the Blue Book IC 40 transport_service ones.</summary>
    public enum OutboundProtocol
    {
        /// <summary>TCP (transport_service 0).</summary>
        Tcp = 0,

        /// <summary>UDP (transport_service 1).</summary>
        Udp = 1,
    }
}
