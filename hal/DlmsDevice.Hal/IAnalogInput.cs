namespace DlmsDevice.Hal
{
    /// <summary>
    /// One analog quantity: an ADC channel, or an RMS register of a metering IC. Gives the raw
    /// converter reading and the value in physical units (V, A, °C ...).
    /// </summary>
    /// <remarks>
    /// Each call is one reading: <see cref="ReadRaw"/> followed by <see cref="ReadValue"/> may
    /// see two different samples. Use <see cref="CalibratedAnalogInput"/> to map raw counts to
    /// a physical value with a gain and an offset from a calibration. Reading allocates nothing.
    /// </remarks>
    public interface IAnalogInput
    {
        /// <summary>Takes one reading and returns the raw converter value (counts).</summary>
        int ReadRaw();

        /// <summary>Takes one reading and returns it in physical units.</summary>
        double ReadValue();
    }
}
