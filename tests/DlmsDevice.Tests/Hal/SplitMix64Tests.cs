using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>The simulation's own PRNG: reference outputs, random access, stream independence.</summary>
    public class SplitMix64Tests
    {
        [Fact]
        public void Next_SeedZero_ReferenceOutputs()
        {
            // Outputs of Vigna's splitmix64.c with x = 0.
            var random = new SplitMix64(0);

            Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
            Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
            Assert.Equal(0x06C45D188009454FUL, random.Next());
        }

        [Theory]
        [InlineData(0UL)]
        [InlineData(42UL)]
        [InlineData(0xFFFFFFFFFFFFFFFFUL)]
        public void At_RandomAccess_EqualsSequentialOutput(ulong seed)
        {
            var random = new SplitMix64(seed);
            for (int i = 0; i < 50; i++)
            {
                Assert.Equal(random.Next(), SplitMix64.At(seed, i));
            }
        }

        [Fact]
        public void DeriveStream_DifferentPurposesOrSeeds_DifferentStreams()
        {
            Assert.NotEqual(SplitMix64.DeriveStream(1, 1), SplitMix64.DeriveStream(1, 2));
            Assert.NotEqual(SplitMix64.DeriveStream(1, 1), SplitMix64.DeriveStream(2, 1));
            Assert.Equal(SplitMix64.DeriveStream(7, 3), SplitMix64.DeriveStream(7, 3));
        }

        [Fact]
        public void GaussianAt_ManySamples_MeanZeroUnitVarianceBounded()
        {
            double sum = 0;
            double squares = 0;
            const int n = 100000;
            for (int i = 0; i < n; i++)
            {
                double g = SplitMix64.GaussianAt(99, i);
                Assert.InRange(g, -3.4641016151377544, 3.4641016151377544);
                sum += g;
                squares += g * g;
            }

            double mean = sum / n;
            double variance = squares / n - mean * mean;
            Assert.InRange(mean, -0.02, 0.02);
            Assert.InRange(variance, 0.97, 1.03);
        }
    }
}
