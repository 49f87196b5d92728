using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using DlmsDevice.Firmware;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Esp32;
using DlmsDevice.Hal.Storage;
using nanoFramework.Networking;

namespace DlmsDevice.Esp32
{
    /// <summary>
    /// The ESP32 DevKitC of docs/esp32.md as <see cref="IBoard"/>: nanoFramework's SerialPort,
    /// GpioPulseCounter (PCNT), AdcController, GpioController, RTC and tick counter, the I:\
    /// flash drive, the hardware RNG, Wi-Fi and sockets, and Debug.WriteLine for the log.
    /// </summary>
    internal sealed class Esp32Board : IBoard
    {
        // The most bytes a record slot holds: the store's 16-byte header and the largest record
        // (a daily profile chunk of the default model, 700 bytes), with a margin.
        private const int SlotCapacity = 768;

        // The state file on the internal flash drive: every record slot is a region of it.
        private const string StatePath = "I:\\dlmsdevice.state";

        private readonly Esp32Clock _clock = new Esp32Clock();
        private readonly Esp32Entropy _entropy = new Esp32Entropy();
        private readonly RegionStorageMedium _storage = new RegionStorageMedium(new Esp32StateFile(StatePath), SlotCapacity);
        private readonly GpioController _gpio = new GpioController();
        private Esp32PulseCounter[] _counters = new Esp32PulseCounter[0];
        private Esp32DigitalOutput[] _outputs = new Esp32DigitalOutput[0];
        private AdcController _adc;

        public ISystemClock Clock
        {
            get { return _clock; }
        }

        public IEntropySource Entropy
        {
            get { return _entropy; }
        }

        public IStorageMedium Storage
        {
            get { return _storage; }
        }

        public ISerialLine OpenSerial(SerialLineSettings line, int baudRate, bool rs485)
        {
            try
            {
                return Esp32SerialLine.Open(line.PortName, line.TxPin, line.RxPin, rs485 ? line.RtsPin : -1, baudRate, rs485);
            }
            catch (Exception e)
            {
                Log(line.PortName + ": " + e.Message);
                return null;
            }
        }

        public IPulseCounter OpenPulseCounter(int pin, int filter)
        {
            try
            {
                Esp32PulseCounter counter = new Esp32PulseCounter(pin, filter);
                _counters = Append(_counters, counter);
                return counter;
            }
            catch (Exception e)
            {
                Log("pulse counter: " + e.Message);
                return null;
            }
        }

        public IAnalogInput OpenAnalog(int channel)
        {
            try
            {
                if (_adc == null)
                {
                    _adc = new AdcController();
                }
                return new Esp32AnalogInput(_adc, channel);
            }
            catch (Exception e)
            {
                Log("ADC: " + e.Message);
                return null;
            }
        }

        public IDigitalInput OpenInput(int pin, bool activeLow)
        {
            try
            {
                return new Esp32DigitalInput(_gpio, pin, activeLow, _clock);
            }
            catch (Exception e)
            {
                Log("GPIO " + pin.ToString() + ": " + e.Message);
                return null;
            }
        }

        public IDigitalOutput OpenOutput(int pin)
        {
            try
            {
                // The relay starts connected (supply on); the engine drives it to its saved state.
                Esp32DigitalOutput output = new Esp32DigitalOutput(_gpio, pin, true);
                Esp32DigitalOutput[] outputs = new Esp32DigitalOutput[_outputs.Length + 1];
                Array.Copy(_outputs, outputs, _outputs.Length);
                outputs[_outputs.Length] = output;
                _outputs = outputs;
                return output;
            }
            catch (Exception e)
            {
                Log("GPIO " + pin.ToString() + ": " + e.Message);
                return null;
            }
        }

        public bool ConnectWifi(string ssid, string password)
        {
            try
            {
                return WifiNetworkHelper.ConnectDhcp(ssid, password, System.Device.Wifi.WifiReconnectionKind.Automatic, false);
            }
            catch (Exception)
            {
                // The message may carry what the helper was given: not logged (the password).
                return false;
            }
        }

        public void StartTimeSync()
        {
            try
            {
                Sntp.Start();
                Sntp.UpdateNow();
            }
            catch (Exception e)
            {
                Log("SNTP: " + e.Message);
            }
        }

        public IConnectionListener Listen(int port)
        {
            return Esp32TcpListener.Start(port);
        }

        public void Poll()
        {
            long now = _clock.GetMonotonicMilliseconds();
            for (int i = 0; i < _counters.Length; i++)
            {
                _counters[i].Poll(now);
            }
            for (int i = 0; i < _outputs.Length; i++)
            {
                _outputs[i].Apply();
            }
        }

        public void Log(string line)
        {
            System.Diagnostics.Debug.WriteLine(line);
        }

        private static Esp32PulseCounter[] Append(Esp32PulseCounter[] counters, Esp32PulseCounter counter)
        {
            Esp32PulseCounter[] result = new Esp32PulseCounter[counters.Length + 1];
            Array.Copy(counters, result, counters.Length);
            result[counters.Length] = counter;
            return result;
        }
    }
}
