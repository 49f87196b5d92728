namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// The server's decision on an AARQ: a pure function from a decoded <see cref="AarqRequest"/>
    /// and the association's <see cref="AssociationParameters"/> to an <see cref="AareResponse"/>
    /// (then encoded by <see cref="AareWriter"/>). Allocation-free.
    /// </summary>
    /// <remarks>
    /// Checks run in the order the ACSE and then the xDLMS ASE see the request (Green Book: the
    /// ACSE checks the application context and authenticates, then hands the InitiateRequest to
    /// xDLMS); the first failing check decides the answer:
    /// <list type="number">
    /// <item>protocol-version without version1: rejected-permanent, acse-service-provider no-common-acse-version (2).</item>
    /// <item>application-context-name absent, not a DLMS OID, or not the association's context:
    ///   rejected-permanent, acse-service-user application-context-name-not-supported (2). The AARE
    ///   still names our context.</item>
    /// <item>mechanism-name an unknown OID, an id above 7, or not the association's mechanism while
    ///   naming one: authentication-mechanism-name-not-recognised (11); no mechanism (or mechanism 0)
    ///   where one is required: authentication-mechanism-name-required (12); LLS password absent or
    ///   wrong: authentication-failure (13). All rejected-permanent.</item>
    /// <item>user-information absent, ciphered (the caller must decipher it and call
    ///   <see cref="InitiateRequestParser.Parse"/> first) or not an InitiateRequest: rejected-permanent,
    ///   no-reason-given (1), no user-information.</item>
    /// <item>InitiateRequest: proposed DLMS version below 6: dlms-version-too-low; client max PDU
    ///   below <see cref="AssociationParameters.MinClientMaxReceivePdu"/>: pdu-size-too-short;
    ///   proposed AND supported without any of get/set/action (LN) or read/write/unconfirmed-write
    ///   (SN): incompatible-conformance. Each is rejected-permanent, no-reason-given, with
    ///   ConfirmedServiceError initiateError in user-information (Green Book example
    ///   <c>BE 06 04 04 0E 01 06 01</c>, as Gurux servers answer).</item>
    /// <item>Otherwise accepted, diagnostic null, InitiateResponse with version 6, conformance
    ///   proposed AND supported, server-max-receive-pdu-size = min(client's, our limit), VAA 0007.
    ///   For an HLS mechanism (2..7) the result is accepted with authentication-required (14),
    ///   responder-acse-requirements and mechanism-name set; the caller adds the StoC challenge
    ///   (<see cref="AareResponse.SetRespondingAuthenticationValue"/>) and keeps the association
    ///   pending until pass 3/4.</item>
    /// </list>
    /// A DLMS version above 6 is accepted and answered with 6 (the server's own version).
    /// </remarks>
    public static class AssociationNegotiation
    {
        /// <summary>Services an LN association cannot do without (any one suffices).</summary>
        private const int LogicalNameServices = Conformance.Get | Conformance.Set | Conformance.Action;

        /// <summary>Services an SN association cannot do without (any one suffices).</summary>
        private const int ShortNameServices = Conformance.Read | Conformance.Write | Conformance.UnconfirmedWrite;

        /// <summary>Shortest CtoS challenge HLS accepts (Green Book: 8 to 64 octets).</summary>
        private const int MinChallengeLength = 8;

        /// <summary>Largest server-max-receive-pdu-size the Unsigned16 field can carry.</summary>
        private const int MaxPduSize = 0xFFFF;

        /// <summary>
        /// Decides on <paramref name="request"/> (parsed with <see cref="AcseStatus.Ok"/>) and fills
        /// <paramref name="response"/> (cleared first).
        /// </summary>
        /// <returns>True when the association is accepted (for HLS: accepted pending authentication).</returns>
        public static bool Negotiate(AarqRequest request, AssociationParameters parameters, AareResponse response)
        {
            if (!CheckAcse(request, parameters, response))
            {
                return false;
            }

            AcseServiceUserDiagnostic authentication = Authenticate(request, parameters);
            if (request.UserInformation != UserInformationKind.InitiateRequest)
            {
                response.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.NoReasonGiven);
                return false;
            }

            int negotiated = request.ProposedConformance & parameters.SupportedConformance;
            InitiateError error;
            if (!CheckInitiate(request, parameters, negotiated, out error))
            {
                response.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.NoReasonGiven);
                response.UserInformation = AareUserInformation.InitiateError;
                response.InitiateError = error;
                return false;
            }

            response.SetUserDiagnostic(AssociationResult.Accepted, authentication);
            response.MechanismId = parameters.MechanismId;
            if (authentication == AcseServiceUserDiagnostic.AuthenticationRequired)
            {
                response.ResponderAcseRequirements = true;
                response.HasMechanismName = true;
            }

            int serverPdu = parameters.ServerMaxReceivePdu < MaxPduSize ? parameters.ServerMaxReceivePdu : MaxPduSize;
            response.UserInformation = AareUserInformation.InitiateResponse;
            response.NegotiatedDlmsVersion = AareResponse.DlmsVersion;
            response.NegotiatedConformance = negotiated;
            response.ServerMaxReceivePdu = request.ClientMaxReceivePdu < serverPdu ? request.ClientMaxReceivePdu : serverPdu;
            response.ClientMaxReceivePdu = request.ClientMaxReceivePdu;
            return true;
        }

        /// <summary>
        /// The ACSE part of <see cref="Negotiate"/> only (checks 1 to 3: protocol version,
        /// application context, authentication mechanism and value), for a caller that must pass
        /// them before it touches the user-information (a ciphered InitiateRequest is deciphered
        /// only for an AARQ the ACSE accepts). Fills <paramref name="response"/> (cleared first)
        /// with the rejection, or leaves it cleared with our context.
        /// </summary>
        /// <returns>True when the ACSE accepts (for HLS: pending authentication).</returns>
        public static bool CheckAcse(AarqRequest request, AssociationParameters parameters, AareResponse response)
        {
            response.Clear();
            response.ApplicationContextId = parameters.ApplicationContextId;

            if (!request.ProtocolVersionSupported)
            {
                response.SetProviderDiagnostic(AssociationResult.RejectedPermanent, AcseServiceProviderDiagnostic.NoCommonAcseVersion);
                return false;
            }

            if (!request.HasApplicationContextName || !request.ApplicationContextIsDlms
                || request.ApplicationContextId != parameters.ApplicationContextId)
            {
                response.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.ApplicationContextNameNotSupported);
                return false;
            }

            AcseServiceUserDiagnostic authentication = Authenticate(request, parameters);
            if (authentication != AcseServiceUserDiagnostic.Null && authentication != AcseServiceUserDiagnostic.AuthenticationRequired)
            {
                response.SetUserDiagnostic(AssociationResult.RejectedPermanent, authentication);
                return false;
            }

            return true;
        }

        /// <summary>
        /// Fills the answer to an AARQ that could not be decoded (<see cref="AarqParser.Parse"/>
        /// returned Truncated, Invalid or TooLarge): rejected-permanent, acse-service-provider
        /// no-reason-given (the ACSE itself could not process it), our context, no user-information.
        /// </summary>
        public static void RejectMalformed(AssociationParameters parameters, AareResponse response)
        {
            response.Clear();
            response.ApplicationContextId = parameters.ApplicationContextId;
            response.SetProviderDiagnostic(AssociationResult.RejectedPermanent, AcseServiceProviderDiagnostic.NoReasonGiven);
        }

        /// <summary>
        /// Null when authenticated (or none required), AuthenticationRequired for an HLS mechanism
        /// that goes on to pass 3/4, otherwise the rejection diagnostic.
        /// </summary>
        private static AcseServiceUserDiagnostic Authenticate(AarqRequest request, AssociationParameters parameters)
        {
            if (request.HasMechanismName && (!request.MechanismNameIsDlms || request.MechanismId > MechanismName.Highest))
            {
                return AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognised;
            }

            byte proposed = request.HasMechanismName ? request.MechanismId : MechanismName.None;
            byte required = parameters.MechanismId;
            if (proposed != required)
            {
                return proposed == MechanismName.None
                    ? AcseServiceUserDiagnostic.AuthenticationMechanismNameRequired
                    : AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognised;
            }

            if (required == MechanismName.None)
            {
                return AcseServiceUserDiagnostic.Null;
            }

            bool valuePresent = request.HasCallingAuthenticationValue
                && (request.CallingAuthenticationValueTag == AcseTag.CharString || request.CallingAuthenticationValueTag == AcseTag.BitString);
            if (required == MechanismName.Lls)
            {
                return valuePresent && parameters.SecretEquals(request.CallingAuthenticationValue, 0, request.CallingAuthenticationValueLength)
                    ? AcseServiceUserDiagnostic.Null
                    : AcseServiceUserDiagnostic.AuthenticationFailure;
            }

            // HLS: the CtoS challenge must be there; the proof comes in pass 3/4.
            return valuePresent && request.CallingAuthenticationValueLength >= MinChallengeLength
                ? AcseServiceUserDiagnostic.AuthenticationRequired
                : AcseServiceUserDiagnostic.AuthenticationFailure;
        }

        /// <summary>The xDLMS InitiateRequest checks; false with the error to send.</summary>
        private static bool CheckInitiate(AarqRequest request, AssociationParameters parameters, int negotiated, out InitiateError error)
        {
            if (request.ProposedDlmsVersion < AareResponse.DlmsVersion)
            {
                error = InitiateError.DlmsVersionTooLow;
                return false;
            }

            if (request.ClientMaxReceivePdu < parameters.MinClientMaxReceivePdu)
            {
                error = InitiateError.PduSizeTooShort;
                return false;
            }

            bool shortName = parameters.ApplicationContextId == ApplicationContextName.ShortName
                || parameters.ApplicationContextId == ApplicationContextName.ShortNameWithCiphering;
            if ((negotiated & (shortName ? ShortNameServices : LogicalNameServices)) == 0)
            {
                error = InitiateError.IncompatibleConformance;
                return false;
            }

            error = InitiateError.Other;
            return true;
        }
    }
}
