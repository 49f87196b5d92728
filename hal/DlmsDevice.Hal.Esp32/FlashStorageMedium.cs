using System;
using System.IO;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// The meter's A/B record slots as files on the ESP32's internal flash drive (I:\, LittleFS
    /// under nanoFramework): <c>I:\r00007a.slot</c>, <c>I:\r00007b.slot</c>. LittleFS is
    /// copy-on-write and power-loss resilient; <see cref="SlottedRecordStore"/> above adds the
    /// sequence numbers and CRCs. Opening a file allocates on nanoCLR: the store writes at
    /// checkpoints (energy steps, period ends, power-fail), not per request.
    /// </summary>
    public sealed class FlashStorageMedium : IStorageMedium
    {
        private readonly string _drive;
        private readonly string[] _paths;

        /// <summary>A medium on <paramref name="drive"/> (e.g. "I:\\") for record ids 0..<paramref name="recordCount"/>-1.</summary>
        public FlashStorageMedium(string drive, int recordCount)
        {
            if (drive == null || recordCount < 1 || recordCount > 99999)
            {
                throw new ArgumentException();
            }
            _drive = drive;
            _paths = new string[recordCount * 2];
        }

        /// <inheritdoc />
        public int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count)
        {
            string path = PathOf(recordId, slot);
            if (path == null)
            {
                return -1;
            }
            try
            {
                if (!File.Exists(path))
                {
                    return 0;
                }
                FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read);
                try
                {
                    long length = file.Length;
                    if (slotOffset >= length)
                    {
                        return 0;
                    }
                    file.Seek(slotOffset, SeekOrigin.Begin);
                    int total = 0;
                    while (total < count)
                    {
                        int n = file.Read(buffer, offset + total, count - total);
                        if (n <= 0)
                        {
                            break;
                        }
                        total += n;
                    }
                    return total;
                }
                finally
                {
                    file.Dispose();
                }
            }
            catch (Exception)
            {
                // IOException from the file system: the store treats it as a medium failure.
                return -1;
            }
        }

        /// <inheritdoc />
        public bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count)
        {
            string path = PathOf(recordId, slot);
            if (path == null)
            {
                return false;
            }
            try
            {
                FileStream file = new FileStream(path, FileMode.Create, FileAccess.Write);
                try
                {
                    file.Write(buffer, offset, count);
                    file.Flush();
                }
                finally
                {
                    file.Dispose();
                }
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        // "I:\r00007a.slot", built once per slot.
        private string PathOf(int recordId, int slot)
        {
            int index = recordId * 2 + slot;
            if (recordId < 0 || slot < 0 || slot > 1 || index >= _paths.Length)
            {
                return null;
            }
            string path = _paths[index];
            if (path == null)
            {
                char[] digits = new char[5];
                int value = recordId;
                for (int i = 4; i >= 0; i--)
                {
                    digits[i] = (char)('0' + value % 10);
                    value /= 10;
                }
                path = _drive + "r" + new string(digits) + (slot == 0 ? "a" : "b") + ".slot";
                _paths[index] = path;
            }
            return path;
        }
    }
}
