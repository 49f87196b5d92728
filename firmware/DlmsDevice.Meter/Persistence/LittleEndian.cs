namespace DlmsDevice.Meter.Persistence
{
    /// <summary>Little-endian field codec for the persistence records (no BitConverter byte order questions, no allocation).</summary>
    internal static class LittleEndian
    {
        internal static void WriteInt16(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
        }

        internal static int ReadUInt16(byte[] b, int offset)
        {
            return b[offset] | (b[offset + 1] << 8);
        }

        internal static short ReadInt16(byte[] b, int offset)
        {
            return (short)ReadUInt16(b, offset);
        }

        internal static void WriteInt32(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
            b[offset + 2] = (byte)(value >> 16);
            b[offset + 3] = (byte)(value >> 24);
        }

        internal static int ReadInt32(byte[] b, int offset)
        {
            return b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24);
        }

        internal static void WriteInt64(byte[] b, int offset, long value)
        {
            WriteInt32(b, offset, (int)value);
            WriteInt32(b, offset + 4, (int)(value >> 32));
        }

        internal static long ReadInt64(byte[] b, int offset)
        {
            return (uint)ReadInt32(b, offset) | ((long)ReadInt32(b, offset + 4) << 32);
        }
    }
}
