namespace DlmsDevice.Hal
{
    /// <summary>
    /// A digital input with edge notification: terminal-cover or case-open switch (tamper),
    /// power-fail early warning, a tariff input.
    /// </summary>
    /// <remarks>
    /// Levels are logical: true means active (cover open, supply failing), whatever the
    /// electrical polarity; the platform binding inverts an active-low pin. <see cref="Edge"/>
    /// is raised on the platform's event thread (GPIO interrupt dispatcher, simulation step):
    /// handlers should record what happened and return.
    /// </remarks>
    public interface IDigitalInput
    {
        /// <summary>The pin or channel number (for handlers that serve several inputs).</summary>
        int Pin { get; }

        /// <summary>Reads the current level (true = active).</summary>
        bool Read();

        /// <summary>Raised on every change of level, with the new level and its time.</summary>
        event DigitalEdgeHandler Edge;
    }
}
