using System;
using System.Collections.Generic;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// Hand-built server replies for the scripted fake server. The HDLC builder has its own
    /// bit-by-bit CRC so the client's table-driven CRC is checked against an independent one.
    /// </summary>
    internal static class TestFrames
    {
        /// <summary>CRC-16/X.25, bit by bit (polynomial 0x8408 reflected, init/xorout 0xFFFF).</summary>
        public static ushort Crc(ReadOnlySpan<byte> data)
        {
            int crc = 0xFFFF;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int i = 0; i < 8; i++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
                }
            }
            return (ushort)(~crc & 0xFFFF);
        }

        /// <summary>An HDLC frame: 7E, format, addresses, control, HCS, [info, FCS], 7E.</summary>
        public static byte[] Hdlc(string destination, string source, byte control, byte[] info, bool segmented = false)
        {
            byte[] da = Hex.Parse(destination);
            byte[] sa = Hex.Parse(source);
            int length = 2 + da.Length + sa.Length + 1 + 2 + (info.Length > 0 ? info.Length + 2 : 0);
            var f = new List<byte> { 0x7E, (byte)(0xA0 | (segmented ? 0x08 : 0) | (length >> 8)), (byte)length };
            f.AddRange(da);
            f.AddRange(sa);
            f.Add(control);
            ushort hcs = Crc(f.ToArray().AsSpan(1));
            f.Add((byte)hcs);
            f.Add((byte)(hcs >> 8));
            if (info.Length > 0)
            {
                f.AddRange(info);
                ushort fcs = Crc(f.ToArray().AsSpan(1));
                f.Add((byte)fcs);
                f.Add((byte)(fcs >> 8));
            }
            f.Add(0x7E);
            return f.ToArray();
        }

        /// <summary>Server to client 16 from server logical 1 / physical 17 (02 23).</summary>
        public static byte[] FromServer(byte control, byte[] info, bool segmented = false) => Hdlc("21", "02 23", control, info, segmented);

        /// <summary>Client 16 to server logical 1 / physical 17.</summary>
        public static byte[] ToServer(byte control, byte[] info, bool segmented = false) => Hdlc("02 23", "21", control, info, segmented);

        /// <summary>A wrapper PDU.</summary>
        public static byte[] Wrapper(ushort source, ushort destination, byte[] apdu)
        {
            var f = new List<byte> { 0, 1, (byte)(source >> 8), (byte)source, (byte)(destination >> 8), (byte)destination, (byte)(apdu.Length >> 8), (byte)apdu.Length };
            f.AddRange(apdu);
            return f.ToArray();
        }

        /// <summary>Wrapper reply from server wPort 1 to client wPort 16.</summary>
        public static byte[] WrapperReply(string apduHex) => Wrapper(1, 16, Hex.Parse(apduHex));

        /// <summary>Wrapper request from client wPort 16 to server wPort 1.</summary>
        public static byte[] WrapperRequest(string apduHex) => Wrapper(16, 1, Hex.Parse(apduHex));

        public static byte[] Concat(params byte[][] parts)
        {
            var all = new List<byte>();
            foreach (byte[] p in parts)
            {
                all.AddRange(p);
            }
            return all.ToArray();
        }

        // Trace A/D, known-good client and server frames.
        public const string TraceA_Snrm = "7E A0 08 02 23 21 93 BD 64 7E";
        public const string TraceA_Ua = "7E A0 1F 21 02 23 73 E6 C7 81 80 12 05 01 9A 06 01 9A 07 04 00 00 00 01 08 04 00 00 00 01 CC A2 7E";
        public const string TraceA_Aarq = "7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E";
        public const string TraceA_Aare = "7E A0 38 21 02 23 30 34 E7 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07 B8 6A 7E";
        public const string TraceA_AareApdu = "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07";
        public const string TraceA_AarqApdu = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";
        public const string TraceD_GetValue = "7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E";
        public const string TraceD_Value = "7E A0 16 21 02 23 52 09 A6 E6 E7 00 C4 01 C1 00 06 00 00 30 39 9D 02 7E";
        public const string TraceD_GetScaler = "7E A0 1A 02 23 21 54 C6 74 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 03 00 EA 71 7E";
        public const string TraceD_Scaler = "7E A0 17 21 02 23 74 79 E9 E6 E7 00 C4 01 C1 00 02 02 0F 00 16 1E 61 D4 7E";
        public const string TraceD_Disc = "7E A0 08 02 23 21 53 B1 A2 7E";
        public const string TraceD_Ua = "7E A0 08 21 02 23 73 7A 43 7E";
        public const string TraceD_WrapperGet = "00 01 00 10 00 01 00 0D C0 01 C1 00 03 01 00 01 08 00 FF 02 00";
        public const string TraceD_WrapperValue = "00 01 00 01 00 10 00 09 C4 01 C1 00 06 00 00 30 39";
    }
}
