using System;
using System.Linq;
using System.Text;
using DlmsDevice.Firmware;

namespace DlmsDevice.Tests.Firmware
{
    /// <summary>The settings file on the device's flash: parsing, validation, safe defaults, no secret in any output.</summary>
    public sealed class SettingsFileTests
    {
        private const string Ak = "3F1A9C22D0E14B6A8B7C5D4E3F2A1B0C";
        private const string Ek = "77665544332211000011223344556677";
        private const string Kek = "0F0E0D0C0B0A09080706050403020100";
        private const string Password = "s3cr3t-LLS-pw";
        private const string WifiPassword = "wifi-pa55word!";

        private static readonly string Full = string.Join("\n", new[]
        {
            "# meter 42 on the test bench",
            "meter.serial = 1234567890123",
            "meter.password = " + Password,
            "meter.hdlc-address = 18",
            "meter.hdlc-inactivity = 60",
            "security.ak = " + Ak,
            "security.ek = " + Ek,
            "security.kek = " + Kek,
            "security.system-title = 4C47420000000042",
            "rs485.baud = 19200",
            "rs485.echo = yes",
            "rs485.turnaround = 10",
            "optical.max-baud = 4800",
            "pulse.pin = 27    # S0 through the opto-isolator",
            "pulse.constant = 10000",
            "voltage.gain = 0.0775",
            "voltage.offset = -1.5",
            "current.enabled = off",
            "wifi.ssid = meters",
            "wifi.password = " + WifiPassword,
            "tcp.hdlc-port = 4060",
            "watchdog.seconds = 20",
            "",
        });

        private static SettingsFile Parse(string text) => SettingsFile.Parse(Encoding.ASCII.GetBytes(text), Encoding.ASCII.GetByteCount(text));

        [Fact]
        public void Parse_FullFile_EveryValueTaken()
        {
            SettingsFile file = Parse("\r\n" + Full.Replace("\n", "\r\n"));
            FirmwareSettings s = file.Settings;

            Assert.False(file.UsesSafeDefaults, string.Join("; ", file.Errors));
            Assert.Empty(file.Errors);
            Assert.Equal("1234567890123", s.SerialNumber);
            Assert.Equal(Password, s.Password);
            Assert.Equal(18, s.HdlcPhysicalAddress);
            Assert.Equal(60, s.HdlcInactivityTimeoutSeconds);
            Assert.Equal(Convert.FromHexString(Ak), s.AuthenticationKey);
            Assert.Equal(Convert.FromHexString(Ek), s.BlockCipherKey);
            Assert.Equal(Convert.FromHexString(Kek), s.MasterKey);
            Assert.Equal(Convert.FromHexString("4C47420000000042"), s.SystemTitle);
            Assert.Equal(19200, s.Rs485.BaudRate);
            Assert.True(s.Rs485.Echo);
            Assert.Equal(10, s.Rs485.TurnaroundMilliseconds);
            Assert.Equal(4800, s.Optical.BaudRate);
            Assert.Equal(10000, s.PulseConstant);
            Assert.Equal(0.0775, s.Voltage.Gain, 12);
            Assert.Equal(-1.5, s.Voltage.Offset, 12);
            Assert.False(s.Current.Enabled);
            Assert.Equal("meters", s.WifiSsid);
            Assert.Equal(WifiPassword, s.WifiPassword);
            Assert.Equal(4060, s.HdlcPort);
            Assert.Equal(20, s.WatchdogSeconds);
            Assert.True(s.UsesRadio);
        }

        [Fact]
        public void Report_FullFile_NoSecretInAnyLine()
        {
            string report = string.Join("\n", Parse(Full).Report());

            Assert.Contains("password set", report);
            Assert.Contains("AK set, EK set, KEK set", report);
            Assert.Contains("Wi-Fi meters", report);
            foreach (string secret in new[] { Ak, Ek, Kek, Password, WifiPassword })
            {
                Assert.DoesNotContain(secret, report, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret.Substring(0, 8), report, StringComparison.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public void Parse_NoFile_SafeDefaults_SerialOnlyNoRadioTestKeys()
        {
            SettingsFile file = SettingsFile.Parse(null!, 0);

            Assert.True(file.UsesSafeDefaults);
            Assert.False(file.Settings.UsesRadio);
            Assert.True(file.Settings.Rs485.Enabled);
            Assert.True(file.Settings.Optical.Enabled);
            Assert.Null(file.Settings.AuthenticationKey);
            Assert.Contains(file.Report(), l => l.Contains("SAFE DEFAULTS"));
            Assert.Contains(file.Report(), l => l.Contains("no settings file"));
        }

        [Theory]
        [InlineData("rs485.baud = 12345", "rs485.baud: 12345 Bd is not a speed the line offers")]
        [InlineData("rs485.baud = fast", "line 1: rs485.baud: 'fast' is not a whole number from 300 to 115200")]
        [InlineData("meter.serial = 12345678901234", "line 1: meter.serial: 1 to 13 characters")]
        [InlineData("colour = blue", "line 1: colour: unknown key")]
        [InlineData("just some words", "line 1: not 'key = value'")]
        [InlineData("rs485.echo = maybe", "line 1: rs485.echo: 'maybe' is not true or false")]
        [InlineData("voltage.gain = 1e-3", "line 1: voltage.gain: '1e-3' is not a decimal number like 0.1234")]
        [InlineData("relay.pin = 35", "relay.pin: GPIO 35 is an input only")]
        [InlineData("pulse.pin = 7", "pulse.pin: GPIO 7 belongs to the flash")]
        [InlineData("relay.pin = 17", "relay.pin: GPIO 17 is already rs485.tx")]
        [InlineData("optical.uart = 2", "rs485.uart and optical.uart: both use COM2")]
        [InlineData("current.channel = 6", "voltage.channel and current.channel: both use ADC channel 6")]
        [InlineData("optical.max-baud = 38400", "line 1: optical.max-baud: '38400' is not a whole number from 300 to 19200")]
        [InlineData("wifi.ssid = x\ntcp.wrapper-port = 0", "tcp.wrapper-port and tcp.hdlc-port: Wi-Fi with no TCP port")]
        [InlineData("rs485.enabled = no\noptical.enabled = no", "rs485, optical, wifi: nothing to serve")]
        public void Parse_OneError_SafeDefaultsAndAClearMessage(string text, string message)
        {
            SettingsFile file = Parse(text);

            Assert.True(file.UsesSafeDefaults);
            Assert.Contains(message, file.Errors);
            Assert.Contains("settings: " + message, file.Report());
            Assert.False(file.Settings.UsesRadio);
            Assert.Equal(9600, file.Settings.Rs485.BaudRate);
        }

        [Fact]
        public void Parse_ErrorInAFileWithWifi_NoRadio()
        {
            SettingsFile file = Parse(Full + "rs485.baud = 7\n");

            Assert.True(file.UsesSafeDefaults);
            Assert.False(file.Settings.UsesRadio);
            Assert.Null(file.Settings.WifiSsid);
            Assert.Contains(file.Report(), l => l.StartsWith("network: none", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("security.ak = " + Ak + "00")]
        [InlineData("security.ak = " + "3F1A9C22D0E14B6A8B7C5D4E3F2A1BXX")]
        [InlineData("meter.password = " + Password + "\nmeter.serial = \u00e9t\u00e9")]
        public void Parse_BadSecretLine_MessageNeverQuotesTheSecret(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            SettingsFile file = SettingsFile.Parse(bytes, bytes.Length);

            Assert.True(file.UsesSafeDefaults);
            string all = string.Join("\n", file.Report());
            Assert.DoesNotContain("3F1A9C22", all);
            Assert.DoesNotContain(Password, all);
        }

        [Fact]
        public void Parse_NonAsciiByte_ErrorNamesTheLine()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("meter.serial = 1\nmeter.password = p\u00e4ss\n");

            SettingsFile file = SettingsFile.Parse(bytes, bytes.Length);

            Assert.Equal(new[] { "line 2: only printable ASCII is allowed" }, file.Errors);
        }

        [Fact]
        public void Parse_ByteOrderMarkAndComments_Accepted()
        {
            byte[] bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.ASCII.GetBytes("# c\n  meter.serial = 7 # trailing\n")).ToArray();

            SettingsFile file = SettingsFile.Parse(bytes, bytes.Length);

            Assert.False(file.UsesSafeDefaults, string.Join("; ", file.Errors));
            Assert.Equal("7", file.Settings.SerialNumber);
        }
    }
}
