using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Fleet
{
    /// <summary>
    /// The emulator's command line when it serves a fleet (<c>--meters N</c>, <c>--one-port</c>,
    /// <c>--fleet-key</c>): checks the fleet options, builds and starts the <see cref="FleetHost"/>,
    /// writes the key table when asked, logs what runs where (never a key), and stops cleanly.
    /// </summary>
    public static class FleetProgram
    {
        /// <summary>Why the fleet options cannot run; null when they can.</summary>
        public static string? Validate(EmulatorOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            string? layout = new FleetLayout(options).Validate();
            if (layout != null)
            {
                return layout;
            }
            if (options.FleetKey != null && (options.FleetKey.Length < 32 || options.FleetKey.Length % 2 != 0 || !IsHex(options.FleetKey)))
            {
                return "--fleet-key takes at least 32 hex digits (16 bytes)";
            }
            if (options.HistoryHours < 0 || options.HistoryHours > 24 * 62)
            {
                return "--history-hours is 0..1488 (62 days)";
            }
            return null;
        }

        /// <summary>Runs the fleet until <paramref name="stop"/> is set (SIGINT, SIGTERM).</summary>
        /// <returns>0 after a clean stop; 1 when a meter cannot be built or a port cannot be opened.</returns>
        public static int Run(EmulatorOptions options, ILoggerFactory loggerFactory, ILogger logger, ManualResetEventSlim stop)
        {
            Stopwatch watch = Stopwatch.StartNew();
            logger.LogInformation("Building {Count} meters{History}", options.Meters,
                options.HistoryHours > 0 ? ", each with " + options.HistoryHours + " hours of history on a first start" : "");
            FleetHost host;
            try
            {
                host = FleetHost.Create(options, loggerFactory);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogError("Cannot start: {Message}", ex.Message);
                return 1;
            }
            using (host)
            {
                try
                {
                    host.Start();
                }
                catch (Exception ex) when (ex is SocketException || ex is ArgumentException)
                {
                    logger.LogError("Cannot start: {Message}", ex.Message);
                    return 1;
                }
                if (options.ExportKeys != null)
                {
                    try
                    {
                        ExportKeys(host, options.ExportKeys);
                    }
                    catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                    {
                        logger.LogError("Cannot start: the key table {File} cannot be written: {Message}", options.ExportKeys, ex.Message);
                        return 1;
                    }
                }
                LogBanner(logger, host, options, watch.Elapsed);
                stop.Wait();
                logger.LogInformation("Stopping");
                host.Stop();
                logger.LogInformation("Stopped: {Count} meters powered down", host.Meters.Count);
                return 0;
            }
        }

        /// <summary>Writes the key table of the running fleet to <paramref name="path"/> (mode 0600).</summary>
        public static void ExportKeys(FleetHost host, string path)
        {
            FleetKeys.WriteTable(path, host.Layout,
                i => host.Meters[i].SecurityProfile.ServerSystemTitle,
                i =>
                {
                    DefaultMeterSettings s = host.Meters[i].Settings;
                    return (s.AuthenticationKey, s.BlockCipherKey, s.MasterKey);
                });
        }

        private static void LogBanner(ILogger logger, FleetHost host, EmulatorOptions o, TimeSpan elapsed)
        {
            FleetLayout layout = host.Layout;
            int last = layout.Count - 1;
            logger.LogInformation("Fleet of {Count} meters ready in {Seconds:F1} s (meters built in {Build:F1} s): serial numbers {First}..{Last}, system titles {FirstTitle}..{LastTitle}",
                layout.Count, elapsed.TotalSeconds, host.BuildTime.TotalSeconds, layout.SerialNumber(0), layout.SerialNumber(last),
                Convert.ToHexString(host.Meters[0].SecurityProfile.ServerSystemTitle), Convert.ToHexString(host.Meters[last].SecurityProfile.ServerSystemTitle));
            string where = layout.OnePort
                ? "one port for all: meter i at wrapper wPort " + FleetLayout.FirstSharedAddress + "+i and HDLC physical address " + FleetLayout.FirstSharedAddress + "+i (logical 1)"
                : "a port per meter: meter i on port first+i, wPort 1, HDLC physical address " + o.HdlcPhysicalAddress;
            logger.LogInformation("Endpoints on {Bind}: TCP wrapper {Wrapper}, HDLC over TCP {Hdlc}, UDP wrapper {Udp}; {Where}",
                o.BindAddress, Ports(host, layout, o.WrapperPort, i => host.WrapperEndPoint(i)?.Port), Ports(host, layout, o.HdlcPort, i => host.HdlcEndPoint(i)?.Port),
                Ports(host, layout, o.UdpPort, i => host.UdpEndPoint(i)?.Port), where);
            logger.LogInformation("Each meter: {Connections} connection(s) per endpoint, load profile {Rows} rows, event log {Events} rows, seed {Seed}+i, clock drift within ±{Drift} ppm",
                layout.ConnectionsPerMeter, layout.LoadProfileRows, layout.EventLogRows, o.Seed, FleetLayout.MaxDriftPpm);
            if (o.FleetKey != null)
            {
                logger.LogInformation("Keys of client 48: derived per meter from the fleet key (SP 800-108 counter mode, HMAC-SHA256, context = the system title; docs/fleet.md), not shown{Export}",
                    o.ExportKeys != null ? "; the key table is in " + o.ExportKeys : "; --export-keys FILE writes them for a head-end");
            }
            else if (o.AuthenticationKey == null || o.BlockCipherKey == null || o.MasterKey == null)
            {
                logger.LogWarning("!!! WARNING: client 48 of every meter uses the PUBLISHED DLMS GREEN BOOK TEST KEYS. Give --fleet-key for keys of its own per meter. !!!");
            }
            logger.LogInformation("State: {State}", o.StateDirectory != null
                ? o.StateDirectory + "/meter-<i> (each write reaches the kernel before it counts: safe when the process dies, not flushed against the machine losing power)"
                : "in memory only (every start is a first start; invocation counters restart at 0)");
            logger.LogInformation("Stop with Ctrl+C");
        }

        private static string Ports(FleetHost host, FleetLayout layout, int option, Func<int, int?> bound)
        {
            int? first = bound(0);
            if (first == null)
            {
                return "off";
            }
            if (layout.OnePort || layout.Count == 1)
            {
                return first.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return option > 0 ? layout.RangeText(option) : "ephemeral";
        }

        private static bool IsHex(string text)
        {
            foreach (char c in text)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
