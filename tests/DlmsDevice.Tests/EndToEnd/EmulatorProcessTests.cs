using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The emulator as a user runs it: a separate process started with command-line options,
    /// read by the client, stopped with SIGINT/SIGTERM (exit code 0, listeners closed).
    /// </summary>
    public sealed class EmulatorProcessTests
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

        private static string EmulatorDll
        {
            get { return Path.Combine(AppContext.BaseDirectory, "DlmsDevice.Emulator.dll"); }
        }

        private static int FreePort()
        {
            using Socket probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        private sealed class EmulatorProcess : IDisposable
        {
            private readonly StringBuilder _output = new StringBuilder();

            public EmulatorProcess(params string[] args)
            {
                ProcessStartInfo info = new ProcessStartInfo("dotnet")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                info.ArgumentList.Add(EmulatorDll);
                foreach (string arg in args)
                {
                    info.ArgumentList.Add(arg);
                }
                Process = Process.Start(info)!;
                Process.OutputDataReceived += (_, e) => Append(e.Data);
                Process.ErrorDataReceived += (_, e) => Append(e.Data);
                Process.BeginOutputReadLine();
                Process.BeginErrorReadLine();
            }

            public Process Process { get; }

            public string Output
            {
                get
                {
                    lock (_output)
                    {
                        return _output.ToString();
                    }
                }
            }

            public async Task WaitForOutputAsync(string text)
            {
                Stopwatch watch = Stopwatch.StartNew();
                while (!Output.Contains(text, StringComparison.Ordinal))
                {
                    Assert.False(Process.HasExited, "the emulator exited early: " + Output);
                    Assert.True(watch.Elapsed < s_timeout, "no \"" + text + "\" in: " + Output);
                    await Task.Delay(50);
                }
            }

            public void Signal(string name)
            {
                using Process kill = Process.Start("kill", "-" + name + " " + Process.Id)!;
                kill.WaitForExit();
            }

            public void Dispose()
            {
                if (!Process.HasExited)
                {
                    Process.Kill();
                    Process.WaitForExit();
                }
                Process.Dispose();
            }

            private void Append(string? line)
            {
                if (line != null)
                {
                    lock (_output)
                    {
                        _output.AppendLine(line);
                    }
                }
            }
        }

        [Theory]
        [InlineData("TERM")]
        [InlineData("INT")]
        public async Task Cli_ServesThenStopsCleanlyOnSignal(string signal)
        {
            int port = FreePort();
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
            int port = FreePort();
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
            Assert.Contains("Cannot start", emulator.Output);
        }

        [Theory]
        [InlineData("--wrapper-port", "70000")]
        [InlineData("--bind", "localhost:80")]
        [InlineData("--max-pdu", "12")]
        [InlineData("--auth-key", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDE")]
        [InlineData("--block-key", "000102030405060708090A0B0C0D0E0G")]
        [InlineData("--kek", "00")]
        [InlineData("--system-title", "444C4400000000")]
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
