using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using ActionResult = DlmsDevice.Stack.Cosem.ActionResult;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>The standard event log: what is logged, with which code and time; the relay behind Disconnect control.</summary>
    public class MeterEngineEventTests
    {
        private static List<(string Time, int Code)> Events(MeterRig rig)
        {
            return MeterEngineProfileTests.Rows(rig.Engine.EventLog)
                .Select(r => (MeterEngineProfileTests.Cell(r, 0), (int)r.Items[1].ToInt64()))
                .ToList();
        }

        private static int[] Codes(MeterRig rig, int skip = 0)
        {
            return Events(rig).Skip(skip).Select(e => e.Code).ToArray();
        }

        [Fact]
        public void FirstStart_PowerUpLogged()
        {
            MeterRig rig = new MeterRig().Begin();

            Assert.Equal(new[] { (rig.DateTimeHex(MeterRig.Start.Ticks), 2) }, Events(rig));
            Assert.Equal("11 02", CosemTestKit.Get(rig.Engine.EventCode, 2));
            Assert.False(rig.Engine.RestoredFromStore);
            Assert.False(rig.Engine.CorruptionFound);
            Assert.Equal(MeterEngineProfileTests.N("01 02 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 02 04 12 0001 09 06 0000600B00FF 0F 02 12 0000"),
                CosemTestKit.Get(rig.Engine.EventLog, 3));
        }

        [Fact]
        public void TerminalCover_OpenAndClose_LoggedWithTheEdgeTimes()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Run(10);

            rig.Cover.Drive(true, MeterRig.At(10, 7, 5));
            rig.Run(1);
            rig.Cover.Drive(false, MeterRig.At(10, 7, 9));
            rig.Run(1);

            Assert.Equal(new[]
            {
                (rig.DateTimeHex(MeterRig.At(10, 7, 5)), 40),
                (rig.DateTimeHex(MeterRig.At(10, 7, 9)), 41),
            }, Events(rig).Skip(1));
        }

        [Fact]
        public void MagneticField_DetectedAndGone_LoggedAs42And43WithTheEdgeTimes()
        {
            FakeDigitalInput magnet = new FakeDigitalInput(3);
            MeterRig rig = new MeterRig(c => c.MagneticField = magnet).Begin();
            rig.Run(10);

            magnet.Drive(true, MeterRig.At(10, 7, 5));
            rig.Run(1);
            magnet.Drive(false, MeterRig.At(10, 7, 8));
            rig.Run(1);

            Assert.Equal(new[]
            {
                (rig.DateTimeHex(MeterRig.At(10, 7, 5)), 42),
                (rig.DateTimeHex(MeterRig.At(10, 7, 8)), 43),
            }, Events(rig).Skip(1));
        }

        [Fact]
        public void MagneticField_ActiveAtStart_LoggedAfterPowerUp()
        {
            FakeDigitalInput magnet = new FakeDigitalInput(3);
            magnet.Drive(true, MeterRig.Start.Ticks);
            MeterRig rig = new MeterRig(c => c.MagneticField = magnet).Begin();

            Assert.Equal(new[] { 2, 42 }, Codes(rig));
        }

        [Fact]
        public void PowerFail_Edges_PowerDownCheckpointedAtOnceThenPowerUp()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Pulse(3);
            rig.Run(1);
            long publishedBefore = rig.Engine.PublishedEnergyImportMilliWh;

            rig.PowerFail.Drive(true, rig.Clock.Utc);
            rig.Engine.Tick();
            long publishedAtPowerFail = rig.Engine.PublishedEnergyImportMilliWh;
            rig.Run(5);
            rig.PowerFail.Drive(false, rig.Clock.Utc);
            rig.Engine.Tick();

            Assert.Equal(0, publishedBefore);
            // 3 Wh are below the 10 Wh policy, but the power-fail signal saves them at once.
            Assert.Equal(3000, publishedAtPowerFail);
            Assert.Equal(new[] { 2, 1, 2 }, Codes(rig));
        }

        [Fact]
        public void PowerFailThenRestart_NoSecondPowerDown()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Run(5);
            rig.PowerFail.Drive(true, rig.Clock.Utc);
            rig.Engine.Tick();

            rig.Run(60);
            rig.Restart();

            // Power up, power down (signalled), power up after the restart: the power-down is not logged twice.
            Assert.Equal(new[] { 2, 1, 2 }, Codes(rig));
        }

        [Fact]
        public void Restart_WithoutWarning_PowerDownStampedWithTheLastCheckpoint()
        {
            MeterRig rig = new MeterRig(c => c.CheckpointIntervalSeconds = 60).Begin();
            rig.Pulse(1);
            rig.Run(60);    // a checkpoint at 10:08:00 (1 Wh counted within the interval)
            long lastCheckpoint = rig.Clock.Utc;
            rig.Run(30);

            rig.Restart();

            List<(string Time, int Code)> events = Events(rig);
            Assert.Equal(new[] { 2, 1, 2 }, events.Select(e => e.Code).ToArray());
            Assert.Equal(rig.DateTimeHex(lastCheckpoint), events[1].Time);
            Assert.Equal(rig.DateTimeHex(rig.Clock.Utc), events[2].Time);
        }

        [Theory]
        [InlineData(20000, 76)]   // 200 V < 207 V: under voltage L1
        [InlineData(26000, 79)]   // 260 V > 253 V: over voltage L1
        [InlineData(3000, 82)]    // 30 V < 46 V: missing voltage L1
        public void Voltage_OutOfRangeAndBack_EventsWithHysteresis(int raw, int code)
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Run(3);

            rig.Voltage.Raw = raw;
            rig.Run(3);
            rig.Voltage.Raw = raw < 23000 ? 20800 : 25200;   // back inside the band, but within 2 V of the threshold
            rig.Run(3);
            int whileHovering = Events(rig).Count;
            rig.Voltage.Raw = 23000;
            rig.Run(3);

            // Hovering within 2 V of the threshold is not "normal" yet; 230 V is.
            Assert.Equal(2, whileHovering);
            Assert.Equal(new[] { 2, code, 85 }, Codes(rig));
        }

        [Fact]
        public void Voltage_WhilePowerFailActive_NoVoltageEvents()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Run(2);
            rig.PowerFail.Drive(true, rig.Clock.Utc);

            rig.Voltage.Raw = 0;
            rig.Run(5);

            Assert.Equal(new[] { 2, 1 }, Codes(rig));
        }

        [Fact]
        public void RemoteDisconnectAndReconnect_Mode2_RelayFollowsAndEventsLogged()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Run(2);

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Engine.Disconnect, 1, "0F 00"));
            bool relayAfterDisconnect = rig.Relay.Level;
            string stateAfterDisconnect = CosemTestKit.Get(rig.Engine.Disconnect, 3);
            rig.Run(2);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Engine.Disconnect, 2, "0F 00"));

            Assert.False(relayAfterDisconnect);
            Assert.Equal("16 00", stateAfterDisconnect);
            Assert.True(rig.Relay.Level);
            Assert.Equal("16 01", CosemTestKit.Get(rig.Engine.Disconnect, 3));
            Assert.Equal(new[] { 2, 62, 63 }, Codes(rig));
        }

        [Fact]
        public void RemoteReconnect_Mode1_ReadyForManualReconnectionUntilTheButton()
        {
            MeterRig rig = new MeterRig(c => c.DisconnectControlMode = ControlMode.Mode1).Begin();
            CosemTestKit.Invoke(rig.Engine.Disconnect, 1, "0F 00");

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(rig.Engine.Disconnect, 2, "0F 00"));
            bool relayWhileReady = rig.Relay.Level;
            string stateWhileReady = CosemTestKit.Get(rig.Engine.Disconnect, 3);
            rig.Engine.Disconnect.ManualReconnect();

            Assert.False(relayWhileReady);
            Assert.Equal("16 02", stateWhileReady);
            Assert.True(rig.Relay.Level);
            Assert.Equal(new[] { 2, 62, 59, 61 }, Codes(rig));
        }

        [Fact]
        public void RemoteDisconnect_RelayStuck_HardwareFaultNoEventStateKept()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Relay.Stuck = true;

            Assert.Equal(ActionResult.HardwareFault, CosemTestKit.Invoke(rig.Engine.Disconnect, 1, "0F 00"));

            Assert.Equal(ControlState.Connected, rig.Engine.Disconnect.ControlState);
            Assert.Equal(new[] { 2 }, Codes(rig));
            rig.Restart();
            Assert.Equal(ControlState.Connected, rig.Engine.Disconnect.ControlState);
        }

        [Fact]
        public void Disconnected_Restart_StaysDisconnectedAndTheRelayIsDrivenOpen()
        {
            MeterRig rig = new MeterRig().Begin();
            CosemTestKit.Invoke(rig.Engine.Disconnect, 1, "0F 00");
            rig.Relay.Level = true;   // the relay forgot (e.g. a monostable relay after a reboot)

            rig.Restart();

            Assert.Equal(ControlState.Disconnected, rig.Engine.Disconnect.ControlState);
            Assert.False(rig.Engine.Disconnect.OutputState);
            Assert.False(rig.Relay.Level);
        }

        [Fact]
        public void EventLog_Wraps_KeepsTheNewestEntries()
        {
            MeterRig rig = new MeterRig(c => c.EventLogEntries = 4).Begin();

            for (int i = 0; i < 5; i++)
            {
                rig.Cover.Drive(i % 2 == 0, rig.Clock.Utc);
                rig.Run(1);
            }

            Assert.Equal(new[] { 41, 40, 41, 40 }, Codes(rig));
            Assert.Equal(6, rig.Engine.EventLog.CaptureCount);
            Assert.Equal(MeterEngineProfileTests.N("06 00000004"), CosemTestKit.Get(rig.Engine.EventLog, 7));
        }
    }
}
