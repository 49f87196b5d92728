using System;
using System.Linq;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    /// <summary>Selective access on the buffer: entry_descriptor (selector 2) and range_descriptor (selector 1).</summary>
    public class ProfileGenericSelectionTests
    {
        private static readonly DateTime T0 = new DateTime(2024, 1, 15, 9, 0, 0, DateTimeKind.Utc);

        /// <summary>A profile with <paramref name="count"/> rows every 15 minutes; import = 100 + i, current = i / 2.</summary>
        private static LoadProfileFixture Filled(int count, out string[] rows, int entries = 10)
        {
            LoadProfileFixture f = new LoadProfileFixture(entries);
            rows = new string[count];
            for (int i = 0; i < count; i++)
            {
                rows[i] = f.CaptureAt(T0.AddMinutes(15 * i), (uint)(100 + i), (uint)i, (ushort)(2300 + i), i / 2f);
            }
            return f;
        }

        private static string Range(string restricting, string from, string to, string selected = "01 00")
        {
            return "02 04 " + restricting + " " + from + " " + to + " " + selected;
        }

        private static string Entry(uint from, uint to, ushort fromColumn, ushort toColumn)
        {
            return "02 04 " + ProfileHex.DoubleLongUnsigned(from) + " " + ProfileHex.DoubleLongUnsigned(to)
                + " 12 " + (fromColumn >> 8).ToString("X2") + " " + (fromColumn & 0xFF).ToString("X2")
                + " 12 " + (toColumn >> 8).ToString("X2") + " " + (toColumn & 0xFF).ToString("X2");
        }

        /// <summary>Columns <paramref name="first"/>..<paramref name="last"/> (0-based) of an encoded 5-column row.</summary>
        private static string Columns(string row, int first, int last)
        {
            // Column sizes of the load profile row after "02 05": 14, 5, 5, 3, 5.
            int[] sizes = { 14, 5, 5, 3, 5 };
            byte[] bytes = Hex.Parse(row);
            int offset = 2;
            string result = "02 " + (last - first + 1).ToString("X2");
            for (int c = 0; c <= last; c++)
            {
                if (c >= first)
                {
                    result += " " + Hex.Format(bytes, offset, sizes[c]);
                }
                offset += sizes[c];
            }
            return result;
        }

        // ----------------------------------------------------------------------------------
        // Entry descriptor.
        // ----------------------------------------------------------------------------------

        [Fact]
        public void Entry_TraceDescriptor_FirstEntryAllColumns()
        {
            // docs/interop.md: byte-identical in all three clients (after the "01 02" of the
            // access selection): entries 1..1, selected values 1..0 (0 = all columns).
            string[] rows;
            LoadProfileFixture f = Filled(3, out rows);
            Assert.Equal(ProfileHex.Array(rows[0]),
                ProfileHex.GetBuffer(f.Profile, 2, "02 04 06 00 00 00 01 06 00 00 00 01 12 00 01 12 00 00"));
        }

        [Fact]
        public void Entry_ToZero_HighestEntryWithColumnSelection()
        {
            string[] rows;
            LoadProfileFixture f = Filled(5, out rows);
            Assert.Equal(ProfileHex.Array(Columns(rows[1], 1, 2), Columns(rows[2], 1, 2), Columns(rows[3], 1, 2), Columns(rows[4], 1, 2)),
                ProfileHex.GetBuffer(f.Profile, 2, Entry(2, 0, 2, 3)));
            // Hand-checked second row, columns 2..3 (import 101, export 1).
            Assert.Equal("02 02 06 00 00 00 65 06 00 00 00 01", Columns(rows[1], 1, 2));
        }

        [Theory]
        [InlineData(0u, 0u, 0, 0, 0, 4, 0, 4)]    // from 0 is read as 1; everything
        [InlineData(1u, 0u, 1, 0, 0, 4, 0, 4)]
        [InlineData(4u, 9u, 5, 5, 3, 4, 4, 4)]    // to past the end is clamped; last column only
        [InlineData(5u, 5u, 1, 1, 4, 4, 0, 0)]    // first column (the clock) only
        [InlineData(2u, 3u, 0, 2, 1, 2, 0, 1)]    // from column 0 = 1
        public void Entry_Selection_RowsAndColumns(uint from, uint to, int fromColumn, int toColumn,
            int firstRow, int lastRow, int firstColumn, int lastColumn)
        {
            string[] rows;
            LoadProfileFixture f = Filled(5, out rows);
            string[] expected = rows.Skip(firstRow).Take(lastRow - firstRow + 1).Select(r => Columns(r, firstColumn, lastColumn)).ToArray();
            Assert.Equal(ProfileHex.Array(expected), ProfileHex.GetBuffer(f.Profile, 2, Entry(from, to, (ushort)fromColumn, (ushort)toColumn)));
        }

        [Fact]
        public void Entry_AfterWrapAround_EntryOneIsOldestKept()
        {
            string[] rows;
            LoadProfileFixture f = Filled(13, out rows, entries: 10);
            Assert.Equal(ProfileHex.Array(rows[3], rows[4]), ProfileHex.GetBuffer(f.Profile, 2, Entry(1, 2, 0, 0)));
            Assert.Equal(ProfileHex.Array(rows[12]), ProfileHex.GetBuffer(f.Profile, 2, Entry(10, 0, 0, 0)));
        }

        [Theory]
        [InlineData(6u, 0u)]
        [InlineData(7u, 9u)]
        public void Entry_BeyondEntriesInUse_EmptyArray(uint from, uint to)
        {
            string[] rows;
            LoadProfileFixture f = Filled(5, out rows);
            Assert.Equal("01 00", ProfileHex.GetBuffer(f.Profile, 2, Entry(from, to, 0, 0)));
        }

        [Fact]
        public void Entry_AnyIntegerTypes_Accepted()
        {
            string[] rows;
            LoadProfileFixture f = Filled(3, out rows);
            Assert.Equal(ProfileHex.Array(Columns(rows[1], 0, 0)), ProfileHex.GetBuffer(f.Profile, 2, "02 04 12 00 02 11 02 0F 01 11 01"));
        }

        [Theory]
        [InlineData("02 04 06 00 00 00 03 06 00 00 00 02 12 00 00 12 00 00", DataAccessResult.ScopeOfAccessViolated)]   // from > to
        [InlineData("02 04 06 00 00 00 01 06 00 00 00 00 12 00 04 12 00 02", DataAccessResult.ScopeOfAccessViolated)]   // columns 4..2
        [InlineData("02 04 06 00 00 00 01 06 00 00 00 00 12 00 02 12 00 06", DataAccessResult.ScopeOfAccessViolated)]   // 5 columns only
        [InlineData("02 04 06 00 00 00 01 06 00 00 00 00 12 00 06 12 00 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("02 04 05 FF FF FF FF 06 00 00 00 00 12 00 00 12 00 00", DataAccessResult.ScopeOfAccessViolated)]   // negative
        [InlineData("02 03 06 00 00 00 01 06 00 00 00 01 12 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 06 00 00 00 01 06 00 00 00 01 12 00 01 09 02 00 00", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 06 00 00 00 01 06 00 00 00 01 12 00", DataAccessResult.TypeUnmatched)]                     // truncated
        [InlineData("01 04 06 00 00 00 01 06 00 00 00 01 12 00 01 12 00 00", DataAccessResult.TypeUnmatched)]
        [InlineData("", DataAccessResult.TypeUnmatched)]
        public void Entry_Invalid_ResultCode(string parameters, DataAccessResult expected)
        {
            string[] rows;
            LoadProfileFixture f = Filled(3, out rows);
            string hex;
            Assert.Equal(expected, ProfileHex.GetBuffer(f.Profile, 2, parameters, out hex));
            Assert.Equal("", hex);
        }

        [Fact]
        public void Selector_Unsupported_ScopeOfAccessViolated_NoParameters_TypeUnmatched()
        {
            string[] rows;
            LoadProfileFixture f = Filled(3, out rows);
            string hex;
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, ProfileHex.GetBuffer(f.Profile, 3, "0F 00", out hex));
            Assert.Equal(DataAccessResult.TypeUnmatched, ProfileHex.GetBuffer(f.Profile, 1, null, out hex));
            Assert.Equal(DataAccessResult.TypeUnmatched, ProfileHex.GetBuffer(f.Profile, 2, null, out hex));
        }

        // ----------------------------------------------------------------------------------
        // Range descriptor on the clock column: the three recorded clients (docs/interop.md).
        // ----------------------------------------------------------------------------------

        /// <summary>
        /// Hourly rows from 2026-11-24 21:00 UTC to 2026-11-26 01:00 UTC (29 rows) on a UTC+1
        /// clock, around the dates the traced clients asked for (2026-11-25).
        /// </summary>
        private static LoadProfileFixture TraceDays(out string[] rows)
        {
            LoadProfileFixture f = new LoadProfileFixture(entries: 40);
            DateTime start = new DateTime(2026, 11, 24, 21, 0, 0, DateTimeKind.Utc);
            rows = new string[29];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = f.CaptureAt(start.AddHours(i), (uint)i);
            }
            return f;
        }

        // Row i is 2026-11-24 21:00Z + i hours; row 3 is 2026-11-25 00:00Z (01:00 local).
        [Theory]
        // Gurux.DLMS.Net: from 2026-11-25 00:00:00 deviation 0 (UTC), weekday and hundredths FF;
        // to "DateTime.MaxValue" sent as 2027-11-25 00:00:00 UTC.
        [InlineData("09 0C 07 EA 0B 19 FF 00 00 00 FF 00 00 00", "09 0C 07 EB 0B 19 FF 00 00 00 00 00 00 00", 3, 28)]
        // GuruxDLMS.c: weekday set (03 = Wednesday), hundredths 00; to = "now", 08:21:06 UTC.
        [InlineData("09 0C 07 EA 0B 19 03 00 00 00 00 00 00 00", "09 0C 07 EA 0B 19 03 08 15 06 00 00 00 00", 3, 11)]
        // dlms-cosem: deviation 0x8000 = local time of the meter's clock (UTC+1): local midnight
        // 2026-11-25 = 2026-11-24 23:00Z (row 2) .. local midnight 2026-11-26 = 2026-11-25 23:00Z (row 26).
        [InlineData("09 0C 07 EA 0B 19 FF 00 00 00 00 80 00 00", "09 0C 07 EA 0B 1A FF 00 00 00 00 80 00 00", 2, 26)]
        public void Range_TraceClients_SelectTheRightRows(string from, string to, int first, int last)
        {
            string[] rows;
            LoadProfileFixture f = TraceDays(out rows);
            // The exact descriptor the clients send (docs/interop.md): clock attr 2, data-index 0, empty selected values.
            string descriptor = "02 04 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00 " + from + " " + to + " 01 00";
            Assert.Equal(ProfileHex.Array(rows.Skip(first).Take(last - first + 1).ToArray()), ProfileHex.GetBuffer(f.Profile, 1, descriptor));
        }

        [Fact]
        public void Range_ProtocolVector_SummerAndWinterDeviations()
        {
            // the Green Book's xDLMS APDU examples (dlms-cosem test): from 2018-06-01 00:03:00 deviation -120 (summer,
            // = 2018-05-31 22:03Z), to 2021-01-06 00:03:00.FF deviation -60 (= 2021-01-05 23:03:00.99Z).
            LoadProfileFixture f = new LoadProfileFixture(entries: 10, timeZone: -60, europeanDst: true);
            string[] rows =
            {
                f.CaptureAt(new DateTime(2018, 5, 31, 22, 2, 59, DateTimeKind.Utc), 0),
                f.CaptureAt(new DateTime(2018, 5, 31, 22, 3, 0, DateTimeKind.Utc), 1),
                f.CaptureAt(new DateTime(2019, 12, 1, 12, 0, 0, DateTimeKind.Utc), 2),
                f.CaptureAt(new DateTime(2021, 1, 5, 23, 3, 0, DateTimeKind.Utc), 3),
                f.CaptureAt(new DateTime(2021, 1, 5, 23, 3, 1, DateTimeKind.Utc), 4),
            };
            Assert.Contains("FF 88 80", rows[1]);     // captured in summer time
            Assert.Equal(ProfileHex.Array(rows[1], rows[2], rows[3]), ProfileHex.GetBuffer(f.Profile, 1,
                "02 04 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000"
                + " 09 0C 07E2 06 01 FF 00 03 00 FF FF88 80"
                + " 09 0C 07E5 01 06 FF 00 03 00 FF FFC4 00"
                + " 01 00"));
        }

        [Theory]
        // A whole local day: 2020-04-14 00:00:00 .. 23:59:59.FF, no deviation, status FF (another client's shape).
        [InlineData("09 0C 07 E4 04 0E FF 00 00 00 FF 80 00 FF", "09 0C 07 E4 04 0E FF 17 3B 3B FF 80 00 FF", 1, 3)]
        // Time wildcards widen: from 00:00:00.00, to 23:59:59.99.
        [InlineData("09 0C 07 E4 04 0E FF FF FF FF FF 80 00 FF", "09 0C 07 E4 04 0E FF FF FF FF FF 80 00 FF", 1, 3)]
        // Day wildcard: the whole month; 0xFE = last day of the month.
        [InlineData("09 0C 07 E4 04 FF FF FF FF FF FF 80 00 FF", "09 0C 07 E4 04 FE FF FF FF FF FF 80 00 FF", 0, 4)]
        // Year not specified: that side is open.
        [InlineData("09 0C FF FF FF FF FF FF FF FF FF 80 00 FF", "09 0C 07 E4 04 0E FF 0C 00 00 00 80 00 FF", 0, 2)]
        [InlineData("09 0C 07 E4 04 0F FF 00 00 00 00 80 00 FF", "09 0C FF FF FF FF FF FF FF FF FF 80 00 FF", 4, 4)]
        // Tagged date-time (19) instead of the octet-string.
        [InlineData("19 07 E4 04 0E FF 00 00 00 00 80 00 FF", "19 07 E4 04 0E FF 0C 00 00 00 80 00 FF", 1, 2)]
        public void Range_Wildcards_WidenTheBounds(string from, string to, int first, int last)
        {
            // Local (UTC+1) times: 04-13 23:30, 04-14 00:00, 04-14 12:00, 04-14 23:59:59, 04-15 00:00.
            LoadProfileFixture f = new LoadProfileFixture();
            string[] rows =
            {
                f.CaptureAt(new DateTime(2020, 4, 13, 22, 30, 0, DateTimeKind.Utc), 0),
                f.CaptureAt(new DateTime(2020, 4, 13, 23, 0, 0, DateTimeKind.Utc), 1),
                f.CaptureAt(new DateTime(2020, 4, 14, 11, 0, 0, DateTimeKind.Utc), 2),
                f.CaptureAt(new DateTime(2020, 4, 14, 22, 59, 59, DateTimeKind.Utc), 3),
                f.CaptureAt(new DateTime(2020, 4, 14, 23, 0, 0, DateTimeKind.Utc), 4),
            };
            Assert.Equal(ProfileHex.Array(rows.Skip(first).Take(last - first + 1).ToArray()),
                ProfileHex.GetBuffer(f.Profile, 1, Range(LoadProfileFixture.ClockDefinition, from, to)));
        }

        [Fact]
        public void Range_SelectedValues_CaptureOrderWhateverTheRequestOrder()
        {
            string[] rows;
            LoadProfileFixture f = TraceDays(out rows);
            string selected = "01 02 " + LoadProfileFixture.ImportDefinition + " " + LoadProfileFixture.ClockDefinition;
            string hex = ProfileHex.GetBuffer(f.Profile, 1, Range(LoadProfileFixture.ClockDefinition,
                "09 0C 07 EA 0B 19 FF 00 00 00 FF 00 00 00", "09 0C 07 EA 0B 19 FF 01 00 00 FF 00 00 00", selected));
            Assert.Equal(ProfileHex.Array(Columns(rows[3], 0, 1), Columns(rows[4], 0, 1)), hex);
        }

        [Fact]
        public void Range_Empty_ArrayOfZero()
        {
            string[] rows;
            LoadProfileFixture f = TraceDays(out rows);
            Assert.Equal("01 00", ProfileHex.GetBuffer(f.Profile, 1, Range(LoadProfileFixture.ClockDefinition,
                "09 0C 07 EB 01 01 FF 00 00 00 00 00 00 00", "09 0C 07 EC 01 01 FF 00 00 00 00 00 00 00")));
            // from after to: nothing satisfies both.
            Assert.Equal("01 00", ProfileHex.GetBuffer(f.Profile, 1, Range(LoadProfileFixture.ClockDefinition,
                "09 0C 07 EA 0B 1A FF 00 00 00 00 00 00 00", "09 0C 07 EA 0B 19 FF 00 00 00 00 00 00 00")));
            LoadProfileFixture empty = new LoadProfileFixture();
            Assert.Equal("01 00", ProfileHex.GetBuffer(empty.Profile, 1, Range(LoadProfileFixture.ClockDefinition,
                "09 0C 07 EA 0B 19 FF 00 00 00 00 00 00 00", "09 0C 07 EB 0B 19 FF 00 00 00 00 00 00 00")));
        }

        // ----------------------------------------------------------------------------------
        // Range on other columns.
        // ----------------------------------------------------------------------------------

        [Theory]
        [InlineData(LoadProfileFixture.ImportDefinition, "06 00 00 00 66", "06 00 00 00 68", 2, 4)]   // 102..104
        [InlineData(LoadProfileFixture.ImportDefinition, "12 00 66", "14 00 00 00 00 00 00 00 67", 2, 3)]   // other integer types
        [InlineData(LoadProfileFixture.ImportDefinition, "17 42 CB 00 00", "17 42 CF 00 00", 2, 3)]   // 101.5 .. 103.5 as float32
        [InlineData(LoadProfileFixture.CurrentDefinition, "17 3F 80 00 00", "17 40 00 00 00", 2, 4)]   // 1.0 .. 2.0 A
        [InlineData(LoadProfileFixture.CurrentDefinition, "11 01", "11 02", 2, 4)]                     // integers on a float column
        [InlineData(LoadProfileFixture.VoltageDefinition, "15 00 00 00 00 00 00 08 FF", "15 FF FF FF FF FF FF FF FF", 3, 5)]  // 2303.. (uint64 max)
        public void Range_NumericColumn_SelectsByValue(string restricting, string from, string to, int first, int last)
        {
            string[] rows;
            LoadProfileFixture f = Filled(6, out rows);
            Assert.Equal(ProfileHex.Array(rows.Skip(first).Take(last - first + 1).ToArray()),
                ProfileHex.GetBuffer(f.Profile, 1, Range(restricting, from, to)));
        }

        [Fact]
        public void Range_DateTimeColumnOfAnotherObject_UnspecifiedDeviationUsesProfileClock()
        {
            // An extended register's capture_time (attribute 5) captured with deviation 0x8000:
            // such values, and bounds without deviation, are local time of Profile.Clock (UTC+1
            // here), or UTC when the profile has no clock.
            LoadProfileFixture f = new LoadProfileFixture();
            ExtendedRegister demand = new ExtendedRegister(new ObisCode(1, 0, 1, 6, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt, null!);
            ProfileGeneric profile = new ProfileGeneric(new ObisCode(1, 0, 98, 1, 0, 255), 1, 100);
            profile.AddCaptureObject(demand, 5, 0);
            CosemDateTime local = CosemDateTime.FromDateTime(new DateTime(2024, 1, 15, 12, 0, 0), CosemDateTime.DeviationNotSpecified, 0);
            demand.SetCaptureTime(local);
            profile.Capture();
            // 11:30Z .. 11:59Z: 12:00 "local" is 11:00Z with the UTC+1 clock, 12:00Z without one.
            string descriptor = Range("02 04 12 00 04 09 06 01 00 01 06 00 FF 0F 05 12 00 00",
                "09 0C 07 E8 01 0F FF 0A 1E 00 00 00 00 00", "09 0C 07 E8 01 0F FF 0B 3B 00 00 00 00 00");
            Assert.Equal("01 00", ProfileHex.GetBuffer(profile, 1, descriptor));
            profile.Clock = f.Clock;
            Assert.Equal(Hex.Format(Hex.Parse("01 01 02 01 09 0C 07 E8 01 0F 01 0C 00 00 00 80 00 00")), ProfileHex.GetBuffer(profile, 1, descriptor));
        }

        [Fact]
        public void Entry_ThirtyTwoColumns_FullMaskAndLastColumn()
        {
            ProfileGeneric profile = new ProfileGeneric(LoadProfileFixture.ProfileName, ProfileGeneric.MaxColumns, 1000);
            for (int c = 0; c < ProfileGeneric.MaxColumns; c++)
            {
                CosemValue value = new CosemValue(DataType.Unsigned);
                value.SetInteger(c);
                profile.AddCaptureObject(new Data(new ObisCode(0, 0, 96, 10, (byte)c, 255), value), 2, 0);
            }
            Assert.Throws<ArgumentException>(() => profile.AddCaptureObject(new Data(new ObisCode(0, 0, 96, 11, 0, 255), new CosemValue(DataType.Unsigned)), 2, 0));
            profile.Capture();
            string all = "01 01 02 20" + string.Concat(Enumerable.Range(0, 32).Select(c => " 11 " + c.ToString("X2")));
            Assert.Equal(Hex.Format(Hex.Parse(all)), CosemTestKit.Get(profile, 2));
            Assert.Equal(Hex.Format(Hex.Parse(all)), ProfileHex.GetBuffer(profile, 2, Entry(1, 0, 1, 0)));
            Assert.Equal("01 01 02 02 11 1E 11 1F", ProfileHex.GetBuffer(profile, 2, Entry(1, 0, 31, 32)));
            string selected = "01 01 02 04 12 00 01 09 06 00 00 60 0A 1F FF 0F 02 12 00 00";
            Assert.Equal("01 01 02 01 11 1F", ProfileHex.GetBuffer(profile, 1, Range(
                "02 04 12 00 01 09 06 00 00 60 0A 00 FF 0F 02 12 00 00", "11 00", "11 00", selected)));
        }

        // ----------------------------------------------------------------------------------
        // Clock set backwards: rows are not ordered by time.
        // ----------------------------------------------------------------------------------

        [Fact]
        public void Range_ClockSetBackwards_SelectsExactlyTheMatchingRows()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            DateTime h10 = new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc);
            string[] rows =
            {
                f.CaptureAt(h10, 0),
                f.CaptureAt(h10.AddHours(1), 1),
                f.CaptureAt(h10.AddHours(2), 2),
                // The clock is set back by two and a half hours.
                f.CaptureAt(h10.AddMinutes(-30), 3),
                f.CaptureAt(h10.AddMinutes(30), 4),
                f.CaptureAt(h10.AddMinutes(90), 5),
            };
            // 10:45Z .. 12:00Z (11:45 .. 13:00 local): rows 1, 2 and 5, in buffer order.
            string descriptor = Range(LoadProfileFixture.ClockDefinition,
                "09 0C 07 E8 01 0F FF 0B 2D 00 00 FF C4 00", "09 0C 07 E8 01 0F FF 0D 00 00 00 FF C4 00");
            Assert.Equal(ProfileHex.Array(rows[1], rows[2], rows[5]), ProfileHex.GetBuffer(f.Profile, 1, descriptor));

            // Element by element, in any order, the same rows.
            ArrayCursor cursor = new ArrayCursor();
            Assert.Equal(DataAccessResult.Success, ProfileHex.Begin(f.Profile, 1, descriptor, cursor));
            Assert.Equal(3, cursor.Count);
            Assert.Equal(Hex.Format(Hex.Parse(rows[5])), ProfileHex.Element(f.Profile, cursor, 2));
            Assert.Equal(Hex.Format(Hex.Parse(rows[1])), ProfileHex.Element(f.Profile, cursor, 0));
            Assert.Equal(Hex.Format(Hex.Parse(rows[2])), ProfileHex.Element(f.Profile, cursor, 1));
        }

        [Theory]
        [InlineData(3, DataAccessResult.Success)]
        [InlineData(4, DataAccessResult.OtherReason)]
        public void Range_ClockSetBackRepeatedly_UpToThreeRuns(int repeats, DataAccessResult expected)
        {
            // Each repeat is 10:00Z, 11:00Z; the selection 10:30Z..11:30Z matches one row of each:
            // a run per repeat.
            LoadProfileFixture f = new LoadProfileFixture();
            DateTime h10 = new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc);
            string[] matching = new string[repeats];
            for (int i = 0; i < repeats; i++)
            {
                f.CaptureAt(h10, (uint)(2 * i));
                matching[i] = f.CaptureAt(h10.AddHours(1), (uint)(2 * i + 1));
            }
            string hex;
            DataAccessResult result = ProfileHex.GetBuffer(f.Profile, 1, Range(LoadProfileFixture.ClockDefinition,
                "09 0C 07 E8 01 0F FF 0A 1E 00 00 00 00 00", "09 0C 07 E8 01 0F FF 0B 1E 00 00 00 00 00"), out hex);
            Assert.Equal(expected, result);
            Assert.Equal(expected == DataAccessResult.Success ? ProfileHex.Array(matching) : "", hex);
        }

        // ----------------------------------------------------------------------------------
        // Invalid range descriptors.
        // ----------------------------------------------------------------------------------

        private const string From = "09 0C 07 E8 01 0F FF 00 00 00 00 00 00 00";
        private const string To = "09 0C 07 E8 01 10 FF 00 00 00 00 00 00 00";

        [Theory]
        // Restricting object that is not a capture object (1.0.3.8.0), or with another data_index.
        [InlineData("02 04 02 04 12 00 03 09 06 01 00 03 08 00 FF 0F 02 12 00 00 " + From + " " + To + " 01 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("02 04 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 01 " + From + " " + To + " 01 00", DataAccessResult.ScopeOfAccessViolated)]
        // A selected value that is not a capture object.
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " " + From + " " + To
            + " 01 01 02 04 12 00 03 09 06 01 00 03 08 00 FF 0F 02 12 00 00", DataAccessResult.ScopeOfAccessViolated)]
        // Bad dates: month 13, month 0xFE (daylight savings), day 32, deviation 1024 min.
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " 09 0C 07 E8 0D 01 FF 00 00 00 00 00 00 00 " + To + " 01 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " 09 0C 07 E8 FE 01 FF 00 00 00 00 00 00 00 " + To + " 01 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " " + From + " 09 0C 07 E8 01 20 FF 00 00 00 00 00 00 00 01 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " " + From + " 09 0C 07 E8 01 10 FF 00 00 00 00 04 00 00 01 00", DataAccessResult.ScopeOfAccessViolated)]
        // Values that cannot bound a range, or bounds of different kinds.
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " 03 01 " + To + " 01 00", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " 00 " + To + " 01 00", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " " + From + " 06 00 00 00 01 01 00", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " 09 0B 07 E8 01 0F FF 00 00 00 00 00 00 " + To + " 01 00", DataAccessResult.TypeUnmatched)]
        // Bounds of another kind than the column's values.
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " 06 00 00 00 01 06 00 00 00 09 01 00", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 " + LoadProfileFixture.ImportDefinition + " " + From + " " + To + " 01 00", DataAccessResult.TypeUnmatched)]
        // Shape: structure of 3, selected values not an array, a malformed selected value, truncated.
        [InlineData("02 03 " + LoadProfileFixture.ClockDefinition + " " + From + " " + To, DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " " + From + " " + To + " 02 00", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " " + From + " " + To + " 01 01 02 02 12 00 08", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 " + LoadProfileFixture.ClockDefinition + " " + From + " 09 0C 07 E8", DataAccessResult.TypeUnmatched)]
        [InlineData("02 04 02 04 12 00 08 09 05 00 00 01 00 00 0F 02 12 00 00 " + From + " " + To + " 01 00", DataAccessResult.TypeUnmatched)]
        public void Range_Invalid_ResultCode(string parameters, DataAccessResult expected)
        {
            string[] rows;
            LoadProfileFixture f = Filled(3, out rows);
            string hex;
            Assert.Equal(expected, ProfileHex.GetBuffer(f.Profile, 1, parameters, out hex));
            Assert.Equal("", hex);
            ArrayCursor cursor = new ArrayCursor();
            Assert.Equal(expected, ProfileHex.Begin(f.Profile, 1, parameters, cursor));
            Assert.Equal(0, cursor.Count);
        }
    }
}
