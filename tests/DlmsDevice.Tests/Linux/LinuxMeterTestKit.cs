using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.LinuxMeter;
using DlmsDevice.LinuxMeter.Board;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Linux.Fakes;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>
    /// dlms-meter on fake devices: a board file written to a temporary directory, the board opened
    /// on <see cref="FakeBoardDevices"/>, the meter served by <see cref="MeterService"/> on
    /// 127.0.0.1, S0 pulses made on the fake GPIO line, and a client of the project's client
    /// library to read it.
    /// </summary>
    internal sealed class LinuxMeterTestKit : IDisposable
    {
        public const int PulsePin = 17;

        /// <summary>The engine ticks this often in the tests (the service's default is 500 ms).</summary>
        public const int TickMilliseconds = 40;
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        private readonly ILoggerFactory _loggers;

        public LinuxMeterTestKit(string boardJson, Action<FakeBoardDevices>? setUp = null)
        {
            Directory = Path.Combine(Path.GetTempPath(), "dlms-meter-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            System.IO.Directory.CreateDirectory(Directory);
            BoardPath = Path.Combine(Directory, "board.json");
            File.WriteAllText(BoardPath, boardJson.Replace("$STATE", Path.Combine(Directory, "state")));
            // The S0 line idles high (opto-coupler off, pull-up); a pulse pulls it low.
            Devices.Gpio.SetLevel(PulsePin, true);
            setUp?.Invoke(Devices);
            _loggers = Logs.CreateFactory();
        }

        public string Directory { get; }

        public string BoardPath { get; }

        public FakeBoardDevices Devices { get; } = new FakeBoardDevices();

        public CapturingLoggerProvider Logs { get; } = new CapturingLoggerProvider();

        public BoardMeter? Meter { get; private set; }

        public MeterService? Service { get; private set; }

        /// <summary>A TCP port free now (bound and released), for a board file.</summary>
        public static int FreePort()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        }

        /// <summary>Reads the board file, opens the board and starts serving it.</summary>
        public async Task StartAsync()
        {
            List<string> errors = new List<string>();
            BoardFile board = BoardFileReader.ReadFile(BoardPath, errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
            MeterSecrets secrets = SecretReader.Resolve(board.Meter, errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
            Meter = BoardMeter.Open(board, secrets, Devices, _loggers);
            Service = new MeterService(Meter, _loggers, null, TickMilliseconds);
            await Service.StartAsync(CancellationToken.None);
        }

        /// <summary>One S0 pulse, active low, of <paramref name="widthMs"/> with <paramref name="bounces"/> 1 ms bounces at each edge.</summary>
        public void Pulse(int widthMs, int bounces, int pauseMs)
        {
            FakeGpioDriver gpio = Devices.Gpio;
            for (int i = 0; i < bounces; i++)
            {
                gpio.Drive(PulsePin, false);
                Devices.ManualClock.Advance(1);
                gpio.Drive(PulsePin, true);
                Devices.ManualClock.Advance(1);
            }
            gpio.Drive(PulsePin, false);
            Devices.ManualClock.Advance(widthMs);
            gpio.Drive(PulsePin, true);
            for (int i = 0; i < bounces; i++)
            {
                Devices.ManualClock.Advance(1);
                gpio.Drive(PulsePin, false);
                Devices.ManualClock.Advance(1);
                gpio.Drive(PulsePin, true);
            }
            Devices.ManualClock.Advance(pauseMs);
        }

        /// <summary>Waits for <paramref name="count"/> more engine ticks (real time, <see cref="TickMilliseconds"/> each).</summary>
        public async Task TicksAsync(int count)
        {
            long target = Service!.Ticks + count;
            await WaitForAsync(() => Service.Ticks >= target, "engine ticks");
        }

        public static async Task WaitForAsync(Func<bool> condition, string what)
        {
            Stopwatch watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed > Timeout)
                {
                    throw new TimeoutException("waited " + Timeout.TotalSeconds + " s for " + what);
                }
                await Task.Delay(20);
            }
        }

        public DlmsClientOptions Wrapper(int clientSap = 16)
        {
            return new DlmsClientOptions
            {
                Transport = TransportKind.Wrapper,
                Host = "127.0.0.1",
                Port = Service!.WrapperEndPoint!.Port,
                ClientSap = clientSap,
                Timeout = Timeout,
            };
        }

        public async Task<DlmsClient> AssociateAsync(DlmsClientOptions options)
        {
            DlmsClient client = await DlmsClient.ConnectAsync(options, CancellationToken.None);
            try
            {
                await client.AssociateAsync();
            }
            catch
            {
                await client.DisposeAsync();
                throw;
            }
            return client;
        }

        public void Dispose()
        {
            if (Service != null)
            {
                Service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            else
            {
                Meter?.Dispose();
            }
            _loggers.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
