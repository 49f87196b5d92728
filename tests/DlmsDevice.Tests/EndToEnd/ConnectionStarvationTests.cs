using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// Connections that cannot lock the meter's clients out, over real sockets against the
    /// emulated default meter: idle connections give way to new ones, a wrapper connection closes
    /// after the TCP-UDP setup's inactivity_time_out, HDLC over TCP closes when the HDLC
    /// inactivity time-out ends the link, and a connection that never associates is closed.
    /// </summary>
    public sealed class ConnectionStarvationTests
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

        private static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint);
            return socket;
        }

        private static async Task AssertClosedByServerAsync(Socket socket)
        {
            // The server closes: a read returns 0 (FIN) or the connection is reset.
            try
            {
                int n = await socket.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(s_timeout);
                Assert.Equal(0, n);
            }
            catch (SocketException)
            {
            }
        }

        /// <summary>
        /// 300 clients connect and say nothing, far more than the meter's 64 wrapper slots. Each
        /// new one takes the slot of the oldest idle one, so the next real client still gets a slot
        /// and is associated and answered while every idle connection is still open (their
        /// association time-out is 60 s here: without eviction the client would be refused or wait
        /// for it). The bound is half that time-out, not a speed figure, so a loaded machine passes.
        /// </summary>
        [Fact]
        public async Task ThreeHundredIdleConnections_NewClientServedBeforeAnyIdleOneTimesOut()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.AssociationTimeoutSeconds = 60);
            IPEndPoint endPoint = meter.Emulator.WrapperEndPoint!;
            var idle = new List<Socket>();
            try
            {
                for (int i = 0; i < 300; i++)
                {
                    idle.Add(await ConnectAsync(endPoint));
                }
                // Every accept has been handled once the slots are full and the last idle connection holds one.
                Stopwatch settle = Stopwatch.StartNew();
                while (meter.Emulator.GetConnections().Length < 64 && settle.Elapsed < s_timeout)
                {
                    await Task.Delay(20);
                }
                Assert.Equal(64, meter.Emulator.GetConnections().Length);

                Stopwatch served = Stopwatch.StartNew();
                await using DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper);
                DlmsValue energy = await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"));
                served.Stop();

                Assert.True(energy.ToInt64() >= MeterHarness.InitialEnergyWh);
                Assert.True(served.Elapsed < TimeSpan.FromSeconds(30), "served after " + served.ElapsedMilliseconds + " ms");
                Assert.Equal(64, meter.Emulator.GetConnections().Length);
                Assert.Contains(meter.Logs.Lines, l => l.Contains("gave its slot to a newer connection"));
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
        public async Task EverySlotAssociated_NewConnectionRefused_AnAssociatedClientKeepsItsSlot()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.MaxConnections = 2);
            await using DlmsClient first = await meter.AssociateAsync(TransportKind.Wrapper);
            await using DlmsClient second = await meter.AssociateAsync(TransportKind.Wrapper);

            using Socket third = await ConnectAsync(meter.Emulator.WrapperEndPoint!);

            await AssertClosedByServerAsync(third);
            Assert.True((await first.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64() > 0);
            Assert.Contains(meter.Logs.Lines, l => l.Contains("Refused wrapper") && l.Contains("every slot holds an association"));
        }

        [Fact]
        public async Task Wrapper_SilentForTheInactivityTimeOut_ConnectionClosed()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.WrapperInactivityTimeoutSeconds = 1);
            await using DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper);
            using Socket silent = await ConnectAsync(meter.Emulator.WrapperEndPoint!);

            await AssertClosedByServerAsync(silent);
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await Task.Delay(1500);
                await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"));
            });
            Assert.Contains(meter.Logs.Lines, l => l.Contains("inactivity time-out"));
        }

        [Fact]
        public async Task HdlcOverTcp_HdlcInactivityTimeOut_ConnectionClosed()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.HdlcInactivityTimeoutSeconds = 1);
            await using DlmsClient client = await meter.AssociateAsync(TransportKind.Hdlc);
            Assert.True((await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64() > 0);

            Stopwatch watch = Stopwatch.StartNew();
            while (meter.Emulator.GetConnections().Length > 0 && watch.Elapsed < s_timeout)
            {
                await Task.Delay(50);
            }

            Assert.Empty(meter.Emulator.GetConnections());
            Assert.Contains(meter.Logs.Lines, l => l.Contains("ended: inactivity time-out"));
        }

        [Fact]
        public async Task Tcp_ConnectedButNeverAssociated_ClosedAfterTheAssociationTimeOut()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.AssociationTimeoutSeconds = 1);
            using Socket wrapper = await ConnectAsync(meter.Emulator.WrapperEndPoint!);
            using Socket hdlc = await ConnectAsync(meter.Emulator.HdlcEndPoint!);

            await AssertClosedByServerAsync(wrapper);
            await AssertClosedByServerAsync(hdlc);
            Stopwatch watch = Stopwatch.StartNew();
            while (meter.Logs.Lines.Count(l => l.Contains("ended: no association in time")) < 2 && watch.Elapsed < s_timeout)
            {
                await Task.Delay(20); // the worker logs after it closed the socket
            }
            Assert.Equal(2, meter.Logs.Lines.Count(l => l.Contains("ended: no association in time")));
        }
    }
}
