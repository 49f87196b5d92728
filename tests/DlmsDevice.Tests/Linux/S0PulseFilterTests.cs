using DlmsDevice.Hal.Linux;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>
    /// The S0 pulse filter on edge sequences written as "+t" (to active at t ms) and "-t" (to
    /// inactive at t ms): IEC 62053-31 pulses of at least 30 ms, contact bounce at either end,
    /// glitches, and the debounce boundary.
    /// </summary>
    public class S0PulseFilterTests
    {
        private static S0PulseFilter Run(string edges, int debounce = 5, int minimum = 30, bool initiallyActive = false)
        {
            S0PulseFilter filter = new S0PulseFilter(debounce, minimum, initiallyActive);
            foreach (string edge in edges.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))
            {
                filter.OnEdge(edge[0] == '+', long.Parse(edge.Substring(1), System.Globalization.CultureInfo.InvariantCulture));
            }
            return filter;
        }

        [Theory]
        // Clean 40 ms pulses, 60 ms apart.
        [InlineData("+0 -40 +100 -140 +200 -240", 3, 0)]
        // Exactly the minimum width counts; 1 ms less does not.
        [InlineData("+0 -30", 1, 0)]
        [InlineData("+0 -29", 0, 0)]
        // Bounce on the leading edge (gaps shorter than the debounce) does not shorten the pulse.
        [InlineData("+0 -1 +2 -3 +4 -31", 1, 0)]
        // Bounce on the trailing edge does not count the pulse again.
        [InlineData("+0 -40 +41 -42 +43 -44 +100 -140", 2, 0)]
        // Both ends bounce, three pulses.
        [InlineData("+0 -1 +2 -40 +41 -43 +100 -101 +102 -140 +141 -142 +200 -240", 3, 0)]
        // A 2 ms spike is a glitch: rejected (when the next pulse starts), not counted.
        [InlineData("+0 -2 +100 -140", 1, 1)]
        // A gap of the debounce time or more ends a pulse: two short halves, neither counted.
        [InlineData("+0 -20 +25 -45", 0, 2)]
        public void Edges_CountPulsesOfTheMinimumWidthOnce(string edges, long counted, long rejected)
        {
            S0PulseFilter filter = Run(edges);

            Assert.Equal(counted, filter.Count);
            if (rejected > 0)
            {
                // Rejections are known when the next pulse starts; close the last one.
                filter.OnEdge(true, 100_000);
            }
            Assert.Equal(rejected, filter.Rejected);
        }

        [Fact]
        public void LastPulseStart_IsTheFirstActiveEdgeOfTheLastCountedPulse()
        {
            S0PulseFilter filter = Run("+1000 -1001 +1002 -1040 +2000 -2001 +2003 -2045");

            Assert.Equal(2, filter.Count);
            Assert.Equal(2000, filter.LastPulseStart);
        }

        [Fact]
        public void NoPulse_LastPulseStartIsMinusOne()
        {
            Assert.Equal(-1, Run("").LastPulseStart);
        }

        [Fact]
        public void ActiveWhenCountingStarts_ThatPulseIsNotCounted()
        {
            S0PulseFilter filter = Run("-50 +100 -140", initiallyActive: true);

            Assert.Equal(1, filter.Count);
            Assert.Equal(100, filter.LastPulseStart);
        }

        [Fact]
        public void SameLevelTwice_SecondEdgeIgnored()
        {
            S0PulseFilter filter = Run("+0 +10 -40");

            Assert.Equal(1, filter.Count);
            Assert.Equal(0, filter.LastPulseStart);
        }

        [Fact]
        public void OnEdge_ReturnsTrueOnlyForTheEdgeThatCompletesAPulse()
        {
            S0PulseFilter filter = new S0PulseFilter(5, 30, false);

            Assert.False(filter.OnEdge(true, 0));
            Assert.False(filter.OnEdge(false, 10));
            Assert.False(filter.OnEdge(true, 12));
            Assert.True(filter.OnEdge(false, 35));
            Assert.False(filter.OnEdge(true, 36));
            Assert.False(filter.OnEdge(false, 37));
        }

        [Theory]
        [InlineData(-1, 30)]
        [InlineData(5, -1)]
        [InlineData(10001, 30)]
        public void Constructor_OutOfRange_Throws(int debounce, int minimum)
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new S0PulseFilter(debounce, minimum, false));
        }
    }
}
