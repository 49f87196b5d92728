using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    /// <summary>Profile generic (IC 7): attributes, capture into the ring, reset, methods, configuration.</summary>
    public class ProfileGenericTests
    {
        private static readonly DateTime T0 = new DateTime(2024, 1, 15, 9, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void Identity_ClassVersionCounts()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            Assert.Equal(7, f.Profile.ClassId);
            Assert.Equal(1, f.Profile.Version);
            Assert.Equal(8, f.Profile.AttributeCount);
            Assert.Equal(2, f.Profile.MethodCount);
            Assert.Equal(6, f.Profile.GetAccessSelectors(2));
            Assert.Equal(0, f.Profile.GetAccessSelectors(3));
            Assert.Equal("09 06 01 00 63 01 00 FF", CosemTestKit.Get(f.Profile, 1));
        }

        /// <summary>
        /// Demand register columns (Blue Book IC 5: 4 scaler_unit, 5 status): status takes the
        /// width of its unsigned holder (2 bytes), scaler_unit the width it reads with (a
        /// 6-byte structure), and both are captured as the object encodes them.
        /// </summary>
        [Fact]
        public void Capture_DemandRegisterStatusAndScalerUnit_EachInItsOwnWidth()
        {
            var demand = new DemandRegister(new ObisCode(1, 0, 1, 4, 0, 255), new CosemValue(DataType.DoubleLong), -1, Unit.Watt, 900, 1);
            demand.Status.SetInteger(7);
            var profile = new ProfileGeneric(new ObisCode(1, 0, 99, 9, 0, 255), 2, 64);
            profile.AddCaptureObject(demand, DemandRegister.Attributes.Status, 0);
            profile.AddCaptureObject(demand, DemandRegister.Attributes.ScalerUnit, 0);

            Assert.True(profile.Capture());

            Assert.Equal(2, profile.GetColumnWidth(0));
            Assert.Equal(6, profile.GetColumnWidth(1));
            Assert.Equal("01 01 02 02 11 07 02 02 0F FF 16 1B", CosemTestKit.Get(profile, ProfileGeneric.Attributes.Buffer));
        }

        [Theory]
        [InlineData(3, "01 05 " + LoadProfileFixture.ClockDefinition + " " + LoadProfileFixture.ImportDefinition + " "
            + LoadProfileFixture.ExportDefinition + " " + LoadProfileFixture.VoltageDefinition + " " + LoadProfileFixture.CurrentDefinition)]
        [InlineData(4, "06 00 00 03 84")]                                              // 900 s
        [InlineData(5, "16 01")]                                                       // fifo
        [InlineData(6, "02 04 12 00 00 09 06 00 00 00 00 00 00 0F 00 12 00 00")]       // unsorted
        [InlineData(7, "06 00 00 00 00")]
        [InlineData(8, "06 00 00 00 0A")]                                              // 10 entries
        [InlineData(2, "01 00")]                                                       // empty buffer
        public void Get_Attribute_ExactBytes(int attributeId, string expected)
        {
            LoadProfileFixture f = new LoadProfileFixture();
            Assert.Equal(Hex.Format(Hex.Parse(expected)), CosemTestKit.Get(f.Profile, attributeId));
        }

        [Fact]
        public void Configuration_ColumnWidths_FromValueTypes()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            Assert.Equal(14, f.Profile.GetColumnWidth(0));   // 09 0C + 12
            Assert.Equal(5, f.Profile.GetColumnWidth(1));    // 06 + uint32
            Assert.Equal(5, f.Profile.GetColumnWidth(2));
            Assert.Equal(3, f.Profile.GetColumnWidth(3));    // 12 + uint16
            Assert.Equal(5, f.Profile.GetColumnWidth(4));    // 17 + float32
            Assert.Equal(LoadProfileFixture.RowWidth, f.Profile.RowWidth);
            Assert.Equal(10, f.Profile.MaxProfileEntries);
            Assert.Equal(10, f.Profile.ProfileEntries);
            Assert.Equal(900u, f.Profile.CapturePeriod);
        }

        [Theory]
        [InlineData(DataType.Boolean, 0, 2)]
        [InlineData(DataType.Long64Unsigned, 0, 9)]
        [InlineData(DataType.Float64, 0, 9)]
        [InlineData(DataType.Enum, 0, 2)]
        [InlineData(DataType.DateTime, 0, 13)]
        [InlineData(DataType.OctetString, 12, 14)]
        [InlineData(DataType.VisibleString, 200, 203)]       // 0A 81 C8 + 200
        [InlineData(DataType.BitString, 12, 4)]              // 04 0C + 2 bytes
        public void EncodedSize_ValueHolder(DataType type, int maxLength, int expected)
        {
            Assert.Equal(expected, ProfileGeneric.EncodedSize(new CosemValue(type, maxLength)));
        }

        [Fact]
        public void Capture_ClockAndRegisters_BufferByteForByte()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            string r1 = f.CaptureAt(T0, 1000, 5, 2301, 1.5f);
            string r2 = f.CaptureAt(T0.AddMinutes(15), 1250, 6, 2299, 2.25f);
            // Hand-checked first row: 2024-01-15 Monday 10:00:00 local, deviation -60 (FFC4).
            Assert.Equal(Hex.Format(Hex.Parse(
                "02 05 09 0C 07 E8 01 0F 01 0A 00 00 00 FF C4 00 06 00 00 03 E8 06 00 00 00 05 12 08 FD 17 3F C0 00 00")), r1);
            Assert.Equal(ProfileHex.Array(r1, r2), CosemTestKit.Get(f.Profile, 2));
            Assert.Equal("06 00 00 00 02", CosemTestKit.Get(f.Profile, 7));
            Assert.Equal(2, f.Profile.EntriesInUse);
            Assert.Equal(2, f.Profile.CaptureCount);
        }

        [Fact]
        public void Capture_RingFull_FifoDropsOldest()
        {
            LoadProfileFixture f = new LoadProfileFixture(entries: 3);
            string[] rows = new string[7];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = f.CaptureAt(T0.AddMinutes(15 * i), (uint)(100 + i));
            }
            Assert.Equal(3, f.Profile.EntriesInUse);
            Assert.Equal(ProfileHex.Array(rows[4], rows[5], rows[6]), CosemTestKit.Get(f.Profile, 2));
            Assert.Equal("06 00 00 00 03", CosemTestKit.Get(f.Profile, 7));
        }

        [Fact]
        public void Reset_Method_EmptiesBufferAndCaptureContinues()
        {
            LoadProfileFixture f = new LoadProfileFixture(entries: 3);
            f.CaptureAt(T0, 1);
            f.CaptureAt(T0.AddMinutes(15), 2);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(f.Profile, 1, "0F 00"));
            Assert.Equal("01 00", CosemTestKit.Get(f.Profile, 2));
            Assert.Equal("06 00 00 00 00", CosemTestKit.Get(f.Profile, 7));
            string[] rows = new string[4];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = f.CaptureAt(T0.AddHours(1 + i), (uint)(10 + i));
            }
            Assert.Equal(ProfileHex.Array(rows[1], rows[2], rows[3]), CosemTestKit.Get(f.Profile, 2));
        }

        [Fact]
        public void Capture_Method_TakesOneRowNow()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            f.Source.Ticks = T0.Ticks;
            f.Import.Value.SetInteger(77);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(f.Profile, 2, "0F 00"));
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(f.Profile, 2, null));
            Assert.Equal(2, f.Profile.EntriesInUse);
            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(f.Profile, 2, "09 01 00"));
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(f.Profile, 3, "0F 00"));
            Assert.Equal(2, f.Profile.EntriesInUse);
        }

        [Fact]
        public void Capture_NoColumns_ReturnsFalse()
        {
            ProfileGeneric profile = new ProfileGeneric(LoadProfileFixture.ProfileName, 4, 100);
            Assert.False(profile.Capture());
            Assert.Equal(ActionResult.TemporaryFailure, CosemTestKit.Invoke(profile, 2, "0F 00"));
            Assert.Equal("01 00", CosemTestKit.Get(profile, 2));
            Assert.Equal("01 00", CosemTestKit.Get(profile, 3));
            Assert.Equal("06 00 00 00 00", CosemTestKit.Get(profile, 8));
        }

        [Fact]
        public void Capture_ValueLongerThanSlot_StoredAsNullData()
        {
            FakeClockSource source = FakeClockSource.At(2024, 1, 15, 9, 0, 0);
            CosemValue text = new CosemValue(DataType.VisibleString, 16);
            Data data = new Data(new ObisCode(0, 0, 96, 1, 0, 255), text);
            ProfileGeneric profile = new ProfileGeneric(LoadProfileFixture.ProfileName, 2, 100);
            profile.AddCaptureObject(data, 2, 0, 6);     // room for "0A 04 xx xx xx xx"
            Assert.Equal(6, profile.RowWidth);
            text.SetString("abc");
            profile.Capture();
            text.SetString("12345678");
            profile.Capture();
            text.SetString("wxyz");
            profile.Capture();
            Assert.Equal(Hex.Format(Hex.Parse("01 03 02 01 0A 03 61 62 63 02 01 00 02 01 0A 04 77 78 79 7A")), CosemTestKit.Get(profile, 2));
        }

        [Fact]
        public void Capture_UnreadableAttribute_StoredAsNullData()
        {
            // Association LN attribute 7 (secret) is never readable.
            ObjectList list = new ObjectList(1);
            AssociationLogicalName association = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), list, 16, 1, 0, 16);
            ProfileGeneric profile = new ProfileGeneric(LoadProfileFixture.ProfileName, 2, 100);
            profile.AddCaptureObject(association, 7, 0, 4);
            Assert.True(profile.Capture());
            Assert.Equal("01 01 02 01 00", CosemTestKit.Get(profile, 2));
        }

        [Fact]
        public void Configuration_ProbedWidthsAndDataIndex_DailyProfile()
        {
            // Daily profile 1.0.99.2.0.255: clock, energy totals, maximum demand with its capture time,
            // plus the unit of the import register (data_index 2 of scaler_unit) to show element capture.
            LoadProfileFixture f = new LoadProfileFixture();
            ExtendedRegister maxDemand = new ExtendedRegister(new ObisCode(1, 0, 1, 6, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt, null!);
            ProfileGeneric daily = new ProfileGeneric(new ObisCode(1, 0, 99, 2, 0, 255), 6, 1000);
            daily.AddCaptureObject(f.Clock, 2, 0);
            daily.AddCaptureObject(f.Import, 2, 0);
            daily.AddCaptureObject(f.Export, 2, 0);
            daily.AddCaptureObject(maxDemand, 2, 0);
            daily.AddCaptureObject(maxDemand, 5, 0);       // capture_time, probed: 14
            daily.AddCaptureObject(f.Import, 3, 2);        // scaler_unit element 2 = unit, probed: 2
            Assert.Equal(14, daily.GetColumnWidth(4));
            Assert.Equal(2, daily.GetColumnWidth(5));
            Assert.Equal(14 + 5 + 5 + 5 + 14 + 2, daily.RowWidth);
            Assert.Equal(1000 / 45, daily.MaxProfileEntries);

            f.Source.Ticks = new DateTime(2024, 1, 15, 23, 0, 0, DateTimeKind.Utc).Ticks;   // local midnight
            f.Import.Value.SetInteger(12345);
            f.Export.Value.SetInteger(6);
            maxDemand.Value.SetInteger(4200);
            CosemDateTime peak = CosemDateTime.FromDateTime(new DateTime(2024, 1, 15, 18, 15, 0), -60, 0);
            maxDemand.SetCaptureTime(peak);
            Assert.True(daily.Capture());
            Assert.Equal(Hex.Format(Hex.Parse(
                "01 01 02 06"
                + " 09 0C 07 E8 01 10 02 00 00 00 00 FF C4 00"   // 2024-01-16 Tuesday 00:00 local
                + " 06 00 00 30 39 06 00 00 00 06 06 00 00 10 68"
                + " 09 0C 07 E8 01 0F 01 12 0F 00 00 FF C4 00"   // 18:15 Monday
                + " 16 1E")), CosemTestKit.Get(daily, 2));
            Assert.Equal(Hex.Format(Hex.Parse("01 06 " + LoadProfileFixture.ClockDefinition + " " + LoadProfileFixture.ImportDefinition
                + " " + LoadProfileFixture.ExportDefinition
                + " 02 04 12 00 04 09 06 01 00 01 06 00 FF 0F 02 12 00 00"
                + " 02 04 12 00 04 09 06 01 00 01 06 00 FF 0F 05 12 00 00"
                + " 02 04 12 00 03 09 06 01 00 01 08 00 FF 0F 03 12 00 02")), CosemTestKit.Get(daily, 3));
        }

        [Fact]
        public void Configuration_Misuse_Throws()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileGeneric(LoadProfileFixture.ProfileName, 0, 100));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileGeneric(LoadProfileFixture.ProfileName, 33, 100));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileGeneric(LoadProfileFixture.ProfileName, 4, 0));
            ProfileGeneric profile = new ProfileGeneric(LoadProfileFixture.ProfileName, 2, 20);
            Assert.Throws<ArgumentNullException>(() => profile.AddCaptureObject(null!, 2, 0));
            Assert.Throws<ArgumentException>(() => profile.AddCaptureObject(profile, 2, 0));           // itself
            Assert.Throws<ArgumentException>(() => profile.AddCaptureObject(f.Import, 4, 0));          // no attribute 4
            Assert.Throws<ArgumentException>(() => profile.AddCaptureObject(f.Import, 2, 1));          // not a structure
            Assert.Throws<ArgumentOutOfRangeException>(() => profile.AddCaptureObject(f.Import, 2, 0, 0));
            profile.AddCaptureObject(f.Clock, 2, 0);
            Assert.Throws<ArgumentException>(() => profile.AddCaptureObject(f.Clock, 2, 0, 7));       // 21 > 20 bytes
            profile.AddCaptureObject(f.Import, 2, 0);
            Assert.Throws<ArgumentException>(() => profile.AddCaptureObject(f.Export, 2, 0));         // columns full
            Assert.Throws<ArgumentOutOfRangeException>(() => profile.ProfileEntries = 2);              // 19 bytes a row
            Assert.Throws<ArgumentOutOfRangeException>(() => profile.ProfileEntries = 0);
            Assert.Throws<ArgumentOutOfRangeException>(() => profile.GetCaptureObject(2));
        }

        [Fact]
        public void Configuration_ProfileEntriesKeptUnlessColumnsNoLongerFit()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            ProfileGeneric profile = new ProfileGeneric(LoadProfileFixture.ProfileName, 4, 100);
            profile.ProfileEntries = 4;
            profile.AddCaptureObject(f.Import, 2, 0);       // 5 bytes: 20 would fit, 4 requested
            Assert.Equal(4, profile.ProfileEntries);
            profile.AddCaptureObject(f.Clock, 2, 0);        // 19 bytes: 5 fit
            Assert.Equal(4, profile.ProfileEntries);
            profile.AddCaptureObject(f.Clock, 4, 0);        // status (probed 2): 21 bytes, 4 fit
            profile.AddCaptureObject(f.Clock, 3, 0);        // time_zone (probed 3): 24 bytes, 4 fit
            Assert.Equal(4, profile.ProfileEntries);
            profile.ClearCaptureObjects();
            profile.AddCaptureObject(f.Clock, 2, 0, 60);    // 1 fits
            Assert.Equal(1, profile.ProfileEntries);
        }

        [Fact]
        public void Configuration_ChangingColumnsOrEntries_ClearsBuffer()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            f.CaptureAt(T0, 1);
            f.Profile.ProfileEntries = 5;
            Assert.Equal(0, f.Profile.EntriesInUse);
            f.CaptureAt(T0, 1);
            f.Profile.AddCaptureObject(f.Clock, 3, 0);
            Assert.Equal(0, f.Profile.EntriesInUse);
        }

        [Theory]
        [InlineData(4, "06 00 00 0E 10", DataAccessResult.Success, "06 00 00 0E 10")]
        [InlineData(4, "12 0E 10", DataAccessResult.TypeUnmatched, "06 00 00 03 84")]
        [InlineData(5, "16 01", DataAccessResult.Success, "16 01")]
        [InlineData(5, "16 02", DataAccessResult.ScopeOfAccessViolated, "16 01")]              // lifo refused
        [InlineData(5, "11 01", DataAccessResult.TypeUnmatched, "16 01")]
        [InlineData(6, LoadProfileFixture.ImportDefinition, DataAccessResult.Success, LoadProfileFixture.ImportDefinition)]
        [InlineData(6, "02 04 12 00 03 09 06 01 00 03 08 00 FF 0F 02 12 00 00", DataAccessResult.ScopeOfAccessViolated,
            "02 04 12 00 00 09 06 00 00 00 00 00 00 0F 00 12 00 00")]                          // not a capture object
        [InlineData(6, "02 03 12 00 03 09 06 01 00 01 08 00 FF 0F 02", DataAccessResult.TypeUnmatched,
            "02 04 12 00 00 09 06 00 00 00 00 00 00 0F 00 12 00 00")]
        [InlineData(8, "06 00 00 00 04", DataAccessResult.Success, "06 00 00 00 04")]
        [InlineData(8, "06 00 00 00 0B", DataAccessResult.ScopeOfAccessViolated, "06 00 00 00 0A")]   // > 10 fit
        [InlineData(8, "06 00 00 00 00", DataAccessResult.ScopeOfAccessViolated, "06 00 00 00 0A")]
        [InlineData(8, "12 00 04", DataAccessResult.TypeUnmatched, "06 00 00 00 0A")]
        [InlineData(2, "01 00", DataAccessResult.ReadWriteDenied, "01 00")]
        [InlineData(7, "06 00 00 00 01", DataAccessResult.ReadWriteDenied, "06 00 00 00 00")]
        public void Set_Attribute_ResultAndEffect(int attributeId, string value, DataAccessResult expected, string after)
        {
            LoadProfileFixture f = new LoadProfileFixture();
            Assert.Equal(expected, CosemTestKit.Set(f.Profile, attributeId, value));
            Assert.Equal(Hex.Format(Hex.Parse(after)), CosemTestKit.Get(f.Profile, attributeId));
        }

        [Fact]
        public void Set_ProfileEntries_ChangeClearsBufferSameValueKeepsIt()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            f.CaptureAt(T0, 1);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(f.Profile, 8, "06 00 00 00 0A"));
            Assert.Equal(1, f.Profile.EntriesInUse);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(f.Profile, 8, "06 00 00 00 02"));
            Assert.Equal(0, f.Profile.EntriesInUse);
            for (int i = 0; i < 3; i++)
            {
                f.CaptureAt(T0.AddMinutes(i), 1);
            }
            Assert.Equal(2, f.Profile.EntriesInUse);
        }

        private static CosemContext ContextWith(params CosemObject[] objects)
        {
            ObjectList list = new ObjectList(objects.Length);
            foreach (CosemObject obj in objects)
            {
                list.Add(obj, AttributeAccess.ReadWrite, MethodAccess.Access);
            }
            CosemContext context = new CosemContext();
            context.Objects = list;
            return context;
        }

        [Fact]
        public void Set_CaptureObjects_ResolvesInObjectListAndClearsBuffer()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            f.CaptureAt(T0, 1000, 5);
            CosemContext context = ContextWith(f.Clock, f.Import, f.Export, f.Voltage, f.Current, f.Profile);
            string value = "01 02 " + LoadProfileFixture.ClockDefinition + " " + LoadProfileFixture.ExportDefinition;
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(f.Profile, 3, value, context));
            Assert.Equal(Hex.Format(Hex.Parse(value)), CosemTestKit.Get(f.Profile, 3));
            Assert.Equal(0, f.Profile.EntriesInUse);
            Assert.Equal(19, f.Profile.RowWidth);
            Assert.Equal(10 * 32 / 19, f.Profile.MaxProfileEntries);
            Assert.Equal(10, f.Profile.ProfileEntries);    // the configured 10 still fit
            f.Source.Ticks = T0.Ticks;
            f.Export.Value.SetInteger(9);
            f.Profile.Capture();
            Assert.Equal(Hex.Format(Hex.Parse("01 01 02 02 " + f.ClockHex(T0) + " 06 00 00 00 09")), CosemTestKit.Get(f.Profile, 2));
        }

        [Theory]
        [InlineData("01 01 02 04 12 00 03 09 06 01 00 63 63 00 FF 0F 02 12 00 00", DataAccessResult.ScopeOfAccessViolated)]   // unknown object
        [InlineData("01 01 02 04 12 00 07 09 06 01 00 63 01 00 FF 0F 02 12 00 00", DataAccessResult.ScopeOfAccessViolated)]   // its own buffer
        [InlineData("01 01 02 04 12 00 03 09 06 01 00 01 08 00 FF 0F 09 12 00 00", DataAccessResult.ScopeOfAccessViolated)]   // no attribute 9
        [InlineData("01 01 02 04 12 00 03 09 06 01 00 01 08 00 FF 0F 02 12 00 01", DataAccessResult.ScopeOfAccessViolated)]   // data_index on a simple value
        [InlineData("01 09 " + LoadProfileFixture.ClockDefinition, DataAccessResult.ScopeOfAccessViolated)]                     // more than 8 columns
        [InlineData("01 02 " + LoadProfileFixture.ClockDefinition + " 02 03 12 00 03", DataAccessResult.TypeUnmatched)]
        [InlineData("01 02 02 04 12 00 03 09 06 01 00 63 63 00 FF 0F 02 12 00 00 02 01 00", DataAccessResult.TypeUnmatched)]   // malformed after unknown
        [InlineData("02 01 " + LoadProfileFixture.ClockDefinition, DataAccessResult.TypeUnmatched)]
        public void Set_CaptureObjects_Invalid_RefusedBufferKept(string value, DataAccessResult expected)
        {
            LoadProfileFixture f = new LoadProfileFixture();
            f.CaptureAt(T0, 1);
            CosemContext context = ContextWith(f.Clock, f.Import, f.Export, f.Voltage, f.Current, f.Profile);
            Assert.Equal(expected, CosemTestKit.Set(f.Profile, 3, value, context));
            Assert.Equal(1, f.Profile.EntriesInUse);
            Assert.Equal(5, f.Profile.CaptureObjectCount);
        }

        [Theory]
        [InlineData(LoadProfileFixture.ClockDefinition, DataAccessResult.Success)]
        [InlineData(LoadProfileFixture.ExportDefinition, DataAccessResult.Success)]
        [InlineData("02 04 12 00 00 09 06 00 00 00 00 00 00 0F 00 12 00 00", DataAccessResult.Success)]                // none
        [InlineData("02 04 12 00 03 09 06 01 00 02 08 00 FE 0F 02 12 00 00", DataAccessResult.ScopeOfAccessViolated)]  // F differs
        [InlineData("02 04 12 00 04 09 06 01 00 02 08 00 FF 0F 02 12 00 00", DataAccessResult.ScopeOfAccessViolated)]  // class differs
        [InlineData("02 04 12 00 03 09 06 01 00 02 08 00 FF 0F 03 12 00 00", DataAccessResult.ScopeOfAccessViolated)]  // not captured
        [InlineData("02 04 12 00 00 09 06 00 00 00 00 00 01 0F 00 12 00 00", DataAccessResult.ScopeOfAccessViolated)]  // not quite none
        [InlineData("02 04 12 00 03 09 05 01 00 02 08 00 0F 02 12 00 00", DataAccessResult.TypeUnmatched)]             // 5-byte name
        [InlineData("02 03 12 00 03 09 06 01 00 02 08 00 FF 0F 02", DataAccessResult.TypeUnmatched)]
        public void Set_SortObject_OneOfTheCaptureObjectsOrNone(string value, DataAccessResult expected)
        {
            LoadProfileFixture f = new LoadProfileFixture();
            string before = CosemTestKit.Get(f.Profile, 6);

            Assert.Equal(expected, CosemTestKit.Set(f.Profile, 6, value));

            string after = CosemTestKit.Get(f.Profile, 6);
            Assert.Equal(expected == DataAccessResult.Success ? Hex.Format(Hex.Parse(value)) : before, after);
        }

        [Fact]
        public void SetCaptureObjectsAndSortObject_AfterWarmUp_AllocateNothing()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            CosemContext context = ContextWith(f.Clock, f.Import, f.Export, f.Voltage, f.Current, f.Profile);
            byte[] captureObjects = Hex.Parse("01 03 " + LoadProfileFixture.ClockDefinition + " "
                + LoadProfileFixture.ImportDefinition + " " + LoadProfileFixture.VoltageDefinition);
            byte[] unknownObject = Hex.Parse("01 01 02 04 12 00 03 09 06 01 00 63 63 00 FF 0F 02 12 00 00");
            byte[] sortObject = Hex.Parse(LoadProfileFixture.ImportDefinition);
            byte[] notCaptured = Hex.Parse(LoadProfileFixture.ExportDefinition);
            AxdrReader reader = new AxdrReader();

            int Round()
            {
                int successes = 0;
                reader.Reset(captureObjects, 0, captureObjects.Length);
                successes += f.Profile.SetAttribute(3, reader, context) == DataAccessResult.Success ? 1 : 0;
                reader.Reset(unknownObject, 0, unknownObject.Length);
                successes += f.Profile.SetAttribute(3, reader, context) == DataAccessResult.Success ? 1 : 0;
                reader.Reset(sortObject, 0, sortObject.Length);
                successes += f.Profile.SetAttribute(6, reader, context) == DataAccessResult.Success ? 1 : 0;
                reader.Reset(notCaptured, 0, notCaptured.Length);
                successes += f.Profile.SetAttribute(6, reader, context) == DataAccessResult.Success ? 1 : 0;
                return successes;
            }

            Assert.Equal(2, Round());
            int total = 0;
            Action rounds = () =>
            {
                total = 0;
                for (int i = 0; i < 100; i++)
                {
                    total += Round();
                }
            };
            Assert.Equal(0, Allocations.Least(rounds));
            Assert.Equal(200, total);
            Assert.Equal(3, f.Profile.CaptureObjectCount);
        }

        [Fact]
        public void Set_CaptureObjects_RowTooWideForBuffer_Refused()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            ProfileGeneric small = new ProfileGeneric(LoadProfileFixture.ProfileName, 4, 20);
            CosemContext context = ContextWith(f.Clock, f.Import, f.Export);
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.Set(small, 3,
                "01 02 " + LoadProfileFixture.ClockDefinition + " " + LoadProfileFixture.ClockDefinition, context));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(small, 3,
                "01 01 " + LoadProfileFixture.ClockDefinition, context));
            Assert.Equal(1, small.ProfileEntries);
        }

        [Fact]
        public void Get_WithSelectorOnOtherAttribute_ScopeOfAccessViolated()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            string hex;
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.TryGet(f.Profile, 3, out hex, null, 1));
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.TryGet(f.Profile, 9, out hex));
        }

        [Fact]
        public void Get_BufferTooLargeForWriter_OverflowsForBlockTransfer()
        {
            LoadProfileFixture f = new LoadProfileFixture();
            for (int i = 0; i < 10; i++)
            {
                f.CaptureAt(T0.AddMinutes(15 * i), (uint)i);
            }
            byte[] buffer = new byte[100];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            Assert.Equal(DataAccessResult.Success, f.Profile.GetAttribute(2, 0, null!, writer, new CosemContext()));
            Assert.True(writer.Overflow);
        }
    }
}
