namespace DlmsDevice.Hal
{
    /// <summary>
    /// A counter of energy impulses (S0 output, LED of a reference meter, metering IC pulse pin):
    /// the number of edges seen since the counter started, and when the last one came.
    /// </summary>
    /// <remarks>
    /// The count never decreases and is never reset by the platform; the meter turns it into
    /// energy with its meter constant (impulses per kWh) and keeps its own persistent total, so a
    /// counter that restarts from 0 after a reboot is expected. Reading allocates nothing.
    /// Platforms: GpioPulseCounter (ESP32 PCNT) on nanoFramework, GPIO edge events on Linux,
    /// a simulated load curve on desktop.
    /// </remarks>
    public interface IPulseCounter
    {
        /// <summary>Edges counted since the counter started (monotonic, never negative).</summary>
        long Count { get; }

        /// <summary>
        /// Reads the count and the time of the last edge together (a consistent pair, even when
        /// edges arrive on another thread).
        /// </summary>
        /// <param name="lastEdgeMilliseconds">
        /// Time of the last counted edge on the <see cref="ISystemClock.GetMonotonicMilliseconds"/>
        /// time base; -1 when no edge has been counted yet.
        /// </param>
        /// <returns>The same value as <see cref="Count"/>.</returns>
        long Read(out long lastEdgeMilliseconds);
    }
}
