using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.MeterDefinitions
{
    /// <summary>
    /// The engine's input channels a definition describes (pulse constants and directions,
    /// analog scaling), on the counters and converters a host supplies: the host owns the
    /// hardware (the emulator's simulation, a board's pins), the definition says what the
    /// channels mean.
    /// </summary>
    public static class DefinitionChannels
    {
        /// <summary>One pulse channel per definition input, each on the counter <paramref name="counter"/> gives for it.</summary>
        public static PulseChannel[] Pulses(MeterDefinition definition, Func<PulseInputDefinition, IPulseCounter> counter)
        {
            var channels = new PulseChannel[definition.PulseInputs.Count];
            for (int i = 0; i < channels.Length; i++)
            {
                PulseInputDefinition p = definition.PulseInputs[i];
                channels[i] = new PulseChannel(counter(p), p.ImpulsesPerKwh, p.Direction);
            }
            return channels;
        }

        /// <summary>
        /// The analog channel of <paramref name="quantity"/> on <paramref name="input"/>, scaled as
        /// the definition says and shown with the scaler of the register bound to it (default
        /// 0.1 V, 0.01 A); null when the definition has no such input.
        /// </summary>
        public static AnalogChannel? Analog(MeterDefinition definition, AnalogQuantity quantity, IAnalogInput input)
        {
            AnalogInputDefinition? a = definition.Analog(quantity);
            if (a == null)
            {
                return null;
            }
            bool voltage = BindingInfo.IsVoltage(quantity);
            string binding = BindingInfo.InputName(quantity);
            ObjectDefinition? register = null;
            foreach (LogicalDeviceDefinition device in definition.LogicalDevices)
            {
                register ??= device.Objects.Find(o => o.Binding?.Name == binding);
            }
            return new AnalogChannel(input, quantity, a.Gain, a.Offset, voltage ? Unit.Volt : Unit.Ampere, (sbyte)(register?.Scaler ?? (voltage ? -1 : -2)))
            {
                AveragingMilliseconds = a.AveragingMilliseconds,
            };
        }
    }
}
