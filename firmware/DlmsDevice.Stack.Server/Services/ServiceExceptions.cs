namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The ExceptionResponses the server sends, one method per situation, so the choice of
    /// state-error / service-error lives in one place (docs/services.md, table "Errors").
    /// </summary>
    /// <remarks>
    /// Green Book, xDLMS Exception-Response: state-error service-not-allowed when the service
    /// cannot be used in the current state or context, service-unknown when the APDU is not
    /// recognised; service-error tells why.
    /// </remarks>
    public static class ServiceExceptions
    {
        /// <summary>
        /// An APDU tag, or a request-type choice of GET/SET/ACTION, the server does not know:
        /// <c>D8 02 02</c> (service-unknown, service-not-supported).
        /// </summary>
        public static int UnknownService(byte[] buffer, int offset, int max)
        {
            return ExceptionResponse.Write(buffer, offset, max, StateError.ServiceUnknown, ServiceError.ServiceNotSupported);
        }

        /// <summary>
        /// A request the server recognises but does not serve, or a service / variant outside the
        /// negotiated conformance block: <c>D8 01 02</c> (service-not-allowed, service-not-supported).
        /// </summary>
        public static int NotSupported(byte[] buffer, int offset, int max)
        {
            return ExceptionResponse.Write(buffer, offset, max, StateError.ServiceNotAllowed, ServiceError.ServiceNotSupported);
        }

        /// <summary>
        /// GET/SET/ACTION while no application association is established:
        /// <c>D8 01 01</c> (service-not-allowed, operation-not-possible).
        /// </summary>
        public static int NotAssociated(byte[] buffer, int offset, int max)
        {
            return ExceptionResponse.Write(buffer, offset, max, StateError.ServiceNotAllowed, ServiceError.OperationNotPossible);
        }

        /// <summary>
        /// A request longer than the server-max-receive-pdu-size announced in the AARE:
        /// <c>D8 01 04</c> (service-not-allowed, pdu-too-long).
        /// </summary>
        public static int PduTooLong(byte[] buffer, int offset, int max)
        {
            return ExceptionResponse.Write(buffer, offset, max, StateError.ServiceNotAllowed, ServiceError.PduTooLong);
        }

        /// <summary>
        /// A truncated or malformed APDU that cannot be decoded: <c>D8 02 03</c>
        /// (service-unknown, other-reason).
        /// </summary>
        public static int Malformed(byte[] buffer, int offset, int max)
        {
            return ExceptionResponse.Write(buffer, offset, max, StateError.ServiceUnknown, ServiceError.OtherReason);
        }

        /// <summary>
        /// A ciphered request whose protection cannot be removed (malformed envelope, another
        /// suite, less protection than the security policy requires, wrong system title, wrong
        /// key or altered tag, ciphertext or header), or a plain request where the policy requires
        /// protection: <c>D8 01 05</c> (service-not-allowed, deciphering-error). One answer for all
        /// of these, so a sender without the keys learns nothing about which check failed.
        /// </summary>
        public static int DecipheringError(byte[] buffer, int offset, int max)
        {
            return ExceptionResponse.Write(buffer, offset, max, StateError.ServiceNotAllowed, ServiceError.DecipheringError);
        }

        /// <summary>
        /// An authentic ciphered request whose invocation counter is not greater than the last one
        /// accepted with that key: <c>D8 01 06 &lt;expected&gt;</c> (service-not-allowed,
        /// invocation-counter-error with the smallest counter that would be accepted).
        /// </summary>
        public static int InvocationCounterError(byte[] buffer, int offset, int max, uint expectedCounter)
        {
            return ExceptionResponse.WriteInvocationCounterError(buffer, offset, max, expectedCounter);
        }

        /// <summary>
        /// A well-formed request the server cannot answer at all (e.g. a GET-with-list result that
        /// does not fit even with every oversized item replaced by other-reason):
        /// <c>D8 01 03</c> (service-not-allowed, other-reason).
        /// </summary>
        public static int CannotRespond(byte[] buffer, int offset, int max)
        {
            return ExceptionResponse.Write(buffer, offset, max, StateError.ServiceNotAllowed, ServiceError.OtherReason);
        }
    }
}
