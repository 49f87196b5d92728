namespace DlmsDevice.Stack.Services
{
    /// <summary>ExceptionResponse state-error (Green Book, Exception-Response ::= SEQUENCE { state-error [0] ENUMERATED ... }).</summary>
    public enum StateError : byte
    {
        /// <summary>service-not-allowed (1): the service cannot be used in the current state (e.g. no association).</summary>
        ServiceNotAllowed = 1,
        /// <summary>service-unknown (2): the APDU is not recognised or cannot be decoded.</summary>
        ServiceUnknown = 2,
    }

    /// <summary>ExceptionResponse service-error CHOICE (every alternative but invocation-counter-error is NULL, so only the choice byte is sent).</summary>
    public enum ServiceError : byte
    {
        /// <summary>operation-not-possible [1].</summary>
        OperationNotPossible = 1,
        /// <summary>service-not-supported [2].</summary>
        ServiceNotSupported = 2,
        /// <summary>other-reason [3].</summary>
        OtherReason = 3,
        /// <summary>pdu-too-long [4].</summary>
        PduTooLong = 4,
        /// <summary>deciphering-error [5].</summary>
        DecipheringError = 5,
        /// <summary>invocation-counter-error [6] (followed by the expected counter, Unsigned32).</summary>
        InvocationCounterError = 6,
    }

    /// <summary>
    /// Encodes Exception-Response: <c>D8 &lt;state-error&gt; &lt;service-error&gt;</c> (Green Book,
    /// xDLMS APDUs). It carries no invoke-id: it answers a request that could not be served at all.
    /// </summary>
    public static class ExceptionResponse
    {
        /// <summary>Encoded length of an ExceptionResponse without the invocation counter.</summary>
        public const int Length = 3;

        /// <summary>
        /// Writes the APDU at <paramref name="offset"/>. Returns its length, or 0 when
        /// <paramref name="max"/> is too small.
        /// </summary>
        public static int Write(byte[] buffer, int offset, int max, StateError stateError, ServiceError serviceError)
        {
            if (max < Length)
            {
                return 0;
            }
            buffer[offset] = ApduTag.ExceptionResponse;
            buffer[offset + 1] = (byte)stateError;
            buffer[offset + 2] = (byte)serviceError;
            return Length;
        }

        /// <summary>
        /// Writes an invocation-counter-error exception with the counter the server expects
        /// (<c>D8 01 06 &lt;uint32&gt;</c>, as the Gurux servers send it). Returns 0 when it does not fit.
        /// </summary>
        public static int WriteInvocationCounterError(byte[] buffer, int offset, int max, uint expectedCounter)
        {
            if (max < Length + 4)
            {
                return 0;
            }
            buffer[offset] = ApduTag.ExceptionResponse;
            buffer[offset + 1] = (byte)StateError.ServiceNotAllowed;
            buffer[offset + 2] = (byte)ServiceError.InvocationCounterError;
            BigEndian.WriteUInt32(buffer, offset + 3, expectedCounter);
            return Length + 4;
        }
    }
}
