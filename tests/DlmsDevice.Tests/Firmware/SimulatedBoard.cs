using System;
using System.Collections.Generic;
using DlmsDevice.Firmware;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Tests.Meter;
using DlmsDevice.Tests.Optical;
using DlmsDevice.Tests.Runtime;

namespace DlmsDevice.Tests.Firmware
{
    /// <summary>
    /// A board for <see cref="FirmwareHost"/> made of test parts behind the same seams the ESP32
    /// board implements: scripted UARTs (one per COM port), a 16-bit hardware pulse counter read
    /// by the poll (as the ESP32 PCNT), ADC channels, inputs whose edges the test raises, outputs,
    /// Wi-Fi that joins or not, TCP listeners fed by the test, a debug output kept as lines.
    /// </summary>
    internal sealed class SimulatedBoard : IBoard
    {
        public static readonly DateTime Start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

        public ManualClock ManualClock { get; } = new ManualClock(Start);
        public MemoryStorageMedium Medium { get; } = new MemoryStorageMedium(512, 1024);
        public Dictionary<string, FakeSerialLine> Uarts { get; } = new Dictionary<string, FakeSerialLine>();
        public List<string> UartOpens { get; } = new List<string>();
        public List<string> Lines { get; } = new List<string>();
        public Dictionary<int, FakeListener> Listeners { get; } = new Dictionary<int, FakeListener>();
        public Dictionary<int, FakeInput> Inputs { get; } = new Dictionary<int, FakeInput>();
        public Dictionary<int, FakeAnalogInput> Analog { get; } = new Dictionary<int, FakeAnalogInput>();
        public FakeOutput? Relay { get; private set; }
        public PolledPulseCounter? Pulses { get; private set; }

        /// <summary>What the 16-bit PCNT holds now (the test moves it; the poll reads it).</summary>
        public long PulseHardware { get; set; }

        public bool WifiJoins { get; set; } = true;
        public List<string> WifiJoined { get; } = new List<string>();
        public int TimeSyncs { get; private set; }
        public int Polls { get; private set; }

        public ISystemClock Clock => ManualClock;
        public IEntropySource Entropy { get; } = new SimulatedEntropy(7);
        public IStorageMedium Storage => Medium;

        public ISerialLine OpenSerial(SerialLineSettings line, int baudRate, bool rs485)
        {
            UartOpens.Add(line.PortName + " TX " + line.TxPin + " RX " + line.RxPin + " RTS " + line.RtsPin + " " + baudRate + (rs485 ? " RS485" : ""));
            var uart = new FakeSerialLine(baudRate);
            Uarts[line.PortName] = uart;
            return uart;
        }

        public IPulseCounter OpenPulseCounter(int pin, int filter)
        {
            Pulses = new PolledPulseCounter(16);
            return Pulses;
        }

        public IAnalogInput OpenAnalog(int channel)
        {
            var input = new FakeAnalogInput { Raw = channel == 6 ? 2300 : 500 };
            Analog[channel] = input;
            return input;
        }

        public IDigitalInput OpenInput(int pin, bool activeLow)
        {
            var input = new FakeInput(pin);
            Inputs[pin] = input;
            return input;
        }

        public IDigitalOutput OpenOutput(int pin)
        {
            Relay = new FakeOutput(pin);
            return Relay;
        }

        public bool ConnectWifi(string ssid, string password)
        {
            WifiJoined.Add(ssid);
            return WifiJoins;
        }

        public void StartTimeSync() => TimeSyncs++;

        public IConnectionListener Listen(int port)
        {
            var listener = new FakeListener();
            Listeners[port] = listener;
            return listener;
        }

        public void Poll()
        {
            Polls++;
            Pulses?.Sample(PulseHardware & 0xFFFF, ManualClock.Mono);
        }

        public void Log(string line) => Lines.Add(line);

        public sealed class FakeListener : IConnectionListener
        {
            public Queue<IByteChannel> Waiting { get; } = new Queue<IByteChannel>();

            public IByteChannel Accept() => Waiting.Count > 0 ? Waiting.Dequeue() : null!;

            public void Close()
            {
            }
        }

        public sealed class FakeInput : IDigitalInput
        {
            private bool _level;

            public FakeInput(int pin) => Pin = pin;

            public int Pin { get; }

            public event DigitalEdgeHandler? Edge;

            public bool Read() => _level;

            public void Raise(bool level, long utcTicks)
            {
                _level = level;
                Edge?.Invoke(Pin, level, utcTicks);
            }
        }

        public sealed class FakeOutput : IDigitalOutput
        {
            public FakeOutput(int pin) => Pin = pin;

            public int Pin { get; }

            public bool Level { get; private set; } = true;

            public bool Read() => Level;

            public void Write(bool level) => Level = level;
        }
    }
}
