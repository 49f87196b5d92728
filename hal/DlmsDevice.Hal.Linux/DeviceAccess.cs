using System;
using System.IO;
using System.Runtime.InteropServices;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// Why a device file (/dev/gpiochip0, /dev/i2c-1, /dev/spidev0.0, /dev/ttyAMA0) can or cannot
    /// be opened, in words a person can act on: missing (the interface is not enabled, or the
    /// name is wrong) or permission denied (the user is not in the group that owns it).
    /// </summary>
    public static class DeviceAccess
    {
        /// <summary>Null when <paramref name="path"/> exists and may be read and written; otherwise why not.</summary>
        public static string? Check(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            if (!OperatingSystem.IsLinux())
            {
                return File.Exists(path) ? null : "missing";
            }
            if (LibC.Access(path, LibC.ReadOk | LibC.WriteOk) == 0)
            {
                return null;
            }
            return Describe(Marshal.GetLastPInvokeError());
        }

        /// <summary>An errno value in words (missing, permission denied, ...).</summary>
        public static string Describe(int errno)
        {
            switch (errno)
            {
                case LibC.Enoent:
                    return "missing";
                case LibC.Eacces:
                case LibC.Eperm:
                    return "permission denied";
                case LibC.Ebusy:
                    return "busy (in use by another program)";
                case LibC.Enodev:
                case LibC.Enxio:
                    return "no such device behind the file";
                case LibC.Enotty:
                    return "not supported by this device (ENOTTY)";
                case LibC.Einval:
                    return "not supported by the driver (EINVAL)";
                default:
                    return "error " + errno + " (" + Marshal.GetPInvokeErrorMessage(errno) + ")";
            }
        }
    }
}
