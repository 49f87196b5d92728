namespace DlmsDevice.Hal
{
    /// <summary>
    /// Random bytes for security: HLS challenges (StoC), initialisation vectors, key generation.
    /// </summary>
    /// <remarks>
    /// On a device the hardware random number generator (ESP32 RNG); on desktop the operating
    /// system's cryptographic generator; in tests a seeded, repeatable stream (never in
    /// production). Allocates nothing.
    /// </remarks>
    public interface IEntropySource
    {
        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/> with random bytes.</summary>
        void GetBytes(byte[] buffer, int offset, int count);
    }
}
