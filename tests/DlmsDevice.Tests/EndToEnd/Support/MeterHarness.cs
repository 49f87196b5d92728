using System;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>
    /// The default meter running in-process on ephemeral TCP ports (and, when asked, on one end of
    /// a socat pty pair), with simulation time that moves only when a test advances it
    /// (<see cref="DefaultMeter.Advance"/>), no scheduled faults, no state directory, and
    /// 1 000 000 Wh on the import register at the start.
    /// </summary>
    public sealed class MeterHarness : IDisposable
    {
        /// <summary>The time the meter clock reads at simulation time 0.</summary>
        public static readonly DateTime StartUtc = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

        /// <summary>Reply timeout of the test clients.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        private readonly ILoggerFactory _loggerFactory;

        private MeterHarness(DefaultMeter meter, MeterEmulator emulator, CapturingLoggerProvider logs, ILoggerFactory loggerFactory, SocatPtyPair? pty)
        {
            Meter = meter;
            Emulator = emulator;
            Logs = logs;
            _loggerFactory = loggerFactory;
            Pty = pty;
        }

        public DefaultMeter Meter { get; }

        public MeterEmulator Emulator { get; }

        public CapturingLoggerProvider Logs { get; }

        public SocatPtyPair? Pty { get; }

        /// <summary>Starts the meter; <paramref name="serial"/> adds HDLC on a new pty pair (needs socat).</summary>
        /// <summary>Active energy import at the start (Wh).</summary>
        public const long InitialEnergyWh = 1_000_000;

        public static MeterHarness Start(bool serial = false, Action<EmulatorOptions>? configure = null, Action<DefaultMeterSettings>? meter = null)
        {
            EmulatorOptions options = new EmulatorOptions { WrapperPort = -1, HdlcPort = -1 };
            SocatPtyPair? pty = null;
            if (serial)
            {
                pty = SocatPtyPair.Start(SocatPtyPair.FindSocat() ?? throw new InvalidOperationException("socat is not installed"));
                options.SerialDevice = pty.ServerPath;
                options.BaudRate = 38400;
            }
            configure?.Invoke(options);
            DefaultMeterSettings settings = DefaultMeterSettings.From(options);
            settings.TimeScale = 0;
            settings.StartUtc = StartUtc;
            settings.SimulateFaults = false;
            settings.InitialEnergyWh = InitialEnergyWh;
            meter?.Invoke(settings);
            DefaultMeter defaultMeter = new DefaultMeter(settings);
            CapturingLoggerProvider logs = new CapturingLoggerProvider();
            ILoggerFactory loggerFactory = logs.CreateFactory();
            MeterEmulator emulator = new MeterEmulator(options, defaultMeter, loggerFactory);
            try
            {
                emulator.Start();
            }
            catch
            {
                emulator.Dispose();
                defaultMeter.Dispose();
                pty?.Dispose();
                loggerFactory.Dispose();
                throw;
            }
            return new MeterHarness(defaultMeter, emulator, logs, loggerFactory, pty);
        }

        /// <summary>Client options for <paramref name="transport"/> aimed at this meter.</summary>
        public DlmsClientOptions Options(TransportKind transport, int clientSap = 16, string? password = null)
        {
            return new DlmsClientOptions
            {
                Transport = transport,
                Host = "127.0.0.1",
                Port = transport switch
                {
                    TransportKind.Wrapper => Emulator.WrapperEndPoint!.Port,
                    TransportKind.Hdlc => Emulator.HdlcEndPoint!.Port,
                    _ => null,
                },
                SerialPort = transport == TransportKind.Serial ? Pty!.ClientPath : null,
                BaudRate = Emulator.Options.BaudRate,
                ClientSap = clientSap,
                Authentication = password == null ? AuthenticationMechanism.None : AuthenticationMechanism.Low,
                Password = password,
                Timeout = Timeout,
            };
        }

        /// <summary>Connects (HDLC: SNRM/UA) without associating.</summary>
        public Task<DlmsClient> ConnectAsync(DlmsClientOptions options)
        {
            return DlmsClient.ConnectAsync(options, CancellationToken.None);
        }

        /// <summary>Connects and associates as the public client (or the meter reader with <paramref name="password"/>).</summary>
        public async Task<DlmsClient> AssociateAsync(TransportKind transport, int clientSap = 16, string? password = null)
        {
            DlmsClient client = await ConnectAsync(Options(transport, clientSap, password));
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

        /// <summary>The meter reader: client 32 with the default LLS password.</summary>
        public Task<DlmsClient> AssociateMeterReaderAsync(TransportKind transport)
        {
            return AssociateAsync(transport, DefaultMeter.MeterReaderClientSap, Emulator.Options.Password);
        }

        public void Dispose()
        {
            Emulator.Dispose();
            Meter.Dispose();
            Pty?.Dispose();
            _loggerFactory.Dispose();
        }
    }
}
