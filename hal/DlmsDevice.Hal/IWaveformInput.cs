namespace DlmsDevice.Hal
{
    /// <summary>
    /// A sampled waveform: the raw ADC samples of an input (the voltage divider of the supply) at
    /// a fixed rate, for the measurements that need the wave itself rather than its RMS value,
    /// such as the grid frequency from the zero crossings.
    /// </summary>
    /// <remarks>
    /// The platform samples on its own (an I2S/DMA ADC on the ESP32, a metering front end's
    /// waveform buffer, a fast SPI ADC on Linux) into a ring; the meter drains it at every tick.
    /// Samples come oldest first and are contiguous from one call to the next, so the time of a
    /// sample is its index divided by <see cref="SampleRateHz"/>. When the ring overflowed
    /// before it was drained, <see cref="Read"/> says so once (-1) and the next samples start a
    /// new run. Reading allocates nothing.
    /// </remarks>
    public interface IWaveformInput
    {
        /// <summary>Samples per second (fixed for the life of the input).</summary>
        int SampleRateHz { get; }

        /// <summary>
        /// Copies the samples taken since the previous call, oldest first, at most
        /// <paramref name="count"/> of them (the rest wait for the next call).
        /// </summary>
        /// <returns>The number copied (0 when none are waiting), or -1 when samples were lost
        /// since the previous call: nothing is copied and the next call starts a new run.</returns>
        int Read(int[] buffer, int offset, int count);
    }
}
