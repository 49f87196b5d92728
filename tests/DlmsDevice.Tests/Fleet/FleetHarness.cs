using System;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Emulator.Fleet;
using DlmsDevice.Tests.EndToEnd.Support;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>
    /// A fleet running in-process on ephemeral ports (one per meter, or one shared), simulation
    /// time moving only when a test advances a meter, no scheduled faults, 1 000 000 Wh + 1000 Wh
    /// per meter index on the import register at the start.
    /// </summary>
    public sealed class FleetHarness : IDisposable
    {
        public static readonly DateTime StartUtc = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

        public const string FleetKeyHex = "00112233445566778899AABBCCDDEEFF";

        private readonly ILoggerFactory _loggerFactory;

        private FleetHarness(FleetHost host, EmulatorOptions options, CapturingLoggerProvider logs, ILoggerFactory loggerFactory)
        {
            Host = host;
            Options = options;
            Logs = logs;
            _loggerFactory = loggerFactory;
        }

        public FleetHost Host { get; }

        public EmulatorOptions Options { get; }

        public CapturingLoggerProvider Logs { get; }

        public static long InitialEnergyWh(int meter) => 1_000_000 + 1000L * meter;

        public static FleetHarness Start(int meters, bool onePort = false, Action<EmulatorOptions>? configure = null)
        {
            EmulatorOptions options = new EmulatorOptions
            {
                Meters = meters,
                OnePort = onePort,
                WrapperPort = -1,
                HdlcPort = -1,
                FleetKey = FleetKeyHex,
            };
            configure?.Invoke(options);
            Assert.Null(FleetProgram.Validate(options));
            CapturingLoggerProvider logs = new CapturingLoggerProvider();
            ILoggerFactory loggerFactory = logs.CreateFactory();
            FleetHost host = FleetHost.Create(options, loggerFactory, (i, s) =>
            {
                s.TimeScale = 0;
                s.StartUtc = StartUtc;
                s.SimulateFaults = false;
                s.InitialEnergyWh = InitialEnergyWh(i);
            });
            try
            {
                host.Start();
            }
            catch
            {
                host.Dispose();
                loggerFactory.Dispose();
                throw;
            }
            return new FleetHarness(host, options, logs, loggerFactory);
        }

        /// <summary>Client options for meter <paramref name="meter"/> over its own port or the shared one.</summary>
        public DlmsClientOptions ClientOptions(int meter, TransportKind transport, int clientSap = 16)
        {
            FleetLayout layout = Host.Layout;
            return new DlmsClientOptions
            {
                Transport = transport,
                Host = "127.0.0.1",
                Port = transport == TransportKind.Wrapper ? Host.WrapperEndPoint(meter)!.Port : Host.HdlcEndPoint(meter)!.Port,
                ClientSap = clientSap,
                ServerLogical = transport == TransportKind.Wrapper ? layout.WPort(meter) : 1,
                ServerPhysical = layout.HdlcPhysicalAddress(meter),
                Timeout = TimeSpan.FromSeconds(10),
            };
        }

        /// <summary>Client 48 of meter <paramref name="meter"/> with the keys derived from <paramref name="fleetKeyHex"/>.</summary>
        public DlmsClientOptions ManagementOptions(int meter, TransportKind transport, string fleetKeyHex = FleetKeyHex)
        {
            byte[] title = FleetMeterFactory.SystemTitle(Host.Layout.SerialNumber(meter));
            byte[] fleetKey = Convert.FromHexString(fleetKeyHex);
            return ClientOptions(meter, transport, DefaultMeter.ManagementClientSap) with
            {
                Authentication = AuthenticationMechanism.HighGmac,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    AuthenticationKey = FleetKeys.Derive(fleetKey, FleetKeys.AuthenticationKeyLabel, title),
                    BlockCipherKey = FleetKeys.Derive(fleetKey, FleetKeys.BlockCipherKeyLabel, title),
                    InvocationCounter = 1,
                },
            };
        }

        public async Task<DlmsClient> AssociateAsync(DlmsClientOptions options)
        {
            DlmsClient client = await DlmsClient.ConnectAsync(options);
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
            Host.Dispose();
            _loggerFactory.Dispose();
        }
    }
}
