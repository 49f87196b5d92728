namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Where the Clock object (IC 8) gets UTC from and where clock adjustments go: the system
    /// clock with an offset (<see cref="SystemClockSource"/>), an RTC on a device, or a
    /// simulated clock in tests and the emulator.
    /// </summary>
    /// <remarks>
    /// Time is exchanged as .NET ticks (100 ns since 0001-01-01 00:00 UTC, the value of
    /// <c>DateTime.Ticks</c> on desktop .NET and on nanoFramework), so no calendar type crosses
    /// the seam and nothing allocates.
    /// </remarks>
    public interface IClockSource
    {
        /// <summary>Current UTC time in ticks.</summary>
        long GetUtcTicks();

        /// <summary>Sets the current UTC time (a client wrote the clock or shifted it).</summary>
        void SetUtcTicks(long utcTicks);
    }
}
