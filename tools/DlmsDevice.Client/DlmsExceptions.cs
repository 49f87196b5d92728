using System;

namespace DlmsDevice.Client
{
    /// <summary>Base class of every error the client reports (desktop code: errors are exceptions).</summary>
    public class DlmsException : Exception
    {
        /// <summary>Creates the exception with a one-line message.</summary>
        public DlmsException(string message) : base(message) { }

        /// <summary>Creates the exception with a one-line message and the underlying cause.</summary>
        public DlmsException(string message, Exception inner) : base(message, inner) { }
    }

    /// <summary>No (complete) reply arrived within the configured timeout.</summary>
    public sealed class DlmsTimeoutException : DlmsException
    {
        /// <summary>Creates the exception.</summary>
        public DlmsTimeoutException(string message) : base(message) { }
    }

    /// <summary>The peer sent bytes that do not decode (bad frame, bad APDU, bad A-XDR) or are out of sequence.</summary>
    public sealed class DlmsProtocolException : DlmsException
    {
        /// <summary>Creates the exception.</summary>
        public DlmsProtocolException(string message) : base(message) { }
    }

    /// <summary>The link failed: connection closed, DM or FRMR received, port could not be opened.</summary>
    public sealed class DlmsLinkException : DlmsException
    {
        /// <summary>Creates the exception.</summary>
        public DlmsLinkException(string message) : base(message) { }

        /// <summary>Creates the exception with its cause.</summary>
        public DlmsLinkException(string message, Exception inner) : base(message, inner) { }
    }

    /// <summary>The server answered a GET/SET/ACTION with a Data-Access-Result or action-result other than success.</summary>
    public sealed class DataAccessException : DlmsException
    {
        /// <summary>Creates the exception for a result code.</summary>
        public DataAccessException(DataAccessResult result, string context)
            : base(context + ": " + DataAccessResults.Name(result) + " (" + (int)result + ")")
        {
            Result = result;
        }

        /// <summary>The result code the server returned.</summary>
        public DataAccessResult Result { get; }
    }

    /// <summary>The server answered with an ExceptionResponse (<c>D8 state-error service-error</c>).</summary>
    public sealed class ExceptionResponseException : DlmsException
    {
        /// <summary>Creates the exception.</summary>
        public ExceptionResponseException(byte stateError, byte serviceError)
            : this(stateError, serviceError, null)
        {
        }

        /// <summary>
        /// Creates the exception; <paramref name="invocationCounter"/> is the counter the server
        /// expects, which Gurux servers append to an invocation-counter-error (<c>D8 01 06 xxxxxxxx</c>).
        /// </summary>
        public ExceptionResponseException(byte stateError, byte serviceError, uint? invocationCounter)
            : base("Exception-response: state-error " + StateName(stateError) + " (" + stateError + "), service-error " + ServiceName(serviceError) + " (" + serviceError + ")"
                  + (invocationCounter is uint ic ? ", server expects invocation counter " + ic : "")
                  + (serviceError is 5 or 6 ? Hint(serviceError) : ""))
        {
            StateError = stateError;
            ServiceError = serviceError;
            InvocationCounter = invocationCounter;
        }

        /// <summary>The invocation counter the server reported with an invocation-counter-error, if any.</summary>
        public uint? InvocationCounter { get; }

        private static string Hint(byte serviceError) => serviceError == 5
            ? ": the server could not decipher or authenticate the request (keys, system title or security policy differ)"
            : ": the server rejected the request's invocation counter (use a higher --ic or --read-ic)";

        /// <summary>state-error: 1 service-not-allowed, 2 service-unknown.</summary>
        public byte StateError { get; }

        /// <summary>service-error: 1 operation-not-possible, 2 service-not-supported, 3 other-reason, 4 pdu-too-long, 5 deciphering-error, 6 invocation-counter-error.</summary>
        public byte ServiceError { get; }

        private static string StateName(byte v) => v switch
        {
            1 => "service-not-allowed",
            2 => "service-unknown",
            _ => "unknown",
        };

        private static string ServiceName(byte v) => v switch
        {
            1 => "operation-not-possible",
            2 => "service-not-supported",
            3 => "other-reason",
            4 => "pdu-too-long",
            5 => "deciphering-error",
            6 => "invocation-counter-error",
            _ => "unknown",
        };
    }

    /// <summary>The server answered with a ConfirmedServiceError APDU (<c>0E</c>), e.g. an InitiateError in the AARE.</summary>
    public sealed class ConfirmedServiceErrorException : DlmsException
    {
        /// <summary>Creates the exception.</summary>
        public ConfirmedServiceErrorException(ConfirmedServiceError error)
            : base("Confirmed-service-error: " + error)
        {
            Error = error;
        }

        /// <summary>The decoded error.</summary>
        public ConfirmedServiceError Error { get; }
    }

    /// <summary>The server rejected the association (AARE result not accepted, or an InitiateError).</summary>
    public sealed class AssociationRejectedException : DlmsException
    {
        /// <summary>Creates the exception from the decoded AARE.</summary>
        public AssociationRejectedException(AssociationResponse response)
            : base(Describe(response))
        {
            Response = response;
        }

        /// <summary>The decoded AARE.</summary>
        public AssociationResponse Response { get; }

        private static string Describe(AssociationResponse r)
        {
            string text = "Association rejected: result " + AssociationResponse.ResultName(r.Result) + " (" + r.Result + "), "
                + (r.DiagnosticIsProvider ? "acse-service-provider" : "acse-service-user") + " diagnostic "
                + AssociationResponse.DiagnosticName(r.Diagnostic, r.DiagnosticIsProvider) + " (" + r.Diagnostic + ")";
            if (r.InitiateError is ConfirmedServiceError e)
            {
                text += ", " + e;
            }
            return text;
        }
    }

    /// <summary>Why a <see cref="DlmsSecurityException"/> was thrown.</summary>
    public enum SecurityFailure
    {
        /// <summary>A protected reply could not be deciphered or its tag did not verify.</summary>
        DecipheringFailed,
        /// <summary>A protected reply carried an invocation counter not above the previous one (replay).</summary>
        ReplayedInvocationCounter,
        /// <summary>The reply was not protected, or less protected than the security policy requires.</summary>
        InsufficientProtection,
        /// <summary>The server's HLS proof (f(CtoS) in the reply_to_HLS_authentication response) was wrong.</summary>
        ServerAuthenticationFailed,
        /// <summary>The server refused the client's HLS proof f(StoC).</summary>
        ClientAuthenticationRejected,
        /// <summary>The AARE lacks what the mechanism needs (StoC, server system title, diagnostic 14).</summary>
        IncompleteAssociation,
        /// <summary>A general-glo reply carried a system title other than the server's.</summary>
        WrongSystemTitle,
        /// <summary>The client's invocation counter reached 0xFFFFFFFF: new keys are needed.</summary>
        InvocationCounterExhausted,
    }

    /// <summary>
    /// Suite-0 ciphering or HLS failed: a reply did not decipher, was replayed, was not protected
    /// as the policy requires, or one side did not authenticate the other.
    /// </summary>
    public sealed class DlmsSecurityException : DlmsException
    {
        /// <summary>Creates the exception.</summary>
        public DlmsSecurityException(SecurityFailure failure, string message)
            : base(message)
        {
            Failure = failure;
        }

        /// <summary>What failed.</summary>
        public SecurityFailure Failure { get; }
    }
}
