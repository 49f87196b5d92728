namespace DlmsDevice.Client
{
    /// <summary>Authentication mechanism proposed in the AARQ (Green Book 9.2.2.2, mechanism-name last arc).</summary>
    public enum AuthenticationMechanism : byte
    {
        /// <summary>Lowest level security: no authentication (public client).</summary>
        None = 0,
        /// <summary>Low level security (LLS): a password in calling-authentication-value.</summary>
        Low = 1,
        /// <summary>
        /// HLS mechanism 5, HIGH_GMAC: the client proves itself with
        /// <c>SC(0x10) ‖ IC ‖ GMAC(EK, ST_c ‖ IC, 0x10 ‖ AK ‖ StoC)</c>, the server with the same over CtoS.
        /// </summary>
        HighGmac = 5,
        /// <summary>
        /// HLS mechanism 6, HIGH_SHA256: the client proves itself with
        /// <c>SHA-256(secret ‖ ST_c ‖ ST_s ‖ StoC ‖ CtoS)</c>, the server with
        /// <c>SHA-256(secret ‖ ST_s ‖ ST_c ‖ CtoS ‖ StoC)</c>.
        /// </summary>
        HighSha256 = 6,
    }
}
