using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Holder of one simple A-XDR value (the value attribute of Data, Register and friends):
    /// its type is fixed at configuration time, its content changes without allocating.
    /// </summary>
    /// <remarks>
    /// <para>Storage: integer types, enum, bcd and boolean in a <c>long</c> (long64-unsigned as
    /// its bit pattern), float32/float64 in a <c>double</c>, octet-, visible- and utf8-strings,
    /// bit-strings and the tagged date-time/date/time forms in a byte array allocated once with
    /// the maximum length.</para>
    /// <para>The Blue Book lets value attributes be "any simple type" (Blue Book 4.3.1 Data,
    /// 4.3.2 Register: CHOICE of the simple Data types). Structures and arrays are not held here.</para>
    /// <para>Writes over the protocol (<see cref="Decode"/>) must carry exactly the configured
    /// tag: type-unmatched otherwise, scope-of-access-violated for a string longer than the
    /// maximum. A date-time value (tag 25) also accepts the octet-string form <c>09 0C</c>
    /// that most clients send. Content set by the application is wrapped to the type's width,
    /// like a C cast (a register rolls over rather than fails).</para>
    /// <para>Not synchronised: update it from the thread that serves requests, or accept that a
    /// reader may see a string half way through an update.</para>
    /// </remarks>
    public sealed partial class CosemValue
    {
        private readonly DataType _type;
        private readonly byte[] _bytes;
        private readonly int _capacity;
        private long _integer;
        private double _float;
        private int _length;

        /// <summary>
        /// Creates a holder of a fixed-size type: null-data, boolean, the integer types, enum,
        /// bcd, float32, float64, or the tagged date-time (25), date (26) and time (27).
        /// Strings and bit-strings need <see cref="CosemValue(DataType, int)"/>.
        /// </summary>
        public CosemValue(DataType type)
            : this(type, FixedSize(type))
        {
        }

        /// <summary>
        /// Creates a holder of <paramref name="type"/>; for octet-, visible- and utf8-strings
        /// <paramref name="maxLength"/> is the most bytes it can hold, for bit-strings the most
        /// bits. Ignored for fixed-size types. Configuration time only (allocates).
        /// </summary>
        /// <exception cref="ArgumentException">The type is not a simple type.</exception>
        public CosemValue(DataType type, int maxLength)
        {
            if (maxLength < 0)
            {
                throw new ArgumentOutOfRangeException();
            }
            _type = type;
            if (type == DataType.NullData || IsNumericType(type))
            {
                // Held in the numeric fields: no buffer.
                return;
            }
            switch (type)
            {
                case DataType.OctetString:
                case DataType.VisibleString:
                case DataType.Utf8String:
                    _capacity = maxLength;
                    _bytes = new byte[maxLength];
                    break;
                case DataType.BitString:
                    _capacity = maxLength;
                    _bytes = new byte[(maxLength + 7) / 8];
                    break;
                case DataType.DateTime:
                    _capacity = DateTimeSize;
                    _bytes = new byte[DateTimeSize];
                    _length = DateTimeSize;
                    SetUnspecified();
                    break;
                case DataType.Date:
                    _capacity = DateSize;
                    _bytes = new byte[DateSize];
                    _length = DateSize;
                    SetUnspecified();
                    break;
                case DataType.Time:
                    _capacity = TimeSize;
                    _bytes = new byte[TimeSize];
                    _length = TimeSize;
                    SetUnspecified();
                    break;
                default:
                    throw new ArgumentException();
            }
        }

        /// <summary>
        /// Creates a holder with the type, maximum length and current content of
        /// <paramref name="shape"/> (e.g. a register's default value). Configuration time only.
        /// </summary>
        public CosemValue(CosemValue shape)
            : this(CheckNotNull(shape)._type, shape._capacity)
        {
            CopyFrom(shape);
        }

        private const int DateTimeSize = 12;
        private const int DateSize = 5;
        private const int TimeSize = 4;

        /// <summary>The A-XDR type the value is encoded with.</summary>
        public DataType Type
        {
            get { return _type; }
        }

        /// <summary>Most bytes (strings) or bits (bit-string) the holder takes; the fixed size of date-time/date/time; 0 for the other types.</summary>
        public int MaxLength
        {
            get { return _capacity; }
        }

        /// <summary>Bytes in use (strings, date-time/date/time) or bits (bit-string); 0 for the other types.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>The holder's byte storage (strings, bit-string, date-time forms); null for the other types. Read it; change it through the setters.</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        /// <summary>Optional application link: refreshed before each encode, told after each protocol write. Null by default.</summary>
        public IValueSource Source { get; set; }

        /// <summary>
        /// The value as an integer: the stored integer for integer types, enum, bcd and boolean
        /// (1/0); the float truncated toward zero for float types; 0 otherwise. A long64-unsigned
        /// above <see cref="long.MaxValue"/> comes back as its two's-complement bit pattern.
        /// </summary>
        public long Integer
        {
            get
            {
                if (IsFloat)
                {
                    return (long)_float;
                }
                return _integer;
            }
        }

        /// <summary>The value as a double: the float for float types, the integer converted for integer types, 0 otherwise.</summary>
        public double Float
        {
            get
            {
                if (IsFloat)
                {
                    return _float;
                }
                if (_type == DataType.Long64Unsigned)
                {
                    return (double)(ulong)_integer;
                }
                return _integer;
            }
        }

        /// <summary>The value as a boolean: non-zero integer or float.</summary>
        public bool Boolean
        {
            get { return IsFloat ? _float != 0 : _integer != 0; }
        }

        private bool IsFloat
        {
            get { return _type == DataType.Float32 || _type == DataType.Float64; }
        }

        private bool IsNumeric
        {
            get { return IsNumericType(_type); }
        }

        /// <summary>True for the types a number is held in (boolean, the integers, bcd, enum, the floats).</summary>
        public static bool IsNumericType(DataType type)
        {
            switch (type)
            {
                case DataType.Boolean:
                case DataType.DoubleLong:
                case DataType.DoubleLongUnsigned:
                case DataType.Bcd:
                case DataType.Integer:
                case DataType.Long:
                case DataType.Unsigned:
                case DataType.LongUnsigned:
                case DataType.Long64:
                case DataType.Long64Unsigned:
                case DataType.Enum:
                case DataType.Float32:
                case DataType.Float64:
                    return true;
                default:
                    return false;
            }
        }

        private bool IsByteString
        {
            get { return _type == DataType.OctetString || _type == DataType.VisibleString || _type == DataType.Utf8String; }
        }

        /// <summary>
        /// Sets a numeric value: integer types keep the low bits of <paramref name="value"/> for
        /// their width, boolean becomes value != 0, float types take it converted.
        /// </summary>
        /// <returns>False (nothing changed) when the type is not numeric.</returns>
        public bool SetInteger(long value)
        {
            if (!IsNumeric)
            {
                return false;
            }
            if (IsFloat)
            {
                _float = _type == DataType.Float32 ? (double)(float)value : value;
                return true;
            }
            _integer = Normalize(value);
            return true;
        }

        /// <summary>
        /// Sets a numeric value from a double: float types store it (float32 rounded to single
        /// precision), integer types take it truncated toward zero (then wrapped to their width).
        /// </summary>
        /// <returns>False (nothing changed) when the type is not numeric.</returns>
        public bool SetFloat(double value)
        {
            if (!IsNumeric)
            {
                return false;
            }
            if (IsFloat)
            {
                _float = _type == DataType.Float32 ? (double)(float)value : value;
                return true;
            }
            return SetInteger((long)value);
        }

        /// <summary>Sets a boolean (or an integer to 1/0).</summary>
        /// <returns>False (nothing changed) when the type is not numeric.</returns>
        public bool SetBoolean(bool value)
        {
            return SetInteger(value ? 1 : 0);
        }

        /// <summary>
        /// Sets the content of a string (octet-, visible-, utf8-) or of a date-time/date/time
        /// (exactly 12/5/4 bytes) from a buffer.
        /// </summary>
        /// <returns>False (nothing changed) when the type takes no bytes or the length does not fit.</returns>
        public bool SetBytes(byte[] source, int offset, int length)
        {
            if (_bytes == null || _type == DataType.BitString || length < 0 || length > _capacity)
            {
                return false;
            }
            if (!IsByteString && length != _capacity)
            {
                return false;
            }
            Array.Copy(source, offset, _bytes, 0, length);
            _length = length;
            return true;
        }

        /// <summary>Sets a bit-string: <paramref name="bitCount"/> bits from <paramref name="source"/>, first bit = MSB of the first byte.</summary>
        /// <returns>False (nothing changed) when the type is not bit-string or the bits do not fit.</returns>
        public bool SetBits(byte[] source, int offset, int bitCount)
        {
            if (_type != DataType.BitString || bitCount < 0 || bitCount > _capacity)
            {
                return false;
            }
            Array.Copy(source, offset, _bytes, 0, (bitCount + 7) / 8);
            _length = bitCount;
            return true;
        }

        /// <summary>
        /// Sets a string from text, one byte per character (ASCII / Latin-1; no UTF-8 encoding
        /// is done). No allocation.
        /// </summary>
        /// <returns>False (nothing changed) when the type is not a string, the text is too long or a character is above 0xFF.</returns>
        public bool SetString(string text)
        {
            if (!IsByteString || text == null || text.Length > _capacity)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0xFF)
                {
                    return false;
                }
            }
            for (int i = 0; i < text.Length; i++)
            {
                _bytes[i] = (byte)text[i];
            }
            _length = text.Length;
            return true;
        }

        /// <summary>Sets a date-time: the 12 bytes of <paramref name="value"/> into a date-time (tag 25) holder or an octet-string holder of at least 12 bytes.</summary>
        /// <returns>False (nothing changed) for other types.</returns>
        public bool SetDateTime(CosemDateTime value)
        {
            if (_type == DataType.DateTime || (_type == DataType.OctetString && _capacity >= DateTimeSize))
            {
                value.WriteTo(_bytes, 0);
                _length = DateTimeSize;
                return true;
            }
            return false;
        }

        /// <summary>Reads the content as a date-time (a date-time holder, or an octet-string holding exactly 12 bytes) into <paramref name="into"/>.</summary>
        /// <returns>False (<paramref name="into"/> set to "not specified") when the content is not a date-time.</returns>
        public bool GetDateTime(CosemDateTime into)
        {
            if ((_type == DataType.DateTime || _type == DataType.OctetString) && _length == DateTimeSize)
            {
                into.ReadFrom(_bytes, 0);
                return true;
            }
            into.SetUnspecified();
            return false;
        }

        /// <summary>Copies the content of <paramref name="other"/> (same type; its length must fit). No allocation, no notification.</summary>
        /// <returns>False (nothing changed) when the types differ or the content does not fit.</returns>
        public bool CopyFrom(CosemValue other)
        {
            if (other == null || other._type != _type || other._length > _capacity)
            {
                return false;
            }
            _integer = other._integer;
            _float = other._float;
            if (_bytes != null)
            {
                int n = _type == DataType.BitString ? (other._length + 7) / 8 : other._length;
                Array.Copy(other._bytes, 0, _bytes, 0, n);
            }
            _length = other._length;
            return true;
        }

        /// <summary>Zero for numbers, false, empty strings; date-time/date/time become "not specified".</summary>
        public void Clear()
        {
            _integer = 0;
            _float = 0;
            if (_type == DataType.DateTime || _type == DataType.Date || _type == DataType.Time)
            {
                SetUnspecified();
            }
            else
            {
                _length = 0;
            }
        }

        /// <summary>Asks the <see cref="Source"/>, if any, to store the current quantity.</summary>
        public void Refresh()
        {
            IValueSource source = Source;
            if (source != null)
            {
                source.Refresh(this);
            }
        }

        /// <summary>Tells the <see cref="Source"/>, if any, that the protocol changed the value.</summary>
        public void NotifyWritten()
        {
            IValueSource source = Source;
            if (source != null)
            {
                source.Written(this);
            }
        }

        private long Normalize(long value)
        {
            switch (_type)
            {
                case DataType.Boolean:
                    return value != 0 ? 1 : 0;
                case DataType.Integer:
                    return (sbyte)value;
                case DataType.Long:
                    return (short)value;
                case DataType.Unsigned:
                case DataType.Enum:
                case DataType.Bcd:
                    return (byte)value;
                case DataType.LongUnsigned:
                    return (ushort)value;
                case DataType.DoubleLong:
                    return (int)value;
                case DataType.DoubleLongUnsigned:
                    return (uint)value;
                default:
                    return value;
            }
        }

        private void SetUnspecified()
        {
            // "Not specified" in every field (Blue Book 4.1.6.1): 0xFF bytes, deviation 0x8000.
            for (int i = 0; i < _bytes.Length; i++)
            {
                _bytes[i] = 0xFF;
            }
            if (_type == DataType.DateTime)
            {
                _bytes[9] = 0x80;
                _bytes[10] = 0x00;
            }
            _length = _bytes.Length;
        }

        private static int FixedSize(DataType type)
        {
            switch (type)
            {
                case DataType.DateTime:
                    return DateTimeSize;
                case DataType.Date:
                    return DateSize;
                case DataType.Time:
                    return TimeSize;
                case DataType.OctetString:
                case DataType.VisibleString:
                case DataType.Utf8String:
                case DataType.BitString:
                    // A string holder needs its maximum length.
                    throw new ArgumentException();
                default:
                    return 0;
            }
        }

        private static CosemValue CheckNotNull(CosemValue value)
        {
            if (value == null)
            {
                throw new ArgumentNullException();
            }
            return value;
        }
    }
}
