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
            new BindingInfo("energy-import", 3, EngineQuantity.ActiveEnergyImport, 0, 30, ChannelNeed.None),
            new BindingInfo("energy-export", 3, EngineQuantity.ActiveEnergyExport, 0, 30, ChannelNeed.None),
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
        };

        /// <summary>Every binding.</summary>
        public static IReadOnlyList<BindingInfo> All => s_all;

        /// <summary>The binding named <paramref name="name"/>; null when none.</summary>
        public static BindingInfo? Find(string name) => s_all.FirstOrDefault(b => b.Name == name);
    }
}
