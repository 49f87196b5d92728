using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>What the battery learnt about the server from a public association before the checks.</summary>
    /// <param name="NegotiatedConformance">The conformance block the public client was granted.</param>
    /// <param name="ServerMaxPdu">server-max-receive-pdu-size.</param>
    /// <param name="Objects">The public client's object list.</param>
    public sealed record ServerProfile(Conformance NegotiatedConformance, ushort ServerMaxPdu, IReadOnlyList<ObjectListEntry> Objects)
    {
        /// <summary>True when the negotiated conformance has every bit of <paramref name="bits"/>.</summary>
        public bool Has(Conformance bits) => (NegotiatedConformance & bits) == bits;
    }

    /// <summary>
    /// Everything one check works with: the options, the server's profile, connections that are
    /// closed when the check ends, the log of bytes each way, and the ways to end a check.
    /// </summary>
    public sealed class CheckContext : IAsyncDisposable
    {
        /// <summary>What the battery proposes in its AARQs: block transfer with GET/SET/ACTION, multiple-references, GET, SET, selective access, ACTION.</summary>
        public const Conformance Proposed = Conformance.Default;

        private readonly List<CheckExchange> _log = new();
        private readonly List<IAsyncDisposable> _owned = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _sync = new();
        private readonly string? _discoveryProblem;

        /// <summary>Creates the context of one check.</summary>
        public CheckContext(ConformanceOptions options, ServerProfile? server, string? discoveryProblem, CancellationToken token)
        {
            Options = options;
            Server = server;
            _discoveryProblem = discoveryProblem;
            Token = token;
        }

        /// <summary>The options.</summary>
        public ConformanceOptions Options { get; }

        /// <summary>The profile from discovery, or null if discovery failed.</summary>
        public ServerProfile? Server { get; }

        /// <summary>Cancelled when the check runs out of time.</summary>
        public CancellationToken Token { get; }

        /// <summary>The log so far.</summary>
        public IReadOnlyList<CheckExchange> Exchanges
        {
            get
            {
                lock (_sync)
                {
                    return _log.ToArray();
                }
            }
        }

        /// <summary>Adds bytes or a note to the log.</summary>
        public void Record(string direction, byte[] bytes, string? note)
        {
            lock (_sync)
            {
                _log.Add(new CheckExchange(_clock.Elapsed, direction, bytes, note));
            }
        }

        /// <summary>Adds a note to the log.</summary>
        public void Note(string text) => Record("--", Array.Empty<byte>(), text);

        /// <summary>Fails the check unless <paramref name="condition"/> holds.</summary>
        public static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new CheckFailedException(message);
            }
        }

        /// <summary>The exception that fails a check.</summary>
        public static CheckFailedException Fail(string message) => new(message);

        /// <summary>The exception that marks a check not applicable.</summary>
        public static NotApplicableException NotApplicable(string reason) => new(reason);

        /// <summary>The server profile; fails the check when discovery did not succeed.</summary>
        public ServerProfile RequireServer() => Server ?? throw Fail("no public association could be made (" + (_discoveryProblem ?? "discovery failed") + ")");

        /// <summary>Not applicable unless the public association negotiated <paramref name="bits"/>.</summary>
        public void RequireConformance(Conformance bits, string what)
        {
            ServerProfile server = RequireServer();
            if (!server.Has(bits))
            {
                throw NotApplicable(what + " was not negotiated (conformance 0x" + ((uint)server.NegotiatedConformance).ToString("X6", CultureInfo.InvariantCulture) + ")");
            }
        }

        /// <summary>True when the server has a wrapper endpoint.</summary>
        public bool HasWrapper => Options.WrapperPort > 0;

        /// <summary>True when the server has an HDLC endpoint.</summary>
        public bool HasHdlc => Options.HdlcPort > 0;

        /// <summary>Opens an HDLC connection (no SNRM yet) for <paramref name="clientSap"/>; not applicable without an HDLC port.</summary>
        public async Task<HdlcProbe> OpenHdlcAsync(int? clientSap = null, byte[]? serverAddress = null)
        {
            if (!HasHdlc)
            {
                throw NotApplicable("the server has no HDLC endpoint (--hdlc-port 0)");
            }
            RawLink link = Own(await RawLink.OpenAsync(this, Options.HdlcPort).ConfigureAwait(false));
            return new HdlcProbe(this, link, serverAddress ?? HdlcAddress.Server(Options.ServerLogical, Options.ServerPhysical), HdlcAddress.Client(clientSap ?? Options.PublicClient));
        }

        /// <summary>Opens a wrapper connection for <paramref name="clientSap"/>; not applicable without a wrapper port.</summary>
        public async Task<WrapperProbe> OpenWrapperAsync(int? clientSap = null, int? serverWPort = null)
        {
            if (!HasWrapper)
            {
                throw NotApplicable("the server has no wrapper endpoint (--wrapper-port 0)");
            }
            RawLink link = Own(await RawLink.OpenAsync(this, Options.WrapperPort).ConfigureAwait(false));
            return new WrapperProbe(this, link, (ushort)(clientSap ?? Options.PublicClient), (ushort)(serverWPort ?? Options.ServerLogical));
        }

        /// <summary>An APDU channel for <paramref name="clientSap"/>: the wrapper if there is one, else HDLC with its link opened (SNRM/UA).</summary>
        public async Task<IProbeChannel> OpenChannelAsync(int? clientSap = null)
        {
            if (HasWrapper)
            {
                return await OpenWrapperAsync(clientSap).ConfigureAwait(false);
            }
            HdlcProbe hdlc = await OpenHdlcAsync(clientSap).ConfigureAwait(false);
            await hdlc.ConnectAsync().ConfigureAwait(false);
            return hdlc;
        }

        /// <summary>Options for the client library aimed at the server, its frames going to this check's log.</summary>
        public DlmsClientOptions ClientOptions(int clientSap, AuthenticationMechanism mechanism = AuthenticationMechanism.None, string? password = null)
        {
            bool wrapper = HasWrapper;
            return new DlmsClientOptions
            {
                Transport = wrapper ? TransportKind.Wrapper : TransportKind.Hdlc,
                Host = Options.Host,
                Port = wrapper ? Options.WrapperPort : Options.HdlcPort,
                ClientSap = clientSap,
                ServerLogical = Options.ServerLogical,
                ServerPhysical = Options.ServerPhysical,
                Authentication = mechanism,
                Password = password,
                ProposedConformance = Proposed,
                Timeout = Options.ReplyTimeout,
                FrameTrace = (direction, frame) => Record(direction == FrameDirection.Sent ? "->" : "<-", frame, null),
                ApduTrace = (direction, apdu) => Record(direction == FrameDirection.Sent ? "->" : "<-", apdu, "plaintext of the ciphered APDU"),
            };
        }

        /// <summary>Options for the HLS-GMAC client with authenticated encryption; not applicable without one.</summary>
        public DlmsClientOptions HlsOptions(Func<DlmsSecurityOptions, DlmsSecurityOptions>? adjust = null)
        {
            if (Options.HlsClient <= 0)
            {
                throw NotApplicable("no HLS client configured (--hls-client 0)");
            }
            var security = new DlmsSecurityOptions
            {
                Policy = SecurityPolicy.AuthenticatedEncrypted,
                BlockCipherKey = Options.BlockCipherKey,
                AuthenticationKey = Options.AuthenticationKey,
                SystemTitle = Options.SystemTitle,
                ReadInvocationCounterFrom = Options.InvocationCounterObject,
                InvocationCounter = 1,
            };
            return ClientOptions(Options.HlsClient, AuthenticationMechanism.HighGmac) with { Security = adjust is null ? security : adjust(security) };
        }

        /// <summary>Connects the client library (closed with the check).</summary>
        public async Task<DlmsClient> ConnectAsync(DlmsClientOptions options)
        {
            DlmsClient client = await DlmsClient.ConnectAsync(options, Token).ConfigureAwait(false);
            return Own(client);
        }

        /// <summary>Connects and associates the client library (closed with the check).</summary>
        public async Task<DlmsClient> AssociateAsync(DlmsClientOptions options)
        {
            DlmsClient client = await ConnectAsync(options).ConfigureAwait(false);
            await client.AssociateAsync(Token).ConfigureAwait(false);
            return client;
        }

        private T Own<T>(T resource)
            where T : IAsyncDisposable
        {
            lock (_sync)
            {
                _owned.Add(resource);
            }
            return resource;
        }

        /// <summary>Closes every connection of the check.</summary>
        public async ValueTask DisposeAsync()
        {
            IAsyncDisposable[] owned;
            lock (_sync)
            {
                owned = _owned.ToArray();
                _owned.Clear();
            }
            foreach (IAsyncDisposable resource in owned)
            {
                try
                {
                    if (resource is DlmsClient client)
                    {
                        // Release without waiting for the server: just close.
                        await client.Transport.DisposeAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        await resource.DisposeAsync().ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is DlmsException or System.IO.IOException or ObjectDisposedException or OperationCanceledException)
                {
                    // The server may have gone already.
                }
            }
        }
    }
}
