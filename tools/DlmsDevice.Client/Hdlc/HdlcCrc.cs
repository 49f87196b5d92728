using System;

namespace DlmsDevice.Client
{
    /// <summary>
    /// HCS/FCS of IEC 62056-46 (ISO/IEC 13239): CRC-16/X.25 — polynomial 0x1021 reflected (0x8408),
    /// initial 0xFFFF, final XOR 0xFFFF; sent least significant byte first.
    /// </summary>
    public static class HdlcCrc
    {
        private static readonly ushort[] s_table = BuildTable();

        private static ushort[] BuildTable()
        {
            var table = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                ushort crc = (ushort)i;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0x8408) : (ushort)(crc >> 1);
                }
                table[i] = crc;
            }
            return table;
        }

        /// <summary>CRC-16/X.25 of <paramref name="data"/> (check value of "123456789" is 0x906E).</summary>
        public static ushort Compute(ReadOnlySpan<byte> data)
        {
            ushort crc = 0xFFFF;
            foreach (byte b in data)
            {
                crc = (ushort)((crc >> 8) ^ s_table[(crc ^ b) & 0xFF]);
            }
            return (ushort)~crc;
        }

        /// <summary>True if the two bytes after <paramref name="data"/> (LSB first) hold its CRC.</summary>
        public static bool Check(ReadOnlySpan<byte> data, byte low, byte high) => Compute(data) == (ushort)(low | high << 8);
    }
}
