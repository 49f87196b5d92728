namespace DlmsDevice.Client
{
    /// <summary>Authentication mechanism proposed in the AARQ (Green Book 9.2.2.2, mechanism-name last arc).</summary>
    public enum AuthenticationMechanism : byte
    {
        /// <summary>Lowest level security: no authentication (public client).</summary>
        None = 0,
        /// <summary>Low level security (LLS): a password in calling-authentication-value.</summary>
        Low = 1,
    }
}
