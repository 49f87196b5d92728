using DlmsDevice.Firmware;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// A board for <see cref="FirmwareHost"/> made of inert parts behind the ESP32 board's seams
    /// (UARTs that receive nothing, a simulated pulse counter, fixed ADC readings, inputs and a
    /// relay, Wi-Fi that joins, listeners without connections), so <c>--startup</c> can weigh the
    /// firmware's own start-up: the platform parts are not charged, everything the firmware builds
    /// on top of them is.
    /// </summary>
    internal sealed class BenchmarkBoard : IBoard
    {
        private readonly SimulatedClock _clock = new SimulatedClock(new System.DateTime(2026, 12, 1, 0, 0, 0, System.DateTimeKind.Utc), 0, null);
        private readonly MemoryStorageMedium _medium = new MemoryStorageMedium(512, 1024);

        public ISystemClock Clock => _clock;

        public IEntropySource Entropy { get; } = new SimulatedEntropy(1);

        public IStorageMedium Storage => _medium;

        public ISerialLine OpenSerial(SerialLineSettings line, int baudRate, bool rs485) => new Line(baudRate);

        public IPulseCounter OpenPulseCounter(int pin, int filter) => new SimulatedPulseCounter(1000);

        public IAnalogInput OpenAnalog(int channel) => new Analog();

        public IDigitalInput OpenInput(int pin, bool activeLow) => new Input(pin);

        public IDigitalOutput OpenOutput(int pin) => new Output(pin);

        public bool ConnectWifi(string ssid, string password) => true;

        public void StartTimeSync()
        {
        }

        public IConnectionListener Listen(int port) => new Listener();

        public void Poll()
        {
        }

        public void Log(string line)
        {
        }

        private sealed class Line : ISerialLine
        {
            public Line(int baudRate)
            {
                BaudRate = baudRate;
            }

            public int BaudRate { get; private set; }

            public SerialCharacterFormat Format { get; private set; }

            public bool Configure(int baudRate, SerialCharacterFormat format)
            {
                BaudRate = baudRate;
                Format = format;
                return true;
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;

            public void Write(byte[] buffer, int offset, int count)
            {
            }

            public void Close()
            {
            }
        }

        private sealed class Analog : IAnalogInput
        {
            public int ReadRaw() => 2300;

            public double ReadValue() => 230.0;
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
            private bool _level = true;

            public Output(int pin)
            {
                Pin = pin;
            }

            public int Pin { get; }

            public bool Read() => _level;

            public void Write(bool level) => _level = level;
        }

        private sealed class Listener : IConnectionListener
        {
            public IByteChannel? Accept() => null;

            public void Close()
            {
            }
        }
    }
}
