using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// An <see cref="IStorageMedium"/> on the desktop or a Linux board: one file per slot in a
    /// state directory (<c>record-00007-a.slot</c>, <c>record-00007-b.slot</c>). Each slot write
    /// goes to a temporary file, is flushed to the device (<c>fsync</c>), then renamed over the
    /// slot file (atomic on POSIX and NTFS), and the directory is flushed so the rename survives
    /// a power loss (POSIX only; Windows offers no directory flush).
    /// </summary>
    /// <remarks>
    /// With the rename, a slot file always holds a complete image; the A/B slots and CRCs of
    /// <see cref="SlottedRecordStore"/> above still guard against file systems that do not keep
    /// that promise (and against decay). A temporary file left by an interrupted write is never
    /// read, and is deleted when the medium is opened. Not zero-allocation (file handles): the
    /// store writes rarely (period ends, power-fail), and reads when a client reads profile rows
    /// that live in the store (a chunk per read); a device's flash medium allocates nothing.
    /// </remarks>
    public sealed class FileStorageMedium : IStorageMedium
    {
        /// <summary>Suffix of the temporary file written before the rename.</summary>
        public const string TempSuffix = ".tmp";

        private const string SlotSuffix = ".slot";

        private readonly Dictionary<int, string> _paths = new Dictionary<int, string>();
        // Slot key (record * 2 + slot) -> the slot's bytes as on disk (length = file length).
        private readonly Dictionary<int, byte[]> _copies = new Dictionary<int, byte[]>();
        private readonly object _sync = new object();
        private readonly bool _flushToDevice;
        private int _interruptAfter = -1;

        /// <summary>Opens (creating it if needed) the state directory <paramref name="directory"/>; every write is flushed to the device.</summary>
        public FileStorageMedium(string directory)
            : this(directory, true)
        {
        }

        /// <summary>
        /// Opens (creating it if needed) the state directory <paramref name="directory"/>.
        /// </summary>
        /// <param name="directory">The state directory.</param>
        /// <param name="flushToDevice">
        /// True: each write is flushed to the device (<c>fsync</c> of the file and the directory)
        /// before it counts, so it survives a power loss of the machine. False: the write counts
        /// once the kernel has it (temporary file renamed over the slot), which survives the
        /// process being killed but not the machine losing power; an emulated fleet of thousands
        /// of meters uses this, because one flush costs milliseconds (docs/fleet.md).
        /// </param>
        public FileStorageMedium(string directory, bool flushToDevice)
        {
            _flushToDevice = flushToDevice;
            ArgumentException.ThrowIfNullOrEmpty(directory);
            Directory = Path.GetFullPath(directory);
            System.IO.Directory.CreateDirectory(Directory);
            foreach (string leftover in System.IO.Directory.GetFiles(Directory, "record-*" + SlotSuffix + TempSuffix))
            {
                File.Delete(leftover);
            }
        }

        /// <summary>The state directory (full path).</summary>
        public string Directory { get; }

        /// <summary>
        /// Test hook: the next write writes only its first <paramref name="bytesWritten"/> bytes to
        /// the temporary file, flushes it, and stops before the rename, as a process killed at
        /// that point would (the write returns false).
        /// </summary>
        public void InterruptNextWrite(int bytesWritten)
        {
            if (bytesWritten < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bytesWritten));
            }

            lock (_sync)
            {
                _interruptAfter = bytesWritten;
            }
        }

        /// <summary>The file holding slot <paramref name="slot"/> (0 = A, 1 = B) of record <paramref name="recordId"/>.</summary>
        public string GetSlotPath(int recordId, int slot)
        {
            if (recordId < 0 || recordId > RecordSlotFormat.MaxRecordId)
            {
                throw new ArgumentOutOfRangeException(nameof(recordId));
            }

            if (slot != RecordSlotFormat.SlotA && slot != RecordSlotFormat.SlotB)
            {
                throw new ArgumentOutOfRangeException(nameof(slot));
            }

            lock (_sync)
            {
                int key = recordId * 2 + slot;
                if (!_paths.TryGetValue(key, out string? path))
                {
                    string name = "record-" + recordId.ToString("D5", CultureInfo.InvariantCulture)
                        + (slot == RecordSlotFormat.SlotA ? "-a" : "-b") + SlotSuffix;
                    path = Path.Combine(Directory, name);
                    _paths.Add(key, path);
                }

                return path;
            }
        }

        /// <inheritdoc />
        public int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count)
        {
            if (recordId < 0 || recordId > RecordSlotFormat.MaxRecordId || (slot != 0 && slot != 1) || slotOffset < 0)
            {
                return -1;
            }

            byte[]? copy = Copy(recordId, slot);
            if (copy == null)
            {
                return -1;
            }
            if (slotOffset >= copy.Length)
            {
                return 0;
            }
            int n = Math.Min(count, copy.Length - slotOffset);
            Array.Copy(copy, slotOffset, buffer, offset, n);
            return n;
        }

        // The slot's bytes: from memory, or read from its file once. Null when the file cannot be read.
        private byte[]? Copy(int recordId, int slot)
        {
            int key = recordId * 2 + slot;
            lock (_sync)
            {
                if (_copies.TryGetValue(key, out byte[]? known))
                {
                    return known;
                }
            }
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(GetSlotPath(recordId, slot));
            }
            catch (FileNotFoundException)
            {
                bytes = Array.Empty<byte>();
            }
            catch (DirectoryNotFoundException)
            {
                bytes = Array.Empty<byte>();
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            lock (_sync)
            {
                _copies[key] = bytes;
            }
            return bytes;
        }

        /// <inheritdoc />
        public bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count)
        {
            if (recordId < 0 || recordId > RecordSlotFormat.MaxRecordId || (slot != 0 && slot != 1))
            {
                return false;
            }

            string path = GetSlotPath(recordId, slot);
            string temp = path + TempSuffix;
            int interruptAfter;
            lock (_sync)
            {
                interruptAfter = _interruptAfter;
                _interruptAfter = -1;
            }

            try
            {
                int n = interruptAfter >= 0 && interruptAfter < count ? interruptAfter : count;
                using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
                {
                    stream.Write(buffer, offset, n);

                    // Flush(true) = fsync: the bytes are on the device before the rename.
                    stream.Flush(_flushToDevice);
                }

                if (interruptAfter >= 0)
                {
                    return false; // the slot file is unchanged (the temporary file was never renamed)
                }

                File.Move(temp, path, true);
                if (_flushToDevice)
                {
                    DirectorySync.Flush(Directory);
                }
                byte[] copy = new byte[count];
                Array.Copy(buffer, offset, copy, 0, count);
                lock (_sync)
                {
                    _copies[recordId * 2 + slot] = copy;
                }
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
