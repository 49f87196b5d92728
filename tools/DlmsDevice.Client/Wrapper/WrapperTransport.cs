using System;
using System.Buffers.Binary;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>
    /// TCP/UDP wrapper (IEC 62056-47, Green Book 7.3.3.4): each APDU is preceded by four big-endian
    /// Unsigned16 fields, version (1), source wPort, destination wPort, length. The client's wPort is
    /// its SAP, the server's wPort its logical device address. No LLC header.
    /// </summary>
    public sealed class WrapperTransport : IApduTransport
    {
        /// <summary>Header size.</summary>
        public const int HeaderLength = 8;

        /// <summary>The only wrapper version defined.</summary>
        public const ushort Version = 1;

        private readonly IByteLink _link;
        private readonly ushort _clientWPort;
        private readonly ushort _serverWPort;
        private readonly TimeSpan _timeout;
        private readonly Action<FrameDirection, byte[]>? _trace;

        /// <summary>Creates the transport over an open byte link.</summary>
        public WrapperTransport(IByteLink link, ushort clientWPort, ushort serverWPort, TimeSpan timeout, Action<FrameDirection, byte[]>? trace = null)
        {
            _link = link ?? throw new ArgumentNullException(nameof(link));
            _clientWPort = clientWPort;
            _serverWPort = serverWPort;
            _timeout = timeout;
            _trace = trace;
        }

        /// <summary>Builds one wrapper PDU: header + APDU.</summary>
        public static byte[] Encode(ushort sourceWPort, ushort destinationWPort, ReadOnlySpan<byte> apdu)
        {
            if (apdu.Length > ushort.MaxValue)
            {
                throw new ArgumentException("A wrapper PDU carries at most 65535 bytes.", nameof(apdu));
            }
            var frame = new byte[HeaderLength + apdu.Length];
            BinaryPrimitives.WriteUInt16BigEndian(frame, Version);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), sourceWPort);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), destinationWPort);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(6), (ushort)apdu.Length);
            apdu.CopyTo(frame.AsSpan(HeaderLength));
            return frame;
        }

        /// <inheritdoc/>
        public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <inheritdoc/>
        public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
        {
            byte[] frame = Encode(_clientWPort, _serverWPort, apdu.Span);
            _trace?.Invoke(FrameDirection.Sent, frame);
            await _link.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            return await Deadline.RunAsync(ReceiveAsync, _timeout, cancellationToken,
                () => "waiting for a wrapper reply from " + _link.Description).ConfigureAwait(false);
        }

        private async Task<byte[]> ReceiveAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var header = new byte[HeaderLength];
                await ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
                ushort version = BinaryPrimitives.ReadUInt16BigEndian(header);
                ushort source = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
                ushort destination = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
                ushort length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(6));
                if (version != Version)
                {
                    _trace?.Invoke(FrameDirection.Received, header);
                    throw new DlmsProtocolException("Wrapper version " + version + " received (expected 1): the server may not speak the TCP wrapper; try --transport hdlc.");
                }
                var frame = new byte[HeaderLength + length];
                header.CopyTo(frame, 0);
                await ReadExactlyAsync(frame.AsMemory(HeaderLength), cancellationToken).ConfigureAwait(false);
                _trace?.Invoke(FrameDirection.Received, frame);
                if (source != _serverWPort || destination != _clientWPort)
                {
                    // Not the reply to us (e.g. a push to another wPort): skip it.
                    continue;
                }
                return frame.AsSpan(HeaderLength).ToArray();
            }
        }

        private async Task ReadExactlyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            int read = 0;
            while (read < buffer.Length)
            {
                int n = await _link.ReadAsync(buffer.Slice(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new DlmsLinkException(_link.Description + " closed the connection" + (read > 0 ? " in the middle of a wrapper PDU." : "."));
                }
                read += n;
            }
        }

        /// <inheritdoc/>
        public async Task CloseAsync(CancellationToken cancellationToken) => await _link.DisposeAsync().ConfigureAwait(false);

        /// <inheritdoc/>
        public ValueTask DisposeAsync() => _link.DisposeAsync();
    }
}
