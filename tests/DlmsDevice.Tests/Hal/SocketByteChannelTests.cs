using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DlmsDevice.Hal.Desktop;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>The desktop TCP byte channel: sends that cannot block for good, a close from another thread.</summary>
    public sealed class SocketByteChannelTests
    {
        /// <summary>
        /// A client that connects and never reads: the frames fill both sides' socket buffers.
        /// The channel must give up (failed) instead of blocking its connection thread for good.
        /// </summary>
        [Fact]
        public async Task Write_PeerStopsReading_SendTimesOutAndChannelFails()
        {
            using Socket listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            using Socket client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            await client.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
            using Socket server = await listener.AcceptAsync();
            server.SendBufferSize = 4096;
            using SocketByteChannel sink = new SocketByteChannel(server, 200);
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
            Assert.Equal(-1, sink.Read(new byte[8], 0, 8, 0)); // a broken channel reads as closed
        }

        [Fact]
        public async Task Close_FromAnotherThread_UnblocksAWaitingRead()
        {
            using Socket listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            using Socket client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
            using Socket server = await listener.AcceptAsync();
            SocketByteChannel channel = new SocketByteChannel(server);

            Task<int> read = Task.Run(() => channel.Read(new byte[16], 0, 16, 60_000));
            await Task.Delay(100);
            channel.Close();

            Task finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.Same(read, finished);
            Assert.Equal(-1, await read);
            Assert.Equal(0, await client.ReceiveAsync(new byte[8], SocketFlags.None)); // the peer sees the close
        }

        [Fact]
        public void Constructor_NonPositiveTimeout_Throws()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.Throws<ArgumentOutOfRangeException>(() => new SocketByteChannel(socket, 0));
        }
    }
}
