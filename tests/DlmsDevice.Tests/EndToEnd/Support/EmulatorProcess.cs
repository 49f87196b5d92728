using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using DlmsDevice.Client;

namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>The built emulator as a child process, its output collected.</summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        /// <summary>How long a start or a stop may take.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        /// <summary>The emulator next to the test assembly.</summary>
        public static string EmulatorDll
        {
            get { return Path.Combine(AppContext.BaseDirectory, "DlmsDevice.Emulator.dll"); }
        }

        /// <summary>A TCP port nobody listens on right now.</summary>
        public static int FreePort()
        {
            using Socket probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

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
                Assert.True(watch.Elapsed < Timeout, "no \"" + text + "\" in: " + Output);
                await Task.Delay(50);
            }
        }

        public void Signal(string name)
        {
            using Process kill = Process.Start("kill", "-" + name + " " + Process.Id)!;
            kill.WaitForExit();
        }

        /// <summary>Connects to the wrapper on <paramref name="port"/> as the meter reader (client 32, LLS with <paramref name="password"/>) and associates.</summary>
        public static async Task<DlmsClient> AssociateMeterReaderAsync(int port, string password)
        {
            DlmsClient client = await DlmsClient.ConnectAsync(new DlmsClientOptions
            {
                Port = port,
                ClientSap = 32,
                Authentication = AuthenticationMechanism.Low,
                Password = password,
            });
            await client.AssociateAsync();
            return client;
        }

        /// <summary>Sends SIGTERM and asserts the emulator stops cleanly (exit code 0).</summary>
        public void StopCleanly()
        {
            Signal("TERM");
            Assert.True(Process.WaitForExit((int)Timeout.TotalMilliseconds), Output);
            Process.WaitForExit(); // drain the redirected output
            Assert.Equal(0, Process.ExitCode);
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
}
