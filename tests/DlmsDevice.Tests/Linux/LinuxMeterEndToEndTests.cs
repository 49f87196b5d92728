using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.LinuxMeter;
using DlmsDevice.LinuxMeter.Board;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Linux.Fakes;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>
    /// dlms-meter end to end on the fake drivers: S0 pulses on the fake GPIO line become the
    /// energy a client reads over TCP (contact bounce adds nothing), the voltage and current
    /// follow the fake ADS1115, an I2C failure is logged while the register keeps its last good
    /// value (the client still gets a value, never an error), and tamper switches reach the
    /// event log.
    /// </summary>
    public sealed class LinuxMeterEndToEndTests
    {
        private static readonly CosemAttribute Energy = CosemAttribute.Parse("1.0.1.8.0.255:3:2");
        private static readonly CosemAttribute Voltage = CosemAttribute.Parse("1.0.32.7.0.255:3:2");
        private static readonly CosemAttribute Current = CosemAttribute.Parse("1.0.31.7.0.255:3:2");

        private static string Board(int port) => @"{
  ""meter"": { ""serialNumber"": ""4711"" },
  ""stateDirectory"": ""$STATE"",
  ""gpio"": { ""chip"": 0 },
  ""pulseInputs"": [ { ""pin"": 17, ""activeLow"": true, ""impulsesPerKwh"": 1000, ""debounceMs"": 5, ""minPulseMs"": 30 } ],
  ""adcs"": [ { ""id"": ""ads"", ""type"": ""ads1115"", ""i2cBus"": 1, ""address"": ""0x48"" } ],
  ""voltage"": { ""adc"": ""ads"", ""input"": ""AIN0"", ""samples"": 2, ""gain"": 0.01, ""offset"": 0 },
  ""current"": { ""adc"": ""ads"", ""input"": ""AIN1"", ""samples"": 2, ""gain"": 0.001, ""offset"": 0 },
  ""analogPollMs"": 20,
  ""cover"": { ""pin"": 22, ""activeLow"": false, ""debounceMs"": 20 },
  ""magnet"": { ""pin"": 23, ""activeLow"": false, ""debounceMs"": 20 },
  ""tcp"": { ""bind"": ""127.0.0.1"", ""wrapperPort"": " + port + @", ""connections"": 2 }
}";

        private static LinuxMeterTestKit Kit()
        {
            return new LinuxMeterTestKit(Board(LinuxMeterTestKit.FreePort()), devices =>
            {
                FakeAds1115 ads = new FakeAds1115(1, 0x48);
                ads.SetInput(4, 23000);
                ads.SetInput(5, 5250);
                devices.I2c[(1, 0x48)] = ads;
            });
        }

        [Fact]
        public async Task PulseTrainWithBounce_ClientReadsTheEnergyOfTheRealPulsesOnly()
        {
            using LinuxMeterTestKit kit = Kit();
            await kit.StartAsync();
            await using DlmsClient client = await kit.AssociateAsync(kit.Wrapper());
            Assert.Equal(0, (await client.GetScaledAsync(Energy)).Scaled);

            // 30 S0 pulses of 40 ms with 3 bounces at each edge: 1 Wh each at 1000 imp/kWh.
            for (int i = 0; i < 30; i++)
            {
                kit.Pulse(40, 3, 60);
            }
            await kit.TicksAsync(2);

            ScaledValue energy = await client.GetScaledAsync(Energy);
            Assert.Equal(30, energy.Scaled);
            Assert.Equal(30, kit.Meter!.PulseInputs[0].Count);
            Assert.Equal(30 * 14, kit.Meter.PulseInputs[0].Edges);
            await client.ReleaseAsync();
        }

        [Fact]
        public async Task AdcFollowsTheFakeConverter_I2cFailureLoggedAndLastGoodValueKept()
        {
            using LinuxMeterTestKit kit = Kit();
            await kit.StartAsync();
            FakeAds1115 ads = kit.Devices.I2c[(1, 0x48)];
            await using DlmsClient client = await kit.AssociateAsync(kit.Wrapper());
            await SettleWindowsAsync(kit);

            Assert.Equal(230.0m, (await client.GetScaledAsync(Voltage)).Scaled);
            Assert.Equal(5.25m, (await client.GetScaledAsync(Current)).Scaled);

            // The bus fails; meanwhile the input would read something else.
            ads.Failing = true;
            ads.SetInput(4, 11111);
            long failures = kit.Meter!.AnalogInputs[0].Failures;
            await LinuxMeterTestKit.WaitForAsync(() => kit.Meter.AnalogInputs[0].Failures >= failures + 3, "failed polls");
            await SettleWindowsAsync(kit);

            Assert.Equal(230.0m, (await client.GetScaledAsync(Voltage)).Scaled);
            Assert.Equal(5.25m, (await client.GetScaledAsync(Current)).Scaled);
            string[] warnings = kit.Logs.Lines.Where(l => l.Contains("cannot be read", StringComparison.Ordinal)).ToArray();
            Assert.Contains("voltage (ADS1115 0x48 on /dev/i2c-1 AIN0) cannot be read (IOException: Error 121 performing I2C data transfer.); the register keeps the last good reading, 23000 counts", warnings[0]);
            // Logged when it starts failing, not at every poll.
            Assert.Equal(2, warnings.Length);

            ads.Failing = false;
            long readings = kit.Meter.AnalogInputs[0].Readings;
            await LinuxMeterTestKit.WaitForAsync(() => kit.Meter.AnalogInputs[0].Readings > readings, "a good poll");
            await SettleWindowsAsync(kit);

            Assert.Equal(111.1m, (await client.GetScaledAsync(Voltage)).Scaled);
            Assert.Contains(kit.Logs.Lines, l => l.Contains("voltage (ADS1115 0x48 on /dev/i2c-1 AIN0) reads again", StringComparison.Ordinal));
            await client.ReleaseAsync();
        }

        [Fact]
        public async Task CoverAndMagnet_BouncingSwitches_OneEventEachInTheLog()
        {
            using LinuxMeterTestKit kit = Kit();
            await kit.StartAsync();
            FakeGpioDriver gpio = kit.Devices.Gpio;

            foreach (int pin in new[] { 22, 23 })
            {
                for (int i = 0; i < 5; i++)
                {
                    gpio.Drive(pin, true);
                    gpio.Drive(pin, false);
                }
                gpio.Drive(pin, true);
            }
            kit.Devices.ManualClock.Advance(100);
            await LinuxMeterTestKit.WaitForAsync(() => kit.Meter!.Cover!.Read() && kit.Meter.Magnet!.Read(), "the switches to settle");
            await kit.TicksAsync(2);

            await using DlmsClient client = await kit.AssociateAsync(kit.Wrapper());
            DlmsValue log = await client.GetAsync(CosemAttribute.Parse("0.0.99.98.0.255:7:2"));
            int[] codes = log.Items.Select(row => (int)row.Items[1].ToInt64()).ToArray();
            Assert.Equal(new[] { 2, 40, 42 }, codes);
            await client.ReleaseAsync();
        }

        // Two averaging windows of the engine (1 s of meter time each) pass, with ticks in each,
        // so the registers show only readings taken after the last change.
        private static async Task SettleWindowsAsync(LinuxMeterTestKit kit)
        {
            for (int i = 0; i < 2; i++)
            {
                await kit.TicksAsync(1);
                kit.Devices.ManualClock.Advance(1000);
                await kit.TicksAsync(1);
            }
        }
    }
}
