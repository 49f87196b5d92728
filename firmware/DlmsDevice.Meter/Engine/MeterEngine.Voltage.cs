namespace DlmsDevice.Meter
{
    /// <content>Voltage quality events: under, over and missing voltage, and back to normal.</content>
    public sealed partial class MeterEngine
    {
        private const int VoltageNormal = 0;
        private const int VoltageUnder = 1;
        private const int VoltageOver = 2;
        private const int VoltageMissing = 3;

        private int _voltageState;

        /// <summary>0 normal, 1 under, 2 over, 3 missing voltage (as last logged).</summary>
        public int VoltageQuality
        {
            get { return _voltageState; }
        }

        // Each published voltage (window mean) is classified against the thresholds; a change is
        // an event. Back to normal needs the voltage VoltageHysteresis inside the band, so a
        // voltage hovering on a threshold does not flood the log. While the power-fail input is
        // active the supply is going away: that is a power-down, not a voltage event.
        private void CheckVoltage(double volts, long utc)
        {
            if (_powerFail != null && _powerFail.Read())
            {
                return;
            }
            MeterConfiguration c = _config;
            int state;
            if (volts < c.MissingVoltage)
            {
                state = VoltageMissing;
            }
            else if (volts < c.UnderVoltage)
            {
                state = VoltageUnder;
            }
            else if (volts > c.OverVoltage)
            {
                state = VoltageOver;
            }
            else
            {
                state = VoltageNormal;
            }
            if (state == VoltageNormal && _voltageState != VoltageNormal
                && (volts < c.UnderVoltage + c.VoltageHysteresis || volts > c.OverVoltage - c.VoltageHysteresis))
            {
                state = _voltageState;
            }
            if (state == _voltageState)
            {
                return;
            }
            _voltageState = state;
            switch (state)
            {
                case VoltageMissing:
                    LogEvent(MeterEventCode.MissingVoltageL1, utc);
                    break;
                case VoltageUnder:
                    LogEvent(MeterEventCode.UnderVoltageL1, utc);
                    break;
                case VoltageOver:
                    LogEvent(MeterEventCode.OverVoltageL1, utc);
                    break;
                default:
                    LogEvent(MeterEventCode.VoltageNormalL1, utc);
                    break;
            }
        }
    }
}
