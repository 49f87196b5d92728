using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Where the grid frequency 1.0.14.7.0.255 comes from: the zero crossings of the sampled
    /// voltage waveform (<see cref="Waveform"/>), or the period between the rising edges of a
    /// frequency input (<see cref="Edges"/>, a zero-crossing detector's output). The frequency is
    /// the mean over <see cref="AveragingCycles"/> whole cycles, computed in integers.
    /// </summary>
    public sealed class FrequencyChannel
    {
        /// <summary>The frequency from the zero crossings of <paramref name="waveform"/> (raw ADC samples, any DC offset).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="waveform"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The sample rate is not 200 .. 100 000 Hz.</exception>
        public FrequencyChannel(IWaveformInput waveform)
            : this()
        {
            if (waveform == null)
            {
                throw new ArgumentNullException();
            }
            if (waveform.SampleRateHz < 200 || waveform.SampleRateHz > 100000)
            {
                throw new ArgumentOutOfRangeException();
            }
            Waveform = waveform;
        }

        /// <summary>The frequency from the period between the rising edges of <paramref name="edges"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
        public FrequencyChannel(IEdgeTimer edges)
            : this()
        {
            if (edges == null)
            {
                throw new ArgumentNullException();
            }
            Edges = edges;
        }

        private FrequencyChannel()
        {
            NominalHertz = 50;
            AveragingCycles = 50;
        }

        /// <summary>The sampled waveform; null when the frequency comes from <see cref="Edges"/>.</summary>
        public IWaveformInput Waveform { get; private set; }

        /// <summary>The frequency input; null when the frequency comes from <see cref="Waveform"/>.</summary>
        public IEdgeTimer Edges { get; private set; }

        /// <summary>
        /// Nominal frequency, Hz (default 50). A cycle shorter or longer than nominal ± 20 % is
        /// not a mains cycle (noise without a wave, a missing voltage): the measurement restarts.
        /// </summary>
        public int NominalHertz { get; set; }

        /// <summary>Whole cycles per measurement (default 50: one value a second at 50 Hz).</summary>
        public int AveragingCycles { get; set; }

        /// <summary>
        /// Hysteresis of the zero-crossing detector in ADC counts around the wave's mean: the wave
        /// must go below -H before the next rising crossing counts, so noise near zero cannot
        /// count twice. 0 (default) = automatic, an eighth of the last cycle's peak.
        /// </summary>
        public int HysteresisCounts { get; set; }

        /// <summary>Throws when a setting is out of range (called by the engine).</summary>
        public void Validate()
        {
            if (NominalHertz < 10 || NominalHertz > 1000 || AveragingCycles < 1 || AveragingCycles > 10000 || HysteresisCounts < 0)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (Waveform != null && Waveform.SampleRateHz < 4 * NominalHertz)
            {
                throw new ArgumentOutOfRangeException();
            }
        }
    }
}
