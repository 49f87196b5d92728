using System;
using System.Globalization;
using System.Text;

namespace DlmsDevice.Benchmarks
{
    /// <summary>Hex helpers for the request vectors (set-up and verification only, never inside a benchmark).</summary>
    internal static class Hex
    {
        /// <summary>Parses hex digits; spaces are ignored.</summary>
        public static byte[] Parse(string hex)
        {
            var digits = new StringBuilder(hex.Length);
            foreach (char c in hex)
            {
                if (Uri.IsHexDigit(c))
                {
                    digits.Append(c);
                }
                else if (!char.IsWhiteSpace(c))
                {
                    throw new FormatException("bad hex char '" + c + "'");
                }
            }
            if (digits.Length % 2 != 0)
            {
                throw new FormatException("odd number of hex digits");
            }
            var bytes = new byte[digits.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = byte.Parse(digits.ToString(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            return bytes;
        }

        /// <summary>Formats bytes as upper-case hex separated by spaces.</summary>
        public static string Format(byte[] buffer, int offset, int count)
        {
            var text = new StringBuilder(count * 3);
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }
                text.Append(buffer[offset + i].ToString("X2", CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }

        /// <summary>Throws unless <paramref name="buffer"/>[offset..] starts with <paramref name="expectedHex"/>:
        /// a benchmark whose set-up does not get the answer it expects measures the wrong thing.</summary>
        public static void Expect(string what, string expectedHex, byte[] buffer, int offset, int count)
        {
            byte[] expected = Parse(expectedHex);
            string actual = Format(buffer, offset, count);
            if (count < expected.Length || Format(buffer, offset, expected.Length) != Format(expected, 0, expected.Length))
            {
                throw new InvalidOperationException(what + ": expected " + Format(expected, 0, expected.Length) + "..., got " + actual);
            }
        }
    }
}
