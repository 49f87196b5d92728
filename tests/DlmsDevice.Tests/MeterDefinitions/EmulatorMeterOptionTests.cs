using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>The emulator's --meter: a valid file is served, an invalid one is refused with every error and exit code 2.</summary>
    public sealed class EmulatorMeterOptionTests
    {
        [Fact]
        public void InvalidDefinition_EveryErrorPrinted_ExitCode2()
        {
            string path = Path.Combine(Path.GetTempPath(), "dlms-bad-" + Guid.NewGuid().ToString("N") + ".json");
            string json = DefinitionValidationTests.Minimal
                .Replace("\"clientSap\": 16", "\"clientSap\": 200", StringComparison.Ordinal)
                .Replace("\"1.0.96.5.0.255\"", "\"0.0.96.1.0.255\"", StringComparison.Ordinal);
            File.WriteAllText(path, json);
            try
            {
                using EmulatorProcess emulator = new EmulatorProcess("--meter", path, "--wrapper-port", "0", "--hdlc-port", "0");
                Assert.True(emulator.Process.WaitForExit((int)EmulatorProcess.Timeout.TotalMilliseconds), emulator.Output);
                emulator.Process.WaitForExit();
                Assert.Equal(2, emulator.Process.ExitCode);
                Assert.Contains(path + ":" + DefinitionValidationTests.Line(json, "\"clientSap\": 200") + ":", emulator.Output, StringComparison.Ordinal);
                Assert.Contains("/logicalDevices/0/objects/1/association/clientSap: maximum: 200 should be at most 127", emulator.Output, StringComparison.Ordinal);
                Assert.Contains(path + ":" + DefinitionValidationTests.Line(json, "\"id\": \"level\"") + ":", emulator.Output, StringComparison.Ordinal);
                Assert.Contains("logical name 0.0.96.1.0.255 is already used", emulator.Output, StringComparison.Ordinal);
                Assert.Contains("2 errors in " + path, emulator.Output, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task DefaultJson_ServedLikeTheCompiledInMeter()
        {
            int port = EmulatorProcess.FreePort();
            using EmulatorProcess emulator = new EmulatorProcess("--meter", DefaultDefinitionTests.DefaultJson, "--wrapper-port", port.ToString(), "--hdlc-port", "0");
            await emulator.WaitForOutputAsync("Stop with Ctrl+C");
            await using (DlmsClient client = await EmulatorProcess.AssociateMeterReaderAsync(port, "12345678"))
            {
                DlmsValue name = await client.GetAsync(CosemAttribute.Parse("0.0.42.0.0.255:1:2"));
                Assert.Equal("DLD0000000000001", Encoding.ASCII.GetString(name.Bytes));
                Assert.Equal(35, (await client.GetObjectListAsync()).Count);
                await client.ReleaseAsync();
            }
            emulator.StopCleanly();
            Assert.Contains("Meter definition " + DefaultDefinitionTests.DefaultJson + " (\"default\")", emulator.Output, StringComparison.Ordinal);
            Assert.Contains("PUBLISHED test key", emulator.Output, StringComparison.Ordinal);
            Assert.Contains("GREEN BOOK TEST KEYS", emulator.Output, StringComparison.Ordinal);
        }
    }
}
