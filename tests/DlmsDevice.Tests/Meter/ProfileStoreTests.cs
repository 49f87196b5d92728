using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The store-backed ring (<see cref="ProfileStore"/>): a profile whose rows live in chunk
    /// records answers every read with the same bytes as the same profile in RAM, writes one
    /// chunk per capture, reads each chunk once in a sequential read, survives restarts, torn
    /// writes and failing reads, and allocates nothing after warm-up.
    /// </summary>
    public class ProfileStoreTests
    {
        private static readonly DateTime T0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>
        /// Clock, import, export (24-byte rows) every 15 minutes, captured into a store-backed
        /// profile and, alongside, the same profile in RAM (the reference).
        /// </summary>
        private sealed class Rig
        {
            public readonly FakeClockSource Source;
            public readonly Clock Clock;
            public readonly Register Import;
            public readonly Register Export;
            public readonly ProfileGeneric Ram;
            public readonly MemoryStorageMedium Medium;
            public readonly int Entries;
            public readonly int RowsPerChunk;
            public SlottedRecordStore Store = null!;
            public INonVolatileStore Wrapped = null!;
            public ProfileStore Rows = null!;
            public ProfileGeneric Profile = null!;
            public int Found;
            public int Corrupt;
            private int _count;

            public Rig(int entries, int rowsPerChunk, int rows = 0, Func<INonVolatileStore, INonVolatileStore>? wrap = null)
            {
                Entries = entries;
                RowsPerChunk = rowsPerChunk;
                Source = new FakeClockSource(T0.Ticks);
                Clock = new Clock(LoadProfileFixture.ClockName, Source);
                Import = new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
                Export = new Register(new ObisCode(1, 0, 2, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
                Ram = Build(new RamRowStorage(entries * 24));
                Medium = new MemoryStorageMedium(64, RecordSlotFormat.HeaderLength + ProfileStore.HeaderLength + rowsPerChunk * 24);
                Start(wrap);
                for (int i = 0; i < rows; i++)
                {
                    CaptureNext();
                }
            }

            public int Captured => _count;

            /// <summary>A new store, ring and profile over the same medium (a restart), the rows restored.</summary>
            public Rig Start(Func<INonVolatileStore, INonVolatileStore>? wrap = null)
            {
                Store = new SlottedRecordStore(Medium, Medium.RecordCount, Medium.SlotCapacity - RecordSlotFormat.HeaderLength);
                Wrapped = wrap == null ? Store : wrap(Store);
                Rows = new ProfileStore(24, Entries, RowsPerChunk);
                Profile = Build(Rows);
                // Configuration first, then the store: a clear recorded now would hide the saved rows.
                Rows.Attach(Wrapped);
                Rows.Restore(Profile, out Found, out Corrupt);
                return this;
            }

            private ProfileGeneric Build(IProfileRowStorage rows)
            {
                ProfileGeneric profile = new ProfileGeneric(LoadProfileFixture.ProfileName, 3, rows);
                profile.AddCaptureObject(Clock, 2, 0);
                profile.AddCaptureObject(Import, 2, 0);
                profile.AddCaptureObject(Export, 2, 0);
                profile.ProfileEntries = Entries;
                return profile;
            }

            /// <summary>The next quarter hour into both profiles.</summary>
            public void CaptureNext()
            {
                Source.Ticks = T0.Ticks + _count * 900 * TimeSpan.TicksPerSecond;
                Import.Value.SetInteger(_count * 7L);
                Export.Value.SetInteger(_count);
                Assert.True(Profile.Capture());
                Assert.True(Ram.Capture());
                _count++;
            }
        }

        /// <summary>Counts the store calls.</summary>
        private sealed class CountingStore : INonVolatileStore
        {
            private readonly INonVolatileStore _inner;

            public CountingStore(INonVolatileStore inner)
            {
                _inner = inner;
            }

            public int Reads;
            public int Writes;

            public StoreStatus Read(int recordId, byte[] buffer, int offset, int count, out int length)
            {
                Reads++;
                return _inner.Read(recordId, buffer, offset, count, out length);
            }

            public StoreStatus Write(int recordId, byte[] buffer, int offset, int count)
            {
                Writes++;
                return _inner.Write(recordId, buffer, offset, count);
            }
        }

        private const string RangeJanuary1 = "02 04 " + LoadProfileFixture.ClockDefinition
            + " 09 0C 07 E8 01 01 FF 05 00 00 00 80 00 FF 09 0C 07 E8 01 01 FF 0B 00 00 00 80 00 FF 01 01 "
            + LoadProfileFixture.ImportDefinition;
        private const string RangeImport = "02 04 " + LoadProfileFixture.ImportDefinition + " 06 00 00 00 46 06 00 00 01 C2 01 00";
        private const string EntriesTwoToFive = "02 04 06 00 00 00 02 06 00 00 00 05 12 00 01 12 00 02";
        private const string EntriesAll = "02 04 06 00 00 00 00 06 00 00 00 00 12 00 00 12 00 00";

        /// <summary>Every read of the buffer, as hex with its result; the store-backed and RAM profiles must agree.</summary>
        private static string Reads(ProfileGeneric profile)
        {
            string all = "";
            foreach ((int selector, string? parameters) in new (int, string?)[] { (0, null), (2, EntriesTwoToFive), (2, EntriesAll), (1, RangeJanuary1), (1, RangeImport) })
            {
                DataAccessResult result = ProfileHex.GetBuffer(profile, selector, parameters, out string hex);
                all += selector + ":" + result + ":" + hex + "\n";
                ArrayCursor cursor = new ArrayCursor();
                Assert.Equal(result, ProfileHex.Begin(profile, selector, parameters, cursor));
                for (int i = cursor.Count - 1; i >= 0; i--)
                {
                    // Backwards: every element from its own chunk, in any order.
                    all += ProfileHex.Element(profile, cursor, i) + ";";
                }
                all += "\n";
            }
            for (int a = 3; a <= 8; a++)
            {
                all += a + ":" + CosemTestKit.Get(profile, a) + "\n";
            }
            return all;
        }

        [Theory]
        [InlineData(40, 16, 10)]      // one partial chunk
        [InlineData(40, 16, 137)]     // wrapped several times
        [InlineData(40, 8, 48)]       // ends on a chunk boundary
        [InlineData(3, 16, 20)]       // a ring shorter than a chunk
        [InlineData(1, 1, 5)]
        public void Reads_StoreBackedRing_SameBytesAsRamRingAlsoAfterRestart(int entries, int rowsPerChunk, int rows)
        {
            Rig rig = new Rig(entries, rowsPerChunk, rows);
            string expected = Reads(rig.Ram);

            Assert.Equal(expected, Reads(rig.Profile));
            rig.Start();
            Assert.Equal(0, rig.Corrupt);
            Assert.Equal(expected, Reads(rig.Profile));
            Assert.Equal(rig.Ram.CaptureCount, rig.Profile.CaptureCount);
            Assert.Equal(rig.Ram.OldestSequence, rig.Profile.OldestSequence);
            // Captures continue the restored chunk and the numbering.
            rig.CaptureNext();
            rig.CaptureNext();
            Assert.Equal(Reads(rig.Ram), Reads(rig.Profile));
            rig.Start();
            Assert.Equal(Reads(rig.Ram), Reads(rig.Profile));
        }

        [Fact]
        public void ChunkRecord_SecondBlock_LayoutByteForByte()
        {
            Rig rig = new Rig(8, 4, 6);
            byte[] payload = new byte[256];

            Assert.Equal(StoreStatus.Ok, rig.Store.Read(1, payload, 0, payload.Length, out int length));

            // first 4, oldest 0, 2 rows of 24 bytes; then rows 4 and 5 as captured.
            string row4 = ProfileHex.DateTime(T0.AddHours(1), 0, 0) + " 06 0000001C 06 00000004";
            string row5 = ProfileHex.DateTime(T0.AddHours(1.25), 0, 0) + " 06 00000023 06 00000005";
            Assert.Equal(Hex.Format(Hex.Parse("04000000 00000000 0200 1800 " + row4 + " " + row5)), Hex.Format(payload, 0, length));
            Assert.Equal(ProfileStore.HeaderLength + 2 * 24, length);
        }

        [Fact]
        public void Layout_RecordsAndMaxRows_ChunkGranularity()
        {
            ProfileStore rows = new ProfileStore(24, 40, 16);

            Assert.Equal(4, rows.RecordCount);                      // ceil(40 / 16) + 1
            Assert.Equal(12 + 16 * 24, rows.MaxPayloadLength);
            Assert.Equal(48, rows.MaxRows(24));                      // 3 chunks of 16
            Assert.Equal(96, rows.MaxRows(12));                      // narrower rows: 32 a chunk
            Assert.Equal(0, rows.MaxRows(16 * 24 + 1));              // not even one row fits a chunk
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileStore(0, 40, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileStore(24, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileStore(24, 40, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileStore(5000, 40, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => rows.FirstRecord = -1);
            Assert.Throws<ArgumentNullException>(() => new ProfileGeneric(LoadProfileFixture.ProfileName, 3, (IProfileRowStorage)null!));
        }

        [Fact]
        public void Capture_WritesItsChunkOnce_ReadsNothing()
        {
            CountingStore counter = null!;
            Rig rig = new Rig(40, 8, 0, s => counter = new CountingStore(s));
            for (int i = 0; i < 60; i++)
            {
                rig.CaptureNext();
            }
            int reads = counter.Reads;
            int writes = counter.Writes;
            int mediumReads = rig.Medium.ReadCount;

            rig.CaptureNext();

            Assert.Equal(writes + 1, counter.Writes);
            Assert.Equal(reads, counter.Reads);
            Assert.Equal(mediumReads, rig.Medium.ReadCount);
            Assert.Equal(StoreStatus.Ok, rig.Rows.WriteStatus);
        }

        [Fact]
        public void Read_WholeBufferInOrder_LoadsEachOlderChunkOnce()
        {
            CountingStore counter = null!;
            Rig rig = new Rig(40, 8, 0, s => counter = new CountingStore(s));
            for (int i = 0; i < 100; i++)
            {
                rig.CaptureNext();
            }
            ArrayCursor cursor = new ArrayCursor();
            Assert.Equal(DataAccessResult.Success, ProfileHex.Begin(rig.Profile, 0, null, cursor));
            int reads = counter.Reads;

            for (int i = 0; i < cursor.Count; i++)
            {
                ProfileHex.Element(rig.Profile, cursor, i);
            }

            // Rows 60..99: blocks 7..11 of 8 rows (60..63 the end of block 7) are loaded once
            // each; block 12 (96..99) is the chunk being filled, in RAM.
            Assert.Equal(40, cursor.Count);
            Assert.Equal(reads + 5, counter.Reads);
        }

        [Fact]
        public void Read_StoreFails_HardwareFaultForThatRead_ServedAgainOnceItWorks()
        {
            Rig rig = new Rig(40, 8, 30);
            string expected = Reads(rig.Ram);

            rig.Medium.FailReads = true;
            DataAccessResult plain = ProfileHex.GetBuffer(rig.Profile, 0, null, out _);
            DataAccessResult range = ProfileHex.GetBuffer(rig.Profile, 1, RangeImport, out _);
            ArrayCursor cursor = new ArrayCursor();
            Assert.Equal(DataAccessResult.Success, ProfileHex.Begin(rig.Profile, 0, null, cursor));
            cursor.Index = 0;
            AxdrWriter writer = new AxdrWriter();
            byte[] buffer = new byte[256];
            writer.Reset(buffer, 0, buffer.Length);
            DataAccessResult element = rig.Profile.WriteArrayElement(2, cursor, writer, new CosemContext());
            int written = writer.Length;
            // The newest rows are in the chunk being filled (RAM): still served.
            string newest = ProfileHex.GetBuffer(rig.Profile, 2, "02 04 06 00 00 00 1E 06 00 00 00 1E 12 00 01 12 00 00");
            string entries = CosemTestKit.Get(rig.Profile, 7);
            rig.Medium.FailReads = false;

            Assert.Equal(DataAccessResult.HardwareFault, plain);
            Assert.Equal(DataAccessResult.HardwareFault, range);
            Assert.Equal(DataAccessResult.HardwareFault, element);
            Assert.Equal(0, written);
            Assert.Equal(ProfileHex.GetBuffer(rig.Ram, 2, "02 04 06 00 00 00 1E 06 00 00 00 1E 12 00 01 12 00 00"), newest);
            Assert.Equal(Hex.Format(Hex.Parse("06 0000001E")), entries);
            Assert.True(rig.Rows.ReadFailures >= 3);
            Assert.Equal(expected, Reads(rig.Profile));
        }

        [Fact]
        public void Write_StoreFails_RowStaysReadable_RetriedWhenTheNextBlockStarts()
        {
            Rig rig = new Rig(40, 8, 7);
            rig.Medium.FailNextWrite();

            rig.CaptureNext();                                       // row 7 ends block 0: its write fails
            StoreStatus failed = rig.Rows.WriteStatus;
            string whileFailing = Reads(rig.Profile);
            rig.CaptureNext();                                       // row 8 starts block 1: block 0 written again first
            StoreStatus next = rig.Rows.WriteStatus;
            rig.Start();

            Assert.Equal(StoreStatus.MediumFailure, failed);
            Assert.Equal(StoreStatus.Ok, next);
            Assert.Equal(0, rig.Corrupt);
            Assert.Equal(9, rig.Profile.EntriesInUse);
            Assert.Equal(Reads(rig.Ram), Reads(rig.Profile));
            Assert.Contains(ProfileHex.DateTime(T0.AddMinutes(7 * 15), 0, 0), whileFailing);
        }

        [Fact]
        public void Write_TornByAPowerLoss_PreviousVersionRestoredNeverTheTornBytes()
        {
            Rig rig = new Rig(40, 8, 12);
            string before = ProfileHex.GetBuffer(rig.Ram, 0, null);
            rig.Medium.TearNextWrite(30, TearFill.Garbage);
            rig.CaptureNext();                                       // row 12 is torn: the device died writing it

            rig.Start();

            Assert.Equal(0, rig.Corrupt);
            Assert.Equal(12, rig.Profile.CaptureCount);
            Assert.Equal(before, ProfileHex.GetBuffer(rig.Profile, 0, null));
        }

        [Fact]
        public void Reset_RecordedInTheStore_RestartFindsItEmptyAndTheNumberingGoesOn()
        {
            Rig rig = new Rig(40, 8, 21);

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Profile, 1, "0F 00"));
            Assert.Equal(StoreStatus.Ok, rig.Rows.WriteStatus);
            rig.Ram.Reset();
            rig.Start();

            Assert.Equal(0, rig.Profile.EntriesInUse);
            Assert.Equal(21, rig.Profile.CaptureCount);
            rig.CaptureNext();
            Assert.Equal(Reads(rig.Ram), Reads(rig.Profile));
            rig.Start();
            Assert.Equal(Reads(rig.Ram), Reads(rig.Profile));
        }

        [Fact]
        public void Restore_ChunkWithARowNotOfTheColumns_NewerRowsKeptOlderDropped()
        {
            Rig rig = new Rig(40, 8, 30);
            // Block 1 (rows 8..15) rewritten with a valid CRC but a row whose clock slot holds tag 0xFF.
            byte[] chunk = new byte[ProfileStore.HeaderLength + 8 * 24];
            Assert.Equal(StoreStatus.Ok, rig.Store.Read(1, chunk, 0, chunk.Length, out int length));
            chunk[ProfileStore.HeaderLength + 5 * 24] = 0xFF;        // row 13
            Assert.Equal(StoreStatus.Ok, rig.Store.Write(1, chunk, 0, length));

            rig.Start();

            Assert.Equal(1, rig.Corrupt);
            Assert.Equal(30, rig.Profile.CaptureCount);
            Assert.Equal(14, rig.Profile.OldestSequence);
            Assert.Equal(16, rig.Profile.EntriesInUse);
            Assert.Equal(ProfileHex.GetBuffer(rig.Ram, 2, "02 04 06 00 00 00 0F 06 00 00 00 00 12 00 00 12 00 00"),
                ProfileHex.GetBuffer(rig.Profile, 0, null));
        }

        [Fact]
        public void Restore_EmptyStore_NothingFoundNumberingFromZero()
        {
            Rig rig = new Rig(40, 8);

            Assert.Equal(0, rig.Found);
            Assert.Equal(0, rig.Profile.CaptureCount);
            Assert.Equal("01 00", ProfileHex.GetBuffer(rig.Profile, 0, null));
        }

        [Fact]
        public void BlockRead_RowOverwrittenDuringRead_TemporaryFailure()
        {
            Rig rig = new Rig(8, 4, 8);
            ArrayCursor cursor = new ArrayCursor();
            Assert.Equal(DataAccessResult.Success, ProfileHex.Begin(rig.Profile, 0, null, cursor));
            string first = ProfileHex.Element(rig.Profile, cursor, 0);

            rig.CaptureNext();                                       // row 0 goes
            cursor.Index = 0;
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(new byte[256], 0, 256);

            Assert.Equal(DataAccessResult.TemporaryFailure, rig.Profile.WriteArrayElement(2, cursor, writer, new CosemContext()));
            Assert.Equal(0, writer.Length);
            Assert.StartsWith("02 03 " + ProfileHex.DateTime(T0, 0, 0), first);
            Assert.Equal(ProfileHex.Element(rig.Ram, cursor, 1), ProfileHex.Element(rig.Profile, cursor, 1));
        }

        [Fact]
        public void StoreBackedRing_BlockRangeEntryReadsAndCapture_AfterWarmUp_AllocateNothing()
        {
            Rig rig = new Rig(200, 16, 250);
            CosemContext context = new CosemContext();
            AxdrReader reader = new AxdrReader();
            AxdrWriter writer = new AxdrWriter();
            byte[] block = new byte[256];
            ArrayCursor cursor = new ArrayCursor();
            byte[] range = Hex.Parse(RangeJanuary1);
            byte[] entry = Hex.Parse(EntriesTwoToFive);
            int total = 0;

            // A block read: each element into a 256-byte block, rewound and resent on overflow.
            void ReadAll(int selector, byte[]? parameters)
            {
                if (parameters != null)
                {
                    reader.Reset(parameters, 0, parameters.Length);
                }
                rig.Profile.BeginArray(2, selector, parameters == null ? null! : reader, cursor, context, out DataAccessResult result);
                // No xUnit asserts in the measured code: they allocate.
                if (result != DataAccessResult.Success)
                {
                    throw new InvalidOperationException("BeginArray: " + result);
                }
                writer.Reset(block, 0, block.Length);
                for (cursor.Index = 0; cursor.Index < cursor.Count;)
                {
                    int mark = writer.Position;
                    if (rig.Profile.WriteArrayElement(2, cursor, writer, context) != DataAccessResult.Success)
                    {
                        throw new InvalidOperationException("element " + cursor.Index);
                    }
                    if (writer.Overflow)
                    {
                        writer.Rewind(mark);
                        total += writer.Length;
                        writer.Reset(block, 0, block.Length);
                        continue;
                    }
                    cursor.Index++;
                }
                total += writer.Length;
            }

            ReadAll(0, null);
            ReadAll(1, range);
            ReadAll(2, entry);
            rig.Profile.Capture();

            long whole = Allocations.Least(() => ReadAll(0, null));
            long ranged = Allocations.Least(() => ReadAll(1, range));
            long entries = Allocations.Least(() => ReadAll(2, entry));
            long capture = Allocations.Least(() => rig.Profile.Capture());

            Assert.Equal(0, whole);
            Assert.Equal(0, ranged);
            Assert.Equal(0, entries);
            Assert.Equal(0, capture);
            Assert.True(total > 200 * 26, total + " bytes read");
            Assert.Equal(StoreStatus.Ok, rig.Rows.WriteStatus);
        }
    }
}
