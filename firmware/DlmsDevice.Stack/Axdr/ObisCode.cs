using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// A 6-byte OBIS code, the logical name of a COSEM object (IEC 62056-6-1): value groups
    /// A..F. An immutable class, created once at configuration time (e.g. static readonly fields)
    /// and then passed and stored by reference.
    /// </summary>
    /// <remarks>
    /// <para>Not a struct: nanoFramework's interpreter puts every struct local and every struct
    /// copy in a heap block, so a struct read from <c>CosemObject.LogicalName</c> in a lookup
    /// allocated on the device although it allocated nothing on desktop .NET.</para>
    /// <para>The six groups are packed into one <see cref="long"/> (<see cref="Value"/>: A in bits
    /// 40..47 down to F in bits 0..7): nanoFramework stores an object as a header block plus one
    /// block per field, so one field costs two blocks where six byte fields cost seven. The
    /// packed value orders like the bytes A..F, so lookups compare one long. The request path
    /// never creates an ObisCode: it compares the request bytes with <see cref="EqualsBytes"/>
    /// or packs them into a long with <see cref="Pack"/>.</para>
    /// </remarks>
    public sealed class ObisCode
    {
        /// <summary>Number of bytes in an encoded OBIS code.</summary>
        public const int Size = 6;

        /// <summary>The largest packed value (all six groups 255).</summary>
        public const long MaxValue = 0xFFFFFFFFFFFFL;

        private readonly long _value;

        /// <summary>Creates an OBIS code from its six value groups.</summary>
        public ObisCode(byte a, byte b, byte c, byte d, byte e, byte f)
        {
            _value = ((long)a << 40) | ((long)b << 32) | ((long)c << 24) | ((long)d << 16) | ((long)e << 8) | f;
        }

        /// <summary>Creates an OBIS code from its packed value (see <see cref="Value"/>). Configuration time only.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or above <see cref="MaxValue"/>.</exception>
        public ObisCode(long value)
        {
            if (value < 0 || value > MaxValue)
            {
                throw new ArgumentOutOfRangeException();
            }

            _value = value;
        }

        /// <summary>Value group A (media: 0 abstract, 1 electricity, 7 gas, ...).</summary>
        public byte A
        {
            get { return (byte)(_value >> 40); }
        }

        /// <summary>Value group B (channel).</summary>
        public byte B
        {
            get { return (byte)(_value >> 32); }
        }

        /// <summary>Value group C (physical quantity).</summary>
        public byte C
        {
            get { return (byte)(_value >> 24); }
        }

        /// <summary>Value group D (processing).</summary>
        public byte D
        {
            get { return (byte)(_value >> 16); }
        }

        /// <summary>Value group E (classification, tariff).</summary>
        public byte E
        {
            get { return (byte)(_value >> 8); }
        }

        /// <summary>Value group F (historical value; 255 = current / not used).</summary>
        public byte F
        {
            get { return (byte)_value; }
        }

        /// <summary>
        /// The six groups packed big-endian into the low 48 bits (A in bits 40..47 .. F in bits
        /// 0..7). Two codes are equal exactly when their values are, and the values order like the
        /// bytes A..F.
        /// </summary>
        public long Value
        {
            get { return _value; }
        }

        /// <summary>
        /// The packed value (see <see cref="Value"/>) of the six bytes at <paramref name="offset"/>.
        /// No allocation; the caller makes sure the six bytes are there.
        /// </summary>
        public static long Pack(byte[] buffer, int offset)
        {
            return ((long)buffer[offset] << 40) | ((long)buffer[offset + 1] << 32) | ((long)buffer[offset + 2] << 24)
                | ((long)buffer[offset + 3] << 16) | ((long)buffer[offset + 4] << 8) | buffer[offset + 5];
        }

        /// <summary>Writes the six bytes A..F of the packed <paramref name="value"/> at <paramref name="offset"/>.</summary>
        public static void Unpack(long value, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(value >> 40);
            buffer[offset + 1] = (byte)(value >> 32);
            buffer[offset + 2] = (byte)(value >> 24);
            buffer[offset + 3] = (byte)(value >> 16);
            buffer[offset + 4] = (byte)(value >> 8);
            buffer[offset + 5] = (byte)value;
        }

        /// <summary>True when <paramref name="other"/> is not null and all six value groups are equal.</summary>
        public bool Equals(ObisCode other)
        {
            return (object)other != null && other._value == _value;
        }

        /// <summary>True when <paramref name="obj"/> is an equal <see cref="ObisCode"/>.</summary>
        public override bool Equals(object obj)
        {
            return Equals(obj as ObisCode);
        }

        /// <summary>A hash of the six value groups.</summary>
        public override int GetHashCode()
        {
            return (int)_value ^ ((int)(_value >> 32) * 31);
        }

        /// <summary>Value equality; null equals only null.</summary>
        public static bool operator ==(ObisCode x, ObisCode y)
        {
            if ((object)x == null)
            {
                return (object)y == null;
            }

            return x.Equals(y);
        }

        /// <summary>Value inequality; null equals only null.</summary>
        public static bool operator !=(ObisCode x, ObisCode y)
        {
            return !(x == y);
        }

        /// <summary>Writes the six bytes A..F at <paramref name="offset"/>.</summary>
        public void CopyTo(byte[] buffer, int offset)
        {
            Unpack(_value, buffer, offset);
        }

        /// <summary>
        /// A new code from the six bytes A..F at <paramref name="offset"/>. Allocates:
        /// configuration time and diagnostics only; the request path uses <see cref="EqualsBytes"/>
        /// or <see cref="Pack"/> instead.
        /// </summary>
        public static ObisCode FromBytes(byte[] buffer, int offset)
        {
            return new ObisCode(Pack(buffer, offset));
        }

        /// <summary>
        /// True when the six bytes at <paramref name="offset"/> equal this code. False (never an
        /// exception) when fewer than six bytes are there. No allocation.
        /// </summary>
        public bool EqualsBytes(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length - Size)
            {
                return false;
            }

            return Pack(buffer, offset) == _value;
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
        /// No whitespace and no omitted groups. Allocates the code: configuration time only.
        /// </summary>
        /// <returns>False (and <paramref name="value"/> null) when the text is not an OBIS code.</returns>
        public static bool TryParse(string text, out ObisCode value)
        {
            value = null;
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
