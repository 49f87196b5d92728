namespace DlmsDevice.Hal
{
    /// <summary>
    /// Called when a digital input changes level (a cover-open switch, a power-fail signal).
    /// </summary>
    /// <param name="pin">The input's <see cref="IDigitalInput.Pin"/>, so one handler can serve several inputs.</param>
    /// <param name="level">The new level: true = high / active.</param>
    /// <param name="utcTicks">When the edge happened, as UTC .NET ticks (100 ns since 0001-01-01) of the system clock.</param>
    public delegate void DigitalEdgeHandler(int pin, bool level, long utcTicks);
}
