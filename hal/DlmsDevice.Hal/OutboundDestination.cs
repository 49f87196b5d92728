namespace DlmsDevice.Hal
{
    /// <summary>
    /// Reads a push destination of the form <c>a.b.c.d:port</c> (ASCII, IPv4 dotted quad, decimal
    /// port 1..65535), as IC 40 send_destination_and_method carries it for TCP and UDP, without
    /// allocating, so every platform reads it the same way.
    /// </summary>
    public static class OutboundDestination
    {
        /// <summary>
        /// What every <see cref="IOutboundTransport.Open"/> checks first: <paramref name="protocol"/>
        /// is TCP or UDP and the destination is <c>a.b.c.d:port</c> (see <see cref="TryParseIPv4"/>).
        /// </summary>
        /// <returns>False when the transport must answer <see cref="OutboundStatus.Unsupported"/>.</returns>
        public static bool TryParse(OutboundProtocol protocol, byte[] text, int offset, int count, byte[] address, out int port)
        {
            port = 0;
            return (protocol == OutboundProtocol.Tcp || protocol == OutboundProtocol.Udp)
                && TryParseIPv4(text, offset, count, address, out port);
        }

        /// <summary>
        /// Parses <paramref name="text"/>[<paramref name="offset"/>..+<paramref name="count"/>] into
        /// the four address bytes (written to <paramref name="address"/>[0..4)) and the port.
        /// </summary>
        /// <returns>False (outputs undefined) when it is not of that form.</returns>
        public static bool TryParseIPv4(byte[] text, int offset, int count, byte[] address, out int port)
        {
            port = 0;
            if (text == null || address == null || address.Length < 4 || offset < 0 || count < 9 || count > text.Length - offset)
            {
                return false;
            }
            int end = offset + count;
            int p = offset;
            for (int part = 0; part < 4; part++)
            {
                int value;
                if (!ReadNumber(text, ref p, end, 3, out value) || value > 255)
                {
                    return false;
                }
                address[part] = (byte)value;
                byte separator = part < 3 ? (byte)'.' : (byte)':';
                if (p >= end || text[p] != separator)
                {
                    return false;
                }
                p++;
            }
            return ReadNumber(text, ref p, end, 5, out port) && p == end && port >= 1 && port <= 65535;
        }

        private static bool ReadNumber(byte[] text, ref int p, int end, int maxDigits, out int value)
        {
            value = 0;
            int digits = 0;
            while (p < end && text[p] >= (byte)'0' && text[p] <= (byte)'9' && digits < maxDigits)
            {
                value = value * 10 + (text[p] - (byte)'0');
                p++;
                digits++;
            }
            return digits > 0 && (p == end || text[p] < (byte)'0' || text[p] > (byte)'9');
        }
    }
}
