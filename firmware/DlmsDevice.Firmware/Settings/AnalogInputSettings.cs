namespace DlmsDevice.Firmware
{
    /// <summary>One ADC input: channel, oversampling, calibration (value = raw x Gain + Offset). Configuration time only.</summary>
    public sealed class AnalogInputSettings
    {
        /// <summary>Off: the quantity is not measured (its registers are absent).</summary>
        public bool Enabled { get; set; }

        /// <summary>The ADC channel (nanoFramework AdcController numbering: ESP32 ADC1 channel 0..7).</summary>
        public int Channel { get; set; }

        /// <summary>Conversions averaged per reading (1..1024).</summary>
        public int Samples { get; set; }

        /// <summary>Physical units (V, A) per count.</summary>
        public double Gain { get; set; }

        /// <summary>Physical value at 0 counts.</summary>
        public double Offset { get; set; }
    }
}
