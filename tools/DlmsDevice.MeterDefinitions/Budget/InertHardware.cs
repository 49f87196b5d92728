using DlmsDevice.Hal;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Model;

namespace DlmsDevice.MeterDefinitions.Budget
{
    /// <summary>
    /// Hardware that does nothing, for building a definition's model to weigh it: the channels
    /// and inputs the definition names, a clock standing still. These objects are the platform's
    /// on a device (behind the HAL interfaces), so the heap estimate does not charge them.
    /// </summary>
    internal static class InertHardware
    {
        public static MeterConfiguration Configuration(MeterDefinition definition)
        {
            var configuration = new MeterConfiguration(new Clock());
            configuration.PulseChannels = DefinitionChannels.Pulses(definition, _ => new Pulses());
            configuration.Voltage = DefinitionChannels.Analog(definition, AnalogQuantity.Voltage, new Adc());
            configuration.Current = DefinitionChannels.Analog(definition, AnalogQuantity.Current, new Adc());
            configuration.VoltageL2 = DefinitionChannels.Analog(definition, AnalogQuantity.VoltageL2, new Adc());
            configuration.VoltageL3 = DefinitionChannels.Analog(definition, AnalogQuantity.VoltageL3, new Adc());
            configuration.CurrentL2 = DefinitionChannels.Analog(definition, AnalogQuantity.CurrentL2, new Adc());
            configuration.CurrentL3 = DefinitionChannels.Analog(definition, AnalogQuantity.CurrentL3, new Adc());
            configuration.CoverOpen = new Input(1);
            configuration.PowerFail = new Input(2);
            configuration.Relay = new Output();
            return configuration;
        }

        private sealed class Clock : ISystemClock
        {
            private long _utc = new System.DateTime(2026, 1, 1, 0, 0, 0, System.DateTimeKind.Utc).Ticks;

            public long GetUtcTicks() => _utc;

            public void SetUtcTicks(long utcTicks) => _utc = utcTicks;

            public long GetMonotonicMilliseconds() => 0;
        }

        private sealed class Pulses : IPulseCounter
        {
            public long Count => 0;

            public long Read(out long lastEdgeMilliseconds)
            {
                lastEdgeMilliseconds = -1;
                return 0;
            }
        }

        private sealed class Adc : IAnalogInput
        {
            public int ReadRaw() => 0;

            public double ReadValue() => 0;
        }

        private sealed class Input : IDigitalInput
        {
            public Input(int pin)
            {
                Pin = pin;
            }

            public int Pin { get; }

            public event DigitalEdgeHandler? Edge
            {
                add { }
                remove { }
            }

            public bool Read() => false;
        }

        private sealed class Output : IDigitalOutput
        {
            public int Pin => 3;

            public bool Read() => true;

            public void Write(bool level)
            {
            }
        }
    }
}
