using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;

namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>A <see cref="StreamByteLink"/> over an already connected socket the test also writes to.</summary>
    public sealed class NetworkStreamLink : IByteLink
    {
        private readonly StreamByteLink _inner;

        public NetworkStreamLink(Socket socket)
        {
            _inner = new StreamByteLink(new NetworkStream(socket, ownsSocket: false), socket.RemoteEndPoint?.ToString() ?? "socket");
        }

        public string Description => _inner.Description;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => _inner.WriteAsync(data, cancellationToken);

        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, cancellationToken);

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}
