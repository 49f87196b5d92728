using System;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Big-endian fields in the compact byte arrays the classes of this assembly keep their
    /// configuration in (A-XDR's byte order, so a value is copied to and from the wire as is).
    /// One array per object instead of a field per value: on nanoCLR every field costs a
    /// 12-byte heap block, a byte of an array one byte (docs/benchmarks.md).
    /// </summary>
    internal static class Packed
    {
        internal static int ReadUInt16(byte[] buffer, int offset)
        {
            return (buffer[offset] << 8) | buffer[offset + 1];
        }

        internal static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
        }

        internal static uint ReadUInt32(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        internal static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        internal static long ReadInt64(byte[] buffer, int offset)
        {
            return ((long)ReadUInt32(buffer, offset) << 32) | ReadUInt32(buffer, offset + 4);
        }

        internal static void WriteInt64(byte[] buffer, int offset, long value)
        {
            WriteUInt32(buffer, offset, (uint)(value >> 32));
            WriteUInt32(buffer, offset + 4, (uint)value);
        }

        /// <summary>True when the <paramref name="count"/> bytes at both places are equal.</summary>
        internal static bool Equal(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Moves <paramref name="count"/> bytes within one array, the regions may overlap (no reliance on how a platform's Array.Copy treats overlap).</summary>
        internal static void Move(byte[] buffer, int from, int to, int count)
        {
            if (to > from)
            {
                for (int i = count - 1; i >= 0; i--)
                {
                    buffer[to + i] = buffer[from + i];
                }
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[to + i] = buffer[from + i];
                }
            }
        }

        /// <summary>True when all <paramref name="count"/> bytes are zero.</summary>
        internal static bool IsZero(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (buffer[offset + i] != 0)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// Writes a configuration record (IPersistentObject.Save): the <paramref name="format"/>
        /// byte, then the first <paramref name="count"/> bytes of <paramref name="data"/>.
        /// </summary>
        /// <returns>The record's length.</returns>
        internal static int SaveRecord(byte format, byte[] data, int count, byte[] buffer, int offset)
        {
            buffer[offset] = format;
            Array.Copy(data, 0, buffer, offset + 1, count);
            return 1 + count;
        }

        /// <summary>True when the record of <paramref name="length"/> bytes is <paramref name="format"/> with exactly <paramref name="count"/> bytes of state.</summary>
        internal static bool IsRecord(byte format, int count, byte[] buffer, int offset, int length)
        {
            return length == 1 + count && buffer[offset] == format;
        }
    }
}
