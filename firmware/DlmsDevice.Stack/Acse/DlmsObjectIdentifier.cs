namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// The DLMS-UA object identifiers {2 16 756 5 8 kind id}: BER content
    /// <c>60 85 74 05 08 kind id</c>, kind 1 for application contexts and 2 for authentication
    /// mechanisms (Green Book; EPRI COSEMSecurity confirms the arcs).
    /// </summary>
    internal static class DlmsObjectIdentifier
    {
        /// <summary>Content length of every DLMS-UA OID used by the ACSE: six prefix octets and the id.</summary>
        internal const int Length = 7;

        /// <summary>True when the octets at <paramref name="offset"/> are <c>60 85 74 05 08 kind</c>.</summary>
        internal static bool HasPrefix(byte[] buffer, int offset, byte kind)
        {
            return buffer[offset] == 0x60 && buffer[offset + 1] == 0x85 && buffer[offset + 2] == 0x74
                && buffer[offset + 3] == 0x05 && buffer[offset + 4] == 0x08 && buffer[offset + 5] == kind;
        }

        /// <summary>Writes <c>60 85 74 05 08 kind id</c>; returns the next position.</summary>
        internal static int Write(byte[] buffer, int offset, byte kind, byte id)
        {
            buffer[offset] = 0x60;
            buffer[offset + 1] = 0x85;
            buffer[offset + 2] = 0x74;
            buffer[offset + 3] = 0x05;
            buffer[offset + 4] = 0x08;
            buffer[offset + 5] = kind;
            buffer[offset + 6] = id;
            return offset + Length;
        }
    }
}
