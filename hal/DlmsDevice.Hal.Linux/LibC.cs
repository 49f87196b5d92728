using System.Runtime.InteropServices;

namespace DlmsDevice.Hal.Linux
{
    // The few libc calls the board needs that .NET does not offer: access(2) to say why a device
    // cannot be opened, and open/ioctl/close for the serial driver's RS-485 settings. Constants
    // are those of Linux on x86-64, ARM and ARM64 (asm-generic).
    internal static class LibC
    {
        internal const int ReadOk = 4;
        internal const int WriteOk = 2;
        internal const int OpenReadWrite = 2;
        internal const int OpenNoControllingTerminal = 0x100;
        internal const int OpenNonBlocking = 0x800;

        // asm-generic/ioctls.h
        internal const uint TiocGetRs485 = 0x542E;
        internal const uint TiocSetRs485 = 0x542F;

        internal const int Eperm = 1;
        internal const int Enoent = 2;
        internal const int Eacces = 13;
        internal const int Ebusy = 16;
        internal const int Enodev = 19;
        internal const int Einval = 22;
        internal const int Enotty = 25;
        internal const int Enxio = 6;

        [DllImport("libc", EntryPoint = "access", SetLastError = true)]
        internal static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        internal static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        internal static extern int Close(int fd);

        [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
        internal static extern int Ioctl(int fd, nuint request, ref SerialRs485 data);

        // struct serial_rs485 (linux/serial.h): 32 bytes.
        [StructLayout(LayoutKind.Sequential)]
        internal struct SerialRs485
        {
            internal uint Flags;
            internal uint DelayRtsBeforeSend;
            internal uint DelayRtsAfterSend;
            internal uint Padding0;
            internal uint Padding1;
            internal uint Padding2;
            internal uint Padding3;
            internal uint Padding4;
        }
    }
}
