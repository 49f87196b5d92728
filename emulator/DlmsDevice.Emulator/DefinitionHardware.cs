using System;
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
            // A VT-operated meter's inputs see the VT's secondary: a 110 V line-to-line secondary
            // is 63.5 V phase to neutral on a three-phase meter.
            TransformerDefinition? t = definition.Transformer;
            if (t != null && t.VoltagePrimary != t.VoltageSecondary)
            {
                hardware.Supply.NominalVolts = SecondaryPhaseVolts(definition);
            }
            // A definition with phase 2 or 3 inputs is a three-phase meter: so is the simulation.
            if (definition.Analog(AnalogQuantity.VoltageL2) != null || definition.Analog(AnalogQuantity.CurrentL2) != null
                || definition.Analog(AnalogQuantity.VoltageL3) != null || definition.Analog(AnalogQuantity.CurrentL3) != null)
            {
                hardware.Phases = 3;
            }
        }

        // The secondary's phase voltage: line to line / sqrt 3 on a three-phase meter.
        private static double SecondaryPhaseVolts(MeterDefinition definition)
        {
            double secondary = definition.Transformer!.VoltageSecondary;
            return definition.Analog(AnalogQuantity.VoltageL2) != null ? secondary / Math.Sqrt(3) : secondary;
        }

        public static void Apply(MeterConfiguration configuration, MeterDefinition definition, SimulatedMeterHardware hardware)
        {
            PulseInputDefinition? import = definition.PulseInputs.Find(p => p.Direction == EnergyDirection.Import);
            PulseInputDefinition? firstExport = definition.PulseInputs.Find(p => p.Direction == EnergyDirection.Export);
            configuration.PulseChannels = DefinitionChannels.Pulses(definition, p =>
                p == import ? hardware.ActiveEnergyPulses : (p == firstExport ? hardware.ExportEnergyPulses : new SimulatedPulseCounter(p.ImpulsesPerKwh)));
            configuration.Voltage = DefinitionChannels.Analog(definition, AnalogQuantity.Voltage, hardware.Voltage);
            configuration.Current = DefinitionChannels.Analog(definition, AnalogQuantity.Current, hardware.Current);
            TransformerDefinition? t = definition.Transformer;
            if (t != null && t.VoltagePrimary != t.VoltageSecondary)
            {
                // The voltage quality limits are the meter's own, on the secondary: the same
                // fractions of the nominal as the defaults' 230 V (207, 253, 46).
                double nominal = SecondaryPhaseVolts(definition);
                configuration.NominalVoltage = nominal;
                configuration.UnderVoltage = nominal * 0.9;
                configuration.OverVoltage = nominal * 1.1;
                configuration.MissingVoltage = nominal * 0.2;
            }
            if (hardware.Settings.Phases == 3)
            {
                configuration.VoltageL2 = DefinitionChannels.Analog(definition, AnalogQuantity.VoltageL2, hardware.VoltageL2!);
                configuration.VoltageL3 = DefinitionChannels.Analog(definition, AnalogQuantity.VoltageL3, hardware.VoltageL3!);
                configuration.CurrentL2 = DefinitionChannels.Analog(definition, AnalogQuantity.CurrentL2, hardware.CurrentL2!);
                configuration.CurrentL3 = DefinitionChannels.Analog(definition, AnalogQuantity.CurrentL3, hardware.CurrentL3!);
            }
        }
    }
}
