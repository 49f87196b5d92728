namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// An object whose configuration must survive a power loss (a script table's scripts, a
    /// schedule's execution times, a calendar, thresholds): the meter saves its compact state
    /// (<see cref="Save"/>) in a record of its store whenever <see cref="ConfigurationVersion"/>
    /// moves, and gives it back at start-up (<see cref="Restore"/>). What the object computes
    /// while it runs (a limiter's state, the current tariff) is not configuration.
    /// </summary>
    public interface IPersistentObject
    {
        /// <summary>Changes whenever the saved state changes (a SET, a method, an activation).</summary>
        int ConfigurationVersion { get; }

        /// <summary>The most bytes <see cref="Save"/> writes (fixed at construction: it sizes the record).</summary>
        int PersistedLength { get; }

        /// <summary>Writes the state at <paramref name="offset"/>; returns the bytes written (at most <see cref="PersistedLength"/>).</summary>
        int Save(byte[] buffer, int offset);

        /// <summary>
        /// Takes back a state <see cref="Save"/> wrote. Checks it first: false, with the object
        /// unchanged, for bytes it cannot use (another layout, a capacity that changed).
        /// </summary>
        bool Restore(byte[] buffer, int offset, int length);
    }
}
