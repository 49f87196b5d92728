using DlmsDevice.Hal;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>16-bit hardware pulse counts (ESP32 PCNT) made into a count that never wraps, and the polled counter over it.</summary>
    public sealed class PulseCountExtenderTests
    {
        [Fact]
        public void Update_FirstReadingIsTheBaseline()
        {
            var e = new PulseCountExtender(16);

            Assert.Equal(0, e.Update(1234));
            Assert.Equal(6, e.Update(1240));
        }

        [Theory]
        [InlineData(65530, 4, 10)]      // 65530 -> 65535 -> 0 -> 4: ten pulses across the wrap
        [InlineData(65535, 0, 1)]
        [InlineData(0, 65535, 65535)]   // the most one reading can tell apart
        [InlineData(100, 100, 0)]
        public void Update_Wrap16Bits_CountedByDifferenceModulo65536(long first, long second, long expected)
        {
            var e = new PulseCountExtender(16);
            e.Update(first);

            Assert.Equal(expected, e.Update(second));
        }

        [Fact]
        public void Update_ManyWraps_TotalKeepsGrowing()
        {
            var e = new PulseCountExtender(16);
            long raw = 60000;
            e.Update(raw);
            for (int i = 0; i < 100; i++)
            {
                raw = (raw + 40000) & 0xFFFF; // 40,000 pulses between polls, wrapping most times
                e.Update(raw);
            }

            Assert.Equal(4_000_000, e.Total);
        }

        [Fact]
        public void Update_DriverThatAlreadyExtends_SameResult()
        {
            var e = new PulseCountExtender(16);
            e.Update(65530);

            Assert.Equal(10, e.Update(65540)); // a 64-bit count past 65535
        }

        [Fact]
        public void Restart_CounterBackToZero_TotalKept()
        {
            var e = new PulseCountExtender(16);
            e.Update(500);
            e.Update(700);

            e.Restart(0);                     // the driver restarted the PCNT
            Assert.Equal(200, e.Total);
            Assert.Equal(205, e.Update(5));   // not 65,341 (what 700 -> 5 would be as a wrap)
        }

        [Fact]
        public void Width_OutOfRange_Refused()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new PulseCountExtender(0));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new PulseCountExtender(63));
        }

        [Fact]
        public void PolledCounter_ReadsTheLastSample_EdgeTimeIsThePollThatSawItMove()
        {
            var c = new PolledPulseCounter(16);
            Assert.Equal(0, c.Read(out long edge));
            Assert.Equal(-1, edge);

            c.Sample(65534, 1000);  // baseline
            c.Sample(65534, 2000);  // nothing new
            Assert.Equal(0, c.Read(out edge));
            Assert.Equal(-1, edge);
            c.Sample(3, 3000);      // 5 pulses across the wrap
            c.Sample(3, 4000);

            Assert.Equal(5, c.Read(out edge));
            Assert.Equal(3000, edge);
            Assert.Equal(5, c.Count);
        }

        [Fact]
        public void PolledCounter_Restart_CountNeverGoesBack()
        {
            var c = new PolledPulseCounter(16);
            c.Sample(10, 0);
            c.Sample(30, 1000);

            c.Restart(0);
            c.Sample(7, 2000);

            Assert.Equal(27, c.Read(out long edge));
            Assert.Equal(2000, edge);
        }
    }
}
