using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>An <see cref="IByteLink"/> over a <see cref="Stream"/> (a TCP <see cref="NetworkStream"/>, a pipe, ...).</summary>
    public sealed class StreamByteLink : IByteLink
    {
        private readonly Stream _stream;
        private readonly IDisposable? _owner;

        /// <summary>Wraps a stream; <paramref name="owner"/> (e.g. the TcpClient) is disposed with it.</summary>
        public StreamByteLink(Stream stream, string description, IDisposable? owner = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            Description = description;
            _owner = owner;
        }

        /// <inheritdoc/>
        public string Description { get; }

        /// <summary>Opens a TCP connection (IPv4/IPv6, Nagle off) within <paramref name="timeout"/>.</summary>
        /// <exception cref="DlmsTimeoutException">The connection was not established in time.</exception>
        /// <exception cref="DlmsLinkException">The connection was refused or failed.</exception>
        public static async Task<StreamByteLink> ConnectTcpAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var client = new TcpClient { NoDelay = true };
            string description = host + ":" + port;
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                client.Dispose();
                throw new DlmsTimeoutException("Timed out after " + timeout.TotalSeconds + " s connecting to " + description + ".");
            }
            catch (SocketException e)
            {
                client.Dispose();
                throw new DlmsLinkException("Cannot connect to " + description + ": " + e.Message, e);
            }
            catch
            {
                client.Dispose();
                throw;
            }
            return new StreamByteLink(client.GetStream(), description, client);
        }

        /// <inheritdoc/>
        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            try
            {
                await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new DlmsLinkException("Write to " + Description + " failed: " + e.Message, e);
            }
        }

        /// <inheritdoc/>
        public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            try
            {
                return await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DlmsLinkException("Read from " + Description + " failed: " + e.Message, e);
            }
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            _owner?.Dispose();
        }
    }
}
