using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client.ConformanceBattery
{
    /// <summary>How <see cref="BrokenServer"/> breaks the rules.</summary>
    internal enum Misbehaviour
    {
        /// <summary>Reads everything, answers nothing.</summary>
        Silent,
        /// <summary>Closes every connection at its first byte.</summary>
        DropsConnection,
        /// <summary>Answers every chunk with bytes that are neither HDLC nor a wrapper PDU.</summary>
        WrongBytes,
        /// <summary>
        /// A plausible HDLC server with three faults: it answers frames whatever their HCS/FCS,
        /// sends FRMR without its information field, and answers every I-frame with the same
        /// accepting AARE (so a GET gets an AARE).
        /// </summary>
        SloppyHdlc,
    }

    /// <summary>A deliberately non-conforming server on 127.0.0.1 for the battery's own tests (HDLC and wrapper on one port).</summary>
    internal sealed class BrokenServer : IAsyncDisposable
    {
        // Trace A (docs/interop.md): the AARE of a public association (conformance 00 1E 1D, PDU 1224).
        private static readonly byte[] s_aare = Hex.Parse("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07");

        private readonly TcpListener _listener;
        private readonly Misbehaviour _mode;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private readonly List<Task> _connections = new();

        public BrokenServer(Misbehaviour mode)
        {
            _mode = mode;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _accepting = AcceptAsync();
        }

        public int Port { get; }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    lock (_connections)
                    {
                        _connections.Add(ServeAsync(client));
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                NetworkStream stream = client.GetStream();
                var buffer = new byte[4096];
                var pending = new List<byte>();
                int sendSequence = 0;
                try
                {
                    while (true)
                    {
                        int n = await stream.ReadAsync(buffer, _stop.Token);
                        if (n == 0 || _mode == Misbehaviour.DropsConnection)
                        {
                            return;
                        }
                        switch (_mode)
                        {
                            case Misbehaviour.WrongBytes:
                                await stream.WriteAsync(new byte[] { 0x55, 0x11, 0x22, 0x33, 0x44 }, _stop.Token);
                                break;
                            case Misbehaviour.SloppyHdlc:
                                for (int i = 0; i < n; i++)
                                {
                                    pending.Add(buffer[i]);
                                }
                                foreach (byte[] reply in Sloppy(pending, ref sendSequence))
                                {
                                    await stream.WriteAsync(reply, _stop.Token);
                                }
                                break;
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
                {
                }
            }
        }

        // Cuts frames by their length field without checking HCS or FCS, and answers them.
        private static List<byte[]> Sloppy(List<byte> pending, ref int sendSequence)
        {
            var replies = new List<byte[]>();
            while (pending.Count >= 3)
            {
                if (pending[0] != 0x7E)
                {
                    pending.RemoveAt(0);
                    continue;
                }
                int length = ((pending[1] & 0x07) << 8) | pending[2];
                if (pending.Count < length + 2)
                {
                    break;
                }
                byte[] frame = pending.GetRange(0, length + 2).ToArray();
                pending.RemoveRange(0, length + 2);
                int p = 3;
                int destinationStart = p;
                while ((frame[p] & 1) == 0)
                {
                    p++;
                }
                p++;
                byte[] destination = frame.AsSpan(destinationStart, p - destinationStart).ToArray();
                byte[] source = { frame[p] };
                byte control = frame[p + 1];
                byte kind = (byte)(control & ~0x10);
                if (kind == 0x83)
                {
                    sendSequence = 0;
                    replies.Add(HdlcFrame.Encode(source, destination, HdlcFrame.Ua, ReadOnlySpan<byte>.Empty));
                }
                else if (kind == 0x43)
                {
                    replies.Add(HdlcFrame.Encode(source, destination, HdlcFrame.Ua, ReadOnlySpan<byte>.Empty));
                }
                else if ((control & 0x01) == 0)
                {
                    int received = ((control >> 1) & 7) + 1;
                    byte[] info = new byte[3 + s_aare.Length];
                    HdlcTransport.LlcResponse.CopyTo(info, 0);
                    s_aare.CopyTo(info, 3);
                    replies.Add(HdlcFrame.Encode(source, destination, HdlcFrame.InformationControl(sendSequence, received & 7), info));
                    sendSequence = (sendSequence + 1) & 7;
                }
                else
                {
                    // Anything else: FRMR without the information field the standard prescribes.
                    replies.Add(HdlcFrame.Encode(source, destination, HdlcFrame.Frmr, ReadOnlySpan<byte>.Empty));
                }
            }
            return replies;
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            await _accepting;
            Task[] connections;
            lock (_connections)
            {
                connections = _connections.ToArray();
            }
            await Task.WhenAll(connections);
            _listener.Dispose();
            _stop.Dispose();
        }
    }
}
