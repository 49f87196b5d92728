using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;
using Xunit.Abstractions;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The crash test of docs/metering.md: the built emulator runs fast simulated pulses on a state
    /// directory and is killed with SIGKILL at random moments, then restarted on the same
    /// directory. Every value a client read before a kill is at most what it reads after the
    /// restart, and the saved state is never corrupt.
    /// </summary>
    public sealed class CrashTests : IDisposable
    {
        private const int Cycles = 10;
        private const string TimeScale = "1800";  // half an hour a second: a load profile row every 0.5 s, ~30 pulses/s at 200 W
        private readonly string _stateDir = Path.Combine(Path.GetTempPath(), "dlms-crash-" + Guid.NewGuid().ToString("N"));
        private readonly ITestOutputHelper _output;

        public CrashTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_stateDir, true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>What a client reads: the registers and counters that must never go back.</summary>
        private sealed record Reading(long Energy, long MaximumDemand, long LoadEntries, long Events, long DailyEntries)
        {
            public override string ToString() => "energy " + Energy + " Wh, MD " + MaximumDemand + " W, load rows " + LoadEntries
                + ", events " + Events + ", daily rows " + DailyEntries;

            public bool AtLeast(Reading other) => Energy >= other.Energy && MaximumDemand >= other.MaximumDemand
                && LoadEntries >= other.LoadEntries && Events >= other.Events && DailyEntries >= other.DailyEntries;
        }

        private static async Task<Reading> ReadAsync(DlmsClient client)
        {
            IReadOnlyList<GetResult> r = await client.GetWithListAsync(new[]
            {
                CosemAttribute.Parse("1.0.1.8.0.255:3:2"),
                CosemAttribute.Parse("1.0.1.6.0.255:4:2"),
                CosemAttribute.Parse("1.0.99.1.0.255:7:7"),
                CosemAttribute.Parse("0.0.99.98.0.255:7:7"),
                CosemAttribute.Parse("1.0.99.2.0.255:7:7"),
            });
            return new Reading(r[0].GetValueOrThrow("energy").ToInt64(), r[1].GetValueOrThrow("MD").ToInt64(),
                r[2].GetValueOrThrow("load entries").ToInt64(), r[3].GetValueOrThrow("events").ToInt64(),
                r[4].GetValueOrThrow("daily entries").ToInt64());
        }

        /// <summary>Starts the emulator on the state directory; a free port that got taken meanwhile is retried with another.</summary>
        private async Task<(EmulatorProcess Process, int Port)> StartAsync()
        {
            for (int attempt = 0; ; attempt++)
            {
                int port = EmulatorProcess.FreePort();
                EmulatorProcess emulator = new EmulatorProcess("--wrapper-port", port.ToString(), "--hdlc-port", "0",
                    "--state-dir", _stateDir, "--time-scale", TimeScale, "--seed", "7");
                Stopwatch watch = Stopwatch.StartNew();
                while (!emulator.Output.Contains("Stop with Ctrl+C", StringComparison.Ordinal))
                {
                    if (emulator.Process.HasExited)
                    {
                        break;
                    }
                    Assert.True(watch.Elapsed < EmulatorProcess.Timeout, "the emulator did not start: " + emulator.Output);
                    await Task.Delay(20);
                }
                if (!emulator.Process.HasExited)
                {
                    return (emulator, port);
                }
                emulator.Process.WaitForExit();
                string output = emulator.Output;
                emulator.Dispose();
                Assert.True(attempt < 3 && output.Contains("Cannot start", StringComparison.Ordinal), "the emulator exited: " + output);
            }
        }

        private static bool IsLinkFailure(Exception ex)
        {
            return ex is DlmsException || ex is IOException || ex is TimeoutException || ex is OperationCanceledException
                || ex is System.Net.Sockets.SocketException || ex is ObjectDisposedException;
        }

        private static DlmsClientOptions Options(int port) => new DlmsClientOptions
        {
            Port = port,
            ClientSap = 16,
            Timeout = TimeSpan.FromSeconds(10),
        };

        [Fact]
        public async Task SigKillDuringFastPulses_ValuesReadNeverGoBack_StateNeverCorrupt()
        {
            Random random = new Random(4242);
            Reading? lastBeforeKill = null;
            List<string> figures = new List<string>();
            Stopwatch watch = Stopwatch.StartNew();
            int reads = 0;
            for (int cycle = 0; cycle < Cycles; cycle++)
            {
                (EmulatorProcess started, int port) = await StartAsync();
                using EmulatorProcess emulator = started;
                Assert.DoesNotContain("partly corrupt", emulator.Output);

                Reading first;
                Reading last;
                DlmsClient client = await DlmsClient.ConnectAsync(Options(port));
                try
                {
                    await client.AssociateAsync();
                    first = await ReadAsync(client);
                    reads++;
                    if (lastBeforeKill != null)
                    {
                        Assert.True(first.AtLeast(lastBeforeKill), "cycle " + cycle + ": read " + first + " after the restart, " + lastBeforeKill + " before the kill");
                    }
                    await CheckLoadProfileAsync(client, cycle);

                    // Read while the pulses run, then kill at a random moment (sometimes right
                    // after a read, sometimes while the next one is in flight).
                    last = first;
                    int readsThisCycle = random.Next(3, 10);
                    for (int i = 0; i < readsThisCycle; i++)
                    {
                        await Task.Delay(random.Next(20, 150));
                        Reading now = await ReadAsync(client);
                        reads++;
                        Assert.True(now.AtLeast(last), "cycle " + cycle + ": " + now + " after " + last + " in one run");
                        last = now;
                    }
                    Task<Reading> inFlight = ReadAsync(client);
                    await Task.Delay(random.Next(0, 30));
                    emulator.Process.Kill();
                    emulator.Process.WaitForExit();
                    try
                    {
                        // If the reply made it out before the kill, the client has read it: it counts.
                        last = await inFlight;
                        reads++;
                    }
                    catch (Exception ex) when (IsLinkFailure(ex))
                    {
                    }
                }
                finally
                {
                    try
                    {
                        await client.DisposeAsync();
                    }
                    catch (Exception ex) when (IsLinkFailure(ex))
                    {
                        // The meter is dead: the link goes with it.
                    }
                }
                figures.Add("cycle " + cycle + ": after restart " + first + "; last read before kill " + last);
                lastBeforeKill = last;
            }

            // A last clean start: the state directory is intact.
            (EmulatorProcess finalProcess, int finalPort) = await StartAsync();
            using (EmulatorProcess final = finalProcess)
            {
                Assert.DoesNotContain("partly corrupt", final.Output);
                await using DlmsClient client = await DlmsClient.ConnectAsync(Options(finalPort));
                await client.AssociateAsync();
                Reading end = await ReadAsync(client);
                Assert.True(end.AtLeast(lastBeforeKill!), "final start: " + end + " < " + lastBeforeKill);
                DlmsValue log = await client.GetAsync(CosemAttribute.Parse("0.0.99.98.0.255:7:2"));
                long[] codes = log.Items.Select(r => r.Items[1].ToInt64()).ToArray();
                // Every SIGKILL shows as a power-down (stamped with the last checkpoint) then a power-up.
                Assert.True(codes.Count(c => c == 1) >= Cycles, "power-down events: " + string.Join(",", codes));
                Assert.DoesNotContain(14L, codes);
                figures.Add("final start: " + end);
                final.Signal("TERM");
                Assert.True(final.Process.WaitForExit((int)EmulatorProcess.Timeout.TotalMilliseconds));
                final.Process.WaitForExit(); // the output is complete once the redirected streams are drained
            }
            figures.Add(Cycles + " SIGKILL cycles, " + reads + " reads, " + watch.Elapsed.TotalSeconds.ToString("F1") + " s");
            figures.ForEach(_output.WriteLine);
        }

        // The load profile as saved: rows in capture order, clock and energy never going back.
        private static async Task CheckLoadProfileAsync(DlmsClient client, int cycle)
        {
            DlmsValue buffer = await client.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:2"));
            DateTime previous = DateTime.MinValue;
            long energy = -1;
            foreach (DlmsValue row in buffer.Items)
            {
                CosemDateTime t = CosemDateTime.FromBytes(row.Items[0].Bytes);
                DateTime time = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc);
                Assert.True(time > previous, "cycle " + cycle + ": load profile row at " + time + " after " + previous);
                Assert.True(row.Items[1].ToInt64() >= energy, "cycle " + cycle + ": load profile energy went back at " + time);
                previous = time;
                energy = row.Items[1].ToInt64();
            }
        }
    }
}
