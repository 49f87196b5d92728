using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.LinuxMeter;
using DlmsDevice.LinuxMeter.Board;
using DlmsDevice.Tests.Linux.Fakes;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>
    /// The dlms-meter program: its exit codes and messages as a person sees them (a real process),
    /// and the whole host (Microsoft.Extensions.Hosting, systemd integration off outside systemd)
    /// serving the meter on the fake drivers until it is stopped.
    /// </summary>
    public sealed class DlmsMeterProgramTests
    {
        private static (int ExitCode, string StandardError) RunProcess(params string[] args)
        {
            ProcessStartInfo info = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dlms-meter.dll"));
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }
            using Process process = Process.Start(info)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(30_000), "dlms-meter did not exit");
            process.WaitForExit(); // the output is complete once the redirected streams are drained
            output.GetAwaiter().GetResult();
            return (process.ExitCode, error.GetAwaiter().GetResult());
        }

        private static string Write(string json)
        {
            string path = Path.Combine(Path.GetTempPath(), "dlms-meter-board-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".json");
            File.WriteAllText(path, json);
            return path;
        }

        [Fact]
        public void BadBoardFile_ExitCode2_EveryProblemNamedByField()
        {
            string path = Write("{ \"pulseInputs\": [ { \"pin\": 17, \"debounce\": 5 } ], \"rs485\": { \"device\": \"/dev/ttyS0\", \"driverEnable\": \"gpio\" } }");
            try
            {
                (int code, string error) = RunProcess("--board", path);

                Assert.Equal(2, code);
                Assert.Equal(new[]
                {
                    "error: " + path + ": pulseInputs[0].debounce: unknown field (known here: activeLow, bias, debounceMs, direction, impulsesPerKwh, minPulseMs, pin)",
                    "error: " + path + ": rs485.dePin: is required with \"driverEnable\": \"gpio\"",
                }, error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void DeviceMissing_ExitCode1_DeviceAndReasonNamed()
        {
            string path = Write("{ \"gpio\": { \"chip\": 57 }, \"pulseInputs\": [ { \"pin\": 17 } ], \"tcp\": { \"bind\": \"127.0.0.1\", \"wrapperPort\": 0 }, \"rs485\": { \"device\": \"/dev/null\", \"driverEnable\": \"auto\" } }");
            try
            {
                (int code, string error) = RunProcess("--board", path);

                Assert.Equal(1, code);
                Assert.Equal("error: cannot open /dev/gpiochip57: missing (ls /dev/gpiochip* lists the chips)", error.Trim());
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void NoBoardOption_ExitCode2()
        {
            (int code, string error) = RunProcess();

            Assert.Equal(2, code);
            Assert.Contains("--board", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Run_HostServesTheMeterOnTheFakeDriversUntilStopped_ExitCode0()
        {
            int port = LinuxMeterTestKit.FreePort();
            string board = "{ \"stateDirectory\": \"$STATE\", \"pulseInputs\": [ { \"pin\": 17, \"impulsesPerKwh\": 100 } ], \"tcp\": { \"bind\": \"127.0.0.1\", \"wrapperPort\": " + port + " } }";
            using LinuxMeterTestKit kit = new LinuxMeterTestKit(board);
            using CancellationTokenSource stop = new CancellationTokenSource();
            Task<int> run = Task.Run(() => DlmsDevice.LinuxMeter.Program.Run(kit.BoardPath, false, LogLevel.Warning, kit.Devices, stop.Token));
            await WaitForPortAsync(port, run);

            // 100 imp/kWh: 10 Wh a pulse, one checkpoint step each.
            for (int i = 0; i < 3; i++)
            {
                kit.Pulse(40, 0, 60);
            }
            DlmsClientOptions options = new DlmsClientOptions { Host = "127.0.0.1", Port = port, Timeout = LinuxMeterTestKit.Timeout };
            await using (DlmsClient client = await kit.AssociateAsync(options))
            {
                Stopwatch watch = Stopwatch.StartNew();
                decimal energy;
                while ((energy = (await client.GetScaledAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).Scaled) < 30 && watch.Elapsed < LinuxMeterTestKit.Timeout)
                {
                    await Task.Delay(100);
                }
                Assert.Equal(30, energy);
                await client.ReleaseAsync();
            }
            stop.Cancel();

            Assert.Equal(0, await run.WaitAsync(LinuxMeterTestKit.Timeout));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(kit.Directory, "state"), "record-*.slot"));
        }

        [Fact]
        public void Check_OneReadingOfEveryInput_SecretsByPlaceOnly_StateDirectoryUntouched()
        {
            string board = @"{
  ""meter"": { ""serialNumber"": ""4711"", ""keys"": { ""authentication"": { ""env"": ""DLMS_TEST_AK_CHECK"" } } },
  ""stateDirectory"": ""$STATE"",
  ""pulseInputs"": [ { ""pin"": 17 } ],
  ""adcs"": [ { ""id"": ""mcp"", ""type"": ""mcp3008"", ""spiBus"": 0, ""chipSelect"": 1 } ],
  ""voltage"": { ""adc"": ""mcp"", ""input"": 2, ""samples"": 1, ""calibration"": { ""raw1"": 0, ""value1"": 0, ""raw2"": 1000, ""value2"": 250 } },
  ""cover"": { ""pin"": 22 },
  ""relay"": { ""pin"": 25 }
}";
            using LinuxMeterTestKit kit = new LinuxMeterTestKit(board, devices =>
            {
                FakeMcp3008 mcp = new FakeMcp3008(0, 1);
                mcp.SetChannel(2, 920);
                devices.Spi[(0, 1)] = mcp;
                devices.Gpio.SetLevel(22, true);
            });
            Environment.SetEnvironmentVariable("DLMS_TEST_AK_CHECK", "000102030405060708090A0B0C0D0E0F");
            List<string> errors = new List<string>();
            BoardFile file = BoardFileReader.ReadFile(kit.BoardPath, errors)!;
            MeterSecrets secrets = SecretReader.Resolve(file.Meter, errors)!;
            using ILoggerFactory loggers = kit.Logs.CreateFactory();

            BoardMeter meter = BoardMeter.Open(file, secrets, kit.Devices, loggers, useStateDirectory: false);
            List<string> lines = BoardReport.Describe(meter);
            meter.Device.Shutdown();
            meter.Dispose();

            Assert.Equal(new[]
            {
                "board " + kit.BoardPath + ": every device opened",
                "meter DLD4711, HDLC address 17, state " + Path.Combine(kit.Directory, "state") + " (not opened by --check)",
                "password of client 32: the default 12345678",
                "keys of client 48: authentication from environment DLMS_TEST_AK_CHECK, encryption PUBLISHED TEST KEY, master PUBLISHED TEST KEY",
                "pulseInputs[0] GPIO 17: inactive, 0 pulses, 0 edges (1000 imp/kWh import, debounce 5 ms, minimum 30 ms)",
                "voltage (MCP3008 on /dev/spidev0.1 CH2): 920 counts = 230 V (mean of 1, gain 0.25, offset 0)",
                "cover GPIO 22: open",
                "relay GPIO 25: connected",
                "tcp: wrapper 0.0.0.0:4059, 4 connections per port",
            }, lines);
            Assert.DoesNotContain(lines, l => l.Contains("000102", StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(kit.Directory, "state")));
        }

        private static async Task WaitForPortAsync(int port, Task<int> run)
        {
            Stopwatch watch = Stopwatch.StartNew();
            while (true)
            {
                Assert.False(run.IsCompleted, "dlms-meter ended with exit code " + (run.IsCompleted ? run.Result : 0));
                try
                {
                    using TcpClient probe = new TcpClient();
                    await probe.ConnectAsync("127.0.0.1", port);
                    return;
                }
                catch (SocketException) when (watch.Elapsed < LinuxMeterTestKit.Timeout)
                {
                    await Task.Delay(50);
                }
            }
        }
    }
}
