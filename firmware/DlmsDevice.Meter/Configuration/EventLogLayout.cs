namespace DlmsDevice.Meter
{
    /// <summary>
    /// How the meter keeps its events. Both layouts use 0.0.99.98.0.255 and 0.0.96.11.0.255, for
    /// different things, so a meter has one or the other (docs/tamper.md).
    /// </summary>
    public enum EventLogLayout : byte
    {
        /// <summary>
        /// One standard event log 0.0.99.98.0.255 (clock, event code 0.0.96.11.0.255) with the
        /// IDIS event numbers (docs/metering.md). The default.
        /// </summary>
        Standard = 0,

        /// <summary>
        /// The seven event logs of IS 15959 by category, 0.0.99.98.0.255 .. 0.0.99.98.6.255
        /// (voltage, current, power failure, transaction, other, non-rollover, control), each with
        /// its event code object 0.0.96.11.x.255 and the IS 15959 event numbers; the voltage,
        /// current and other logs also capture current, voltage, power factor and +A.
        /// </summary>
        Is15959 = 1,
    }
}
