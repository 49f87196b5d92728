namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Which CHOICE of AARE result-source-diagnostic is sent. The value is the context tag
    /// number: <c>A3 05 A1 03 02 01 d</c> for the service user, <c>A3 05 A2 03 02 01 d</c> for
    /// the service provider.
    /// </summary>
    public enum DiagnosticSource : byte
    {
        /// <summary>acse-service-user [1]: the diagnostic is an <see cref="AcseServiceUserDiagnostic"/>.</summary>
        AcseServiceUser = 1,
        /// <summary>acse-service-provider [2]: the diagnostic is an <see cref="AcseServiceProviderDiagnostic"/>.</summary>
        AcseServiceProvider = 2,
    }
}
