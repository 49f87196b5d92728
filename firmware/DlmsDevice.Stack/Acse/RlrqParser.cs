namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Decodes an RLRQ: <c>62 03 80 01 00</c>, <c>62 00</c>, or with a user-information element
    /// (<c>62 28 80 01 00 BE 23 04 21 21 1F ...</c> from ciphered clients). Unknown elements are
    /// skipped by length. Allocation-free.
    /// </summary>
    public static class RlrqParser
    {
        /// <summary>
        /// Decodes the RLRQ in <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>]
        /// into <paramref name="into"/> (cleared first). Bytes after the RLRQ's own length are ignored.
        /// </summary>
        /// <returns>Ok, Truncated (input ends before the RLRQ does) or Invalid (malformed).</returns>
        public static AcseStatus Parse(byte[] buffer, int offset, int count, RlrqRequest into)
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

            if (tag != AcseTag.Rlrq)
            {
                return AcseStatus.Invalid;
            }

            int position = contentOffset;
            int end = contentOffset + contentLength;
            while (position < end)
            {
                status = Ber.ReadHeader(buffer, position, end, AcseStatus.Invalid, out tag, out contentOffset, out contentLength);
                if (status != AcseStatus.Ok)
                {
                    return status;
                }

                if (tag == AcseTag.ProtocolVersionOrReason)
                {
                    // reason [0] IMPLICIT Release-request-reason (INTEGER): one octet in practice.
                    if (contentLength != 1)
                    {
                        return AcseStatus.Invalid;
                    }

                    into.HasReason = true;
                    into.Reason = buffer[contentOffset];
                }
                else if (tag == AcseTag.UserInformation)
                {
                    byte xdlmsTag;
                    int xdlmsOffset;
                    int xdlmsLength;
                    status = AarqParser.ReadUserInformation(buffer, contentOffset, contentLength,
                        out xdlmsTag, out xdlmsOffset, out xdlmsLength);
                    if (status != AcseStatus.Ok)
                    {
                        return status;
                    }

                    into.UserInformationTag = xdlmsTag;
                    into.UserInformationOffset = xdlmsOffset;
                    into.UserInformationLength = xdlmsLength;
                    into.UserInformation = AarqParser.Classify(xdlmsTag);
                }

                position = contentOffset + contentLength;
            }

            return AcseStatus.Ok;
        }
    }
}
