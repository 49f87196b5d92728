using System.Collections.Generic;
using System.Globalization;
using DlmsDevice.Hal.Linux;
using DlmsDevice.LinuxMeter.Board;

namespace DlmsDevice.LinuxMeter
{
    /// <summary>
    /// What <c>dlms-meter --check</c> prints: the board as opened and one reading of every input
    /// (pulse count and level, ADC counts and the calibrated value, switch levels, the relay),
    /// and where each secret comes from (never its value).
    /// </summary>
    public static class BoardReport
    {
        /// <summary>The report lines for <paramref name="meter"/>.</summary>
        public static List<string> Describe(BoardMeter meter)
        {
            BoardFile b = meter.Board;
            CultureInfo c = CultureInfo.InvariantCulture;
            List<string> lines = new List<string>();
            lines.Add("board " + b.Path + ": every device opened");
            string state = b.StateDirectory == null ? "in memory only (nothing survives a restart)" : meter.Storage == null ? b.StateDirectory + " (not opened by --check)" : b.StateDirectory;
            lines.Add("meter " + meter.Device.Model.LogicalDeviceName + ", HDLC address " + b.Meter.HdlcAddress + ", state " + state);
            lines.Add("password of client 32: " + (b.Meter.Password != null ? b.Meter.Password.ToString() : "the default 12345678"));
            lines.Add("keys of client 48: " + Key("authentication", b.Meter.AuthenticationKey) + ", " + Key("encryption", b.Meter.EncryptionKey) + ", " + Key("master", b.Meter.MasterKey));
            for (int i = 0; i < meter.PulseInputs.Count; i++)
            {
                GpioPulseInput p = meter.PulseInputs[i];
                PulseInputSection s = b.PulseInputs[i];
                lines.Add("pulseInputs[" + i + "] GPIO " + p.Pin + ": " + (p.Active ? "active" : "inactive") + ", " + p.Count + " pulses, " + p.Edges + " edges ("
                    + s.ImpulsesPerKwh + " imp/kWh " + (s.Import ? "import" : "export") + ", debounce " + s.DebounceMilliseconds + " ms, minimum " + s.MinimumPulseMilliseconds + " ms)");
            }
            Analog(lines, meter, b.Voltage, 0, "V", c);
            Analog(lines, meter, b.Current, b.Voltage != null ? 1 : 0, "A", c);
            Switch(lines, "cover", meter.Cover, "open", "closed");
            Switch(lines, "magnet", meter.Magnet, "field present", "no field");
            Switch(lines, "powerFail", meter.PowerFail, "supply failing", "supply good");
            if (meter.Relay != null)
            {
                lines.Add("relay GPIO " + meter.Relay.Pin + ": " + (meter.Relay.Read() ? "connected" : "disconnected"));
            }
            if (meter.Rs485Description != null)
            {
                lines.Add("rs485: " + meter.Rs485Description);
            }
            lines.Add("tcp: " + (b.Tcp.WrapperPort != 0 ? "wrapper " + b.Tcp.Bind + ":" + b.Tcp.WrapperPort : "no wrapper")
                + (b.Tcp.HdlcPort != 0 ? ", HDLC " + b.Tcp.Bind + ":" + b.Tcp.HdlcPort : "") + ", " + b.Tcp.Connections + " connections per port");
            return lines;
        }

        private static void Analog(List<string> lines, BoardMeter meter, AnalogSection? s, int index, string unit, CultureInfo c)
        {
            if (s == null)
            {
                return;
            }
            PolledAnalogInput input = meter.AnalogInputs[index];
            int raw = input.ReadRaw();
            double value = raw * s.Gain + s.Offset;
            lines.Add(input.Name + ": " + raw.ToString(c) + " counts = " + value.ToString("0.###", c) + " " + unit + " (mean of " + s.Samples + ", gain " + s.Gain.ToString("G6", c) + ", offset " + s.Offset.ToString("G6", c) + ")");
        }

        private static void Switch(List<string> lines, string field, GpioDigitalInput? input, string active, string inactive)
        {
            if (input != null)
            {
                lines.Add(field + " GPIO " + input.Pin + ": " + (input.Read() ? active : inactive));
            }
        }

        private static string Key(string name, SecretReference? reference)
        {
            return name + " " + (reference != null ? "from " + reference : "PUBLISHED TEST KEY");
        }
    }
}
