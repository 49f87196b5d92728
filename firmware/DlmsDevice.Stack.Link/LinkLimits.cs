namespace DlmsDevice.Stack
{
    /// <summary>Sizes a link layer guarantees to the <see cref="IApduHandler"/> above it.</summary>
    public static class LinkLimits
    {
        /// <summary>
        /// The least room a link gives a response: an ExceptionResponse (<c>D8</c>, state-error,
        /// service-error) always fits, whatever the configured APDU size.
        /// </summary>
        public const int MinimumResponseRoom = 3;
    }
}
