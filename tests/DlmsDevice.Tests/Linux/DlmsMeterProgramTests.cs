using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.LinuxMeter;
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
