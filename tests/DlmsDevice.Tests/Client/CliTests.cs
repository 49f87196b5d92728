using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using DlmsDevice.Client.Cli;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>The command line against the scripted server: output, exit codes, one-line errors.</summary>
    public class CliTests
    {
        private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
        {
            var stdout = new StringWriter(CultureInfo.InvariantCulture);
            var stderr = new StringWriter(CultureInfo.InvariantCulture);
            int code = await CliApp.RunAsync(args, stdout, stderr);
            return (code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
        }

        private static string P(ScriptedServer server) => server.Port.ToString(CultureInfo.InvariantCulture);

        [Fact]
        public async Task Read_Register_PrintsScaledValueWithUnit()
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.TraceD_WrapperGet, TestFrames.TraceD_WrapperValue),
                ScriptStep.Of(TestFrames.WrapperRequest("C0 01 C1 0003 0100010800FF 03 00"), TestFrames.WrapperReply("C4 01 C1 00 02 02 0F FD 16 1E")),
                SessionTests.WrapperRelease());

            var (code, output, error) = await Run("read", "1.0.1.8.0.255:3:2", "--port", P(server));

            Assert.Equal("", error);
            Assert.Equal(0, code);
            Assert.Equal("12.345 Wh\n", output);
            await server.Completion;
        }

        [Fact]
        public async Task Read_Raw_PrintsTypedValue()
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.TraceD_WrapperGet, TestFrames.TraceD_WrapperValue),
                SessionTests.WrapperRelease());

            var (code, output, _) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server));

            Assert.Equal(0, code);
            Assert.Equal("u32:12345\n", output);
        }

        [Theory]
        [InlineData(false, "10^-1 V")]
        [InlineData(true, "{i8:-1, enum:35}   # 10^-1 V")]
        public async Task Read_ScalerUnit_ForPeopleOrRaw(bool raw, string expected)
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C0 01 C1 0003 0100200700FF 03 00"), TestFrames.WrapperReply("C4 01 C1 00 02 02 0F FF 16 23")),
                SessionTests.WrapperRelease());

            var (code, output, _) = await Run(raw ? new[] { "read", "1.0.32.7.0.255:3:3", "--raw", "-p", P(server) } : new[] { "read", "1.0.32.7.0.255:3:3", "-p", P(server) });

            Assert.Equal(0, code);
            Assert.Equal(expected + "\n", output);
        }

        [Theory]
        [InlineData("0.0.1.0.0.255:8:2", "C0 01 C1 0008 0000010000FF 02 00", "C4 01 C1 00 09 0C 07EA0B19FF08131AFF800000", "2026-11-25T08:19:26")]
        [InlineData("0.0.1.0.0.255:8:1", "C0 01 C1 0008 0000010000FF 01 00", "C4 01 C1 00 09 06 0000010000FF", "0.0.1.0.0.255")]
        [InlineData("0.0.42.0.0.255:1:2", "C0 01 C1 0001 00002A0000FF 02 00", "C4 01 C1 00 09 10 444C4430303030303030303030303031", "DLD0000000000001")]
        [InlineData("0.0.42.0.0.255:1:2", "C0 01 C1 0001 00002A0000FF 02 00", "C4 01 C1 00 09 06 0000010000FF", "0000010000FF")]
        [InlineData("0.0.96.11.0.255:1:2", "C0 01 C1 0001 0000600B00FF 02 00", "C4 01 C1 00 11 3E", "62 remote disconnection")]
        [InlineData("0.0.96.11.0.255:1:2", "C0 01 C1 0001 0000600B00FF 02 00", "C4 01 C1 00 11 E6", "230 reverse current flow")]
        // An IS 15959 code (long-unsigned, other numbering): 69 is earth loading there, not an IDIS name.
        [InlineData("0.0.96.11.1.255:1:2", "C0 01 C1 0001 0000600B01FF 02 00", "C4 01 C1 00 12 0045", "69")]
        [InlineData("0.0.96.3.10.255:70:3", "C0 01 C1 0046 000060030AFF 03 00", "C4 01 C1 00 16 02", "2 ready_for_reconnection")]
        [InlineData("0.0.96.3.10.255:70:2", "C0 01 C1 0046 000060030AFF 02 00", "C4 01 C1 00 03 01", "true")]
        public async Task Read_ForPeople_TextDatesNamesAndEvents(string target, string request, string reply, string expected)
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest(request), TestFrames.WrapperReply(reply)),
                SessionTests.WrapperRelease());

            var (code, output, _) = await Run("read", target, "-p", P(server));

            Assert.Equal(0, code);
            Assert.Equal(expected + "\n", output);
        }

        [Theory]
        [InlineData("0.0.1.0.0.255:8:2", "C0 01 C1 0008 0000010000FF 02 00", "C4 01 C1 00 09 0C 07EA0B19FF08131AFF800000", "dt:2026-11-25T08:19:26")]
        [InlineData("0.0.1.0.0.255:8:1", "C0 01 C1 0008 0000010000FF 01 00", "C4 01 C1 00 09 06 0000010000FF", "obis:0.0.1.0.0.255")]
        [InlineData("0.0.42.0.0.255:1:2", "C0 01 C1 0001 00002A0000FF 02 00", "C4 01 C1 00 09 06 0000010000FF", "oct:0000010000FF")]
        public async Task Read_Raw_ClockAndLogicalName_UseHints(string target, string request, string reply, string expected)
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest(request), TestFrames.WrapperReply(reply)),
                SessionTests.WrapperRelease());

            var (code, output, _) = await Run("read", target, "--raw", "-p", P(server));

            Assert.Equal(0, code);
            Assert.Equal(expected + "\n", output);
        }

        [Fact]
        public async Task Read_OverHdlc_WithTrace()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(TestFrames.TraceA_Snrm, TestFrames.TraceA_Ua),
                ScriptStep.Of(TestFrames.TraceA_Aarq, TestFrames.TraceA_Aare),
                ScriptStep.Of(TestFrames.TraceD_GetValue, TestFrames.TraceD_Value),
                ScriptStep.Of(TestFrames.TraceD_GetScaler, TestFrames.TraceD_Scaler),
                ScriptStep.Of(TestFrames.ToServer(0x76, Hex.Parse("E6 E6 00 62 03 80 01 00")), TestFrames.FromServer(0x96, Hex.Parse("E6 E7 00 63 03 80 01 00"))),
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua));

            var (code, output, error) = await Run("read", "1.0.1.8.0.255:3:2", "--transport", "hdlc", "--port", P(server), "--trace");

            Assert.Equal(0, code);
            Assert.Equal("12345 Wh\n", output);
            string[] lines = error.TrimEnd('\n').Split('\n');
            Assert.Equal(12, lines.Length);
            Assert.Equal("-> " + TestFrames.TraceA_Snrm, lines[0]);
            Assert.Equal("<- " + TestFrames.TraceA_Ua, lines[1]);
            Assert.Equal("<- " + TestFrames.TraceD_Ua, lines[11]);
            await server.Completion;
        }

        [Fact]
        public async Task List_PrintsTable()
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C0 01 C1 000F 0000280000FF 02 00"),
                    TestFrames.WrapperReply("C4 01 C1 00 01 01 02 04 12 0001 11 00 09 06 0000600100FF 02 02 01 02 02 03 0F 01 16 01 00 02 03 0F 02 16 03 00 01 00")),
                SessionTests.WrapperRelease());

            var (code, output, _) = await Run("list", "-p", P(server));

            Assert.Equal(0, code);
            Assert.Equal("class ver  logical name        attributes / methods\n    1   0  0.0.96.1.0.255      1:R 2:RW\n1 objects\n", output);
        }

        [Fact]
        public async Task Set_ParsesValueAndPrintsOk()
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C1 01 C1 0001 0000600100FF 02 00 0A 05 68 65 6C 6C 6F"), TestFrames.WrapperReply("C5 01 C1 00")),
                SessionTests.WrapperRelease());

            var (code, output, _) = await Run("set", "0.0.96.1.0.255:1:2", "str:hello", "-p", P(server));

            Assert.Equal(0, code);
            Assert.Equal("ok\n", output);
        }

        [Fact]
        public async Task Action_WithParameter_PrintsReturnValue()
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.WrapperRequest("C3 01 C1 0009 00000A0000FF 01 01 12 00 07"), TestFrames.WrapperReply("C7 01 C1 00 01 00 11 2A")),
                SessionTests.WrapperRelease());

            var (code, output, _) = await Run("action", "0.0.10.0.0.255:9:1", "u16:7", "-p", P(server));

            Assert.Equal(0, code);
            Assert.Equal("u8:42\n", output);
        }

        [Fact]
        public async Task ServerError_ExitsNonZeroWithOneLine()
        {
            await using var server = new ScriptedServer(
                SessionTests.WrapperAssociation(),
                ScriptStep.Of(TestFrames.TraceD_WrapperGet, TestFrames.WrapperReply("C4 01 C1 01 04")));

            var (code, output, error) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server));

            Assert.Equal(1, code);
            Assert.Equal("", output);
            Assert.Equal("error: GET 1.0.1.8.0.255:3:2: object-undefined (4)\n", error);
        }

        [Fact]
        public async Task ConnectionRefused_ExitsThree()
        {
            int port;
            await using (var server = new ScriptedServer())
            {
                port = server.Port;
            }

            var (code, _, error) = await Run("read", "1.0.1.8.0.255:3:2", "-p", port.ToString(CultureInfo.InvariantCulture));

            Assert.Equal(3, code);
            Assert.StartsWith("error: Cannot connect to 127.0.0.1:", error);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
        }

        [Theory]
        [InlineData("set", "0.0.96.1.0.255:1:2", "u8:300")]
        [InlineData("set", "0.0.96.1.0.255:1", "u8:3")]
        [InlineData("read", "1.0.1.8.0.255:3:2", "--auth", "lls")]
        [InlineData("read", "1.0.1.8.0.255:3:2", "--transport", "carrier-pigeon")]
        [InlineData("read", "1.0.1.8.0.255:3:2", "--transport", "serial")]
        public async Task BadArguments_ExitTwoWithoutConnecting(params string[] args)
        {
            var (code, _, error) = await Run(args);

            Assert.Equal(2, code);
            Assert.StartsWith("error: ", error);
        }

        [Fact]
        public async Task UnknownCommand_ExitsNonZero()
        {
            var (code, _, _) = await Run("frobnicate");

            Assert.NotEqual(0, code);
        }
    }
}
