using System;
using System.Text;

namespace DlmsDevice.Emulator.Tracing
{
    /// <summary>
    /// One-line decodings of HDLC and wrapper frames for the protocol trace (diagnostics only:
    /// allocates, best effort; an index past the end throws and the caller logs just the hex).
    /// </summary>
    public static class FrameAnnotator
    {
        /// <summary>HDLC opening/closing flag.</summary>
        public const byte HdlcFlag = 0x7E;

        /// <summary>Wrapper header: version(2) source wPort(2) destination wPort(2) length(2).</summary>
        public const int WrapperHeaderLength = 8;

        /// <summary>Upper-case hex with a space between bytes.</summary>
        public static string Hex(byte[] buffer, int offset, int count)
        {
            StringBuilder sb = new StringBuilder(count * 3);
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    sb.Append(' ');
                }
                sb.Append(buffer[offset + i].ToString("X2"));
            }
            return sb.ToString();
        }

        /// <summary>Describes a whole HDLC frame, flags included (IEC 62056-46 clause 8.4).</summary>
        public static string DescribeHdlc(byte[] frame, bool fromClient)
        {
            StringBuilder sb = new StringBuilder();
            int format = (frame[1] << 8) | frame[2];
            bool segmented = (format & 0x0800) != 0;
            int pos = 3;
            int destination = pos;
            int destinationLength = AddressLength(frame, ref pos);
            int source = pos;
            int sourceLength = AddressLength(frame, ref pos);
            byte control = frame[pos++];
            pos += 2; // HCS
            sb.Append("HDLC ");
            if (fromClient)
            {
                sb.Append("client ").Append(frame[source] >> 1).Append(" -> server ").Append(ServerAddress(frame, destination, destinationLength));
            }
            else
            {
                sb.Append("server ").Append(ServerAddress(frame, source, sourceLength)).Append(" -> client ").Append(frame[destination] >> 1);
            }
            sb.Append(' ').Append(ControlName(control));
            if (segmented)
            {
                sb.Append(" S=1 (more segments follow)");
            }
            int infoEnd = frame.Length - 3; // FCS(2) + closing flag
            int infoLength = infoEnd - pos;
            if (infoLength <= 0)
            {
                return sb.ToString();
            }
            sb.Append("; ");
            if (infoLength >= 3 && frame[pos] == 0xE6 && (frame[pos + 1] == 0xE6 || frame[pos + 1] == 0xE7) && frame[pos + 2] == 0x00)
            {
                sb.Append("LLC ").Append(frame[pos + 1] == 0xE6 ? "request" : "response").Append("; ");
                sb.Append(ApduAnnotator.Describe(frame, pos + 3, infoLength - 3));
            }
            else if (frame[pos] == 0x81 && infoLength >= 3 && frame[pos + 1] == 0x80)
            {
                sb.Append(DescribeLinkParameters(frame, pos, infoLength));
            }
            else
            {
                sb.Append("information (").Append(infoLength).Append(" bytes, a continuation segment)");
            }
            return sb.ToString();
        }

        /// <summary>Describes a whole wrapper frame, header included (IEC 62056-47 clause 5).</summary>
        public static string DescribeWrapper(byte[] frame)
        {
            int version = (frame[0] << 8) | frame[1];
            int source = (frame[2] << 8) | frame[3];
            int destination = (frame[4] << 8) | frame[5];
            int length = (frame[6] << 8) | frame[7];
            StringBuilder sb = new StringBuilder();
            sb.Append("WRAPPER v").Append(version).Append(" wPort ").Append(source).Append(" -> ").Append(destination)
                .Append(" len ").Append(length).Append("; ");
            sb.Append(ApduAnnotator.Describe(frame, WrapperHeaderLength, frame.Length - WrapperHeaderLength));
            return sb.ToString();
        }

        private static int AddressLength(byte[] frame, ref int pos)
        {
            int start = pos;
            while ((frame[pos] & 1) == 0 && pos - start < 3)
            {
                pos++;
            }
            pos++;
            return pos - start;
        }

        private static string ServerAddress(byte[] frame, int offset, int length)
        {
            switch (length)
            {
                case 1:
                    return (frame[offset] >> 1).ToString();
                case 2:
                    return (frame[offset] >> 1) + "/" + (frame[offset + 1] >> 1);
                case 4:
                    int upper = ((frame[offset] >> 1) << 7) | (frame[offset + 1] >> 1);
                    int lower = ((frame[offset + 2] >> 1) << 7) | (frame[offset + 3] >> 1);
                    return upper + "/" + lower;
                default:
                    return "?";
            }
        }

        private static string ControlName(byte control)
        {
            int pf = (control >> 4) & 1;
            if ((control & 0x01) == 0)
            {
                return "I N(S)=" + ((control >> 1) & 7) + " N(R)=" + ((control >> 5) & 7) + " P/F=" + pf;
            }
            if ((control & 0x03) == 0x01)
            {
                string[] names = { "RR", "RNR", "REJ", "SREJ" };
                return names[(control >> 2) & 3] + " N(R)=" + ((control >> 5) & 7) + " P/F=" + pf;
            }
            switch (control & ~0x10)
            {
                case 0x83:
                    return "SNRM P=" + pf;
                case 0x43:
                    return "DISC P=" + pf;
                case 0x63:
                    return "UA F=" + pf;
                case 0x0F:
                    return "DM F=" + pf;
                case 0x87:
                    return "FRMR F=" + pf;
                case 0x03:
                    return "UI P/F=" + pf;
                default:
                    return "U 0x" + control.ToString("X2");
            }
        }

        private static string DescribeLinkParameters(byte[] frame, int pos, int length)
        {
            // 81 80 <group length> then (id, length, value): 05 max-info-tx, 06 max-info-rx,
            // 07 window-tx, 08 window-rx (IEC 62056-46 clause 6.4.4.4.3.2).
            StringBuilder sb = new StringBuilder("parameters");
            int end = Math.Min(pos + 3 + frame[pos + 2], pos + length);
            int p = pos + 3;
            while (p + 2 <= end)
            {
                int id = frame[p];
                int n = frame[p + 1];
                long value = 0;
                for (int i = 0; i < n && p + 2 + i < end; i++)
                {
                    value = (value << 8) | frame[p + 2 + i];
                }
                string name = id switch
                {
                    0x05 => "max-info-tx",
                    0x06 => "max-info-rx",
                    0x07 => "window-tx",
                    0x08 => "window-rx",
                    _ => "0x" + id.ToString("X2"),
                };
                sb.Append(' ').Append(name).Append('=').Append(value);
                p += 2 + n;
            }
            return sb.ToString();
        }
    }
}
