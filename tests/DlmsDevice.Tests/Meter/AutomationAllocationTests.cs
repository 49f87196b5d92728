using System;
using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Zero allocation after warm-up in the default meter's automation (single action schedules
    /// with the end of billing, the activity calendar switching tariffs, the register monitors,
    /// the limiter opening and closing the supply) and in GETs of its objects and the
    /// end-of-billing ACTION through a server session.
    /// </summary>
    public sealed class AutomationAllocationTests
    {
        private static long Utc(int year, int month, int day, int hour, int minute)
        {
            return new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).Ticks;
        }

        // 17:50 on the last day of a month to 00:10 on the first of the next: peak at 18:00,
        // off-peak at 22:00, the current monitor crossing up and down, a 14.4 kW load that trips
        // the limiter (and the power monitor) and its reconnection, the end of billing at 00:00.
        private static void Evening(MeterRig rig, long start)
        {
            rig.Engine.MeterClock.SetUtcTicks(start);
            for (int minute = 0; minute < 6 * 60 + 20; minute++)
            {
                rig.Current.Raw = minute % 30 < 10 ? 61000 : 20000;
                if (minute >= 60 && minute < 63)
                {
                    // Three minutes of one pulse every 250 ms: over 10 kW for longer than 60 s.
                    for (int i = 0; i < 240; i++)
                    {
                        rig.Pulse(1);
                        rig.Clock.Advance(250);
                        rig.Engine.Tick();
                    }
                    continue;
                }
                rig.Pulse(minute % 3);
                for (int s = 0; s < 6; s++)
                {
                    rig.Clock.Advance(10_000);
                    rig.Engine.Tick();
                }
            }
        }

        [Fact]
        public void AutomationTick_TariffsMonitorsLimiterAndEndOfBilling_AllocateNothing()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            DefaultMeterModel model = rig.Model!;
            Evening(rig, Utc(2026, 3, 31, 17, 50));
            int rows = rig.Engine.BillingProfile!.EntriesInUse;
            int events = rig.Engine.EventLog.CaptureCount;
            int actions = rig.Engine.Automation.Runner.ActionsRun;
            int executions = rig.Engine.Automation.ScheduleExecutions;

            // Each attempt the last evening of the next month (April, May, ...).
            int evenings = 0;
            long allocated = Allocations.Least(() =>
            {
                evenings++;
                Evening(rig, Utc(2026, 3 + evenings, DateTime.DaysInMonth(2026, 3 + evenings), 17, 50));
            }, 3);

            // The evening did what it claims: a billing row, tariff switches, monitor and limiter
            // events (two limiter actions, each with its disconnect control event).
            Assert.Equal(rows + evenings, rig.Engine.BillingProfile.EntriesInUse);
            Assert.Equal(executions + evenings, rig.Engine.Automation.ScheduleExecutions);
            Assert.True(rig.Engine.EventLog.CaptureCount - events >= 30, (rig.Engine.EventLog.CaptureCount - events) + " events");
            Assert.True(rig.Engine.Automation.Runner.ActionsRun - actions >= 30, (rig.Engine.Automation.Runner.ActionsRun - actions) + " actions");
            Assert.Equal(ControlState.Connected, rig.Engine.Disconnect.ControlState);
            int[] codes = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(MeterEngineProfileTests.Rows(rig.Engine.EventLog), r => (int)r.Items[1].ToInt64()));
            Assert.Equal(1 + evenings, System.Linq.Enumerable.Count(codes, c => c == MeterEventCode.LimiterThresholdExceeded));
            Assert.Equal(1 + evenings, System.Linq.Enumerable.Count(codes, c => c == MeterEventCode.LimiterThresholdOk));
            Assert.Equal(0, rig.Engine.Automation.Runner.FailedActions);
            Assert.Equal(0, rig.Engine.StoreFailures);
            Assert.Equal(0, allocated);
            Assert.Equal("09 02 54 32", CosemTestKit.Get(model.RegisterActivation!, RegisterActivation.Attributes.ActiveMask));
        }

        [Fact]
        public void GetEveryAttributeOfTheNewObjects_AndTheEndOfBillingAction_AllocateNothing()
        {
            MeterRig rig = new MeterRig(model: true, automation: true).Begin();
            DefaultMeterModel model = rig.Model!;
            rig.Pulse(100);
            rig.Run(10);
            // One billing row to read.
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(model.EndOfBillingScripts!, ScriptTable.Methods.Execute, "12 00 01"));
            ModelSession session = new ModelSession(model).Associate(DefaultMeterModel.MeterReaderClientSap);

            CosemObject?[] objects =
            {
                model.EndOfBillingScripts, model.EndOfBillingSchedule, rig.Engine.BillingProfile, rig.Engine.BillingPeriodCounter,
                rig.Engine.LastBillingTime, model.RegisterActivation, model.TariffScripts, model.ActivityCalendar, model.SpecialDays,
                model.EventScripts, model.CurrentMonitor, model.PowerMonitor, model.VoltageMonitor, model.DisconnectScripts,
                model.Limiter, rig.Engine.GetTariffEnergyImport(0), rig.Engine.GetTariffMaximumDemand(3),
            };
            List<byte[]> requests = new List<byte[]>();
            foreach (CosemObject? obj in objects)
            {
                Assert.NotNull(obj);
                for (int a = 1; a <= obj!.AttributeCount; a++)
                {
                    requests.Add(Hex.Parse("C0 01 C1 " + obj.ClassId.ToString("X4") + " " + obj.LogicalName.Value.ToString("X12") + " " + a.ToString("X2") + " 00"));
                }
            }
            byte[] execute = Hex.Parse("C3 01 C1 0009 00000A0001FF 01 01 12 0001");
            byte[][] nexts = new byte[64][];
            for (int i = 0; i < nexts.Length; i++)
            {
                nexts[i] = DlmsDevice.Client.GetRequest.Next(0xC1, (uint)(i + 1));
            }
            void ReadEverything()
            {
                foreach (byte[] request in requests)
                {
                    MeterAllocationTests.ReadAll(session, request, nexts);
                }
            }
            ReadEverything();
            session.SendRaw(execute);
            int rows = rig.Engine.BillingProfile!.EntriesInUse;

            long reads = Allocations.Least(ReadEverything);
            long action = Allocations.Least(() =>
            {
                rig.Clock.Advance(1000);
                session.SendRaw(execute);
            });

            Assert.Equal(71, requests.Count);
            Assert.Equal("C7 01 C1 00 00", Hex.Format(session.Response.AsSpan(session.ResponseStart, 5).ToArray()));
            Assert.True(rig.Engine.BillingProfile.EntriesInUse > rows);
            Assert.Equal(0, reads);
            Assert.Equal(0, action);
        }
    }
}
