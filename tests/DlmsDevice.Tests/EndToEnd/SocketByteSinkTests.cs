using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DlmsDevice.Emulator.Transport;

namespace DlmsDevice.Tests.EndToEnd
{
    public sealed class SocketByteSinkTests
    {
        /// <summary>
        /// A client that connects and never reads: the frames fill both sides' socket buffers.
        /// The sink must give up (failed) instead of blocking its connection thread for good.
        /// </summary>
        [Fact]
        public async Task Write_PeerStopsReading_SendTimesOutAndSinkFails()
        {
            using Socket listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            using Socket client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            await client.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
            using Socket server = await listener.AcceptAsync();
            server.SendBufferSize = 4096;
            SocketByteSink sink = new SocketByteSink(server, 200);
            byte[] frame = new byte[16384];

            // Far more than the buffers hold; each Write blocks at most the send time-out.
            Task writes = Task.Run(() =>
            {
                for (int i = 0; i < 1000 && !sink.Failed; i++)
                {
                    sink.Write(frame, 0, frame.Length);
                }
            });

            // A liveness bound, not a speed check: without a send time-out this never completes.
            Task finished = await Task.WhenAny(writes, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.Same(writes, finished);
            Assert.True(sink.Failed);
        }

        [Fact]
        public void Constructor_NonPositiveTimeout_Throws()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.Throws<ArgumentOutOfRangeException>(() => new SocketByteSink(socket, 0));
        }
    }
}
