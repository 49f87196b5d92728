using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>Thrown by <see cref="ByteCursor"/> when a field runs past the bytes there are.</summary>
    internal sealed class AnnotationTruncatedException : Exception
    {
        public AnnotationTruncatedException(string field, int needed, int available)
            : base(field + " needs " + needed + " byte" + (needed == 1 ? "" : "s") + ", " + available + " left")
        {
        }
    }

    /// <summary>
    /// A cursor over a byte range for the annotators: takes fields off the front and throws
    /// <see cref="AnnotationTruncatedException"/> (caught at the layer, which then reports the
    /// truncation) when one runs past the end.
    /// </summary>
    internal sealed class ByteCursor
    {
        public ByteCursor(byte[] data)
            : this(data, 0, data.Length)
        {
        }

        public ByteCursor(byte[] data, int start, int end)
        {
            Data = data;
            Position = start;
            End = end;
        }

        public byte[] Data { get; }

        public int Position { get; set; }

        public int End { get; }

        public int Remaining => End - Position;

        public bool AtEnd => Position >= End;

        public byte Peek(int ahead = 0)
        {
            if (Position + ahead >= End)
            {
                throw new AnnotationTruncatedException("a byte", 1, 0);
            }
            return Data[Position + ahead];
        }

        public byte TakeByte(string field = "a byte")
        {
            if (Position >= End)
            {
                throw new AnnotationTruncatedException(field, 1, 0);
            }
            return Data[Position++];
        }

        public byte[] Take(int count, string field = "a field")
        {
            if (count < 0 || count > Remaining)
            {
                throw new AnnotationTruncatedException(field, count, Remaining);
            }
            byte[] bytes = Data.AsSpan(Position, count).ToArray();
            Position += count;
            return bytes;
        }

        public byte[] Rest() => Take(Remaining);

        public uint UInt(int size, string field, out byte[] raw)
        {
            raw = Take(size, field);
            uint v = 0;
            foreach (byte b in raw)
            {
                v = (v << 8) | b;
            }
            return v;
        }

        /// <summary>An A-XDR / BER length: one byte below 0x80, else 0x8n and n bytes.</summary>
        public int Length(string field, out byte[] raw)
        {
            int start = Position;
            byte first = TakeByte(field);
            int length;
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                int n = first & 0x7F;
                if (n == 0 || n > 4)
                {
                    Position = start;
                    throw new AnnotationTruncatedException(field + " (length form 0x" + first.ToString("X2", CultureInfo.InvariantCulture) + ")", n, 0);
                }
                long v = 0;
                for (int i = 0; i < n; i++)
                {
                    v = (v << 8) | TakeByte(field);
                }
                length = v > int.MaxValue ? int.MaxValue : (int)v;
            }
            raw = Data.AsSpan(start, Position - start).ToArray();
            return length;
        }
    }
}
