using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DlmsDevice.Client;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>
    /// Idle connections cannot lock a fleet's clients out (as ConnectionStarvationTests for one
    /// meter): on a meter's own port they give way to newer ones, on a shared port they hold no
    /// slot until they name a meter, and a connection that never names one is closed after the
    /// association time-out.
    /// </summary>
    public sealed class EventLoopStarvationTests
    {
        private static readonly CosemAttribute SerialNumber = CosemAttribute.Parse("0.0.96.1.0.255:1:2");

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task ThousandIdleConnections_NewClientStillServed(bool onePort)
        {
            using FleetHarness fleet = FleetHarness.Start(4, onePort, o =>
            {
                o.AssociationTimeoutSeconds = 60;
                o.MaxConnections = 8;
                o.GivenOptions.Add("--max-connections");
            });
            IPEndPoint endPoint = fleet.Host.WrapperEndPoint(3)!;
            List<Socket> idle = new List<Socket>();
            try
            {
                for (int i = 0; i < 1000; i++)
                {
                    Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    idle.Add(socket);
                    await socket.ConnectAsync(endPoint);
                }
                // Every accept has been handled once the meter's slots are full (own port) or all
                // 1000 connections wait unrouted (shared port).
                Stopwatch settle = Stopwatch.StartNew();
                int expected = onePort ? 1000 : 8;
                while (fleet.Host.ConnectionCount != expected && settle.Elapsed < TimeSpan.FromSeconds(20))
                {
                    await Task.Delay(20);
                }
                Assert.Equal(expected, fleet.Host.ConnectionCount);

                await using DlmsClient client = await fleet.AssociateAsync(fleet.ClientOptions(3, TransportKind.Wrapper));
                Assert.Equal("0000000000004", (await client.GetAsync(SerialNumber)).Text);
                await client.ReleaseAsync();
            }
            finally
            {
                foreach (Socket socket in idle)
                {
                    socket.Dispose();
                }
            }
        }

        [Fact]
        public async Task SharedPort_ConnectionThatNamesNoMeter_ClosedAfterTheAssociationTimeOut()
        {
            using FleetHarness fleet = FleetHarness.Start(2, onePort: true, o => o.AssociationTimeoutSeconds = 1);
            using Socket silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await silent.ConnectAsync(fleet.Host.HdlcEndPoint(0)!);
            // The server closes: a read returns 0 (FIN) or the connection is reset.
            try
            {
                int n = await silent.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(0, n);
            }
            catch (SocketException)
            {
            }
        }
    }
}
