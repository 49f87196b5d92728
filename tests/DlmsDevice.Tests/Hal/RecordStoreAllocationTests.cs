using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>Zero allocation: saving and loading records after construction allocates 0 bytes.</summary>
    public class RecordStoreAllocationTests
    {
        private readonly MemoryStorageMedium _medium = StoreTestKit.NewMedium();
        private readonly byte[] _payload = StoreTestKit.Payload(1, StoreTestKit.MaxPayload);
        private readonly byte[] _buffer = new byte[StoreTestKit.MaxPayload];

        [Fact]
        public void WriteAndRead_Loop_ZeroBytesAfterWarmUp()
        {
            var store = new SlottedRecordStore(_medium, 8, StoreTestKit.MaxPayload);
            Assert.Equal(1, RunOnce(store, 0));

            int total = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                total += RunOnce(store, i);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(2000, total);
        }

        [Fact]
        public void RecoveryPaths_NotFoundCorruptAndFallback_ZeroBytes()
        {
            var store = new SlottedRecordStore(_medium, 8, StoreTestKit.MaxPayload) { VerifyWrites = true };
            store.Write(1, _payload, 0, 10);
            store.Write(1, _payload, 0, 12);
            _medium.FlipBit(1, RecordSlotFormat.SlotB, 200); // newest corrupt: every read falls back to A
            RunFailures(store);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int failures = 0;
            for (int i = 0; i < 2000; i++)
            {
                failures += RunFailures(store);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(2000 * 4, failures);
        }

        // 1 when the record read back is the one just written, else 0.
        private int RunOnce(SlottedRecordStore store, int i)
        {
            int record = i & 7;
            int length = 1 + (i % StoreTestKit.MaxPayload);
            _payload[0] = (byte)i;
            if (store.Write(record, _payload, 0, length) != StoreStatus.Ok)
            {
                return 0;
            }

            if (store.Read(record, _buffer, 0, _buffer.Length, out int read) != StoreStatus.Ok || read != length || _buffer[0] != (byte)i)
            {
                return 0;
            }

            return 1;
        }

        private int RunFailures(SlottedRecordStore store)
        {
            int failures = 0;
            if (store.Read(5, _buffer, 0, _buffer.Length, out _) == StoreStatus.NotFound)
            {
                failures++;
            }

            if (store.Read(1, _buffer, 0, _buffer.Length, out int length) == StoreStatus.Ok && length == 10)
            {
                failures++; // fell back to slot A
            }

            if (store.Read(1, _buffer, 0, 4, out _) == StoreStatus.BufferTooSmall)
            {
                failures++;
            }

            if (store.Write(9, _payload, 0, 4) == StoreStatus.InvalidRecord)
            {
                failures++;
            }

            return failures;
        }
    }
}
