using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;

namespace DlmsDevice.Client.Cli
{
    /// <summary>The connection options every command shares (recursive on the root command) and their mapping to <see cref="DlmsClientOptions"/>.</summary>
    internal static class CommonOptions
    {
        public static readonly Option<string> Transport = new("--transport", "-t")
        {
            Description = "wrapper (TCP, IEC 62056-47), hdlc (HDLC over TCP), serial (HDLC over a serial port) or optical (IEC 62056-21 mode E sign-on on a serial port, then HDLC)",
            DefaultValueFactory = _ => "wrapper",
            Recursive = true,
        };
        public static readonly Option<string> Host = new("--host", "-H") { Description = "Server host", DefaultValueFactory = _ => "127.0.0.1", Recursive = true };
        public static readonly Option<int?> Port = new("--port", "-p") { Description = "TCP port (default 4059 wrapper, 4060 hdlc)", Recursive = true };
        public static readonly Option<string?> Serial = new("--serial") { Description = "Serial device for --transport serial (e.g. /dev/ttyUSB0)", Recursive = true };
        public static readonly Option<int> Baud = new("--baud") { Description = "Serial baud rate (8N1); with --transport optical the fastest speed to accept after the sign-on", DefaultValueFactory = _ => 9600, Recursive = true };
        public static readonly Option<string?> OpticalAddress = new("--optical-address") { Description = "Device address for the optical sign-on (/?address!); default /?!", Recursive = true };
        public static readonly Option<int> Client = new("--client", "-c") { Description = "Client SAP", DefaultValueFactory = _ => 16, Recursive = true };
        public static readonly Option<int> Server = new("--server", "-s") { Description = "Server logical device address (wrapper wPort / HDLC upper address)", DefaultValueFactory = _ => 1, Recursive = true };
        public static readonly Option<int> Physical = new("--physical") { Description = "HDLC physical address (lower address); 0 = none (1-byte server address)", DefaultValueFactory = _ => 17, Recursive = true };
        public static readonly Option<bool> NoPhysical = new("--no-physical") { Description = "Use a 1-byte HDLC server address (logical only)", Recursive = true };
        public static readonly Option<int?> AddressSize = new("--address-size") { Description = "HDLC server address size: 1, 2 or 4 bytes", Recursive = true };
        public static readonly Option<string> Auth = new("--auth", "-a") { Description = "none, lls, hls-gmac (mechanism 5) or hls-sha256 (mechanism 6)", DefaultValueFactory = _ => "none", Recursive = true };
        public static readonly Option<string?> Password = new("--password", "-P") { Description = "LLS password (also the HLS-SHA256 secret unless --secret is given)", Recursive = true };
        public static readonly Option<int> MaxPdu = new("--max-pdu") { Description = "client-max-receive-pdu-size", DefaultValueFactory = _ => 0xFFFF, Recursive = true };
        public static readonly Option<string?> ProposedConformance = new("--conformance") { Description = "Proposed conformance as 6 hex digits (default 001E1D)", Recursive = true };
        public static readonly Option<int?> MaxInfo = new("--max-info") { Description = "Propose this HDLC max information length in the SNRM (default: empty SNRM = 128)", Recursive = true };
        public static readonly Option<int?> Window = new("--window") { Description = "Propose this HDLC window size in the SNRM (default: empty SNRM = 1)", Recursive = true };
        public static readonly Option<double> Timeout = new("--timeout") { Description = "Reply timeout in seconds", DefaultValueFactory = _ => 5.0, Recursive = true };
        public static readonly Option<bool> Trace = new("--trace") { Description = "Print every frame sent/received as hex to stderr", Recursive = true };

        /// <summary>Every common option, security options included, in help order.</summary>
        public static Option[] All => new Option[] { Transport, Host, Port, Serial, Baud, OpticalAddress, Client, Server, Physical, NoPhysical, AddressSize, Auth, Password, MaxPdu, ProposedConformance, MaxInfo, Window, Timeout, Trace }
            .Concat(SecurityCliOptions.All).ToArray();

        /// <summary>Builds <see cref="DlmsClientOptions"/> from the common options.</summary>
        public static DlmsClientOptions Build(ParseResult p, TextWriter stderr)
        {
            TransportKind transport = (p.GetValue(Transport) ?? "wrapper").ToLowerInvariant() switch
            {
                "wrapper" or "tcp" => TransportKind.Wrapper,
                "hdlc" => TransportKind.Hdlc,
                "serial" => TransportKind.Serial,
                "optical" => TransportKind.Optical,
                string other => throw new FormatException("Unknown transport '" + other + "' (wrapper, hdlc, serial, optical)."),
            };
            AuthenticationMechanism auth = (p.GetValue(Auth) ?? "none").ToLowerInvariant() switch
            {
                "none" => AuthenticationMechanism.None,
                "lls" or "low" => AuthenticationMechanism.Low,
                "hls-gmac" or "gmac" => AuthenticationMechanism.HighGmac,
                "hls-sha256" or "sha256" => AuthenticationMechanism.HighSha256,
                string other => throw new FormatException("Unknown authentication '" + other + "' (none, lls, hls-gmac, hls-sha256)."),
            };
            string? password = p.GetValue(Password);
            if (auth == AuthenticationMechanism.Low && password is null)
            {
                throw new FormatException("--auth lls needs --password.");
            }
            int physical = p.GetValue(Physical);
            HdlcAddressSize size = p.GetValue(AddressSize) switch
            {
                null => HdlcAddressSize.Auto,
                1 => HdlcAddressSize.One,
                2 => HdlcAddressSize.Two,
                4 => HdlcAddressSize.Four,
                int other => throw new FormatException("--address-size must be 1, 2 or 4, not " + other + "."),
            };
            bool noPhysical = p.GetValue(NoPhysical) || physical == 0 || size == HdlcAddressSize.One;
            Conformance conformance = Conformance.Default;
            string? conformanceText = p.GetValue(ProposedConformance);
            if (conformanceText is not null)
            {
                conformance = (Conformance)uint.Parse(conformanceText.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            int maxPdu = p.GetValue(MaxPdu);
            if (maxPdu < 0 || maxPdu > 0xFFFF)
            {
                throw new FormatException("--max-pdu must be 0..65535.");
            }
            int? maxInfo = p.GetValue(MaxInfo);
            int? window = p.GetValue(Window);
            HdlcParameters? snrm = maxInfo is null && window is null
                ? null
                : new HdlcParameters(maxInfo ?? 128, maxInfo ?? 128, window ?? 1, window ?? 1);
            DlmsSecurityOptions security = SecurityCliOptions.Build(p, auth, password);
            bool trace = p.GetValue(Trace);
            return new DlmsClientOptions
            {
                Transport = transport,
                Host = p.GetValue(Host) ?? "127.0.0.1",
                Port = p.GetValue(Port),
                SerialPort = p.GetValue(Serial),
                BaudRate = p.GetValue(Baud),
                OpticalAddress = p.GetValue(OpticalAddress),
                SignOnTrace = trace ? line => stderr.WriteLine(line) : null,
                ClientSap = p.GetValue(Client),
                ServerLogical = p.GetValue(Server),
                ServerPhysical = noPhysical ? null : physical,
                ServerAddressSize = size,
                Authentication = auth,
                Password = password,
                Security = security,
                MaxReceivePduSize = (ushort)maxPdu,
                ProposedConformance = conformance,
                HdlcParameters = snrm,
                Timeout = TimeSpan.FromSeconds(p.GetValue(Timeout)),
                FrameTrace = trace ? (direction, frame) => stderr.WriteLine((direction == FrameDirection.Sent ? "-> " : "<- ") + FormatHex(frame)) : null,
                // Ciphered associations: the plain APDU in brackets next to the frame that carried it.
                ApduTrace = trace ? (direction, apdu) => stderr.WriteLine((direction == FrameDirection.Sent ? "-> [" : "<- [") + FormatHex(apdu) + "]") : null,
            };
        }

        private static string FormatHex(byte[] bytes) => string.Join(' ', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    }
}
