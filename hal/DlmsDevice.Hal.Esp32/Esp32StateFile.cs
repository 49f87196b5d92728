using System;
using System.IO;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// The meter's state file on the ESP32's internal flash drive (I:\, LittleFS under
    /// nanoFramework), opened once at start-up and kept open: the record slots are regions of it
    /// (<see cref="RegionStorageMedium"/>), so reading a slot on the request path (profile rows)
    /// opens no file and allocates nothing. LittleFS is copy-on-write and power-loss resilient;
    /// the record store above adds sequence numbers and CRCs.
    /// </summary>
    public sealed class Esp32StateFile : IRandomAccessFile
    {
        private readonly FileStream _file;

        /// <summary>Opens (creating it if needed) <paramref name="path"/>, e.g. "I:\\dlmsdevice.state".</summary>
        public Esp32StateFile(string path)
        {
            _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        }

        /// <inheritdoc />
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            try
            {
                long length = _file.Length;
                if (position >= length)
                {
                    return 0;
                }
                _file.Seek(position, SeekOrigin.Begin);
                int total = 0;
                while (total < count)
                {
                    int n = _file.Read(buffer, offset + total, count - total);
                    if (n <= 0)
                    {
                        break;
                    }
                    total += n;
                }
                return total;
            }
            catch (Exception)
            {
                // An IOException from the file system: the store treats it as a medium failure.
                return -1;
            }
        }

        /// <inheritdoc />
        public bool Write(long position, byte[] buffer, int offset, int count)
        {
            try
            {
                if (position > _file.Length)
                {
                    _file.SetLength(position); // a region past the end: the gap reads as never written
                }
                _file.Seek(position, SeekOrigin.Begin);
                _file.Write(buffer, offset, count);
                _file.Flush();
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
