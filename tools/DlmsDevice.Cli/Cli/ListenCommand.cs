using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary>
    /// <c>listen</c>: receive DataNotifications (pushes) on a TCP port, in clear or ciphered as
    /// general-glo / general-ded with the keys given, and print them for people.
    /// </summary>
    internal static class ListenCommand
    {
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "0.0.0.0" };
            var count = new Option<int?>("--count") { Description = "Stop after this many notifications (default: run until Ctrl+C)" };
            var annotate = new Option<bool>("--annotate") { Description = "Also print every APDU annotated field by field" };
            var udp = new Option<bool>("--udp") { Description = "Listen for UDP wrapper datagrams instead of TCP connections" };
            var listen = new Command("listen", "Receive DataNotifications on --port (default 4059): wrapper or HDLC frames over TCP (UDP wrapper datagrams with --udp), in clear or ciphered (general-glo/general-ded with --block-key, --auth-key, --dedicated-key).");
            listen.Options.Add(bind);
            listen.Options.Add(count);
            listen.Options.Add(annotate);
            listen.Options.Add(udp);
            listen.SetAction(async (p, ct) =>
            {
                byte[]? ek, ak, dedicated;
                IPAddress address;
                try
                {
                    ek = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.BlockKey), 16, "--block-key") ?? DlmsSecurityOptions.TestBlockCipherKey.ToArray();
                    ak = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.AuthKey), 16, "--auth-key") ?? DlmsSecurityOptions.TestAuthenticationKey.ToArray();
                    dedicated = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.DedicatedKey), 16, "--dedicated-key");
                    if (!IPAddress.TryParse(p.GetValue(bind), out address!))
                    {
                        throw new FormatException("--bind: '" + p.GetValue(bind) + "' is not an IP address.");
                    }
                }
                catch (FormatException e)
                {
                    await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                int port = p.GetValue(CommonOptions.Port) ?? DlmsClientOptions.DefaultWrapperPort;
                int? limit = p.GetValue(count);
                NotificationListener? listener = null;
                UdpNotificationListener? udpListener = null;
                try
                {
                    if (p.GetValue(udp))
                    {
                        udpListener = new UdpNotificationListener(address, port);
                    }
                    else
                    {
                        listener = new NotificationListener(address, port);
                    }
                }
                catch (System.Net.Sockets.SocketException e)
                {
                    await stderr.WriteLineAsync("error: cannot listen on " + address + ":" + port.ToString(CultureInfo.InvariantCulture) + ": " + e.Message).ConfigureAwait(false);
                    return ExitCodes.CommunicationFailure;
                }
                using (udpListener)
                await using (listener)
                {
                    int boundPort = listener?.Port ?? udpListener!.Port;
                    await stderr.WriteLineAsync("listening on " + address + ":" + boundPort.ToString(CultureInfo.InvariantCulture) + (udpListener != null ? " (UDP)" : "") + " for DataNotifications").ConfigureAwait(false);
                    using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    int received = 0;
                    var session = new TraceSession
                    {
                        BlockCipherKey = ek,
                        AuthenticationKey = ak,
                        DedicatedKey = dedicated,
                    };
                    var sync = new object();
                    Action<ReceivedApdu> onReceived = r =>
                    {
                        lock (sync)
                        {
                            if (limit is int max && received >= max)
                            {
                                return;
                            }
                            stdout.Write(Describe(r, ek, ak, dedicated));
                            if (p.GetValue(annotate))
                            {
                                stdout.Write(AnnotationText.Render(session.Annotate(r.Apdu, TraceInput.Apdu), 2));
                            }
                            stdout.Flush();
                            received++;
                            if (limit is int m && received >= m)
                            {
                                stop.Cancel();
                            }
                        }
                    };
                    await (listener != null ? listener.RunAsync(onReceived, stop.Token) : udpListener!.RunAsync(onReceived, stop.Token)).ConfigureAwait(false);
                }
                return ExitCodes.Ok;
            });
            return listen;
        }

        /// <summary>The lines printed for one received APDU.</summary>
        internal static string Describe(ReceivedApdu received, byte[]? ek, byte[]? ak, byte[]? dedicated)
        {
            string head = "from " + received.Remote + " (" + received.Framing + "): ";
            DataNotification n;
            try
            {
                n = DataNotification.Decode(received.Apdu, ek, ak, dedicated);
            }
            catch (DlmsException e)
            {
                return head + "not a readable DataNotification: " + e.Message + "\n  " + AnnotationText.Hex(received.Apdu) + "\n";
            }
            string security = n.SecurityControl is byte sc
                ? (received.Apdu[0] == CipheredApdu.GeneralDedCiphering ? "general-ded-ciphering" : "general-glo-ciphering")
                    + " SC 0x" + sc.ToString("X2", CultureInfo.InvariantCulture) + ", system title " + Convert.ToHexString(n.SystemTitle!)
                    + ", invocation counter " + n.InvocationCounter!.Value.ToString(CultureInfo.InvariantCulture)
                : "in clear";
            return head + "DataNotification, " + security + "\n"
                + "  long-invoke-id " + n.InvokeId.ToString(CultureInfo.InvariantCulture)
                + ", date-time " + (n.DateTime?.ToString() ?? "absent") + "\n"
                + "  " + PeopleText.Format(n.Body) + "\n";
        }
    }
}
