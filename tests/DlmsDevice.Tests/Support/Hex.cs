using System;
using System.Globalization;
using System.Text;

namespace DlmsDevice.Tests.Support
{
    /// <summary>Hex helpers for byte vectors written as in the standard ("7E A0 08 ...").</summary>
    public static class Hex
    {
        /// <summary>Parses hex digits; spaces, dashes and newlines are ignored.</summary>
        public static byte[] Parse(string hex)
        {
            var sb = new StringBuilder(hex.Length);
            foreach (char c in hex)
            {
                if (Uri.IsHexDigit(c)) sb.Append(c);
                else if (!char.IsWhiteSpace(c) && c != '-' && c != ':') throw new FormatException("bad hex char '" + c + "'");
            }
            if (sb.Length % 2 != 0) throw new FormatException("odd number of hex digits");
            var bytes = new byte[sb.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = byte.Parse(sb.ToString(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return bytes;
        }

        /// <summary>Formats bytes as upper-case hex separated by spaces.</summary>
        public static string Format(byte[] buffer, int offset, int count)
        {
            var sb = new StringBuilder(count * 3);
            for (int i = 0; i < count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(buffer[offset + i].ToString("X2", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }

        /// <summary>Formats a whole array.</summary>
        public static string Format(byte[] buffer) => Format(buffer, 0, buffer.Length);
    }
}
