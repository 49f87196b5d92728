namespace DlmsDevice.Stack
{
    /// <summary>
    /// The layer above a link (HDLC or wrapper): it receives each complete request APDU (LLC
    /// header or wrapper header already removed) and writes the response APDU.
    /// </summary>
    /// <remarks>
    /// <para>The link owns both buffers. It gives the handler the room
    /// <c>response[responseOffset .. responseOffset + responseMax)</c>, with headroom for its own
    /// header in front of <c>responseOffset</c>. The handler writes its response anywhere in that
    /// room and reports where it starts (<c>responseStart</c>): a ciphered response, for one, is
    /// produced behind room for its envelope and the envelope added in place in front of it, so
    /// it starts a few bytes after <c>responseOffset</c>. The link builds its header in front of
    /// <c>responseStart</c> (its headroom is always there, since
    /// <c>responseStart &gt;= responseOffset</c>): nothing is copied to add a header or to move
    /// the response.</para>
    /// <para>A handler may serve several links (the sessions of one server share their request
    /// machinery): the calls into the handlers of one server must not overlap
    /// (SerializedApduHandler in the device runtime).</para>
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
        /// <param name="responseOffset">Where the room for the response starts (headroom lies before it).</param>
        /// <param name="responseMax">The room: the response lies in <c>[responseOffset, responseOffset + responseMax)</c>.</param>
        /// <param name="responseStart">Where the response APDU starts: <c>responseOffset</c>, or
        /// later (a ciphered response, whose envelope was added in place in front of it); the
        /// response ends at <c>responseStart</c> + the length returned, within the room.</param>
        /// <returns>The response length in bytes; 0 when there is nothing to send.</returns>
        int HandleApdu(int clientSap, int serverLogicalAddress,
            byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax, out int responseStart);

        /// <summary>
        /// A request APDU arrived that is longer than the link's receive buffer: the link has
        /// dropped its bytes and asks the application layer for the answer (ExceptionResponse
        /// pdu-too-long), so that every refusal of a request is decided in one place. The answer
        /// starts at <paramref name="responseOffset"/> (it is never ciphered).
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
