using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Receives pushed APDUs on a UDP port: each datagram holds one wrapper frame (IEC 62056-47,
    /// the UDP wrapper). Datagrams that are not a whole wrapper frame are reported as they are,
    /// with framing "udp?", so a listener can say what arrived. Nothing is answered.
    /// </summary>
    public sealed class UdpNotificationListener : IDisposable
    {
        private readonly UdpClient _client;

        /// <summary>Listens on <paramref name="address"/>:<paramref name="port"/> (0 = any free port).</summary>
        public UdpNotificationListener(IPAddress address, int port)
        {
            _client = new UdpClient(new IPEndPoint(address, port));
        }

        /// <summary>The port listened on.</summary>
        public int Port => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

        /// <summary>Receives datagrams and calls <paramref name="received"/> for every APDU until cancelled.</summary>
        public async Task RunAsync(Action<ReceivedApdu> received, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(received);
            while (!cancellationToken.IsCancellationRequested)
            {
                UdpReceiveResult datagram;
                try
                {
                    datagram = await _client.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SocketException)
                {
                    // An ICMP error for an earlier datagram: keep listening.
                    continue;
                }
                received(Cut(datagram.RemoteEndPoint.ToString(), datagram.Buffer));
            }
        }

        /// <summary>The APDU of one UDP datagram: the wrapper frame's payload when the header says so.</summary>
        public static ReceivedApdu Cut(string remote, byte[] datagram)
        {
            ArgumentNullException.ThrowIfNull(datagram);
            if (datagram.Length >= 8 && datagram[0] == 0 && datagram[1] == 1 && ((datagram[6] << 8) | datagram[7]) == datagram.Length - 8)
            {
                return new ReceivedApdu(remote, "udp wrapper", datagram.AsSpan(8).ToArray());
            }
            return new ReceivedApdu(remote, "udp?", datagram);
        }

        /// <summary>Stops listening.</summary>
        public void Dispose()
        {
            _client.Dispose();
        }
    }
}
