using DlmsDevice.Hal;
using DlmsDevice.Tests.Meter;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>Oversampled ADC readings and their calibration to physical units.</summary>
    public sealed class AveragingAnalogInputTests
    {
        private sealed class SequenceInput : IAnalogInput
        {
            private readonly int[] _values;
            private int _next;

            public SequenceInput(params int[] values) => _values = values;

            public int Reads { get; private set; }

            public int ReadRaw()
            {
                Reads++;
                return _values[_next++ % _values.Length];
            }

            public double ReadValue() => ReadRaw();
        }

        [Theory]
        [InlineData(new[] { 2000, 2002, 2001, 2003 }, 2002)] // 8006 / 4 = 2001.5 -> 2002 (half away from zero)
        [InlineData(new[] { 2000, 2001, 2001, 2001 }, 2001)] // 2000.75
        [InlineData(new[] { -3, -4 }, -4)]                   // -3.5 -> -4
        [InlineData(new[] { 4095 }, 4095)]
        public void ReadRaw_MeanOfTheSamples_Rounded(int[] samples, int expected)
        {
            var source = new SequenceInput(samples);
            var input = new AveragingAnalogInput(source, samples.Length);

            Assert.Equal(expected, input.ReadRaw());
            Assert.Equal(samples.Length, source.Reads);
        }

        [Fact]
        public void Calibrated_TwoPointsFromAveragedReadings_VoltsFromCounts()
        {
            // A 12-bit ADC behind a divider: 0 V reads about 142 counts, 230 V about 3102.
            var source = new FakeAnalogInput { Raw = 142 };
            var calibrated = new CalibratedAnalogInput(new AveragingAnalogInput(source, 16), 1, 0);
            int zero = calibrated.ReadRaw();
            source.Raw = 3102;
            int full = calibrated.ReadRaw();

            Assert.True(calibrated.Calibrate(zero, 0.0, full, 230.0));
            source.Raw = 1622; // half way
            Assert.Equal(115.0, calibrated.ReadValue(), 9);
            Assert.Equal(3 * 16, source.Reads); // every reading is 16 conversions
        }

        [Fact]
        public void Samples_OutOfRange_Refused()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new AveragingAnalogInput(new FakeAnalogInput(), 0));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new AveragingAnalogInput(new FakeAnalogInput(), 1025));
        }
    }
}
