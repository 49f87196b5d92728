using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// A COSEM logical name (OBIS code, IEC 62056-6-1): six value groups A-F, carried on the wire
    /// as a 6-byte octet-string.
    /// </summary>
    public readonly record struct ObisCode(byte A, byte B, byte C, byte D, byte E, byte F)
    {
        /// <summary>Builds an OBIS code from its six wire bytes.</summary>
        public static ObisCode FromBytes(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length != 6)
            {
                throw new ArgumentException("An OBIS code has 6 bytes, got " + bytes.Length + ".", nameof(bytes));
            }
            return new ObisCode(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]);
        }

        /// <summary>The six wire bytes A..F.</summary>
        public byte[] ToBytes() => new[] { A, B, C, D, E, F };

        /// <summary>
        /// Parses "1.0.1.8.0.255", the IEC form "1-0:1.8.0*255" or "1-0:1.8.0.255", or 12 hex digits
        /// ("0100010800FF").
        /// </summary>
        public static ObisCode Parse(string text)
        {
            if (TryParse(text, out ObisCode code))
            {
                return code;
            }
            throw new FormatException("'" + text + "' is not an OBIS code (expected e.g. 1.0.1.8.0.255 or 1-0:1.8.0*255).");
        }

        /// <summary>Parses an OBIS code; see <see cref="Parse"/> for the accepted forms.</summary>
        public static bool TryParse(string? text, out ObisCode code)
        {
            code = default;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }
            text = text.Trim();
            if (text.Length == 12 && IsAllHex(text))
            {
                var b = Convert.FromHexString(text);
                code = FromBytes(b);
                return true;
            }
            string[] parts = text.Split('.', '-', ':', '*');
            if (parts.Length != 6)
            {
                return false;
            }
            var values = new byte[6];
            for (int i = 0; i < 6; i++)
            {
                if (!byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
                {
                    return false;
                }
            }
            code = FromBytes(values);
            return true;
        }

        private static bool IsAllHex(string text)
        {
            foreach (char c in text)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Dotted decimal form, "1.0.1.8.0.255".</summary>
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{A}.{B}.{C}.{D}.{E}.{F}");
    }
}
