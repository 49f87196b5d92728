using System.Collections;

namespace DlmsDevice.Firmware
{
    // The key = value lines of a settings file into a FirmwareSettings. Errors collected as
    // "line N: key: what"; a secret's value is never quoted.
    internal sealed class SettingsReader
    {
        private const int MaxLine = 256;

        private readonly FirmwareSettings _settings;
        private readonly ArrayList _errors;
        private readonly char[] _line = new char[MaxLine];
        private int _lineNumber;

        internal SettingsReader(FirmwareSettings settings, ArrayList errors)
        {
            _settings = settings;
            _errors = errors;
        }

        internal void Read(byte[] data, int count)
        {
            int start = 0;
            // A UTF-8 byte order mark is allowed before the first line.
            if (count >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
            {
                start = 3;
            }
            while (start < count)
            {
                int end = start;
                while (end < count && data[end] != (byte)'\n')
                {
                    end++;
                }
                _lineNumber++;
                ReadLine(data, start, end);
                start = end + 1;
            }
        }

        private void ReadLine(byte[] data, int start, int end)
        {
            int length = 0;
            for (int i = start; i < end; i++)
            {
                byte b = data[i];
                if (b == (byte)'#')
                {
                    break;
                }
                if (b == (byte)'\r')
                {
                    continue;
                }
                if (b >= 0x80 || (b < 0x20 && b != (byte)'\t'))
                {
                    Error(null, "only printable ASCII is allowed");
                    return;
                }
                if (length == MaxLine)
                {
                    Error(null, "longer than " + MaxLine.ToString() + " characters");
                    return;
                }
                _line[length++] = (char)b;
            }
            string text = new string(_line, 0, length).Trim();
            if (text.Length == 0)
            {
                return;
            }
            int equals = text.IndexOf('=');
            if (equals <= 0)
            {
                Error(null, "not 'key = value'");
                return;
            }
            string key = text.Substring(0, equals).Trim().ToLower();
            string value = text.Substring(equals + 1).Trim();
            Apply(key, value);
        }

        private void Apply(string key, string value)
        {
            FirmwareSettings s = _settings;
            switch (key)
            {
                case "meter.serial":
                    if (value.Length < 1 || value.Length > 13)
                    {
                        Error(key, "1 to 13 characters");
                    }
                    s.SerialNumber = value;
                    break;
                case "meter.password":
                    if (value.Length < 1 || value.Length > 64)
                    {
                        Error(key, "1 to 64 characters");
                    }
                    s.Password = value;
                    break;
                case "meter.hdlc-address":
                    s.HdlcPhysicalAddress = Int(key, value, 16, 16383);
                    break;
                case "meter.hdlc-inactivity":
                    s.HdlcInactivityTimeoutSeconds = Int(key, value, 0, 65535);
                    break;
                case "meter.max-pdu":
                    s.MaxApduSize = Int(key, value, 64, 65535);
                    break;
                case "security.ak":
                    s.AuthenticationKey = Hex(key, value, 16);
                    break;
                case "security.ek":
                    s.BlockCipherKey = Hex(key, value, 16);
                    break;
                case "security.kek":
                    s.MasterKey = Hex(key, value, 16);
                    break;
                case "security.system-title":
                    s.SystemTitle = Hex(key, value, 8);
                    break;
                case "rs485.enabled":
                    s.Rs485.Enabled = Bool(key, value);
                    break;
                case "rs485.uart":
                    s.Rs485.Uart = Int(key, value, 2, 3);
                    break;
                case "rs485.tx":
                    s.Rs485.TxPin = Int(key, value, 0, 39);
                    break;
                case "rs485.rx":
                    s.Rs485.RxPin = Int(key, value, 0, 39);
                    break;
                case "rs485.rts":
                    s.Rs485.RtsPin = Int(key, value, -1, 39);
                    break;
                case "rs485.baud":
                    s.Rs485.BaudRate = Int(key, value, 300, 115200);
                    break;
                case "rs485.echo":
                    s.Rs485.Echo = Bool(key, value);
                    break;
                case "rs485.turnaround":
                    s.Rs485.TurnaroundMilliseconds = Int(key, value, 0, 1000);
                    break;
                case "optical.enabled":
                    s.Optical.Enabled = Bool(key, value);
                    break;
                case "optical.uart":
                    s.Optical.Uart = Int(key, value, 2, 3);
                    break;
                case "optical.tx":
                    s.Optical.TxPin = Int(key, value, 0, 39);
                    break;
                case "optical.rx":
                    s.Optical.RxPin = Int(key, value, 0, 39);
                    break;
                case "optical.max-baud":
                    s.Optical.BaudRate = Int(key, value, 300, 19200);
                    break;
                case "pulse.pin":
                    s.PulsePin = Int(key, value, -1, 39);
                    break;
                case "pulse.constant":
                    s.PulseConstant = Int(key, value, 1, 100000);
                    break;
                case "pulse.filter":
                    s.PulseFilter = Int(key, value, 0, 1023);
                    break;
                case "voltage.enabled":
                    s.Voltage.Enabled = Bool(key, value);
                    break;
                case "voltage.channel":
                    s.Voltage.Channel = Int(key, value, 0, 7);
                    break;
                case "voltage.samples":
                    s.Voltage.Samples = Int(key, value, 1, 1024);
                    break;
                case "voltage.gain":
                    s.Voltage.Gain = Number(key, value);
                    break;
                case "voltage.offset":
                    s.Voltage.Offset = Number(key, value);
                    break;
                case "current.enabled":
                    s.Current.Enabled = Bool(key, value);
                    break;
                case "current.channel":
                    s.Current.Channel = Int(key, value, 0, 7);
                    break;
                case "current.samples":
                    s.Current.Samples = Int(key, value, 1, 1024);
                    break;
                case "current.gain":
                    s.Current.Gain = Number(key, value);
                    break;
                case "current.offset":
                    s.Current.Offset = Number(key, value);
                    break;
                case "cover.pin":
                    s.CoverPin = Int(key, value, -1, 39);
                    break;
                case "powerfail.pin":
                    s.PowerFailPin = Int(key, value, -1, 39);
                    break;
                case "powerfail.active-low":
                    s.PowerFailActiveLow = Bool(key, value);
                    break;
                case "relay.pin":
                    s.RelayPin = Int(key, value, -1, 39);
                    break;
                case "wifi.ssid":
                    if (value.Length > 32)
                    {
                        Error(key, "at most 32 characters");
                    }
                    s.WifiSsid = value;
                    break;
                case "wifi.password":
                    if (value.Length > 64)
                    {
                        Error(key, "at most 64 characters");
                    }
                    s.WifiPassword = value;
                    break;
                case "tcp.wrapper-port":
                    s.WrapperPort = Int(key, value, 0, 65535);
                    break;
                case "tcp.hdlc-port":
                    s.HdlcPort = Int(key, value, 0, 65535);
                    break;
                case "tcp.connections":
                    s.TcpConnections = Int(key, value, 1, 8);
                    break;
                case "time.sntp":
                    s.UseSntp = Bool(key, value);
                    break;
                case "watchdog.seconds":
                    s.WatchdogSeconds = Int(key, value, 0, 3600);
                    break;
                default:
                    Error(key, "unknown key");
                    break;
            }
        }

        private int Int(string key, string value, int min, int max)
        {
            int result;
            if (!TryInt(value, out result) || result < min || result > max)
            {
                Error(key, "'" + value + "' is not a whole number from " + min.ToString() + " to " + max.ToString());
                return 0;
            }
            return result;
        }

        private bool Bool(string key, string value)
        {
            string v = value.ToLower();
            if (v == "true" || v == "yes" || v == "on" || v == "1")
            {
                return true;
            }
            if (v == "false" || v == "no" || v == "off" || v == "0")
            {
                return false;
            }
            Error(key, "'" + value + "' is not true or false");
            return false;
        }

        // [-]digits[.digits]: the calibration numbers (no exponent, at most 15 digits).
        private double Number(string key, string value)
        {
            int i = 0;
            bool negative = false;
            if (value.Length > 0 && (value[0] == '-' || value[0] == '+'))
            {
                negative = value[0] == '-';
                i = 1;
            }
            long mantissa = 0;
            int digits = 0;
            int decimals = -1;
            for (; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '.' && decimals < 0)
                {
                    decimals = 0;
                    continue;
                }
                if (c < '0' || c > '9' || digits == 15)
                {
                    digits = -1;
                    break;
                }
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            if (digits <= 0)
            {
                Error(key, "'" + value + "' is not a decimal number like 0.1234");
                return 0;
            }
            double result = mantissa;
            for (int d = 0; d < decimals; d++)
            {
                result /= 10;
            }
            return negative ? -result : result;
        }

        // Secrets among these: the message never shows the value.
        private byte[] Hex(string key, string value, int bytes)
        {
            if (value.Length != bytes * 2)
            {
                Error(key, "needs " + (bytes * 2).ToString() + " hex digits");
                return null;
            }
            byte[] result = new byte[bytes];
            for (int i = 0; i < bytes; i++)
            {
                int high = HexDigit(value[2 * i]);
                int low = HexDigit(value[2 * i + 1]);
                if (high < 0 || low < 0)
                {
                    Error(key, "needs " + (bytes * 2).ToString() + " hex digits");
                    return null;
                }
                result[i] = (byte)((high << 4) | low);
            }
            return result;
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }
            return -1;
        }

        private static bool TryInt(string value, out int result)
        {
            result = 0;
            int i = 0;
            bool negative = false;
            if (value.Length > 0 && value[0] == '-')
            {
                negative = true;
                i = 1;
            }
            if (i == value.Length || value.Length - i > 9)
            {
                return false;
            }
            for (; i < value.Length; i++)
            {
                char c = value[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }
                result = result * 10 + (c - '0');
            }
            if (negative)
            {
                result = -result;
            }
            return true;
        }

        private void Error(string key, string what)
        {
            _errors.Add("line " + _lineNumber.ToString() + ": " + (key == null ? string.Empty : key + ": ") + what);
        }
    }
}
