namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>
    /// A fact that needs socat (serial-line tests over a pty pair). Skipped, with the reason
    /// shown, when socat is not installed; .ci/run installs it.
    /// </summary>
    public sealed class SocatFactAttribute : FactAttribute
    {
        public SocatFactAttribute()
        {
            if (SocatPtyPair.FindSocat() == null)
            {
                Skip = "socat is not installed (apt-get install socat): the serial-line test needs a pty pair";
            }
        }
    }
}
