using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>
    /// Record slots as regions of one file kept open (the ESP32's state file): round trips
    /// through the record store, restarts, torn writes, regions the file does not reach yet, and
    /// reads that allocate nothing.
    /// </summary>
    public class RegionStorageMediumTests
    {
        /// <summary>A growable file in memory; the next write can be torn after a number of bytes.</summary>
        private sealed class MemoryFile : IRandomAccessFile
        {
            public byte[] Bytes = new byte[0];
            public int TearAfter = -1;
            public bool Broken;

            public int Read(long position, byte[] buffer, int offset, int count)
            {
                if (Broken)
                {
                    return -1;
                }
                if (position >= Bytes.Length)
                {
                    return 0;
                }
                int n = (int)Math.Min(count, Bytes.Length - position);
                Array.Copy(Bytes, position, buffer, offset, n);
                return n;
            }

            public bool Write(long position, byte[] buffer, int offset, int count)
            {
                if (Broken)
                {
                    return false;
                }
                int n = TearAfter >= 0 && TearAfter < count ? TearAfter : count;
                if (position + n > Bytes.Length)
                {
                    Array.Resize(ref Bytes, (int)(position + n));
                }
                Array.Copy(buffer, offset, Bytes, position, n);
                bool whole = TearAfter < 0;
                TearAfter = -1;
                return whole;
            }
        }

        private static byte[] Payload(int seed, int length)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)(seed * 31 + i);
            }
            return bytes;
        }

        private static byte[] ReadRecord(IStorageMedium medium, int recordId, int maxPayload)
        {
            var store = new SlottedRecordStore(medium, 16, maxPayload); // a restart: nothing remembered
            var buffer = new byte[maxPayload];
            Assert.Equal(StoreStatus.Ok, store.Read(recordId, buffer, 0, buffer.Length, out int length));
            return buffer[..length];
        }

        [Fact]
        public void Store_WritesAndRestart_NewestVersionOfEachRecord()
        {
            var file = new MemoryFile();
            var store = new SlottedRecordStore(new RegionStorageMedium(file, 64 + RecordSlotFormat.HeaderLength), 16, 64);

            store.Write(3, Payload(1, 40), 0, 40);
            store.Write(3, Payload(2, 64), 0, 64);
            store.Write(9, Payload(3, 5), 0, 5);

            var reopened = new RegionStorageMedium(file, 64 + RecordSlotFormat.HeaderLength);
            Assert.Equal(Payload(2, 64), ReadRecord(reopened, 3, 64));
            Assert.Equal(Payload(3, 5), ReadRecord(reopened, 9, 64));
            // The file ends where the last region written ends: record 9's first version, in slot A.
            Assert.Equal(9L * 2 * reopened.RegionSize + RegionStorageMedium.LengthSize + RecordSlotFormat.HeaderLength + 5, file.Bytes.Length);
        }

        [Fact]
        public void Write_TornAtEveryByte_PreviousVersionRead()
        {
            var file = new MemoryFile();
            var medium = new RegionStorageMedium(file, 32 + RecordSlotFormat.HeaderLength);
            var store = new SlottedRecordStore(medium, 4, 32);
            store.Write(1, Payload(1, 32), 0, 32);
            store.Write(1, Payload(2, 32), 0, 32);
            byte[] good = (byte[])file.Bytes.Clone();

            for (int k = 0; k < RegionStorageMedium.LengthSize + RecordSlotFormat.HeaderLength + 32; k++)
            {
                file.Bytes = (byte[])good.Clone();
                var restarted = new SlottedRecordStore(new RegionStorageMedium(file, 32 + RecordSlotFormat.HeaderLength), 4, 32);
                file.TearAfter = k;
                Assert.NotEqual(StoreStatus.Ok, restarted.Write(1, Payload(3, 32), 0, 32));

                Assert.Equal(Payload(2, 32), ReadRecord(new RegionStorageMedium(file, 32 + RecordSlotFormat.HeaderLength), 1, 32));
            }
        }

        [Fact]
        public void ReadSlot_RegionBeyondTheFileOrPastTheLength_ZeroBytes()
        {
            var file = new MemoryFile();
            var medium = new RegionStorageMedium(file, 16);
            var buffer = new byte[16];

            Assert.Equal(0, medium.ReadSlot(5, 1, 0, buffer, 0, 16));
            Assert.True(medium.WriteSlot(0, 0, Payload(1, 10), 0, 10));
            Assert.Equal(10, medium.ReadSlot(0, 0, 0, buffer, 0, 16));
            Assert.Equal(4, medium.ReadSlot(0, 0, 6, buffer, 0, 16));
            Assert.Equal(0, medium.ReadSlot(0, 0, 10, buffer, 0, 16));
            Assert.Equal(0, medium.ReadSlot(0, 1, 0, buffer, 0, 16)); // the other slot: never written
            Assert.Equal(-1, medium.ReadSlot(0, 2, 0, buffer, 0, 16));
        }

        [Fact]
        public void WriteSlot_LongerThanTheRegionOrFileFailing_False()
        {
            var file = new MemoryFile();
            var medium = new RegionStorageMedium(file, 16);

            Assert.False(medium.WriteSlot(0, 0, new byte[17], 0, 17));
            file.Broken = true;
            Assert.False(medium.WriteSlot(0, 0, new byte[4], 0, 4));
            Assert.Equal(-1, medium.ReadSlot(0, 0, 0, new byte[4], 0, 4));
        }

        [Fact]
        public void WriteSlot_NeverDisturbsTheOtherSlot()
        {
            var file = new MemoryFile();
            var medium = new RegionStorageMedium(file, 16);
            medium.WriteSlot(2, 0, Payload(1, 16), 0, 16);
            medium.WriteSlot(2, 1, Payload(2, 3), 0, 3);
            medium.WriteSlot(3, 0, Payload(3, 16), 0, 16);
            var buffer = new byte[16];

            Assert.Equal(16, medium.ReadSlot(2, 0, 0, buffer, 0, 16));
            Assert.Equal(Payload(1, 16), buffer);
        }

        [Fact]
        public void ReadSlot_AfterWarmUp_AllocatesNothing()
        {
            var file = new MemoryFile();
            var medium = new RegionStorageMedium(file, 64);
            medium.WriteSlot(1, 1, Payload(4, 50), 0, 50);
            var buffer = new byte[64];
            medium.ReadSlot(1, 1, 0, buffer, 0, 64);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int n = 0;
            for (int i = 0; i < 1000; i++)
            {
                n = medium.ReadSlot(1, 1, 10, buffer, 0, 64);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(40, n);
        }
    }
}
