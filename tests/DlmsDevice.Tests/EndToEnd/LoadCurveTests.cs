using DlmsDevice.Emulator.Simulation;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>The simulated load behind the default meter's registers.</summary>
    public sealed class LoadCurveTests
    {
        [Theory]
        [InlineData(0.0)]
        [InlineData(123.4)]
        [InlineData(3600.0)]
        [InlineData(86400.0 * 365)]
        public void EnergyWattHours_Derivative_IsThePower(double t)
        {
            const double dt = 1e-3;

            double derivative = (LoadCurve.EnergyWattHours(t + dt) - LoadCurve.EnergyWattHours(t - dt)) / (2 * dt) * 3600;

            Assert.Equal(LoadCurve.PowerWatts(t), derivative, 1e-1);
        }

        [Fact]
        public void Curve_OverADay_PowerInRangeAndEnergyOnlyGrows()
        {
            double previous = LoadCurve.EnergyWattHours(0);
            for (int s = 1; s <= 86400; s++)
            {
                double energy = LoadCurve.EnergyWattHours(s);
                Assert.True(energy > previous, "energy fell at " + s + " s");
                previous = energy;
                Assert.InRange(LoadCurve.PowerWatts(s), LoadCurve.MinPower, LoadCurve.MaxPower);
                Assert.InRange(LoadCurve.VoltageVolts(s), 227.0, 233.0);
            }
            Assert.Equal(0.0, LoadCurve.EnergyWattHours(0));
        }
    }
}
