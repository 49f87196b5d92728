using System;
using System.Linq;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Runtime
{
    /// <summary>
    /// The device runtime's entry point: the default meter built from settings, served through
    /// its channel slots by a host with one thread, allocation-free after warm-up.
    /// </summary>
    public class MeterDeviceTests
    {
        [Fact]
        public void Build_DeviceDefaults_OneSerialTwoWrapperSlotsAndEveryAssociation()
        {
            var rig = new DeviceRig(s => s.HdlcTcpChannels = 0);

            Assert.Equal(1, rig.Device.SerialChannels.Capacity);
            Assert.Equal(2, rig.Device.WrapperChannels.Capacity);
            Assert.Equal(0, rig.Device.HdlcChannels.Capacity);
            Assert.Equal(StoreStatus.Ok, rig.Device.CountersStatus);
            Assert.Equal(new[] { 16, 32, 48 }, Enumerable.Range(0, rig.Device.Model.Device.AssociationCount)
                .Select(i => rig.Device.Model.Device.GetAssociation(i).ClientSap).OrderBy(s => s).ToArray());
            Assert.Equal(120, rig.Device.Model.TcpUdpSetup.InactivityTimeOut);
        }

        [Fact]
        public void ServiceAll_OneThreadManyChannels_EachAnswered()
        {
            var rig = new DeviceRig();
            (DeviceChannel _, PipeChannel wrapper) = rig.Attach(ChannelKind.TcpWrapper);
            (DeviceChannel _, PipeChannel serial) = rig.Attach(ChannelKind.SerialHdlc);
            wrapper.Feed(DeviceRig.Wrapper(DeviceRig.AarqPublic));
            byte[] snrm = ClientFrame.Build(HdlcControl.SetNormalResponseMode);
            serial.Feed(snrm, 0, snrm.Length);

            rig.Device.ServiceAll(new byte[512]);

            Assert.Contains("A2 03 02 01 00", wrapper.Written.Single());
            Assert.Contains(" 73 ", serial.Written.Single()); // UA
        }

        [Fact]
        public void Tick_MovesTheEngine()
        {
            var rig = new DeviceRig();
            long before = rig.Device.Engine.LoadProfile.EntriesInUse;
            for (int i = 0; i < 20; i++)
            {
                rig.MeterClock.Advance(60_000);
                rig.Device.Tick();
            }

            Assert.True(rig.Device.Engine.LoadProfile.EntriesInUse > before); // a 15-minute boundary passed
        }

        /// <summary>
        /// The invocation counters of client 48 live in the meter's own store (record 2): a
        /// second start on the same medium continues beyond every value reserved before.
        /// </summary>
        [Fact]
        public void Restart_SameMedium_TransmitCounterContinuesBeyondTheReservation()
        {
            var medium = new MemoryStorageMedium(512, 1024);
            var first = new DeviceRig(medium: medium);
            Assert.True(first.Device.Model.SecurityCounters.TryNextTransmit(out uint used));
            long reserved = first.Device.Model.SecurityCounters.ReservedUntil;

            var second = new DeviceRig(medium: medium);

            Assert.Equal(StoreStatus.Ok, second.Device.CountersStatus);
            Assert.Equal(MeterPersistence.SecurityCountersRecord, second.Device.Model.SecurityCounters.RecordId);
            Assert.True(second.Device.Model.SecurityCounters.TryNextTransmit(out uint next));
            Assert.True(next >= reserved && next > used, next + " after " + used + " (reserved up to " + reserved + ")");
        }

        [Fact]
        public void Build_RegionSlotsTooSmallForTheLargestRecord_Refused()
        {
            var meterClock = new Meter.ManualClock(DeviceRig.Start);
            var small = new DlmsDevice.Hal.Storage.RegionStorageMedium(new MemoryRegions(), 256);
            var fits = new DlmsDevice.Hal.Storage.RegionStorageMedium(new MemoryRegions(), 768);

            Assert.Throws<ArgumentException>(() => new MeterDevice(new MeterDeviceSettings(), new DlmsDevice.Meter.MeterConfiguration(meterClock), small, null));
            Assert.Equal(StoreStatus.Ok, new MeterDevice(new MeterDeviceSettings(), new DlmsDevice.Meter.MeterConfiguration(meterClock), fits, null).CountersStatus);
        }

        private sealed class MemoryRegions : DlmsDevice.Hal.Storage.IRandomAccessFile
        {
            private byte[] _bytes = new byte[0];

            public int Read(long position, byte[] buffer, int offset, int count)
            {
                if (position >= _bytes.Length)
                {
                    return 0;
                }
                int n = (int)Math.Min(count, _bytes.Length - position);
                Array.Copy(_bytes, position, buffer, offset, n);
                return n;
            }

            public bool Write(long position, byte[] buffer, int offset, int count)
            {
                if (position + count > _bytes.Length)
                {
                    Array.Resize(ref _bytes, (int)(position + count));
                }
                Array.Copy(buffer, offset, _bytes, position, count);
                return true;
            }
        }

        [Fact]
        public void Build_WithoutMedium_CountersInRamAndEveryStartIsFirst()
        {
            var meterClock = new Meter.ManualClock(DeviceRig.Start);
            var device = new MeterDevice(new MeterDeviceSettings(), new DlmsDevice.Meter.MeterConfiguration(meterClock), null, null);

            Assert.Null(device.Store);
            Assert.Equal(StoreStatus.Ok, device.CountersStatus);
            Assert.True(device.Model.SecurityCounters.IsAvailable);
        }

        /// <summary>
        /// A whole wrapper session (AARQ, GETs, RLRQ) through the runtime: the slot, the link, the
        /// serialised session. After one warm-up session, further sessions allocate nothing.
        /// </summary>
        [Fact]
        public void Sessions_AfterWarmUp_AllocateNothing()
        {
            var rig = new DeviceRig();
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);
            pipe.Record = false;
            byte[] aarq = Hex.Parse(DeviceRig.Wrapper(DeviceRig.AarqPublic));
            byte[] get = Hex.Parse(DeviceRig.Wrapper(DeviceRig.GetEnergy));
            byte[] rlrq = Hex.Parse(DeviceRig.Wrapper(DeviceRig.Rlrq));
            byte[] buffer = new byte[512];

            void Session()
            {
                pipe.Feed(aarq, 0, aarq.Length);
                channel.Service(buffer, 0);
                for (int i = 0; i < 5; i++)
                {
                    pipe.Feed(get, 0, get.Length);
                    channel.Service(buffer, 0);
                }
                pipe.Feed(rlrq, 0, rlrq.Length);
                channel.Service(buffer, 0);
                rig.LinkClock.Advance(100);
                channel.Poll();
            }

            Session();
            int frames = pipe.Frames;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 0; s < 100; s++)
            {
                Session();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(7, frames);
            Assert.Equal(7 * 101, pipe.Frames);
            Assert.Equal(ChannelStatus.Open, channel.Poll());
            Assert.Equal(0, allocated);
        }
    }
}
