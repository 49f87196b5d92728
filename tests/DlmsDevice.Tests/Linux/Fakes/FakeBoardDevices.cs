using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Linux;
using DlmsDevice.Hal.Storage;
using DlmsDevice.LinuxMeter.Board;
using DlmsDevice.Tests.Meter;

namespace DlmsDevice.Tests.Linux.Fakes
{
    /// <summary>
    /// A board for dlms-meter in tests: GPIO chip 0 is a <see cref="FakeGpioDriver"/>, the I2C and
    /// SPI devices are the fakes registered here (any other is "missing", as on a board without
    /// it), the clock is moved by the test; the serial lines (socat ptys), the RS-485 ioctl and
    /// the state directory are the real ones.
    /// </summary>
    internal sealed class FakeBoardDevices : IBoardDevices
    {
        public static readonly DateTime Start = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

        public FakeGpioDriver Gpio { get; } = new FakeGpioDriver();

        public ManualClock ManualClock { get; } = new ManualClock(Start);

        public Dictionary<(int Bus, int Address), FakeAds1115> I2c { get; } = new Dictionary<(int, int), FakeAds1115>();

        public Dictionary<(int Bus, int ChipSelect), FakeMcp3008> Spi { get; } = new Dictionary<(int, int), FakeMcp3008>();

        public ISystemClock Clock => ManualClock;

        public IEntropySource Entropy { get; } = new SystemEntropySource();

        public GpioController OpenGpio(int chip)
        {
            if (chip != 0)
            {
                throw new DeviceOpenException("/dev/gpiochip" + chip, "missing");
            }
            return new GpioController(Gpio);
        }

        public I2cDevice OpenI2c(int bus, int address)
        {
            if (!I2c.TryGetValue((bus, address), out FakeAds1115? device))
            {
                throw new DeviceOpenException("/dev/i2c-" + bus, "missing");
            }
            return device;
        }

        public SpiDevice OpenSpi(int bus, int chipSelect, int clockHz)
        {
            if (!Spi.TryGetValue((bus, chipSelect), out FakeMcp3008? device))
            {
                throw new DeviceOpenException("/dev/spidev" + bus + "." + chipSelect, "missing");
            }
            return device;
        }

        public string? EnableKernelRs485(string device, bool rtsHighOnSend)
        {
            return KernelRs485.Enable(device, rtsHighOnSend, 0, 0);
        }

        public SerialByteChannel OpenSerial(string device, int baudRate)
        {
            return new LinuxBoardDevices().OpenSerial(device, baudRate);
        }

        public IStorageMedium OpenStorage(string directory)
        {
            return new FileStorageMedium(directory);
        }
    }
}
