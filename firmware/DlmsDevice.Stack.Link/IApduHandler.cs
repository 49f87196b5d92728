namespace DlmsDevice.Stack
{
    /// <summary>
    /// The layer above a link (HDLC or wrapper): it receives each complete request APDU (LLC
    /// header or wrapper header already removed) and writes the response APDU.
    /// </summary>
    /// <remarks>
    /// The link owns both buffers. The response is written at <c>responseOffset</c>; the bytes in
    /// front of it are headroom the link uses for its own header, so nothing is copied to add it.
    /// </remarks>
    public interface IApduHandler
    {
        /// <summary>
        /// A link to <paramref name="clientSap"/> was established (HDLC SNRM accepted, TCP
        /// connection accepted). Any previous application association on this channel is gone.
        /// </summary>
        /// <param name="clientSap">The client's SAP (HDLC client address without the low bit, or the wrapper source wPort).</param>
        /// <param name="serverLogicalAddress">The addressed logical device (HDLC upper address or wrapper destination wPort).</param>
        void LinkOpened(int clientSap, int serverLogicalAddress);

        /// <summary>
        /// Handles one request APDU and writes the response.
        /// </summary>
        /// <param name="clientSap">The client's SAP the request came from.</param>
        /// <param name="serverLogicalAddress">The addressed logical device.</param>
        /// <param name="request">Buffer holding the request APDU.</param>
        /// <param name="requestOffset">Offset of the first APDU byte.</param>
        /// <param name="requestCount">APDU length in bytes.</param>
        /// <param name="response">Buffer to write the response APDU into.</param>
        /// <param name="responseOffset">Where the response APDU starts (headroom lies before it).</param>
        /// <param name="responseMax">The most bytes the response may take.</param>
        /// <returns>The response length in bytes; 0 when there is nothing to send.</returns>
        int HandleApdu(int clientSap, int serverLogicalAddress,
            byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax);

        /// <summary>
        /// A request APDU arrived that is longer than the link's receive buffer: the link has
        /// dropped its bytes and asks the application layer for the answer (ExceptionResponse
        /// pdu-too-long), so that every refusal of a request is decided in one place.
        /// </summary>
        /// <param name="clientSap">The client's SAP the request came from.</param>
        /// <param name="serverLogicalAddress">The addressed logical device.</param>
        /// <param name="response">Buffer to write the response APDU into.</param>
        /// <param name="responseOffset">Where the response APDU starts (headroom lies before it).</param>
        /// <param name="responseMax">The most bytes the response may take (at least <see cref="LinkLimits.MinimumResponseRoom"/>).</param>
        /// <returns>The response length in bytes; 0 when there is nothing to send.</returns>
        int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax);

        /// <summary>
        /// True while an application association is established on this channel (AARQ accepted,
        /// HLS completed, not released): the device runtime keeps such a connection and lets one
        /// without an association give way when every slot is taken.
        /// </summary>
        bool IsAssociated { get; }

        /// <summary>
        /// The link was closed (HDLC DISC or inactivity timeout, TCP connection closed): the
        /// application association on this channel ends.
        /// </summary>
        void LinkClosed();
    }
}
