namespace DlmsDevice.Meter
{
    /// <content>
    /// The events of tariffs, the limiter and the register monitors (docs/billing-and-tariffs.md has the
    /// table with the sources of the numbers).
    /// </content>
    public static partial class MeterEventCode
    {
        /// <summary>Tariff activated: the passive activity calendar became the active one (DSMR / IDIS standard event 9).</summary>
        public const byte TariffActivated = 9;

        /// <summary>Passive tariff updated: a client wrote the passive calendar or its activation time (DSMR standard event 19).</summary>
        public const byte PassiveTariffUpdated = 19;

        /// <summary>Limiter threshold exceeded: the limiter ran its over-threshold action (IDIS disconnector control event 65).</summary>
        public const byte LimiterThresholdExceeded = 65;

        /// <summary>Limiter threshold ok: the limiter ran its under-threshold action (IDIS disconnector control event 66).</summary>
        public const byte LimiterThresholdOk = 66;

        /// <summary>Limiter threshold changed: threshold_normal or threshold_emergency was written, or the emergency profile changed the threshold in force (IDIS 67).</summary>
        public const byte LimiterThresholdChanged = 67;

        /// <summary>Current L1 above the register monitor's threshold (manufacturer-specific range of the IDIS lists; this project's number, after the theft detections' 230..235).</summary>
        public const byte OverCurrentL1 = 240;

        /// <summary>Current L1 back at or below the register monitor's threshold (this project's number).</summary>
        public const byte OverCurrentL1Ended = 241;

        /// <summary>Active power import above the register monitor's threshold (this project's number).</summary>
        public const byte OverPower = 242;

        /// <summary>Active power import back at or below the register monitor's threshold (this project's number).</summary>
        public const byte OverPowerEnded = 243;

        /// <summary>Voltage L1 above the swell threshold of the register monitor (this project's number).</summary>
        public const byte VoltageSwellL1 = 244;

        /// <summary>Voltage L1 back at or below the swell threshold (this project's number).</summary>
        public const byte VoltageSwellL1Ended = 245;
    }
}
