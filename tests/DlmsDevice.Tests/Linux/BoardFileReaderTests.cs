using System;
using System.Collections.Generic;
using System.IO;
using DlmsDevice.LinuxMeter.Board;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>
    /// The board file: the shipped example reads into the board it describes, and every kind of
    /// mistake is reported as "field: reason" (the exact words a person reads), all at once.
    /// </summary>
    public class BoardFileReaderTests
    {
        private static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "board.example.json");

        private static List<string> Errors(string json)
        {
            List<string> errors = new List<string>();
            BoardFile? board = BoardFileReader.Parse(json, "test.json", errors);
            Assert.True(board == null || errors.Count == 0);
            return errors;
        }

        [Fact]
        public void Example_ReadsIntoTheBoardItDescribes()
        {
            List<string> errors = new List<string>();

            BoardFile? board = BoardFileReader.ReadFile(ExamplePath, errors);

            Assert.Empty(errors);
            Assert.NotNull(board);
            Assert.Equal("4711", board!.Meter.SerialNumber);
            Assert.Equal("file /etc/dlms-meter/password", board.Meter.Password!.ToString());
            Assert.Equal("meter.keys.authentication", board.Meter.AuthenticationKey!.Field);
            Assert.Equal("environment DLMS_METER_KEK", board.Meter.MasterKey!.ToString());
            Assert.Equal("/var/lib/dlms-meter", board.StateDirectory);
            PulseInputSection pulse = Assert.Single(board.PulseInputs);
            Assert.Equal((17, true, LineBias.PullUp, 1000, true, 5, 30), (pulse.Pin, pulse.ActiveLow, pulse.Bias, pulse.ImpulsesPerKwh, pulse.Import, pulse.DebounceMilliseconds, pulse.MinimumPulseMilliseconds));
            AdcSection adc = Assert.Single(board.Adcs);
            Assert.Equal((AdcType.Ads1115, 1, 0x48, 4096, 128), (adc.Type, adc.I2cBus, adc.Address, adc.FullScaleMillivolts, adc.SamplesPerSecond));
            Assert.Equal((4, "AIN0", 0.016667, 0.0), (board.Voltage!.Input, board.Voltage.InputName, board.Voltage.Gain, board.Voltage.Offset));
            // Two points (120, 0 A) and (16120, 20 A): 20 A / 16000 counts, 0 A at 120 counts.
            Assert.Equal(5, board.Current!.Input);
            Assert.Equal(0.00125, board.Current.Gain, 12);
            Assert.Equal(-0.15, board.Current.Offset, 12);
            Assert.Equal((22, false), (board.Cover!.Pin, board.Cover.ActiveLow));
            Assert.Equal((23, true), (board.Magnet!.Pin, board.Magnet.ActiveLow));
            Assert.Equal((24, true, 2), (board.PowerFail!.Pin, board.PowerFail.ActiveLow, board.PowerFail.DebounceMilliseconds));
            Assert.Equal(25, board.Relay!.Pin);
            Assert.Equal(("/dev/ttyAMA0", 9600, DriverEnableKind.Gpio, 18), (board.Rs485!.Device, board.Rs485.Baud, board.Rs485.DriverEnable, board.Rs485.DriverEnablePin));
            Assert.Equal(("0.0.0.0", 4059, 0, 4), (board.Tcp.Bind, board.Tcp.WrapperPort, board.Tcp.HdlcPort, board.Tcp.Connections));
        }

        [Fact]
        public void Minimal_DefaultsServeTheWrapperWithoutHardware()
        {
            List<string> errors = new List<string>();

            BoardFile? board = BoardFileReader.Parse("{}", "min.json", errors);

            Assert.Empty(errors);
            Assert.False(board!.UsesGpio);
            Assert.Equal(4059, board.Tcp.WrapperPort);
            Assert.Null(board.Meter.AuthenticationKey);
        }

        [Theory]
        [InlineData("{ \"pulseInputs\": [ { \"pin\": 17, \"debounce\": 5 } ] }",
            "pulseInputs[0].debounce: unknown field (known here: activeLow, bias, debounceMs, direction, impulsesPerKwh, minPulseMs, pin)")]
        [InlineData("{ \"pulseInputs\": [ { \"pin\": 600 } ] }", "pulseInputs[0].pin: 600 is out of range (0 to 511)")]
        [InlineData("{ \"pulseInputs\": [ { } ] }", "pulseInputs[0].pin: is required (a whole number from 0 to 511)")]
        [InlineData("{ \"pulseInputs\": [ { \"pin\": 4, \"debounceMs\": 40 } ] }", "pulseInputs[0].debounceMs: must be shorter than minPulseMs (30 ms), or real pulses are taken for bounce")]
        [InlineData("{ \"pulseInputs\": [ { \"pin\": 4, \"direction\": \"in\" } ] }", "pulseInputs[0].direction: is \"import\" or \"export\"")]
        [InlineData("{ \"meter\": { \"keys\": { \"authentication\": \"00112233445566778899AABBCCDDEEFF\" } } }",
            "meter.keys.authentication: secrets are given by reference, not inline: { \"file\": \"/path\" } or { \"env\": \"VARIABLE\" }")]
        [InlineData("{ \"meter\": { \"password\": { \"file\": \"/a\", \"env\": \"B\" } } }", "meter.password: give exactly one of \"file\" and \"env\"")]
        [InlineData("{ \"meter\": { \"serialNumber\": \"12345678901234\" } }", "meter.serialNumber: takes 1 to 13 printable ASCII characters")]
        [InlineData("{ \"meter\": { \"systemTitle\": \"444C44\" } }", "meter.systemTitle: takes 16 hex digits (8 bytes)")]
        [InlineData("{ \"meter\": { \"hdlcAddress\": \"17\" } }", "meter.hdlcAddress: must be a whole number from 16 to 16383")]
        [InlineData("{ \"adcs\": [ { \"id\": \"a\", \"type\": \"ads1015\" } ] }", "adcs[0].type: \"ads1015\" is not a supported converter: \"ads1115\" (I2C) or \"mcp3008\" (SPI)")]
        [InlineData("{ \"adcs\": [ { \"id\": \"a\", \"type\": \"ads1115\", \"address\": \"0x50\" } ] }", "adcs[0].address: 80 is out of range (72 to 75)")]
        [InlineData("{ \"adcs\": [ { \"id\": \"a\", \"type\": \"ads1115\", \"samplesPerSecond\": 100 } ] }", "adcs[0].samplesPerSecond: must be one of 8, 16, 32, 64, 128, 250, 475, 860")]
        [InlineData("{ \"voltage\": { \"adc\": \"x\", \"input\": 0, \"gain\": 1 } }", "voltage.adc: \"x\" is not the id of any of \"adcs\"")]
        [InlineData("{ \"adcs\": [ { \"id\": \"a\", \"type\": \"ads1115\" } ], \"voltage\": { \"adc\": \"a\", \"input\": 4, \"gain\": 1 } }",
            "voltage.input: an ADS1115 input is 0..3 or one of AIN0-AIN1, AIN0-AIN3, AIN1-AIN3, AIN2-AIN3, AIN0, AIN1, AIN2, AIN3")]
        [InlineData("{ \"adcs\": [ { \"id\": \"m\", \"type\": \"mcp3008\" } ], \"current\": { \"adc\": \"m\", \"input\": 8, \"gain\": 1 } }", "current.input: an MCP3008 channel is 0..7")]
        [InlineData("{ \"adcs\": [ { \"id\": \"m\", \"type\": \"mcp3008\" } ], \"current\": { \"adc\": \"m\", \"input\": 1 } }",
            "current.gain: is required (physical units per count), or give \"calibration\" with two reference points")]
        [InlineData("{ \"adcs\": [ { \"id\": \"m\", \"type\": \"mcp3008\" } ], \"current\": { \"adc\": \"m\", \"input\": 1, \"calibration\": { \"raw1\": 5, \"value1\": 0, \"raw2\": 5, \"value2\": 1 } } }",
            "current.calibration.raw2: must differ from raw1")]
        [InlineData("{ \"cover\": { \"pin\": 4 }, \"relay\": { \"pin\": 4 } }", "relay.pin: GPIO line 4 is already cover.pin")]
        [InlineData("{ \"rs485\": { \"device\": \"/dev/ttyS0\", \"driverEnable\": \"gpio\" } }", "rs485.dePin: is required with \"driverEnable\": \"gpio\"")]
        [InlineData("{ \"rs485\": { \"device\": \"/dev/ttyS0\", \"dePin\": 4 } }", "rs485.dePin: is used only with \"driverEnable\": \"gpio\"")]
        [InlineData("{ \"rs485\": { \"device\": \"/dev/ttyS0\", \"baud\": 1234 } }", "rs485.baud: must be one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200")]
        [InlineData("{ \"rs485\": { } }", "rs485.device: is required (e.g. /dev/ttyAMA0, /dev/ttyS0, /dev/ttyUSB0)")]
        [InlineData("{ \"tcp\": { \"bind\": \"localhost\" } }", "tcp.bind: \"localhost\" is not an IP address (0.0.0.0 = every interface, 127.0.0.1 = this machine only)")]
        [InlineData("{ \"tcp\": { \"wrapperPort\": 0 } }", "tcp: nothing to serve: give a TCP port or \"rs485\"")]
        [InlineData("{ \"tcp\": { \"wrapperPort\": 4059, \"hdlcPort\": 4059 } }", "tcp.hdlcPort: must differ from wrapperPort")]
        [InlineData("{ \"gpios\": { } }", "gpios: unknown field (known here: adcs, analogPollMs, cover, current, gpio, magnet, meter, powerFail, pulseInputs, relay, rs485, stateDirectory, tcp, voltage)")]
        [InlineData("[ 1 ]", "the board file must hold one JSON object { ... }")]
        [InlineData("{ \"tcp\": { \"wrapperPort\": 4059 ", "not valid JSON at line 1, byte 32: Expected depth to be zero at the end of the JSON payload.")]
        public void Mistake_ReportedAsFieldAndReason(string json, string expected)
        {
            Assert.Equal(new[] { expected }, Errors(json));
        }

        [Fact]
        public void SeveralMistakes_AllReportedAtOnce()
        {
            List<string> errors = Errors("{ \"pulseInputs\": [ { \"pin\": -1 } ], \"tcp\": { \"connections\": 0 }, \"extra\": 1 }");

            Assert.Equal(new[]
            {
                "pulseInputs[0].pin: -1 is out of range (0 to 511)",
                "tcp.connections: 0 is out of range (1 to 64)",
                "extra: unknown field (known here: adcs, analogPollMs, cover, current, gpio, magnet, meter, powerFail, pulseInputs, relay, rs485, stateDirectory, tcp, voltage)",
            }, errors);
        }

        [Fact]
        public void MissingFile_SaysMissing()
        {
            List<string> errors = new List<string>();

            Assert.Null(BoardFileReader.ReadFile("/nonexistent/board.json", errors));
            Assert.Equal(new[] { "cannot read the board file: missing" }, errors);
        }
    }
}
