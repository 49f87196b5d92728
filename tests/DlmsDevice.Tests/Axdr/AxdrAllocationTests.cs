using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>
    /// Zero allocation: after warm-up, writing and reading back a mix of every type (date-time,
    /// OBIS, nested structures, compact array, SkipValue) allocates exactly 0 bytes.
    /// </summary>
    public class AxdrAllocationTests
    {
        private readonly byte[] _buffer = new byte[512];
        private readonly byte[] _octets = { 0x10, 0x00, 0x00, 0x1A, 0x90, 0xE6, 0xD2, 0x22 };
        private readonly byte[] _description = { 0x02, 0x02, 0x12, 0x09 };
        private readonly AxdrWriter _writer = new AxdrWriter();
        private readonly AxdrReader _reader = new AxdrReader();
        private readonly AxdrReader _elements = new AxdrReader();
        // ObisCode and CosemDateTime are classes: like the stack's objects, the test creates its
        // instances once, outside the measured runs.
        private static readonly ObisCode s_profileName = new ObisCode(1, 0, 99, 1, 0, 255);
        private readonly CosemDateTime _clock = new CosemDateTime();
        private readonly CosemDateTime _read = new CosemDateTime();

        [Fact]
        public void WriteReadSkip_MixOfAllTypes_ZeroBytesAfterWarmUp()
        {
            // Warm-up: JIT, static data, first-call paths.
            long checksum = RunOnce();
            Assert.True(checksum > 0, "round trip failed: " + checksum);
            for (int i = 0; i < 10; i++)
            {
                RunOnce();
            }

            long total = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                total += RunOnce();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(checksum * 2000, total);
        }

        [Fact]
        public void FailedReadsAndOverflow_ZeroBytes()
        {
            RunFailures();
            long before = GC.GetAllocatedBytesForCurrentThread();
            int failures = 0;
            for (int i = 0; i < 2000; i++)
            {
                failures += RunFailures();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(2000 * 6, failures);
        }

        /// <summary>Writes the mix, reads it back; returns a checksum (negative on any mismatch).</summary>
        private long RunOnce()
        {
            AxdrWriter w = _writer;
            w.Reset(_buffer, 4, 400);
            CosemDateTime clock = _clock;
            clock.SetUnspecified();
            clock.Year = 2021;
            clock.Month = 1;
            clock.DayOfMonth = 24;
            clock.Hour = 14;
            clock.Minute = 48;
            clock.Second = 57;
            clock.Deviation = -60;
            clock.ClockStatus = 0;
            ObisCode obis = s_profileName;

            w.WriteStructure(23);   // the raw OBIS after it is outside the structure
            w.WriteNull();
            w.WriteArray(2);
            w.WriteStructure(2);
            w.WriteInteger(-1);
            w.WriteEnum(35);
            w.WriteStructure(2);
            w.WriteInteger(0);
            w.WriteEnum(27);
            w.WriteBoolean(true);
            w.WriteBitString(_octets, 0, 12);
            w.WriteDoubleLong(-5);
            w.WriteDoubleLongUnsigned(5009);
            w.WriteOctetString(_octets, 0, _octets.Length);
            w.WriteVisibleString("DLMS");
            w.WriteUtf8String(_octets, 0, 2);
            w.WriteBcd(0x12);
            w.WriteLong(-60);
            w.WriteUnsigned(200);
            w.WriteLongUnsigned(2356);
            w.WriteCompactArrayHeader(_description, 0, _description.Length, 2 * 5);
            w.WriteUInt16(1);
            w.WriteRawOctetString(_octets, 0, 2);
            w.WriteUInt16(2);
            w.WriteRawOctetString(_octets, 2, 2);
            w.WriteLong64(-1234567890123L);
            w.WriteLong64Unsigned(1234567890123UL);
            w.WriteFloat32(1.5f);
            w.WriteFloat64(-2.25);
            w.WriteDateTime(clock);
            w.WriteDate(clock);
            w.WriteTime(clock);
            w.WriteDateTimeTyped(clock);
            w.WriteObis(obis);
            w.WriteRawObis(obis);
            if (w.Overflow)
            {
                return -1;
            }

            // Block-encoder pattern: mark, overflow, rewind.
            int mark = w.Position;
            w.WriteOctetString(_buffer, 0, 400);
            bool overflowed = w.Overflow;
            w.Rewind(mark);

            AxdrReader r = _reader;
            r.Reset(_buffer, w.Start, w.Length);
            long sum = 0;
            if (r.SkipValue() != AxdrStatus.Ok)
            {
                return -2;
            }

            r.Position = r.Start;
            int count;
            if (r.ReadStructure(out count) != AxdrStatus.Ok || count != 23 || r.ReadNull() != AxdrStatus.Ok)
            {
                return -3;
            }

            // The nested array: skip it after checking its header, then re-read it by hand.
            int arrayStart = r.Position;
            if (r.SkipValue() != AxdrStatus.Ok)
            {
                return -4;
            }

            r.Position = arrayStart;
            r.ReadArray(out count);
            sum += count;
            for (int i = 0; i < count; i++)
            {
                sbyte scaler;
                byte unit;
                r.ReadStructure(out _);
                r.ReadInteger(out scaler);
                r.ReadEnum(out unit);
                sum += unit - scaler;
            }

            bool flag;
            int bits, offset, length, intValue;
            uint uintValue;
            short shortValue;
            byte byteValue;
            ushort ushortValue;
            long longValue;
            ulong ulongValue;
            float floatValue;
            double doubleValue;
            CosemDateTime dt = _read;
            long code;

            r.ReadBoolean(out flag);
            sum += flag ? 1 : 0;
            r.ReadBitString(out bits, out offset);
            sum += bits;
            r.ReadDoubleLong(out intValue);
            sum += intValue;
            r.ReadDoubleLongUnsigned(out uintValue);
            sum += uintValue;
            r.ReadOctetString(out offset, out length);
            sum += length + _buffer[offset];
            r.ReadVisibleString(out offset, out length);
            sum += length;
            r.ReadUtf8String(out offset, out length);
            sum += length;
            r.ReadBcd(out byteValue);
            sum += byteValue;
            r.ReadLong(out shortValue);
            sum += shortValue;
            r.ReadInt64Any(out longValue);
            sum += longValue;
            r.ReadLongUnsigned(out ushortValue);
            sum += ushortValue;

            int td, tdLength, contents, contentsLength;
            if (r.ReadCompactArray(out td, out tdLength, out contents, out contentsLength) != AxdrStatus.Ok
                || r.CountCompactArrayElements(td, contents, contentsLength, out count) != AxdrStatus.Ok)
            {
                return -5;
            }

            sum += count;
            _elements.Reset(_buffer, contents, contentsLength);
            DataType type;
            int members, first, end;
            r.GetTypeDescription(td, out type, out members, out first, out end);
            while (_elements.Remaining > 0)
            {
                _elements.ReadRawInteger(DataType.LongUnsigned, out longValue);
                sum += longValue;
                if (_elements.SkipUntaggedValue(end - 1) != AxdrStatus.Ok)
                {
                    return -6;
                }
            }

            r.ReadLong64(out longValue);
            sum += longValue;
            r.ReadLong64Unsigned(out ulongValue);
            sum += (long)ulongValue;
            r.ReadFloat32(out floatValue);
            sum += (long)(floatValue * 2);
            r.ReadFloat64(out doubleValue);
            sum += (long)(doubleValue * 4);
            r.ReadDateTime(dt);
            sum += dt.Year + dt.Deviation;
            r.ReadDate(dt);
            sum += dt.DayOfMonth;
            r.ReadTime(dt);
            sum += dt.Second;
            r.ReadDateTime(dt);
            sum += dt.Minute;
            r.ReadObis(out code);
            sum += (code >> 24) & 0xFF;   // value group C
            r.ReadRawObis(out code);
            sum += code == obis.Value ? 1 : 0;
            if (r.Remaining != 0 || !overflowed || w.Overflow)
            {
                return -7;
            }

            return sum + 1000000000000L;
        }

        /// <summary>Failing reads and writes; returns how many failed as expected.</summary>
        private int RunFailures()
        {
            int failures = 0;
            _buffer[0] = 0x09;
            _buffer[1] = 0x0C;
            _buffer[2] = 0x07;
            _reader.Reset(_buffer, 0, 3);
            failures += _reader.ReadDateTime(_read) == AxdrStatus.Truncated ? 1 : 0;
            failures += _reader.ReadObis(out _) == AxdrStatus.TypeMismatch ? 1 : 0;
            failures += _reader.SkipValue() == AxdrStatus.Truncated ? 1 : 0;
            _buffer[1] = 0x80;
            failures += _reader.ReadOctetString(out _, out _) == AxdrStatus.Invalid ? 1 : 0;
            _writer.Reset(_buffer, 0, 4);
            failures += _writer.WriteDoubleLong(1) ? 0 : 1;
            failures += _writer.WriteNull() ? 0 : 1;
            _writer.Rewind(0);
            return failures;
        }
    }
}
