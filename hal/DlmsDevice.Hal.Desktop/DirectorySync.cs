using System;
using System.Runtime.InteropServices;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>
    /// Flushes a directory's entries to the device (POSIX <c>open</c> + <c>fsync</c> on the
    /// directory), so a completed rename survives a power loss. .NET has no API for it. On
    /// Windows, or when libc cannot be called, it does nothing: the rename is still atomic, only
    /// its durability at the moment of a crash is up to the file system.
    /// </summary>
    internal static class DirectorySync
    {
        private const int ReadOnly = 0; // O_RDONLY on Linux and macOS

        private static bool s_unavailable = OperatingSystem.IsWindows();

        /// <summary>Best-effort fsync of <paramref name="directory"/>.</summary>
        public static void Flush(string directory)
        {
            if (s_unavailable)
            {
                return;
            }

            try
            {
                int fd = open(directory, ReadOnly);
                if (fd < 0)
                {
                    return;
                }

                fsync(fd);
                close(fd);
            }
            catch (DllNotFoundException)
            {
                s_unavailable = true;
            }
            catch (EntryPointNotFoundException)
            {
                s_unavailable = true;
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int fd);
    }
}
