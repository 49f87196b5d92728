using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json;

namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>
    /// Reads and checks a board file (JSON, docs/linux-board.md). Every problem is reported as
    /// <c>field.path: reason</c> (<c>pulseInputs[0].pin: 99 is out of range (0 to 511)</c>,
    /// <c>rs485.dePin: is required with "driverEnable": "gpio"</c>), all of them at once; a file
    /// with any problem gives no board. Secrets are only referenced here (a file or an environment
    /// variable), never read: see <see cref="SecretReader"/>.
    /// </summary>
    public static class BoardFileReader
    {
        /// <summary>The highest GPIO line number accepted (a chip's lines are numbered from 0).</summary>
        public const int MaxGpioLine = 511;

        private static readonly int[] s_fullScales = { 6144, 4096, 2048, 1024, 512, 256 };
        private static readonly int[] s_dataRates = { 8, 16, 32, 64, 128, 250, 475, 860 };
        private static readonly string[] s_adsInputs = { "AIN0-AIN1", "AIN0-AIN3", "AIN1-AIN3", "AIN2-AIN3", "AIN0", "AIN1", "AIN2", "AIN3" };
        private static readonly int[] s_speeds = { 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 };

        /// <summary>Reads <paramref name="path"/>; <paramref name="errors"/> gets every problem found.</summary>
        /// <returns>The board, or null when the file cannot be read or has a problem.</returns>
        public static BoardFile? ReadFile(string path, List<string> errors)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(errors);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                errors.Add("cannot read the board file: missing");
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                errors.Add("cannot read the board file: permission denied");
                return null;
            }
            catch (IOException e)
            {
                errors.Add("cannot read the board file: " + e.Message);
                return null;
            }
            return Parse(text, path, errors);
        }

        /// <summary>Reads a board from <paramref name="json"/>; <paramref name="errors"/> gets every problem found.</summary>
        public static BoardFile? Parse(string json, string path, List<string> errors)
        {
            ArgumentNullException.ThrowIfNull(json);
            ArgumentNullException.ThrowIfNull(errors);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                errors.Add("not valid JSON at line " + ((e.LineNumber ?? 0) + 1) + ", byte " + ((e.BytePositionInLine ?? 0) + 1) + ": " + FirstSentence(e.Message));
                return null;
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add("the board file must hold one JSON object { ... }");
                    return null;
                }
                int before = errors.Count;
                BoardFile board = Read(new JsonSection(document.RootElement, "", errors), path, errors);
                return errors.Count == before ? board : null;
            }
        }

        private static BoardFile Read(JsonSection root, string path, List<string> errors)
        {
            MeterSection meter = ReadMeter(root.Object("meter"));
            string? state = root.String("stateDirectory");
            if (state != null && state.Trim().Length == 0)
            {
                root.Error("stateDirectory", "must name a directory (or leave the field out: nothing persists)");
            }
            JsonSection? gpio = root.Object("gpio");
            int chip = 0;
            if (gpio != null)
            {
                chip = gpio.Int("chip", 0, 0, 63);
                gpio.RejectUnknown();
            }
            List<PulseInputSection> pulses = new List<PulseInputSection>();
            foreach (JsonSection item in root.Array("pulseInputs"))
            {
                pulses.Add(ReadPulse(item));
            }
            if (pulses.Count > 4)
            {
                root.Error("pulseInputs", "at most 4 pulse inputs");
            }
            List<AdcSection> adcs = new List<AdcSection>();
            foreach (JsonSection item in root.Array("adcs"))
            {
                adcs.Add(ReadAdc(item));
            }
            AnalogSection? voltage = ReadAnalog(root.Object("voltage"), adcs);
            AnalogSection? current = ReadAnalog(root.Object("current"), adcs);
            int poll = root.Int("analogPollMs", 250, 10, 60000);
            SwitchSection? cover = ReadSwitch(root.Object("cover"), false, 50);
            SwitchSection? magnet = ReadSwitch(root.Object("magnet"), false, 50);
            SwitchSection? powerFail = ReadSwitch(root.Object("powerFail"), true, 2);
            RelaySection? relay = ReadRelay(root.Object("relay"));
            Rs485Section? rs485 = ReadRs485(root.Object("rs485"));
            TcpSection tcp = ReadTcp(root.Object("tcp"));
            root.RejectUnknown();

            BoardFile board = new BoardFile
            {
                Path = path,
                Meter = meter,
                StateDirectory = state,
                GpioChip = chip,
                PulseInputs = pulses,
                Adcs = adcs,
                Voltage = voltage,
                Current = current,
                AnalogPollMilliseconds = poll,
                Cover = cover,
                Magnet = magnet,
                PowerFail = powerFail,
                Relay = relay,
                Rs485 = rs485,
                Tcp = tcp,
            };
            CheckAcross(board, root);
            return board;
        }

        private static MeterSection ReadMeter(JsonSection? s)
        {
            if (s == null)
            {
                return new MeterSection();
            }
            string serial = s.String("serialNumber") ?? "0000000000001";
            if (serial.Length < 1 || serial.Length > 13 || !IsPrintableAscii(serial))
            {
                s.Error(s.Field("serialNumber"), "takes 1 to 13 printable ASCII characters");
            }
            SecretReference? password = ReadSecret(s, "password");
            int address = s.Int("hdlcAddress", 17, 16, 16383);
            int inactivity = s.Int("hdlcInactivitySeconds", 120, 0, 65535);
            int pdu = s.Int("maxPdu", 1024, 64, 65535);
            byte[]? title = null;
            string? titleText = s.String("systemTitle");
            if (titleText != null)
            {
                title = ParseHex(titleText, 8);
                if (title == null)
                {
                    s.Error(s.Field("systemTitle"), "takes 16 hex digits (8 bytes)");
                }
            }
            SecretReference? ak = null;
            SecretReference? ek = null;
            SecretReference? kek = null;
            JsonSection? keys = s.Object("keys");
            if (keys != null)
            {
                ak = ReadSecret(keys, "authentication");
                ek = ReadSecret(keys, "encryption");
                kek = ReadSecret(keys, "master");
                keys.RejectUnknown();
            }
            s.RejectUnknown();
            return new MeterSection
            {
                SerialNumber = serial,
                Password = password,
                HdlcAddress = address,
                HdlcInactivitySeconds = inactivity,
                MaxPdu = pdu,
                SystemTitle = title,
                AuthenticationKey = ak,
                EncryptionKey = ek,
                MasterKey = kek,
            };
        }

        // A secret is named, never written: { "file": "/etc/dlms-meter/ak" } or { "env": "DLMS_AK" }.
        private static SecretReference? ReadSecret(JsonSection s, string name)
        {
            JsonValueKind kind = s.Kind(name);
            if (kind == JsonValueKind.Undefined || kind == JsonValueKind.Null)
            {
                return null;
            }
            if (kind != JsonValueKind.Object)
            {
                s.Error(s.Field(name), "secrets are given by reference, not inline: { \"file\": \"/path\" } or { \"env\": \"VARIABLE\" }");
                return null;
            }
            JsonSection? r = s.Object(name);
            if (r == null)
            {
                return null;
            }
            string? file = r.String("file");
            string? env = r.String("env");
            r.RejectUnknown();
            if ((file == null) == (env == null))
            {
                r.Error(r.Path, "give exactly one of \"file\" and \"env\"");
                return null;
            }
            if ((file != null && file.Length == 0) || (env != null && env.Length == 0))
            {
                r.Error(r.Path, "the file or variable name is empty");
                return null;
            }
            return new SecretReference { Field = r.Path, File = file, Environment = env };
        }

        private static PulseInputSection ReadPulse(JsonSection s)
        {
            int pin = s.RequiredInt("pin", 0, MaxGpioLine);
            bool activeLow = s.Bool("activeLow", true);
            LineBias bias = ReadBias(s, LineBias.PullUp);
            int constant = s.Int("impulsesPerKwh", 1000, 1, 1000000);
            bool import = true;
            string? direction = s.String("direction");
            if (direction != null)
            {
                if (direction == "export")
                {
                    import = false;
                }
                else if (direction != "import")
                {
                    s.Error(s.Field("direction"), "is \"import\" or \"export\"");
                }
            }
            int debounce = s.Int("debounceMs", 5, 0, 1000);
            int width = s.Int("minPulseMs", 30, 0, 10000);
            if (s.Has("debounceMs") || s.Has("minPulseMs"))
            {
                if (debounce > 0 && width > 0 && debounce >= width)
                {
                    s.Error(s.Field("debounceMs"), "must be shorter than minPulseMs (" + width + " ms), or real pulses are taken for bounce");
                }
            }
            s.RejectUnknown();
            return new PulseInputSection
            {
                Pin = pin,
                ActiveLow = activeLow,
                Bias = bias,
                ImpulsesPerKwh = constant,
                Import = import,
                DebounceMilliseconds = debounce,
                MinimumPulseMilliseconds = width,
            };
        }

        private static AdcSection ReadAdc(JsonSection s)
        {
            string? id = s.String("id");
            if (string.IsNullOrEmpty(id))
            {
                s.Error(s.Field("id"), "is required (the name the voltage and current channels use)");
                id = "";
            }
            string? typeText = s.String("type");
            AdcType type = AdcType.Ads1115;
            if (typeText == "mcp3008")
            {
                type = AdcType.Mcp3008;
            }
            else if (typeText != "ads1115")
            {
                s.Error(s.Field("type"), typeText == null ? "is required: \"ads1115\" (I2C) or \"mcp3008\" (SPI)" : "\"" + typeText + "\" is not a supported converter: \"ads1115\" (I2C) or \"mcp3008\" (SPI)");
            }
            AdcSection adc;
            if (type == AdcType.Ads1115)
            {
                adc = new AdcSection
                {
                    Id = id,
                    Type = type,
                    I2cBus = s.Int("i2cBus", 1, 0, 255),
                    Address = s.Int("address", 0x48, 0x48, 0x4B),
                    FullScaleMillivolts = s.OneOf("fullScaleMillivolts", 4096, s_fullScales),
                    SamplesPerSecond = s.OneOf("samplesPerSecond", 128, s_dataRates),
                };
            }
            else
            {
                adc = new AdcSection
                {
                    Id = id,
                    Type = type,
                    SpiBus = s.Int("spiBus", 0, 0, 255),
                    ChipSelect = s.Int("chipSelect", 0, 0, 255),
                    ClockHz = s.Int("clockHz", 1_000_000, 10_000, 3_600_000),
                };
            }
            s.RejectUnknown();
            return adc;
        }

        private static AnalogSection? ReadAnalog(JsonSection? s, List<AdcSection> adcs)
        {
            if (s == null)
            {
                return null;
            }
            string adcId = s.String("adc") ?? "";
            AdcSection? adc = adcs.Find(a => a.Id == adcId);
            if (adcId.Length == 0)
            {
                s.Error(s.Field("adc"), "is required: the id of one of \"adcs\"");
            }
            else if (adc == null)
            {
                s.Error(s.Field("adc"), "\"" + adcId + "\" is not the id of any of \"adcs\"");
            }
            int input = 0;
            string inputName = "";
            if (!s.Has("input"))
            {
                s.Error(s.Field("input"), "is required");
            }
            else if (adc != null)
            {
                JsonElement value = s.Element("input");
                if (adc.Type == AdcType.Ads1115)
                {
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n >= 0 && n <= 3)
                    {
                        input = 4 + n;
                        inputName = s_adsInputs[input];
                    }
                    else if (value.ValueKind == JsonValueKind.String && Array.IndexOf(s_adsInputs, value.GetString()) >= 0)
                    {
                        inputName = value.GetString()!;
                        input = Array.IndexOf(s_adsInputs, inputName);
                    }
                    else
                    {
                        s.Error(s.Field("input"), "an ADS1115 input is 0..3 or one of " + string.Join(", ", s_adsInputs));
                    }
                }
                else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int channel) && channel >= 0 && channel <= 7)
                {
                    input = channel;
                    inputName = "CH" + channel;
                }
                else
                {
                    s.Error(s.Field("input"), "an MCP3008 channel is 0..7");
                }
            }
            int samples = s.Int("samples", 4, 1, 64);
            double gain = 0;
            double offset = 0;
            JsonSection? calibration = s.Object("calibration");
            bool linear = s.Has("gain") || s.Has("offset");
            if (calibration != null && linear)
            {
                s.Error(s.Field("calibration"), "give either \"gain\"/\"offset\" or \"calibration\", not both");
            }
            else if (calibration != null)
            {
                // Two reference points measured on the bench: the line through them.
                int raw1 = calibration.RequiredInt("raw1", -1_000_000, 1_000_000);
                double value1 = calibration.Double("value1", 0);
                int raw2 = calibration.RequiredInt("raw2", -1_000_000, 1_000_000);
                double value2 = calibration.Double("value2", 0);
                if (!calibration.Has("value1") || !calibration.Has("value2"))
                {
                    calibration.Error(calibration.Path, "needs raw1, value1, raw2 and value2");
                }
                calibration.RejectUnknown();
                DlmsDevice.Hal.CalibratedAnalogInput line = new DlmsDevice.Hal.CalibratedAnalogInput(new ConstantInput(), 0, 0);
                if (!line.Calibrate(raw1, value1, raw2, value2))
                {
                    calibration.Error(calibration.Field("raw2"), "must differ from raw1");
                }
                gain = line.Gain;
                offset = line.Offset;
            }
            else if (!s.Has("gain"))
            {
                s.Error(s.Field("gain"), "is required (physical units per count), or give \"calibration\" with two reference points");
            }
            else
            {
                gain = s.Double("gain", 0);
                offset = s.Double("offset", 0);
            }
            s.RejectUnknown();
            return new AnalogSection
            {
                Field = s.Path,
                Adc = adcId,
                Input = input,
                InputName = inputName,
                Samples = samples,
                Gain = gain,
                Offset = offset,
            };
        }

        private static SwitchSection? ReadSwitch(JsonSection? s, bool activeLowDefault, int debounceDefault)
        {
            if (s == null)
            {
                return null;
            }
            SwitchSection section = new SwitchSection
            {
                Pin = s.RequiredInt("pin", 0, MaxGpioLine),
                ActiveLow = s.Bool("activeLow", activeLowDefault),
                Bias = ReadBias(s, LineBias.PullUp),
                DebounceMilliseconds = s.Int("debounceMs", debounceDefault, 0, 10000),
            };
            s.RejectUnknown();
            return section;
        }

        private static RelaySection? ReadRelay(JsonSection? s)
        {
            if (s == null)
            {
                return null;
            }
            RelaySection section = new RelaySection
            {
                Pin = s.RequiredInt("pin", 0, MaxGpioLine),
                ActiveLow = s.Bool("activeLow", false),
            };
            s.RejectUnknown();
            return section;
        }

        private static Rs485Section? ReadRs485(JsonSection? s)
        {
            if (s == null)
            {
                return null;
            }
            string? device = s.String("device");
            if (string.IsNullOrEmpty(device))
            {
                s.Error(s.Field("device"), "is required (e.g. /dev/ttyAMA0, /dev/ttyS0, /dev/ttyUSB0)");
                device = "";
            }
            int baud = s.OneOf("baud", 9600, s_speeds);
            DriverEnableKind kind = DriverEnableKind.Kernel;
            string? de = s.String("driverEnable");
            if (de == "gpio")
            {
                kind = DriverEnableKind.Gpio;
            }
            else if (de == "auto")
            {
                kind = DriverEnableKind.Auto;
            }
            else if (de != null && de != "kernel")
            {
                s.Error(s.Field("driverEnable"), "is \"kernel\" (the UART's RS-485 mode drives RTS), \"gpio\" (a GPIO line, dePin) or \"auto\" (the transceiver switches itself)");
            }
            int pin = s.Int("dePin", -1, 0, MaxGpioLine);
            if (kind == DriverEnableKind.Gpio && pin < 0 && !s.Has("dePin"))
            {
                s.Error(s.Field("dePin"), "is required with \"driverEnable\": \"gpio\"");
            }
            if (kind != DriverEnableKind.Gpio && s.Has("dePin"))
            {
                s.Error(s.Field("dePin"), "is used only with \"driverEnable\": \"gpio\"");
            }
            Rs485Section section = new Rs485Section
            {
                Device = device,
                Baud = baud,
                DriverEnable = kind,
                DriverEnablePin = pin,
                DriverEnableActiveLow = s.Bool("deActiveLow", false),
                RtsHighOnSend = s.Bool("rtsHighOnSend", true),
                Echo = s.Bool("echo", false),
                TurnaroundMilliseconds = s.Int("turnaroundMs", 5, 0, 1000),
            };
            s.RejectUnknown();
            return section;
        }

        private static TcpSection ReadTcp(JsonSection? s)
        {
            if (s == null)
            {
                return new TcpSection();
            }
            string bind = s.String("bind") ?? "0.0.0.0";
            if (!IPAddress.TryParse(bind, out _))
            {
                s.Error(s.Field("bind"), "\"" + bind + "\" is not an IP address (0.0.0.0 = every interface, 127.0.0.1 = this machine only)");
            }
            TcpSection section = new TcpSection
            {
                Bind = bind,
                WrapperPort = s.Int("wrapperPort", 4059, 0, 65535),
                HdlcPort = s.Int("hdlcPort", 0, 0, 65535),
                Connections = s.Int("connections", 4, 1, 64),
            };
            if (section.WrapperPort != 0 && section.WrapperPort == section.HdlcPort)
            {
                s.Error(s.Field("hdlcPort"), "must differ from wrapperPort");
            }
            s.RejectUnknown();
            return section;
        }

        private static LineBias ReadBias(JsonSection s, LineBias fallback)
        {
            string? text = s.String("bias");
            switch (text)
            {
                case null:
                    return fallback;
                case "pullUp":
                    return LineBias.PullUp;
                case "pullDown":
                    return LineBias.PullDown;
                case "none":
                    return LineBias.None;
                default:
                    s.Error(s.Field("bias"), "is \"pullUp\", \"pullDown\" or \"none\"");
                    return fallback;
            }
        }

        // Checks that need more than one field: a line used twice, ids, something to serve.
        private static void CheckAcross(BoardFile board, JsonSection root)
        {
            Dictionary<int, string> lines = new Dictionary<int, string>();
            for (int i = 0; i < board.PulseInputs.Count; i++)
            {
                Line(lines, board.PulseInputs[i].Pin, "pulseInputs[" + i + "].pin", root);
            }
            if (board.Cover != null)
            {
                Line(lines, board.Cover.Pin, "cover.pin", root);
            }
            if (board.Magnet != null)
            {
                Line(lines, board.Magnet.Pin, "magnet.pin", root);
            }
            if (board.PowerFail != null)
            {
                Line(lines, board.PowerFail.Pin, "powerFail.pin", root);
            }
            if (board.Relay != null)
            {
                Line(lines, board.Relay.Pin, "relay.pin", root);
            }
            if (board.Rs485 != null && board.Rs485.DriverEnable == DriverEnableKind.Gpio && board.Rs485.DriverEnablePin >= 0)
            {
                Line(lines, board.Rs485.DriverEnablePin, "rs485.dePin", root);
            }
            HashSet<string> ids = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < board.Adcs.Count; i++)
            {
                AdcSection adc = board.Adcs[i];
                if (adc.Id.Length > 0 && !ids.Add(adc.Id))
                {
                    root.Error("adcs[" + i + "].id", "\"" + adc.Id + "\" is used by another converter");
                }
                for (int j = 0; j < i; j++)
                {
                    AdcSection other = board.Adcs[j];
                    bool sameI2c = adc.Type == AdcType.Ads1115 && other.Type == AdcType.Ads1115 && adc.I2cBus == other.I2cBus && adc.Address == other.Address;
                    bool sameSpi = adc.Type == AdcType.Mcp3008 && other.Type == AdcType.Mcp3008 && adc.SpiBus == other.SpiBus && adc.ChipSelect == other.ChipSelect;
                    if (sameI2c || sameSpi)
                    {
                        root.Error("adcs[" + i + "]", "the same converter as adcs[" + j + "]");
                    }
                }
            }
            if (board.Voltage != null && board.Current != null && board.Voltage.Adc == board.Current.Adc && board.Voltage.Input == board.Current.Input)
            {
                root.Error("current.input", "the same input as voltage.input");
            }
            if (board.Tcp.WrapperPort == 0 && board.Tcp.HdlcPort == 0 && board.Rs485 == null)
            {
                root.Error("tcp", "nothing to serve: give a TCP port or \"rs485\"");
            }
        }

        private static void Line(Dictionary<int, string> lines, int pin, string field, JsonSection root)
        {
            if (lines.TryGetValue(pin, out string? other))
            {
                root.Error(field, "GPIO line " + pin + " is already " + other);
                return;
            }
            lines.Add(pin, field);
        }

        private static bool IsPrintableAscii(string text)
        {
            foreach (char c in text)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Exactly <paramref name="length"/> bytes of hex; null otherwise.</summary>
        internal static byte[]? ParseHex(string text, int length)
        {
            string t = text.Trim();
            if (t.Length != length * 2)
            {
                return null;
            }
            try
            {
                return Convert.FromHexString(t);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end + 1) : message;
        }

        // CalibratedAnalogInput computes the line through two points; it needs a source it never reads here.
        private sealed class ConstantInput : DlmsDevice.Hal.IAnalogInput
        {
            public int ReadRaw() => 0;

            public double ReadValue() => 0;
        }
    }
}
