using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Meter;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// What the meter pushes on its own, to a head-end on this machine over TCP: a register
    /// monitor's threshold crossing raises its alarm bit and the alert push carries it (issue 12:
    /// "event, alarm bit, push"), and the push single action schedule 0.0.15.0.4.255 pushes at
    /// minute 0 of every hour through the push script table, which finds the push setup the device
    /// adds after the model. Without a push destination there is no push schedule.
    /// </summary>
    public sealed class AutomationPushEndToEndTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        private static MeterHarness Meter(HeadEnd headEnd)
        {
            return MeterHarness.Start(meter: s =>
            {
                s.Push = DefaultMeterSettings.ParsePushTo("127.0.0.1:" + headEnd.Port.ToString(CultureInfo.InvariantCulture), out string? problem)
                    ?? throw new ArgumentException(problem);
                s.Push.RepetitionDelay = 1;
            });
        }

        private static async Task<DataNotification> NextPush(MeterHarness meter, BlockingCollection<ReceivedApdu> received)
        {
            DateTime end = DateTime.UtcNow + Patience;
            while (received.Count == 0 && DateTime.UtcNow < end)
            {
                meter.Meter.Tick();
                await Task.Delay(20);
            }
            Assert.True(received.Count > 0, "no push; delivered " + meter.Meter.PushSender!.Delivered + ", attempts " + meter.Meter.PushSender.Attempts);
            return DataNotification.Decode(received.Take().Apdu, null, null);
        }

        /// <summary>
        /// The management client (48) lowers the current monitor's threshold to half the current
        /// flowing, opens the supply and closes it again: the current falls under the threshold
        /// (the down script's event, no alarm) and comes back over it (the up script's event and
        /// the over-current bit); the head-end receives a push whose alarm register has bit 5.
        /// </summary>
        [Fact]
        public async Task MonitorCrossing_ThresholdSetByClient48_HeadEndReceivesTheOverCurrentBit()
        {
            await using var headEnd = new HeadEnd();
            using MeterHarness meter = Meter(headEnd);
            DataNotification powerUp = await NextPush(meter, headEnd.Received);
            Assert.Equal((long)MeterAlarm.PowerUp, powerUp.Body.Items[^1].ToInt64());

            meter.Meter.Advance(TimeSpan.FromSeconds(10));              // the current's first window mean
            await using DlmsClient client = await meter.ConnectAsync(SecureClientLibraryTests.Management(meter, TransportKind.Wrapper, CipheringKind.GeneralGlo));
            await client.AssociateAsync();
            long current = (await client.GetAsync(CosemAttribute.Parse("1.0.31.7.0.255:3:2"))).ToInt64();
            Assert.True(current >= 2, current + " (0.01 A)");
            await client.SetAsync(CosemAttribute.Parse("0.0.16.0.0.255:21:2"), DlmsValue.Array(DlmsValue.LongUnsigned((ushort)(current / 2))));
            meter.Meter.Advance(TimeSpan.FromSeconds(5));

            await client.ActionAsync(CosemMethod.Parse("0.0.96.3.10.255:70:1"), DlmsValue.Integer(0));    // remote_disconnect
            meter.Meter.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0u, meter.Meter.Engine.Alarms.RegisterBits & MeterAlarm.OverCurrent);
            Assert.Empty(headEnd.Received);
            await client.ActionAsync(CosemMethod.Parse("0.0.96.3.10.255:70:2"), DlmsValue.Integer(0));    // remote_reconnect
            meter.Meter.Advance(TimeSpan.FromMinutes(1));

            DataNotification alarm = await NextPush(meter, headEnd.Received);
            uint bits = (uint)alarm.Body.Items[^1].ToInt64();
            Assert.Equal(MeterAlarm.OverCurrent, bits & MeterAlarm.OverCurrent);
            Assert.Equal(0u, bits & MeterAlarm.FraudAttempt);
            Assert.Equal(2u, alarm.InvokeId);
            DefaultMeterModel model = (DefaultMeterModel)meter.Meter.Model;
            Assert.Equal(0, model.Engine.Automation.Runner.FailedActions);
            await client.ReleaseAsync();
        }

        /// <summary>
        /// With --push-to the push schedule exists: an hour of simulated time from 10:00:00 runs it
        /// at 11:00 (its script invokes push of 0.0.25.9.0.255, found although the device added
        /// the push setup after the model), and the head-end receives the push stamped 11:00.
        /// </summary>
        [Fact]
        public async Task PushSchedule_SimulatedClockPastTheHour_HeadEndReceivesThePush()
        {
            await using var headEnd = new HeadEnd();
            using MeterHarness meter = Meter(headEnd);
            await NextPush(meter, headEnd.Received);                  // the power-up alarm
            DefaultMeterModel model = (DefaultMeterModel)meter.Meter.Model;
            Assert.NotNull(model.PushSchedule);
            Assert.NotNull(model.PushScripts);
            int executions = model.Engine.Automation.ScheduleExecutions;

            meter.Meter.Advance(TimeSpan.FromMinutes(59));
            Assert.Equal(executions, model.Engine.Automation.ScheduleExecutions);
            Assert.Empty(headEnd.Received);
            meter.Meter.Advance(TimeSpan.FromMinutes(2));

            DataNotification hourly = await NextPush(meter, headEnd.Received);
            Assert.Equal(executions + 1, model.Engine.Automation.ScheduleExecutions);
            Assert.Equal(0, model.Engine.Automation.Runner.FailedActions);
            Assert.Equal(2u, hourly.InvokeId);
            Assert.Equal("2026-11-25T11:00:00Z", hourly.DateTime!.ToString());
            Assert.Empty(headEnd.Received);
        }

        [Fact]
        public void NoPushDestination_NoPushScheduleObject()
        {
            using MeterHarness meter = MeterHarness.Start();
            DefaultMeterModel model = (DefaultMeterModel)meter.Meter.Model;

            Assert.Null(meter.Meter.PushSetup);
            Assert.Null(model.PushSchedule);
            Assert.Null(model.PushScripts);
            Assert.Null(model.Device.Find(DlmsDevice.Stack.Cosem.CosemClassId.SingleActionSchedule, ScheduleObis.PushSchedule));
            Assert.NotNull(model.CurrentMonitor);
        }
    }
}
