using System;
using System.Globalization;
using System.IO;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// Keeps a state directory to one process: an operating-system lock on
    /// <see cref="LockFileName"/> in the directory (flock on Linux and macOS, a share lock on
    /// Windows), held from <see cref="Acquire"/> until <see cref="Dispose"/> or the end of the
    /// process. The kernel drops it with the process, however it ends (SIGKILL, a crash), so a
    /// lock is never left behind; <see cref="ProcessIdFileName"/> beside it names the holder for
    /// the message a second process gets.
    /// </summary>
    /// <remarks>
    /// Two meters writing the same records would each trust its own idea of the newest slot and
    /// overwrite the other's: a value read from one could go backwards on the other. The lock is
    /// taken before anything in the directory is read or written. Advisory: it binds programs
    /// that take it (the emulator, the hosts built on this HAL), not a shell user.
    /// </remarks>
    public sealed class StateDirectoryLock : IDisposable
    {
        /// <summary>The file the lock is held on (empty; never deleted, so every process locks the same inode).</summary>
        public const string LockFileName = "dlmsdevice.lock";

        /// <summary>The holder's process id, one line, written once the lock is held (only informative: the lock is the truth).</summary>
        public const string ProcessIdFileName = "dlmsdevice.pid";

        private FileStream? _stream;

        private StateDirectoryLock(string directory, FileStream stream)
        {
            Directory = directory;
            _stream = stream;
        }

        /// <summary>The locked directory (full path).</summary>
        public string Directory { get; }

        /// <summary>
        /// Creates <paramref name="directory"/> if needed and locks it for this process.
        /// </summary>
        /// <exception cref="StateDirectoryInUseException">Another process (or another lock in this one) holds it.</exception>
        /// <exception cref="IOException">The directory or the lock file cannot be created.</exception>
        /// <exception cref="UnauthorizedAccessException">No permission to create or open the lock file.</exception>
        public static StateDirectoryLock Acquire(string directory)
        {
            ArgumentException.ThrowIfNullOrEmpty(directory);
            string full = Path.GetFullPath(directory);
            System.IO.Directory.CreateDirectory(full);
            string path = Path.Combine(full, LockFileName);
            FileStream stream;
            try
            {
                // FileShare.None: an exclusive flock (LOCK_EX | LOCK_NB) on Unix, a share lock on Windows.
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (IsSharingViolation(ex, path))
            {
                throw new StateDirectoryInUseException(full, ReadHolder(full));
            }
            try
            {
                File.WriteAllText(Path.Combine(full, ProcessIdFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The name of the holder is a courtesy; the lock holds without it.
            }
            return new StateDirectoryLock(full, stream);
        }

        /// <summary>The process id written by the holder of <paramref name="directory"/>'s lock; null when unknown.</summary>
        public static int? ReadHolder(string directory)
        {
            try
            {
                string text = File.ReadAllText(Path.Combine(directory, ProcessIdFileName)).Trim();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        // A lock held elsewhere: .NET reports ERROR_SHARING_VIOLATION on Windows and the errno of
        // flock (EWOULDBLOCK) on Unix, as an IOException on a file that exists.
        private static bool IsSharingViolation(IOException ex, string path)
        {
            return !(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException) && !(ex is PathTooLongException) && File.Exists(path);
        }

        /// <summary>Releases the lock (the pid file stays: the next holder overwrites it). Safe to call twice.</summary>
        public void Dispose()
        {
            FileStream? stream = _stream;
            _stream = null;
            stream?.Dispose();
        }
    }
}
