using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>What arrived on a <see cref="NotificationListener"/>: the APDU and where from.</summary>
    /// <param name="Remote">The sender's address and port.</param>
    /// <param name="Framing">"wrapper" or "hdlc".</param>
    /// <param name="Apdu">The APDU (LLC header removed).</param>
    public sealed record ReceivedApdu(string Remote, string Framing, byte[] Apdu);

    /// <summary>
    /// Receives pushed APDUs on a TCP port: each connection may send wrapper frames (IEC 62056-47)
    /// or HDLC frames (UI or I-frames, IEC 62056-46); the framing is taken from the first byte
    /// (0x7E = HDLC). Nothing is answered: DataNotification is unconfirmed.
    /// </summary>
    public sealed class NotificationListener : IAsyncDisposable
    {
        private readonly TcpListener _listener;

        /// <summary>Listens on <paramref name="address"/>:<paramref name="port"/> (0 = any free port).</summary>
        public NotificationListener(IPAddress address, int port)
        {
            _listener = new TcpListener(address, port);
            _listener.Start();
        }

        /// <summary>The port listened on.</summary>
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Accepts connections and calls <paramref name="received"/> for every APDU until cancelled.</summary>
        public async Task RunAsync(Action<ReceivedApdu> received, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(received);
            var connections = new List<Task>();
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    TcpClient client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                    connections.Add(ServeAsync(client, received, cancellationToken));
                    connections.RemoveAll(t => t.IsCompleted);
                }
            }
            catch (OperationCanceledException)
            {
            }
            try
            {
                await Task.WhenAll(connections).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        private static async Task ServeAsync(TcpClient client, Action<ReceivedApdu> received, CancellationToken cancellationToken)
        {
            using (client)
            {
                string remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
                NetworkStream stream = client.GetStream();
                var buffer = new List<byte>();
                var chunk = new byte[4096];
                var segments = new List<byte>();
                try
                {
                    while (true)
                    {
                        int n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                        if (n == 0)
                        {
                            return;
                        }
                        for (int i = 0; i < n; i++)
                        {
                            buffer.Add(chunk[i]);
                        }
                        foreach ((string framing, byte[] apdu) in Cut(buffer, segments))
                        {
                            received(new ReceivedApdu(remote, framing, apdu));
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (System.IO.IOException)
                {
                    // The sender went away.
                }
            }
        }

        // Cuts whole frames off the front of the buffer.
        private static IEnumerable<(string, byte[])> Cut(List<byte> buffer, List<byte> segments)
        {
            var result = new List<(string, byte[])>();
            while (buffer.Count > 0)
            {
                if (buffer[0] == HdlcFrame.Flag)
                {
                    byte[] bytes = buffer.ToArray();
                    HdlcParseStatus status = HdlcFrame.TryParse(bytes, out HdlcFrame? frame, out int consumed);
                    if (status == HdlcParseStatus.NeedMore)
                    {
                        break;
                    }
                    buffer.RemoveRange(0, Math.Max(1, consumed));
                    if (frame is null || frame.Information.Length == 0)
                    {
                        continue;
                    }
                    segments.AddRange(frame.Information);
                    if (frame.Segmented)
                    {
                        continue;
                    }
                    byte[] info = segments.ToArray();
                    segments.Clear();
                    int skip = info.Length >= 3 && info[0] == 0xE6 && (info[1] == 0xE7 || info[1] == 0xE6) && info[2] == 0x00 ? 3 : 0;
                    result.Add(("hdlc", info.AsSpan(skip).ToArray()));
                    continue;
                }
                if (buffer.Count < 8)
                {
                    break;
                }
                int length = (buffer[6] << 8) | buffer[7];
                if (buffer[0] != 0 || buffer[1] != 1)
                {
                    // Not a wrapper header: drop a byte and look again.
                    buffer.RemoveAt(0);
                    continue;
                }
                if (buffer.Count < 8 + length)
                {
                    break;
                }
                result.Add(("wrapper", buffer.GetRange(8, length).ToArray()));
                buffer.RemoveRange(0, 8 + length);
            }
            return result;
        }

        /// <summary>Stops listening.</summary>
        public ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
