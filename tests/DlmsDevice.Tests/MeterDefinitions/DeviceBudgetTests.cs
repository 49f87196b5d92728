using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.MeterDefinitions.Budget;
using DlmsDevice.MeterDefinitions.Cli;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// Built for the device, a definition is weighed with the start-up benchmark's cost model:
    /// the default meter fits; one with too many objects or too deep a profile is refused with
    /// its figures, and no code is written.
    /// </summary>
    public sealed class DeviceBudgetTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "dlms-budget-" + Guid.NewGuid().ToString("N"));

        public DeviceBudgetTests()
        {
            Directory.CreateDirectory(_directory);
        }

        public void Dispose()
        {
            Directory.Delete(_directory, true);
        }

        [Fact]
        public void DefaultMeter_WithinEveryLimit_TheStartupBenchmarksFigure()
        {
            var lines = DeviceBudget.Check(MeterDefinitionFile.Load(DefaultDefinitionTests.DefaultJson, resolveSecrets: false));
            Assert.All(lines, line => Assert.True(line.Within, line.ToString()));
            DeviceBudget.Line heap = lines.Single(l => l.What.StartsWith("model heap", StringComparison.Ordinal));
            // The same model the start-up benchmark weighs (docs/benchmarks.md: ~31 KB of 40 KB).
            Assert.InRange(heap.Figure, 25_000, 36_000);
            Assert.Equal(133_980, lines.Single(l => l.What.StartsWith("state file", StringComparison.Ordinal)).Figure);
        }

        // default.json with a 100,000-row load profile and 200 more Data objects.
        private string OverBudget()
        {
            JsonNode root = JsonNode.Parse(File.ReadAllText(DefaultDefinitionTests.DefaultJson))!;
            JsonArray objects = root["logicalDevices"]![0]!["objects"]!.AsArray();
            objects.Single(o => (string?)o!["id"] == "load-profile")!["profile"]!["entries"] = 100000;
            for (int i = 0; i < 200; i++)
            {
                objects.Add(JsonNode.Parse("{ \"class\": \"data\", \"logicalName\": \"0.0.96.50." + i + ".255\", \"value\": \"u16:" + i + "\", \"access\": { \"public\": \"read\" } }"));
            }
            string path = Path.Combine(_directory, "big.json");
            File.WriteAllText(path, root.ToJsonString());
            return path;
        }

        [Fact]
        public void TooManyObjectsAndTooDeepAProfile_Refused_WithTheFigures_NoCodeWritten()
        {
            string path = OverBudget();
            string output = Path.Combine(_directory, "Big.g.cs");
            var log = new StringWriter();
            var errors = new StringWriter();
            int code = Program.Generate(path, output, "DlmsDevice.Meter", null, null, verify: false, log, errors);
            Assert.Equal(Program.OverBudget, code);
            Assert.False(File.Exists(output));
            string text = errors.ToString();
            Assert.Contains(path + ": error: exceeds the device budget: objects in logical device 1 is 249, the limit 200", text, StringComparison.Ordinal);
            Assert.Contains("exceeds the device budget: model heap on the ESP32 (bytes, nanoCLR estimate) is ", text, StringComparison.Ordinal);
            Assert.Contains("exceeds the device budget: state file on the flash drive (bytes) is 9,666,580, the limit 524,288", text, StringComparison.Ordinal);
            Assert.Contains("load 100000 x 5", text, StringComparison.Ordinal);
            Assert.Contains("OVER  state file", log.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Check_ValidDefinition_Exit0_InvalidExit2_OverBudgetWithDeviceExit3()
        {
            var sink = new StringWriter();
            Assert.Equal(0, Program.Check(DefaultDefinitionTests.DefaultJson, device: false, sink, sink));
            string bad = Path.Combine(_directory, "bad.json");
            File.WriteAllText(bad, DefinitionValidationTests.Minimal.Replace("\"clientSap\": 16", "\"clientSap\": 0", StringComparison.Ordinal));
            var errors = new StringWriter();
            Assert.Equal(Program.InvalidDefinition, Program.Check(bad, device: false, sink, errors));
            Assert.Contains(bad + ":11:", errors.ToString(), StringComparison.Ordinal);
            Assert.Equal(Program.OverBudget, Program.Check(OverBudget(), device: true, sink, sink));
            Assert.Equal(0, Program.Check(OverBudget(), device: false, sink, sink));
        }

        [Fact]
        public void Generate_Verify_ReportsAStaleFile()
        {
            string output = Path.Combine(_directory, "Default.g.cs");
            var sink = new StringWriter();
            Assert.Equal(0, Program.Generate(DefaultDefinitionTests.DefaultJson, output, "DlmsDevice.Meter", "DefaultMeterDefinition", "meters/default.json", verify: false, sink, sink));
            Assert.Equal(0, Program.Generate(DefaultDefinitionTests.DefaultJson, output, "DlmsDevice.Meter", "DefaultMeterDefinition", "meters/default.json", verify: true, sink, sink));
            File.AppendAllText(output, "// edited\n");
            Assert.Equal(1, Program.Generate(DefaultDefinitionTests.DefaultJson, output, "DlmsDevice.Meter", "DefaultMeterDefinition", "meters/default.json", verify: true, sink, sink));
            Assert.Equal(File.ReadAllText(Path.Combine(Walkthrough.WalkthroughDocument.RepositoryRoot(), "firmware", "DlmsDevice.Meter", "Model", "DefaultMeterDefinition.g.cs")) + "// edited\n",
                File.ReadAllText(output, Encoding.UTF8));
        }
    }
}
