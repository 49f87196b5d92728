using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// The simulated grid frequency: nominal plus two slow swings (the grid's load-following
    /// wander), so a meter reads a plausible 49.91 .. 50.09 Hz by default, and the sampled
    /// voltage waveform a meter measures it from.
    /// </summary>
    public sealed class GridFrequencySettings
    {
        /// <summary>Nominal frequency in Hz (default 50).</summary>
        public double NominalHertz { get; set; } = 50;

        /// <summary>Amplitude of the slow swing (period <see cref="SlowPeriod"/>) in Hz (default 0.06).</summary>
        public double SlowSwingHertz { get; set; } = 0.06;

        /// <summary>Period of the slow swing (default 23 minutes).</summary>
        public TimeSpan SlowPeriod { get; set; } = TimeSpan.FromMinutes(23);

        /// <summary>Amplitude of the fast swing in Hz (default 0.03).</summary>
        public double FastSwingHertz { get; set; } = 0.03;

        /// <summary>Period of the fast swing (default 317 s).</summary>
        public TimeSpan FastPeriod { get; set; } = TimeSpan.FromSeconds(317);

        /// <summary>Waveform samples per second (default 1600: 32 a cycle at 50 Hz).</summary>
        public int SampleRateHz { get; set; } = 1600;

        /// <summary>Volts per ADC count of the waveform (default 0.18 V: 230 V RMS peaks at ±1807 counts).</summary>
        public double VoltsPerCount { get; set; } = 0.18;

        /// <summary>The ADC's bias: the count of 0 V (default 2048, mid-scale of 12 bits).</summary>
        public int OffsetCounts { get; set; } = 2048;

        /// <summary>Full-scale count of the waveform ADC (default 4095, 12 bits).</summary>
        public int MaxRaw { get; set; } = 4095;

        /// <summary>Standard deviation of the sample noise in counts (default 2).</summary>
        public double NoiseCounts { get; set; } = 2;

        /// <summary>
        /// Most samples kept waiting for the meter (default 2 s worth): at a high time scale the
        /// meter's tick covers more simulated time than that, and the older samples are dropped
        /// (reported as lost), so the waveform costs at most this much work per tick.
        /// </summary>
        public TimeSpan MaxBacklog { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>Throws when a setting is out of range.</summary>
        public void Validate()
        {
            if (!(NominalHertz > 0) || !(SlowSwingHertz >= 0) || !(FastSwingHertz >= 0) || SlowSwingHertz + FastSwingHertz >= NominalHertz)
            {
                throw new ArgumentOutOfRangeException(nameof(NominalHertz));
            }

            if (SlowPeriod <= TimeSpan.Zero || FastPeriod <= TimeSpan.Zero || MaxBacklog <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(SlowPeriod));
            }

            if (SampleRateHz < 4 * NominalHertz || !(VoltsPerCount > 0) || MaxRaw < 1 || OffsetCounts < 0 || OffsetCounts > MaxRaw || !(NoiseCounts >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(SampleRateHz));
            }
        }
    }
}
