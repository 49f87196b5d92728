namespace DlmsDevice.Stack.Wrapper
{
    /// <summary>
    /// The wrapper protocol data unit header of IEC 62056-47 (TCP/UDP, IANA port 4059): four
    /// big-endian unsigned 16-bit fields, then the APDU. There is no LLC header.
    /// <code>
    /// version 0x0001 | source wPort | destination wPort | length (APDU bytes)
    /// </code>
    /// </summary>
    /// <remarks>Reads and writes on caller buffers; nothing is allocated.</remarks>
    public static class WrapperHeader
    {
        /// <summary>Header size in bytes.</summary>
        public const int Size = 8;

        /// <summary>The only version defined by IEC 62056-47.</summary>
        public const int Version = 0x0001;

        /// <summary>The largest value of a 16-bit field (wPort, length).</summary>
        public const int MaxFieldValue = 0xFFFF;

        /// <summary>
        /// Reads a header at <paramref name="offset"/>. Only the header is examined; the APDU may
        /// not have arrived yet.
        /// </summary>
        /// <param name="buffer">Received bytes.</param>
        /// <param name="offset">Where the header starts.</param>
        /// <param name="count">Bytes available from <paramref name="offset"/>.</param>
        /// <param name="sourceWPort">The sender's wPort (a client SAP when a client sends).</param>
        /// <param name="destinationWPort">The addressed wPort (a logical device when a client sends).</param>
        /// <param name="apduLength">The APDU length announced by the length field.</param>
        /// <returns><see cref="WrapperStatus.Ok"/>, <see cref="WrapperStatus.NeedMore"/> (fewer than
        /// 8 bytes) or <see cref="WrapperStatus.BadVersion"/>; on failure the out values are 0.</returns>
        public static WrapperStatus TryRead(byte[] buffer, int offset, int count,
            out int sourceWPort, out int destinationWPort, out int apduLength)
        {
            sourceWPort = 0;
            destinationWPort = 0;
            apduLength = 0;
            if (count < Size)
            {
                return WrapperStatus.NeedMore;
            }
            if (ReadUInt16(buffer, offset) != Version)
            {
                return WrapperStatus.BadVersion;
            }
            sourceWPort = ReadUInt16(buffer, offset + 2);
            destinationWPort = ReadUInt16(buffer, offset + 4);
            apduLength = ReadUInt16(buffer, offset + 6);
            return WrapperStatus.Ok;
        }

        /// <summary>
        /// Writes a header at <paramref name="offset"/>: typically into the headroom in front of
        /// an APDU that is already in place.
        /// </summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the header goes (8 bytes).</param>
        /// <param name="sourceWPort">The sender's wPort.</param>
        /// <param name="destinationWPort">The receiver's wPort.</param>
        /// <param name="apduLength">The APDU length, 0..65535.</param>
        /// <returns><see cref="WrapperStatus.Ok"/>, <see cref="WrapperStatus.BufferTooSmall"/>,
        /// <see cref="WrapperStatus.BadWPort"/> or <see cref="WrapperStatus.ApduTooLong"/>; nothing
        /// is written on failure.</returns>
        public static WrapperStatus Write(byte[] buffer, int offset, int sourceWPort, int destinationWPort, int apduLength)
        {
            if (offset < 0 || buffer.Length - offset < Size)
            {
                return WrapperStatus.BufferTooSmall;
            }
            if (sourceWPort < 0 || sourceWPort > MaxFieldValue || destinationWPort < 0 || destinationWPort > MaxFieldValue)
            {
                return WrapperStatus.BadWPort;
            }
            if (apduLength < 0 || apduLength > MaxFieldValue)
            {
                return WrapperStatus.ApduTooLong;
            }
            WriteUInt16(buffer, offset, Version);
            WriteUInt16(buffer, offset + 2, sourceWPort);
            WriteUInt16(buffer, offset + 4, destinationWPort);
            WriteUInt16(buffer, offset + 6, apduLength);
            return WrapperStatus.Ok;
        }

        private static int ReadUInt16(byte[] buffer, int offset) => (buffer[offset] << 8) | buffer[offset + 1];

        private static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
        }
    }
}
