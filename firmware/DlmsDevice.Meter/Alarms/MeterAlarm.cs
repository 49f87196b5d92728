namespace DlmsDevice.Meter
{
    /// <summary>
    /// Bits of the alarm register 0.0.97.98.0.255, its filter 0.0.97.98.10.255 and descriptor
    /// 0.0.97.98.20.255 (double-long-unsigned, bit 0 = least significant).
    /// </summary>
    /// <remarks>
    /// Bits 2, 10 and 13 have the meaning DSMR and OSGP give alarm register 1 (power up,
    /// non-volatile memory error, fraud attempt), so a head-end with that table reads them right.
    /// Bits 16..20 are this meter's tamper detections: DSMR uses 16..23 for M-Bus alarms, which
    /// a meter without M-Bus never raises, so the two do not clash on this meter, but a head-end
    /// that decodes DSMR's table must be told (docs/tamper.md). Bits 5..7 are the register
    /// monitors' threshold crossings: DSMR's and OSGP's table leave 5..7 unused (its "other
    /// alarms" group ends at bit 4), so no head-end decoding that table reads them as
    /// something else.
    /// </remarks>
    public static class MeterAlarm
    {
        /// <summary>Bit 2: power up (the meter started, or the supply came back).</summary>
        public const uint PowerUp = 1u << 2;

        /// <summary>Bit 5: over current, the current L1 monitor 0.0.16.0.0.255 crossed its threshold upwards (event 240).</summary>
        public const uint OverCurrent = 1u << 5;

        /// <summary>Bit 6: over power (demand), the active power import monitor 0.0.16.0.1.255 crossed its threshold upwards (event 242).</summary>
        public const uint OverPower = 1u << 6;

        /// <summary>Bit 7: over voltage (swell), the voltage L1 monitor 0.0.16.0.2.255 crossed its threshold upwards (event 244).</summary>
        public const uint OverVoltage = 1u << 7;

        /// <summary>Bit 10: non-volatile memory error (event 14).</summary>
        public const uint NonVolatileMemoryError = 1u << 10;

        /// <summary>Bit 13: fraud attempt, raised with every tamper occurrence below.</summary>
        public const uint FraudAttempt = 1u << 13;

        /// <summary>Bit 16: terminal cover removed.</summary>
        public const uint TerminalCoverRemoved = 1u << 16;

        /// <summary>Bit 17: strong DC field (magnet).</summary>
        public const uint StrongDcField = 1u << 17;

        /// <summary>Bit 18: reverse current flow.</summary>
        public const uint ReverseFlow = 1u << 18;

        /// <summary>Bit 19: phase/neutral current mismatch.</summary>
        public const uint CurrentMismatch = 1u << 19;

        /// <summary>Bit 20: current flowing with the voltage missing.</summary>
        public const uint CurrentWithoutVoltage = 1u << 20;
    }
}
