namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// HDLC address fields (IEC 62056-46 §6.4.2.2). Each byte carries 7 address bits and an
    /// extension bit in the LSB; LSB = 1 marks the last byte. A client address is 1 byte,
    /// <c>(SAP &lt;&lt; 1) | 1</c>. A server address is 1, 2 or 4 bytes: the upper part is the
    /// logical device, the lower part the physical address; the 4-byte form splits two 14-bit
    /// values over two bytes each, the 1-byte form carries the logical device only.
    /// </summary>
    public static class HdlcAddress
    {
        /// <summary>Marks a 1-byte address or a part with no lower (physical) value.</summary>
        public const int NoLower = -1;

        /// <summary>Largest value of a 7-bit part (1- and 2-byte forms).</summary>
        public const int MaxOneByteValue = 0x7F;

        /// <summary>Largest value of a 14-bit part (4-byte form).</summary>
        public const int MaxTwoByteValue = 0x3FFF;

        /// <summary>
        /// Reads an address field starting at <paramref name="offset"/>.
        /// </summary>
        /// <param name="buffer">The buffer.</param>
        /// <param name="offset">First address byte.</param>
        /// <param name="count">Bytes available from <paramref name="offset"/>.</param>
        /// <param name="upper">Logical device (server) or SAP (client, 1-byte form).</param>
        /// <param name="lower">Physical address, or <see cref="NoLower"/> in the 1-byte form.</param>
        /// <param name="size">Bytes taken by the field: 1, 2 or 4.</param>
        /// <returns><see cref="HdlcStatus.Ok"/>; <see cref="HdlcStatus.NeedMore"/> when the last
        /// byte is not in the range yet; <see cref="HdlcStatus.BadAddress"/> for a 3-byte or longer
        /// than 4-byte field. On failure the out values are 0 / <see cref="NoLower"/> / 0.</returns>
        public static HdlcStatus Read(byte[] buffer, int offset, int count, out int upper, out int lower, out int size)
        {
            upper = 0;
            lower = NoLower;
            size = 0;
            int n = 0;
            while (true)
            {
                if (n >= count)
                {
                    return n >= 4 ? HdlcStatus.BadAddress : HdlcStatus.NeedMore;
                }
                if (n >= 4)
                {
                    return HdlcStatus.BadAddress;
                }
                byte b = buffer[offset + n];
                n++;
                if ((b & 0x01) != 0)
                {
                    break;
                }
            }
            switch (n)
            {
                case 1:
                    upper = buffer[offset] >> 1;
                    break;
                case 2:
                    upper = buffer[offset] >> 1;
                    lower = buffer[offset + 1] >> 1;
                    break;
                case 4:
                    upper = ((buffer[offset] >> 1) << 7) | (buffer[offset + 1] >> 1);
                    lower = ((buffer[offset + 2] >> 1) << 7) | (buffer[offset + 3] >> 1);
                    break;
                default:
                    return HdlcStatus.BadAddress;
            }
            size = n;
            return HdlcStatus.Ok;
        }

        /// <summary>
        /// Writes an address field in the given form.
        /// </summary>
        /// <param name="buffer">The buffer.</param>
        /// <param name="offset">Where the first address byte goes.</param>
        /// <param name="upper">Logical device or client SAP.</param>
        /// <param name="lower">Physical address (ignored in the 1-byte form).</param>
        /// <param name="size">1, 2 or 4.</param>
        /// <returns>The bytes written (= <paramref name="size"/>), or 0 when the form is not 1, 2
        /// or 4 or a value does not fit it (7 bits per part for 1 and 2 bytes, 14 bits for 4).
        /// Nothing is written on failure.</returns>
        public static int Write(byte[] buffer, int offset, int upper, int lower, int size)
        {
            if (!IsValid(upper, lower, size))
            {
                return 0;
            }
            switch (size)
            {
                case 1:
                    buffer[offset] = (byte)((upper << 1) | 1);
                    return 1;
                case 2:
                    buffer[offset] = (byte)(upper << 1);
                    buffer[offset + 1] = (byte)((lower << 1) | 1);
                    return 2;
                default:
                    buffer[offset] = (byte)((upper >> 7) << 1);
                    buffer[offset + 1] = (byte)((upper & 0x7F) << 1);
                    buffer[offset + 2] = (byte)((lower >> 7) << 1);
                    buffer[offset + 3] = (byte)(((lower & 0x7F) << 1) | 1);
                    return 4;
            }
        }

        /// <summary>
        /// True when the values fit the form: 1 byte = upper 0..127 (lower ignored); 2 bytes = both
        /// 0..127; 4 bytes = both 0..16383.
        /// </summary>
        public static bool IsValid(int upper, int lower, int size)
        {
            switch (size)
            {
                case 1:
                    return upper >= 0 && upper <= MaxOneByteValue;
                case 2:
                    return upper >= 0 && upper <= MaxOneByteValue && lower >= 0 && lower <= MaxOneByteValue;
                case 4:
                    return upper >= 0 && upper <= MaxTwoByteValue && lower >= 0 && lower <= MaxTwoByteValue;
                default:
                    return false;
            }
        }

        /// <summary>The 1-byte client address byte of a SAP (16 -> 0x21), or -1 if the SAP is not 0..127.</summary>
        public static int ClientAddressByte(int clientSap)
        {
            if (clientSap < 0 || clientSap > MaxOneByteValue)
            {
                return -1;
            }
            return (clientSap << 1) | 1;
        }
    }
}
