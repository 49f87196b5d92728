namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The LLC header that starts the information field of the first (or only) segment of an
    /// APDU over HDLC (IEC 62056-46 §8.2 / Green Book "LLC sublayer"): destination LSAP 0xE6,
    /// source LSAP 0xE6 (command) or 0xE7 (response), quality 0x00.
    /// </summary>
    public static class HdlcLlc
    {
        /// <summary>Length of the LLC header.</summary>
        public const int Length = 3;

        /// <summary>Destination LSAP, always 0xE6.</summary>
        public const byte DestinationLsap = 0xE6;

        /// <summary>Source LSAP of a request (client to server).</summary>
        public const byte RequestSourceLsap = 0xE6;

        /// <summary>Source LSAP of a response or push (server to client).</summary>
        public const byte ResponseSourceLsap = 0xE7;

        /// <summary>The LLC quality byte, always 0.</summary>
        public const byte Quality = 0x00;

        /// <summary>Checks for the request header <c>E6 E6 00</c>.</summary>
        /// <returns>Ok, NeedMore (fewer than 3 bytes) or BadLlc.</returns>
        public static HdlcStatus CheckRequest(byte[] buffer, int offset, int count)
        {
            return Check(buffer, offset, count, RequestSourceLsap);
        }

        /// <summary>Checks for the response header <c>E6 E7 00</c>.</summary>
        /// <returns>Ok, NeedMore (fewer than 3 bytes) or BadLlc.</returns>
        public static HdlcStatus CheckResponse(byte[] buffer, int offset, int count)
        {
            return Check(buffer, offset, count, ResponseSourceLsap);
        }

        /// <summary>Writes the request header <c>E6 E6 00</c> (3 bytes).</summary>
        public static void WriteRequest(byte[] buffer, int offset)
        {
            Write(buffer, offset, RequestSourceLsap);
        }

        /// <summary>Writes the response header <c>E6 E7 00</c> (3 bytes).</summary>
        public static void WriteResponse(byte[] buffer, int offset)
        {
            Write(buffer, offset, ResponseSourceLsap);
        }

        private static HdlcStatus Check(byte[] buffer, int offset, int count, byte sourceLsap)
        {
            if (count < Length)
            {
                return HdlcStatus.NeedMore;
            }
            if (buffer[offset] != DestinationLsap || buffer[offset + 1] != sourceLsap || buffer[offset + 2] != Quality)
            {
                return HdlcStatus.BadLlc;
            }
            return HdlcStatus.Ok;
        }

        private static void Write(byte[] buffer, int offset, byte sourceLsap)
        {
            buffer[offset] = DestinationLsap;
            buffer[offset + 1] = sourceLsap;
            buffer[offset + 2] = Quality;
        }
    }
}
