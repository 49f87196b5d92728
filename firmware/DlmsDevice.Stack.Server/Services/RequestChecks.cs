using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The checks every xDLMS request (anything but AARQ and RLRQ) passes before its service
    /// runs, in one place and in one order, for requests in clear, ciphered requests and requests
    /// the link could not hold. The first check that fails decides the answer, an
    /// ExceptionResponse in clear (docs/services.md, "Request pre-checks", has the bytes).
    /// </summary>
    /// <remarks>
    /// <para>The order follows the layers the Green Book has an APDU cross on its way in (the
    /// supporting layer delivers it; the application layer recognises it, serves it only
    /// within an application association, and only up to the negotiated
    /// server-max-receive-pdu-size; the security layer removes its protection; then the
    /// service element decodes it). The Green Book names each error (xDLMS Exception-Response)
    /// but not a precedence between them: where two apply, the earlier layer answers.</para>
    /// <list type="number">
    /// <item>not received (<see cref="NotReceived"/>: longer than the link's buffer): pdu-too-long
    ///   <c>D8 01 04</c>; nothing else of it is known, not even its tag;</item>
    /// <item>its tag: unknown <c>D8 02 02</c>; recognised but not served (SN services, GBT,
    ///   access, ...; a ciphered envelope where the association has no ciphered context)
    ///   <c>D8 01 02</c>;</item>
    /// <item>no association (not even pending): <c>D8 01 01</c>;</item>
    /// <item>longer than the negotiated server-max-receive-pdu-size (a ciphered request by its
    ///   ciphered length): <c>D8 01 04</c>;</item>
    /// <item>its protection (ApplicationSession with SecurityContext): <c>D8 01 02</c>,
    ///   <c>D8 01 05</c>, <c>D8 01 06 &lt;ic&gt;</c>, <c>D8 02 03</c> (docs/security.md);</item>
    /// <item>the APDU a general-glo/ded envelope held: its tag as in 2
    ///   (<see cref="ServiceDispatcher"/>);</item>
    /// <item>association pending (HLS pass 3 and 4 to come): only reply_to_HLS_authentication,
    ///   anything else <c>D8 01 01</c> (<see cref="AdmitWhilePending"/>);</item>
    /// <item>the service: request type, negotiated conformance, decoding, access rights.</item>
    /// </list>
    /// </remarks>
    public static class RequestChecks
    {
        /// <summary>The tag to pass to <see cref="Admit"/> for a request the link could not hold (its bytes are gone).</summary>
        public const int NotReceived = -1;

        /// <summary>What <see cref="Admit"/> returns for a request that passes.</summary>
        public const int Admitted = -1;

        /// <summary>
        /// Checks 1 to 4 (see remarks) for a request of <paramref name="count"/> bytes whose first
        /// byte is <paramref name="tag"/> (<see cref="NotReceived"/> for one the link dropped).
        /// </summary>
        /// <param name="tag">The APDU tag, or <see cref="NotReceived"/>.</param>
        /// <param name="count">The request's length as received (ciphered length for a ciphered one).</param>
        /// <param name="context">The association state of the channel.</param>
        /// <param name="ciphered">True when the association (established, or selected for the link) has a ciphered context, so ciphered envelopes are served.</param>
        /// <param name="response">Where an ExceptionResponse is written.</param>
        /// <param name="offset">Its offset.</param>
        /// <param name="max">The room for it.</param>
        /// <returns><see cref="Admitted"/> when the request passes; otherwise the length of the ExceptionResponse written (0 when it did not fit: nothing is sent).</returns>
        public static int Admit(int tag, int count, CosemContext context, bool ciphered, byte[] response, int offset, int max)
        {
            if (tag == NotReceived)
            {
                return ServiceExceptions.PduTooLong(response, offset, max);
            }
            byte value = (byte)tag;
            if (SecurityContext.IsProtectedRequestTag(value))
            {
                if (!ciphered)
                {
                    return ServiceExceptions.NotSupported(response, offset, max);
                }
            }
            else if (value != ApduTag.GetRequest && value != ApduTag.SetRequest && value != ApduTag.ActionRequest)
            {
                return Unserved(value, response, offset, max);
            }
            if (context.Status == AssociationStatus.NonAssociated)
            {
                return ServiceExceptions.NotAssociated(response, offset, max);
            }
            if (context.ServerMaxReceivePdu > 0 && count > context.ServerMaxReceivePdu)
            {
                return ServiceExceptions.PduTooLong(response, offset, max);
            }
            return Admitted;
        }

        /// <summary>
        /// The answer to an APDU that is not GET/SET/ACTION (nor, where the association ciphers,
        /// a ciphered one): <c>D8 01 02</c> for one the server recognises but does not serve,
        /// <c>D8 02 02</c> for an unknown one.
        /// </summary>
        public static int Unserved(byte tag, byte[] response, int offset, int max)
        {
            if (ApduTag.IsKnownUnsupportedRequest(tag))
            {
                return ServiceExceptions.NotSupported(response, offset, max);
            }
            return ServiceExceptions.UnknownService(response, offset, max);
        }

        /// <summary>
        /// Check 7: while the association is pending (HLS pass 3 and 4 to come) only
        /// ACTION-Request-Normal on an Association LN (class 15) method 1,
        /// reply_to_HLS_authentication (Blue Book IC 15; Green Book HLS sequence), is served; the
        /// request is the plaintext APDU. True when the request may go on.
        /// </summary>
        public static bool AdmitWhilePending(byte[] request, int offset, int count, CosemContext context)
        {
            if (context.Status != AssociationStatus.AssociationPending)
            {
                return true;
            }
            return count >= 12
                && request[offset] == ApduTag.ActionRequest
                && request[offset + 1] == (byte)ActionRequestType.Normal
                && request[offset + 3] == (byte)(CosemClassId.AssociationLogicalName >> 8)
                && request[offset + 4] == (byte)CosemClassId.AssociationLogicalName
                && request[offset + 11] == AssociationLogicalName.Methods.ReplyToHlsAuthentication;
        }
    }
}
