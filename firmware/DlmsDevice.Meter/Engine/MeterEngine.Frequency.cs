namespace DlmsDevice.Meter
{
    /// <content>The grid frequency and its block average (<see cref="FrequencyMeasurement"/>), when configured.</content>
    public sealed partial class MeterEngine
    {
        private FrequencyMeasurement _frequency;

        /// <summary>Supply frequency 1.0.14.7.0.255: long-unsigned, scaler -2, Hz; 0 while no wave is seen. Null without <see cref="MeterConfiguration.Frequency"/>.</summary>
        public Stack.Cosem.Register Frequency
        {
            get { return _frequency == null ? null : _frequency.Frequency; }
        }

        /// <summary>
        /// Average supply frequency over the last load profile period 1.0.14.27.0.255 (the ABT
        /// block): long-unsigned, scaler -2, Hz. Null without <see cref="MeterConfiguration.Frequency"/>.
        /// </summary>
        public Stack.Cosem.Register AverageFrequency
        {
            get { return _frequency == null ? null : _frequency.AverageFrequency; }
        }

        /// <summary>The last measured frequency, mHz (0 when none is valid or none is configured).</summary>
        public long FrequencyMilliHertz
        {
            get { return _frequency == null ? 0 : _frequency.MilliHertz; }
        }

        private void CreateFrequencyObjects(MeterConfiguration configuration)
        {
            if (configuration.Frequency != null)
            {
                _frequency = new FrequencyMeasurement(configuration.Frequency, configuration.Names);
            }
        }

        private void StartFrequency(long mono)
        {
            if (_frequency != null)
            {
                _frequency.Start(mono);
            }
        }

        private void SampleFrequency(long mono)
        {
            if (_frequency != null)
            {
                _frequency.Sample(mono);
            }
        }

        // At the load profile boundary, with the other period averages.
        private void PublishFrequencyAverage()
        {
            if (_frequency != null)
            {
                _frequency.PublishAverage();
            }
        }
    }
}
