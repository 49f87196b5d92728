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

        /// <summary>Alarm register 1 (Data, 0.0.97.98.0.255): the alarm bits of the tamper and theft detections.</summary>
        AlarmRegister = 17,

        /// <summary>Alarm filter 1 (Data, 0.0.97.98.10.255): which alarm bits are reported.</summary>
        AlarmFilter = 18,

        /// <summary>Alarm descriptor 1 (Data, 0.0.97.98.20.255): the alarm bits that ever rose.</summary>
        AlarmDescriptor = 19,

        /// <summary>Cumulative tamper count (Data, 0.0.94.91.0.255).</summary>
        TamperCount = 20,

        /// <summary>Neutral current (Register, 1.0.91.7.0.255): needs a neutral current channel.</summary>
        NeutralCurrent = 21,

        /// <summary>Supply frequency (Register, 1.0.14.7.0.255): needs a frequency channel.</summary>
        Frequency = 22,

        /// <summary>Supply frequency, average over the last load profile period (Register, 1.0.14.27.0.255): needs a frequency channel.</summary>
        AverageFrequency = 23,

        /// <summary>IS 15959 current related event log (Profile generic, 0.0.99.98.1.255): only with the IS 15959 event logs.</summary>
        CurrentEventLog = 24,

        /// <summary>IS 15959 power failure event log (0.0.99.98.2.255).</summary>
        PowerFailureEventLog = 25,

        /// <summary>IS 15959 transaction event log (0.0.99.98.3.255).</summary>
        TransactionEventLog = 26,

        /// <summary>IS 15959 other event log (0.0.99.98.4.255).</summary>
        OtherEventLog = 27,

        /// <summary>IS 15959 non-rollover event log (0.0.99.98.5.255).</summary>
        NonRolloverEventLog = 28,

        /// <summary>IS 15959 control event log (0.0.99.98.6.255).</summary>
        ControlEventLog = 29,

        /// <summary>Event code of the IS 15959 current related events (Data, 0.0.96.11.1.255).</summary>
        CurrentEventCode = 30,

        /// <summary>Event code of the power failure events (0.0.96.11.2.255).</summary>
        PowerFailureEventCode = 31,

        /// <summary>Event code of the transaction events (0.0.96.11.3.255).</summary>
        TransactionEventCode = 32,

        /// <summary>Event code of the other events (0.0.96.11.4.255).</summary>
        OtherEventCode = 33,

        /// <summary>Event code of the non-rollover events (0.0.96.11.5.255).</summary>
        NonRolloverEventCode = 34,

        /// <summary>Event code of the control events (0.0.96.11.6.255).</summary>
        ControlEventCode = 35,

        /// <summary>Register (IC 3): voltage L2 (1.0.52.7.0.255), the L2 voltage channel's scaler and unit.</summary>
        VoltageL2 = 36,

        /// <summary>Register (IC 3): voltage L3 (1.0.72.7.0.255).</summary>
        VoltageL3 = 37,

        /// <summary>Register (IC 3): current L2 (1.0.51.7.0.255), the L2 current channel's scaler and unit.</summary>
        CurrentL2 = 38,

        /// <summary>Register (IC 3): current L3 (1.0.71.7.0.255).</summary>
        CurrentL3 = 39,

        /// <summary>Register (IC 3): voltage L2 averaged over the last load profile period (1.0.52.27.0.255).</summary>
        AverageVoltageL2 = 40,

        /// <summary>Register (IC 3): voltage L3 averaged over the last load profile period (1.0.72.27.0.255).</summary>
        AverageVoltageL3 = 41,

        /// <summary>Register (IC 3): current L2 averaged over the last load profile period (1.0.51.27.0.255).</summary>
        AverageCurrentL2 = 42,

        /// <summary>Register (IC 3): current L3 averaged over the last load profile period (1.0.71.27.0.255).</summary>
        AverageCurrentL3 = 43,

        /// <summary>Billing profile (Profile generic, 1.0.98.1.0.255): only with a billing profile (MeterConfiguration.BillingProfileEntries above 0).</summary>
        BillingProfile = 44,

        /// <summary>Billing period counter (Data, 1.0.0.1.0.255), with the billing profile.</summary>
        BillingPeriodCounter = 45,

        /// <summary>Time stamp of the last billing (Data, 1.0.0.1.2.255), with the billing profile.</summary>
        LastBillingTime = 46,

        /// <summary>Register (IC 3): active energy import of the last completed load profile block (1.0.1.29.0.255), the energy registers' scaler, Wh; created only when named.</summary>
        BlockEnergyImport = 47,

        /// <summary>Register (IC 3): active energy export of the last completed load profile block (1.0.2.29.0.255), Wh; created only when named.</summary>
        BlockEnergyExport = 48,

        /// <summary>Register (IC 3): reactive energy, the magnitude sqrt(S^2 - P^2) integrated (1.0.3.8.0.255), varh, the last checkpoint; needs both channels; created only when named.</summary>
        ReactiveEnergy = 49,

        /// <summary>Register (IC 3): reactive energy of the last completed load profile block (1.0.3.29.0.255), varh; needs both channels; created only when named.</summary>
        BlockReactiveEnergy = 50,
    }
}
