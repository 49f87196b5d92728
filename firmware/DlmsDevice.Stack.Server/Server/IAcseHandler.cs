using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// The seam between the request pipeline and the ACSE layer (AARQ/AARE, RLRQ/RLRE, xDLMS
    /// Initiate negotiation). The pipeline decides which association configuration applies; the
    /// handler decodes, negotiates and encodes.
    /// </summary>
    public interface IAcseHandler
    {
        /// <summary>
        /// Answers an AARQ with an AARE. On acceptance it fills <paramref name="context"/>:
        /// <see cref="CosemContext.Status"/> (associated, or association-pending for HLS),
        /// negotiated conformance, client and server max receive PDU, DLMS version and
        /// authentication mechanism. On rejection the context stays non-associated.
        /// </summary>
        /// <param name="request">Buffer holding the AARQ.</param>
        /// <param name="offset">Offset of the AARQ tag (0x60).</param>
        /// <param name="count">AARQ length.</param>
        /// <param name="association">The configuration for the calling client SAP, or null when the client SAP (or logical device) is unknown: the AARQ must then be rejected (AARE rejected-permanent, acse-service-user no-reason-given).</param>
        /// <param name="maxReceivePdu">The largest server-max-receive-pdu-size the server may announce.</param>
        /// <param name="context">The channel's association state.</param>
        /// <param name="response">Buffer for the AARE.</param>
        /// <param name="responseOffset">Where the AARE starts.</param>
        /// <param name="responseMax">The most bytes the AARE may take.</param>
        /// <returns>AARE length; 0 when nothing is to be sent.</returns>
        int HandleAarq(byte[] request, int offset, int count, AssociationConfig association, int maxReceivePdu,
            CosemContext context, byte[] response, int responseOffset, int responseMax);

        /// <summary>
        /// Answers an RLRQ with an RLRE. The pipeline releases the association afterwards.
        /// </summary>
        /// <returns>RLRE length; 0 when nothing is to be sent.</returns>
        int HandleRlrq(byte[] request, int offset, int count, CosemContext context,
            byte[] response, int responseOffset, int responseMax);
    }
}
