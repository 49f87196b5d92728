using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The emulator as a user runs it: a separate process started with command-line options,
    /// read by the client, stopped with SIGINT/SIGTERM (exit code 0, listeners closed).
    /// </summary>
    public sealed class EmulatorProcessTests
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

        [Theory]
        [InlineData("TERM")]
        [InlineData("INT")]
        public async Task Cli_ServesThenStopsCleanlyOnSignal(string signal)
        {
            int port = EmulatorProcess.FreePort();
            using EmulatorProcess emulator = new EmulatorProcess("--wrapper-port", port.ToString(), "--hdlc-port", "0", "--password", "secret99");
            await emulator.WaitForOutputAsync("Stop with Ctrl+C");
            await using (DlmsClient client = await DlmsClient.ConnectAsync(new DlmsClientOptions
            {
                Port = port,
                ClientSap = 32,
                Authentication = AuthenticationMechanism.Low,
                Password = "secret99",
            }))
            {
                await client.AssociateAsync();
                DlmsValue name = await client.GetAsync(CosemAttribute.Parse("0.0.42.0.0.255:1:2"));
                Assert.Equal("DLD0000000000001", Encoding.ASCII.GetString(name.Bytes));
            }

            emulator.Signal(signal);
            Assert.True(emulator.Process.WaitForExit((int)s_timeout.TotalMilliseconds), "the emulator did not stop: " + emulator.Output);
            emulator.Process.WaitForExit(); // drain the redirected output

            Assert.Equal(0, emulator.Process.ExitCode);
            Assert.Contains("TCP wrapper listening on 127.0.0.1:" + port, emulator.Output);
            Assert.Contains("Stopped", emulator.Output);
            // No keys given: client 48 runs on the published test keys, and says so.
            Assert.Contains("GREEN BOOK TEST KEYS", emulator.Output);
            using Socket late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await Assert.ThrowsAsync<SocketException>(async () => await late.ConnectAsync(IPAddress.Loopback, port));
        }

        [Fact]
        public async Task Cli_OwnKeysAndTitle_NoTestKeyWarning()
        {
            int port = EmulatorProcess.FreePort();
            using EmulatorProcess emulator = new EmulatorProcess("--wrapper-port", port.ToString(), "--hdlc-port", "0",
                "--auth-key", "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF", "--block-key", "F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF",
                "--kek", "E0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF", "--system-title", "4142434445464748");
            await emulator.WaitForOutputAsync("Stop with Ctrl+C");

            emulator.Signal("TERM");
            Assert.True(emulator.Process.WaitForExit((int)s_timeout.TotalMilliseconds), "the emulator did not stop: " + emulator.Output);
            emulator.Process.WaitForExit();

            Assert.Equal(0, emulator.Process.ExitCode);
            Assert.Contains("48 management (HLS-GMAC, authenticated encryption, system title 4142434445464748)", emulator.Output);
            Assert.DoesNotContain("TEST KEYS", emulator.Output);
        }

        [Fact]
        public void Cli_PortInUse_ExitCode1WithTheReason()
        {
            using Socket taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            taken.Listen();
            int port = ((IPEndPoint)taken.LocalEndPoint!).Port;

            using EmulatorProcess emulator = new EmulatorProcess("--wrapper-port", port.ToString(), "--hdlc-port", "0");
            Assert.True(emulator.Process.WaitForExit((int)s_timeout.TotalMilliseconds));
            emulator.Process.WaitForExit(); // drain the redirected output

            Assert.Equal(1, emulator.Process.ExitCode);
            Assert.Contains("Cannot start: TCP wrapper port " + port + " on 127.0.0.1 is in use", emulator.Output);
            Assert.DoesNotContain("Stopped", emulator.Output);
        }

        [Fact]
        public async Task Cli_StateDirectoryInUse_SecondProcessRefusedNamingTheHolder_LockGoesWithSigkill()
        {
            string directory = Path.Combine(Path.GetTempPath(), "dlmsdevice-lock-" + Guid.NewGuid().ToString("N"));
            try
            {
                using EmulatorProcess first = new EmulatorProcess("--state-dir", directory, "--wrapper-port", EmulatorProcess.FreePort().ToString(), "--hdlc-port", "0");
                await first.WaitForOutputAsync("Stop with Ctrl+C");

                using (EmulatorProcess second = new EmulatorProcess("--state-dir", directory, "--wrapper-port", EmulatorProcess.FreePort().ToString(), "--hdlc-port", "0"))
                {
                    Assert.True(second.Process.WaitForExit((int)s_timeout.TotalMilliseconds), "the second emulator kept running: " + second.Output);
                    second.Process.WaitForExit();
                    Assert.Equal(1, second.Process.ExitCode);
                    Assert.Contains("is in use by process " + first.Process.Id, second.Output);
                }

                // A process killed without warning leaves no lock behind: the kernel drops it.
                first.Process.Kill();
                first.Process.WaitForExit();
                string healthFile = Path.Combine(directory, "health");
                using EmulatorProcess third = new EmulatorProcess("--state-dir", directory, "--wrapper-port", EmulatorProcess.FreePort().ToString(), "--hdlc-port", "0",
                    "--health-file", healthFile);
                await third.WaitForOutputAsync("Stop with Ctrl+C");
                string health = File.ReadAllText(healthFile);
                Assert.Contains("status=ok\n", health);
                Assert.Contains("pid=" + third.Process.Id + "\n", health);
                Assert.Contains("state=" + directory + "\n", health);
                third.Signal("TERM");
                Assert.True(third.Process.WaitForExit((int)s_timeout.TotalMilliseconds), "the emulator did not stop: " + third.Output);
                third.Process.WaitForExit();
                Assert.Equal(0, third.Process.ExitCode);
                Assert.Contains("(resumed); state " + directory, third.Output);
                Assert.Contains("Health: ok, written to " + healthFile, third.Output);
                Assert.Contains("status=stopped\n", File.ReadAllText(healthFile));
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        [Fact]
        public void Cli_MissingSerialDevice_NoSuchDeviceExitCode1()
        {
            string device = Path.Combine(Path.GetTempPath(), "dlmsdevice-no-tty-" + Guid.NewGuid().ToString("N"));
            using EmulatorProcess emulator = new EmulatorProcess("--serial", device, "--wrapper-port", "0", "--hdlc-port", "0");
            Assert.True(emulator.Process.WaitForExit((int)s_timeout.TotalMilliseconds));
            emulator.Process.WaitForExit();

            Assert.Equal(1, emulator.Process.ExitCode);
            Assert.Contains("Cannot start: serial line " + device + ": no such device", emulator.Output);
            Assert.DoesNotContain("denied", emulator.Output);
        }

        [Theory]
        [InlineData("--no-such-option", "unknown option or argument '--no-such-option'")]
        [InlineData("--wrapper-port abc", "--wrapper-port takes a whole number, not 'abc'")]
        [InlineData("--seed -1", "--seed takes a whole number of 0 or more, not '-1'")]
        [InlineData("--time-scale fast", "--time-scale takes a number, not 'fast'")]
        [InlineData("--serial", "--serial needs a value")]
        [InlineData("surplus", "unknown option or argument 'surplus'")]
        public void Cli_UsageError_ExitCode2InAFewWords(string arguments, string message)
        {
            using EmulatorProcess emulator = new EmulatorProcess(arguments.Split(' '));
            Assert.True(emulator.Process.WaitForExit((int)s_timeout.TotalMilliseconds));
            emulator.Process.WaitForExit();

            Assert.Equal(2, emulator.Process.ExitCode);
            Assert.Contains("error: " + message, emulator.Output);
            Assert.DoesNotContain("System.", emulator.Output);
            Assert.DoesNotContain("Description:", emulator.Output);
        }

        [Theory]
        [InlineData("--wrapper-port", "70000")]
        [InlineData("--bind", "localhost:80")]
        [InlineData("--max-pdu", "12")]
        [InlineData("--auth-key", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDE")]
        [InlineData("--block-key", "000102030405060708090A0B0C0D0E0G")]
        [InlineData("--kek", "00")]
        [InlineData("--system-title", "444C4400000000")]
        [InlineData("--password", "12345678901234567890123456789012345678901234567890123456789012345")]
        public void Cli_BadOptionValue_ExitCode2(string option, string value)
        {
            using EmulatorProcess emulator = new EmulatorProcess(option, value, "--hdlc-port", "0");
            Assert.True(emulator.Process.WaitForExit((int)s_timeout.TotalMilliseconds));
            emulator.Process.WaitForExit();

            Assert.Equal(2, emulator.Process.ExitCode);
            Assert.Contains("error:", emulator.Output);
        }
    }
}
