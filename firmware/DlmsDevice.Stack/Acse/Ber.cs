namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// The little of BER (ISO/IEC 8825-1) the ACSE APDUs need: element headers with single or
    /// multi-byte tags and definite lengths in short or long form. No allocation.
    /// </summary>
    internal static class Ber
    {
        /// <summary>Largest long-form length we accept: 4 length octets (84 xx xx xx xx).</summary>
        private const int MaxLengthOctets = 4;

        /// <summary>
        /// Reads the element header (tag and length) at <paramref name="position"/>. The element,
        /// content included, must end at or before <paramref name="end"/>; when it does not,
        /// <paramref name="overrun"/> is returned (Truncated for the outermost element, whose end is
        /// the end of the input; Invalid for inner elements, whose end is their container's).
        /// Multi-byte tags (low five bits all set) are reported by their first octet. Indefinite
        /// lengths (<c>80</c>) are Invalid: DLMS uses definite lengths only.
        /// </summary>
        internal static AcseStatus ReadHeader(byte[] buffer, int position, int end, AcseStatus overrun,
            out byte tag, out int contentOffset, out int contentLength)
        {
            tag = 0;
            contentOffset = 0;
            contentLength = 0;
            if (position >= end)
            {
                return overrun;
            }

            byte first = buffer[position++];
            if ((first & 0x1F) == 0x1F)
            {
                // High-tag-number form (8825-1 8.1.2.4): more tag octets while bit 8 is set.
                int tagOctets = 0;
                while (true)
                {
                    if (position >= end)
                    {
                        return overrun;
                    }

                    byte next = buffer[position++];
                    if (++tagOctets > MaxLengthOctets)
                    {
                        return AcseStatus.Invalid;
                    }

                    if ((next & 0x80) == 0)
                    {
                        break;
                    }
                }
            }

            int length;
            AcseStatus status = ReadLength(buffer, ref position, end, overrun, out length);
            if (status != AcseStatus.Ok)
            {
                return status;
            }

            if (length > end - position)
            {
                return overrun;
            }

            tag = first;
            contentOffset = position;
            contentLength = length;
            return AcseStatus.Ok;
        }

        /// <summary>
        /// Reads a definite length (short form, or <c>81</c>..<c>84</c> long form) at
        /// <paramref name="position"/> and advances past it. Also the A-XDR length encoding.
        /// Does not check that the content is present.
        /// </summary>
        internal static AcseStatus ReadLength(byte[] buffer, ref int position, int end, AcseStatus overrun, out int length)
        {
            length = 0;
            if (position >= end)
            {
                return overrun;
            }

            int first = buffer[position];
            if (first < 0x80)
            {
                length = first;
                position++;
                return AcseStatus.Ok;
            }

            int octets = first & 0x7F;
            if (octets == 0 || octets > MaxLengthOctets)
            {
                return AcseStatus.Invalid;
            }

            if (end - position - 1 < octets)
            {
                return overrun;
            }

            if (octets == MaxLengthOctets && buffer[position + 1] >= 0x80)
            {
                // Would not fit in an int.
                return AcseStatus.Invalid;
            }

            int value = 0;
            for (int i = 1; i <= octets; i++)
            {
                value = (value << 8) | buffer[position + i];
            }

            position += 1 + octets;
            length = value;
            return AcseStatus.Ok;
        }

        /// <summary>Octets a definite length takes in the shortest form.</summary>
        internal static int LengthSize(int length)
        {
            if (length < 0x80)
            {
                return 1;
            }

            if (length < 0x100)
            {
                return 2;
            }

            if (length < 0x10000)
            {
                return 3;
            }

            return length < 0x1000000 ? 4 : 5;
        }

        /// <summary>Octets a whole element with a one-octet tag takes.</summary>
        internal static int ElementSize(int contentLength)
        {
            return 1 + LengthSize(contentLength) + contentLength;
        }

        /// <summary>Writes a definite length in the shortest form; returns the next position.</summary>
        internal static int WriteLength(byte[] buffer, int position, int length)
        {
            if (length < 0x80)
            {
                buffer[position] = (byte)length;
                return position + 1;
            }

            if (length < 0x100)
            {
                buffer[position] = 0x81;
                buffer[position + 1] = (byte)length;
                return position + 2;
            }

            if (length < 0x10000)
            {
                buffer[position] = 0x82;
                buffer[position + 1] = (byte)(length >> 8);
                buffer[position + 2] = (byte)length;
                return position + 3;
            }

            if (length < 0x1000000)
            {
                buffer[position] = 0x83;
                buffer[position + 1] = (byte)(length >> 16);
                buffer[position + 2] = (byte)(length >> 8);
                buffer[position + 3] = (byte)length;
                return position + 4;
            }

            buffer[position] = 0x84;
            buffer[position + 1] = (byte)(length >> 24);
            buffer[position + 2] = (byte)(length >> 16);
            buffer[position + 3] = (byte)(length >> 8);
            buffer[position + 4] = (byte)length;
            return position + 5;
        }

        /// <summary>Writes a one-octet tag and a definite length; returns the next position (the content's).</summary>
        internal static int WriteHeader(byte[] buffer, int position, byte tag, int contentLength)
        {
            buffer[position] = tag;
            return WriteLength(buffer, position + 1, contentLength);
        }
    }
}
