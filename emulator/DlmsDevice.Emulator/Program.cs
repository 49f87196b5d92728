using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using DlmsDevice.Emulator.Diagnostics;
using DlmsDevice.Emulator.Transport;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// Command line of the emulator: <c>dotnet run --project emulator/DlmsDevice.Emulator</c>
    /// starts the default meter at once; options change ports, addresses, the password, the
    /// serial line and the trace. Ctrl+C or SIGTERM stop it cleanly (exit code 0).
    /// </summary>
    public static class Program
    {
        /// <summary>The environment variable that gives the fleet key when --fleet-key does not.</summary>
        public const string FleetKeyVariable = "DLMS_FLEET_KEY";

        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            Option<int> wrapperPort = new Option<int>("--wrapper-port")
            {
                Description = "TCP wrapper (IEC 62056-47) port; 0 disables it",
                DefaultValueFactory = _ => EmulatorOptions.DefaultWrapperPort,
            };
            Option<int> hdlcPort = new Option<int>("--hdlc-port")
            {
                Description = "HDLC over TCP port; 0 disables it",
                DefaultValueFactory = _ => EmulatorOptions.DefaultHdlcPort,
            };
            Option<string> bind = new Option<string>("--bind")
            {
                Description = "Address the TCP endpoints listen on",
                DefaultValueFactory = _ => "127.0.0.1",
            };
            Option<string?> serial = new Option<string?>("--serial")
            {
                Description = "Serial device for HDLC (e.g. /dev/ttyUSB0, or a pty made by socat)",
            };
            Option<int> baud = new Option<int>("--baud")
            {
                Description = "Serial line speed (8N1)",
                DefaultValueFactory = _ => 9600,
            };
            Option<string?> optical = new Option<string?>("--optical")
            {
                Description = "Serial device of an optical port: IEC 62056-21 mode E sign-on at 300 Bd 7E1, then HDLC 8N1 at the agreed speed",
            };
            Option<int> opticalBaud = new Option<int>("--optical-baud")
            {
                Description = "Fastest speed the optical port offers for HDLC (300, 600, 1200, 2400, 4800, 9600 or 19200)",
                DefaultValueFactory = _ => 9600,
            };
            Option<int> physical = new Option<int>("--hdlc-physical-address")
            {
                Description = "HDLC physical (lower) server address",
                DefaultValueFactory = _ => 17,
            };
            Option<string> password = new Option<string>("--password")
            {
                Description = "LLS password of the meter-reader association (client SAP 32)",
                DefaultValueFactory = _ => "12345678",
            };
            Option<int> inactivity = new Option<int>("--hdlc-inactivity-timeout")
            {
                Description = "HDLC inactivity time-out in seconds (0 = none)",
                DefaultValueFactory = _ => 120,
            };
            Option<int> maxPdu = new Option<int>("--max-pdu")
            {
                Description = "server-max-receive-pdu-size, the largest APDU the meter takes and sends (64..65535)",
                DefaultValueFactory = _ => 1024,
            };
            Option<bool> trace = new Option<bool>("--trace")
            {
                Description = "Log an annotated protocol trace of every frame in hex",
            };
            Option<string?> stateDir = new Option<string?>("--state-dir")
            {
                Description = "Directory for the meter's non-volatile state (energy, maximum demand, profiles, events, settings); default: none, nothing survives a restart",
            };
            Option<string?> healthFile = new Option<string?>("--health-file")
            {
                Description = "Keep a file with the meter's health (status=ok, failing when state cannot be written, stopped), rewritten every 10 s",
            };
            Option<double> timeScale = new Option<double>("--time-scale")
            {
                Description = "Simulated seconds per real second (60 = an hour a minute)",
                DefaultValueFactory = _ => 1.0,
            };
            Option<ulong> seed = new Option<ulong>("--seed")
            {
                Description = "Seed of the simulated load and supply noise",
                DefaultValueFactory = _ => 1UL,
            };
            Option<string?> authKey = new Option<string?>("--auth-key")
            {
                Description = "Authentication key AK of client 48 (32 hex digits; default: the Green Book TEST key D0D1..DF)",
            };
            Option<string?> blockKey = new Option<string?>("--block-key")
            {
                Description = "Global unicast encryption key EK of client 48 (32 hex digits; default: the Green Book TEST key 0001..0F)",
            };
            Option<string?> kek = new Option<string?>("--kek")
            {
                Description = "Master key KEK for key transfer (32 hex digits; default: the TEST key 0001..0F)",
            };
            Option<string?> systemTitle = new Option<string?>("--system-title")
            {
                Description = "The meter's system title (16 hex digits; default: \"DLD\" + the serial number)",
            };
            Option<int> maxConnections = new Option<int>("--max-connections")
            {
                Description = "TCP connections served at once on each endpoint; when all are taken, the oldest one without an association gives way",
                DefaultValueFactory = _ => 64,
            };
            Option<int> wrapperInactivity = new Option<int>("--wrapper-inactivity-timeout")
            {
                Description = "A wrapper connection without a frame for this many seconds is closed (TCP-UDP setup inactivity_time_out; 0 = never)",
                DefaultValueFactory = _ => 120,
            };
            Option<string?> meter = MeterDefinitionOption.Create();
            Option<int> associationTimeout = new Option<int>("--association-timeout")
            {
                Description = "A TCP connection that has not associated this many seconds after it opened is closed (0 = never)",
                DefaultValueFactory = _ => 10,
            };

            Option<string?> scenario = new Option<string?>("--scenario")
            {
                Description = "Tamper and theft scenarios on the simulated schedule, e.g. magnet@+10m/5m,cover@1h,reverse@2h/20m,neutral@3h,no-voltage@4h,outage@5h/5m (docs/tamper.md)",
            };
            Option<string> eventLogs = new Option<string>("--event-logs")
            {
                Description = "standard (the IDIS standard event log 0.0.99.98.0.255) or is15959 (the seven IS 15959 logs by category)",
                DefaultValueFactory = _ => "standard",
            };
            Option<string?> pushTo = new Option<string?>("--push-to")
            {
                Description = "Push DataNotifications (push setup 0.0.25.9.0.255) to HOST:PORT over a TCP wrapper connection; udp:HOST:PORT for UDP, hdlc for a UI frame on the serial line",
            };
            Option<int> pushInterval = new Option<int>("--push-interval")
            {
                Description = "Push every this many simulated seconds (0 = only when a client calls the push method)",
            };
            Option<bool> pushCiphered = new Option<bool>("--push-ciphered")
            {
                Description = "Cipher the pushes (general-glo-ciphering with client 48's keys and invocation counter)",
            };
            Option<int> udpPort = new Option<int>("--udp-port")
            {
                Description = "The wrapper over UDP (IEC 62056-47) on this port; 0 (default) = none",
            };
            Option<string> serialNumber = new Option<string>("--serial-number")
            {
                Description = "The meter's serial number, up to 13 digits (a fleet's first; meter i has this + i)",
                DefaultValueFactory = _ => "0000000000001",
            };
            Option<int> meters = new Option<int>("--meters")
            {
                Description = "Meters served by this process; meter i (from 0) on ports first+i, its own serial number, keys, state, seed and clock drift (docs/fleet.md)",
                DefaultValueFactory = _ => 1,
            };
            Option<bool> onePort = new Option<bool>("--one-port")
            {
                Description = "A fleet behind one wrapper, one HDLC and one UDP port: meter i at wrapper wPort 16+i and HDLC physical address 16+i",
            };
            Option<string?> fleetKey = new Option<string?>("--fleet-key")
            {
                Description = "Fleet master key (32+ hex digits): each meter's AK, EK and KEK are derived from it and its system title (SP 800-108, HMAC-SHA256); default: the environment variable " + FleetKeyVariable,
            };
            Option<string?> exportKeys = new Option<string?>("--export-keys")
            {
                Description = "Write the fleet's key table (CSV: meter, serial number, system title, ports, addresses, AK, EK, KEK) to this file, readable by its owner only",
            };
            Option<int> historyHours = new Option<int>("--history-hours")
            {
                Description = "On a first start each fleet meter lives this many hours of simulated history before it serves (24 fills a day of load profile)",
            };
            Option<int?> loadProfileRows = new Option<int?>("--load-profile-rows")
            {
                Description = "Load profile rows of each meter (default 2880 for one meter, 96 = a day in a fleet)",
            };
            Option<bool> fleetAutomation = new Option<bool>("--fleet-automation")
            {
                Description = "Fleet meters with billing, tariffs, register monitors and the limiter (about 15 KB more memory per meter; docs/fleet.md)",
            };
            Option<int?> eventLogRows = new Option<int?>("--event-log-rows")
            {
                Description = "Event log rows of each meter (default 1000 for one meter, 100 in a fleet)",
            };

            RootCommand root = new RootCommand("DlmsDevice emulator: a DLMS/COSEM meter on TCP (wrapper, HDLC) and serial HDLC.")
            {
                wrapperPort, hdlcPort, bind, serial, baud, optical, opticalBaud, physical, password, inactivity, maxPdu, trace, stateDir, healthFile, timeScale, seed,
                authKey, blockKey, kek, systemTitle, maxConnections, wrapperInactivity, associationTimeout, meter,
                scenario, eventLogs, pushTo, pushInterval, pushCiphered,
                udpPort, serialNumber, meters, onePort, fleetKey, exportKeys, historyHours, loadProfileRows, eventLogRows, fleetAutomation,
            };
            root.SetAction(parse =>
            {
                EmulatorOptions options = new EmulatorOptions
                {
                    WrapperPort = parse.GetValue(wrapperPort),
                    HdlcPort = parse.GetValue(hdlcPort),
                    BindAddress = parse.GetValue(bind) ?? "127.0.0.1",
                    SerialDevice = parse.GetValue(serial),
                    BaudRate = parse.GetValue(baud),
                    OpticalDevice = parse.GetValue(optical),
                    OpticalBaudRate = parse.GetValue(opticalBaud),
                    HdlcPhysicalAddress = parse.GetValue(physical),
                    Password = parse.GetValue(password) ?? "12345678",
                    HdlcInactivityTimeoutSeconds = parse.GetValue(inactivity),
                    MaxApduSize = parse.GetValue(maxPdu),
                    Trace = parse.GetValue(trace),
                    StateDirectory = parse.GetValue(stateDir),
                    HealthFile = parse.GetValue(healthFile),
                    TimeScale = parse.GetValue(timeScale),
                    Seed = parse.GetValue(seed),
                    AuthenticationKey = parse.GetValue(authKey),
                    BlockCipherKey = parse.GetValue(blockKey),
                    MasterKey = parse.GetValue(kek),
                    SystemTitle = parse.GetValue(systemTitle),
                    MaxConnections = parse.GetValue(maxConnections),
                    WrapperInactivityTimeoutSeconds = parse.GetValue(wrapperInactivity),
                    AssociationTimeoutSeconds = parse.GetValue(associationTimeout),
                    MeterFile = parse.GetValue(meter),
                    GivenOptions = MeterDefinitionOption.Given(parse),
                    Scenario = parse.GetValue(scenario),
                    EventLogs = parse.GetValue(eventLogs) ?? "standard",
                    PushTo = parse.GetValue(pushTo),
                    PushIntervalSeconds = parse.GetValue(pushInterval),
                    PushCiphered = parse.GetValue(pushCiphered),
                    UdpPort = parse.GetValue(udpPort),
                    Meters = parse.GetValue(meters),
                    OnePort = parse.GetValue(onePort),
                    SerialNumber = parse.GetValue(serialNumber) ?? "0000000000001",
                    // From the environment by preference: a key on the command line is visible to every user of the machine.
                    FleetKey = parse.GetValue(fleetKey) ?? Environment.GetEnvironmentVariable(FleetKeyVariable),
                    ExportKeys = parse.GetValue(exportKeys),
                    HistoryHours = parse.GetValue(historyHours),
                    LoadProfileRows = parse.GetValue(loadProfileRows),
                    EventLogRows = parse.GetValue(eventLogRows),
                    FleetAutomation = parse.GetValue(fleetAutomation),
                };
                return Run(options);
            });

            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                // Usage errors exit with 2, in a few words (no help dump, no .NET type names).
                foreach (ParseError error in result.Errors)
                {
                    Console.Error.WriteLine("error: " + UsageErrors.Describe(error.Message));
                }
                Console.Error.WriteLine("Options: --help");
                return UsageErrors.ExitCode;
            }
            // Signals are handled in Run (clean stop, exit code 0), not by System.CommandLine.
            InvocationConfiguration invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
            return result.Invoke(invocation);
        }

        /// <summary>Runs the emulator until SIGINT (Ctrl+C) or SIGTERM.</summary>
        public static int Run(EmulatorOptions options)
        {
            int loaded = MeterDefinitionOption.Load(options, Console.Error);
            if (loaded != 0)
            {
                return loaded;
            }
            string? problem = Validate(options);
            if (problem != null)
            {
                Console.Error.WriteLine("error: " + problem);
                return UsageErrors.ExitCode;
            }
            using ILoggerFactory loggerFactory = LoggerFactory.Create(builder =>
            {
                builder.SetMinimumLevel(LogLevel.Information);
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                });
            });
            ILogger logger = loggerFactory.CreateLogger("DlmsDevice.Emulator");
            using ManualResetEventSlim stop = new ManualResetEventSlim(false);
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

            void OnSignal(PosixSignalContext context)
            {
                // Keep the process alive: the main thread closes everything and returns 0.
                context.Cancel = true;
                stop.Set();
            }

            if (options.IsFleet)
            {
                return Fleet.FleetProgram.Run(options, loggerFactory, logger, stop);
            }

            DefaultMeter meter;
            try
            {
                meter = new DefaultMeter(DefaultMeterSettings.From(options));
            }
            catch (StateDirectoryInUseException ex)
            {
                logger.LogError("Cannot start: {Message}: stop that one or give another --state-dir", ex.Message);
                return 1;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                logger.LogError("Cannot start: {Message}", ex.Message);
                return 1;
            }
            using (meter)
            {
                using MeterEmulator emulator = new MeterEmulator(options, meter, loggerFactory);
                try
                {
                    emulator.Start();
                }
                catch (EndpointUnavailableException ex)
                {
                    logger.LogError("Cannot start: {Message}", ex.Message);
                    return 1;
                }
                catch (Exception ex) when (ex is SocketException || ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
                {
                    logger.LogError("Cannot start: {Message}", ex.Message);
                    return 1;
                }
                using HealthReporter health = new HealthReporter(meter.StateHealth, logger, options.HealthFile, options.StateDirectory,
                    meter.Engine.Persistence.CorruptRecords.Count, id => RecordNames.Describe(meter.Engine, id));
                try
                {
                    health.Start();
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                {
                    logger.LogError("Cannot start: the health file {File} cannot be written: {Message}", health.HealthFile, ex.Message);
                    return 1;
                }
                using MeterTicker ticker = new MeterTicker(meter, logger);
                ticker.Start();
                LogBanner(logger, emulator, meter, ticker, health);
                stop.Wait();
                logger.LogInformation("Stopping");
                ticker.Stop();
                emulator.Stop();
                // A clean power-down: event logged, final checkpoint (the next start logs only a power-up).
                meter.Shutdown();
                health.Check();
                health.Stop();
                return 0;
            }
        }

        private static string? Validate(EmulatorOptions o)
        {
            if (!IPAddress.TryParse(o.BindAddress, out _))
            {
                return "--bind needs an IP address, e.g. 127.0.0.1 or 0.0.0.0";
            }
            if (o.WrapperPort < 0 || o.WrapperPort > 65535 || o.HdlcPort < 0 || o.HdlcPort > 65535)
            {
                return "ports are 0 (disabled) or 1..65535";
            }
            if (o.WrapperPort != 0 && o.WrapperPort == o.HdlcPort)
            {
                return "--wrapper-port and --hdlc-port must differ";
            }
            if (o.WrapperPort == 0 && o.HdlcPort == 0 && string.IsNullOrEmpty(o.SerialDevice) && string.IsNullOrEmpty(o.OpticalDevice))
            {
                return "every endpoint is disabled: give a TCP port, --serial or --optical";
            }
            if (!string.IsNullOrEmpty(o.OpticalDevice) && o.OpticalDevice == o.SerialDevice)
            {
                return "--optical and --serial must be different devices";
            }
            if (DlmsDevice.Runtime.Optical.ModeESettings.BaudRateCharacter(o.OpticalBaudRate) < 0)
            {
                return "--optical-baud is one of 300, 600, 1200, 2400, 4800, 9600, 19200";
            }
            if (o.BaudRate <= 0)
            {
                return "--baud must be positive";
            }
            if (o.HdlcPhysicalAddress < 0 || o.HdlcPhysicalAddress > 16383)
            {
                return "--hdlc-physical-address is 0..16383";
            }
            if (o.HdlcInactivityTimeoutSeconds < 0 || o.HdlcInactivityTimeoutSeconds > 65535)
            {
                return "--hdlc-inactivity-timeout is 0..65535";
            }
            if (o.MaxConnections < 1 || o.MaxConnections > 1024)
            {
                return "--max-connections is 1..1024";
            }
            if (o.WrapperInactivityTimeoutSeconds < 0 || o.WrapperInactivityTimeoutSeconds > 65535)
            {
                return "--wrapper-inactivity-timeout is 0..65535";
            }
            if (o.AssociationTimeoutSeconds < 0 || o.AssociationTimeoutSeconds > 86400)
            {
                return "--association-timeout is 0..86400";
            }
            if (o.MaxApduSize < 64 || o.MaxApduSize > 65535)
            {
                return "--max-pdu is 64..65535";
            }
            if (o.Password.Length == 0 || o.Password.Length > 64)
            {
                return "--password takes 1 to 64 characters";
            }
            if (!(o.TimeScale > 0) || o.TimeScale > 100000 || double.IsInfinity(o.TimeScale))
            {
                return "--time-scale is more than 0 and at most 100000";
            }
            if (o.StateDirectory != null && o.StateDirectory.Trim().Length == 0)
            {
                return "--state-dir needs a directory";
            }
            if (!IsHex(o.AuthenticationKey, 16) || !IsHex(o.BlockCipherKey, 16) || !IsHex(o.MasterKey, 16))
            {
                return "--auth-key, --block-key and --kek take 32 hex digits (16 bytes)";
            }
            if (!IsHex(o.SystemTitle, 8))
            {
                return "--system-title takes 16 hex digits (8 bytes)";
            }
            if (o.EventLogs != "standard" && o.EventLogs != "is15959")
            {
                return "--event-logs is standard or is15959";
            }
            try
            {
                TamperScenario.Parse(o.Scenario);
            }
            catch (FormatException ex)
            {
                return "--scenario: " + ex.Message;
            }
            return ValidatePush(o) ?? ValidateFleet(o);
        }

        private static string? ValidatePush(EmulatorOptions o)
        {
            if (o.PushIntervalSeconds < 0 || o.PushIntervalSeconds > 86400)
            {
                return "--push-interval is 0..86400";
            }
            if (o.PushTo == null)
            {
                return o.PushIntervalSeconds > 0 || o.PushCiphered ? "--push-interval and --push-ciphered need --push-to" : null;
            }
            DefaultMeterSettings.ParsePushTo(o.PushTo, out string? problem);
            return problem;
        }

        private static string? ValidateFleet(EmulatorOptions o)
        {
            if (o.SerialNumber.Length == 0 || o.SerialNumber.Length > 13)
            {
                return "--serial-number takes 1 to 13 characters";
            }
            if (o.UdpPort < 0 || o.UdpPort > 65535)
            {
                return "--udp-port is 0 (none) or 1..65535";
            }
            if (o.LoadProfileRows < 1 || o.LoadProfileRows > 65535 || o.EventLogRows < 1 || o.EventLogRows > 65535)
            {
                return "--load-profile-rows and --event-log-rows are 1..65535";
            }
            return o.IsFleet ? Fleet.FleetProgram.Validate(o) : null;
        }

        // Absent (null) or exactly byteCount bytes of hex.
        private static bool IsHex(string? text, int byteCount)
        {
            if (text == null)
            {
                return true;
            }
            if (text.Length != byteCount * 2)
            {
                return false;
            }
            foreach (char c in text)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }
            return true;
        }

        private static void LogBanner(ILogger logger, MeterEmulator emulator, DefaultMeter meter, MeterTicker ticker, HealthReporter health)
        {
            // Through the logger, so it lands in order with the endpoint lines before it.
            EmulatorOptions o = emulator.Options;
            logger.LogInformation("Meter {Name} (serial {Serial}) ready: logical device 1, HDLC physical address {Physical}",
                meter.LogicalDeviceName, meter.SerialNumber, o.HdlcPhysicalAddress);
            logger.LogInformation("Clients: 16 public (no authentication, read-only); 32 meter reader (LLS password \"{Password}\"); 48 management (HLS-GMAC, authenticated encryption, system title {Title})",
                o.Password, Convert.ToHexString(meter.SecurityProfile.ServerSystemTitle));
            if (meter.Settings.Definition != null)
            {
                logger.LogInformation("Meter definition {File} (\"{Name}\"): {Objects} objects in logical device {Address}",
                    meter.Settings.Definition.Definition.File, meter.Settings.Definition.Definition.Name, meter.LogicalDevice.Objects.Count, meter.LogicalDevice.Address);
            }
            if (meter.UsesTestKeys)
            {
                logger.LogWarning("!!! WARNING: client 48 uses the PUBLISHED DLMS GREEN BOOK TEST KEYS (AK D0D1..DF, EK/KEK 0001..0F). Anyone can read and change this meter. Give --auth-key, --block-key and --kek for real use. !!!");
            }
            if (meter.StateMedium == null)
            {
                logger.LogWarning("Invocation counters are kept in memory only: they restart at 0 with the process (use --state-dir to keep them)");
            }
            logger.LogInformation("Simulation: seed {Seed}, time scale {Scale}x (tick every {Tick} ms), clock {Clock:yyyy-MM-dd HH:mm:ss}Z{Resumed}; state {State}",
                o.Seed, o.TimeScale, (int)ticker.Interval.TotalMilliseconds, meter.ClockUtc,
                meter.ResumedFromState ? " (resumed)" : "", o.StateDirectory ?? "in memory only");
            logger.LogInformation("Energy import {Energy} Wh, {Rows} load profile rows, {Events} events{Restored}",
                meter.Engine.ActiveEnergyImport.Value.Integer, meter.Engine.LoadProfile.EntriesInUse, meter.Engine.EventLog.EntriesInUse,
                meter.Engine.CorruptionFound ? " (saved state partly corrupt: event 14 logged)" : "");
            foreach (string line in CorruptRecordReport.Lines(meter.Engine, o.StateDirectory ?? "memory"))
            {
                logger.LogWarning("{Line}", line);
            }
            if (health.HealthFile != null)
            {
                logger.LogInformation("Health: {Status}, written to {File} (status=ok|failing|stopped)", health.IsFailing ? "failing" : "ok", health.HealthFile);
            }
            if (meter.Settings.Scenarios.Count > 0)
            {
                logger.LogInformation("Scenarios (after the simulation start): {Scenarios}; event logs {Layout}",
                    string.Join(", ", meter.Settings.Scenarios), meter.Settings.EventLogLayout);
            }
            if (emulator.WrapperEndPoint != null)
            {
                logger.LogInformation("Try: dotnet run --project tools/DlmsDevice.Cli -- --port {Port} list", emulator.WrapperEndPoint.Port);
            }
            else if (emulator.HdlcEndPoint != null)
            {
                logger.LogInformation("Try: dotnet run --project tools/DlmsDevice.Cli -- --transport hdlc --port {Port} list", emulator.HdlcEndPoint.Port);
            }
            if (meter.PushSetup != null)
            {
                logger.LogInformation("Push setup 0.0.25.9.0.255 sends to {Destination} ({Transport}){Ciphered}{Interval}; client 32 may call its push method",
                    o.PushTo, meter.PushSetup.Transport == 1 ? "UDP wrapper" : meter.PushSetup.Transport == 5 ? "HDLC UI frame" : "TCP wrapper",
                    meter.PushSetup.Security != null ? ", ciphered with client 48's keys" : "",
                    o.PushIntervalSeconds > 0 ? ", every " + o.PushIntervalSeconds + " s" : "");
                if (meter.Device.PushCountersStatus != StoreStatus.Ok)
                {
                    logger.LogError("The push's own invocation counters cannot be trusted ({Status}: their record in {State} is missing or unreadable while the meter's state is there); protected pushes are not sent, so no counter is ever reused. Start with a new --state-dir to send them again",
                        meter.Device.PushCountersStatus, o.StateDirectory);
                }
            }
            logger.LogInformation("Stop with Ctrl+C");
        }
    }
}
