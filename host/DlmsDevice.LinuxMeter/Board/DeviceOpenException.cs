using System;

namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>A device of the board cannot be opened: which one, and why (missing, permission denied, does not answer ...).</summary>
    public sealed class DeviceOpenException : Exception
    {
        /// <summary>A failure to open <paramref name="device"/> because of <paramref name="reason"/>.</summary>
        public DeviceOpenException(string device, string reason)
            : base(device + ": " + reason)
        {
            Device = device;
            Reason = reason;
        }

        /// <summary>The device: a file (/dev/i2c-1) or a part on it ("ADS1115 0x48 on /dev/i2c-1").</summary>
        public string Device { get; }

        /// <summary>Why it cannot be opened.</summary>
        public string Reason { get; }
    }
}
