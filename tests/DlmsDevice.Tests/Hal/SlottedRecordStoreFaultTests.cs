using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using static DlmsDevice.Tests.Hal.StoreTestKit;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>
    /// Power loss during a write, decay, double corruption: the store never returns a torn or
    /// corrupt image as data, and falls back to the previous version.
    /// </summary>
    public class SlottedRecordStoreFaultTests
    {
        private const int Length = 24;
        private const int ImageLength = RecordSlotFormat.HeaderLength + Length;

        [Theory]
        [InlineData(TearFill.KeepOld)]
        [InlineData(TearFill.Zeros)]
        [InlineData(TearFill.Erased)]
        [InlineData(TearFill.Garbage)]
        public void Write_TornAtEveryBytePosition_RestartReadsPreviousVersion(TearFill fill)
        {
            for (int tearAt = 0; tearAt <= ImageLength; tearAt++)
            {
                MemoryStorageMedium medium = NewMedium();
                var store = new SlottedRecordStore(medium, 8, MaxPayload);
                store.Write(1, Payload(1, Length), 0, Length); // A, seq 1
                store.Write(1, Payload(2, Length), 0, Length); // B, seq 2
                medium.TearNextWrite(tearAt, fill);
                store.Write(1, Payload(3, Length), 0, Length); // A, seq 3, power lost after tearAt bytes

                StoreStatus status = ReadAfterRestart(medium, 1, out byte[] payload);

                // The new version counts only when every byte of its image reached the slot
                // (a tear that stops where the fill happens to equal the data is complete:
                // Payload(3, 24) ends in 0xFF, so an erased fill completes a tear at its last byte).
                bool complete = medium.GetSlot(1, RecordSlotFormat.SlotA).AsSpan(0, ImageLength)
                    .SequenceEqual(Image(1, 3, Payload(3, Length)));
                Assert.Equal(tearAt == ImageLength || (tearAt == ImageLength - 1 && fill == TearFill.Erased), complete);
                Assert.Equal(StoreStatus.Ok, status);
                byte[] expected = complete ? Payload(3, Length) : Payload(2, Length);
                Assert.True(expected.AsSpan().SequenceEqual(payload), "torn at byte " + tearAt + " (" + fill + ")");
            }
        }

        [Theory]
        [InlineData(TearFill.KeepOld)]
        [InlineData(TearFill.Zeros)]
        [InlineData(TearFill.Erased)]
        [InlineData(TearFill.Garbage)]
        public void FirstWrite_TornAtEveryBytePosition_NotFoundNeverGarbage(TearFill fill)
        {
            for (int tearAt = 0; tearAt < ImageLength; tearAt++)
            {
                MemoryStorageMedium medium = NewMedium();
                medium.TearNextWrite(tearAt, fill);
                new SlottedRecordStore(medium, 8, MaxPayload).Write(0, Payload(1, Length), 0, Length);

                Assert.True(ReadAfterRestart(medium, 0, out _) == StoreStatus.NotFound, "torn at byte " + tearAt + " (" + fill + ")");
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(9)]
        [InlineData(20)]
        public void Write_AfterTornWriteAndRestart_OverwritesTornSlotKeepsGoodOne(int tearAt)
        {
            MemoryStorageMedium medium = NewMedium();
            var before = new SlottedRecordStore(medium, 8, MaxPayload);
            before.Write(1, Payload(1, Length), 0, Length); // A
            before.Write(1, Payload(2, Length), 0, Length); // B
            medium.TearNextWrite(tearAt, TearFill.Garbage);
            before.Write(1, Payload(3, Length), 0, Length); // A torn

            var after = new SlottedRecordStore(medium, 8, MaxPayload);
            Assert.Equal(StoreStatus.Ok, after.Write(1, Payload(4, Length), 0, Length));

            Assert.Equal(StoreStatus.Ok, after.Locate(1, out int slot, out uint sequence));
            Assert.Equal(RecordSlotFormat.SlotA, slot);
            Assert.Equal(3u, sequence);
            Assert.Equal(Image(1, 2, Payload(2, Length)), medium.GetSlot(1, RecordSlotFormat.SlotB)[..ImageLength]);
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(medium, 1, out byte[] payload));
            Assert.Equal(Payload(4, Length), payload);
        }

        [Fact]
        public void Read_EveryBitOfNewestSlotFlipped_PreviousVersion()
        {
            MemoryStorageMedium medium = NewMedium();
            var store = new SlottedRecordStore(medium, 8, MaxPayload);
            store.Write(2, Payload(1, Length), 0, Length); // A
            store.Write(2, Payload(2, Length), 0, Length); // B (newest)

            for (int bit = 0; bit < ImageLength * 8; bit++)
            {
                medium.FlipBit(2, RecordSlotFormat.SlotB, bit);

                StoreStatus status = ReadAfterRestart(medium, 2, out byte[] payload);

                Assert.Equal(StoreStatus.Ok, status);
                Assert.True(Payload(1, Length).AsSpan().SequenceEqual(payload), "bit " + bit);
                medium.FlipBit(2, RecordSlotFormat.SlotB, bit);
            }

            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(medium, 2, out byte[] restored));
            Assert.Equal(Payload(2, Length), restored);
        }

        [Fact]
        public void Read_EveryBitOfOlderSlotFlipped_NewestStillRead()
        {
            MemoryStorageMedium medium = NewMedium();
            var store = new SlottedRecordStore(medium, 8, MaxPayload);
            store.Write(2, Payload(1, Length), 0, Length); // A (older)
            store.Write(2, Payload(2, Length), 0, Length); // B

            for (int bit = 0; bit < ImageLength * 8; bit++)
            {
                medium.FlipBit(2, RecordSlotFormat.SlotA, bit);

                Assert.Equal(StoreStatus.Ok, ReadAfterRestart(medium, 2, out byte[] payload));
                Assert.True(Payload(2, Length).AsSpan().SequenceEqual(payload), "bit " + bit);
                medium.FlipBit(2, RecordSlotFormat.SlotA, bit);
            }
        }

        [Theory]
        [InlineData(0, 0)]       // magic of both
        [InlineData(37, 100)]    // sequence of A, length of B... (bit 100 = byte 12, the CRC)
        [InlineData(130, 199)]   // payloads
        [InlineData(5, 319)]
        public void Read_BothSlotsCorrupt_NotFound(int bitA, int bitB)
        {
            MemoryStorageMedium medium = NewMedium();
            var store = new SlottedRecordStore(medium, 8, MaxPayload);
            store.Write(6, Payload(1, Length), 0, Length);
            store.Write(6, Payload(2, Length), 0, Length);
            medium.FlipBit(6, RecordSlotFormat.SlotA, bitA);
            medium.FlipBit(6, RecordSlotFormat.SlotB, bitB);

            Assert.Equal(StoreStatus.NotFound, ReadAfterRestart(medium, 6, out _));
        }

        [Fact]
        public void Read_NewestSlotErased_PreviousVersion()
        {
            MemoryStorageMedium medium = NewMedium();
            var store = new SlottedRecordStore(medium, 8, MaxPayload);
            store.Write(0, Payload(1, Length), 0, Length);
            store.Write(0, Payload(2, Length), 0, Length);
            medium.EraseSlot(0, RecordSlotFormat.SlotB);

            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(medium, 0, out byte[] payload));
            Assert.Equal(Payload(1, Length), payload);
        }

        [Fact]
        public void Read_NewerHeaderClaimsLongerPayloadThanWritten_PreviousVersion()
        {
            // A header whose CRC covered a different payload length: never trusted.
            MemoryStorageMedium medium = NewMedium();
            medium.SetSlot(0, RecordSlotFormat.SlotA, Image(0, 1, Payload(1, Length)));
            byte[] forged = Image(0, 2, Payload(2, Length));
            forged[10] = Length + 8;
            medium.SetSlot(0, RecordSlotFormat.SlotB, forged);

            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(medium, 0, out byte[] payload));
            Assert.Equal(Payload(1, Length), payload);
        }
    }
}
