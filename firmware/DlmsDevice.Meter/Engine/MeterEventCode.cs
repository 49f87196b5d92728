namespace DlmsDevice.Meter
{
    /// <summary>
    /// Event codes written to the event code object 0.0.96.11.0.255 and the standard event log
    /// 0.0.99.98.0.255. The numbers follow the IDIS event lists (standard event log 1..45,
    /// disconnector control 59..64, power quality 76..85), so head-ends that know them decode
    /// ours; the theft detections without an IDIS number use 230..235. docs/metering.md and
    /// docs/tamper.md have the tables; <see cref="Is15959EventCode"/> the numbers of the IS 15959
    /// layout.
    /// </summary>
    public static partial class MeterEventCode
    {
        /// <summary>Power down (supply failed, or the meter restarted without a clean shutdown; stamped with the last checkpoint's time).</summary>
        public const byte PowerDown = 1;

        /// <summary>Power up.</summary>
        public const byte PowerUp = 2;

        /// <summary>Clock adjusted, stamped with the old date/time.</summary>
        public const byte ClockAdjustedOldTime = 4;

        /// <summary>Clock adjusted, stamped with the new date/time.</summary>
        public const byte ClockAdjustedNewTime = 5;

        /// <summary>Non-volatile memory error: a checkpoint or profile record could not be written, or was found corrupt at start-up.</summary>
        public const byte NonVolatileMemoryError = 14;

        /// <summary>Terminal cover removed (tamper input active).</summary>
        public const byte TerminalCoverRemoved = 40;

        /// <summary>Terminal cover closed.</summary>
        public const byte TerminalCoverClosed = 41;

        /// <summary>Strong DC field detected (magnetic tamper input active).</summary>
        public const byte StrongDcFieldDetected = 42;

        /// <summary>No strong DC field anymore.</summary>
        public const byte NoStrongDcFieldAnymore = 43;

        /// <summary>Disconnector ready for manual reconnection.</summary>
        public const byte ReadyForManualReconnection = 59;

        /// <summary>Manual disconnection.</summary>
        public const byte ManualDisconnection = 60;

        /// <summary>Manual connection.</summary>
        public const byte ManualConnection = 61;

        /// <summary>Remote disconnection.</summary>
        public const byte RemoteDisconnection = 62;

        /// <summary>Remote connection.</summary>
        public const byte RemoteConnection = 63;

        /// <summary>Local disconnection.</summary>
        public const byte LocalDisconnection = 64;

        /// <summary>Local reconnection (modes 5 and 6 only). Not in the IDIS lists this table follows; this project's number.</summary>
        public const byte LocalReconnection = 69;

        /// <summary>Under voltage L1.</summary>
        public const byte UnderVoltageL1 = 76;

        /// <summary>Over voltage L1.</summary>
        public const byte OverVoltageL1 = 79;

        /// <summary>Missing voltage L1.</summary>
        public const byte MissingVoltageL1 = 82;

        /// <summary>Voltage L1 normal again.</summary>
        public const byte VoltageNormalL1 = 85;

        // The theft detections the IDIS lists have no number for take numbers of the
        // manufacturer-specific range (230 and up; OSGP's IDIS event table lists 230..
        // as MANUFACTURER_SPECIFIC). The IS 15959 layout logs them with their IS numbers.

        /// <summary>Reverse current flow: energy flowing out of an import-only installation (this project's number).</summary>
        public const byte ReverseFlowOccurrence = 230;

        /// <summary>Reverse current flow ended (this project's number).</summary>
        public const byte ReverseFlowRestoration = 231;

        /// <summary>Phase/neutral current mismatch (earth loading, neutral bypass) (this project's number).</summary>
        public const byte CurrentMismatchOccurrence = 232;

        /// <summary>Phase/neutral current mismatch ended (this project's number).</summary>
        public const byte CurrentMismatchRestoration = 233;

        /// <summary>Current flowing with the voltage missing (a cut potential link) (this project's number).</summary>
        public const byte CurrentWithoutVoltageOccurrence = 234;

        /// <summary>Current without voltage ended (this project's number).</summary>
        public const byte CurrentWithoutVoltageRestoration = 235;
    }
}
