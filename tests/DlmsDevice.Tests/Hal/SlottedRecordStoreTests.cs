using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using static DlmsDevice.Tests.Hal.StoreTestKit;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>A/B slot store: round trips, alternation, newest wins, wrap-around, result codes.</summary>
    public class SlottedRecordStoreTests
    {
        private readonly MemoryStorageMedium _medium = NewMedium();

        [Theory]
        [InlineData(0, 0)]
        [InlineData(0, 1)]
        [InlineData(3, 17)]
        [InlineData(7, MaxPayload)]
        public void WriteThenRead_RoundTrip_SameBytes(int recordId, int length)
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            byte[] payload = Payload(1, length);

            Assert.Equal(StoreStatus.Ok, store.Write(recordId, payload, 0, length));
            Assert.Equal(StoreStatus.Ok, Read(store, recordId, out byte[] same));
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, recordId, out byte[] afterRestart));

            Assert.Equal(payload, same);
            Assert.Equal(payload, afterRestart);
        }

        [Fact]
        public void Write_FromOffsetIntoOffset_CopiesOnlyTheRange()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            byte[] source = Payload(4, 20);
            byte[] target = new byte[30];
            Array.Fill(target, (byte)0xEE);

            Assert.Equal(StoreStatus.Ok, store.Write(2, source, 5, 10));
            Assert.Equal(StoreStatus.Ok, store.Read(2, target, 7, 10, out int length));

            Assert.Equal(10, length);
            Assert.Equal(source[5..15], target[7..17]);
            Assert.Equal((byte)0xEE, target[6]);
            Assert.Equal((byte)0xEE, target[17]);
        }

        [Fact]
        public void Write_Successive_AlternatesSlotsWithIncreasingSequence()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            int[] expectedSlot = { RecordSlotFormat.SlotA, RecordSlotFormat.SlotB, RecordSlotFormat.SlotA, RecordSlotFormat.SlotB, RecordSlotFormat.SlotA };

            for (int version = 0; version < expectedSlot.Length; version++)
            {
                Assert.Equal(StoreStatus.Ok, store.Write(1, Payload(version, 8), 0, 8));

                Assert.Equal(StoreStatus.Ok, store.Locate(1, out int slot, out uint sequence));
                Assert.Equal(expectedSlot[version], slot);
                Assert.Equal((uint)(version + 1), sequence);
                Assert.Equal(Image(1, (uint)(version + 1), Payload(version, 8)), _medium.GetSlot(1, slot)[..24]);
            }

            // The older slot still holds the previous version.
            Assert.Equal(Image(1, 4, Payload(3, 8)), _medium.GetSlot(1, RecordSlotFormat.SlotB)[..24]);
        }

        [Fact]
        public void Write_AfterRestart_ContinuesAlternationFromRecoveredState()
        {
            new SlottedRecordStore(_medium, 8, MaxPayload).Write(0, Payload(1, 4), 0, 4); // A, seq 1
            new SlottedRecordStore(_medium, 8, MaxPayload).Write(0, Payload(2, 4), 0, 4); // B, seq 2
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);

            store.Write(0, Payload(3, 4), 0, 4);

            Assert.Equal(StoreStatus.Ok, store.Locate(0, out int slot, out uint sequence));
            Assert.Equal(RecordSlotFormat.SlotA, slot);
            Assert.Equal(3u, sequence);
            Assert.Equal(Image(0, 2, Payload(2, 4)), _medium.GetSlot(0, RecordSlotFormat.SlotB)[..20]);
        }

        [Theory]
        [InlineData(7u, 8u, 1)]
        [InlineData(8u, 7u, 0)]
        [InlineData(100u, 3u, 0)]
        [InlineData(0xFFFFFFFFu, 0u, 1)]  // wrap-around: 0 is newer
        [InlineData(0u, 0xFFFFFFFFu, 0)]
        [InlineData(0xFFFFFFFEu, 0xFFFFFFFFu, 1)]
        public void Read_BothSlotsValid_NewestSequenceWins(uint sequenceA, uint sequenceB, int newestSlot)
        {
            _medium.SetSlot(2, RecordSlotFormat.SlotA, Image(2, sequenceA, Payload(10, 12)));
            _medium.SetSlot(2, RecordSlotFormat.SlotB, Image(2, sequenceB, Payload(20, 12)));

            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, 2, out byte[] payload));

            Assert.Equal(Payload(newestSlot == 0 ? 10 : 20, 12), payload);
        }

        [Fact]
        public void Write_SequenceAtMaximum_WrapsToZeroAndStaysNewest()
        {
            _medium.SetSlot(5, RecordSlotFormat.SlotA, Image(5, 0xFFFFFFFE, Payload(1, 6)));
            _medium.SetSlot(5, RecordSlotFormat.SlotB, Image(5, 0xFFFFFFFF, Payload(2, 6)));
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);

            Assert.Equal(StoreStatus.Ok, store.Write(5, Payload(3, 6), 0, 6)); // A, 0
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, 5, out byte[] afterFirst));
            Assert.Equal(StoreStatus.Ok, store.Write(5, Payload(4, 6), 0, 6)); // B, 1
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, 5, out byte[] afterSecond));

            Assert.Equal(Payload(3, 6), afterFirst);
            Assert.Equal(Payload(4, 6), afterSecond);
            Assert.Equal(StoreStatus.Ok, new SlottedRecordStore(_medium, 8, MaxPayload).Locate(5, out int slot, out uint sequence));
            Assert.Equal(RecordSlotFormat.SlotB, slot);
            Assert.Equal(1u, sequence);
        }

        [Fact]
        public void Read_NeverWritten_NotFound()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            byte[] buffer = { 1, 2, 3 };

            Assert.Equal(StoreStatus.NotFound, store.Read(4, buffer, 0, 3, out int length));

            Assert.Equal(0, length);
            Assert.Equal(new byte[] { 1, 2, 3 }, buffer);
        }

        [Fact]
        public void Read_SlotOfAnotherRecord_NotTakenAsData()
        {
            // A valid image of record 3 sitting in record 4's slot (misconfigured mapping).
            _medium.SetSlot(4, RecordSlotFormat.SlotA, Image(3, 9, Payload(1, 8)));

            Assert.Equal(StoreStatus.NotFound, ReadAfterRestart(_medium, 4, out _));
        }

        [Fact]
        public void Read_BufferTooSmall_ReportsLengthAndLeavesBufferAlone()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            store.Write(0, Payload(1, 10), 0, 10);
            byte[] buffer = new byte[9];

            Assert.Equal(StoreStatus.BufferTooSmall, store.Read(0, buffer, 0, 9, out int length));

            Assert.Equal(10, length);
            Assert.Equal(new byte[9], buffer);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(8)]
        public void ReadWrite_RecordIdOutOfRange_InvalidRecord(int recordId)
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            byte[] buffer = new byte[4];

            Assert.Equal(StoreStatus.InvalidRecord, store.Write(recordId, buffer, 0, 4));
            Assert.Equal(StoreStatus.InvalidRecord, store.Read(recordId, buffer, 0, 4, out _));
            Assert.Equal(0, _medium.WriteCount);
        }

        [Fact]
        public void Write_LongerThanMaximum_TooLargeAndNothingWritten()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            byte[] buffer = new byte[MaxPayload + 1];

            Assert.Equal(StoreStatus.TooLarge, store.Write(0, buffer, 0, buffer.Length));

            Assert.Equal(0, _medium.WriteCount);
        }

        [Fact]
        public void Write_MediumFails_PreviousVersionKeptAndNextWriteRetriesSameSlot()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            store.Write(0, Payload(1, 8), 0, 8); // A
            store.Write(0, Payload(2, 8), 0, 8); // B
            _medium.FailNextWrite();             // tears slot A to garbage, returns false

            Assert.Equal(StoreStatus.MediumFailure, store.Write(0, Payload(3, 8), 0, 8));
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, 0, out byte[] kept));
            Assert.Equal(Payload(2, 8), kept);

            Assert.Equal(StoreStatus.Ok, store.Write(0, Payload(4, 8), 0, 8));
            Assert.Equal(StoreStatus.Ok, store.Locate(0, out int slot, out uint sequence));
            Assert.Equal(RecordSlotFormat.SlotA, slot);
            Assert.Equal(3u, sequence);
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, 0, out byte[] latest));
            Assert.Equal(Payload(4, 8), latest);
        }

        [Fact]
        public void ReadWrite_MediumReadsFail_MediumFailureAndNoWrite()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            _medium.FailReads = true;
            byte[] buffer = new byte[8];

            Assert.Equal(StoreStatus.MediumFailure, store.Read(0, buffer, 0, 8, out _));
            // Not knowing which slot is the good one, the store must not write at all.
            Assert.Equal(StoreStatus.MediumFailure, store.Write(0, buffer, 0, 8));
            Assert.Equal(0, _medium.WriteCount);
        }

        [Fact]
        public void Write_VerifyWritesAndWriteLost_MediumFailureAndStateUnchanged()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload) { VerifyWrites = true };
            Assert.Equal(StoreStatus.Ok, store.Write(0, Payload(1, 8), 0, 8));
            _medium.LoseNextWrite();

            Assert.Equal(StoreStatus.MediumFailure, store.Write(0, Payload(2, 8), 0, 8));

            Assert.Equal(StoreStatus.Ok, store.Locate(0, out int slot, out uint sequence));
            Assert.Equal(RecordSlotFormat.SlotA, slot);
            Assert.Equal(1u, sequence);
        }

        [Fact]
        public void Write_LostWithoutVerification_RestartReadsPreviousVersion()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            store.Write(0, Payload(1, 8), 0, 8);
            _medium.LoseNextWrite();

            Assert.Equal(StoreStatus.Ok, store.Write(0, Payload(2, 8), 0, 8)); // acknowledged, then power lost

            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, 0, out byte[] payload));
            Assert.Equal(Payload(1, 8), payload);
        }

        [Fact]
        public void Records_Independent_WritingOneLeavesOthers()
        {
            var store = new SlottedRecordStore(_medium, 8, MaxPayload);
            for (int id = 0; id < 8; id++)
            {
                store.Write(id, Payload(id, id + 1), 0, id + 1);
            }

            store.Write(3, Payload(99, 5), 0, 5);

            for (int id = 0; id < 8; id++)
            {
                Assert.Equal(StoreStatus.Ok, ReadAfterRestart(_medium, id, out byte[] payload));
                Assert.Equal(id == 3 ? Payload(99, 5) : Payload(id, id + 1), payload);
            }
        }

        [Fact]
        public void Read_StoredRecordLongerThanThisStoreAccepts_TreatedAsInvalid()
        {
            var big = new MemoryStorageMedium(1, 200);
            new SlottedRecordStore(big, 1, 100).Write(0, Payload(1, 100), 0, 100);
            var small = new SlottedRecordStore(big, 1, 50);

            Assert.Equal(StoreStatus.NotFound, small.Read(0, new byte[100], 0, 100, out _));
        }

        [Fact]
        public void Constructor_BadArguments_Throw()
        {
            Assert.Throws<ArgumentNullException>(() => new SlottedRecordStore(null!, 1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SlottedRecordStore(_medium, 0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SlottedRecordStore(_medium, 65537, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SlottedRecordStore(_medium, 1, 65536));
        }
    }
}
