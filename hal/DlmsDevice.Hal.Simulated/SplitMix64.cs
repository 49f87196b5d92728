namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// The SplitMix64 generator (Steele, Lea, Flood 2014; Vigna's constants): a 64-bit counter
    /// passed through a mixing function. Our own code rather than <c>System.Random</c>, whose
    /// algorithm is not promised to stay the same across .NET versions, so a seed gives the same
    /// simulation everywhere.
    /// </summary>
    /// <remarks>
    /// Because output n is just <c>Mix(seed + (n + 1) * golden gamma)</c>, the static
    /// <see cref="At"/> gives random access: noise for time interval k is a pure function of
    /// (stream, k), independent of how the simulation was stepped to get there.
    /// </remarks>
    public sealed class SplitMix64
    {
        /// <summary>The increment (2^64 / golden ratio, odd).</summary>
        public const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

        private ulong _state;

        /// <summary>Starts a stream at <paramref name="seed"/>.</summary>
        public SplitMix64(ulong seed)
        {
            _state = seed;
        }

        /// <summary>Next 64 random bits.</summary>
        public ulong Next()
        {
            _state = unchecked(_state + GoldenGamma);
            return Mix(_state);
        }

        /// <summary>Next uniform double in [0, 1) (53 random bits).</summary>
        public double NextDouble()
        {
            return ToUnitDouble(Next());
        }

        /// <summary>Output number <paramref name="index"/> (0-based) of the stream seeded with <paramref name="seed"/>.</summary>
        public static ulong At(ulong seed, long index)
        {
            return Mix(unchecked(seed + ((ulong)index + 1UL) * GoldenGamma));
        }

        /// <summary>The SplitMix64 finaliser: a bijective avalanche of 64 bits.</summary>
        public static ulong Mix(ulong z)
        {
            unchecked
            {
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>
        /// An independent stream seed for one purpose (load noise, voltage noise, entropy ...)
        /// derived from the simulation seed, so adding a consumer never shifts another's values.
        /// </summary>
        public static ulong DeriveStream(ulong seed, ulong purpose)
        {
            return Mix(seed ^ Mix(unchecked(purpose * GoldenGamma)));
        }

        /// <summary>Maps 64 random bits to a uniform double in [0, 1).</summary>
        public static double ToUnitDouble(ulong bits)
        {
            return (bits >> 11) * (1.0 / 9007199254740992.0);
        }

        /// <summary>
        /// An approximately normal value with mean 0 and standard deviation 1 at position
        /// <paramref name="index"/> of stream <paramref name="seed"/>: the sum of four uniforms
        /// (Irwin-Hall), centred and scaled by sqrt(3). Bounded by ±2·sqrt(3) and built from
        /// + and * only, so it is bit-for-bit the same on every platform (no libm calls).
        /// </summary>
        public static double GaussianAt(ulong seed, long index)
        {
            long first = index * 4;
            double sum = ToUnitDouble(At(seed, first)) + ToUnitDouble(At(seed, first + 1))
                + ToUnitDouble(At(seed, first + 2)) + ToUnitDouble(At(seed, first + 3));
            return (sum - 2.0) * 1.7320508075688772;
        }
    }
}
