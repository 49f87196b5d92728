using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary>The command line: read, list, set, action (see README.md).</summary>
    public static class CliApp
    {
        private static readonly Option<string> s_transport = new("--transport", "-t")
        {
            Description = "wrapper (TCP, IEC 62056-47), hdlc (HDLC over TCP), serial (HDLC over a serial port) or optical (IEC 62056-21 mode E sign-on on a serial port, then HDLC)",
            DefaultValueFactory = _ => "wrapper",
            Recursive = true,
        };
        private static readonly Option<string> s_host = new("--host", "-H") { Description = "Server host", DefaultValueFactory = _ => "127.0.0.1", Recursive = true };
        private static readonly Option<int?> s_port = new("--port", "-p") { Description = "TCP port (default 4059 wrapper, 4060 hdlc)", Recursive = true };
        private static readonly Option<string?> s_serial = new("--serial") { Description = "Serial device for --transport serial (e.g. /dev/ttyUSB0)", Recursive = true };
        private static readonly Option<int> s_baud = new("--baud") { Description = "Serial baud rate (8N1); with --transport optical the fastest speed to accept after the sign-on", DefaultValueFactory = _ => 9600, Recursive = true };
        private static readonly Option<string?> s_opticalAddress = new("--optical-address") { Description = "Device address for the optical sign-on (/?address!); default /?!", Recursive = true };
        private static readonly Option<int> s_client = new("--client", "-c") { Description = "Client SAP", DefaultValueFactory = _ => 16, Recursive = true };
        private static readonly Option<int> s_server = new("--server", "-s") { Description = "Server logical device address (wrapper wPort / HDLC upper address)", DefaultValueFactory = _ => 1, Recursive = true };
        private static readonly Option<int> s_physical = new("--physical") { Description = "HDLC physical address (lower address); 0 = none (1-byte server address)", DefaultValueFactory = _ => 17, Recursive = true };
        private static readonly Option<bool> s_noPhysical = new("--no-physical") { Description = "Use a 1-byte HDLC server address (logical only)", Recursive = true };
        private static readonly Option<int?> s_addressSize = new("--address-size") { Description = "HDLC server address size: 1, 2 or 4 bytes", Recursive = true };
        private static readonly Option<string> s_auth = new("--auth", "-a") { Description = "none, lls, hls-gmac (mechanism 5) or hls-sha256 (mechanism 6)", DefaultValueFactory = _ => "none", Recursive = true };
        private static readonly Option<string?> s_password = new("--password", "-P") { Description = "LLS password (also the HLS-SHA256 secret unless --secret is given)", Recursive = true };
        private static readonly Option<int> s_maxPdu = new("--max-pdu") { Description = "client-max-receive-pdu-size", DefaultValueFactory = _ => 0xFFFF, Recursive = true };
        private static readonly Option<string?> s_conformance = new("--conformance") { Description = "Proposed conformance as 6 hex digits (default 001E1D)", Recursive = true };
        private static readonly Option<int?> s_maxInfo = new("--max-info") { Description = "Propose this HDLC max information length in the SNRM (default: empty SNRM = 128)", Recursive = true };
        private static readonly Option<int?> s_window = new("--window") { Description = "Propose this HDLC window size in the SNRM (default: empty SNRM = 1)", Recursive = true };
        private static readonly Option<double> s_timeout = new("--timeout") { Description = "Reply timeout in seconds", DefaultValueFactory = _ => 5.0, Recursive = true };
        private static readonly Option<bool> s_trace = new("--trace") { Description = "Print every frame sent/received as hex to stderr", Recursive = true };

        /// <summary>Parses and runs a command line; returns the process exit code.</summary>
        public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
        {
            TextWriter stdout = output ?? Console.Out;
            TextWriter stderr = error ?? Console.Error;
            RootCommand root = Build(stdout, stderr);
            ParseResult parse = root.Parse(args);
            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }

        private static RootCommand Build(TextWriter stdout, TextWriter stderr)
        {
            var root = new RootCommand("DLMS/COSEM client: read, list, set and invoke COSEM objects over the TCP wrapper, HDLC over TCP or a serial port.");
            foreach (Option option in new Option[] { s_transport, s_host, s_port, s_serial, s_baud, s_opticalAddress, s_client, s_server, s_physical, s_noPhysical, s_addressSize, s_auth, s_password, s_maxPdu, s_conformance, s_maxInfo, s_window, s_timeout, s_trace })
            {
                root.Options.Add(option);
            }
            foreach (Option option in SecurityCliOptions.All)
            {
                root.Options.Add(option);
            }

            var readTarget = new Argument<string>("target") { Description = "<obis>:<class>:<attribute>, e.g. 1.0.1.8.0.255:3:2" };
            var raw = new Option<bool>("--raw") { Description = "Print register values unscaled (no scaler_unit read)" };
            var obis = new Option<bool>("--obis") { Description = "Print every 6-byte octet-string as an OBIS code" };
            var read = new Command("read", "Read one attribute. Register (3/4) attr 2 and Demand register (5) attr 2/3 are printed scaled with their unit unless --raw.");
            read.Arguments.Add(readTarget);
            read.Options.Add(raw);
            read.Options.Add(obis);
            read.SetAction((p, ct) => Guard(p, stderr, ct, async (client, token) =>
            {
                CosemAttribute attribute = CosemAttribute.Parse(p.GetValue(readTarget)!);
                if (!p.GetValue(raw) && ScaledValue.ScalerAttributeFor(attribute.ClassId, attribute.AttributeId) is not null)
                {
                    ScaledValue scaled = await client.GetScaledAsync(attribute, token).ConfigureAwait(false);
                    await stdout.WriteLineAsync(scaled.ToString()).ConfigureAwait(false);
                    return;
                }
                DlmsValue value = await client.GetAsync(attribute, null, token).ConfigureAwait(false);
                await stdout.WriteLineAsync(CliFormat.Value(attribute, value, p.GetValue(obis))).ConfigureAwait(false);
            }));
            root.Subcommands.Add(read);

            var list = new Command("list", "Read the object list of the current association (0.0.40.0.0.255 attr 2).");
            list.SetAction((p, ct) => Guard(p, stderr, ct, async (client, token) =>
            {
                var entries = await client.GetObjectListAsync(token).ConfigureAwait(false);
                await stdout.WriteAsync(CliFormat.ObjectList(entries)).ConfigureAwait(false);
            }));
            root.Subcommands.Add(list);

            var setTarget = new Argument<string>("target") { Description = "<obis>:<class>:<attribute>" };
            var setValue = new Argument<string>("value") { Description = "Typed value, e.g. u32:1234, dt:2026-11-25T10:00:00, oct:0102, str:hello, {u8:1,i16:-2} (see README)" };
            var set = new Command("set", "Write one attribute.");
            set.Arguments.Add(setTarget);
            set.Arguments.Add(setValue);
            set.SetAction((p, ct) =>
            {
                // Parse the arguments before connecting, so typos fail fast.
                CosemAttribute attribute;
                DlmsValue value;
                try
                {
                    attribute = CosemAttribute.Parse(p.GetValue(setTarget)!);
                    value = DlmsValueText.Parse(p.GetValue(setValue)!);
                }
                catch (FormatException e)
                {
                    stderr.WriteLine("error: " + e.Message);
                    return Task.FromResult(2);
                }
                return Guard(p, stderr, ct, async (client, token) =>
                {
                    await client.SetAsync(attribute, value, null, token).ConfigureAwait(false);
                    await stdout.WriteLineAsync("ok").ConfigureAwait(false);
                });
            });
            root.Subcommands.Add(set);

            var actionTarget = new Argument<string>("target") { Description = "<obis>:<class>:<method>, e.g. 0.0.10.0.0.255:9:1" };
            var actionValue = new Argument<string?>("value") { Description = "Optional typed parameter (same syntax as set)", Arity = ArgumentArity.ZeroOrOne };
            var action = new Command("action", "Invoke a method.");
            action.Arguments.Add(actionTarget);
            action.Arguments.Add(actionValue);
            action.SetAction((p, ct) =>
            {
                CosemMethod method;
                DlmsValue? parameter;
                try
                {
                    method = CosemMethod.Parse(p.GetValue(actionTarget)!);
                    string? text = p.GetValue(actionValue);
                    parameter = text is null ? null : DlmsValueText.Parse(text);
                }
                catch (FormatException e)
                {
                    stderr.WriteLine("error: " + e.Message);
                    return Task.FromResult(2);
                }
                return Guard(p, stderr, ct, async (client, token) =>
                {
                    DlmsValue? returned = await client.ActionAsync(method, parameter, token).ConfigureAwait(false);
                    await stdout.WriteLineAsync(returned is null ? "ok" : CliFormat.Value(null, returned, false)).ConfigureAwait(false);
                });
            });
            root.Subcommands.Add(action);
            return root;
        }

        /// <summary>Builds <see cref="DlmsClientOptions"/> from the common options.</summary>
        internal static DlmsClientOptions Options(ParseResult p, TextWriter stderr)
        {
            TransportKind transport = (p.GetValue(s_transport) ?? "wrapper").ToLowerInvariant() switch
            {
                "wrapper" or "tcp" => TransportKind.Wrapper,
                "hdlc" => TransportKind.Hdlc,
                "serial" => TransportKind.Serial,
                "optical" => TransportKind.Optical,
                string other => throw new FormatException("Unknown transport '" + other + "' (wrapper, hdlc, serial, optical)."),
            };
            AuthenticationMechanism auth = (p.GetValue(s_auth) ?? "none").ToLowerInvariant() switch
            {
                "none" => AuthenticationMechanism.None,
                "lls" or "low" => AuthenticationMechanism.Low,
                "hls-gmac" or "gmac" => AuthenticationMechanism.HighGmac,
                "hls-sha256" or "sha256" => AuthenticationMechanism.HighSha256,
                string other => throw new FormatException("Unknown authentication '" + other + "' (none, lls, hls-gmac, hls-sha256)."),
            };
            string? password = p.GetValue(s_password);
            if (auth == AuthenticationMechanism.Low && password is null)
            {
                throw new FormatException("--auth lls needs --password.");
            }
            int physical = p.GetValue(s_physical);
            HdlcAddressSize size = p.GetValue(s_addressSize) switch
            {
                null => HdlcAddressSize.Auto,
                1 => HdlcAddressSize.One,
                2 => HdlcAddressSize.Two,
                4 => HdlcAddressSize.Four,
                int other => throw new FormatException("--address-size must be 1, 2 or 4, not " + other + "."),
            };
            bool noPhysical = p.GetValue(s_noPhysical) || physical == 0 || size == HdlcAddressSize.One;
            Conformance conformance = Conformance.Default;
            string? conformanceText = p.GetValue(s_conformance);
            if (conformanceText is not null)
            {
                conformance = (Conformance)uint.Parse(conformanceText.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            int maxPdu = p.GetValue(s_maxPdu);
            if (maxPdu < 0 || maxPdu > 0xFFFF)
            {
                throw new FormatException("--max-pdu must be 0..65535.");
            }
            int? maxInfo = p.GetValue(s_maxInfo);
            int? window = p.GetValue(s_window);
            HdlcParameters? snrm = maxInfo is null && window is null
                ? null
                : new HdlcParameters(maxInfo ?? 128, maxInfo ?? 128, window ?? 1, window ?? 1);
            DlmsSecurityOptions security = SecurityCliOptions.Build(p, auth, password);
            bool trace = p.GetValue(s_trace);
            return new DlmsClientOptions
            {
                Transport = transport,
                Host = p.GetValue(s_host) ?? "127.0.0.1",
                Port = p.GetValue(s_port),
                SerialPort = p.GetValue(s_serial),
                BaudRate = p.GetValue(s_baud),
                OpticalAddress = p.GetValue(s_opticalAddress),
                SignOnTrace = trace ? line => stderr.WriteLine(line) : null,
                ClientSap = p.GetValue(s_client),
                ServerLogical = p.GetValue(s_server),
                ServerPhysical = noPhysical ? null : physical,
                ServerAddressSize = size,
                Authentication = auth,
                Password = password,
                Security = security,
                MaxReceivePduSize = (ushort)maxPdu,
                ProposedConformance = conformance,
                HdlcParameters = snrm,
                Timeout = TimeSpan.FromSeconds(p.GetValue(s_timeout)),
                FrameTrace = trace ? (direction, frame) => stderr.WriteLine((direction == FrameDirection.Sent ? "-> " : "<- ") + FormatHex(frame)) : null,
                // Ciphered associations: the plain APDU in brackets next to the frame that carried it.
                ApduTrace = trace ? (direction, apdu) => stderr.WriteLine((direction == FrameDirection.Sent ? "-> [" : "<- [") + FormatHex(apdu) + "]") : null,
            };
        }

        private static string FormatHex(byte[] bytes) => string.Join(' ', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

        // One session: connect, associate, run the command, release, disconnect. Any failure is
        // one line on stderr and exit code 1 (2 for bad arguments).
        private static async Task<int> Guard(ParseResult p, TextWriter stderr, CancellationToken ct, Func<DlmsClient, CancellationToken, Task> body)
        {
            DlmsClientOptions options;
            try
            {
                options = Options(p, stderr);
                if ((options.Transport == TransportKind.Serial || options.Transport == TransportKind.Optical) && string.IsNullOrEmpty(options.SerialPort))
                {
                    throw new FormatException("--transport " + (options.Transport == TransportKind.Serial ? "serial" : "optical") + " needs --serial <device>.");
                }
                if (options.Transport == TransportKind.Optical && Array.IndexOf(ModeEMessages.BaudRates, options.BaudRate) < 0)
                {
                    throw new FormatException("--baud with --transport optical is 300, 600, 1200, 2400, 4800, 9600 or 19200.");
                }
            }
            catch (FormatException e)
            {
                await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 2;
            }
            try
            {
                await using DlmsClient client = await DlmsClient.ConnectAsync(options, ct).ConfigureAwait(false);
                await client.AssociateAsync(ct).ConfigureAwait(false);
                await body(client, ct).ConfigureAwait(false);
                await client.ReleaseAsync(ct).ConfigureAwait(false);
                await client.DisconnectAsync(ct).ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is DlmsException or FormatException or ArgumentException or OperationCanceledException)
            {
                await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 1;
            }
        }
    }
}
