using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// A 6-byte OBIS code, the logical name of a COSEM object (IEC 62056-6-1): value groups
    /// A..F. A value type: compare, copy and read it without allocation.
    /// </summary>
    public struct ObisCode
    {
        /// <summary>Value group A (media: 0 abstract, 1 electricity, 7 gas, ...).</summary>
        public byte A;

        /// <summary>Value group B (channel).</summary>
        public byte B;

        /// <summary>Value group C (physical quantity).</summary>
        public byte C;

        /// <summary>Value group D (processing).</summary>
        public byte D;

        /// <summary>Value group E (classification, tariff).</summary>
        public byte E;

        /// <summary>Value group F (historical value; 255 = current / not used).</summary>
        public byte F;

        /// <summary>Number of bytes in an encoded OBIS code.</summary>
        public const int Size = 6;

        /// <summary>Creates an OBIS code from its six value groups.</summary>
        public ObisCode(byte a, byte b, byte c, byte d, byte e, byte f)
        {
            A = a;
            B = b;
            C = c;
            D = d;
            E = e;
            F = f;
        }

        /// <summary>True when all six value groups are equal.</summary>
        public bool Equals(ObisCode other)
        {
            return A == other.A && B == other.B && C == other.C
                && D == other.D && E == other.E && F == other.F;
        }

        /// <summary>True when <paramref name="obj"/> is an equal <see cref="ObisCode"/> (boxes; not for hot paths).</summary>
        public override bool Equals(object obj)
        {
            if (!(obj is ObisCode))
            {
                return false;
            }

            return Equals((ObisCode)obj);
        }

        /// <summary>A hash of the six value groups.</summary>
        public override int GetHashCode()
        {
            int high = (A << 24) | (B << 16) | (C << 8) | D;
            int low = (E << 8) | F;
            return high ^ (low * 31);
        }

        /// <summary>Value equality.</summary>
        public static bool operator ==(ObisCode x, ObisCode y)
        {
            return x.Equals(y);
        }

        /// <summary>Value inequality.</summary>
        public static bool operator !=(ObisCode x, ObisCode y)
        {
            return !x.Equals(y);
        }

        /// <summary>Writes the six bytes A..F at <paramref name="offset"/>.</summary>
        public void CopyTo(byte[] buffer, int offset)
        {
            buffer[offset] = A;
            buffer[offset + 1] = B;
            buffer[offset + 2] = C;
            buffer[offset + 3] = D;
            buffer[offset + 4] = E;
            buffer[offset + 5] = F;
        }

        /// <summary>Reads six bytes A..F at <paramref name="offset"/>.</summary>
        public static ObisCode FromBytes(byte[] buffer, int offset)
        {
            return new ObisCode(buffer[offset], buffer[offset + 1], buffer[offset + 2],
                buffer[offset + 3], buffer[offset + 4], buffer[offset + 5]);
        }

        /// <summary>
        /// True when the six bytes at <paramref name="offset"/> equal this code. False (never an
        /// exception) when fewer than six bytes are there.
        /// </summary>
        public bool EqualsBytes(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length - Size)
            {
                return false;
            }

            return buffer[offset] == A && buffer[offset + 1] == B && buffer[offset + 2] == C
                && buffer[offset + 3] == D && buffer[offset + 4] == E && buffer[offset + 5] == F;
        }

        /// <summary>The reduced-ID text form <c>A-B:C.D.E*F</c>, e.g. <c>1-0:1.8.0*255</c> (allocates; diagnostics).</summary>
        public override string ToString()
        {
            return A.ToString() + "-" + B.ToString() + ":" + C.ToString() + "." + D.ToString()
                + "." + E.ToString() + "*" + F.ToString();
        }

        /// <summary>
        /// Parses <c>A-B:C.D.E*F</c> (<c>1-0:1.8.0*255</c>), <c>A-B:C.D.E.F</c> or the dotted
        /// form <c>A.B.C.D.E.F</c> (<c>1.0.1.8.0.255</c>). Each group is 1..3 decimal digits, 0..255.
        /// No whitespace and no omitted groups.
        /// </summary>
        /// <returns>False (and <paramref name="value"/> all zero) when the text is not an OBIS code.</returns>
        public static bool TryParse(string text, out ObisCode value)
        {
            value = new ObisCode();
            if (text == null)
            {
                return false;
            }

            // Six groups separated by five separators; the separators pick the form.
            byte a, b, c, d, e, f;
            char s1, s2, s3, s4, s5;
            int i = 0;
            if (!ParseGroup(text, ref i, out a) || !ParseSeparator(text, ref i, out s1)
                || !ParseGroup(text, ref i, out b) || !ParseSeparator(text, ref i, out s2)
                || !ParseGroup(text, ref i, out c) || !ParseSeparator(text, ref i, out s3)
                || !ParseGroup(text, ref i, out d) || !ParseSeparator(text, ref i, out s4)
                || !ParseGroup(text, ref i, out e) || !ParseSeparator(text, ref i, out s5)
                || !ParseGroup(text, ref i, out f) || i != text.Length)
            {
                return false;
            }

            bool dotted = s1 == '.' && s2 == '.' && s3 == '.' && s4 == '.' && s5 == '.';
            bool reduced = s1 == '-' && s2 == ':' && s3 == '.' && s4 == '.' && (s5 == '*' || s5 == '.');
            if (!dotted && !reduced)
            {
                return false;
            }

            value = new ObisCode(a, b, c, d, e, f);
            return true;
        }

        /// <summary>Parses as <see cref="TryParse"/> does; configuration time only.</summary>
        /// <exception cref="FormatException">The text is not an OBIS code.</exception>
        public static ObisCode Parse(string text)
        {
            ObisCode value;
            if (!TryParse(text, out value))
            {
                throw new FormatException();
            }

            return value;
        }

        private static bool ParseGroup(string text, ref int index, out byte value)
        {
            value = 0;
            int number = 0;
            int digits = 0;
            int i = index;
            while (i < text.Length && digits < 4)
            {
                char ch = text[i];
                if (ch < '0' || ch > '9')
                {
                    break;
                }

                number = (number * 10) + (ch - '0');
                digits++;
                i++;
            }

            if (digits == 0 || digits > 3 || number > 255)
            {
                return false;
            }

            value = (byte)number;
            index = i;
            return true;
        }

        private static bool ParseSeparator(string text, ref int index, out char separator)
        {
            separator = '\0';
            if (index >= text.Length)
            {
                return false;
            }

            separator = text[index];
            index++;
            return true;
        }
    }
}
