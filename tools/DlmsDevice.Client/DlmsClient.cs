using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>
    /// A DLMS/COSEM client for logical name referencing: connect (wrapper, HDLC over TCP or serial),
    /// associate (no security, LLS, HLS-GMAC, HLS-SHA256; suite-0 ciphering with glo-, ded- or
    /// general-glo APDUs), GET (normal, with block transfer, with list), SET (normal, with
    /// datablocks), ACTION (normal), release, disconnect.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var client = await DlmsClient.ConnectAsync(new DlmsClientOptions { Transport = TransportKind.Hdlc });
    /// await client.AssociateAsync();
    /// DlmsValue energy = await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"));
    /// await client.ReleaseAsync();
    /// await client.DisconnectAsync();
    /// </code>
    /// </example>
    public sealed partial class DlmsClient : IAsyncDisposable
    {
        private readonly IApduTransport _transport;
        private bool _closed;

        /// <summary>Creates a client over an already constructed transport (see <see cref="ConnectAsync(DlmsClientOptions, CancellationToken)"/>).</summary>
        public DlmsClient(IApduTransport transport, DlmsClientOptions options)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>The options the client was created with.</summary>
        public DlmsClientOptions Options { get; }

        /// <summary>The transport (e.g. <see cref="HdlcTransport"/> to read <see cref="HdlcTransport.Negotiated"/>).</summary>
        public IApduTransport Transport => _transport;

        /// <summary>The AARE of the current association, or null when not associated.</summary>
        public AssociationResponse? Association { get; private set; }

        /// <summary>Opens the byte link (TCP or serial per <see cref="DlmsClientOptions.Transport"/>) and the data link (HDLC SNRM/UA).</summary>
        /// <exception cref="DlmsException">Connection refused, timeout, DM, ...</exception>
        /// <remarks>
        /// With <see cref="DlmsSecurityOptions.ReadInvocationCounterFrom"/> set, a separate public
        /// association reads the server's invocation counter first (see <see cref="ReadInvocationCounterAsync"/>)
        /// and the returned client's options start at that value + 1.
        /// </remarks>
        public static async Task<DlmsClient> ConnectAsync(DlmsClientOptions options, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (options.Security.ReadInvocationCounterFrom is ObisCode counterObject)
            {
                uint counter = await ReadInvocationCounterAsync(options, counterObject, cancellationToken).ConfigureAwait(false);
                if (counter == uint.MaxValue)
                {
                    throw new DlmsSecurityException(SecurityFailure.InvocationCounterExhausted, "The server's invocation counter " + counterObject + " is 0xFFFFFFFF: new keys are needed.");
                }
                options = options with { Security = options.Security with { InvocationCounter = counter + 1, ReadInvocationCounterFrom = null } };
            }
            IByteLink link;
            if (options.Transport == TransportKind.Serial)
            {
                if (string.IsNullOrEmpty(options.SerialPort))
                {
                    throw new ArgumentException("The serial transport needs SerialPort (e.g. /dev/ttyUSB0).", nameof(options));
                }
                link = SerialByteLink.Open(options.SerialPort, options.BaudRate);
            }
            else if (options.Transport == TransportKind.Optical)
            {
                if (string.IsNullOrEmpty(options.SerialPort))
                {
                    throw new ArgumentException("The optical transport needs SerialPort (the IR head, e.g. /dev/ttyUSB0).", nameof(options));
                }
                link = SerialByteLink.OpenOptical(options.SerialPort, options.OpticalAddress, options.BaudRate, options.Timeout, options.SignOnTrace, out _);
            }
            else
            {
                link = await StreamByteLink.ConnectTcpAsync(options.Host, options.EffectivePort, options.Timeout, cancellationToken).ConfigureAwait(false);
            }
            return await ConnectAsync(link, options, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Opens the data link over an already open byte link (e.g. a <see cref="StreamByteLink"/> over a
        /// pipe). <see cref="TransportKind.Serial"/>, <see cref="TransportKind.Optical"/> and <see cref="TransportKind.Hdlc"/> all mean HDLC here.
        /// </summary>
        public static async Task<DlmsClient> ConnectAsync(IByteLink link, DlmsClientOptions options, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(link);
            ArgumentNullException.ThrowIfNull(options);
            IApduTransport transport = options.Transport == TransportKind.Wrapper
                ? new WrapperTransport(link, checked((ushort)options.ClientSap), checked((ushort)options.ServerLogical), options.Timeout, options.FrameTrace)
                : new HdlcTransport(link, HdlcAddress.Server(options.ServerLogical, options.ServerPhysical, options.ServerAddressSize),
                    HdlcAddress.Client(options.ClientSap), options.HdlcParameters, options.Timeout, options.FrameTrace);
            try
            {
                await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await transport.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            return new DlmsClient(transport, options);
        }

        /// <summary>Sends any APDU and returns the raw reply APDU (for tests and experiments).</summary>
        public Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default) =>
            _transport.ExchangeAsync(apdu, cancellationToken);

        /// <summary>Reads one attribute (GET-Request-Normal, following GET-Next blocks to the last one).</summary>
        /// <exception cref="DataAccessException">The server returned a Data-Access-Result.</exception>
        public async Task<DlmsValue> GetAsync(CosemAttribute attribute, SelectiveAccess? access = null, CancellationToken cancellationToken = default)
        {
            GetResult result = await TryGetAsync(attribute, access, cancellationToken).ConfigureAwait(false);
            return result.GetValueOrThrow("GET " + attribute);
        }

        /// <summary>Reads one attribute; a Data-Access-Result comes back as a failed <see cref="GetResult"/>.</summary>
        public async Task<GetResult> TryGetAsync(CosemAttribute attribute, SelectiveAccess? access = null, CancellationToken cancellationToken = default)
        {
            byte iid = Options.InvokeIdAndPriority;
            GetResponse response = await GetExchangeAsync(GetRequest.Normal(iid, attribute, access), cancellationToken).ConfigureAwait(false);
            switch (response.Kind)
            {
                case GetResponseKind.Normal:
                    return response.Result!;
                case GetResponseKind.WithDatablock:
                {
                    byte[]? raw = await CollectBlocksAsync(response, cancellationToken).ConfigureAwait(false);
                    return raw is null ? GetResult.Error(response.BlockError ?? DataAccessResult.OtherReason) : GetResult.Success(AxdrDecoder.Decode(raw));
                }
                default:
                    throw new DlmsProtocolException("GET-Response-With-List received for a GET-Request-Normal.");
            }
        }

        /// <summary>Reads several attributes in one GET-Request-With-List (needs multiple-references).</summary>
        public async Task<IReadOnlyList<GetResult>> GetWithListAsync(IReadOnlyList<CosemAttribute> attributes, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(attributes);
            GetResponse response = await GetExchangeAsync(GetRequest.WithList(Options.InvokeIdAndPriority, attributes), cancellationToken).ConfigureAwait(false);
            IReadOnlyList<GetResult> results;
            switch (response.Kind)
            {
                case GetResponseKind.WithList:
                    results = response.Results!;
                    break;
                case GetResponseKind.WithDatablock:
                {
                    byte[] raw = await CollectBlocksAsync(response, cancellationToken).ConfigureAwait(false)
                        ?? throw new DataAccessException(response.BlockError ?? DataAccessResult.OtherReason, "GET-with-list");
                    int p = 0;
                    results = GetResponse.DecodeResultList(raw, ref p);
                    ServiceApdu.End(raw, p, "GET-with-list block data");
                    break;
                }
                default:
                    throw new DlmsProtocolException("GET-Response-Normal received for a GET-Request-With-List.");
            }
            if (results.Count != attributes.Count)
            {
                throw new DlmsProtocolException("GET-with-list asked for " + attributes.Count + " attributes and got " + results.Count + " results.");
            }
            return results;
        }

        /// <summary>Reads and decodes the current association's object_list (15 / 0.0.40.0.0.255 / 2).</summary>
        public async Task<IReadOnlyList<ObjectListEntry>> GetObjectListAsync(CancellationToken cancellationToken = default)
        {
            DlmsValue value = await GetAsync(ObjectList.Attribute, null, cancellationToken).ConfigureAwait(false);
            return ObjectList.Decode(value);
        }

        /// <summary>
        /// Reads a register value and its scaler_unit (Register/Extended register attr 2 with attr 3,
        /// Demand register attr 2 or 3 with attr 4).
        /// </summary>
        /// <exception cref="ArgumentException">The attribute has no scaler_unit.</exception>
        public async Task<ScaledValue> GetScaledAsync(CosemAttribute valueAttribute, CancellationToken cancellationToken = default)
        {
            sbyte scalerAttribute = ScaledValue.ScalerAttributeFor(valueAttribute.ClassId, valueAttribute.AttributeId)
                ?? throw new ArgumentException(valueAttribute + " has no scaler_unit (only class 3/4 attr 2 and class 5 attr 2/3).", nameof(valueAttribute));
            DlmsValue value = await GetAsync(valueAttribute, null, cancellationToken).ConfigureAwait(false);
            DlmsValue scaler = await GetAsync(valueAttribute with { AttributeId = scalerAttribute }, null, cancellationToken).ConfigureAwait(false);
            return new ScaledValue(value, ScalerUnit.FromValue(scaler));
        }

        private async Task<GetResponse> GetExchangeAsync(byte[] request, CancellationToken cancellationToken)
        {
            byte[] reply = await ServiceExchangeAsync(request, null, cancellationToken).ConfigureAwait(false);
            GetResponse response = GetResponse.Decode(reply);
            CheckInvokeId(response.InvokeIdAndPriority);
            return response;
        }

        // Service-specific block transfer (Green Book 9.4.6.2.4): acknowledge each block with
        // GET-Request-Next carrying the number just received, until last-block. Returns null when
        // the server aborted with a data-access-result.
        private async Task<byte[]?> CollectBlocksAsync(GetResponse first, CancellationToken cancellationToken)
        {
            var raw = new List<byte>();
            GetResponse block = first;
            uint expected = 1;
            while (true)
            {
                if (block.Kind != GetResponseKind.WithDatablock)
                {
                    throw new DlmsProtocolException("Expected GET-Response-With-Datablock " + expected + ", got " + block.Kind + ".");
                }
                if (block.RawData is null)
                {
                    return null;
                }
                if (block.BlockNumber != expected)
                {
                    throw new DlmsProtocolException("Expected data block " + expected + ", got block " + block.BlockNumber + ".");
                }
                raw.AddRange(block.RawData);
                Options.BlockReceived?.Invoke(block.BlockNumber, raw.Count);
                if (block.LastBlock)
                {
                    return raw.ToArray();
                }
                block = await GetExchangeAsync(GetRequest.Next(Options.InvokeIdAndPriority, block.BlockNumber), cancellationToken).ConfigureAwait(false);
                expected++;
            }
        }

        /// <summary>
        /// Writes one attribute: SET-Request-Normal, or SET with datablocks when the request would
        /// exceed the server's max receive PDU.
        /// </summary>
        /// <exception cref="DataAccessException">The server returned a result other than success.</exception>
        public async Task SetAsync(CosemAttribute attribute, DlmsValue value, SelectiveAccess? access = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(value);
            byte iid = Options.InvokeIdAndPriority;
            byte[] encoded = AxdrEncoder.Encode(value);
            byte[] normal = SetRequest.Normal(iid, attribute, encoded, access);
            int serverMax = ServerMaxPdu;
            string context = "SET " + attribute;
            if (normal.Length <= serverMax)
            {
                SetResponse response = await SetExchangeAsync(normal, cancellationToken).ConfigureAwait(false);
                if (response.Kind != SetResponseKind.Normal)
                {
                    throw new DlmsProtocolException("Expected SET-Response-Normal, got " + response.Kind + ".");
                }
                ThrowIfFailed(response.Result, context);
                return;
            }

            if (Association is not null && (Association.NegotiatedConformance & Conformance.BlockTransferWithSetOrWrite) == 0)
            {
                throw new DlmsException(context + ": the value needs " + normal.Length + " bytes, the server accepts " + serverMax
                    + " per APDU, and block-transfer-with-set was not negotiated.");
            }
            int blockSize = serverMax - SetRequest.FirstDatablockOverhead(serverMax) - (access is null ? 0 : AxdrEncoder.Encode(access.Parameters).Length + 1);
            if (blockSize < 1)
            {
                throw new DlmsException(context + ": the server's max PDU " + serverMax + " is too small for SET with datablocks.");
            }
            uint blockNumber = 1;
            for (int offset = 0; offset < encoded.Length; offset += blockSize, blockNumber++)
            {
                int size = Math.Min(blockSize, encoded.Length - offset);
                bool last = offset + size >= encoded.Length;
                ReadOnlySpan<byte> chunk = encoded.AsSpan(offset, size);
                byte[] request = blockNumber == 1
                    ? SetRequest.WithFirstDatablock(iid, attribute, last, blockNumber, chunk, access)
                    : SetRequest.WithDatablock(iid, last, blockNumber, chunk);
                SetResponse response = await SetExchangeAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.Kind == SetResponseKind.Normal)
                {
                    // The server gave up on the transfer with a single result.
                    ThrowIfFailed(response.Result, context);
                    throw new DlmsProtocolException(context + ": SET-Response-Normal in the middle of a datablock transfer.");
                }
                SetResponseKind expected = last ? SetResponseKind.LastDatablock : SetResponseKind.Datablock;
                if (response.Kind != expected || response.BlockNumber != blockNumber)
                {
                    throw new DlmsProtocolException(context + ": expected " + expected + " for block " + blockNumber + ", got " + response.Kind + " block " + response.BlockNumber + ".");
                }
                if (last)
                {
                    ThrowIfFailed(response.Result, context);
                }
            }
        }

        private async Task<SetResponse> SetExchangeAsync(byte[] request, CancellationToken cancellationToken)
        {
            byte[] reply = await ServiceExchangeAsync(request, null, cancellationToken).ConfigureAwait(false);
            SetResponse response = SetResponse.Decode(reply);
            CheckInvokeId(response.InvokeIdAndPriority);
            return response;
        }

        /// <summary>Invokes a method (ACTION-Request-Normal) with optional parameters.</summary>
        /// <returns>The return parameters, or null when the server returned none.</returns>
        /// <exception cref="DataAccessException">The action-result (or the returned data-access-result) is not success.</exception>
        public async Task<DlmsValue?> ActionAsync(CosemMethod method, DlmsValue? parameters = null, CancellationToken cancellationToken = default)
        {
            byte[] encoded = parameters is null ? Array.Empty<byte>() : AxdrEncoder.Encode(parameters);
            byte[] request = ActionRequest.Normal(Options.InvokeIdAndPriority, method, encoded);
            string context = "ACTION " + method;
            if (request.Length > ServerMaxPdu)
            {
                throw new DlmsException(context + ": the request needs " + request.Length + " bytes, the server accepts " + ServerMaxPdu + " (ACTION with pblocks is not supported).");
            }
            byte[] reply = await ServiceExchangeAsync(request, null, cancellationToken).ConfigureAwait(false);
            ActionResponse response = ActionResponse.Decode(reply);
            CheckInvokeId(response.InvokeIdAndPriority);
            ThrowIfFailed(response.Result, context);
            return response.ReturnParameters?.GetValueOrThrow(context + " return parameters");
        }

        /// <summary>Closes the data link (HDLC DISC) and the connection.</summary>
        public async Task DisconnectAsync(CancellationToken cancellationToken = default)
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            Association = null;
            _active = null;
            await _transport.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Disconnects (best effort) and releases the connection.</summary>
        public async ValueTask DisposeAsync()
        {
            if (!_closed)
            {
                try
                {
                    await DisconnectAsync().ConfigureAwait(false);
                }
                catch (DlmsException)
                {
                    // Best effort: the link may already be gone.
                }
                catch (OperationCanceledException)
                {
                }
            }
            await _transport.DisposeAsync().ConfigureAwait(false);
        }

        // The largest plain APDU the server takes: its max receive PDU less what ciphering adds.
        private int ServerMaxPdu => (Association is { ServerMaxReceivePduSize: > 0 } a ? a.ServerMaxReceivePduSize : 0xFFFF)
            - (_active is { Policy: not SecurityPolicy.None } ? SecurityContext.MaxOverhead : 0);

        private void CheckInvokeId(byte received)
        {
            if ((received & 0x0F) != (Options.InvokeIdAndPriority & 0x0F))
            {
                throw new DlmsProtocolException("Reply carries invoke-id " + (received & 0x0F) + ", expected " + (Options.InvokeIdAndPriority & 0x0F) + ".");
            }
        }

        private static void ThrowIfFailed(DataAccessResult result, string context)
        {
            if (result != DataAccessResult.Success)
            {
                throw new DataAccessException(result, context);
            }
        }
    }
}
