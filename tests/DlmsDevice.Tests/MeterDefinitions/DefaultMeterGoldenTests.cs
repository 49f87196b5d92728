using System;
using System.IO;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Meter;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// The default meter as it was compiled in before meter definitions (commit 61f357d), recorded
    /// once in default-meter.golden.txt by <see cref="ModelDump"/>: every object of every
    /// association's object_list, every attribute's bytes and every access right. The compiled-in
    /// model and the model read from meters/default.json must both still dump exactly that.
    /// </summary>
    public sealed class DefaultMeterGoldenTests
    {
        internal static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "MeterDefinitions", "default-meter.golden.txt");

        /// <summary>The hardware every comparison runs on: import and export pulses, voltage and current, at a fixed time.</summary>
        internal static MeterConfiguration Configuration()
        {
            var clock = new ManualClock(new DateTime(2026, 3, 2, 10, 7, 0, DateTimeKind.Utc));
            return new MeterConfiguration(clock)
            {
                PulseChannels = new[]
                {
                    new PulseChannel(new SimulatedPulseCounter(1000), 1000, EnergyDirection.Import),
                    new PulseChannel(new SimulatedPulseCounter(1000), 1000, EnergyDirection.Export),
                },
                Voltage = new AnalogChannel(new FakeAnalogInput { Raw = 23000 }, AnalogQuantity.Voltage, 0.01, 0, Unit.Volt, -1),
                Current = new AnalogChannel(new FakeAnalogInput { Raw = 5000 }, AnalogQuantity.Current, 0.001, 0, Unit.Ampere, -2),
                CoverOpen = new FakeDigitalInput(1),
                PowerFail = new FakeDigitalInput(2),
                Relay = new FakeRelay(),
            };
        }

        /// <summary>Starts the model without a store and ticks it once a second later, so the measured values are there.</summary>
        internal static string StartAndDump(DefaultMeterModel model)
        {
            model.Start(null);
            ((ManualClock)model.Engine.Configuration.Clock).Advance(1000);
            model.Engine.Tick();
            return ModelDump.Dump(model.Device);
        }

        [Fact]
        public void CompiledInDefaultMeter_DumpsTheRecordedMeter()
        {
            string dump = StartAndDump(new DefaultMeterModel(Configuration(), new DefaultMeterModelSettings()));
            if (Environment.GetEnvironmentVariable("DLMS_RECORD_GOLDEN") == "1")
            {
                File.WriteAllText(Path.Combine(SourceDirectory(), "default-meter.golden.txt"), dump);
            }
            Assert.Equal(File.ReadAllText(GoldenPath), dump);
        }

        private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "")
        {
            return Path.GetDirectoryName(path)!;
        }
    }
}
