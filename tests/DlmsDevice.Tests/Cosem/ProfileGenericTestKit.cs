using System;
using System.Text;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    /// <summary>
    /// The default load profile 1.0.99.1.0.255 as the metering engine will configure it: clock,
    /// energy import/export, average voltage, average current; capture_period 900 s. Rows are
    /// captured by setting the fake clock and the register values, then calling Capture.
    /// </summary>
    internal sealed class LoadProfileFixture
    {
        public static readonly ObisCode ProfileName = new ObisCode(1, 0, 99, 1, 0, 255);
        public static readonly ObisCode ClockName = new ObisCode(0, 0, 1, 0, 0, 255);

        // Descriptor pieces (capture_object_definition) of each column.
        public const string ClockDefinition = "02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00";
        public const string ImportDefinition = "02 04 12 00 03 09 06 01 00 01 08 00 FF 0F 02 12 00 00";
        public const string ExportDefinition = "02 04 12 00 03 09 06 01 00 02 08 00 FF 0F 02 12 00 00";
        public const string VoltageDefinition = "02 04 12 00 03 09 06 01 00 20 1B 00 FF 0F 02 12 00 00";
        public const string CurrentDefinition = "02 04 12 00 03 09 06 01 00 1F 1B 00 FF 0F 02 12 00 00";

        public readonly FakeClockSource Source;
        public readonly Clock Clock;
        public readonly Register Import;
        public readonly Register Export;
        public readonly Register Voltage;
        public readonly Register Current;
        public readonly ProfileGeneric Profile;

        /// <param name="entries">profile_entries.</param>
        /// <param name="timeZone">Clock time_zone (Gurux sign: UTC+1 = -60).</param>
        /// <param name="europeanDst">Whether the clock applies the EU summer time rule.</param>
        public LoadProfileFixture(int entries = 10, short timeZone = -60, bool europeanDst = false)
        {
            Source = FakeClockSource.At(2024, 1, 15, 9, 0, 0);
            Clock = new Clock(ClockName, Source);
            Clock.TimeZone = timeZone;
            if (europeanDst)
            {
                Clock.SetEuropeanDaylightSavings();
            }
            Import = new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
            Export = new Register(new ObisCode(1, 0, 2, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
            Voltage = new Register(new ObisCode(1, 0, 32, 27, 0, 255), new CosemValue(DataType.LongUnsigned), -1, Unit.Volt);
            Current = new Register(new ObisCode(1, 0, 31, 27, 0, 255), new CosemValue(DataType.Float32), 0, Unit.Ampere);
            Profile = new ProfileGeneric(ProfileName, 8, entries * RowWidth);
            Profile.AddCaptureObject(Clock, 2, 0);
            Profile.AddCaptureObject(Import, 2, 0);
            Profile.AddCaptureObject(Export, 2, 0);
            Profile.AddCaptureObject(Voltage, 2, 0);
            Profile.AddCaptureObject(Current, 2, 0);
            Profile.CapturePeriod = 900;
            Profile.ProfileEntries = entries;
        }

        /// <summary>14 (clock) + 5 + 5 (double-long-unsigned) + 3 (long-unsigned) + 5 (float32).</summary>
        public const int RowWidth = 32;

        /// <summary>Sets the inputs, captures one row and returns its expected encoding.</summary>
        public string CaptureAt(DateTime utc, uint import, uint export = 0, ushort voltage = 2300, float current = 1.5f)
        {
            Source.Ticks = utc.Ticks;
            Import.Value.SetInteger(import);
            Export.Value.SetInteger(export);
            Voltage.Value.SetInteger(voltage);
            Current.Value.SetFloat(current);
            Assert.True(Profile.Capture());
            return Row(ClockHex(utc), import, export, voltage, current);
        }

        /// <summary>Expected clock column for <paramref name="utc"/> with this fixture's clock (no DST unless it is active).</summary>
        public string ClockHex(DateTime utc)
        {
            CosemDateTime local = new CosemDateTime();
            Clock.ToLocal(utc.Ticks, local);
            return ProfileHex.DateTime(utc, local.Deviation, local.ClockStatus);
        }

        public static string Row(string clockHex, uint import, uint export, ushort voltage, float current)
        {
            return "02 05 " + clockHex + " " + ProfileHex.DoubleLongUnsigned(import) + " " + ProfileHex.DoubleLongUnsigned(export)
                + " 12 " + ((voltage >> 8) & 0xFF).ToString("X2") + " " + (voltage & 0xFF).ToString("X2")
                + " 17 " + Hex.Format(BigEndian(BitConverter.SingleToInt32Bits(current)));
        }

        private static byte[] BigEndian(int value)
        {
            return new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
        }
    }

    /// <summary>Allocation measurement that tells our allocations from the runtime's.</summary>
    internal static class Allocations
    {
        /// <summary>
        /// Runs <paramref name="run"/> up to <paramref name="attempts"/> times (stopping at the first
        /// clean one) and returns the fewest bytes one run allocated on this thread.
        /// </summary>
        /// <remarks>
        /// With tiered compilation the runtime now and then starts its background JIT worker
        /// from the thread that queued the work, which allocates a Thread object (~1.7 KB) on
        /// the thread being measured; with DOTNET_TieredCompilation=0 or a long
        /// DOTNET_TC_BackgroundWorkerTimeoutMs that never happens. An allocation in our own code is
        /// deterministic and shows in every attempt, so the least of a few attempts is still exact.
        /// </remarks>
        public static long Least(Action run, int attempts = 5)
        {
            long least = long.MaxValue;
            for (int i = 0; i < attempts && least != 0; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                run();
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                least = allocated < least ? allocated : least;
            }
            return least;
        }
    }

    /// <summary>Expected-value builders and element-wise read drivers for the profile tests.</summary>
    internal static class ProfileHex
    {
        /// <summary>
        /// Test oracle for a date-time column: <c>09 0C</c> + the local time of
        /// <paramref name="utc"/> with deviation <paramref name="deviation"/> (UTC = local +
        /// deviation), hundredths 00, and the status.
        /// </summary>
        public static string DateTime(DateTime utc, short deviation, byte status)
        {
            DateTime local = utc.AddMinutes(-deviation);
            int dow = (int)local.DayOfWeek;
            byte[] b =
            {
                0x09, 0x0C, (byte)(local.Year >> 8), (byte)local.Year, (byte)local.Month, (byte)local.Day,
                (byte)(dow == 0 ? 7 : dow), (byte)local.Hour, (byte)local.Minute, (byte)local.Second, 0x00,
                (byte)(deviation >> 8), (byte)deviation, status,
            };
            return Hex.Format(b);
        }

        public static string DoubleLongUnsigned(uint value)
        {
            return "06 " + Hex.Format(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
        }

        /// <summary>A-XDR array header + the rows, as hex.</summary>
        public static string Array(params string[] rows)
        {
            StringBuilder sb = new StringBuilder();
            byte[] header = new byte[5];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(header, 0, header.Length);
            writer.WriteArray(rows.Length);
            sb.Append(Hex.Format(header, 0, writer.Length));
            foreach (string row in rows)
            {
                sb.Append(' ').Append(row);
            }
            return Hex.Format(Hex.Parse(sb.ToString()));
        }

        /// <summary>GET buffer with selective access; returns the result and what was written.</summary>
        public static DataAccessResult GetBuffer(ProfileGeneric profile, int selector, string? parameters, out string hex)
        {
            AxdrReader? reader = null;
            if (parameters != null)
            {
                byte[] data = Hex.Parse(parameters);
                reader = new AxdrReader();
                reader.Reset(data, 0, data.Length);
            }
            byte[] buffer = new byte[1 << 20];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            DataAccessResult result = profile.GetAttribute(2, selector, reader!, writer, new CosemContext());
            Assert.False(writer.Overflow);
            hex = Hex.Format(buffer, 0, writer.Length);
            if (reader != null)
            {
                // Peek, validate, advance: all of the descriptor on success, nothing on failure.
                Assert.Equal(result == DataAccessResult.Success ? reader.End : 0, reader.Position);
            }
            return result;
        }

        /// <summary>GET buffer with selective access; asserts success.</summary>
        public static string GetBuffer(ProfileGeneric profile, int selector, string? parameters)
        {
            string hex;
            Assert.Equal(DataAccessResult.Success, GetBuffer(profile, selector, parameters, out hex));
            return hex;
        }

        /// <summary>BeginArray with the descriptor; returns the result (and the cursor).</summary>
        public static DataAccessResult Begin(ProfileGeneric profile, int selector, string? parameters, ArrayCursor cursor)
        {
            AxdrReader? reader = null;
            if (parameters != null)
            {
                byte[] data = Hex.Parse(parameters);
                reader = new AxdrReader();
                reader.Reset(data, 0, data.Length);
            }
            DataAccessResult result;
            Assert.True(profile.BeginArray(2, selector, reader!, cursor, new CosemContext(), out result));
            if (reader != null)
            {
                Assert.Equal(result == DataAccessResult.Success ? reader.End : 0, reader.Position);
            }
            return result;
        }

        /// <summary>Writes element <paramref name="index"/> of a started read, as hex.</summary>
        public static string Element(ProfileGeneric profile, ArrayCursor cursor, int index)
        {
            byte[] buffer = new byte[1024];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            cursor.Index = index;
            Assert.Equal(DataAccessResult.Success, profile.WriteArrayElement(2, cursor, writer, new CosemContext()));
            return Hex.Format(buffer, 0, writer.Length);
        }
    }
}
