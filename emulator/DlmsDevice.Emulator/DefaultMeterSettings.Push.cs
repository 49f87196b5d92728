using System;
using System.Globalization;
using DlmsDevice.Hal;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Emulator
{
    /// <summary>The push of the default meter (push setup 0.0.25.9.0.255, docs/push.md).</summary>
    public sealed partial class DefaultMeterSettings
    {
        /// <summary>The push setup the meter is built with; null = no push setup.</summary>
        public PushModelSettings? Push { get; set; }

        /// <summary>How TCP and UDP pushes leave; null = the operating system's sockets.</summary>
        public IOutboundTransport? PushTransport { get; set; }

        /// <summary>Push every this many simulated seconds, on the boundaries of the interval (0 = only when asked).</summary>
        public int PushIntervalSeconds { get; set; }

        /// <summary>
        /// Reads a <c>--push-to</c> value: <c>HOST:PORT</c> or <c>tcp:HOST:PORT</c> (TCP wrapper),
        /// <c>udp:HOST:PORT</c> (UDP wrapper), or <c>hdlc</c> (a UI frame on the serial line).
        /// HOST is an IPv4 address or "localhost" (the meter keeps an address, not a name).
        /// </summary>
        /// <returns>The push settings, or null with <paramref name="problem"/> set.</returns>
        public static PushModelSettings? ParsePushTo(string text, out string? problem)
        {
            problem = null;
            byte transport = PushSetup.TransportService.Tcp;
            string rest = text.Trim();
            if (string.Equals(rest, "hdlc", StringComparison.OrdinalIgnoreCase))
            {
                return new PushModelSettings { Transport = PushSetup.TransportService.Hdlc, Destination = "" };
            }
            if (rest.StartsWith("udp:", StringComparison.OrdinalIgnoreCase))
            {
                transport = PushSetup.TransportService.Udp;
                rest = rest.Substring(4);
            }
            else if (rest.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest.Substring(4);
            }
            int colon = rest.LastIndexOf(':');
            string host = colon > 0 ? rest.Substring(0, colon) : "";
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                host = "127.0.0.1";
            }
            if (colon <= 0 || !int.TryParse(rest.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535
                || !System.Net.IPAddress.TryParse(host, out System.Net.IPAddress? address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                problem = "--push-to takes HOST:PORT, tcp:HOST:PORT, udp:HOST:PORT (HOST an IPv4 address or localhost) or hdlc";
                return null;
            }
            return new PushModelSettings { Transport = transport, Destination = address + ":" + port.ToString(CultureInfo.InvariantCulture) };
        }

        private void TakePushOptions(EmulatorOptions options)
        {
            PushIntervalSeconds = options.PushIntervalSeconds;
            if (string.IsNullOrEmpty(options.PushTo))
            {
                return;
            }
            Push = ParsePushTo(options.PushTo, out string? problem) ?? throw new ArgumentException(problem);
            Push.Ciphered = options.PushCiphered;
        }
    }
}
