using System;
using nanoFramework.Runtime.Native;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// The ESP32's clock: UTC from the RTC (DateTime.UtcNow; set by SNTP when the network is
    /// up, or by a client writing the COSEM Clock through <see cref="SetUtcTicks"/>), monotonic
    /// milliseconds from the tick counter since boot (Environment.TickCount64), which neither
    /// moves. No battery: after a power loss the RTC starts from its reset value until SNTP or a
    /// client sets it.
    /// </summary>
    public sealed class Esp32Clock : ISystemClock
    {
        /// <inheritdoc />
        public long GetUtcTicks()
        {
            return DateTime.UtcNow.Ticks;
        }

        /// <inheritdoc />
        public void SetUtcTicks(long utcTicks)
        {
            Rtc.SetSystemTime(new DateTime(utcTicks));
        }

        /// <inheritdoc />
        public long GetMonotonicMilliseconds()
        {
            return Environment.TickCount64;
        }
    }
}
