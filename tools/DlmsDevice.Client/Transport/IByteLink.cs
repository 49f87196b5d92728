using System;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>A full-duplex byte pipe under the framing layer: a TCP socket, a serial port, any stream.</summary>
    public interface IByteLink : IAsyncDisposable
    {
        /// <summary>Human-readable endpoint for messages ("127.0.0.1:4059", "/dev/ttyUSB0").</summary>
        string Description { get; }

        /// <summary>Writes all bytes.</summary>
        ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

        /// <summary>Reads at least one byte; returns 0 when the peer closed the link.</summary>
        ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);
    }
}
