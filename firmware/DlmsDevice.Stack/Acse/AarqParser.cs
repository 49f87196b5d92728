using System;

namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Decodes an AARQ (BER, Green Book "AARQ-apdu") into a reusable <see cref="AarqRequest"/>.
    /// Allocation-free. Elements DLMS does not use (called-/calling- AE qualifiers and invocation
    /// identifiers, called-AP-title, implementation-information...) are skipped by their BER
    /// length, in any order.
    /// </summary>
    public static class AarqParser
    {
        /// <summary>
        /// Decodes the AARQ in <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>]
        /// into <paramref name="into"/> (cleared first). Bytes after the AARQ's own length are ignored.
        /// </summary>
        /// <returns>
        /// <see cref="AcseStatus.Ok"/>; <see cref="AcseStatus.Truncated"/> when the input ends
        /// before the AARQ does; <see cref="AcseStatus.Invalid"/> for a malformed AARQ or
        /// InitiateRequest; <see cref="AcseStatus.TooLarge"/> when a field exceeds its buffer.
        /// </returns>
        /// <exception cref="ArgumentNullException">buffer or into is null (misuse).</exception>
        /// <exception cref="ArgumentOutOfRangeException">offset/count outside the buffer (misuse).</exception>
        public static AcseStatus Parse(byte[] buffer, int offset, int count, AarqRequest into)
        {
            Guard.Region(buffer, offset, count);
            Guard.NotNull(into);
            into.Clear();

            byte tag;
            int contentOffset;
            int contentLength;
            AcseStatus status = Ber.ReadHeader(buffer, offset, offset + count, AcseStatus.Truncated,
                out tag, out contentOffset, out contentLength);
            if (status != AcseStatus.Ok)
            {
                return status;
            }

            if (tag != AcseTag.Aarq)
            {
                return AcseStatus.Invalid;
            }

            int position = contentOffset;
            int end = contentOffset + contentLength;
            while (position < end)
            {
                // Inner elements are inside an outer element that is wholly present, so running
                // past it is a malformed AARQ, not a short read.
                status = Ber.ReadHeader(buffer, position, end, AcseStatus.Invalid, out tag, out contentOffset, out contentLength);
                if (status != AcseStatus.Ok)
                {
                    return status;
                }

                switch (tag)
                {
                    case AcseTag.ProtocolVersionOrReason:
                        status = ParseProtocolVersion(buffer, contentOffset, contentLength, into);
                        break;
                    case AcseTag.ApplicationContextName:
                        status = ParseApplicationContextName(buffer, contentOffset, contentLength, into);
                        break;
                    case AcseTag.CallingApTitle:
                        status = ParseCallingApTitle(buffer, contentOffset, contentLength, into);
                        break;
                    case AcseTag.SenderAcseRequirements:
                        status = ParseSenderAcseRequirements(buffer, contentOffset, contentLength, into);
                        break;
                    case AcseTag.AarqMechanismName:
                        ParseMechanismName(buffer, contentOffset, contentLength, into);
                        break;
                    case AcseTag.CallingAuthenticationValue:
                        status = ParseCallingAuthenticationValue(buffer, contentOffset, contentLength, into);
                        break;
                    case AcseTag.UserInformation:
                        status = ParseUserInformation(buffer, contentOffset, contentLength, into);
                        break;
                    default:
                        // Optional ACSE elements DLMS does not use: skipped by length.
                        break;
                }

                if (status != AcseStatus.Ok)
                {
                    return status;
                }

                position = contentOffset + contentLength;
            }

            return AcseStatus.Ok;
        }

        /// <summary>
        /// Decodes the user-information Association-information: an OCTET STRING (<c>04</c>)
        /// holding one xDLMS APDU. Shared with <see cref="RlrqParser"/>.
        /// </summary>
        internal static AcseStatus ReadUserInformation(byte[] buffer, int offset, int count,
            out byte xdlmsTag, out int xdlmsOffset, out int xdlmsLength)
        {
            xdlmsTag = 0;
            xdlmsOffset = 0;
            xdlmsLength = 0;
            byte tag;
            int contentOffset;
            int contentLength;
            AcseStatus status = Ber.ReadHeader(buffer, offset, offset + count, AcseStatus.Invalid,
                out tag, out contentOffset, out contentLength);
            if (status != AcseStatus.Ok)
            {
                return status;
            }

            if (tag != AcseTag.OctetString || contentLength == 0)
            {
                return AcseStatus.Invalid;
            }

            xdlmsTag = buffer[contentOffset];
            xdlmsOffset = contentOffset;
            xdlmsLength = contentLength;
            return AcseStatus.Ok;
        }

        /// <summary>
        /// What an xDLMS tag in user-information is: a plain InitiateRequest, a ciphered APDU (the
        /// security layer's business), or something else.
        /// </summary>
        internal static UserInformationKind Classify(byte xdlmsTag)
        {
            if (xdlmsTag == AcseTag.InitiateRequest)
            {
                return UserInformationKind.InitiateRequest;
            }

            if (xdlmsTag == AcseTag.GloInitiateRequest || xdlmsTag == AcseTag.GeneralGloCiphering
                || xdlmsTag == AcseTag.GeneralDedCiphering || xdlmsTag == AcseTag.GeneralCiphering)
            {
                return UserInformationKind.Ciphered;
            }

            return UserInformationKind.Other;
        }

        /// <summary>protocol-version [0] IMPLICIT BIT STRING { version1 (0) }, e.g. <c>80 02 07 80</c>.</summary>
        private static AcseStatus ParseProtocolVersion(byte[] buffer, int offset, int length, AarqRequest into)
        {
            if (length < 1 || buffer[offset] > 7)
            {
                return AcseStatus.Invalid;
            }

            // Bit 0 (version1) is the most significant bit of the first data octet.
            into.ProtocolVersionSupported = length >= 2 && (buffer[offset + 1] & 0x80) != 0;
            return AcseStatus.Ok;
        }

        /// <summary>application-context-name [1] EXPLICIT OBJECT IDENTIFIER: <c>A1 09 06 07 60 85 74 05 08 01 x</c>.</summary>
        private static AcseStatus ParseApplicationContextName(byte[] buffer, int offset, int length, AarqRequest into)
        {
            byte tag;
            int oidOffset;
            int oidLength;
            AcseStatus status = Ber.ReadHeader(buffer, offset, offset + length, AcseStatus.Invalid, out tag, out oidOffset, out oidLength);
            if (status != AcseStatus.Ok)
            {
                return status;
            }

            if (tag != AcseTag.ObjectIdentifier)
            {
                return AcseStatus.Invalid;
            }

            into.HasApplicationContextName = true;
            into.ApplicationContextIsDlms = oidLength == ApplicationContextName.OidLength
                && ApplicationContextName.HasDlmsPrefix(buffer, oidOffset);
            into.ApplicationContextId = into.ApplicationContextIsDlms ? buffer[oidOffset + 6] : (byte)0;
            return AcseStatus.Ok;
        }

        /// <summary>calling-AP-title [6] EXPLICIT, an OCTET STRING in DLMS: <c>A6 0A 04 08 &lt;system title&gt;</c>.</summary>
        private static AcseStatus ParseCallingApTitle(byte[] buffer, int offset, int length, AarqRequest into)
        {
            byte tag;
            int titleOffset;
            int titleLength;
            AcseStatus status = Ber.ReadHeader(buffer, offset, offset + length, AcseStatus.Invalid, out tag, out titleOffset, out titleLength);
            if (status != AcseStatus.Ok)
            {
                return status;
            }

            if (tag != AcseTag.OctetString)
            {
                return AcseStatus.Invalid;
            }

            if (titleLength > AarqRequest.MaxApTitleLength)
            {
                return AcseStatus.TooLarge;
            }

            Array.Copy(buffer, titleOffset, into.CallingApTitle, 0, titleLength);
            into.CallingApTitleLength = titleLength;
            return AcseStatus.Ok;
        }

        /// <summary>sender-acse-requirements [10] IMPLICIT BIT STRING { authentication (0) }: <c>8A 02 07 80</c>.</summary>
        private static AcseStatus ParseSenderAcseRequirements(byte[] buffer, int offset, int length, AarqRequest into)
        {
            if (length < 1 || buffer[offset] > 7)
            {
                return AcseStatus.Invalid;
            }

            into.HasSenderAcseRequirements = true;
            into.AuthenticationFunctionalUnit = length >= 2 && (buffer[offset + 1] & 0x80) != 0;
            return AcseStatus.Ok;
        }

        /// <summary>mechanism-name [11] IMPLICIT OBJECT IDENTIFIER: <c>8B 07 60 85 74 05 08 02 m</c>.</summary>
        private static void ParseMechanismName(byte[] buffer, int offset, int length, AarqRequest into)
        {
            into.HasMechanismName = true;
            into.MechanismNameIsDlms = length == MechanismName.OidLength && MechanismName.HasDlmsPrefix(buffer, offset);
            into.MechanismId = into.MechanismNameIsDlms ? buffer[offset + 6] : (byte)0;
        }

        /// <summary>
        /// calling-authentication-value [12] EXPLICIT Authentication-value: charstring
        /// <c>AC 07 80 05 "Gurux"</c>, or bitstring <c>81 &lt;n&gt; &lt;unused bits&gt; ...</c>.
        /// </summary>
        private static AcseStatus ParseCallingAuthenticationValue(byte[] buffer, int offset, int length, AarqRequest into)
        {
            byte tag;
            int valueOffset;
            int valueLength;
            AcseStatus status = Ber.ReadHeader(buffer, offset, offset + length, AcseStatus.Invalid, out tag, out valueOffset, out valueLength);
            if (status != AcseStatus.Ok)
            {
                return status;
            }

            into.HasCallingAuthenticationValue = true;
            into.CallingAuthenticationValueTag = tag;
            if (tag == AcseTag.BitString)
            {
                // Drop the unused-bits octet; a password or challenge is whole octets.
                if (valueLength < 1 || buffer[valueOffset] > 7)
                {
                    return AcseStatus.Invalid;
                }

                valueOffset++;
                valueLength--;
            }
            else if (tag != AcseTag.CharString)
            {
                // external / other choices: recorded as present, no value (never matches a secret).
                return AcseStatus.Ok;
            }

            if (valueLength > AarqRequest.MaxAuthenticationValueLength)
            {
                return AcseStatus.TooLarge;
            }

            Array.Copy(buffer, valueOffset, into.CallingAuthenticationValue, 0, valueLength);
            into.CallingAuthenticationValueLength = valueLength;
            return AcseStatus.Ok;
        }

        /// <summary>user-information [30] EXPLICIT: <c>BE &lt;l&gt; 04 &lt;n&gt; &lt;xDLMS APDU&gt;</c>.</summary>
        private static AcseStatus ParseUserInformation(byte[] buffer, int offset, int length, AarqRequest into)
        {
            byte xdlmsTag;
            int xdlmsOffset;
            int xdlmsLength;
            AcseStatus status = ReadUserInformation(buffer, offset, length, out xdlmsTag, out xdlmsOffset, out xdlmsLength);
            if (status != AcseStatus.Ok)
            {
                return status;
            }

            into.UserInformationTag = xdlmsTag;
            into.UserInformationOffset = xdlmsOffset;
            into.UserInformationLength = xdlmsLength;
            UserInformationKind kind = Classify(xdlmsTag);
            if (kind == UserInformationKind.InitiateRequest)
            {
                return InitiateRequestParser.Parse(buffer, xdlmsOffset, xdlmsLength, into);
            }

            into.UserInformation = kind;
            return AcseStatus.Ok;
        }
    }
}
