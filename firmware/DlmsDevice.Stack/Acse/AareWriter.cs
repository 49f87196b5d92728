using System;

namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Encodes an <see cref="AareResponse"/> as an AARE (BER, Green Book "AARE-apdu"), elements
    /// in ACSE order: <c>A1</c> context, <c>A2</c> result, <c>A3</c> diagnostic, <c>A4</c>
    /// responding-AP-title, <c>88</c> responder-acse-requirements, <c>89</c> mechanism-name,
    /// <c>AA</c> responding-authentication-value, <c>BE</c> user-information. Every BER length is
    /// computed from what follows it (the Gurux RLRE length bug is the thing to avoid).
    /// Allocation-free.
    /// </summary>
    public static class AareWriter
    {
        /// <summary><c>A1 09 06 07 &lt;7 OID bytes&gt;</c>.</summary>
        private const int ContextElementSize = 11;
        /// <summary><c>A2 03 02 01 r</c>.</summary>
        private const int ResultElementSize = 5;
        /// <summary><c>A3 05 A1 03 02 01 d</c>.</summary>
        private const int DiagnosticElementSize = 7;
        /// <summary><c>88 02 07 80</c>.</summary>
        private const int AcseRequirementsElementSize = 4;
        /// <summary><c>89 07 &lt;7 OID bytes&gt;</c>.</summary>
        private const int MechanismElementSize = 9;

        /// <summary>
        /// Writes the AARE at <paramref name="offset"/>, using at most <paramref name="max"/> bytes.
        /// </summary>
        /// <param name="response">What to send.</param>
        /// <param name="buffer">Output buffer.</param>
        /// <param name="offset">Where the AARE starts.</param>
        /// <param name="max">The most bytes the AARE may take.</param>
        /// <param name="length">The AARE length written; 0 on failure.</param>
        /// <returns>Ok, or Overflow (nothing written) when the AARE does not fit.</returns>
        /// <exception cref="ArgumentNullException">response or buffer is null (misuse).</exception>
        /// <exception cref="ArgumentOutOfRangeException">offset/max outside the buffer (misuse).</exception>
        public static AcseStatus Write(AareResponse response, byte[] buffer, int offset, int max, out int length)
        {
            Guard.NotNull(response);
            Guard.Region(buffer, offset, max);
            length = 0;

            int userInformationLength = UserInformationContentLength(response);
            int content = ContextElementSize + ResultElementSize + DiagnosticElementSize;
            if (response.RespondingApTitleLength > 0)
            {
                content += Ber.ElementSize(Ber.ElementSize(response.RespondingApTitleLength));
            }

            if (response.ResponderAcseRequirements)
            {
                content += AcseRequirementsElementSize;
            }

            if (response.HasMechanismName)
            {
                content += MechanismElementSize;
            }

            if (response.RespondingAuthenticationValueLength > 0)
            {
                content += Ber.ElementSize(Ber.ElementSize(response.RespondingAuthenticationValueLength));
            }

            if (response.UserInformation != AareUserInformation.None)
            {
                content += Ber.ElementSize(Ber.ElementSize(userInformationLength));
            }

            int total = Ber.ElementSize(content);
            if (total > max)
            {
                return AcseStatus.Overflow;
            }

            int position = Ber.WriteHeader(buffer, offset, AcseTag.Aare, content);
            position = WriteApplicationContextName(buffer, position, response.ApplicationContextId);

            position = Ber.WriteHeader(buffer, position, AcseTag.Result, 3);
            position = WriteSmallInteger(buffer, position, (byte)response.Result);

            position = Ber.WriteHeader(buffer, position, AcseTag.ResultSourceDiagnostic, 5);
            byte choice = response.DiagnosticSource == DiagnosticSource.AcseServiceProvider
                ? AcseTag.AcseServiceProvider
                : AcseTag.AcseServiceUser;
            position = Ber.WriteHeader(buffer, position, choice, 3);
            position = WriteSmallInteger(buffer, position, response.Diagnostic);

            if (response.RespondingApTitleLength > 0)
            {
                int titleLength = response.RespondingApTitleLength;
                position = Ber.WriteHeader(buffer, position, AcseTag.RespondingApTitle, Ber.ElementSize(titleLength));
                position = Ber.WriteHeader(buffer, position, AcseTag.OctetString, titleLength);
                Array.Copy(response.RespondingApTitle, 0, buffer, position, titleLength);
                position += titleLength;
            }

            if (response.ResponderAcseRequirements)
            {
                // BIT STRING, 7 unused bits, authentication (bit 0) set.
                buffer[position] = AcseTag.ResponderAcseRequirements;
                buffer[position + 1] = 0x02;
                buffer[position + 2] = 0x07;
                buffer[position + 3] = 0x80;
                position += AcseRequirementsElementSize;
            }

            if (response.HasMechanismName)
            {
                position = Ber.WriteHeader(buffer, position, AcseTag.AareMechanismName, MechanismName.OidLength);
                position = MechanismName.WriteOid(buffer, position, response.MechanismId);
            }

            if (response.RespondingAuthenticationValueLength > 0)
            {
                int valueLength = response.RespondingAuthenticationValueLength;
                position = Ber.WriteHeader(buffer, position, AcseTag.RespondingAuthenticationValue, Ber.ElementSize(valueLength));
                position = Ber.WriteHeader(buffer, position, AcseTag.CharString, valueLength);
                Array.Copy(response.RespondingAuthenticationValue, 0, buffer, position, valueLength);
                position += valueLength;
            }

            if (response.UserInformation != AareUserInformation.None)
            {
                position = Ber.WriteHeader(buffer, position, AcseTag.UserInformation, Ber.ElementSize(userInformationLength));
                position = Ber.WriteHeader(buffer, position, AcseTag.OctetString, userInformationLength);
                position += WriteUserInformationContent(response, buffer, position);
            }

            length = position - offset;
            return AcseStatus.Ok;
        }

        /// <summary>Writes <c>A1 09 06 07 60 85 74 05 08 01 x</c>; returns the next position.</summary>
        internal static int WriteApplicationContextName(byte[] buffer, int position, byte contextId)
        {
            position = Ber.WriteHeader(buffer, position, AcseTag.ApplicationContextName, ApplicationContextName.OidLength + 2);
            position = Ber.WriteHeader(buffer, position, AcseTag.ObjectIdentifier, ApplicationContextName.OidLength);
            return ApplicationContextName.WriteOid(buffer, position, contextId);
        }

        /// <summary>Writes a one-octet universal INTEGER <c>02 01 v</c>; returns the next position.</summary>
        private static int WriteSmallInteger(byte[] buffer, int position, byte value)
        {
            buffer[position] = AcseTag.Integer;
            buffer[position + 1] = 0x01;
            buffer[position + 2] = value;
            return position + 3;
        }

        /// <summary>Length of the xDLMS APDU inside user-information.</summary>
        private static int UserInformationContentLength(AareResponse response)
        {
            switch (response.UserInformation)
            {
                case AareUserInformation.InitiateResponse:
                    return InitiateResponseWriter.InitiateResponseLength;
                case AareUserInformation.InitiateError:
                    return InitiateResponseWriter.InitiateErrorLength;
                case AareUserInformation.Raw:
                    return response.RawUserInformationLength;
                default:
                    return 0;
            }
        }

        /// <summary>Writes the xDLMS APDU (room was checked); returns its length.</summary>
        private static int WriteUserInformationContent(AareResponse response, byte[] buffer, int position)
        {
            int written;
            switch (response.UserInformation)
            {
                case AareUserInformation.InitiateResponse:
                    InitiateResponseWriter.WriteInitiateResponse(buffer, position, InitiateResponseWriter.InitiateResponseLength,
                        response.NegotiatedDlmsVersion, response.NegotiatedConformance, response.ServerMaxReceivePdu,
                        response.VaaName, out written);
                    return written;
                case AareUserInformation.InitiateError:
                    InitiateResponseWriter.WriteInitiateError(buffer, position, InitiateResponseWriter.InitiateErrorLength,
                        response.InitiateError, out written);
                    return written;
                default:
                    Array.Copy(response.RawUserInformation, response.RawUserInformationOffset, buffer, position,
                        response.RawUserInformationLength);
                    return response.RawUserInformationLength;
            }
        }
    }
}
