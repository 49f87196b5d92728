using System;
using System.Runtime.InteropServices;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// The Linux serial driver's RS-485 mode (TIOCSRS485, linux/serial.h): the UART itself
    /// raises RTS, wired to the transceiver's driver enable, while it sends and drops it after the
    /// last stop bit, exactly. Set on the device before System.IO.Ports opens it; the driver keeps
    /// the setting for the port.
    /// </summary>
    /// <remarks>
    /// UARTs whose driver has it: most SoC UARTs (e.g. the i.MX, OMAP/AM335x, the 8250 family, the
    /// Raspberry Pi's PL011 in recent kernels) and some USB adapters. A driver without it answers
    /// ENOTTY (a pty does too): use a GPIO driver-enable pin (<see cref="DriverEnableChannel"/>)
    /// or a transceiver with automatic direction control.
    /// </remarks>
    public static class KernelRs485
    {
        /// <summary>SER_RS485_ENABLED.</summary>
        public const uint Enabled = 1;

        /// <summary>SER_RS485_RTS_ON_SEND: RTS logical level 1 while sending.</summary>
        public const uint RtsOnSend = 1 << 1;

        /// <summary>SER_RS485_RTS_AFTER_SEND: RTS logical level 1 after sending.</summary>
        public const uint RtsAfterSend = 1 << 2;

        /// <summary>SER_RS485_RX_DURING_TX: keep receiving while sending (the echo is heard).</summary>
        public const uint ReceiveDuringTransmit = 1 << 4;

        /// <summary>
        /// Switches <paramref name="device"/> to RS-485 mode: RTS at logical 1 while sending when
        /// <paramref name="rtsHighOnSend"/> (else at logical 0), with the given delays around each
        /// frame (0..100 ms).
        /// </summary>
        /// <returns>Null on success; otherwise why not (missing, permission denied, not supported by this device ...).</returns>
        public static string? Enable(string device, bool rtsHighOnSend, int delayBeforeSendMilliseconds, int delayAfterSendMilliseconds)
        {
            ArgumentException.ThrowIfNullOrEmpty(device);
            ArgumentOutOfRangeException.ThrowIfNegative(delayBeforeSendMilliseconds);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(delayBeforeSendMilliseconds, 100);
            ArgumentOutOfRangeException.ThrowIfNegative(delayAfterSendMilliseconds);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(delayAfterSendMilliseconds, 100);
            LibC.SerialRs485 settings = default;
            settings.Flags = Enabled | (rtsHighOnSend ? RtsOnSend : RtsAfterSend);
            settings.DelayRtsBeforeSend = (uint)delayBeforeSendMilliseconds;
            settings.DelayRtsAfterSend = (uint)delayAfterSendMilliseconds;
            return Apply(device, ref settings);
        }

        /// <summary>Reads the RS-485 flags of <paramref name="device"/> (TIOCGRS485).</summary>
        /// <returns>Null on success; otherwise why not.</returns>
        public static string? Read(string device, out uint flags)
        {
            ArgumentException.ThrowIfNullOrEmpty(device);
            flags = 0;
            if (!OperatingSystem.IsLinux())
            {
                return "not supported on this operating system";
            }
            int fd = LibC.Open(device, LibC.OpenReadWrite | LibC.OpenNoControllingTerminal | LibC.OpenNonBlocking);
            if (fd < 0)
            {
                return DeviceAccess.Describe(Marshal.GetLastPInvokeError());
            }
            try
            {
                LibC.SerialRs485 settings = default;
                if (LibC.Ioctl(fd, LibC.TiocGetRs485, ref settings) != 0)
                {
                    return DeviceAccess.Describe(Marshal.GetLastPInvokeError());
                }
                flags = settings.Flags;
                return null;
            }
            finally
            {
                LibC.Close(fd);
            }
        }

        private static string? Apply(string device, ref LibC.SerialRs485 settings)
        {
            if (!OperatingSystem.IsLinux())
            {
                return "not supported on this operating system";
            }
            // O_NONBLOCK: opening a tty must not wait for carrier detect.
            int fd = LibC.Open(device, LibC.OpenReadWrite | LibC.OpenNoControllingTerminal | LibC.OpenNonBlocking);
            if (fd < 0)
            {
                return DeviceAccess.Describe(Marshal.GetLastPInvokeError());
            }
            try
            {
                if (LibC.Ioctl(fd, LibC.TiocSetRs485, ref settings) != 0)
                {
                    return DeviceAccess.Describe(Marshal.GetLastPInvokeError());
                }
                return null;
            }
            finally
            {
                LibC.Close(fd);
            }
        }
    }
}
