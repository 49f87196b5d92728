using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;
using MeterAlarm = DlmsDevice.Meter.MeterAlarm;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// <c>--scenario</c> and <c>--event-logs</c> as a user gives them: the emulator process on a
    /// fast simulated clock, read over the TCP wrapper by the client library while the scheduled
    /// magnet arrives (docs/tamper.md). The in-process scenarios are in <see cref="TamperSessionTests"/>.
    /// </summary>
    public sealed class TamperScenarioProcessTests
    {
        // 100 simulated seconds a real second: the magnet comes 3 s after the start and stays 1.2 s.
        private const string TimeScale = "100";
        private const string Scenario = "magnet@+5m/2m";

        private static CosemAttribute Attr(string text) => CosemAttribute.Parse(text);

        [Fact]
        public async Task Cli_MagnetScenario_AlarmRegisterChangesOverTcp_OtherLogHas201()
        {
            int port = EmulatorProcess.FreePort();
            using EmulatorProcess emulator = new EmulatorProcess("--wrapper-port", port.ToString(), "--hdlc-port", "0",
                "--time-scale", TimeScale, "--scenario", Scenario, "--event-logs", "is15959");
            await emulator.WaitForOutputAsync("Stop with Ctrl+C");
            Assert.Contains("Scenarios (after the simulation start): magnet@+00:05:00/00:02:00; event logs Is15959", emulator.Output);

            await using DlmsClient client = await DlmsClient.ConnectAsync(new DlmsClientOptions { Port = port, ClientSap = 16 });
            await client.AssociateAsync();
            uint before = (uint)(await client.GetAsync(Attr("0.0.97.98.0.255:1:2"))).ToInt64();

            // Until the magnet's alarm is in the register (the schedule puts it 3 s away).
            uint after = before;
            Stopwatch watch = Stopwatch.StartNew();
            while (after == before)
            {
                Assert.True(watch.Elapsed < EmulatorProcess.Timeout, "the alarm register stayed " + before + ": " + emulator.Output);
                await Task.Delay(100);
                after = (uint)(await client.GetAsync(Attr("0.0.97.98.0.255:1:2"))).ToInt64();
            }
            long count = (await client.GetAsync(Attr("0.0.94.91.0.255:1:2"))).ToInt64();
            DlmsValue other = await client.GetAsync(Attr("0.0.99.98.4.255:7:2"));
            DlmsValue code = await client.GetAsync(Attr("0.0.96.11.4.255:1:2"));
            await client.ReleaseAsync();

            // A first start raises power up; the magnet adds fraud attempt and strong DC field.
            Assert.Equal(MeterAlarm.PowerUp, before);
            Assert.Equal(MeterAlarm.PowerUp | MeterAlarm.FraudAttempt | MeterAlarm.StrongDcField, after);
            Assert.Equal(0x22004u, after);
            Assert.Equal(1, count);
            // IS 15959 numbering in the other log: 201 magnet occurrence, as a long-unsigned code.
            Assert.Equal(201, other.Items.First().Items[1].ToInt64());
            Assert.Equal(201, code.ToInt64());
            Assert.Equal(DataType.LongUnsigned, code.Type);
        }
    }
}
