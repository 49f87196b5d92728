using System;
using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using System.Device.Spi;
using System.IO;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Linux;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>
    /// The devices of a real Linux board: GPIO through libgpiod (System.Device.Gpio's
    /// <see cref="LibGpiodDriver"/>, or <see cref="LibGpiodV2Driver"/> where only libgpiod 2.x is
    /// installed), I2C and SPI through the kernel's /dev/i2c-N and /dev/spidevB.C, serial lines
    /// through System.IO.Ports, the system clock, the OS random numbers, the state directory as
    /// files. Each device file is checked first, so a failure says "missing" or "permission
    /// denied" rather than a library's message.
    /// </summary>
    public sealed class LinuxBoardDevices : IBoardDevices
    {
        /// <inheritdoc />
        public ISystemClock Clock { get; } = new SystemClock();

        /// <inheritdoc />
        public IEntropySource Entropy { get; } = new SystemEntropySource();

        /// <inheritdoc />
        public GpioController OpenGpio(int chip)
        {
            string path = "/dev/gpiochip" + chip;
            Check(path);
            try
            {
                return new GpioController(new LibGpiodDriver(chip));
            }
            catch (PlatformNotSupportedException)
            {
                // libgpiod 1.x (libgpiod.so.2) is not installed; a system with 2.x only has libgpiod.so.3.
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                throw new DeviceOpenException(path, e.Message);
            }
            try
            {
                return new GpioController(new LibGpiodV2Driver(chip));
            }
            catch (Exception e) when (e is PlatformNotSupportedException || e is DllNotFoundException || e is TypeInitializationException)
            {
                throw new DeviceOpenException(path, "libgpiod is not installed (sudo apt install libgpiod2, or libgpiod3 on newer systems)");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                throw new DeviceOpenException(path, e.Message);
            }
        }

        /// <inheritdoc />
        public I2cDevice OpenI2c(int bus, int address)
        {
            string path = "/dev/i2c-" + bus;
            Check(path);
            try
            {
                return I2cDevice.Create(new I2cConnectionSettings(bus, address));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                throw new DeviceOpenException(path, e.Message);
            }
        }

        /// <inheritdoc />
        public SpiDevice OpenSpi(int bus, int chipSelect, int clockHz)
        {
            string path = "/dev/spidev" + bus + "." + chipSelect;
            Check(path);
            try
            {
                return SpiDevice.Create(new SpiConnectionSettings(bus, chipSelect) { ClockFrequency = clockHz, Mode = SpiMode.Mode0 });
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                throw new DeviceOpenException(path, e.Message);
            }
        }

        /// <inheritdoc />
        public string? EnableKernelRs485(string device, bool rtsHighOnSend)
        {
            return KernelRs485.Enable(device, rtsHighOnSend, 0, 0);
        }

        /// <inheritdoc />
        public SerialByteChannel OpenSerial(string device, int baudRate)
        {
            Check(device);
            try
            {
                return new SerialByteChannel(device, baudRate);
            }
            catch (UnauthorizedAccessException)
            {
                throw new DeviceOpenException(device, "permission denied or in use by another program (the user needs group dialout; is a serial console on it?)");
            }
            catch (Exception e) when (e is IOException || e is ArgumentException || e is InvalidOperationException)
            {
                throw new DeviceOpenException(device, e.Message);
            }
        }

        /// <inheritdoc />
        public IStorageMedium OpenStorage(string directory)
        {
            try
            {
                return new FileStorageMedium(directory);
            }
            catch (UnauthorizedAccessException)
            {
                throw new DeviceOpenException(directory, "permission denied (the service's user must own the state directory)");
            }
            catch (IOException e)
            {
                throw new DeviceOpenException(directory, e.Message);
            }
        }

        private static void Check(string path)
        {
            string? problem = DeviceAccess.Check(path);
            if (problem != null)
            {
                throw new DeviceOpenException(path, problem + Hint(path, problem));
            }
        }

        private static string Hint(string path, string problem)
        {
            bool missing = problem == "missing";
            if (path.StartsWith("/dev/gpiochip", StringComparison.Ordinal))
            {
                return missing ? " (ls /dev/gpiochip* lists the chips)" : " (add the user to group gpio)";
            }
            if (path.StartsWith("/dev/i2c-", StringComparison.Ordinal))
            {
                return missing ? " (enable I2C: raspi-config nonint do_i2c 0, or dtparam=i2c_arm=on)" : " (add the user to group i2c)";
            }
            if (path.StartsWith("/dev/spidev", StringComparison.Ordinal))
            {
                return missing ? " (enable SPI: raspi-config nonint do_spi 0, or dtparam=spi=on)" : " (add the user to group spi)";
            }
            if (path.StartsWith("/dev/tty", StringComparison.Ordinal))
            {
                return missing ? "" : " (add the user to group dialout)";
            }
            return "";
        }
    }
}
