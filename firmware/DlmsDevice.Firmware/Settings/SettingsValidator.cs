using System.Collections;

namespace DlmsDevice.Firmware
{
    // Checks that need more than one key: pins shared, pins that cannot drive, the same UART
    // twice, speeds the lines cannot take. ESP32 facts: GPIO 6..11 are the flash, 34..39 are
    // inputs only.
    internal static class SettingsValidator
    {
        private static readonly int[] s_rs485Speeds = { 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 };
        private static readonly int[] s_opticalSpeeds = { 300, 600, 1200, 2400, 4800, 9600, 19200 };

        internal static void Validate(FirmwareSettings s, ArrayList errors)
        {
            int[] pins = new int[12];
            string[] names = new string[12];
            int count = 0;
            if (s.Rs485.Enabled)
            {
                Speed("rs485.baud", s.Rs485.BaudRate, s_rs485Speeds, errors);
                count = Pin(pins, names, count, "rs485.tx", s.Rs485.TxPin, true, errors);
                count = Pin(pins, names, count, "rs485.rx", s.Rs485.RxPin, false, errors);
                count = Pin(pins, names, count, "rs485.rts", s.Rs485.RtsPin, true, errors);
            }
            if (s.Optical.Enabled)
            {
                Speed("optical.max-baud", s.Optical.BaudRate, s_opticalSpeeds, errors);
                count = Pin(pins, names, count, "optical.tx", s.Optical.TxPin, true, errors);
                count = Pin(pins, names, count, "optical.rx", s.Optical.RxPin, false, errors);
            }
            if (s.Rs485.Enabled && s.Optical.Enabled && s.Rs485.Uart == s.Optical.Uart)
            {
                errors.Add("rs485.uart and optical.uart: both use COM" + s.Rs485.Uart.ToString());
            }
            count = Pin(pins, names, count, "pulse.pin", s.PulsePin, false, errors);
            count = Pin(pins, names, count, "cover.pin", s.CoverPin, false, errors);
            count = Pin(pins, names, count, "powerfail.pin", s.PowerFailPin, false, errors);
            count = Pin(pins, names, count, "relay.pin", s.RelayPin, true, errors);
            if (s.Voltage.Enabled && s.Current.Enabled && s.Voltage.Channel == s.Current.Channel)
            {
                errors.Add("voltage.channel and current.channel: both use ADC channel " + s.Voltage.Channel.ToString());
            }
            if (s.UsesRadio)
            {
                if (s.WrapperPort == 0 && s.HdlcPort == 0)
                {
                    errors.Add("tcp.wrapper-port and tcp.hdlc-port: Wi-Fi with no TCP port");
                }
                if (s.WrapperPort != 0 && s.WrapperPort == s.HdlcPort)
                {
                    errors.Add("tcp.wrapper-port and tcp.hdlc-port: the same port");
                }
            }
            if (!s.Rs485.Enabled && !s.Optical.Enabled && !s.UsesRadio)
            {
                errors.Add("rs485, optical, wifi: nothing to serve");
            }
        }

        private static void Speed(string key, int value, int[] allowed, ArrayList errors)
        {
            for (int i = 0; i < allowed.Length; i++)
            {
                if (allowed[i] == value)
                {
                    return;
                }
            }
            errors.Add(key + ": " + value.ToString() + " Bd is not a speed the line offers");
        }

        private static int Pin(int[] pins, string[] names, int count, string key, int pin, bool output, ArrayList errors)
        {
            if (pin < 0)
            {
                return count;
            }
            if (pin >= 6 && pin <= 11)
            {
                errors.Add(key + ": GPIO " + pin.ToString() + " belongs to the flash");
            }
            else if (output && pin >= 34)
            {
                errors.Add(key + ": GPIO " + pin.ToString() + " is an input only");
            }
            for (int i = 0; i < count; i++)
            {
                if (pins[i] == pin)
                {
                    errors.Add(key + ": GPIO " + pin.ToString() + " is already " + names[i]);
                }
            }
            pins[count] = pin;
            names[count] = key;
            return count + 1;
        }
    }
}
