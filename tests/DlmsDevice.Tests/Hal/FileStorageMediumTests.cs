using System;
using System.IO;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using static DlmsDevice.Tests.Hal.StoreTestKit;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>
    /// The desktop state directory: one file per slot, temp + fsync + rename. An interrupted
    /// write (temporary file written, no rename) leaves the old value.
    /// </summary>
    public sealed class FileStorageMediumTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "dlms-hal-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, true);
            }
        }

        [Fact]
        public void Store_WriteThenReopenDirectory_SameRecords()
        {
            var store = new SlottedRecordStore(new FileStorageMedium(_directory), 8, MaxPayload);
            store.Write(0, Payload(1, 10), 0, 10);
            store.Write(0, Payload(2, 10), 0, 10);
            store.Write(7, Payload(3, MaxPayload), 0, MaxPayload);

            var reopened = new FileStorageMedium(_directory);

            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(reopened, 0, out byte[] first));
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(reopened, 7, out byte[] second));
            Assert.Equal(Payload(2, 10), first);
            Assert.Equal(Payload(3, MaxPayload), second);
            Assert.Equal(StoreStatus.NotFound, ReadAfterRestart(reopened, 1, out _));
        }

        [Fact]
        public void WriteSlot_OneFilePerSlotHoldingExactlyTheImage()
        {
            var medium = new FileStorageMedium(_directory);
            var store = new SlottedRecordStore(medium, 8, MaxPayload);

            store.Write(3, Payload(1, 5), 0, 5);
            store.Write(3, Payload(2, 5), 0, 5);

            Assert.Equal(Path.Combine(medium.Directory, "record-00003-a.slot"), medium.GetSlotPath(3, 0));
            Assert.Equal(Image(3, 1, Payload(1, 5)), File.ReadAllBytes(medium.GetSlotPath(3, 0)));
            Assert.Equal(Image(3, 2, Payload(2, 5)), File.ReadAllBytes(medium.GetSlotPath(3, 1)));
            Assert.Empty(Directory.GetFiles(_directory, "*" + FileStorageMedium.TempSuffix));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(7)]
        [InlineData(RecordSlotFormat.HeaderLength + 12)] // the whole image, only the rename is missing
        public void Write_InterruptedBeforeRename_OldValueSurvivesAndTempIsCleanedUp(int bytesWritten)
        {
            var medium = new FileStorageMedium(_directory);
            var store = new SlottedRecordStore(medium, 8, MaxPayload);
            store.Write(1, Payload(1, 12), 0, 12); // A
            store.Write(1, Payload(2, 12), 0, 12); // B
            byte[] slotABefore = File.ReadAllBytes(medium.GetSlotPath(1, 0));
            medium.InterruptNextWrite(bytesWritten);

            Assert.Equal(StoreStatus.MediumFailure, store.Write(1, Payload(3, 12), 0, 12));

            string temp = medium.GetSlotPath(1, 0) + FileStorageMedium.TempSuffix;
            Assert.True(File.Exists(temp));
            Assert.Equal(slotABefore, File.ReadAllBytes(medium.GetSlotPath(1, 0)));
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(medium, 1, out byte[] sameProcess));
            Assert.Equal(Payload(2, 12), sameProcess);

            var restarted = new FileStorageMedium(_directory); // the next process start
            Assert.False(File.Exists(temp));
            Assert.Equal(StoreStatus.Ok, ReadAfterRestart(restarted, 1, out byte[] afterRestart));
            Assert.Equal(Payload(2, 12), afterRestart);
        }

        [Fact]
        public void Read_SlotFileTruncated_PreviousVersion()
        {
            // A file system without atomic rename could leave a short file: the CRC catches it.
            var medium = new FileStorageMedium(_directory);
            var store = new SlottedRecordStore(medium, 8, MaxPayload);
            store.Write(2, Payload(1, 20), 0, 20);
            store.Write(2, Payload(2, 20), 0, 20);
            string newest = medium.GetSlotPath(2, 1);
            byte[] image = File.ReadAllBytes(newest);

            for (int length = 0; length < image.Length; length++)
            {
                File.WriteAllBytes(newest, image[..length]);

                Assert.Equal(StoreStatus.Ok, ReadAfterRestart(new FileStorageMedium(_directory), 2, out byte[] payload));
                Assert.True(Payload(1, 20).AsSpan().SequenceEqual(payload), "length " + length);
            }
        }

        [Fact]
        public void ReadSlot_AfterTheFirst_FromMemoryWithoutAllocating()
        {
            var medium = new FileStorageMedium(_directory);
            Assert.True(medium.WriteSlot(4, 1, Payload(5, 40), 0, 40));
            byte[] buffer = new byte[64];
            medium.ReadSlot(4, 0, 0, buffer, 0, 64); // a slot never written: read once from (no) file

            long before = GC.GetAllocatedBytesForCurrentThread();
            int n = 0;
            for (int i = 0; i < 100; i++)
            {
                n = medium.ReadSlot(4, 1, 8, buffer, 0, 64) + medium.ReadSlot(4, 0, 0, buffer, 32, 32);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(32, n);
            Assert.Equal(Payload(5, 40)[8..], buffer[..32]);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void ReadSlot_MissingFileOrOffsetPastEnd_ZeroBytes()
        {
            var medium = new FileStorageMedium(_directory);
            byte[] buffer = new byte[16];

            Assert.Equal(0, medium.ReadSlot(0, 0, 0, buffer, 0, 16));
            Assert.True(medium.WriteSlot(0, 0, Payload(1, 10), 0, 10));
            Assert.Equal(10, medium.ReadSlot(0, 0, 0, buffer, 0, 16));
            Assert.Equal(4, medium.ReadSlot(0, 0, 6, buffer, 0, 16));
            Assert.Equal(0, medium.ReadSlot(0, 0, 10, buffer, 0, 16));
            Assert.Equal(-1, medium.ReadSlot(0, 2, 0, buffer, 0, 16));
        }
    }
}
