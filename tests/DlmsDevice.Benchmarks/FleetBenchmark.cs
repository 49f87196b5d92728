using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// <c>--fleet [N]</c>: the emulator as a fleet of N meters (default 10,000) in a process of its
    /// own, driven by a lean load generator here (raw wrapper bytes on async sockets): how long
    /// the fleet takes to start (process start to its "ready" line, with a day of load profile
    /// lived by every meter), its RSS per meter idle and with every meter associated at once, and
    /// one round of association + GET + release on every meter (each GET reads the meter's
    /// serial number, so a wrong route is an error), once with a port per meter and once behind
    /// one port. Targets (issue 10): start &lt;= 30 s, &lt;= 64 KB RSS per meter, the round
    /// &lt;= 60 s with no error; exit code 1 when one is missed. docs/benchmarks.md has the figures.
    /// </summary>
    internal static class FleetBenchmark
    {
        private const int WrapperBase = 10000;
        private const int HdlcBase = 20000;
        private const int InFlight = 200;
        private const double StartTargetSeconds = 30;
        private const double RssTargetKb = 64;
        private const double RoundTargetSeconds = 60;

        private static readonly byte[] Aarq = Hex.Parse(Apdus.AarqPublic);
        private static readonly byte[] GetSerial = Convert.FromHexString("C001C100010000600100FF0200");
        private static readonly byte[] Rlrq = Hex.Parse(Apdus.Rlrq);

        public static int Run(TextWriter output, int meters)
        {
            ulong files = RaiseFileLimit(4 * meters + 1000);
            output.WriteLine("Fleet benchmark: " + meters + " meters, " + Environment.ProcessorCount + " cores, open files (ulimit -n) " + files);
            output.WriteLine();
            Result baseline = Scenario(output, 1, onePort: true, hdlc: false, holdAll: true);
            // A port per meter needs a descriptor per listening port: HDLC ports too only when the
            // limit leaves room for both (2 N listeners), and the associations one after another
            // (InFlight at a time) so the connections fit beside the listeners.
            bool hdlc = files >= (ulong)(2 * meters + InFlight + 1000);
            Result perPort = Scenario(output, meters, onePort: false, hdlc, holdAll: false);
            Result onePort = Scenario(output, meters, onePort: true, hdlc: true, holdAll: true);
            output.WriteLine();
            output.WriteLine("| mode | start (s) | RSS idle (MB) | idle per meter (KB) | idle per meter above 1 meter (KB) | per meter, all associated at once (KB) | round (s) | errors | emulator CPU in the round (s) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            perPort.WriteRow(output, "a port per meter (wrapper " + WrapperBase + "+i" + (hdlc ? ", HDLC " + HdlcBase + "+i" : ", no HDLC: too few descriptors") + ")", baseline);
            onePort.WriteRow(output, "one port (wrapper " + WrapperBase + " wPort 16+i, HDLC " + HdlcBase + ")", baseline);
            bool ok = perPort.Meets(meters) && onePort.Meets(meters);
            output.WriteLine();
            output.WriteLine(ok ? "All targets met." : "A target was missed (see above).");
            return ok ? 0 : 1;
        }

        private static Result Scenario(TextWriter output, int meters, bool onePort, bool hdlc, bool holdAll)
        {
            string[] args =
            {
                "--meters", meters.ToString(CultureInfo.InvariantCulture),
                "--wrapper-port", WrapperBase.ToString(CultureInfo.InvariantCulture),
                "--hdlc-port", hdlc ? HdlcBase.ToString(CultureInfo.InvariantCulture) : "0",
                "--history-hours", "24",
                "--fleet-key", "00112233445566778899AABBCCDDEEFF",
            };
            if (onePort)
            {
                args = args.Append("--one-port").ToArray();
            }
            output.WriteLine((onePort ? "One port" : "A port per meter") + ": dotnet DlmsDevice.Emulator.dll " + string.Join(" ", args));
            Result result = new Result { Meters = meters };
            using Child child = Child.Start(args);
            Stopwatch watch = Stopwatch.StartNew();
            if (!child.WaitFor("Fleet of " + meters + " meters ready", TimeSpan.FromMinutes(5)))
            {
                output.WriteLine("  the fleet did not start: " + child.Output);
                result.Errors = meters;
                return result;
            }
            result.StartSeconds = watch.Elapsed.TotalSeconds;
            Thread.Sleep(3000); // let the first ticks and the GC settle
            result.IdleRssKb = child.RssKb();
            output.WriteLine("  ready in " + result.StartSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s; RSS " + result.IdleRssKb / 1024 + " MB");

            double cpuBefore = child.CpuSeconds();
            Stopwatch round = Stopwatch.StartNew();
            Meter[] clients = Enumerable.Range(0, meters).Select(i => new Meter(i, onePort)).ToArray();
            if (holdAll)
            {
                result.Errors += RunPhase(clients, m => m.AssociateAsync());
                result.AssociatedRssKb = child.RssKb();
                result.Errors += RunPhase(clients, m => m.GetSerialAsync());
                result.Errors += RunPhase(clients, m => m.ReleaseAsync());
            }
            else
            {
                result.Errors += RunPhase(clients, async m =>
                {
                    await m.AssociateAsync().ConfigureAwait(false);
                    await m.GetSerialAsync().ConfigureAwait(false);
                    await m.ReleaseAsync().ConfigureAwait(false);
                });
            }
            result.RoundSeconds = round.Elapsed.TotalSeconds;
            result.RoundCpuSeconds = child.CpuSeconds() - cpuBefore;
            output.WriteLine("  round: " + result.RoundSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s, " + result.Errors + " errors"
                + (clients.FirstOrDefault(c => c.Error != null)?.Error is string e ? " (first: " + e + ")" : "")
                + (holdAll ? "; RSS with every meter associated at once " + result.AssociatedRssKb / 1024 + " MB" : ""));
            child.Stop(output);
            return result;
        }

        // Runs one step on every meter, at most InFlight at a time; returns the number that failed.
        private static int RunPhase(Meter[] meters, Func<Meter, Task> step)
        {
            using SemaphoreSlim gate = new SemaphoreSlim(InFlight);
            Task[] tasks = meters.Select(async m =>
            {
                await gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    if (m.Error == null)
                    {
                        await step(m).ConfigureAwait(false);
                    }
                }
                catch (Exception ex)
                {
                    m.Error ??= "meter " + m.Index + ": " + ex.Message;
                    m.Dispose();
                    return 1;
                }
                finally
                {
                    gate.Release();
                }
                return 0;
            }).ToArray();
            Task.WaitAll(tasks);
            return tasks.Sum(t => ((Task<int>)t).Result);
        }

        private sealed class Result
        {
            public int Meters;
            public double StartSeconds;
            public long IdleRssKb;
            public long AssociatedRssKb;
            public double RoundSeconds;
            public double RoundCpuSeconds;
            public int Errors;

            public bool Meets(int meters) => Errors == 0 && StartSeconds <= StartTargetSeconds && RoundSeconds <= RoundTargetSeconds
                && (double)Math.Max(IdleRssKb, AssociatedRssKb) / meters <= RssTargetKb;

            public void WriteRow(TextWriter output, string mode, Result baseline)
            {
                int n = Math.Max(1, Meters);
                string associated = AssociatedRssKb > 0 ? ((double)AssociatedRssKb / n).ToString("F1", CultureInfo.InvariantCulture) : "-";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {mode} | {StartSeconds:F1} | {IdleRssKb / 1024.0:F0} | {(double)IdleRssKb / n:F1} | {(double)(IdleRssKb - baseline.IdleRssKb) / Math.Max(1, n - 1):F1} | {associated} | {RoundSeconds:F1} | {Errors} | {RoundCpuSeconds:F1} |"));
            }
        }

        /// <summary>The load generator's side of one meter: a TCP connection carrying wrapper frames.</summary>
        private sealed class Meter : IDisposable
        {
            private readonly bool _onePort;
            private readonly byte[] _buffer = new byte[256];
            private Socket? _socket;

            public Meter(int index, bool onePort)
            {
                Index = index;
                _onePort = onePort;
            }

            public int Index { get; }

            public string? Error { get; set; }

            private int WPort => _onePort ? 16 + Index : 1;

            public async Task AssociateAsync()
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await _socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _onePort ? WrapperBase : WrapperBase + Index)).ConfigureAwait(false);
                int n = await ExchangeAsync(Aarq).ConfigureAwait(false);
                // AARE: 61 len A1 (application context) ... A2 03 02 01 <result>: accepted = 0.
                int result = IndexOf(_buffer, 8, n, new byte[] { 0xA2, 0x03, 0x02, 0x01 });
                if (_buffer[8] != 0x61 || result < 0 || _buffer[result + 4] != 0)
                {
                    throw new InvalidOperationException("association refused: " + Convert.ToHexString(_buffer, 0, n));
                }
            }

            public async Task GetSerialAsync()
            {
                int n = await ExchangeAsync(GetSerial).ConfigureAwait(false);
                // C4 01 C1 00 0A 0D <13 characters>
                string expected = (1 + Index).ToString("D13", CultureInfo.InvariantCulture);
                if (n != 8 + 19 || _buffer[8] != 0xC4 || Encoding.ASCII.GetString(_buffer, 8 + 6, 13) != expected)
                {
                    throw new InvalidOperationException("GET answered " + Convert.ToHexString(_buffer, 0, n) + ", expected serial " + expected);
                }
            }

            public async Task ReleaseAsync()
            {
                int n = await ExchangeAsync(Rlrq).ConfigureAwait(false);
                if (_buffer[8] != 0x63)
                {
                    throw new InvalidOperationException("release answered " + Convert.ToHexString(_buffer, 0, n));
                }
                Dispose();
            }

            public void Dispose()
            {
                _socket?.Dispose();
                _socket = null;
            }

            private async Task<int> ExchangeAsync(byte[] apdu)
            {
                byte[] frame = new byte[8 + apdu.Length];
                frame[1] = 1;
                frame[3] = 16;
                frame[4] = (byte)(WPort >> 8);
                frame[5] = (byte)WPort;
                frame[6] = (byte)(apdu.Length >> 8);
                frame[7] = (byte)apdu.Length;
                apdu.CopyTo(frame, 8);
                await _socket!.SendAsync(frame, SocketFlags.None).ConfigureAwait(false);
                int count = 0;
                using CancellationTokenSource timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                while (count < 8 || count < 8 + ((_buffer[6] << 8) | _buffer[7]))
                {
                    int n = await _socket.ReceiveAsync(_buffer.AsMemory(count), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new InvalidOperationException("the meter closed the connection");
                    }
                    count += n;
                }
                return count;
            }

            private static int IndexOf(byte[] buffer, int from, int to, byte[] pattern)
            {
                for (int i = from; i + pattern.Length <= to; i++)
                {
                    if (buffer.AsSpan(i, pattern.Length).SequenceEqual(pattern))
                    {
                        return i;
                    }
                }
                return -1;
            }
        }

        /// <summary>The emulator in a process of its own.</summary>
        private sealed class Child : IDisposable
        {
            private readonly StringBuilder _output = new StringBuilder();
            private readonly Process _process;

            private Child(Process process)
            {
                _process = process;
            }

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

            public static Child Start(string[] args)
            {
                ProcessStartInfo info = new ProcessStartInfo("dotnet")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DlmsDevice.Emulator.dll"));
                foreach (string arg in args)
                {
                    info.ArgumentList.Add(arg);
                }
                Child child = new Child(Process.Start(info)!);
                child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
                child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
                child._process.BeginOutputReadLine();
                child._process.BeginErrorReadLine();
                return child;
            }

            public bool WaitFor(string text, TimeSpan timeout)
            {
                Stopwatch watch = Stopwatch.StartNew();
                while (!Output.Contains(text, StringComparison.Ordinal))
                {
                    if (_process.HasExited || watch.Elapsed > timeout)
                    {
                        return false;
                    }
                    Thread.Sleep(20);
                }
                return true;
            }

            public long RssKb()
            {
                foreach (string line in File.ReadLines("/proc/" + _process.Id + "/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    }
                }
                return 0;
            }

            public double CpuSeconds()
            {
                _process.Refresh();
                return _process.TotalProcessorTime.TotalSeconds;
            }

            public void Stop(TextWriter output)
            {
                Stopwatch watch = Stopwatch.StartNew();
                using (Process kill = Process.Start("kill", "-TERM " + _process.Id)!)
                {
                    kill.WaitForExit();
                }
                bool exited = _process.WaitForExit(120_000);
                output.WriteLine("  stopped (SIGTERM) in " + watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s, exit code "
                    + (exited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "none (killed)"));
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit();
                }
                _process.Dispose();
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

        // A fleet needs a descriptor per listening port and per connection, in the emulator and
        // here: raise the soft limit to the hard one, and the hard one too where allowed (root).
        // The emulator, started from here, inherits the limits.
        private static ulong RaiseFileLimit(int wanted)
        {
            if (!OperatingSystem.IsLinux())
            {
                return 0;
            }
            RLimit limit;
            if (getrlimit(RlimitNoFile, out limit) != 0)
            {
                return 0;
            }
            ulong target = Math.Max(limit.Max, (ulong)wanted);
            RLimit raised = new RLimit { Current = target, Max = target };
            if (setrlimit(RlimitNoFile, ref raised) != 0)
            {
                raised = new RLimit { Current = limit.Max, Max = limit.Max };
                setrlimit(RlimitNoFile, ref raised);
            }
            getrlimit(RlimitNoFile, out limit);
            return limit.Current;
        }

        private const int RlimitNoFile = 7;

        [StructLayout(LayoutKind.Sequential)]
        private struct RLimit
        {
            public ulong Current;
            public ulong Max;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrlimit(int resource, out RLimit limit);

        [DllImport("libc", SetLastError = true)]
        private static extern int setrlimit(int resource, ref RLimit limit);
    }
}
