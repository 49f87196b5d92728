using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>
    /// A TCP connection for the battery: sends exactly the bytes it is given and cuts what comes
    /// back into HDLC frames (by their length field) or wrapper PDUs (by their header). Every wait
    /// has a time-out, and every byte each way goes to the check's log.
    /// </summary>
    public sealed class RawLink : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly CheckContext _context;
        private readonly List<byte> _buffer = new();
        private readonly byte[] _chunk = new byte[4096];
        private Task<int>? _pendingRead;

        private RawLink(TcpClient tcp, CheckContext context)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
            _context = context;
        }

        /// <summary>True once the server closed the connection (a read returned 0 or failed).</summary>
        public bool Closed { get; private set; }

        /// <summary>Opens a connection to <paramref name="port"/> within the reply time-out.</summary>
        /// <exception cref="CheckFailedException">The connection could not be opened.</exception>
        public static async Task<RawLink> OpenAsync(CheckContext context, int port)
        {
            var tcp = new TcpClient { NoDelay = true };
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.Token);
            cts.CancelAfter(context.Options.ReplyTimeout);
            try
            {
                await tcp.ConnectAsync(context.Options.Host, port, cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                tcp.Dispose();
                context.Token.ThrowIfCancellationRequested();
                throw new CheckFailedException("cannot connect to " + context.Options.Host + ":" + port + ": " + (e is OperationCanceledException ? "timed out" : e.Message));
            }
            return new RawLink(tcp, context);
        }

        /// <summary>Sends the bytes (logged with <paramref name="note"/>).</summary>
        public async Task SendAsync(byte[] bytes, string? note = null)
        {
            _context.Record("->", bytes, note);
            try
            {
                await _stream.WriteAsync(bytes, _context.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.IO.IOException or SocketException or ObjectDisposedException)
            {
                Closed = true;
                _context.Record("--", Array.Empty<byte>(), "the server closed the connection (write failed)");
            }
        }

        /// <summary>The next HDLC frame (flags included), or null when none came within <paramref name="timeout"/> or the connection closed.</summary>
        public async Task<byte[]?> ReceiveHdlcAsync(TimeSpan timeout)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(_context.Token);
            cts.CancelAfter(timeout);
            while (true)
            {
                byte[] bytes = _buffer.ToArray();
                HdlcParseStatus status = HdlcFrame.TryParse(bytes, out HdlcFrame? frame, out int consumed);
                if (status == HdlcParseStatus.Frame)
                {
                    byte[] whole = bytes.AsSpan(0, consumed + 1).ToArray();
                    _buffer.RemoveRange(0, consumed);
                    _context.Record("<-", whole, frame!.Describe());
                    return whole;
                }
                if (status == HdlcParseStatus.Invalid)
                {
                    // Not the start of a valid frame (bad check sequence, noise): show it and go on.
                    int drop = Math.Max(1, consumed);
                    byte[] dropped = bytes.AsSpan(0, drop).ToArray();
                    _buffer.RemoveRange(0, drop);
                    if (!(drop == 1 && dropped[0] == HdlcFrame.Flag))
                    {
                        _context.Record("<-", dropped, "bytes that are not a valid HDLC frame");
                    }
                    continue;
                }
                if (!await FillAsync(cts.Token).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }

        /// <summary>The next wrapper PDU (header included), or null when none came in time or the connection closed.</summary>
        public async Task<byte[]?> ReceiveWrapperAsync(TimeSpan timeout)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(_context.Token);
            cts.CancelAfter(timeout);
            while (true)
            {
                if (_buffer.Count >= 2 && (_buffer[0] != 0x00 || _buffer[1] != 0x01))
                {
                    // Without version 1 the length field cannot be trusted: nothing after it can be framed.
                    byte[] garbage = _buffer.ToArray();
                    _buffer.Clear();
                    _context.Record("<-", garbage, "not a wrapper PDU");
                    throw new CheckFailedException("the server sent bytes that are not a wrapper PDU (version " + ((garbage[0] << 8) | garbage[1]) + ", not 1)");
                }
                if (_buffer.Count >= 8)
                {
                    int length = (_buffer[6] << 8) | _buffer[7];
                    if (_buffer.Count >= 8 + length)
                    {
                        byte[] pdu = _buffer.GetRange(0, 8 + length).ToArray();
                        _buffer.RemoveRange(0, pdu.Length);
                        _context.Record("<-", pdu, null);
                        return pdu;
                    }
                }
                if (!await FillAsync(cts.Token).ConfigureAwait(false))
                {
                    if (_buffer.Count > 0 && Closed)
                    {
                        _context.Record("<-", _buffer.ToArray(), "an incomplete wrapper PDU before the connection closed");
                        _buffer.Clear();
                    }
                    return null;
                }
            }
        }

        /// <summary>Waits up to <paramref name="timeout"/> for the server to close the connection; true if it did.</summary>
        public async Task<bool> WaitClosedAsync(TimeSpan timeout)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(_context.Token);
            cts.CancelAfter(timeout);
            while (!Closed)
            {
                if (!await FillAsync(cts.Token).ConfigureAwait(false))
                {
                    break;
                }
            }
            return Closed;
        }

        // Reads more bytes; false on time-out or when the connection is gone. A read cut short by
        // the time-out stays pending and is picked up by the next call, so no byte is lost.
        private async Task<bool> FillAsync(CancellationToken token)
        {
            if (Closed)
            {
                return false;
            }
            try
            {
                _pendingRead ??= _stream.ReadAsync(_chunk, 0, _chunk.Length, CancellationToken.None);
                try
                {
                    await _pendingRead.WaitAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _context.Token.ThrowIfCancellationRequested();
                    return false;
                }
                int n = await _pendingRead.ConfigureAwait(false);
                _pendingRead = null;
                if (n == 0)
                {
                    Closed = true;
                    _context.Record("--", Array.Empty<byte>(), "the server closed the connection");
                    return false;
                }
                for (int i = 0; i < n; i++)
                {
                    _buffer.Add(_chunk[i]);
                }
                return true;
            }
            catch (Exception e) when (e is System.IO.IOException or SocketException or ObjectDisposedException)
            {
                _pendingRead = null;
                Closed = true;
                _context.Record("--", Array.Empty<byte>(), "the connection failed: " + e.Message);
                return false;
            }
        }

        /// <summary>Closes the connection.</summary>
        public ValueTask DisposeAsync()
        {
            _tcp.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
