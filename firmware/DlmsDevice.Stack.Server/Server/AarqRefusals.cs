using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// Tells the operator why <see cref="AssociationNegotiation"/> refused an AARQ: reads the
    /// rejecting AARE it built and the request, and records the reason and its two numbers in the
    /// channel's <see cref="CosemContext"/> (<see cref="AssociationRefusal"/>). Reads only; the
    /// AARE is not touched. Allocation-free.
    /// </summary>
    internal static class AarqRefusals
    {
        /// <summary>Shortest CtoS challenge HLS accepts (Green Book: 8 to 64 octets).</summary>
        private const int MinChallengeLength = 8;

        /// <summary>The reason behind a rejection by <see cref="AssociationNegotiation.CheckAcse"/> or <see cref="AssociationNegotiation.Negotiate"/>.</summary>
        public static void Record(AarqRequest request, AssociationParameters parameters, AareResponse response, CosemContext context)
        {
            if (response.DiagnosticSource == DiagnosticSource.AcseServiceProvider)
            {
                context.Refuse(AssociationRefusal.ProtocolVersion, -1, -1);
                return;
            }

            switch ((AcseServiceUserDiagnostic)response.Diagnostic)
            {
                case AcseServiceUserDiagnostic.ApplicationContextNameNotSupported:
                    context.Refuse(AssociationRefusal.ApplicationContextNotSupported,
                        request.HasApplicationContextName && request.ApplicationContextIsDlms ? request.ApplicationContextId : -1,
                        parameters.ApplicationContextId);
                    return;
                case AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognised:
                    context.Refuse(AssociationRefusal.MechanismNotRecognised,
                        request.HasMechanismName && request.MechanismNameIsDlms ? request.MechanismId : -1,
                        parameters.MechanismId);
                    return;
                case AcseServiceUserDiagnostic.AuthenticationMechanismNameRequired:
                    context.Refuse(AssociationRefusal.MechanismRequired, -1, parameters.MechanismId);
                    return;
                case AcseServiceUserDiagnostic.AuthenticationFailure:
                    long given = request.HasCallingAuthenticationValue ? request.CallingAuthenticationValueLength : -1;
                    if (parameters.MechanismId == MechanismName.Lls)
                    {
                        context.Refuse(AssociationRefusal.WrongPassword, given, -1);
                    }
                    else
                    {
                        context.Refuse(AssociationRefusal.ChallengeInvalid, given, MinChallengeLength);
                    }
                    return;
            }

            if (response.UserInformation == AareUserInformation.InitiateError)
            {
                RecordInitiateError(request, parameters, response.InitiateError, context);
                return;
            }

            context.Refuse(AssociationRefusal.InitiateRequestMissing, (long)request.UserInformation, -1);
        }

        private static void RecordInitiateError(AarqRequest request, AssociationParameters parameters, InitiateError error, CosemContext context)
        {
            switch (error)
            {
                case InitiateError.DlmsVersionTooLow:
                    context.Refuse(AssociationRefusal.DlmsVersionTooLow, request.ProposedDlmsVersion, AareResponse.DlmsVersion);
                    return;
                case InitiateError.PduSizeTooShort:
                    context.Refuse(AssociationRefusal.PduSizeTooShort, request.ClientMaxReceivePdu, parameters.MinClientMaxReceivePdu);
                    return;
                default:
                    context.Refuse(AssociationRefusal.IncompatibleConformance, request.ProposedConformance, parameters.SupportedConformance);
                    return;
            }
        }

        /// <summary>The 8 bytes of a system title as one big-endian number (0 unless exactly 8 bytes).</summary>
        public static long TitleValue(byte[] title, int length)
        {
            if (length != 8)
            {
                return 0;
            }

            long value = 0;
            for (int i = 0; i < 8; i++)
            {
                value = (value << 8) | title[i];
            }

            return value;
        }
    }
}
