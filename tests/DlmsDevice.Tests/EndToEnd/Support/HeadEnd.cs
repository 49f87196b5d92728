using System;
using System.Collections.Concurrent;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;

namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>A head-end on 127.0.0.1 for push tests: the client's TCP or UDP listener, collecting every APDU that arrives until disposed.</summary>
    internal sealed class HeadEnd : IAsyncDisposable
    {
        private readonly NotificationListener? _tcp;
        private readonly UdpNotificationListener? _udp;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _listening;

        /// <summary>Listens on <paramref name="port"/> (0 = a free one) for TCP connections, or UDP datagrams.</summary>
        public HeadEnd(bool udp = false, int port = 0)
        {
            if (udp)
            {
                _udp = new UdpNotificationListener(IPAddress.Loopback, port);
                _listening = _udp.RunAsync(Received.Add, _stop.Token);
            }
            else
            {
                _tcp = new NotificationListener(IPAddress.Loopback, port);
                _listening = _tcp.RunAsync(Received.Add, _stop.Token);
            }
        }

        /// <summary>What arrived, in order.</summary>
        public BlockingCollection<ReceivedApdu> Received { get; } = new BlockingCollection<ReceivedApdu>();

        /// <summary>The port listened on.</summary>
        public int Port => _tcp?.Port ?? _udp!.Port;

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            await _listening;
            if (_tcp != null)
            {
                await _tcp.DisposeAsync();
            }
            _udp?.Dispose();
            _stop.Dispose();
        }
    }
}
