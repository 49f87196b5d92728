using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>Payloads and slot images for the record store tests.</summary>
    internal static class StoreTestKit
    {
        public const int MaxPayload = 64;

        /// <summary>A payload that differs for every (version, length): bytes version*31 + i*7 + 1.</summary>
        public static byte[] Payload(int version, int length)
        {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++)
            {
                payload[i] = (byte)(version * 31 + i * 7 + 1);
            }

            return payload;
        }

        /// <summary>A valid slot image, built with the format directly (bypassing the store).</summary>
        public static byte[] Image(int recordId, uint sequence, byte[] payload)
        {
            byte[] image = new byte[RecordSlotFormat.HeaderLength + payload.Length];
            payload.CopyTo(image, RecordSlotFormat.HeaderLength);
            RecordSlotFormat.WriteHeader(image, 0, recordId, sequence, payload.Length);
            return image;
        }

        /// <summary>Reads a record with a fresh store, as the firmware would after a restart.</summary>
        public static StoreStatus ReadAfterRestart(IStorageMedium medium, int recordId, out byte[] payload)
        {
            var store = new SlottedRecordStore(medium, 8, MaxPayload);
            return Read(store, recordId, out payload);
        }

        public static StoreStatus Read(SlottedRecordStore store, int recordId, out byte[] payload)
        {
            byte[] buffer = new byte[MaxPayload];
            StoreStatus status = store.Read(recordId, buffer, 0, buffer.Length, out int length);
            payload = status == StoreStatus.Ok ? buffer[..length] : new byte[0];
            return status;
        }

        public static MemoryStorageMedium NewMedium()
        {
            return new MemoryStorageMedium(8, RecordSlotFormat.HeaderLength + MaxPayload);
        }
    }
}
