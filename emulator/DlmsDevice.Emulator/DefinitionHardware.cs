using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.MeterDefinitions.Model;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// The simulation under a meter definition (--meter): the simulated load pulses at the
    /// constant of the definition's first import input, the simulated converters use its analog
    /// gains, and the engine's channels are the definition's (further pulse inputs count nothing).
    /// </summary>
    internal static class DefinitionHardware
    {
        public static void Apply(SimulatedMeterSettings hardware, MeterDefinition definition)
        {
            PulseInputDefinition? import = definition.PulseInputs.Find(p => p.Direction == EnergyDirection.Import);
            if (import != null)
            {
                hardware.ImpulsesPerKwh = import.ImpulsesPerKwh;
            }
            AnalogInputDefinition? voltage = definition.Analog(AnalogQuantity.Voltage);
            AnalogInputDefinition? current = definition.Analog(AnalogQuantity.Current);
            if (voltage != null)
            {
                hardware.VoltageGain = voltage.Gain;
            }
            if (current != null)
            {
                hardware.CurrentGain = current.Gain;
            }
        }

        public static void Apply(MeterConfiguration configuration, MeterDefinition definition, SimulatedMeterHardware hardware)
        {
            PulseInputDefinition? import = definition.PulseInputs.Find(p => p.Direction == EnergyDirection.Import);
            PulseInputDefinition? firstExport = definition.PulseInputs.Find(p => p.Direction == EnergyDirection.Export);
            configuration.PulseChannels = DefinitionChannels.Pulses(definition, p =>
                p == import ? hardware.ActiveEnergyPulses : (p == firstExport ? hardware.ExportEnergyPulses : new SimulatedPulseCounter(p.ImpulsesPerKwh)));
            configuration.Voltage = DefinitionChannels.Analog(definition, AnalogQuantity.Voltage, hardware.Voltage);
            configuration.Current = DefinitionChannels.Analog(definition, AnalogQuantity.Current, hardware.Current);
        }
    }
}
