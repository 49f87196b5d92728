using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Meter;

namespace DlmsDevice.MeterDefinitions.Model
{
    /// <summary>Which input channels an engine quantity needs.</summary>
    public enum ChannelNeed
    {
        /// <summary>None.</summary>
        None,

        /// <summary>The voltage channel.</summary>
        Voltage,

        /// <summary>The current channel.</summary>
        Current,

        /// <summary>Both.</summary>
        Both,

        /// <summary>The voltage L2 channel (a three-phase meter).</summary>
        VoltageL2,

        /// <summary>The voltage L3 channel.</summary>
        VoltageL3,

        /// <summary>The current L2 channel.</summary>
        CurrentL2,

        /// <summary>The current L3 channel.</summary>
        CurrentL3,
    }

    /// <summary>
    /// What may feed an object: an engine quantity (the engine creates the object with the
    /// definition's logical name and keeps it up to date) or a value of the meter's settings.
    /// </summary>
    /// <param name="Name">Name in definitions.</param>
    /// <param name="ClassId">The class the object must have.</param>
    /// <param name="Quantity">The engine quantity; null for a setting.</param>
    /// <param name="Scaler">The scaler the engine shows; null when the channel decides or none applies.</param>
    /// <param name="Unit">The unit the engine shows; null when the channel decides or none applies.</param>
    /// <param name="Channels">The input channels it needs.</param>
    public sealed record BindingInfo(string Name, ushort ClassId, EngineQuantity? Quantity, int? Scaler, int? Unit, ChannelNeed Channels)
    {
        private static readonly BindingInfo[] s_all =
        {
            new BindingInfo("logical-device-name", 1, null, null, null, ChannelNeed.None),
            new BindingInfo("serial-number", 1, null, null, null, ChannelNeed.None),
            new BindingInfo("firmware-version", 1, null, null, null, ChannelNeed.None),
            new BindingInfo("invocation-counter", 1, null, null, null, ChannelNeed.None),
            new BindingInfo("clock", 8, EngineQuantity.Clock, null, null, ChannelNeed.None),
            // Energy: scaler 0 (Wh) to 3 (kWh), the definition's (MeterConfiguration.EnergyScaler).
            new BindingInfo("energy-import", 3, EngineQuantity.ActiveEnergyImport, null, 30, ChannelNeed.None),
            new BindingInfo("energy-export", 3, EngineQuantity.ActiveEnergyExport, null, 30, ChannelNeed.None),
            new BindingInfo("power-import", 3, EngineQuantity.ActivePowerImport, 0, 27, ChannelNeed.None),
            new BindingInfo("voltage", 3, EngineQuantity.Voltage, null, null, ChannelNeed.Voltage),
            new BindingInfo("current", 3, EngineQuantity.Current, null, null, ChannelNeed.Current),
            new BindingInfo("apparent-power", 3, EngineQuantity.ApparentPower, 0, 28, ChannelNeed.Both),
            new BindingInfo("power-factor", 3, EngineQuantity.PowerFactor, -3, 255, ChannelNeed.Both),
            new BindingInfo("average-voltage", 3, EngineQuantity.AverageVoltage, null, null, ChannelNeed.Voltage),
            new BindingInfo("average-current", 3, EngineQuantity.AverageCurrent, null, null, ChannelNeed.Current),
            new BindingInfo("demand-import", 5, EngineQuantity.DemandImport, 0, 27, ChannelNeed.None),
            new BindingInfo("maximum-demand-import", 4, EngineQuantity.MaximumDemandImport, 0, 27, ChannelNeed.None),
            new BindingInfo("event-code", 1, EngineQuantity.EventCode, null, null, ChannelNeed.None),
            new BindingInfo("disconnect-control", 70, EngineQuantity.DisconnectControl, null, null, ChannelNeed.None),
            new BindingInfo("load-profile", 7, EngineQuantity.LoadProfile, null, null, ChannelNeed.None),
            new BindingInfo("daily-profile", 7, EngineQuantity.DailyProfile, null, null, ChannelNeed.None),
            new BindingInfo("event-log", 7, EngineQuantity.EventLog, null, null, ChannelNeed.None),
            // Tamper and theft detection (docs/tamper.md). Neutral current and the frequencies
            // exist when the host has a neutral or frequency channel, the logs by category with
            // the IS 15959 event logs; otherwise the object is left out, as an analog one is.
            new BindingInfo("alarm-register", 1, EngineQuantity.AlarmRegister, null, null, ChannelNeed.None),
            new BindingInfo("alarm-filter", 1, EngineQuantity.AlarmFilter, null, null, ChannelNeed.None),
            new BindingInfo("alarm-descriptor", 1, EngineQuantity.AlarmDescriptor, null, null, ChannelNeed.None),
            new BindingInfo("tamper-count", 1, EngineQuantity.TamperCount, null, null, ChannelNeed.None),
            new BindingInfo("neutral-current", 3, EngineQuantity.NeutralCurrent, null, null, ChannelNeed.None),
            new BindingInfo("frequency", 3, EngineQuantity.Frequency, -2, 44, ChannelNeed.None),
            new BindingInfo("average-frequency", 3, EngineQuantity.AverageFrequency, -2, 44, ChannelNeed.None),
            new BindingInfo("current-event-log", 7, EngineQuantity.CurrentEventLog, null, null, ChannelNeed.None),
            new BindingInfo("power-failure-event-log", 7, EngineQuantity.PowerFailureEventLog, null, null, ChannelNeed.None),
            new BindingInfo("transaction-event-log", 7, EngineQuantity.TransactionEventLog, null, null, ChannelNeed.None),
            new BindingInfo("other-event-log", 7, EngineQuantity.OtherEventLog, null, null, ChannelNeed.None),
            new BindingInfo("non-rollover-event-log", 7, EngineQuantity.NonRolloverEventLog, null, null, ChannelNeed.None),
            new BindingInfo("control-event-log", 7, EngineQuantity.ControlEventLog, null, null, ChannelNeed.None),
            new BindingInfo("current-event-code", 1, EngineQuantity.CurrentEventCode, null, null, ChannelNeed.None),
            new BindingInfo("power-failure-event-code", 1, EngineQuantity.PowerFailureEventCode, null, null, ChannelNeed.None),
            new BindingInfo("transaction-event-code", 1, EngineQuantity.TransactionEventCode, null, null, ChannelNeed.None),
            new BindingInfo("other-event-code", 1, EngineQuantity.OtherEventCode, null, null, ChannelNeed.None),
            new BindingInfo("non-rollover-event-code", 1, EngineQuantity.NonRolloverEventCode, null, null, ChannelNeed.None),
            new BindingInfo("control-event-code", 1, EngineQuantity.ControlEventCode, null, null, ChannelNeed.None),
            // Billing (docs/billing-and-tariffs.md): with a billing profile (the host's BillingProfileEntries); its columns are the engine's.
            new BindingInfo("billing-profile", 7, EngineQuantity.BillingProfile, null, null, ChannelNeed.None),
            new BindingInfo("billing-period-counter", 1, EngineQuantity.BillingPeriodCounter, null, null, ChannelNeed.None),
            new BindingInfo("last-billing-time", 1, EngineQuantity.LastBillingTime, null, null, ChannelNeed.None),
            // ABT (docs/metering.md): the last completed load profile block's energies, and the
            // reactive energy sqrt(S^2 - P^2) integrated (needs S: both channels); the energy
            // registers' scaler. The engine creates them only when a definition binds them.
            new BindingInfo("block-energy-import", 3, EngineQuantity.BlockEnergyImport, null, 30, ChannelNeed.None),
            new BindingInfo("block-energy-export", 3, EngineQuantity.BlockEnergyExport, null, 30, ChannelNeed.None),
            new BindingInfo("reactive-energy", 3, EngineQuantity.ReactiveEnergy, null, 32, ChannelNeed.Both),
            new BindingInfo("block-reactive-energy", 3, EngineQuantity.BlockReactiveEnergy, null, 32, ChannelNeed.Both),
            // Phases 2 and 3 of a three-phase meter, each with its own input channel.
            new BindingInfo("voltage-l2", 3, EngineQuantity.VoltageL2, null, null, ChannelNeed.VoltageL2),
            new BindingInfo("voltage-l3", 3, EngineQuantity.VoltageL3, null, null, ChannelNeed.VoltageL3),
            new BindingInfo("current-l2", 3, EngineQuantity.CurrentL2, null, null, ChannelNeed.CurrentL2),
            new BindingInfo("current-l3", 3, EngineQuantity.CurrentL3, null, null, ChannelNeed.CurrentL3),
            new BindingInfo("average-voltage-l2", 3, EngineQuantity.AverageVoltageL2, null, null, ChannelNeed.VoltageL2),
            new BindingInfo("average-voltage-l3", 3, EngineQuantity.AverageVoltageL3, null, null, ChannelNeed.VoltageL3),
            new BindingInfo("average-current-l2", 3, EngineQuantity.AverageCurrentL2, null, null, ChannelNeed.CurrentL2),
            new BindingInfo("average-current-l3", 3, EngineQuantity.AverageCurrentL3, null, null, ChannelNeed.CurrentL3),
        };

        /// <summary>The analog input a channel need names (one channel), or null (none, or both of L1).</summary>
        public static AnalogQuantity? Input(ChannelNeed need) => need switch
        {
            ChannelNeed.Voltage => AnalogQuantity.Voltage,
            ChannelNeed.Current => AnalogQuantity.Current,
            ChannelNeed.VoltageL2 => AnalogQuantity.VoltageL2,
            ChannelNeed.VoltageL3 => AnalogQuantity.VoltageL3,
            ChannelNeed.CurrentL2 => AnalogQuantity.CurrentL2,
            ChannelNeed.CurrentL3 => AnalogQuantity.CurrentL3,
            _ => null,
        };

        /// <summary>True when the quantity is a voltage (shown in V), false for a current (A).</summary>
        public static bool IsVoltage(AnalogQuantity quantity) => quantity is AnalogQuantity.Voltage or AnalogQuantity.VoltageL2 or AnalogQuantity.VoltageL3;

        /// <summary>The input quantity's name in definitions ("voltage", "current-l2", ...).</summary>
        public static string InputName(AnalogQuantity quantity) => quantity switch
        {
            AnalogQuantity.Voltage => "voltage",
            AnalogQuantity.Current => "current",
            AnalogQuantity.VoltageL2 => "voltage-l2",
            AnalogQuantity.VoltageL3 => "voltage-l3",
            AnalogQuantity.CurrentL2 => "current-l2",
            AnalogQuantity.CurrentL3 => "current-l3",
            _ => quantity.ToString().ToLowerInvariant(),
        };

        /// <summary>Every binding.</summary>
        public static IReadOnlyList<BindingInfo> All => s_all;

        /// <summary>The binding named <paramref name="name"/>; null when none.</summary>
        public static BindingInfo? Find(string name) => s_all.FirstOrDefault(b => b.Name == name);
    }
}
