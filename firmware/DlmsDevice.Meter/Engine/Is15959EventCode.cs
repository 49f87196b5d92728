namespace DlmsDevice.Meter
{
    /// <summary>
    /// Event numbers of IS 15959 (the Indian companion specification), logged in the
    /// <see cref="EventLogLayout.Is15959"/> layout, each in the log of its category
    /// (<see cref="EventCategory"/>). Single-phase meter: the R-phase numbers stand for L1.
    /// </summary>
    /// <remarks>
    /// The BIS text was not available to this project. The numbers are taken from public
    /// implementations that agree with each other: Renesas' IS 15959 DLMS sample
    /// (r_dlms_data_meter.h: 7..10, 69/70, 101/102, 151..155, 201..208, 251) and head-end event
    /// tables (1..12, 51..68, 101/102, 151..166, 201..206, 251, 301/302). docs/tamper.md lists
    /// them with their sources.
    /// </remarks>
    public static class Is15959EventCode
    {
        /// <summary>R-phase voltage missing (PT link missing: current flows, the potential is gone) - occurrence. Voltage log.</summary>
        public const ushort VoltageMissingOccurrence = 1;

        /// <summary>R-phase voltage missing - restoration. Voltage log.</summary>
        public const ushort VoltageMissingRestoration = 2;

        /// <summary>Over voltage - occurrence. Voltage log.</summary>
        public const ushort OverVoltageOccurrence = 7;

        /// <summary>Over voltage - restoration. Voltage log.</summary>
        public const ushort OverVoltageRestoration = 8;

        /// <summary>Low voltage - occurrence. Voltage log.</summary>
        public const ushort LowVoltageOccurrence = 9;

        /// <summary>Low voltage - restoration. Voltage log.</summary>
        public const ushort LowVoltageRestoration = 10;

        /// <summary>R-phase current reverse - occurrence. Current log.</summary>
        public const ushort CurrentReverseOccurrence = 51;

        /// <summary>R-phase current reverse - restoration. Current log.</summary>
        public const ushort CurrentReverseRestoration = 52;

        /// <summary>Earth loading (phase and neutral currents differ) - occurrence. Current log.</summary>
        public const ushort EarthLoadingOccurrence = 69;

        /// <summary>Earth loading - restoration. Current log.</summary>
        public const ushort EarthLoadingRestoration = 70;

        /// <summary>Power failure - occurrence. Power failure log.</summary>
        public const ushort PowerFailureOccurrence = 101;

        /// <summary>Power failure - restoration. Power failure log.</summary>
        public const ushort PowerFailureRestoration = 102;

        /// <summary>Real time clock - date and time set. Transaction log.</summary>
        public const ushort RealTimeClockSet = 151;

        /// <summary>MD reset. Transaction log.</summary>
        public const ushort MaximumDemandReset = 166;

        /// <summary>Influence of a permanent magnet or AC/DC electromagnet - occurrence. Other log.</summary>
        public const ushort MagnetOccurrence = 201;

        /// <summary>Influence of a permanent magnet or AC/DC electromagnet - restoration. Other log.</summary>
        public const ushort MagnetRestoration = 202;

        /// <summary>Meter cover opening - occurrence (there is no restoration). Non-rollover log.</summary>
        public const ushort CoverOpening = 251;

        /// <summary>Load switch disconnected. Control log.</summary>
        public const ushort LoadDisconnected = 301;

        /// <summary>Load switch connected. Control log.</summary>
        public const ushort LoadConnected = 302;
    }
}
