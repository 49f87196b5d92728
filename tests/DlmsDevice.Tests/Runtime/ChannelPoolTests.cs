using DlmsDevice.Runtime;

namespace DlmsDevice.Tests.Runtime
{
    /// <summary>The slots of an endpoint: a free slot first, then the oldest connection without an association gives way, never one with an association.</summary>
    public class ChannelPoolTests
    {
        [Fact]
        public void Accept_FreeSlot_TakenWithoutEviction()
        {
            var rig = new DeviceRig();
            var pipe = new PipeChannel();

            DeviceChannel? channel = rig.Device.WrapperChannels.Accept(pipe, out bool evicted);

            Assert.NotNull(channel);
            Assert.False(evicted);
            Assert.Same(pipe, channel!.Connection);
            Assert.Equal(1, rig.Device.WrapperChannels.AttachedCount);
        }

        [Fact]
        public void Accept_EverySlotTaken_OldestWithoutAssociationGivesWay()
        {
            var rig = new DeviceRig(); // two wrapper slots
            ChannelPool pool = rig.Device.WrapperChannels;
            var first = new PipeChannel();
            var second = new PipeChannel();
            DeviceChannel? a = pool.Accept(first, out _);
            rig.LinkClock.Advance(1000);
            DeviceChannel? b = pool.Accept(second, out _);
            rig.LinkClock.Advance(1000);

            var third = new PipeChannel();
            DeviceChannel? c = pool.Accept(third, out bool evicted);

            Assert.True(evicted);
            Assert.Same(a, c);
            Assert.True(first.Closed);
            Assert.False(second.Closed);
            Assert.Equal(CloseReason.Evicted, a!.LastCloseReason);
            Assert.Same(third, c!.Connection);
            Assert.Same(second, b!.Connection);
        }

        [Fact]
        public void Accept_OlderConnectionAssociated_TheNewerUnassociatedOneGivesWay()
        {
            var rig = new DeviceRig();
            ChannelPool pool = rig.Device.WrapperChannels;
            var associatedPipe = new PipeChannel();
            DeviceChannel? associated = pool.Accept(associatedPipe, out _);
            DeviceRig.AssociatePublic(associated!, associatedPipe);
            rig.LinkClock.Advance(1000);
            var idle = new PipeChannel();
            DeviceChannel? idleChannel = pool.Accept(idle, out _);

            DeviceChannel? newest = pool.Accept(new PipeChannel(), out bool evicted);

            Assert.True(evicted);
            Assert.Same(idleChannel, newest);
            Assert.True(idle.Closed);
            Assert.False(associatedPipe.Closed);
            Assert.True(associated!.IsAssociated);
        }

        [Fact]
        public void Accept_EverySlotAssociated_Refused()
        {
            var rig = new DeviceRig();
            ChannelPool pool = rig.Device.WrapperChannels;
            for (int i = 0; i < pool.Capacity; i++)
            {
                var pipe = new PipeChannel();
                DeviceRig.AssociatePublic(pool.Accept(pipe, out _)!, pipe);
            }

            DeviceChannel? refused = pool.Accept(new PipeChannel(), out bool evicted);

            Assert.Null(refused);
            Assert.False(evicted);
            Assert.Equal(pool.Capacity, pool.AttachedCount);
        }

        [Fact]
        public void CloseAll_ClosesEveryStream()
        {
            var rig = new DeviceRig();
            ChannelPool pool = rig.Device.WrapperChannels;
            var a = new PipeChannel();
            var b = new PipeChannel();
            pool.Accept(a, out _);
            pool.Accept(b, out _);

            pool.CloseAll();

            Assert.True(a.Closed);
            Assert.True(b.Closed);
            Assert.Equal(0, pool.AttachedCount);
        }
    }
}
