namespace DlmsDevice.Hal.Storage
{
    /// <summary>
    /// The image of one record version in one slot: a 16-byte header, then the payload.
    /// All fields little-endian.
    /// </summary>
    /// <remarks>
    /// <code>
    /// offset size field
    ///  0     4    magic "DLR" + format version 0x01: 44 4C 52 01
    ///  4     4    sequence number (u32, wraps; newer = (int)(a - b) &gt; 0)
    ///  8     2    record id (u16)
    /// 10     2    payload length n (u16)
    /// 12     4    CRC-32 (IEEE) of bytes 0..11 followed by the n payload bytes
    /// 16     n    payload
    /// </code>
    /// The magic rejects erased (FF) and zeroed slots before the CRC is computed; the record id
    /// rejects a slot that belongs to another record; the CRC rejects any torn or decayed
    /// image (all error patterns of up to 3 bits, every burst up to 32 bits, and otherwise all
    /// but 1 in 2^32).
    /// </remarks>
    public static class RecordSlotFormat
    {
        /// <summary>Slot A.</summary>
        public const int SlotA = 0;

        /// <summary>Slot B.</summary>
        public const int SlotB = 1;

        /// <summary>Bytes of header in front of the payload.</summary>
        public const int HeaderLength = 16;

        /// <summary>Largest payload the 16-bit length field can describe.</summary>
        public const int MaxPayloadLength = 0xFFFF;

        /// <summary>Largest record id the 16-bit id field can describe.</summary>
        public const int MaxRecordId = 0xFFFF;

        /// <summary>First magic byte ('D').</summary>
        public const byte Magic0 = 0x44;

        /// <summary>Second magic byte ('L').</summary>
        public const byte Magic1 = 0x4C;

        /// <summary>Third magic byte ('R').</summary>
        public const byte Magic2 = 0x52;

        /// <summary>Format version (fourth magic byte).</summary>
        public const byte Version = 0x01;

        private const int CrcOffset = 12;

        /// <summary>
        /// Writes the header for a payload that is already in place at
        /// <c>image[offset + HeaderLength]</c>, computing the CRC over header and payload.
        /// </summary>
        /// <returns>The CRC written.</returns>
        public static uint WriteHeader(byte[] image, int offset, int recordId, uint sequence, int payloadLength)
        {
            image[offset] = Magic0;
            image[offset + 1] = Magic1;
            image[offset + 2] = Magic2;
            image[offset + 3] = Version;
            WriteUInt32(image, offset + 4, sequence);
            image[offset + 8] = (byte)recordId;
            image[offset + 9] = (byte)(recordId >> 8);
            image[offset + 10] = (byte)payloadLength;
            image[offset + 11] = (byte)(payloadLength >> 8);
            uint crc = ComputeCrc(image, offset, payloadLength);
            WriteUInt32(image, offset + CrcOffset, crc);
            return crc;
        }

        /// <summary>
        /// Checks the fixed fields of a header (magic, version, record id) and reads sequence and
        /// payload length. Says nothing about the payload: call <see cref="CheckCrc"/> once the
        /// payload is read.
        /// </summary>
        /// <returns>False when the header is not a header of <paramref name="recordId"/>.</returns>
        public static bool TryReadHeader(byte[] image, int offset, int recordId, out uint sequence, out int payloadLength)
        {
            sequence = 0;
            payloadLength = 0;
            if (image[offset] != Magic0 || image[offset + 1] != Magic1 || image[offset + 2] != Magic2
                || image[offset + 3] != Version)
            {
                return false;
            }

            int id = image[offset + 8] | (image[offset + 9] << 8);
            if (id != recordId)
            {
                return false;
            }

            sequence = ReadUInt32(image, offset + 4);
            payloadLength = image[offset + 10] | (image[offset + 11] << 8);
            return true;
        }

        /// <summary>
        /// True when the CRC stored in the header matches header and payload
        /// (<paramref name="payloadLength"/> bytes after the header).
        /// </summary>
        public static bool CheckCrc(byte[] image, int offset, int payloadLength)
        {
            return ReadUInt32(image, offset + CrcOffset) == ComputeCrc(image, offset, payloadLength);
        }

        /// <summary>The CRC stored in a header.</summary>
        public static uint ReadCrc(byte[] image, int offset)
        {
            return ReadUInt32(image, offset + CrcOffset);
        }

        /// <summary>
        /// True when sequence number <paramref name="a"/> is newer than <paramref name="b"/> in
        /// serial-number arithmetic (RFC 1982 style): 0 is newer than 0xFFFFFFFF. The two slots
        /// of a record hold consecutive numbers, so the comparison is never ambiguous for them.
        /// </summary>
        public static bool IsNewer(uint a, uint b)
        {
            return (int)(a - b) > 0;
        }

        private static uint ComputeCrc(byte[] image, int offset, int payloadLength)
        {
            uint crc = Crc32.Update(Crc32.Initial, image, offset, CrcOffset);
            crc = Crc32.Update(crc, image, offset + HeaderLength, payloadLength);
            return Crc32.Finish(crc);
        }

        private static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));
        }
    }
}
