namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Encodes an RLRE: <c>63 03 80 01 r</c>, optionally followed by a user-information element
    /// <c>BE l 04 n &lt;xDLMS&gt;</c> (the ciphered InitiateResponse a ciphered release expects).
    /// Lengths are computed from the content, unlike the Gurux .NET server (docs/interop.md W1).
    /// </summary>
    public static class RlreWriter
    {
        /// <summary>Release-response-reason normal (0).</summary>
        public const byte ReasonNormal = 0;
        /// <summary>Release-response-reason not-finished (1).</summary>
        public const byte ReasonNotFinished = 1;
        /// <summary>Release-response-reason user-defined (30).</summary>
        public const byte ReasonUserDefined = 30;

        /// <summary>Writes <c>63 03 80 01 &lt;reason&gt;</c>.</summary>
        /// <returns>Ok, or Overflow (nothing written).</returns>
        public static AcseStatus Write(byte reason, byte[] buffer, int offset, int max, out int length)
        {
            return Write(reason, null, 0, 0, buffer, offset, max, out length);
        }

        /// <summary>
        /// Writes an RLRE with reason and, when <paramref name="userInformation"/> is not null, a
        /// user-information element holding those xDLMS bytes.
        /// </summary>
        /// <returns>Ok, or Overflow (nothing written).</returns>
        public static AcseStatus Write(byte reason, byte[] userInformation, int userInformationOffset, int userInformationLength,
            byte[] buffer, int offset, int max, out int length)
        {
            Guard.Region(buffer, offset, max);
            length = 0;
            int content = 3;
            if (userInformation != null)
            {
                content += Ber.ElementSize(Ber.ElementSize(userInformationLength));
            }

            int total = Ber.ElementSize(content);
            if (total > max)
            {
                return AcseStatus.Overflow;
            }

            int position = Ber.WriteHeader(buffer, offset, AcseTag.Rlre, content);
            position = Ber.WriteHeader(buffer, position, AcseTag.ProtocolVersionOrReason, 1);
            buffer[position++] = reason;
            if (userInformation != null)
            {
                position = Ber.WriteHeader(buffer, position, AcseTag.UserInformation, Ber.ElementSize(userInformationLength));
                position = Ber.WriteHeader(buffer, position, AcseTag.OctetString, userInformationLength);
                System.Array.Copy(userInformation, userInformationOffset, buffer, position, userInformationLength);
                position += userInformationLength;
            }

            length = position - offset;
            return AcseStatus.Ok;
        }
    }
}
