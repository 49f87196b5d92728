using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>
    /// Where the meter host gets its devices: the real ones of a Linux board
    /// (<see cref="LinuxBoardDevices"/>: libgpiod, /dev/i2c-N, /dev/spidevB.C, System.IO.Ports,
    /// the system clock, files), or fakes behind the libraries' own seams in tests (a
    /// <see cref="GpioDriver"/>, an <see cref="I2cDevice"/>, an <see cref="SpiDevice"/>). A device
    /// that cannot be opened throws <see cref="DeviceOpenException"/> naming it and the reason.
    /// </summary>
    public interface IBoardDevices
    {
        /// <summary>The meter's clock: UTC for timestamps, monotonic milliseconds for pulses and intervals.</summary>
        ISystemClock Clock { get; }

        /// <summary>Random bytes for HLS challenges.</summary>
        IEntropySource Entropy { get; }

        /// <summary>The controller of GPIO chip <paramref name="chip"/> (/dev/gpiochipN).</summary>
        GpioController OpenGpio(int chip);

        /// <summary>The device at <paramref name="address"/> on I2C bus <paramref name="bus"/> (/dev/i2c-N); not yet spoken to.</summary>
        I2cDevice OpenI2c(int bus, int address);

        /// <summary>SPI device <paramref name="chipSelect"/> on bus <paramref name="bus"/> (/dev/spidevB.C), mode 0.</summary>
        SpiDevice OpenSpi(int bus, int chipSelect, int clockHz);

        /// <summary>Switches <paramref name="device"/> to the serial driver's RS-485 mode; null on success, else why not.</summary>
        string? EnableKernelRs485(string device, bool rtsHighOnSend);

        /// <summary>The serial line <paramref name="device"/> at <paramref name="baudRate"/> 8N1.</summary>
        SerialByteChannel OpenSerial(string device, int baudRate);

        /// <summary>The state directory as the meter's non-volatile medium.</summary>
        IStorageMedium OpenStorage(string directory);
    }
}
