using System;

namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Decodes an xDLMS InitiateRequest (A-XDR, Green Book):
    /// <code>
    /// InitiateRequest ::= SEQUENCE {
    ///   dedicated-key               OCTET STRING OPTIONAL,          -- 00 | 01 len key
    ///   response-allowed            BOOLEAN DEFAULT TRUE,           -- 00 | 01 bool
    ///   proposed-quality-of-service [0] IMPLICIT Integer8 OPTIONAL, -- 00 | 01 qos
    ///   proposed-dlms-version-number Unsigned8,
    ///   proposed-conformance        Conformance,                    -- 5F 1F 04 00 c c c
    ///   client-max-receive-pdu-size Unsigned16 }
    /// </code>
    /// Used by <see cref="AarqParser"/> for a plain user-information, and by the security layer
    /// after it has deciphered a glo-initiate-request.
    /// </summary>
    public static class InitiateRequestParser
    {
        /// <summary>Tag of [APPLICATION 31] Conformance: <c>5F 1F</c>.</summary>
        private const byte ConformanceTag = 0x5F;
        private const byte ConformanceTagNumber = 0x1F;

        /// <summary>Content length of the Conformance BIT STRING: unused-bits octet plus 3 octets.</summary>
        private const int ConformanceLength = 4;

        /// <summary>
        /// Decodes the InitiateRequest APDU (starting with its tag <c>01</c>) in
        /// <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>] into the
        /// InitiateRequest fields of <paramref name="into"/> and sets
        /// <see cref="AarqRequest.UserInformation"/> to <see cref="UserInformationKind.InitiateRequest"/>.
        /// The user-information range fields are left as they were. Trailing bytes are ignored.
        /// </summary>
        /// <returns>Ok, Invalid (malformed or too short), or TooLarge (dedicated key over 16 bytes).</returns>
        public static AcseStatus Parse(byte[] buffer, int offset, int count, AarqRequest into)
        {
            Guard.Region(buffer, offset, count);
            Guard.NotNull(into);
            into.ClearInitiateRequest();
            int end = offset + count;
            int position = offset;

            if (position >= end || buffer[position] != AcseTag.InitiateRequest)
            {
                return AcseStatus.Invalid;
            }

            position++;

            // dedicated-key: A-XDR OPTIONAL, usage flag then OCTET STRING (length, bytes).
            if (position >= end)
            {
                return AcseStatus.Invalid;
            }

            if (buffer[position++] != 0)
            {
                int keyLength;
                AcseStatus status = Ber.ReadLength(buffer, ref position, end, AcseStatus.Invalid, out keyLength);
                if (status != AcseStatus.Ok)
                {
                    return status;
                }

                if (keyLength > end - position)
                {
                    return AcseStatus.Invalid;
                }

                if (keyLength > AarqRequest.MaxDedicatedKeyLength)
                {
                    return AcseStatus.TooLarge;
                }

                Array.Copy(buffer, position, into.DedicatedKey, 0, keyLength);
                into.DedicatedKeyLength = keyLength;
                position += keyLength;
            }

            // response-allowed: A-XDR DEFAULT, 00 = the default (TRUE), else a BOOLEAN follows.
            if (position >= end)
            {
                return AcseStatus.Invalid;
            }

            if (buffer[position++] != 0)
            {
                if (position >= end)
                {
                    return AcseStatus.Invalid;
                }

                into.ResponseAllowed = buffer[position++] != 0;
            }

            // proposed-quality-of-service: A-XDR OPTIONAL Integer8.
            if (position >= end)
            {
                return AcseStatus.Invalid;
            }

            if (buffer[position++] != 0)
            {
                if (position >= end)
                {
                    return AcseStatus.Invalid;
                }

                into.HasProposedQualityOfService = true;
                into.ProposedQualityOfService = (sbyte)buffer[position++];
            }

            // proposed-dlms-version-number, then the conformance tag.
            if (end - position < 2)
            {
                return AcseStatus.Invalid;
            }

            into.ProposedDlmsVersion = buffer[position++];
            if (buffer[position++] != ConformanceTag)
            {
                return AcseStatus.Invalid;
            }

            // 5F 1F is the proper two-octet tag; some old encoders send 5F alone (as Gurux notes).
            if (position < end && buffer[position] == ConformanceTagNumber)
            {
                position++;
            }

            // length 04, unused-bits octet, 3 conformance octets, then the 2-octet PDU size.
            if (end - position < 1 + ConformanceLength + 2)
            {
                return AcseStatus.Invalid;
            }

            if (buffer[position] != ConformanceLength)
            {
                return AcseStatus.Invalid;
            }

            into.ProposedConformance = (buffer[position + 2] << 16) | (buffer[position + 3] << 8) | buffer[position + 4];
            position += 1 + ConformanceLength;
            into.ClientMaxReceivePdu = (buffer[position] << 8) | buffer[position + 1];
            into.UserInformation = UserInformationKind.InitiateRequest;
            into.UserInformationTag = AcseTag.InitiateRequest;
            return AcseStatus.Ok;
        }
    }
}
