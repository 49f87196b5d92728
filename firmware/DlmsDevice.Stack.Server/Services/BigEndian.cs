namespace DlmsDevice.Stack.Services
{
    /// <summary>Fixed-width big-endian fields of the service APDUs (block numbers, invocation counters).</summary>
    internal static class BigEndian
    {
        // Unsigned32 as A-XDR encodes it: 4 bytes, most significant first.
        internal static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
