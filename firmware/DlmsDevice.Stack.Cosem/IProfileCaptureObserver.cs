namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Told around every capture of a <see cref="ProfileGeneric"/> (method 2, a script, the
    /// meter), e.g. the billing profile, whose capture closes a billing period: the meter counts
    /// the period and saves its registers first, and may refuse a capture it already made.
    /// </summary>
    public interface IProfileCaptureObserver
    {
        /// <summary>Before the row is taken; false = no row (the capture still answers success).</summary>
        bool BeforeCapture(ProfileGeneric profile);

        /// <summary>After the row was taken (and, in a store-backed ring, written).</summary>
        void AfterCapture(ProfileGeneric profile);
    }
}
