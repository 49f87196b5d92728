using DlmsDevice.Hal;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>Linear calibration of raw ADC counts: value = raw * gain + offset.</summary>
    public class CalibratedAnalogInputTests
    {
        private sealed class FixedRaw : IAnalogInput
        {
            public int Raw;

            public int ReadRaw() => Raw;

            public double ReadValue() => double.NaN; // must not be used by the wrapper
        }

        [Theory]
        [InlineData(0, 0.01, 0.0, 0.0)]
        [InlineData(23000, 0.01, 0.0, 230.0)]
        [InlineData(2048, 0.5, -1024.0, 0.0)]
        [InlineData(-100, 0.25, 10.0, -15.0)]
        public void ReadValue_GainAndOffset_AppliedToRaw(int raw, double gain, double offset, double expected)
        {
            var input = new CalibratedAnalogInput(new FixedRaw { Raw = raw }, gain, offset);

            Assert.Equal(raw, input.ReadRaw());
            Assert.Equal(expected, input.ReadValue(), 9);
        }

        [Fact]
        public void Calibrate_TwoReferencePoints_MapsBothExactly()
        {
            var source = new FixedRaw();
            var input = new CalibratedAnalogInput(source, 1, 0);

            Assert.True(input.Calibrate(512, 0.0, 33280, 230.0));

            source.Raw = 512;
            Assert.Equal(0.0, input.ReadValue(), 9);
            source.Raw = 33280;
            Assert.Equal(230.0, input.ReadValue(), 9);
            source.Raw = 16896;
            Assert.Equal(115.0, input.ReadValue(), 9);
        }

        [Fact]
        public void Calibrate_SameRawTwice_RefusedAndUnchanged()
        {
            var input = new CalibratedAnalogInput(new FixedRaw(), 0.5, 2);

            Assert.False(input.Calibrate(100, 1.0, 100, 2.0));

            Assert.Equal(0.5, input.Gain);
            Assert.Equal(2.0, input.Offset);
        }
    }
}
