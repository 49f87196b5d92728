using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Client.Cli;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// The command line against the emulator's default meter over real sockets: profiles by entry
    /// and by time, dump to JSON and CSV, listen for DataNotifications, translate, and the usage
    /// errors (exit code 2, a short hint, no .NET type names).
    /// </summary>
    public sealed class CliFeatureTests : IDisposable
    {
        private readonly MeterHarness _meter = MeterHarness.Start();

        public void Dispose() => _meter.Dispose();

        private string Port => _meter.Emulator.WrapperEndPoint!.Port.ToString(CultureInfo.InvariantCulture);

        private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
        {
            var stdout = new StringWriter(CultureInfo.InvariantCulture);
            var stderr = new StringWriter(CultureInfo.InvariantCulture);
            int code = await CliApp.RunAsync(args, stdout, stderr);
            return (code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
        }

        [Fact]
        public async Task Read_EventLogByEntry_TableWithHeadersFromCaptureObjectsAndEventNames()
        {
            var (code, output, error) = await Run("read", "0.0.99.98.0.255:7:2", "--entries", "1..1", "-p", Port);

            Assert.Equal("", error);
            Assert.Equal(0, code);
            string[] lines = output.TrimEnd('\n').Split('\n');
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("0.0.1.0.0.255 time", lines[0]);
            Assert.EndsWith("0.0.96.11.0.255 value", lines[0]);
            Assert.StartsWith("2026-11-25T10:00:00", lines[1]);
            Assert.EndsWith("2 power up", lines[1]);
            Assert.Equal("1 row", lines[2]);
        }

        [Fact]
        public async Task Read_EventLogColumns_OnlyTheSelectedColumn()
        {
            var (code, output, _) = await Run("read", "0.0.99.98.0.255:7:2", "--entries", "1..", "--columns", "2..2", "-p", Port, "--format", "csv");

            Assert.Equal(0, code);
            Assert.Equal("0.0.96.11.0.255 value\n2 power up\n", output);
        }

        [Theory]
        [InlineData("2026-11-25T09:00", "2026-11-25T11:00", 1)]
        [InlineData("2020-01-01T00:00", "2020-01-02T00:00", 0)]
        public async Task Read_EventLogByRange_RowsInTheRange(string from, string to, int rows)
        {
            var (code, output, error) = await Run("read", "0.0.99.98.0.255:7:2", "--from", from, "--to", to, "-p", Port, "--format", "csv");

            Assert.Equal("", error);
            Assert.Equal(0, code);
            string[] lines = output.TrimEnd('\n').Split('\n');
            Assert.Equal("0.0.1.0.0.255 time,0.0.96.11.0.255 value", lines[0]);
            Assert.Equal(rows, lines.Length - 1);
        }

        [Fact]
        public async Task Read_RegisterAndLogicalDeviceName_ForPeople()
        {
            var (_, energy, _) = await Run("read", "1.0.1.8.0.255:3:2", "-p", Port);
            var (_, name, _) = await Run("read", "0.0.42.0.0.255:1:2", "-p", Port);

            Assert.Equal("1000000 Wh\n", energy);
            Assert.Equal("DLD0000000000001\n", name);
        }

        [Fact]
        public async Task Dump_Json_EveryReadableAttributeScaledAndProfilesAsTables()
        {
            var (code, output, error) = await Run("dump", "-p", Port);

            Assert.Equal("", error);
            Assert.Equal(0, code);
            using JsonDocument json = JsonDocument.Parse(output);
            JsonElement[] objects = json.RootElement.GetProperty("objects").EnumerateArray().ToArray();
            Assert.Equal(57, objects.Length);
            JsonElement energy = objects.Single(o => o.GetProperty("logical_name").GetString() == "1.0.1.8.0.255");
            Assert.Equal("Register", energy.GetProperty("class").GetString());
            JsonElement value = energy.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "value");
            Assert.Equal(1000000m, value.GetProperty("value").GetDecimal());
            Assert.Equal("Wh", value.GetProperty("unit").GetString());
            Assert.Equal("1000000 Wh", value.GetProperty("text").GetString());
            JsonElement name = objects.Single(o => o.GetProperty("logical_name").GetString() == "0.0.42.0.0.255").GetProperty("attributes")[1];
            Assert.Equal("DLD0000000000001", name.GetProperty("value").GetString());
            JsonElement log = objects.Single(o => o.GetProperty("logical_name").GetString() == "0.0.99.98.0.255")
                .GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "buffer").GetProperty("table");
            Assert.Equal(new[] { "0.0.1.0.0.255 time", "0.0.96.11.0.255 value" }, log.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("header").GetString()).ToArray());
            Assert.Equal("2 power up", log.GetProperty("rows")[0][1].GetString());
            JsonElement profile = objects.Single(o => o.GetProperty("logical_name").GetString() == "1.0.99.1.0.255")
                .GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "buffer").GetProperty("table");
            Assert.Equal("Wh", profile.GetProperty("columns")[1].GetProperty("unit").GetString());
        }

        [Fact]
        public async Task Dump_Csv_OneLinePerValueAndPerProfileCell()
        {
            var (code, output, _) = await Run("dump", "--format", "csv", "-p", Port);

            Assert.Equal(0, code);
            string[] lines = output.TrimEnd('\n').Split('\n');
            Assert.Equal("logical_name,class_id,class,attribute_id,attribute,row,column,value,unit", lines[0]);
            Assert.Contains("1.0.1.8.0.255,3,Register,2,value,,,1000000,Wh", lines);
            Assert.Contains("1.0.1.8.0.255,3,Register,3,scaler_unit,,,10^0 Wh,", lines);
            Assert.Contains("0.0.99.98.0.255,7,Profile generic,2,buffer,1,0.0.96.11.0.255 value,2 power up,", lines);
        }

        [Fact]
        public async Task Listen_PlainAndCipheredNotifications_PrintedForPeople()
        {
            int port = FreePort();
            Task<(int, string, string)> listening = Run("listen", "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--count", "2");
            using TcpClient pusher = await ConnectWhenListeningAsync(port);
            NetworkStream stream = pusher.GetStream();

            // Green Book Data-Notification: tag 0F, long-invoke-id-and-priority, date-time (0C + 12 bytes), notification-body.
            byte[] plain = Hex.Parse("0F 00000001 0C 07EA0B19 03 0A0F00 00 0000 00 02 02 09 06 0100200700FF 12 0934");
            await stream.WriteAsync(WrapperTransport.Encode(1, 1, plain));
            // The same body ciphered as general-glo-ciphering by a meter with the Green Book keys and title.
            byte[] title = Convert.FromHexString("4D4D4D0000BC614E");
            byte[] body = Hex.Parse("0F 00000002 00 02 02 09 06 0100200700FF 12 0935");
            byte[] content = SuiteZeroCipher.Protect(SecurityPolicy.AuthenticatedEncrypted, DlmsSecurityOptions.TestBlockCipherKey, DlmsSecurityOptions.TestAuthenticationKey, title, 5, body);
            byte[] ciphered = CipheredApdu.EncodeGeneral(false, title, content);
            byte[] ui = HdlcFrame.Encode(new byte[] { HdlcAddress.Client(102) }, HdlcAddress.Server(1, 17), HdlcFrame.Ui, HdlcTransport.LlcResponse.Concat(ciphered).ToArray());
            await stream.WriteAsync(ui);

            var (code, output, _) = await listening.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(0, code);
            string[] lines = output.TrimEnd('\n').Split('\n');
            Assert.Equal(6, lines.Length);
            Assert.EndsWith("(wrapper): DataNotification, in clear", lines[0]);
            Assert.Equal("  long-invoke-id 1, date-time 2026-11-25T10:15:00Z", lines[1]);
            Assert.Equal("  {0100200700FF, 2356}", lines[2]);
            Assert.EndsWith("(hdlc): DataNotification, general-glo-ciphering SC 0x30, system title 4D4D4D0000BC614E, invocation counter 5", lines[3]);
            Assert.Equal("  long-invoke-id 2, date-time absent", lines[4]);
            Assert.Equal("  {0100200700FF, 2357}", lines[5]);
        }

        [Fact]
        public async Task Listen_Udp_WrapperDatagramsPrinted()
        {
            int port;
            using (var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            {
                port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
            }
            Task<(int, string, string)> listening = Run("listen", "--udp", "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--count", "1");
            using var pusher = new System.Net.Sockets.UdpClient();
            byte[] plain = Hex.Parse("0F 00000007 00 02 02 09 06 0100200700FF 12 0934");
            byte[] datagram = WrapperTransport.Encode(1, 1, plain);
            // UDP is lossy and the listener may not be bound yet: send until it has printed one.
            for (int i = 0; i < 100 && !listening.IsCompleted; i++)
            {
                await pusher.SendAsync(datagram, datagram.Length, new IPEndPoint(IPAddress.Loopback, port));
                await Task.WhenAny(listening, Task.Delay(100));
            }

            var (code, output, _) = await listening.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(0, code);
            string[] lines = output.TrimEnd('\n').Split('\n');
            Assert.EndsWith("(udp wrapper): DataNotification, in clear", lines[0]);
            Assert.Equal("  long-invoke-id 7, date-time absent", lines[1]);
            Assert.Equal("  {0100200700FF, 2356}", lines[2]);
        }

        [Fact]
        public async Task Listen_CipheredWithWrongKey_SaysSoAndGoesOn()
        {
            int port = FreePort();
            Task<(int, string, string)> listening = Run("listen", "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--count", "1",
                "--block-key", "00112233445566778899AABBCCDDEEFF");
            using TcpClient pusher = await ConnectWhenListeningAsync(port);
            byte[] title = Convert.FromHexString("4D4D4D0000BC614E");
            byte[] content = SuiteZeroCipher.Protect(SecurityPolicy.AuthenticatedEncrypted, DlmsSecurityOptions.TestBlockCipherKey, DlmsSecurityOptions.TestAuthenticationKey, title, 6,
                Hex.Parse("0F 00000003 00 11 01"));
            await pusher.GetStream().WriteAsync(WrapperTransport.Encode(1, 1, CipheredApdu.EncodeGeneral(false, title, content)));

            var (code, output, _) = await listening.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(0, code);
            Assert.Contains("not a readable DataNotification: Authentication tag mismatch (IC 6)", output);
        }

        [Fact]
        public async Task Translate_Frame_PrintsTheLayers()
        {
            var (code, output, _) = await Run("translate", "7E A0 08 02 23 21 93 BD 64 7E");

            Assert.Equal(0, code);
            Assert.StartsWith("frame 1: 7E A0 08 02 23 21 93 BD 64 7E\n  HDLC frame: IEC 62056-46, frame format type 3, 10 bytes\n", output);
            Assert.Contains("SNRM (set normal response mode) P=1", output);
        }

        [Theory]
        [InlineData(new[] { "reed", "1.0.1.8.0.255:3:2" }, "did you mean 'read'?")]
        [InlineData(new[] { "read", "1.0.1.8.0.255:3:2", "--prot", "4059" }, "did you mean '--port'?")]
        [InlineData(new[] { "read", "1.0.1.8.0.255:3:2", "--port", "abc" }, "error: 'abc' is not a number for --port.")]
        [InlineData(new[] { "read", "1.0.1.8.0.255:3:2", "--entries", "1..2" }, "select rows of a profile buffer")]
        [InlineData(new[] { "read", "1.0.99.1.0.255:7:2", "--from", "2026-12-06T10:00" }, "--from and --to go together.")]
        [InlineData(new[] { "read", "1.0.99.1.0.255:7:2", "--entries", "5..2" }, "--entries takes a range like 1..96")]
        [InlineData(new[] { "read", "1.0.99.1.0.255:7:2", "--from", "yesterday", "--to", "today" }, "--from takes a date-time like 2026-12-06T10:00")]
        [InlineData(new[] { "translate", "7E A0 0" }, "not hex")]
        [InlineData(new[] { "read", "1.0.1.8.0.255:3:2", "--format", "xml" }, "xml")]
        public async Task UsageError_ExitTwoWithAShortHintAndNoTypeNames(string[] args, string expected)
        {
            var (code, output, error) = await Run(args);

            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains(expected, error);
            Assert.DoesNotContain("System.", error);
            Assert.True(error.Split('\n').Length <= 5, error);
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private static async Task<TcpClient> ConnectWhenListeningAsync(int port)
        {
            for (int attempt = 0; ; attempt++)
            {
                var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return client;
                }
                catch (SocketException) when (attempt < 100)
                {
                    client.Dispose();
                    await Task.Delay(50);
                }
            }
        }
    }
}
