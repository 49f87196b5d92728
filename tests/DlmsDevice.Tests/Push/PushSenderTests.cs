using System;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Runtime;
using DlmsDevice.Tests.Support;
using CosemDateTime = DlmsDevice.Stack.Axdr.CosemDateTime;

namespace DlmsDevice.Tests.Push
{
    /// <summary>
    /// The device runtime's push sender on the default meter (<see cref="PushModel"/>) over a
    /// simulated network: what a push carries, ciphering and counters across pushes and restarts,
    /// retries, giving up, windows, the random start delay, HDLC, and zero allocation.
    /// </summary>
    public class PushSenderTests
    {
        private static readonly byte[] OwnEk = Convert.FromHexString("101112131415161718191A1B1C1D1E1F");
        private static readonly byte[] OwnAk = Convert.FromHexString("202122232425262728292A2B2C2D2E2F");

        private static (DeviceRig Rig, SimulatedOutboundTransport Network) Meter(Action<PushModelSettings>? configure = null, MemoryStorageMedium? medium = null)
        {
            var network = new SimulatedOutboundTransport(64, 2048);
            var push = new PushModelSettings { Destination = "127.0.0.1:4070", NumberOfRetries = 2, RepetitionDelay = 30 };
            configure?.Invoke(push);
            var rig = new DeviceRig(s =>
            {
                s.Push = push;
                s.PushTransport = network;
            }, medium);
            return (rig, network);
        }

        private static DataNotification Decode(byte[] frame, byte[]? ek = null, byte[]? ak = null)
        {
            Assert.Equal("00 01 00 01 00 01", Hex.Format(frame, 0, 6)); // version 1, meter wPort 1, push client wPort 1
            Assert.Equal(frame.Length - 8, (frame[6] << 8) | frame[7]);
            return DataNotification.Decode(frame.AsSpan(8), ek ?? DlmsSecurityOptions.TestBlockCipherKey.ToArray(), ak ?? DlmsSecurityOptions.TestAuthenticationKey.ToArray());
        }

        [Fact]
        public void Push_Requested_OneWrapperFrameWithTheObjectsValuesAndTheMeterTime()
        {
            var (rig, network) = Meter();
            rig.MeterClock.Advance(3_600_000);

            rig.Device.PushSetup.RequestPush();
            rig.Device.Tick();

            Assert.Equal(1, network.FramesSent);
            Assert.Equal("Tcp", network.LastProtocol.ToString());
            Assert.Equal("127.0.0.1:4070", network.LastDestination);
            DataNotification n = Decode(network.GetFrame(0));
            Assert.Null(n.SecurityControl);
            Assert.Equal(1u, n.InvokeId);
            Assert.Equal("2026-12-01T01:00:00Z", n.DateTime!.ToString());
            var body = n.Body.Items;
            Assert.Equal(6, body.Count);
            Assert.Equal("0000190900FF", Convert.ToHexString(body[0].Bytes));            // the push setup: which push this is
            Assert.Equal("0000000000001", body[1].Text); // serial number
            Assert.Equal("2026-12-01T01:00:00Z", DlmsDevice.Client.CosemDateTime.FromBytes(body[2].Bytes).ToString());
            Assert.Equal(rig.Device.Engine.ActiveEnergyImport.Value.Integer, body[3].ToInt64());
            Assert.Equal(MeterAlarm.PowerUp, (uint)body[5].ToInt64()); // alarm register: the power-up of this start
            Assert.Equal(1, rig.Device.GetPushSender(0).Delivered);
            Assert.Equal(PushState.Idle, rig.Device.GetPushSender(0).State);
            Assert.Equal(1, network.Closes);
        }

        [Fact]
        public void Push_SecondRequest_NextInvokeId()
        {
            var (rig, network) = Meter();

            for (int i = 0; i < 3; i++)
            {
                rig.Device.PushSetup.RequestPush();
                rig.Device.Tick();
            }

            Assert.Equal(new uint[] { 1, 2, 3 }, Enumerable.Range(0, 3).Select(i => Decode(network.GetFrame(i)).InvokeId).ToArray());
        }

        [Fact]
        public void Push_NoRequestAndNoAlertPush_NothingSent()
        {
            var (rig, network) = Meter(p => p.OnAlarm = false);

            rig.Device.Tick();
            rig.Device.Tick();

            Assert.Equal(0, network.Opens);
        }

        /// <summary>
        /// The alert push: the power-up alarm this start raised (it passes the default filter)
        /// asks for a push before any client does; the notification carries the alarm register.
        /// Alarms while that push waits are merged into it: one push, not two.
        /// </summary>
        [Fact]
        public void AlertPush_PowerUpAlarm_OnePushWithTheAlarmRegister()
        {
            var (rig, network) = Meter();

            rig.Device.Tick();
            rig.Device.Tick();

            Assert.Equal(1, network.FramesSent);
            DataNotification n = Decode(network.GetFrame(0));
            Assert.Equal(MeterAlarm.PowerUp, (uint)n.Body.Items[5].ToInt64());
            Assert.Equal(MeterAlarm.PowerUp, rig.Device.Engine.Alarms.RegisterBits);
        }

        /// <summary>
        /// Ciphered with client 48's Security setup: the push takes that setup's transmit counter,
        /// so its values never repeat across pushes, the management association's own APDUs, or a
        /// restart (the counter is reserved ahead in record 2 of the meter's store).
        /// </summary>
        [Fact]
        public void Push_CipheredWithTheManagementKeys_CountersStrictlyIncreaseAcrossPushesAndRestart()
        {
            var medium = new MemoryStorageMedium(512, 1024);
            var (rig, network) = Meter(p => p.Ciphered = true, medium);
            uint last = 0;
            for (int i = 0; i < 3; i++)
            {
                rig.Device.PushSetup.RequestPush();
                rig.Device.Tick();
                DataNotification n = Decode(network.GetFrame(i));
                Assert.Equal((byte)0x30, n.SecurityControl);
                Assert.Equal(Convert.ToHexString(rig.Device.Model.SecurityProfile.ServerSystemTitle), Convert.ToHexString(n.SystemTitle!));
                Assert.True(i == 0 || n.InvocationCounter > last, n.InvocationCounter + " after " + last);
                last = n.InvocationCounter!.Value;
            }
            // A response to client 48 would take the next value: the push shares the counter.
            Assert.True(rig.Device.Model.SecurityCounters.TryNextTransmit(out uint management));
            Assert.True(management > last);
            long reserved = rig.Device.Model.SecurityCounters.ReservedUntil;

            // Power loss: a new meter on the same medium.
            var (restarted, network2) = Meter(p => p.Ciphered = true, medium);
            restarted.Device.PushSetup.RequestPush();
            restarted.Device.Tick();

            DataNotification after = Decode(network2.GetFrame(0));
            Assert.True(after.InvocationCounter >= reserved && after.InvocationCounter > management, after.InvocationCounter + " after " + management + " (reserved up to " + reserved + ")");
        }

        /// <summary>
        /// Keys of its own: the push gets its own Security setup (0.0.43.0.4.255) and its own transmit
        /// counter, persisted in a record after the engine's; the management counter does not move.
        /// </summary>
        [Fact]
        public void Push_OwnKeys_OwnCounterPersistedInItsOwnRecord()
        {
            var medium = new MemoryStorageMedium(512, 1024);
            void OwnKeys(PushModelSettings p)
            {
                p.Ciphered = true;
                p.BlockCipherKey = OwnEk;
                p.AuthenticationKey = OwnAk;
            }
            var (rig, network) = Meter(OwnKeys, medium);
            uint managementNext = rig.Device.Model.SecurityCounters.NextTransmit;
            rig.Device.PushSetup.RequestPush();
            rig.Device.Tick();
            rig.Device.PushSetup.RequestPush();
            rig.Device.Tick();

            DataNotification first = Decode(network.GetFrame(0), OwnEk, OwnAk);
            DataNotification second = Decode(network.GetFrame(1), OwnEk, OwnAk);
            Assert.Equal(0u, first.InvocationCounter);
            Assert.Equal(1u, second.InvocationCounter);
            Assert.Equal(managementNext, rig.Device.Model.SecurityCounters.NextTransmit);
            Assert.Throws<DlmsSecurityException>(() => Decode(network.GetFrame(0))); // not under client 48's keys
            Assert.NotNull(rig.Device.Model.Device.Find(CosemClassId.SecuritySetup, PushModel.PushSecuritySetupName));
            Assert.Equal(rig.Device.Engine.RequiredRecordCount, rig.Device.PushSetup.Security.Counters.RecordId);
            Assert.Equal(StoreStatus.Ok, rig.Device.PushCountersStatus);

            var (restarted, network2) = Meter(OwnKeys, medium);
            restarted.Device.PushSetup.RequestPush();
            restarted.Device.Tick();

            Assert.True(Decode(network2.GetFrame(0), OwnEk, OwnAk).InvocationCounter >= 1024);
        }

        /// <summary>
        /// The push's own counter record lives after the engine's records, so a new layout moves
        /// it: a restart that finds the meter's state but not that record must not start the
        /// counter again at 0 under the same key and system title. Protected pushes stay off.
        /// </summary>
        [Fact]
        public void Push_OwnKeys_CounterRecordMissingWhileTheMeterHasState_NoProtectedPush()
        {
            var medium = new MemoryStorageMedium(512, 1024);
            void OwnKeys(PushModelSettings p)
            {
                p.Ciphered = true;
                p.BlockCipherKey = OwnEk;
                p.AuthenticationKey = OwnAk;
            }
            var (rig, network) = Meter(OwnKeys, medium);
            rig.Device.PushSetup.RequestPush();
            rig.Device.Tick();
            Assert.Equal(1, network.FramesSent);
            int record = rig.Device.PushSetup.Security.Counters.RecordId;
            medium.EraseSlot(record, 0);
            medium.EraseSlot(record, 1);

            var (restarted, network2) = Meter(OwnKeys, medium);
            Assert.True(restarted.Device.Engine.RestoredFromStore);
            Assert.Equal(StoreStatus.InvalidRecord, restarted.Device.PushCountersStatus);
            Assert.False(restarted.Device.PushSetup.Security.Counters.IsAvailable);
            restarted.Device.PushSetup.RequestPush();
            restarted.Device.Tick();
            restarted.Device.Tick();
            Assert.Equal(0, network2.FramesSent);
        }

        [Fact]
        public void Build_OwnKeysEqualToTheManagementKey_Refused()
        {
            Assert.Throws<ArgumentException>(() => Meter(p =>
            {
                p.Ciphered = true;
                p.BlockCipherKey = DefaultMeterModelSettings.TestBlockCipherKey;
                p.AuthenticationKey = OwnAk;
            }));
        }

        [Fact]
        public void Push_DestinationDown_RetriedEveryRepetitionDelayThenDelivered()
        {
            var (rig, network) = Meter(p => { p.NumberOfRetries = 2; p.RepetitionDelay = 30; });
            PushSender sender = rig.Device.GetPushSender(0);
            network.Reachable = false;

            rig.Device.PushSetup.RequestPush();
            rig.Device.Tick();
            Assert.Equal(PushState.RetryWait, sender.State);
            Assert.Equal(1, sender.Attempts);

            rig.LinkClock.Advance(29_999);
            rig.Device.Tick();
            Assert.Equal(1, sender.Attempts);

            rig.LinkClock.Advance(1);
            rig.Device.Tick();
            Assert.Equal(2, sender.Attempts);
            Assert.Equal(PushState.RetryWait, sender.State);

            network.Reachable = true;
            rig.LinkClock.Advance(30_000);
            rig.Device.Tick();

            Assert.Equal(3, sender.Attempts);
            Assert.Equal(1, sender.Delivered);
            Assert.Equal(0, sender.GivenUp);
            Assert.Equal(1, network.FramesSent);
            Assert.Equal(1u, Decode(network.GetFrame(0)).InvokeId); // the same notification, not a new one
        }

        /// <summary>
        /// A destination that never answers (the TCP connect stays pending): every tick returns at
        /// once, a client is served meanwhile, and after the retries the push is given up.
        /// </summary>
        [Fact]
        public void Push_DestinationNeverAnswers_GivenUpWithoutHoldingUpTheMeter()
        {
            var (rig, network) = Meter(p => { p.NumberOfRetries = 1; p.RepetitionDelay = 5; });
            PushSender sender = rig.Device.GetPushSender(0);
            network.ConnectPolls = int.MaxValue;
            (DeviceChannel channel, PipeChannel pipe) = rig.Attach(ChannelKind.TcpWrapper);
            DeviceRig.AssociatePublic(channel, pipe);

            rig.Device.PushSetup.RequestPush();
            for (int second = 0; second < 40 && sender.GivenUp == 0; second++)
            {
                rig.Device.Tick();
                Assert.True(sender.GivenUp == 1 || sender.State != PushState.Idle);
                pipe.Feed(DeviceRig.Wrapper(DeviceRig.GetEnergy));
                channel.Service(new byte[512], 0);
                Assert.Contains("C4 01 C1 00", pipe.Written.Last()); // answered while the push waits
                rig.LinkClock.Advance(1000);
            }

            Assert.Equal(1, sender.GivenUp);
            Assert.Equal(2, sender.Attempts);
            Assert.Equal(0, network.FramesSent);
            Assert.Equal(PushState.Idle, sender.State);
            // Two connect time-outs (10 s) and one repetition delay (5 s).
            Assert.InRange(rig.LinkClock.Mono, 25_000, 27_000);
        }

        [Fact]
        public void Push_UnsupportedDestination_GivenUpAtOnce()
        {
            var (rig, network) = Meter(p => p.Destination = "meter.example:4070");
            rig.Device.PushSetup.RequestPush();

            rig.Device.Tick();

            Assert.Equal(1, rig.Device.GetPushSender(0).GivenUp);
            Assert.Equal(0, network.FramesSent);
        }

        [Fact]
        public void Push_WindowClosed_NoPushUntilTheWindowOpens()
        {
            var (rig, network) = Meter();
            // Daily 11:00 .. 12:00; the meter clock reads 00:00.
            rig.Device.PushSetup.AddWindow(CosemDateTime.FromBytes(Hex.Parse("FFFF FF FF FF 0B 00 00 FF 8000 FF"), 0), CosemDateTime.FromBytes(Hex.Parse("FFFF FF FF FF 0C 00 00 FF 8000 FF"), 0));
            rig.Device.PushSetup.RequestPush();

            for (int hour = 0; hour < 11; hour++)
            {
                rig.Device.Tick();
                Assert.Equal(0, network.Opens);
                Assert.Equal(PushState.WaitingForWindow, rig.Device.GetPushSender(0).State);
                rig.MeterClock.Advance(3_600_000);
            }
            rig.Device.Tick();

            Assert.Equal(1, network.FramesSent);
            Assert.Equal("2026-12-01T11:00:00Z", Decode(network.GetFrame(0)).DateTime!.ToString());
        }

        [Fact]
        public void Push_RandomisationStartInterval_StartsWithinTheInterval()
        {
            var (rig, network) = Meter(p => p.RandomisationStartInterval = 60);
            rig.Device.PushSetup.RequestPush();
            int seconds = 0;
            rig.Device.Tick();
            while (network.FramesSent == 0 && seconds <= 61)
            {
                Assert.Equal(PushState.Delaying, rig.Device.GetPushSender(0).State);
                rig.LinkClock.Advance(1000);
                seconds++;
                rig.Device.Tick();
            }

            Assert.Equal(1, network.FramesSent);
            Assert.InRange(seconds, 1, 60); // the seeded entropy gives a delay, at most the interval
        }

        [Fact]
        public void Push_Udp_OneDatagram()
        {
            var (rig, network) = Meter(p => p.Transport = PushSetup.TransportService.Udp);
            rig.Device.PushSetup.RequestPush();

            rig.Device.Tick();

            Assert.Equal("Udp", network.LastProtocol.ToString());
            Assert.Equal(1u, Decode(network.GetFrame(0)).InvokeId);
        }

        /// <summary>transport_service HDLC: a UI frame (IEC 62056-46, control 13) on the meter's serial line, LLC E6 E7 00.</summary>
        [Fact]
        public void Push_Hdlc_UiFrameOnTheSerialLine()
        {
            var (rig, network) = Meter(p => { p.Transport = PushSetup.TransportService.Hdlc; p.Destination = ""; });
            (DeviceChannel _, PipeChannel serial) = rig.Attach(ChannelKind.SerialHdlc);
            rig.Device.PushSetup.RequestPush();

            rig.Device.Tick();

            Assert.Equal(0, network.Opens);
            byte[] bytes = Hex.Parse(serial.Written.Single());
            Assert.Equal(HdlcParseStatus.Frame, HdlcFrame.TryParse(bytes, out HdlcFrame? frame, out _));
            Assert.Equal(0x03, frame!.ControlWithoutPollFinal); // UI (IEC 62056-46 1100 P/F 0000)
            Assert.Equal(new byte[] { 0x03 }, frame.Destination);                // client address 1
            Assert.Equal("E6 E7 00 0F", Hex.Format(frame.Information, 0, 4));
            Assert.Equal(1u, DataNotification.Decode(frame.Information.AsSpan(3)).InvokeId);
        }

        [Fact]
        public void Push_HdlcWithoutASerialLine_GivenUp()
        {
            var (rig, _) = Meter(p => { p.Transport = PushSetup.TransportService.Hdlc; p.NumberOfRetries = 0; });
            rig.Device.PushSetup.RequestPush();

            rig.Device.Tick();

            Assert.Equal(1, rig.Device.GetPushSender(0).GivenUp);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Push_AfterWarmUp_BuildAndSendAllocateNothing(bool ciphered)
        {
            var (rig, network) = Meter(p => p.Ciphered = ciphered);
            PushSetup push = rig.Device.PushSetup;
            push.RequestPush();
            rig.Device.ServicePushes();

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                push.RequestPush();
                rig.Device.ServicePushes();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(201, network.FramesSent);
            Assert.Equal(0, allocated);
        }
    }
}
