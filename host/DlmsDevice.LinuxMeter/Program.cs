using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Net.Sockets;
using System.Threading;
using DlmsDevice.LinuxMeter.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.LinuxMeter
{
    /// <summary>
    /// <c>dlms-meter --board board.json</c>: the meter of a Linux board. Reads the board file,
    /// opens the devices, builds the meter and serves it until SIGTERM (systemd) or Ctrl+C.
    /// Exit codes: 0 after a clean stop (or a good <c>--check</c>), 1 when a device cannot be
    /// opened (the message names it and why), 2 when the board file is bad (the message names
    /// the field and why). docs/linux-board.md.
    /// </summary>
    public static class Program
    {
        /// <summary>Exit code: a clean stop.</summary>
        public const int ExitOk = 0;

        /// <summary>Exit code: a device cannot be opened (or a port cannot be listened on).</summary>
        public const int ExitDevice = 1;

        /// <summary>Exit code: the board file (or a secret it references) is bad.</summary>
        public const int ExitBoardFile = 2;

        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            Option<string> board = new Option<string>("--board")
            {
                Description = "The board file (JSON): GPIO, ADCs, RS-485, ports, identity and key references",
                Required = true,
            };
            Option<bool> check = new Option<bool>("--check")
            {
                Description = "Open every device, print one reading of every input, and exit",
            };
            Option<LogLevel> level = new Option<LogLevel>("--log-level")
            {
                Description = "Least level logged: Trace, Debug, Information, Warning, Error",
                DefaultValueFactory = _ => LogLevel.Information,
            };
            RootCommand root = new RootCommand("dlms-meter: a DLMS/COSEM meter on a Linux board (S0 pulse inputs, ADCs, RS-485, TCP).")
            {
                board, check, level,
            };
            root.SetAction(parse => Run(parse.GetValue(board)!, parse.GetValue(check), parse.GetValue(level), new LinuxBoardDevices(), CancellationToken.None));
            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError error in result.Errors)
                {
                    Console.Error.WriteLine("error: " + error.Message);
                }
                return ExitBoardFile;
            }
            // SIGTERM and Ctrl+C stop the host cleanly (exit code 0), not System.CommandLine.
            return result.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
        }

        /// <summary>
        /// Reads <paramref name="boardPath"/>, opens the board through <paramref name="devices"/>
        /// and serves the meter until SIGTERM, Ctrl+C or <paramref name="stop"/>.
        /// </summary>
        /// <returns>The exit code.</returns>
        public static int Run(string boardPath, bool check, LogLevel level, IBoardDevices devices, CancellationToken stop)
        {
            List<string> errors = new List<string>();
            BoardFile? board = BoardFileReader.ReadFile(boardPath, errors);
            MeterSecrets? secrets = board != null ? SecretReader.Resolve(board.Meter, errors) : null;
            if (board == null || secrets == null)
            {
                foreach (string error in errors)
                {
                    Console.Error.WriteLine("error: " + boardPath + ": " + error);
                }
                return ExitBoardFile;
            }
            using ILoggerFactory loggers = LoggerFactory.Create(b => ConfigureLogging(b, level));
            ILogger logger = loggers.CreateLogger("DlmsDevice.LinuxMeter");
            BoardMeter meter;
            try
            {
                meter = BoardMeter.Open(board, secrets, devices, loggers, !check);
            }
            catch (DeviceOpenException e)
            {
                logger.LogError("Cannot open {Device}: {Reason}", e.Device, e.Reason);
                Console.Error.WriteLine("error: cannot open " + e.Device + ": " + e.Reason);
                return ExitDevice;
            }
            if (check)
            {
                foreach (string line in BoardReport.Describe(meter))
                {
                    Console.WriteLine(line);
                }
                meter.Device.Shutdown();
                meter.Dispose();
                return ExitOk;
            }
            Announce(logger, meter);
            return Serve(meter, loggers, logger, stop);
        }

        private static int Serve(BoardMeter meter, ILoggerFactory loggers, ILogger logger, CancellationToken stop)
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "dlms-meter" });
            builder.Services.AddSingleton(loggers);
            builder.Services.AddSystemd();
            builder.Services.AddSingleton(meter);
            builder.Services.AddHostedService(services => new MeterService(meter, loggers, services.GetService<ISystemdNotifier>()));
            using IHost host = builder.Build();
            try
            {
                host.StartAsync(stop).GetAwaiter().GetResult();
            }
            catch (SocketException e)
            {
                logger.LogError("Cannot listen: {Error}", e.Message);
                Console.Error.WriteLine("error: cannot listen on " + meter.Board.Tcp.Bind + ": " + e.Message);
                meter.Device.Shutdown();
                meter.Dispose();
                return ExitDevice;
            }
            host.WaitForShutdownAsync(stop).GetAwaiter().GetResult();
            return ExitOk;
        }

        // Plain lines on a terminal; under systemd the journal's format (priority prefixes, no colours).
        private static void ConfigureLogging(ILoggingBuilder builder, LogLevel level)
        {
            builder.SetMinimumLevel(level);
            if (SystemdHelpers.IsSystemdService())
            {
                builder.AddSystemdConsole();
            }
            else
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                });
            }
        }

        private static void Announce(ILogger logger, BoardMeter meter)
        {
            foreach (string line in BoardReport.Describe(meter))
            {
                logger.LogInformation("{Line}", line);
            }
            MeterSection m = meter.Board.Meter;
            if (m.AuthenticationKey == null || m.EncryptionKey == null || m.MasterKey == null)
            {
                logger.LogWarning("!!! Client 48 uses a PUBLISHED DLMS GREEN BOOK TEST KEY: anyone can read and change this meter. Set meter.keys.authentication, .encryption and .master in the board file. !!!");
            }
            if (m.Password == null)
            {
                logger.LogWarning("Client 32 uses the default LLS password 12345678: set meter.password in the board file");
            }
            if (meter.Board.StateDirectory == null)
            {
                logger.LogWarning("No stateDirectory: energy, profiles, events and invocation counters do not survive a restart");
            }
        }
    }
}
