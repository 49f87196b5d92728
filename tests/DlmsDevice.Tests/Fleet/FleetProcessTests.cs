using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>The emulator as a fleet process: its banner, its key table, a clean stop, and the options that cannot make a fleet (exit code 2).</summary>
    public sealed class FleetProcessTests
    {
        [Fact]
        public async Task Cli_Fleet_ServesEachMeter_WritesTheKeyTable_NeverLogsAKey_StopsCleanly()
        {
            int wrapper = EmulatorProcess.FreePort();
            string keys = Path.Combine(Path.GetTempPath(), "dlms-fleet-keys-" + Guid.NewGuid().ToString("N") + ".csv");
            using EmulatorProcess emulator = new EmulatorProcess("--meters", "3", "--wrapper-port", wrapper.ToString(), "--hdlc-port", "0",
                "--fleet-key", FleetHarness.FleetKeyHex, "--export-keys", keys, "--history-hours", "1");
            try
            {
                await emulator.WaitForOutputAsync("Stop with Ctrl+C");
                Assert.Contains("Fleet of 3 meters ready", emulator.Output);
                Assert.Contains("serial numbers 0000000000001..0000000000003", emulator.Output);
                Assert.Equal(4, File.ReadAllLines(keys).Length);
                // The keys are in the file only.
                Assert.DoesNotContain("786E2D0BAA55B52F4677E79B72A13AF5", emulator.Output, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(FleetHarness.FleetKeyHex, emulator.Output, StringComparison.OrdinalIgnoreCase);

                await using (DlmsClient client = await DlmsClient.ConnectAsync(new DlmsClientOptions { Port = wrapper + 2, Timeout = TimeSpan.FromSeconds(10) }))
                {
                    await client.AssociateAsync();
                    Assert.Equal("0000000000003", (await client.GetAsync(CosemAttribute.Parse("0.0.96.1.0.255:1:2"))).Text);
                    // An hour of history: four load profile rows.
                    Assert.Equal(4, (await client.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:7"))).ToInt64());
                    await client.ReleaseAsync();
                }

                emulator.Signal("TERM");
                Assert.True(emulator.Process.WaitForExit(30_000));
                emulator.Process.WaitForExit();
                Assert.Equal(0, emulator.Process.ExitCode);
                Assert.Contains("Stopped: 3 meters powered down", emulator.Output);
                using Socket late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await Assert.ThrowsAsync<SocketException>(async () => await late.ConnectAsync(System.Net.IPAddress.Loopback, wrapper));
            }
            finally
            {
                File.Delete(keys);
            }
        }

        [Theory]
        [InlineData("the wrapper ports 4059..4068 and the HDLC ports 4060..4069 overlap: give --hdlc-port 4069 (or 0 for none)", "--meters", "10")]
        [InlineData("--system-title names one meter", "--meters", "2", "--system-title", "444C440000000001")]
        [InlineData("--meters is 1..16366", "--meters", "20000", "--one-port")]
        public void Cli_OptionsThatMakeNoFleet_ExitCode2(string message, params string[] args)
        {
            using EmulatorProcess emulator = new EmulatorProcess(args);
            Assert.True(emulator.Process.WaitForExit(30_000));
            emulator.Process.WaitForExit(); // and the output is read to its end
            Assert.Equal(2, emulator.Process.ExitCode);
            Assert.Contains(message, emulator.Output);
        }
    }
}
