using System;
using System.Collections.Generic;
using System.Linq;

namespace DlmsDevice.Client
{
    /// <summary>
    /// One decoded COSEM <c>Data</c> value: its A-XDR type and the CLR value.
    /// </summary>
    /// <remarks>
    /// <see cref="Value"/> holds: <c>null</c> for null-data; <see cref="bool"/>; the exact CLR integer
    /// type (<see cref="sbyte"/> for integer, <see cref="ushort"/> for long-unsigned, <see cref="byte"/>
    /// for unsigned/enum/bcd, ...); <see cref="float"/>/<see cref="double"/>; <c>byte[]</c> for
    /// octet-string and for date-time/date/time (12/5/4 bytes, see <see cref="CosemDateTime"/>);
    /// <see cref="string"/> for visible-string and utf8-string, and for bit-string as '0'/'1'
    /// characters; <see cref="IReadOnlyList{T}"/> of <see cref="DlmsValue"/> for array, structure and
    /// compact-array. Equality is structural.
    /// </remarks>
    public sealed class DlmsValue : IEquatable<DlmsValue>
    {
        private DlmsValue(DataType type, object? value, byte[]? typeDescription = null)
        {
            Type = type;
            Value = value;
            TypeDescription = typeDescription;
        }

        /// <summary>The A-XDR type tag.</summary>
        public DataType Type { get; }

        /// <summary>The CLR value (see the class remarks for the mapping).</summary>
        public object? Value { get; }

        /// <summary>For a compact-array: the encoded type-description (Blue Book 4.1.6.2); else null.</summary>
        public byte[]? TypeDescription { get; }

        /// <summary>null-data.</summary>
        public static DlmsValue Null { get; } = new DlmsValue(DataType.Null, null);

        /// <summary>boolean.</summary>
        public static DlmsValue Boolean(bool value) => new(DataType.Boolean, value);
        /// <summary>integer (Integer8).</summary>
        public static DlmsValue Integer(sbyte value) => new(DataType.Integer, value);
        /// <summary>long (Integer16).</summary>
        public static DlmsValue Long(short value) => new(DataType.Long, value);
        /// <summary>double-long (Integer32).</summary>
        public static DlmsValue DoubleLong(int value) => new(DataType.DoubleLong, value);
        /// <summary>long64 (Integer64).</summary>
        public static DlmsValue Long64(long value) => new(DataType.Long64, value);
        /// <summary>unsigned (Unsigned8).</summary>
        public static DlmsValue Unsigned(byte value) => new(DataType.Unsigned, value);
        /// <summary>long-unsigned (Unsigned16).</summary>
        public static DlmsValue LongUnsigned(ushort value) => new(DataType.LongUnsigned, value);
        /// <summary>double-long-unsigned (Unsigned32).</summary>
        public static DlmsValue DoubleLongUnsigned(uint value) => new(DataType.DoubleLongUnsigned, value);
        /// <summary>long64-unsigned (Unsigned64).</summary>
        public static DlmsValue Long64Unsigned(ulong value) => new(DataType.Long64Unsigned, value);
        /// <summary>enum.</summary>
        public static DlmsValue Enum(byte value) => new(DataType.Enum, value);
        /// <summary>bcd (one byte).</summary>
        public static DlmsValue Bcd(byte value) => new(DataType.Bcd, value);
        /// <summary>float32.</summary>
        public static DlmsValue Float32(float value) => new(DataType.Float32, value);
        /// <summary>float64.</summary>
        public static DlmsValue Float64(double value) => new(DataType.Float64, value);
        /// <summary>octet-string.</summary>
        public static DlmsValue OctetString(byte[] value) => new(DataType.OctetString, value ?? throw new ArgumentNullException(nameof(value)));
        /// <summary>visible-string (ASCII).</summary>
        public static DlmsValue VisibleString(string value) => new(DataType.VisibleString, value ?? throw new ArgumentNullException(nameof(value)));
        /// <summary>utf8-string.</summary>
        public static DlmsValue Utf8String(string value) => new(DataType.Utf8String, value ?? throw new ArgumentNullException(nameof(value)));

        /// <summary>bit-string given as '0'/'1' characters, first character = first (most significant) bit.</summary>
        public static DlmsValue BitString(string bits)
        {
            ArgumentNullException.ThrowIfNull(bits);
            if (bits.Any(c => c != '0' && c != '1'))
            {
                throw new ArgumentException("A bit-string is written with '0' and '1' only.", nameof(bits));
            }
            return new DlmsValue(DataType.BitString, bits);
        }

        /// <summary>date-time [25] from its 12 bytes.</summary>
        public static DlmsValue DateTime(byte[] value) => FixedBytes(DataType.DateTime, value, CosemDateTime.Length);
        /// <summary>date [26] from its 5 bytes.</summary>
        public static DlmsValue Date(byte[] value) => FixedBytes(DataType.Date, value, 5);
        /// <summary>time [27] from its 4 bytes.</summary>
        public static DlmsValue Time(byte[] value) => FixedBytes(DataType.Time, value, 4);

        /// <summary>array of values (the standard requires one element type; not checked here).</summary>
        public static DlmsValue Array(IEnumerable<DlmsValue> items) => new(DataType.Array, items.ToArray());
        /// <summary>array of values.</summary>
        public static DlmsValue Array(params DlmsValue[] items) => new(DataType.Array, items.ToArray());
        /// <summary>structure of values.</summary>
        public static DlmsValue Structure(IEnumerable<DlmsValue> items) => new(DataType.Structure, items.ToArray());
        /// <summary>structure of values.</summary>
        public static DlmsValue Structure(params DlmsValue[] items) => new(DataType.Structure, items.ToArray());

        /// <summary>compact-array: the raw type-description and the decoded elements.</summary>
        public static DlmsValue CompactArray(byte[] typeDescription, IEnumerable<DlmsValue> items) =>
            new(DataType.CompactArray, items.ToArray(), typeDescription ?? throw new ArgumentNullException(nameof(typeDescription)));

        /// <summary>A delta-* value (types 28-33): the value as its base integer type.</summary>
        public static DlmsValue Delta(DataType type, object value)
        {
            object v = type switch
            {
                DataType.DeltaInteger => Convert.ToSByte(value),
                DataType.DeltaLong => Convert.ToInt16(value),
                DataType.DeltaDoubleLong => Convert.ToInt32(value),
                DataType.DeltaUnsigned => Convert.ToByte(value),
                DataType.DeltaLongUnsigned => Convert.ToUInt16(value),
                DataType.DeltaDoubleLongUnsigned => Convert.ToUInt32(value),
                _ => throw new ArgumentException("Not a delta type: " + type, nameof(type)),
            };
            return new DlmsValue(type, v);
        }

        private static DlmsValue FixedBytes(DataType type, byte[] value, int length)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Length != length)
            {
                throw new ArgumentException(type + " needs " + length + " bytes, got " + value.Length + ".", nameof(value));
            }
            return new DlmsValue(type, value);
        }

        /// <summary>True for array, structure and compact-array.</summary>
        public bool IsComposite => Type is DataType.Array or DataType.Structure or DataType.CompactArray;

        /// <summary>True for every integer type, enum, bcd and the delta types.</summary>
        public bool IsInteger => Value is sbyte or byte or short or ushort or int or uint or long or ulong;

        /// <summary>The elements of an array, structure or compact-array.</summary>
        public IReadOnlyList<DlmsValue> Items =>
            Value as IReadOnlyList<DlmsValue> ?? throw new InvalidOperationException("A " + Type + " value has no elements.");

        /// <summary>The bytes of an octet-string, date-time, date or time.</summary>
        public byte[] Bytes => Value as byte[] ?? throw new InvalidOperationException("A " + Type + " value has no bytes.");

        /// <summary>The text of a visible-string, utf8-string or bit-string.</summary>
        public string Text => Value as string ?? throw new InvalidOperationException("A " + Type + " value has no text.");

        /// <summary>The value of any integer type as a decimal (exact for all of them).</summary>
        public decimal ToDecimal() => Value switch
        {
            sbyte v => v,
            byte v => v,
            short v => v,
            ushort v => v,
            int v => v,
            uint v => v,
            long v => v,
            ulong v => v,
            float v => (decimal)v,
            double v => (decimal)v,
            _ => throw new InvalidOperationException("A " + Type + " value is not a number."),
        };

        /// <summary>The value of any integer type as Int64 (throws if an unsigned 64-bit value does not fit).</summary>
        public long ToInt64() => Value switch
        {
            ulong v => checked((long)v),
            float or double => throw new InvalidOperationException("A " + Type + " value is not an integer."),
            _ => (long)ToDecimal(),
        };

        /// <summary>The value of any numeric type as a double.</summary>
        public double ToDouble() => Value switch
        {
            float v => v,
            double v => v,
            _ => (double)ToDecimal(),
        };

        /// <inheritdoc/>
        public bool Equals(DlmsValue? other)
        {
            if (other is null || other.Type != Type)
            {
                return false;
            }
            if (Value is byte[] a && other.Value is byte[] b)
            {
                return a.AsSpan().SequenceEqual(b);
            }
            if (Value is IReadOnlyList<DlmsValue> x && other.Value is IReadOnlyList<DlmsValue> y)
            {
                bool descriptionsMatch = TypeDescription is null
                    ? other.TypeDescription is null
                    : other.TypeDescription is not null && TypeDescription.AsSpan().SequenceEqual(other.TypeDescription);
                return descriptionsMatch && x.SequenceEqual(y);
            }
            return Equals(Value, other.Value);
        }

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as DlmsValue);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Type);
            switch (Value)
            {
                case byte[] bytes:
                    hash.AddBytes(bytes);
                    break;
                case IReadOnlyList<DlmsValue> items:
                    foreach (DlmsValue item in items)
                    {
                        hash.Add(item);
                    }
                    break;
                default:
                    hash.Add(Value);
                    break;
            }
            return hash.ToHashCode();
        }

        /// <summary>The value in the typed text syntax of <see cref="DlmsValueText"/> (e.g. <c>u32:12345</c>).</summary>
        public override string ToString() => DlmsValueText.Format(this);
    }
}
