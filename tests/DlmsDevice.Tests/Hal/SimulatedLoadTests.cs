using System;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>The daily load curve: shape, closed-form energy, noise, independence of stepping.</summary>
    public class SimulatedLoadTests
    {
        private static readonly long Midnight = new DateTime(2024, 6, 3, 0, 0, 0, DateTimeKind.Utc).Ticks;

        private static long At(double hours) => Midnight + (long)(hours * TimeSpan.TicksPerHour);

        private static SimulatedLoad Quiet()
        {
            var settings = new LoadCurveSettings { NoiseWatts = 0 };
            return new SimulatedLoad(settings, 1);
        }

        [Theory]
        [InlineData(0.0, 250.0)]             // base only
        [InlineData(7.5, 250.0 + 1200.0)]    // morning peak
        [InlineData(19.0, 250.0 + 2000.0)]   // evening peak
        [InlineData(8.5, 250.0 + 1200.0 * 0.5625)] // u = 0.5: (1 - 0.25)^2
        [InlineData(12.0, 250.0)]
        public void PowerAt_NoNoise_CurveShape(double hour, double watts)
        {
            Assert.Equal(watts, Quiet().PowerAt(At(hour)), 9);
        }

        [Fact]
        public void EnergyWh_OneDayNoNoise_ClosedForm()
        {
            // base 250 W x 24 h + sum of A * w * 16/15 (integral of the biweight bump)
            double expected = 250 * 24 + 1200 * 2.0 * 16 / 15 + 2000 * 3.0 * 16 / 15; // 14 960 Wh

            Assert.Equal(14960.0, expected, 9);
            Assert.Equal(expected, Quiet().EnergyWh(At(0), At(24)), 6);
        }

        [Fact]
        public void PeakAcrossMidnight_WrapsIntoNextDay()
        {
            var settings = new LoadCurveSettings { NoiseWatts = 0, BaseWatts = 0 };
            settings.Peaks.Clear();
            settings.Peaks.Add(new LoadPeak(23.0, 2.0, 1000));
            var load = new SimulatedLoad(settings, 1);

            Assert.Equal(1000 * 0.4375 * 0.4375, load.PowerAt(At(0.5)), 9); // u = 0.75
            Assert.Equal(1000 * 2.0 * 16 / 15, load.EnergyWh(At(0), At(24)), 6);
        }

        [Fact]
        public void EnergyWh_WithNoise_MatchesMidpointIntegralOfPower()
        {
            var load = new SimulatedLoad(new LoadCurveSettings(), 7);
            long step = TimeSpan.TicksPerSecond;
            double wattSeconds = 0;
            for (long t = At(0); t < At(24); t += step)
            {
                wattSeconds += load.PowerAt(t + step / 2);
            }

            Assert.Equal(wattSeconds / 3600, load.EnergyWh(At(0), At(24)), 3);
        }

        [Fact]
        public void EnergyWh_SplitIntoPieces_SameAsWhole()
        {
            var load = new SimulatedLoad(new LoadCurveSettings(), 3);
            double whole = load.EnergyWh(At(0), At(24));
            double pieces = 0;
            long t = At(0);
            long[] steps = { 1, 7 * TimeSpan.TicksPerSecond, 15 * TimeSpan.TicksPerMinute, 3 * TimeSpan.TicksPerHour + 17 };
            for (int i = 0; t < At(24); i++)
            {
                long next = Math.Min(t + steps[i % steps.Length], At(24));
                pieces += load.EnergyWh(t, next);
                t = next;
            }

            Assert.Equal(whole, pieces, 6);
        }

        [Fact]
        public void Noise_SameSeedSame_DifferentSeedDifferent_NeverNegative()
        {
            // 50 W noise never reaches the -250 W limit (it is bounded by ±3.47 sigma), so two seeds
            // differ everywhere; 400 W noise is clipped often and must still give power >= 0.
            var a = new SimulatedLoad(new LoadCurveSettings { NoiseWatts = 50 }, 11);
            var b = new SimulatedLoad(new LoadCurveSettings { NoiseWatts = 50 }, 11);
            var c = new SimulatedLoad(new LoadCurveSettings { NoiseWatts = 50 }, 12);
            var loud = new SimulatedLoad(new LoadCurveSettings { NoiseWatts = 400 }, 11);
            int differences = 0;
            for (int minute = 0; minute < 1440; minute++)
            {
                long t = At(minute / 60.0);
                Assert.Equal(a.PowerAt(t), b.PowerAt(t));
                Assert.True(loud.PowerAt(t) >= 0);
                if (a.PowerAt(t) != c.PowerAt(t))
                {
                    differences++;
                }
            }

            Assert.Equal(1440, differences);
        }

        [Fact]
        public void Settings_NoiseIntervalNotDividingDay_Throws()
        {
            var settings = new LoadCurveSettings { NoiseInterval = TimeSpan.FromSeconds(7) };

            Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedLoad(settings, 1));
        }
    }
}
