namespace DlmsDevice.Hal
{
    /// <summary>
    /// An outbound connection the meter opens itself, for push (Blue Book IC 40
    /// send_destination_and_method with transport TCP or UDP): connect to a destination, send
    /// frames, close. Nothing in it blocks: <see cref="Open"/> only starts a TCP connection and
    /// <see cref="Poll"/> tells when it is up, so a destination that is down never holds up the
    /// meter's loop. One push at a time per instance.
    /// </summary>
    /// <remarks>
    /// Platforms: non-blocking sockets on desktop and Linux (DlmsDevice.Hal.Desktop), a simulated
    /// network for tests (DlmsDevice.Hal.Simulated), nanoFramework sockets on ESP32
    /// (docs/push.md says what that needs). The destination is the push setup's octet-string as
    /// sent, e.g. <c>127.0.0.1:4070</c> (IPv4 address, colon, port); an implementation that
    /// cannot read it answers <see cref="OutboundStatus.Unsupported"/>.
    /// </remarks>
    public interface IOutboundTransport
    {
        /// <summary>
        /// Starts a connection to the destination at <paramref name="destination"/>[<paramref name="offset"/>..+<paramref name="count"/>]
        /// over <paramref name="protocol"/>; closes any previous one first. Never blocks.
        /// </summary>
        /// <returns>Ready (UDP, or a TCP connection that was up at once), Pending (connecting: call <see cref="Poll"/>), Failed, or Unsupported (protocol or destination not understood).</returns>
        OutboundStatus Open(OutboundProtocol protocol, byte[] destination, int offset, int count);

        /// <summary>Where the connection started by <see cref="Open"/> stands: Pending, Ready or Failed. Never blocks.</summary>
        OutboundStatus Poll();

        /// <summary>
        /// Sends one frame (a wrapper frame: one TCP write or one datagram) on a Ready connection.
        /// Never blocks: a send that cannot go at once fails.
        /// </summary>
        /// <returns>Ready when all bytes went, Failed otherwise.</returns>
        OutboundStatus Send(byte[] buffer, int offset, int count);

        /// <summary>Ends the connection (a TCP connection is shut down after the bytes sent). Safe to call twice.</summary>
        void Close();
    }
}
