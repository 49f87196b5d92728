namespace DlmsDevice.Hal
{
    /// <summary>
    /// The device's time: UTC for timestamps (profile rows, events, the COSEM Clock object) and a
    /// monotonic millisecond count for intervals (demand periods, time-outs) that does not jump
    /// when the UTC time is set.
    /// </summary>
    /// <remarks>
    /// Time is exchanged as .NET ticks (100 ns since 0001-01-01 00:00 UTC, <c>DateTime.Ticks</c>
    /// on desktop .NET and nanoFramework) so no calendar type crosses the seam and nothing
    /// allocates. The names match <c>DlmsDevice.Stack.Cosem.IClockSource</c>, so one class can
    /// implement both. Platforms: Rtc + SNTP on ESP32, the system clock on Linux/desktop, a
    /// simulated clock that runs faster than real time in tests and demos.
    /// </remarks>
    public interface ISystemClock
    {
        /// <summary>Current UTC time in ticks.</summary>
        long GetUtcTicks();

        /// <summary>
        /// Sets the current UTC time (clock synchronisation, a client writing the Clock object).
        /// The monotonic count is not affected.
        /// </summary>
        void SetUtcTicks(long utcTicks);

        /// <summary>
        /// Milliseconds since an arbitrary start (usually boot); never decreases, unaffected by
        /// <see cref="SetUtcTicks"/>.
        /// </summary>
        long GetMonotonicMilliseconds();
    }
}
