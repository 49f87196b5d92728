using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>
    /// Two connected pseudo-terminals made by socat (a null-modem cable in software):
    /// <c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>. The emulator opens one end
    /// as its serial line, the client the other. Disposing ends the socat process it started.
    /// </summary>
    public sealed class SocatPtyPair : IDisposable
    {
        private readonly Process _process;

        private SocatPtyPair(Process process, string serverPath, string clientPath)
        {
            _process = process;
            ServerPath = serverPath;
            ClientPath = clientPath;
        }

        /// <summary>The end the emulator opens.</summary>
        public string ServerPath { get; }

        /// <summary>The end the client opens.</summary>
        public string ClientPath { get; }

        /// <summary>The full path of socat, or null when it is not installed.</summary>
        public static string? FindSocat()
        {
            string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':');
            foreach (string dir in dirs)
            {
                string candidate = Path.Combine(dir, "socat");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            return null;
        }

        /// <summary>Starts socat and waits until both links exist.</summary>
        public static SocatPtyPair Start(string socat)
        {
            string stem = Path.Combine(Path.GetTempPath(), "dlmsdev-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string server = stem + "-meter";
            string client = stem + "-client";
            ProcessStartInfo info = new ProcessStartInfo(socat)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add("pty,raw,echo=0,link=" + server);
            info.ArgumentList.Add("pty,raw,echo=0,link=" + client);
            Process process = Process.Start(info) ?? throw new InvalidOperationException("socat did not start");
            // socat logs to stderr; drain it so it never blocks on a full pipe.
            process.ErrorDataReceived += (_, _) => { };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            Stopwatch watch = Stopwatch.StartNew();
            while (!(File.Exists(server) && File.Exists(client)))
            {
                if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(10))
                {
                    Stop(process);
                    throw new InvalidOperationException("socat did not create the ptys " + server + " and " + client);
                }
                Thread.Sleep(20);
            }
            return new SocatPtyPair(process, server, client);
        }

        public void Dispose()
        {
            Stop(_process);
        }

        private static void Stop(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            process.Dispose();
        }
    }
}
