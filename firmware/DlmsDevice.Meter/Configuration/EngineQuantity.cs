namespace DlmsDevice.Meter
{
    /// <summary>
    /// The objects the metering engine keeps and updates: what a meter definition binds an
    /// object to ("binding": "energy-import", ...). The engine creates each with the logical
    /// name <see cref="MeterObjectNames"/> gives it; the analog ones exist only when their
    /// channel does.
    /// </summary>
    public enum EngineQuantity : byte
    {
        /// <summary>Clock (IC 8): the meter clock.</summary>
        Clock = 0,

        /// <summary>Register (IC 3): active energy import +A, Wh, the last checkpoint.</summary>
        ActiveEnergyImport = 1,

        /// <summary>Register (IC 3): active energy export -A, Wh, the last checkpoint.</summary>
        ActiveEnergyExport = 2,

        /// <summary>Register (IC 3): active power import +P from the pulse rate, W.</summary>
        ActivePowerImport = 3,

        /// <summary>Register (IC 3): voltage L1, the voltage channel's scaler and unit.</summary>
        Voltage = 4,

        /// <summary>Register (IC 3): current L1, the current channel's scaler and unit.</summary>
        Current = 5,

        /// <summary>Register (IC 3): apparent power V x I, VA (both channels).</summary>
        ApparentPower = 6,

        /// <summary>Register (IC 3): power factor P / S, scaler -3 (both channels).</summary>
        PowerFactor = 7,

        /// <summary>Register (IC 3): voltage averaged over the last load profile period.</summary>
        AverageVoltage = 8,

        /// <summary>Register (IC 3): current averaged over the last load profile period.</summary>
        AverageCurrent = 9,

        /// <summary>Demand register (IC 5): block demand of active power import, W.</summary>
        DemandImport = 10,

        /// <summary>Extended register (IC 4): maximum demand of active power import, W, with its time; method 1 resets it.</summary>
        MaximumDemandImport = 11,

        /// <summary>Data (IC 1): the code of the last event logged.</summary>
        EventCode = 12,

        /// <summary>Disconnect control (IC 70), bound to the relay.</summary>
        DisconnectControl = 13,

        /// <summary>Profile generic (IC 7) captured at every load profile period.</summary>
        LoadProfile = 14,

        /// <summary>Profile generic (IC 7) captured at local midnight.</summary>
        DailyProfile = 15,

        /// <summary>Profile generic (IC 7) captured at every event.</summary>
        EventLog = 16,
    }
}
