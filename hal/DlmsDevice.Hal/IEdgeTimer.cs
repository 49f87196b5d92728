namespace DlmsDevice.Hal
{
    /// <summary>
    /// The rising edges of a square wave counted with the time of the last one on a microsecond
    /// clock: a frequency input, such as the output of a mains zero-crossing detector (an
    /// optocoupler or comparator on the supply), whose period the meter measures.
    /// </summary>
    /// <remarks>
    /// Like <see cref="IPulseCounter"/>, but timed to the microsecond: the mains period is 20 ms,
    /// so a millisecond time base would limit a one-second measurement to 0.1 %. The count never
    /// decreases while the platform runs (a restart from 0 is allowed). Platforms: a timer
    /// capture or the ESP32 PCNT with a microsecond time stamp; simulated on desktop. Reading
    /// allocates nothing.
    /// </remarks>
    public interface IEdgeTimer
    {
        /// <summary>Reads the count of rising edges and the time of the last one together (a consistent pair).</summary>
        /// <param name="lastEdgeMicroseconds">Time of the last counted edge on a monotonic microsecond clock; -1 when none was counted yet.</param>
        /// <returns>Rising edges counted since the input started.</returns>
        long Read(out long lastEdgeMicroseconds);
    }
}
