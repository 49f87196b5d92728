namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Optional link between a <see cref="CosemValue"/> and the application that owns the
    /// quantity (the meter engine, the emulator's simulated inputs). Attach one with
    /// <see cref="CosemValue.Source"/> when the value should be fresh at the moment a client
    /// reads it, or when the application must hear about writes made over the protocol.
    /// </summary>
    /// <remarks>
    /// Non-generic and allocation-free: the holder passes itself, the source writes the current
    /// quantity into it with the <c>Set...</c> methods. One source may serve many values and
    /// tell them apart by reference. Both calls come on the thread that serves the request.
    /// </remarks>
    public interface IValueSource
    {
        /// <summary>
        /// Called just before <paramref name="value"/> is encoded for a GET (or copied by a
        /// method such as demand register next_period): store the current quantity into it.
        /// </summary>
        void Refresh(CosemValue value);

        /// <summary>
        /// Called after <paramref name="value"/> was changed by the protocol (a client SET, or a
        /// method such as register reset), so the application can take the new content over
        /// (e.g. restart an energy accumulator from it). Not called for the application's own
        /// <c>Set...</c> calls.
        /// </summary>
        void Written(CosemValue value);
    }
}
