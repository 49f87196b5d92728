namespace DlmsDevice.Hal
{
    /// <summary>
    /// A digital output: the supply disconnect relay, an alarm LED, a load-control contact.
    /// </summary>
    /// <remarks>
    /// Levels are logical: for the disconnect relay true means connected (supply to the
    /// customer on). The binding maps that to the coil or latching pulses of the real relay.
    /// </remarks>
    public interface IDigitalOutput
    {
        /// <summary>The pin or channel number.</summary>
        int Pin { get; }

        /// <summary>The level last written (for a latching relay: the state it was driven to).</summary>
        bool Read();

        /// <summary>Drives the output to <paramref name="level"/>.</summary>
        void Write(bool level);
    }
}
