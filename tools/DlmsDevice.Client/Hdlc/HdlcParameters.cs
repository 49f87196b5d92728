using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>
    /// HDLC parameter negotiation field of SNRM/UA (IEC 62056-46 6.4.4.4.3.2, ISO/IEC 13239):
    /// <c>81 80 len 05 n max-info-tx 06 n max-info-rx 07 n window-tx 08 n window-rx</c>, every value
    /// from the sender's point of view. Defaults when absent: 128 bytes, window 1.
    /// </summary>
    public sealed record HdlcParameters(int MaxInfoTransmit, int MaxInfoReceive, int WindowTransmit, int WindowReceive)
    {
        /// <summary>The defaults that apply when the SNRM/UA carries no information field.</summary>
        public static HdlcParameters Default { get; } = new(128, 128, 1, 1);

        /// <summary>
        /// Encodes the information field. Max info lengths take 1 byte below 256, else 2; windows 4
        /// bytes (the shape Gurux.DLMS.Net sends: <c>81 80 14 05 02 07EE 06 02 07EE 07 04 00000003 08 04 00000003</c>).
        /// </summary>
        public byte[] Encode()
        {
            var p = new List<byte>();
            Add(p, 0x05, MaxInfoTransmit, MaxInfoTransmit < 256 ? 1 : 2);
            Add(p, 0x06, MaxInfoReceive, MaxInfoReceive < 256 ? 1 : 2);
            Add(p, 0x07, WindowTransmit, 4);
            Add(p, 0x08, WindowReceive, 4);
            var info = new List<byte> { 0x81, 0x80, (byte)p.Count };
            info.AddRange(p);
            return info.ToArray();
        }

        private static void Add(List<byte> p, byte id, int value, int size)
        {
            p.Add(id);
            p.Add((byte)size);
            for (int i = size - 1; i >= 0; i--)
            {
                p.Add((byte)(value >> (8 * i)));
            }
        }

        /// <summary>
        /// Decodes an SNRM/UA information field (empty means all defaults). Values of 1, 2 or 4 bytes
        /// are accepted; unknown parameters and groups are skipped; missing ones keep their default.
        /// </summary>
        /// <exception cref="DlmsProtocolException">The field is malformed.</exception>
        public static HdlcParameters Decode(ReadOnlySpan<byte> info)
        {
            HdlcParameters result = Default;
            if (info.IsEmpty)
            {
                return result;
            }
            if (info.Length < 2 || info[0] != 0x81)
            {
                throw new DlmsProtocolException("HDLC parameter field does not start with format identifier 81: " + Convert.ToHexString(info));
            }
            int p = 1;
            while (p < info.Length)
            {
                if (p + 2 > info.Length)
                {
                    throw new DlmsProtocolException("Truncated HDLC parameter group.");
                }
                byte group = info[p];
                int groupLength = info[p + 1];
                p += 2;
                if (groupLength > info.Length - p)
                {
                    throw new DlmsProtocolException("HDLC parameter group " + group.ToString("X2") + " declares " + groupLength + " bytes, " + (info.Length - p) + " present.");
                }
                if (group == 0x80)
                {
                    int end = p + groupLength;
                    while (p < end)
                    {
                        if (p + 2 > end)
                        {
                            throw new DlmsProtocolException("Truncated HDLC parameter.");
                        }
                        byte id = info[p];
                        int n = info[p + 1];
                        p += 2;
                        if (n == 0 || n > 4 || p + n > end)
                        {
                            throw new DlmsProtocolException("Bad HDLC parameter " + id.ToString("X2") + " length " + n + ".");
                        }
                        long value = 0;
                        for (int i = 0; i < n; i++)
                        {
                            value = (value << 8) | info[p + i];
                        }
                        p += n;
                        int v = (int)Math.Min(value, int.MaxValue);
                        result = id switch
                        {
                            0x05 => result with { MaxInfoTransmit = v },
                            0x06 => result with { MaxInfoReceive = v },
                            0x07 => result with { WindowTransmit = v },
                            0x08 => result with { WindowReceive = v },
                            _ => result,
                        };
                    }
                }
                else
                {
                    p += groupLength;
                }
            }
            return result;
        }
    }
}
