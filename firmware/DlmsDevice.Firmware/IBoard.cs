using DlmsDevice.Hal;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Firmware
{
    /// <summary>
    /// The board a firmware runs on, as <see cref="FirmwareHost"/> sees it: the HAL parts it can
    /// open by pin and channel, the network, the debug output. The ESP32 Program implements it
    /// with nanoFramework (hal/DlmsDevice.Hal.Esp32); the tests with simulated parts. Methods
    /// that cannot do what they are asked return null or false (the host logs it and goes on).
    /// </summary>
    public interface IBoard
    {
        /// <summary>The device clock (RTC for UTC, a tick counter for monotonic time).</summary>
        ISystemClock Clock { get; }

        /// <summary>Random bytes for HLS (the hardware RNG).</summary>
        IEntropySource Entropy { get; }

        /// <summary>Non-volatile storage for the meter's records (internal flash); null = none.</summary>
        IStorageMedium Storage { get; }

        /// <summary>Opens a UART with the pins of <paramref name="line"/> at <paramref name="baudRate"/>, 8N1; RS-485 mode when <paramref name="rs485"/> (RTS drives the transceiver).</summary>
        ISerialLine OpenSerial(SerialLineSettings line, int baudRate, bool rs485);

        /// <summary>A hardware pulse counter on <paramref name="pin"/> with a glitch filter (0..1023).</summary>
        IPulseCounter OpenPulseCounter(int pin, int filter);

        /// <summary>An ADC channel (raw counts).</summary>
        IAnalogInput OpenAnalog(int channel);

        /// <summary>A digital input; <paramref name="activeLow"/>: low means active.</summary>
        IDigitalInput OpenInput(int pin, bool activeLow);

        /// <summary>A digital output; true drives the pin high.</summary>
        IDigitalOutput OpenOutput(int pin);

        /// <summary>Joins a Wi-Fi network (blocks until it is up or has failed).</summary>
        bool ConnectWifi(string ssid, string password);

        /// <summary>Starts setting the clock from SNTP (the network is up).</summary>
        void StartTimeSync();

        /// <summary>A TCP listener on <paramref name="port"/>; null when it cannot listen.</summary>
        IConnectionListener Listen(int port);

        /// <summary>Periodic platform work (reading hardware counters, driving outputs); called every <see cref="FirmwareHost.PollIntervalMilliseconds"/>.</summary>
        void Poll();

        /// <summary>One line to the debug output.</summary>
        void Log(string line);
    }
}
