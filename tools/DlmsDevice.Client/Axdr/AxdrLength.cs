using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The variable-length count/length used by A-XDR and by BER (X.690 8.1.3): one byte below 0x80,
    /// else 0x80|n followed by n big-endian bytes.
    /// </summary>
    public static class AxdrLength
    {
        /// <summary>Reads a length at <paramref name="offset"/> and advances past it.</summary>
        /// <exception cref="DlmsProtocolException">Truncated or longer than 4 bytes.</exception>
        public static int Read(ReadOnlySpan<byte> data, ref int offset)
        {
            if (offset >= data.Length)
            {
                throw new DlmsProtocolException("Truncated length at offset " + offset + ".");
            }
            int first = data[offset];
            if (first < 0x80)
            {
                offset++;
                return first;
            }
            int n = first & 0x7F;
            if (n == 0 || n > 4)
            {
                throw new DlmsProtocolException("Unsupported length form 0x" + first.ToString("X2") + " at offset " + offset + ".");
            }
            if (offset + 1 + n > data.Length)
            {
                throw new DlmsProtocolException("Truncated length at offset " + offset + ".");
            }
            long value = 0;
            for (int i = 0; i < n; i++)
            {
                value = (value << 8) | data[offset + 1 + i];
            }
            if (value > int.MaxValue)
            {
                throw new DlmsProtocolException("Length " + value + " is too large.");
            }
            offset += 1 + n;
            return (int)value;
        }

        /// <summary>Appends a length in the shortest form.</summary>
        public static void Write(List<byte> output, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            if (length < 0x80)
            {
                output.Add((byte)length);
            }
            else if (length <= 0xFF)
            {
                output.Add(0x81);
                output.Add((byte)length);
            }
            else if (length <= 0xFFFF)
            {
                output.Add(0x82);
                output.Add((byte)(length >> 8));
                output.Add((byte)length);
            }
            else
            {
                output.Add(0x84);
                output.Add((byte)(length >> 24));
                output.Add((byte)(length >> 16));
                output.Add((byte)(length >> 8));
                output.Add((byte)length);
            }
        }

        /// <summary>Number of bytes <see cref="Write"/> uses for a length.</summary>
        public static int Size(int length) => length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : 5;
    }
}
