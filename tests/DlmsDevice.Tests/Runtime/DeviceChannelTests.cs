using System.Linq;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Hdlc;

namespace DlmsDevice.Tests.Runtime
{
    /// <summary>
    /// One channel of the device runtime: requests in, answers out on the attached stream, and
    /// the rules for closing it (peer gone, wrapper and HDLC inactivity on TCP, no association in
    /// time, a broken wrapper stream), with the serial line kept open.
    /// </summary>
    public class DeviceChannelTests
    {
        private static readonly byte[] s_buffer = new byte[2048];

        [Fact]
        public void Wrapper_AarqThenGet_AnsweredOnTheAttachedStream()
        {
            var rig = new DeviceRig();
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);

            DeviceRig.AssociatePublic(channel, pipe);
            pipe.Feed(DeviceRig.Wrapper(DeviceRig.GetEnergy));
            Assert.Equal(ChannelStatus.Open, channel.Service(s_buffer, 0));

            Assert.Equal(2, pipe.Written.Count);
            Assert.StartsWith("00 01 00 01 00 10 ", pipe.Written[0]);            // wPort 1 -> 16
            Assert.Contains("A2 03 02 01 00", pipe.Written[0]);                   // AARE result accepted
            Assert.StartsWith("00 01 00 01 00 10 00 09 C4 01 C1 00 06", pipe.Written[1]); // the energy register, double-long-unsigned
        }

        [Fact]
        public void Wrapper_NoByteForTheInactivityTimeOut_ClosesTheConnection()
        {
            var rig = new DeviceRig(); // TCP-UDP setup inactivity_time_out 120 s (the model's default)
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);
            DeviceRig.AssociatePublic(channel, pipe);

            rig.LinkClock.Advance(119_999);
            Assert.Equal(ChannelStatus.Open, channel.Poll());
            rig.LinkClock.Advance(1);

            Assert.Equal(ChannelStatus.Closed, channel.Poll());
            Assert.Equal(CloseReason.Inactivity, channel.LastCloseReason);
            Assert.True(pipe.Closed);
            Assert.False(channel.IsAttached);
            Assert.False(channel.Session.IsAssociated);
        }

        [Fact]
        public void TcpHdlc_HdlcInactivityTimeOut_ClosesTheConnection()
        {
            var rig = new DeviceRig(); // IEC HDLC setup inactivity_time_out 120 s
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpHdlc);
            pipe.Feed(ClientFrame.Build(HdlcControl.SetNormalResponseMode), 0, ClientFrame.Build(HdlcControl.SetNormalResponseMode).Length);
            Assert.Equal(ChannelStatus.Open, channel.Service(s_buffer, 0));
            Assert.Single(pipe.Written); // UA

            rig.LinkClock.Advance(120_000);

            Assert.Equal(ChannelStatus.Closed, channel.Poll());
            Assert.Equal(CloseReason.Inactivity, channel.LastCloseReason);
            Assert.True(pipe.Closed);
        }

        [Fact]
        public void SerialHdlc_HdlcInactivityTimeOut_EndsTheLinkButKeepsTheLine()
        {
            var rig = new DeviceRig();
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.SerialHdlc);
            byte[] snrm = ClientFrame.Build(HdlcControl.SetNormalResponseMode);
            pipe.Feed(snrm, 0, snrm.Length);
            channel.Service(s_buffer, 0);
            var link = (HdlcServerLink)channel.Link;
            Assert.True(link.IsConnected);

            rig.LinkClock.Advance(120_000);

            Assert.Equal(ChannelStatus.Open, channel.Poll());
            Assert.False(link.IsConnected);
            Assert.False(pipe.Closed);
            pipe.Feed(snrm, 0, snrm.Length); // the next client connects on the same line
            Assert.Equal(ChannelStatus.Open, channel.Service(s_buffer, 0));
            Assert.True(link.IsConnected);
            Assert.Equal(2, pipe.Written.Count(f => f.Contains(" 73 "))); // UA twice
        }

        [Fact]
        public void Tcp_NoAssociationWithinTheAssociationTimeOut_Closed()
        {
            var rig = new DeviceRig(s => s.AssociationTimeoutSeconds = 10);
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);

            rig.LinkClock.Advance(9_999);
            Assert.Equal(ChannelStatus.Open, channel.Poll());
            rig.LinkClock.Advance(1);

            Assert.Equal(ChannelStatus.Closed, channel.Poll());
            Assert.Equal(CloseReason.NoAssociation, channel.LastCloseReason);
            Assert.True(pipe.Closed);
        }

        [Fact]
        public void Tcp_AssociatedInTime_OpenLongAfterTheAssociationTimeOut()
        {
            var rig = new DeviceRig(s => s.AssociationTimeoutSeconds = 10);
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);
            rig.LinkClock.Advance(5_000);
            DeviceRig.AssociatePublic(channel, pipe);

            for (int i = 0; i < 10; i++)
            {
                rig.LinkClock.Advance(10_000);
                pipe.Feed(DeviceRig.Wrapper(DeviceRig.GetEnergy));
                Assert.Equal(ChannelStatus.Open, channel.Service(s_buffer, 0));
            }
            Assert.True(channel.IsAssociated);
        }

        [Fact]
        public void Serial_NoAssociation_NeverClosedByTheAssociationTimeOut()
        {
            var rig = new DeviceRig(s => s.AssociationTimeoutSeconds = 10);
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.SerialHdlc);

            rig.LinkClock.Advance(3_600_000);

            Assert.Equal(ChannelStatus.Open, channel.Poll());
            Assert.False(pipe.Closed);
        }

        [Fact]
        public void Wrapper_BadVersion_ClosedAsBroken()
        {
            var rig = new DeviceRig();
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);
            pipe.Feed("00 02 00 10 00 01 00 03 C0 01 C1");

            Assert.Equal(ChannelStatus.Closed, channel.Service(s_buffer, 0));
            Assert.Equal(CloseReason.Broken, channel.LastCloseReason);
            Assert.Empty(pipe.Written);
        }

        [Fact]
        public void Service_PeerClosed_ClosesTheSlotAndEndsTheAssociation()
        {
            var rig = new DeviceRig();
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);
            DeviceRig.AssociatePublic(channel, pipe);

            pipe.PeerClosed = true;

            Assert.Equal(ChannelStatus.Closed, channel.Service(s_buffer, 0));
            Assert.Equal(CloseReason.ClosedByPeer, channel.LastCloseReason);
            Assert.False(channel.Session.IsAssociated);
            Assert.False(channel.IsAttached);
        }

        [Fact]
        public void Close_ByTheHost_ThenTheSlotServesTheNextConnectionFromScratch()
        {
            var rig = new DeviceRig();
            (DeviceChannel channel, PipeChannel first) = rig.Attach(ChannelKind.TcpWrapper);
            DeviceRig.AssociatePublic(channel, first);
            int generation = channel.Generation;

            channel.Close(CloseReason.Host);
            var second = new PipeChannel();
            Assert.True(channel.Attach(second));

            Assert.True(first.Closed);
            Assert.Equal(CloseReason.Host, channel.LastCloseReason);
            Assert.Equal(generation + 2, channel.Generation);
            Assert.False(channel.IsAssociated);            // the new stream starts without one
            second.Feed(DeviceRig.Wrapper(DeviceRig.GetEnergy));
            channel.Service(s_buffer, 0);
            Assert.Equal("00 01 00 01 00 10 00 03 D8 01 01", second.Written.Single()); // GET before AARQ: service-not-allowed
        }

        [Fact]
        public void Attach_SlotInUse_Refused()
        {
            var rig = new DeviceRig();
            (DeviceChannel channel, PipeChannel _) = rig.Attach(ChannelKind.TcpWrapper);

            Assert.False(channel.Attach(new PipeChannel()));
        }
    }
}
