using System;
using System.IO;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Linux;
using DlmsDevice.Tests.Linux.Fakes;
using Iot.Device.Adc;
using Iot.Device.Ads1115;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>
    /// The ADC inputs through Iot.Device.Bindings over fake I2C/SPI devices that answer like the
    /// parts' register maps: the right input converted, the right counts back, a failing bus
    /// keeps the last good reading, and a poll allocates nothing.
    /// </summary>
    public class AdcInputTests
    {
        private static Ads1115 CreateAds(FakeAds1115 chip)
        {
            return new Ads1115(chip, InputMultiplexer.AIN0, MeasuringRange.FS4096, DataRate.SPS128, DeviceMode.PowerDown);
        }

        [Fact]
        public void Ads1115_TwoInputsOneChip_EachReadingConvertsItsOwnInput()
        {
            FakeAds1115 chip = new FakeAds1115(1, 0x48) { BusyReads = 3 };
            chip.SetInput(4, 17321);
            chip.SetInput(5, -1234);
            Ads1115 ads = CreateAds(chip);
            Ads1115Input voltage = new Ads1115Input(ads, InputMultiplexer.AIN0);
            Ads1115Input current = new Ads1115Input(ads, InputMultiplexer.AIN1);

            int conversions = chip.Conversions;
            Assert.Equal(17321, voltage.ReadRaw());
            Assert.Equal(-1234, current.ReadRaw());
            Assert.Equal(17321, voltage.ReadRaw());
            Assert.Equal(3, chip.Conversions - conversions);
        }

        [Fact]
        public void Ads1115_ConfigRegister_SingleShotOfTheInputAtTheRangeAndRate()
        {
            FakeAds1115 chip = new FakeAds1115(1, 0x48);
            Ads1115 ads = new Ads1115(chip, InputMultiplexer.AIN0, MeasuringRange.FS2048, DataRate.SPS860, DeviceMode.PowerDown);

            new Ads1115Input(ads, InputMultiplexer.AIN2).ReadRaw();

            // SBAS444 config: MUX[14:12] = 110 (AIN2/GND), PGA[11:9] = 010 (±2.048 V),
            // MODE[8] = 1 (single-shot), DR[7:5] = 111 (860 SPS), COMP_QUE[1:0] = 11 (off).
            Assert.Equal(0x65E3, chip.Config);
        }

        [Fact]
        public void Ads1115_BusError_BindingThrowsPolledInputKeepsTheLastGoodReading()
        {
            FakeAds1115 chip = new FakeAds1115(1, 0x48);
            chip.SetInput(4, 20000);
            PolledAnalogInput input = new PolledAnalogInput("voltage", new AveragingAnalogInput(new Ads1115Input(CreateAds(chip), InputMultiplexer.AIN0), 4));
            Assert.True(input.Poll());

            chip.SetInput(4, 5);
            chip.Failing = true;
            bool ok = input.Poll();

            Assert.False(ok);
            Assert.Equal(20000, input.ReadRaw());
            Assert.IsType<IOException>(input.LastError);
            Assert.Equal(1, input.Failures);
            Assert.Equal(1, input.ConsecutiveFailures);

            chip.Failing = false;
            Assert.True(input.Poll());
            Assert.Equal(5, input.ReadRaw());
            Assert.Equal(0, input.ConsecutiveFailures);
        }

        [Fact]
        public void Averaging_OneConversionOfAPollFails_NoPartialMeanLastGoodKept()
        {
            FakeAds1115 chip = new FakeAds1115(1, 0x48) { BusyReads = 0 };
            chip.SetInput(4, 1000);
            PolledAnalogInput input = new PolledAnalogInput("voltage", new AveragingAnalogInput(new Ads1115Input(CreateAds(chip), InputMultiplexer.AIN0), 4));
            int before = chip.Transfers;
            Assert.True(input.Poll());
            // A single-shot conversion is 4 transfers: config write (OS = 1), config read (OS = 1:
            // done), pointer to the conversion register, 2-byte read.
            Assert.Equal(16, chip.Transfers - before);
            chip.SetInput(4, 30000);

            chip.FailAt(chip.Transfers + 10);
            bool ok = input.Poll();

            Assert.False(ok);
            Assert.Equal(1000, input.ReadRaw());
            Assert.True(input.Poll());
            Assert.Equal(30000, input.ReadRaw());
        }

        [Fact]
        public void Mcp3008_EveryChannel_TheCountsOfThatChannel()
        {
            FakeMcp3008 chip = new FakeMcp3008(0, 0);
            for (int c = 0; c < 8; c++)
            {
                chip.SetChannel(c, c == 0 ? 0 : c == 7 ? 1023 : 100 * c + 5);
            }
            Mcp3008 mcp = new Mcp3008(chip);

            for (int c = 0; c < 8; c++)
            {
                Assert.Equal(c == 0 ? 0 : c == 7 ? 1023 : 100 * c + 5, new Mcp3008Input(mcp, c).ReadRaw());
                Assert.Equal(c, chip.LastChannel);
            }
        }

        [Fact]
        public void Mcp3008_MisoFloating_ReadingRefusedLastGoodKept()
        {
            FakeMcp3008 chip = new FakeMcp3008(0, 0);
            chip.SetChannel(3, 512);
            PolledAnalogInput input = new PolledAnalogInput("current", new Mcp3008Input(new Mcp3008(chip), 3));
            Assert.True(input.Poll());

            chip.Floating = true;
            Assert.False(input.Poll());

            Assert.Equal(512, input.ReadRaw());
            // The binding checks the null bit: every bit 1 is not a reading.
            Assert.IsType<InvalidOperationException>(input.LastError);
        }

        [Fact]
        public void PolledInput_NoReadingYet_ZeroAndNotHasReading()
        {
            FakeMcp3008 chip = new FakeMcp3008(0, 0) { Failing = true };
            PolledAnalogInput input = new PolledAnalogInput("current", new Mcp3008Input(new Mcp3008(chip), 0));

            Assert.False(input.Poll());
            Assert.False(input.HasReading);
            Assert.Equal(0, input.ReadRaw());
        }

        /// <summary>The poll thread reads the converters every interval: a good poll allocates nothing (bindings and our inputs alike).</summary>
        [Fact]
        public void Poll_AfterWarmUp_AllocatesNothing()
        {
            FakeAds1115 ads = new FakeAds1115(1, 0x48) { BusyReads = 2 };
            ads.SetInput(4, 100);
            FakeMcp3008 mcp = new FakeMcp3008(0, 0);
            mcp.SetChannel(1, 200);
            PolledAnalogInput voltage = new PolledAnalogInput("voltage", new AveragingAnalogInput(new Ads1115Input(CreateAds(ads), InputMultiplexer.AIN0), 4));
            PolledAnalogInput current = new PolledAnalogInput("current", new AveragingAnalogInput(new Mcp3008Input(new Mcp3008(mcp), 1), 4));
            voltage.Poll();
            current.Poll();

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                voltage.Poll();
                current.Poll();
                voltage.ReadRaw();
                current.ReadRaw();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(101, voltage.Readings);
            Assert.Equal(200, current.ReadRaw());
        }
    }
}
