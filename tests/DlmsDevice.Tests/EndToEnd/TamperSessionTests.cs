using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Tests.EndToEnd.Support;
using EventLogLayout = DlmsDevice.Meter.EventLogLayout;
using MeterAlarm = DlmsDevice.Meter.MeterAlarm;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The emulator's tamper and theft scenarios end to end: the simulated schedule drives the
    /// inputs, the meter detects, and the project's client reads the IS 15959 logs, the alarm
    /// register, the tamper count and the frequency over the TCP wrapper; the management client
    /// acknowledges the alarms by writing back what it read.
    /// </summary>
    public sealed class TamperSessionTests
    {
        // The simulated day starts at 10:00 UTC (MeterHarness): a household load of a few hundred W.
        private const string Scenarios = "magnet@+2m/3m,reverse@+6m/5m,neutral@+13m/5m,no-voltage@+20m/5m,cover@+28m/1m";

        private static CosemAttribute Attr(string text) => CosemAttribute.Parse(text);

        private static long[] Codes(DlmsValue buffer) => buffer.Items.Select(r => r.Items[1].ToInt64()).ToArray();

        [Fact]
        public async Task Scenarios_Is15959Layout_ClientReadsLogsAlarmsCountAndFrequency_ManagementAcknowledges()
        {
            using MeterHarness meter = MeterHarness.Start(meter: s =>
            {
                s.Scenarios = TamperScenario.Parse(Scenarios);
                s.EventLogLayout = EventLogLayout.Is15959;
            });
            meter.Meter.Advance(TimeSpan.FromMinutes(32));

            uint alarms;
            await using (DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper))
            {
                long[] voltage = Codes(await client.GetAsync(Attr("0.0.99.98.0.255:7:2")));
                long[] current = Codes(await client.GetAsync(Attr("0.0.99.98.1.255:7:2")));
                long[] other = Codes(await client.GetAsync(Attr("0.0.99.98.4.255:7:2")));
                long[] nonRollover = Codes(await client.GetAsync(Attr("0.0.99.98.5.255:7:2")));
                DlmsValue currentRows = await client.GetAsync(Attr("0.0.99.98.1.255:7:2"));
                alarms = (uint)(await client.GetAsync(Attr("0.0.97.98.0.255:1:2"))).ToInt64();
                long descriptor = (await client.GetAsync(Attr("0.0.97.98.20.255:1:2"))).ToInt64();
                long count = (await client.GetAsync(Attr("0.0.94.91.0.255:1:2"))).ToInt64();
                ScaledValue frequency = await client.GetScaledAsync(Attr("1.0.14.7.0.255:3:2"));
                ScaledValue neutral = await client.GetScaledAsync(Attr("1.0.91.7.0.255:3:2"));
                await client.ReleaseAsync();

                Assert.Equal(new long[] { 9, 1, 10, 2 }, voltage);
                Assert.Equal(new long[] { 51, 52, 69, 70 }, current);
                Assert.Equal(new long[] { 201, 202 }, other);
                Assert.Equal(new long[] { 251 }, nonRollover);
                // The reverse-flow row captured the phase current (scaler -2) and 230 V (-1) of its moment.
                Assert.InRange(currentRows.Items[0].Items[2].ToInt64(), 10, 2000);
                Assert.InRange(currentRows.Items[0].Items[3].ToInt64(), 2200, 2400);
                uint tamper = MeterAlarm.FraudAttempt | MeterAlarm.StrongDcField | MeterAlarm.ReverseFlow | MeterAlarm.CurrentMismatch
                    | MeterAlarm.CurrentWithoutVoltage | MeterAlarm.TerminalCoverRemoved;
                Assert.Equal(MeterAlarm.PowerUp | tamper, alarms);
                Assert.Equal(alarms, descriptor);
                Assert.Equal(5, count);
                Assert.InRange((double)frequency.Scaled, 49.9, 50.1);
                Assert.Equal(44, frequency.ScalerUnit.Unit);
                Assert.True((double)neutral.Scaled > 0.5, neutral.Scaled + " A");
            }

            await using (DlmsClient management = await meter.ConnectAsync(SecureManagement(meter)))
            {
                await management.AssociateAsync();
                await management.SetAsync(Attr("0.0.97.98.0.255:1:2"), DlmsValue.DoubleLongUnsigned(alarms));
                await management.ReleaseAsync();
            }

            await using (DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper))
            {
                Assert.Equal(0, (await client.GetAsync(Attr("0.0.97.98.0.255:1:2"))).ToInt64());
                DataAccessException refused = await Assert.ThrowsAsync<DataAccessException>(
                    () => client.SetAsync(Attr("0.0.97.98.10.255:1:2"), DlmsValue.DoubleLongUnsigned(0)));
                Assert.Equal(DataAccessResult.ReadWriteDenied, refused.Result);
                await client.ReleaseAsync();
            }
        }

        [Fact]
        public async Task Scenarios_StandardLayout_TheStandardEventLogHasTheTamperEvents()
        {
            using MeterHarness meter = MeterHarness.Start(meter: s => s.Scenarios = TamperScenario.Parse("magnet@+1m/1m,reverse@+3m/3m"));
            meter.Meter.Advance(TimeSpan.FromMinutes(9));

            await using DlmsClient client = await meter.AssociateMeterReaderAsync(TransportKind.Hdlc);
            long[] codes = Codes(await client.GetAsync(Attr("0.0.99.98.0.255:7:2")));
            IReadOnlyList<ObjectListEntry> list = await client.GetObjectListAsync();
            await client.ReleaseAsync();

            Assert.Equal(new long[] { 2, 42, 43, 230, 231 }, codes);
            Assert.Contains(list, e => e.LogicalName.ToString() == "0.0.97.98.20.255");
            Assert.DoesNotContain(list, e => e.LogicalName.ToString() == "0.0.99.98.4.255");
        }

        private static DlmsClientOptions SecureManagement(MeterHarness meter)
        {
            return meter.Options(TransportKind.Wrapper, DefaultMeter.ManagementClientSap) with
            {
                Authentication = AuthenticationMechanism.HighGmac,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    Ciphering = CipheringKind.Glo,
                    ReadInvocationCounterFrom = ObisCode.Parse("0.0.43.1.3.255"),
                },
            };
        }
    }

    /// <summary>The --scenario syntax.</summary>
    public sealed class TamperScenarioTests
    {
        [Fact]
        public void Parse_ListWithUnitsAndDefaults()
        {
            IReadOnlyList<TamperScenario> s = TamperScenario.Parse("magnet@+10m, cover@1h/2m,reverse@90s/1.5h,neutral@2d,no-voltage@0s/30s,outage@3h/5m");

            Assert.Equal(new[] { "magnet", "cover", "reverse", "neutral", "no-voltage", "outage" }, s.Select(x => x.Kind));
            Assert.Equal(new[] { 600.0, 3600, 90, 172800, 0, 10800 }, s.Select(x => x.Start.TotalSeconds));
            Assert.Equal(new[] { 600.0, 120, 5400, 600, 30, 300 }, s.Select(x => x.Duration.TotalSeconds));
            Assert.Empty(TamperScenario.Parse(null));
            Assert.Empty(TamperScenario.Parse(" "));
        }

        [Theory]
        [InlineData("magnet")]
        [InlineData("@10m")]
        [InlineData("quake@10m")]
        [InlineData("magnet@10x")]
        [InlineData("magnet@-5m")]
        [InlineData("magnet@10m/0s")]
        [InlineData("magnet@m")]
        public void Parse_Bad_FormatExceptionNamingTheItem(string text)
        {
            FormatException e = Assert.Throws<FormatException>(() => TamperScenario.Parse(text));
            Assert.NotEmpty(e.Message);
        }

        [Fact]
        public void Apply_PutsEachOnItsSchedule()
        {
            DlmsDevice.Hal.Simulated.SimulatedMeterSettings hardware = new DlmsDevice.Hal.Simulated.SimulatedMeterSettings();

            foreach (TamperScenario s in TamperScenario.Parse("magnet@1m,cover@2m,reverse@3m,neutral@4m,no-voltage@5m,outage@6m"))
            {
                s.Apply(hardware);
            }

            Assert.Equal(TimeSpan.FromMinutes(1), hardware.MagnetFields.Single().Start);
            Assert.Equal(TimeSpan.FromMinutes(2), hardware.CoverOpenings.Single().Start);
            Assert.Equal(TimeSpan.FromMinutes(3), hardware.ReverseFlows.Single().Start);
            Assert.Equal(TimeSpan.FromMinutes(4), hardware.EarthLeaks.Single().Start);
            Assert.Equal(TimeSpan.FromMinutes(5), hardware.PotentialCuts.Single().Start);
            Assert.Equal(TimeSpan.FromMinutes(6), hardware.PowerFailures.Single().Start);
        }
    }
}
