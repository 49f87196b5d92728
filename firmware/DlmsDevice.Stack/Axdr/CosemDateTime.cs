using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// COSEM date-time (12 bytes), date (5) and time (4) as their raw fields (Blue Book
    /// IEC 62056-6-2 4.1.6.1), every "not specified" and special value kept as sent.
    /// </summary>
    /// <remarks>
    /// <para>A mutable class, not a struct: nanoFramework's interpreter puts every struct local
    /// and copy in a heap block. The long-lived objects that need a date-time (Clock, Profile
    /// generic range selection, demand registers, ...) each own their instances, created once
    /// in their constructor, and the request path fills them in place (AxdrReader.ReadDateTime,
    /// <see cref="ReadFrom"/>, <see cref="CopyFrom"/>, <see cref="Set(DateTime, short, byte)"/>);
    /// nothing on it creates one.</para>
    /// <para>Layout of the 12 bytes: year (uint16), month, day-of-month, day-of-week, hour, minute,
    /// second, hundredths, deviation (int16 minutes), clock status. A date is the first 5 of
    /// them, a time the 4 from hour to hundredths. The deviation's sign is taken as sent:
    /// Gurux-style clients write -(UTC offset), e.g. UTC+1 = 0xFFC4 (the Green Book's A-XDR examples).</para>
    /// </remarks>
    public sealed class CosemDateTime
    {
        /// <summary>Year; <see cref="YearNotSpecified"/> (0xFFFF) = not specified.</summary>
        public ushort Year;

        /// <summary>Month 1..12; 0xFD daylight savings end, 0xFE daylight savings begin, 0xFF not specified.</summary>
        public byte Month;

        /// <summary>Day of month 1..31; 0xFD second-last day, 0xFE last day, 0xFF not specified.</summary>
        public byte DayOfMonth;

        /// <summary>Day of week 1 = Monday .. 7 = Sunday; 0xFF not specified.</summary>
        public byte DayOfWeek;

        /// <summary>Hour 0..23; 0xFF not specified.</summary>
        public byte Hour;

        /// <summary>Minute 0..59; 0xFF not specified.</summary>
        public byte Minute;

        /// <summary>Second 0..59; 0xFF not specified.</summary>
        public byte Second;

        /// <summary>Hundredths of a second 0..99; 0xFF not specified.</summary>
        public byte Hundredths;

        /// <summary>Deviation of local time to UTC in minutes (-720..720); <see cref="DeviationNotSpecified"/> (0x8000) = not specified.</summary>
        public short Deviation;

        /// <summary>Clock status bits (see the ClockStatus... constants); 0xFF not specified.</summary>
        public byte ClockStatus;

        /// <summary>Deviation value meaning "not specified" (0x8000).</summary>
        public const short DeviationNotSpecified = unchecked((short)0x8000);

        /// <summary>Year value meaning "not specified".</summary>
        public const ushort YearNotSpecified = 0xFFFF;

        /// <summary>Value of every one-byte field meaning "not specified" (0xFF).</summary>
        public const byte NotSpecified = 0xFF;

        /// <summary>Month value: daylight savings end.</summary>
        public const byte MonthDaylightSavingsEnd = 0xFD;

        /// <summary>Month value: daylight savings begin.</summary>
        public const byte MonthDaylightSavingsBegin = 0xFE;

        /// <summary>Day-of-month value: second-last day of the month.</summary>
        public const byte DaySecondLastOfMonth = 0xFD;

        /// <summary>Day-of-month value: last day of the month.</summary>
        public const byte DayLastOfMonth = 0xFE;

        /// <summary>Clock status bit 0: invalid value.</summary>
        public const byte ClockStatusInvalidValue = 0x01;

        /// <summary>Clock status bit 1: doubtful value.</summary>
        public const byte ClockStatusDoubtfulValue = 0x02;

        /// <summary>Clock status bit 2: different clock base.</summary>
        public const byte ClockStatusDifferentClockBase = 0x04;

        /// <summary>Clock status bit 3: invalid clock status.</summary>
        public const byte ClockStatusInvalidClockStatus = 0x08;

        /// <summary>Clock status bit 7: daylight saving active.</summary>
        public const byte ClockStatusDaylightSavingActive = 0x80;

        /// <summary>Bytes in an encoded date-time.</summary>
        public const int DateTimeSize = 12;

        /// <summary>Bytes in an encoded date.</summary>
        public const int DateSize = 5;

        /// <summary>Bytes in an encoded time.</summary>
        public const int TimeSize = 4;

        /// <summary>Creates a value with every field "not specified" (see <see cref="SetUnspecified"/>).</summary>
        /// <remarks>Allocates: create the instances a long-lived object needs once, at construction.</remarks>
        public CosemDateTime()
        {
            SetUnspecified();
        }

        /// <summary>
        /// A new value from the 12 raw bytes at <paramref name="offset"/>. Allocates: configuration
        /// time and diagnostics only; the request path fills an owned instance with <see cref="ReadFrom"/>.
        /// </summary>
        public static CosemDateTime FromBytes(byte[] buffer, int offset)
        {
            CosemDateTime value = new CosemDateTime();
            value.ReadFrom(buffer, offset);
            return value;
        }

        /// <summary>
        /// A new fully specified value from <paramref name="value"/> (see <see cref="Set(DateTime, short, byte)"/>).
        /// Allocates: configuration time, tests and diagnostics only.
        /// </summary>
        public static CosemDateTime FromDateTime(DateTime value, short deviation, byte clockStatus)
        {
            CosemDateTime result = new CosemDateTime();
            result.Set(value, deviation, clockStatus);
            return result;
        }

        /// <summary>Sets every field to "not specified" (year 0xFFFF, bytes 0xFF, deviation 0x8000, status 0xFF).</summary>
        public void SetUnspecified()
        {
            Year = YearNotSpecified;
            Month = NotSpecified;
            DayOfMonth = NotSpecified;
            DayOfWeek = NotSpecified;
            Hour = NotSpecified;
            Minute = NotSpecified;
            Second = NotSpecified;
            Hundredths = NotSpecified;
            Deviation = DeviationNotSpecified;
            ClockStatus = NotSpecified;
        }

        /// <summary>Sets every field as given, special values included (nothing is checked, see <see cref="IsValid"/>).</summary>
        public void Set(ushort year, byte month, byte dayOfMonth, byte dayOfWeek, byte hour, byte minute, byte second,
            byte hundredths, short deviation, byte clockStatus)
        {
            Year = year;
            Month = month;
            DayOfMonth = dayOfMonth;
            DayOfWeek = dayOfWeek;
            Hour = hour;
            Minute = minute;
            Second = second;
            Hundredths = hundredths;
            Deviation = deviation;
            ClockStatus = clockStatus;
        }

        /// <summary>Copies every field of <paramref name="other"/> into this instance.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
        public void CopyFrom(CosemDateTime other)
        {
            if (other == null)
            {
                throw new ArgumentNullException();
            }

            Set(other.Year, other.Month, other.DayOfMonth, other.DayOfWeek, other.Hour, other.Minute, other.Second,
                other.Hundredths, other.Deviation, other.ClockStatus);
        }

        /// <summary>True when <see cref="Deviation"/> is not 0x8000.</summary>
        public bool IsDeviationSpecified
        {
            get { return Deviation != DeviationNotSpecified; }
        }

        /// <summary>
        /// Makes this a fully specified value from the calendar fields of <paramref name="value"/>
        /// (taken as local time; its Kind is ignored). The day of week is computed; hundredths
        /// come from the milliseconds.
        /// </summary>
        public void Set(DateTime value, short deviation, byte clockStatus)
        {
            Year = (ushort)value.Year;
            Month = (byte)value.Month;
            DayOfMonth = (byte)value.Day;

            // System.DayOfWeek counts Sunday = 0; COSEM counts Monday = 1 .. Sunday = 7.
            int dow = (int)value.DayOfWeek;
            DayOfWeek = (byte)(dow == 0 ? 7 : dow);
            Hour = (byte)value.Hour;
            Minute = (byte)value.Minute;
            Second = (byte)value.Second;
            Hundredths = (byte)(value.Millisecond / 10);
            Deviation = deviation;
            ClockStatus = clockStatus;
        }

        /// <summary>
        /// The calendar value of the date and time fields (deviation and status ignored). Needs a
        /// specified year 1601..3000 (nanoFramework's DateTime range, kept on every platform),
        /// month, day, hour, minute and second in range; hundredths 0xFF counts as 0.
        /// </summary>
        /// <returns>False (and <paramref name="value"/> = default) when a field is not specified or out of range.</returns>
        public bool TryToDateTime(out DateTime value)
        {
            value = default(DateTime);

            // nanoFramework's DateTime spans 1601-01-01 .. 3000-12-31 (its constructor throws outside).
            if (Year < 1601 || Year > 3000 || Month < 1 || Month > 12 || DayOfMonth < 1
                || Hour > 23 || Minute > 59 || Second > 59)
            {
                return false;
            }

            if (DayOfMonth > DateTime.DaysInMonth(Year, Month))
            {
                return false;
            }

            int hundredths = Hundredths;
            if (hundredths == NotSpecified)
            {
                hundredths = 0;
            }
            else if (hundredths > 99)
            {
                return false;
            }

            value = new DateTime(Year, Month, DayOfMonth, Hour, Minute, Second, hundredths * 10);
            return true;
        }

        /// <summary>
        /// True when every field is in its range or holds one of its special values (Blue Book
        /// 4.1.6.1). The reader does not check this: it returns the fields as sent.
        /// </summary>
        public bool IsValid()
        {
            if (!((Month >= 1 && Month <= 12) || Month >= MonthDaylightSavingsEnd))
            {
                return false;
            }

            if (!((DayOfMonth >= 1 && DayOfMonth <= 31) || DayOfMonth >= DaySecondLastOfMonth))
            {
                return false;
            }

            if (!((DayOfWeek >= 1 && DayOfWeek <= 7) || DayOfWeek == NotSpecified))
            {
                return false;
            }

            if ((Hour > 23 && Hour != NotSpecified) || (Minute > 59 && Minute != NotSpecified)
                || (Second > 59 && Second != NotSpecified) || (Hundredths > 99 && Hundredths != NotSpecified))
            {
                return false;
            }

            return Deviation == DeviationNotSpecified || (Deviation >= -720 && Deviation <= 720);
        }

        /// <summary>True when <paramref name="other"/> is not null and every field is equal.</summary>
        public bool Equals(CosemDateTime other)
        {
            return other != null && Year == other.Year && Month == other.Month && DayOfMonth == other.DayOfMonth
                && DayOfWeek == other.DayOfWeek && Hour == other.Hour && Minute == other.Minute
                && Second == other.Second && Hundredths == other.Hundredths
                && Deviation == other.Deviation && ClockStatus == other.ClockStatus;
        }

        /// <summary>True when <paramref name="obj"/> is a <see cref="CosemDateTime"/> with equal fields.</summary>
        public override bool Equals(object obj)
        {
            return Equals(obj as CosemDateTime);
        }

        /// <summary>A hash of the fields (it changes with them: do not mutate a value used as a hash key).</summary>
        public override int GetHashCode()
        {
            int date = (Year << 16) | (Month << 8) | DayOfMonth;
            int time = (Hour << 24) | (Minute << 16) | (Second << 8) | Hundredths;
            return date ^ (time * 31) ^ (Deviation * 17) ^ (ClockStatus << 5) ^ DayOfWeek;
        }

        /// <summary>Writes the 12 raw bytes at <paramref name="offset"/>.</summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            WriteDateTo(buffer, offset);
            WriteTimeTo(buffer, offset + DateSize);
            buffer[offset + 9] = (byte)(Deviation >> 8);
            buffer[offset + 10] = (byte)Deviation;
            buffer[offset + 11] = ClockStatus;
        }

        /// <summary>Sets every field from the 12 raw bytes at <paramref name="offset"/>, as sent.</summary>
        public void ReadFrom(byte[] buffer, int offset)
        {
            ReadDateFields(buffer, offset);
            ReadTimeFields(buffer, offset + DateSize);
            Deviation = (short)((buffer[offset + 9] << 8) | buffer[offset + 10]);
            ClockStatus = buffer[offset + 11];
        }

        /// <summary>Writes the 5 date bytes (year, month, day, day of week) at <paramref name="offset"/>.</summary>
        public void WriteDateTo(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(Year >> 8);
            buffer[offset + 1] = (byte)Year;
            buffer[offset + 2] = Month;
            buffer[offset + 3] = DayOfMonth;
            buffer[offset + 4] = DayOfWeek;
        }

        /// <summary>Sets the date fields from 5 date bytes; the time fields, deviation and status become "not specified".</summary>
        public void ReadDateFrom(byte[] buffer, int offset)
        {
            SetUnspecified();
            ReadDateFields(buffer, offset);
        }

        /// <summary>Writes the 4 time bytes (hour, minute, second, hundredths) at <paramref name="offset"/>.</summary>
        public void WriteTimeTo(byte[] buffer, int offset)
        {
            buffer[offset] = Hour;
            buffer[offset + 1] = Minute;
            buffer[offset + 2] = Second;
            buffer[offset + 3] = Hundredths;
        }

        /// <summary>Sets the time fields from 4 time bytes; the date fields, deviation and status become "not specified".</summary>
        public void ReadTimeFrom(byte[] buffer, int offset)
        {
            SetUnspecified();
            ReadTimeFields(buffer, offset);
        }

        /// <summary>
        /// Diagnostics text (allocates): <c>2002-12-04 03 10:06:11.* dev 120 st 00</c>, with
        /// not-specified fields as <c>*</c> and special values in hex.
        /// </summary>
        public override string ToString()
        {
            string year = Year == YearNotSpecified ? "*" : Year.ToString();
            string dev = Deviation == DeviationNotSpecified ? "*" : Deviation.ToString();
            string status = ClockStatus == NotSpecified ? "*" : ClockStatus.ToString("X2");
            return year + "-" + Field(Month, 12) + "-" + Field(DayOfMonth, 31) + " " + Field(DayOfWeek, 7)
                + " " + Field(Hour, 23) + ":" + Field(Minute, 59) + ":" + Field(Second, 59) + "."
                + Field(Hundredths, 99) + " dev " + dev + " st " + status;
        }

        private static string Field(byte value, int max)
        {
            if (value == NotSpecified)
            {
                return "*";
            }

            if (value > max)
            {
                return "0x" + value.ToString("X2");
            }

            return value < 10 ? "0" + value.ToString() : value.ToString();
        }

        private void ReadDateFields(byte[] buffer, int offset)
        {
            Year = (ushort)((buffer[offset] << 8) | buffer[offset + 1]);
            Month = buffer[offset + 2];
            DayOfMonth = buffer[offset + 3];
            DayOfWeek = buffer[offset + 4];
        }

        private void ReadTimeFields(byte[] buffer, int offset)
        {
            Hour = buffer[offset];
            Minute = buffer[offset + 1];
            Second = buffer[offset + 2];
            Hundredths = buffer[offset + 3];
        }
    }
}
