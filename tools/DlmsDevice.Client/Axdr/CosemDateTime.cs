using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The 12-byte COSEM date-time (Blue Book 4.1.6.1): year(2) month day day-of-week hour minute
    /// second hundredths deviation(int16) clock-status. 0xFF (0xFFFF for the year) means "not
    /// specified"; deviation 0x8000 means "not specified".
    /// </summary>
    /// <remarks>
    /// Text form (used by the CLI and <see cref="DlmsValueText"/>):
    /// <c>YYYY-MM-DDTHH:MM:SS[.hh][Z|+HH:MM|-HH:MM][/SS]</c>. Any numeric field may be <c>*</c>
    /// (not specified). The offset is the local time's offset from UTC; it is stored as the
    /// deviation = minutes from local time to UTC, i.e. <c>+01:00</c> is deviation -60 (the sign
    /// Gurux and the Blue Book example use; the Green Book's A-XDR examples). No offset means deviation not
    /// specified (0x8000). <c>/SS</c> is the clock status in hex (default 00). The day of week is
    /// computed from the date when the date is fully given, else 0xFF.
    /// </remarks>
    public sealed record CosemDateTime(
        ushort Year, byte Month, byte Day, byte DayOfWeek,
        byte Hour, byte Minute, byte Second, byte Hundredths,
        short Deviation, byte ClockStatus)
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int Length = 12;

        /// <summary>Deviation value meaning "not specified".</summary>
        public const short DeviationNotSpecified = unchecked((short)0x8000);

        private static readonly Regex s_text = new(
            @"^(?<y>\d+|\*)-(?<mo>\d+|\*)-(?<d>\d+|\*)[T ](?<h>\d+|\*):(?<mi>\d+|\*)(:(?<s>\d+|\*))?(\.(?<hs>\d+|\*))?(?<z>Z|[+-]\d{2}:\d{2})?(/(?<st>[0-9A-Fa-f]{1,2}))?$",
            RegexOptions.CultureInvariant);

        /// <summary>Decodes the 12 wire bytes.</summary>
        public static CosemDateTime FromBytes(ReadOnlySpan<byte> b)
        {
            if (b.Length != Length)
            {
                throw new ArgumentException("A COSEM date-time has 12 bytes, got " + b.Length + ".", nameof(b));
            }
            return new CosemDateTime(
                BinaryPrimitives.ReadUInt16BigEndian(b), b[2], b[3], b[4], b[5], b[6], b[7], b[8],
                BinaryPrimitives.ReadInt16BigEndian(b.Slice(9)), b[11]);
        }

        /// <summary>The 12 wire bytes.</summary>
        public byte[] ToBytes()
        {
            var b = new byte[Length];
            BinaryPrimitives.WriteUInt16BigEndian(b, Year);
            b[2] = Month;
            b[3] = Day;
            b[4] = DayOfWeek;
            b[5] = Hour;
            b[6] = Minute;
            b[7] = Second;
            b[8] = Hundredths;
            BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(9), Deviation);
            b[11] = ClockStatus;
            return b;
        }

        /// <summary>
        /// True if 12 bytes are plausibly a date-time (every field in range or "not specified"), so
        /// an octet-string can be printed as one.
        /// </summary>
        public static bool LooksLikeDateTime(ReadOnlySpan<byte> b)
        {
            if (b.Length != Length)
            {
                return false;
            }
            short deviation = BinaryPrimitives.ReadInt16BigEndian(b.Slice(9));
            return InRange(b[2], 1, 12, true) && InRange(b[3], 1, 31, true) && InRange(b[4], 1, 7, false)
                && InRange(b[5], 0, 23, false) && InRange(b[6], 0, 59, false) && InRange(b[7], 0, 59, false)
                && InRange(b[8], 0, 99, false)
                && (deviation == DeviationNotSpecified || (deviation >= -840 && deviation <= 840));
        }

        private static bool InRange(byte value, int min, int max, bool allowDstCodes) =>
            value == 0xFF || (value >= min && value <= max) || (allowDstCodes && (value == 0xFD || value == 0xFE));

        /// <summary>Builds a date-time from a calendar value; the offset (if any) becomes the deviation.</summary>
        public static CosemDateTime FromDateTime(DateTime value, TimeSpan? utcOffset = null, byte clockStatus = 0)
        {
            short deviation = utcOffset is TimeSpan o ? checked((short)-(int)o.TotalMinutes) : DeviationNotSpecified;
            return new CosemDateTime(
                (ushort)value.Year, (byte)value.Month, (byte)value.Day, IsoDayOfWeek(value.DayOfWeek),
                (byte)value.Hour, (byte)value.Minute, (byte)value.Second, (byte)(value.Millisecond / 10),
                deviation, clockStatus);
        }

        private static byte IsoDayOfWeek(System.DayOfWeek d) => d == System.DayOfWeek.Sunday ? (byte)7 : (byte)d;

        /// <summary>Parses the text form described in the class remarks.</summary>
        public static CosemDateTime Parse(string text)
        {
            Match m = s_text.Match(text.Trim());
            if (!m.Success)
            {
                throw new FormatException("'" + text + "' is not a date-time (expected YYYY-MM-DDTHH:MM:SS[.hh][Z|+HH:MM][/status]).");
            }
            int year = Field(m, "y", 0xFFFF, 0xFFFF);
            int month = Field(m, "mo", 0xFF, 0xFF);
            int day = Field(m, "d", 0xFF, 0xFF);
            int hour = Field(m, "h", 0xFF, 0xFF);
            int minute = Field(m, "mi", 0xFF, 0xFF);
            int second = m.Groups["s"].Success ? Field(m, "s", 0xFF, 0xFF) : 0;
            int hundredths = m.Groups["hs"].Success ? Field(m, "hs", 0xFF, 0xFF) : (second == 0xFF ? 0xFF : 0);
            byte dayOfWeek = 0xFF;
            if (year != 0xFFFF && month >= 1 && month <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) && year >= 1 && year <= 9999)
            {
                dayOfWeek = IsoDayOfWeek(new DateTime(year, month, day).DayOfWeek);
            }
            short deviation = DeviationNotSpecified;
            if (m.Groups["z"].Success)
            {
                string z = m.Groups["z"].Value;
                if (z == "Z")
                {
                    deviation = 0;
                }
                else
                {
                    int minutes = int.Parse(z.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60 + int.Parse(z.AsSpan(4, 2), CultureInfo.InvariantCulture);
                    deviation = (short)(z[0] == '+' ? -minutes : minutes);
                }
            }
            byte status = m.Groups["st"].Success ? byte.Parse(m.Groups["st"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : (byte)0;
            return new CosemDateTime((ushort)year, (byte)month, (byte)day, dayOfWeek, (byte)hour, (byte)minute, (byte)second, (byte)hundredths, deviation, status);
        }

        private static int Field(Match m, string name, int notSpecified, int max)
        {
            string s = m.Groups[name].Value;
            if (s == "*")
            {
                return notSpecified;
            }
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v > max)
            {
                throw new FormatException("Date-time field '" + s + "' is out of range.");
            }
            return v;
        }

        /// <summary>The text form described in the class remarks (hundredths 0 or unspecified are omitted).</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append(Year == 0xFFFF ? "*" : Year.ToString("D4", CultureInfo.InvariantCulture));
            sb.Append('-').Append(Two(Month)).Append('-').Append(Two(Day));
            sb.Append('T').Append(Two(Hour)).Append(':').Append(Two(Minute)).Append(':').Append(Two(Second));
            if (Hundredths != 0 && Hundredths != 0xFF)
            {
                sb.Append('.').Append(Two(Hundredths));
            }
            if (Deviation != DeviationNotSpecified)
            {
                int offset = -Deviation;
                if (offset == 0)
                {
                    sb.Append('Z');
                }
                else
                {
                    int abs = Math.Abs(offset);
                    sb.Append(offset > 0 ? '+' : '-').Append((abs / 60).ToString("D2", CultureInfo.InvariantCulture))
                      .Append(':').Append((abs % 60).ToString("D2", CultureInfo.InvariantCulture));
                }
            }
            if (ClockStatus != 0)
            {
                sb.Append('/').Append(ClockStatus.ToString("X2", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }

        private static string Two(byte v) => v == 0xFF ? "*" : v.ToString("D2", CultureInfo.InvariantCulture);

        /// <summary>Formats a 5-byte date [26]: year(2) month day day-of-week, as YYYY-MM-DD.</summary>
        public static string FormatDate(ReadOnlySpan<byte> b)
        {
            ushort year = BinaryPrimitives.ReadUInt16BigEndian(b);
            return (year == 0xFFFF ? "*" : year.ToString("D4", CultureInfo.InvariantCulture)) + "-" + Two(b[2]) + "-" + Two(b[3]);
        }

        /// <summary>Formats a 4-byte time [27]: hour minute second hundredths, as HH:MM:SS[.hh].</summary>
        public static string FormatTime(ReadOnlySpan<byte> b)
        {
            string s = Two(b[0]) + ":" + Two(b[1]) + ":" + Two(b[2]);
            return b[3] != 0 && b[3] != 0xFF ? s + "." + Two(b[3]) : s;
        }
    }
}
