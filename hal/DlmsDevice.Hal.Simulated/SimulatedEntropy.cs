using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// Repeatable "random" bytes from a seed (SplitMix64) for tests and demos, so HLS challenges
    /// and traces are the same on every run. Never use it where security matters.
    /// </summary>
    public sealed class SimulatedEntropy : IEntropySource
    {
        private readonly SplitMix64 _random;
        private readonly object _sync = new object();

        /// <summary>A stream derived from <paramref name="seed"/>.</summary>
        public SimulatedEntropy(ulong seed)
        {
            _random = new SplitMix64(SplitMix64.DeriveStream(seed, 4));
        }

        /// <inheritdoc />
        public void GetBytes(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (offset < 0 || count < 0 || count > buffer.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            lock (_sync)
            {
                int end = offset + count;
                int i = offset;
                while (i < end)
                {
                    ulong bits = _random.Next();
                    for (int k = 0; k < 8 && i < end; k++)
                    {
                        buffer[i++] = (byte)bits;
                        bits >>= 8;
                    }
                }
            }
        }
    }
}
