using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// A meter that exists only as a definition file: default.json with other OBIS codes, another
    /// flag id and serial number, a pulse constant of 10 000 imp/kWh, its own password and keys
    /// from a key file and an environment variable. The emulator serves it (what --meter does) on
    /// real TCP sockets and the project's client reads it as such a meter: its object list, its
    /// name, energy counted at its pulse constant, and its management association with its keys.
    /// </summary>
    public sealed class DefinedMeterEndToEndTests : IDisposable
    {
        private static readonly byte[] s_ak = Convert.FromHexString("6A1B2C3D4E5F60718293A4B5C6D7E8F9");
        private static readonly byte[] s_ek = Convert.FromHexString("0F1E2D3C4B5A69788796A5B4C3D2E1F0");
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "dlms-defined-" + Guid.NewGuid().ToString("N"));
        private readonly string _variable = "DLMS_TEST_EK_" + Guid.NewGuid().ToString("N");

        public DefinedMeterEndToEndTests()
        {
            Directory.CreateDirectory(_directory);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(_variable, null);
            Directory.Delete(_directory, true);
        }

        // default.json, changed where a user would change it.
        private MeterDefinitionFile Definition()
        {
            JsonNode root = JsonNode.Parse(File.ReadAllText(DefaultDefinitionTests.DefaultJson))!;
            root["name"] = "test-meter";
            root["identity"]!["flagId"] = "XYZ";
            root["identity"]!["serialNumber"] = "4711";
            root["secrets"] = JsonNode.Parse("""
                {
                  "password": { "inline": "reader-pw" },
                  "authentication-key": { "file": "ak.hex" },
                  "encryption-key": { "env": "VARIABLE" },
                  "master-key": { "env": "VARIABLE" }
                }
                """.Replace("VARIABLE", _variable, StringComparison.Ordinal));
            root["inputs"]!["pulse"]![0]!["constant"] = 10000;
            JsonArray objects = root["logicalDevices"]![0]!["objects"]!.AsArray();
            root["logicalDevices"]![0]!["name"] = "XYZ{serial}";
            foreach (JsonNode? obj in objects)
            {
                switch ((string?)obj!["id"])
                {
                    case "energy-import":
                        obj["logicalName"] = "1.0.1.8.1.255";
                        break;
                    case "voltage":
                        obj["logicalName"] = "1.0.32.7.124.255";
                        break;
                }
            }
            File.WriteAllText(Path.Combine(_directory, "ak.hex"), Convert.ToHexString(s_ak));
            Environment.SetEnvironmentVariable(_variable, Convert.ToHexString(s_ek));
            string path = Path.Combine(_directory, "test-meter.json");
            File.WriteAllText(path, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return MeterDefinitionFile.Load(path);
        }

        [Fact]
        public async Task DefinedMeter_ReadOverTcpByTheClient_AsTheDefinitionSays()
        {
            MeterDefinitionFile definition = Definition();
            using MeterHarness meter = MeterHarness.Start(meter: s => s.Definition = definition);
            Assert.Equal(10000, meter.Meter.Hardware.Settings.ImpulsesPerKwh);
            Assert.False(meter.Meter.UsesTestKeys);

            await using (DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper))
            {
                IReadOnlyList<ObjectListEntry> list = await client.GetObjectListAsync();
                Assert.Equal(34, list.Count);
                Assert.Contains(list, e => e.ClassId == 3 && e.LogicalName.ToString() == "1.0.1.8.1.255");
                Assert.Contains(list, e => e.ClassId == 3 && e.LogicalName.ToString() == "1.0.32.7.124.255");
                Assert.DoesNotContain(list, e => e.LogicalName.ToString() == "1.0.1.8.0.255");
                Assert.Equal("XYZ4711", System.Text.Encoding.ASCII.GetString((byte[])(await client.GetAsync(CosemAttribute.Parse("0.0.42.0.0.255:1:2"))).Value!).TrimEnd('\0'));
                Assert.Equal("4711", (string)(await client.GetAsync(CosemAttribute.Parse("0.0.96.1.0.255:1:2"))).Value!);
                // The load profile captures the renamed register.
                DlmsValue captures = await client.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:3"));
                Assert.Contains("obis:1.0.1.8.1.255", DlmsValueText.Format(captures, new DlmsValueFormatOptions { ObisHint = true }), StringComparison.Ordinal);
                await client.ReleaseAsync();
            }

            // An hour of the simulated load at 10 000 imp/kWh: the register counts the same energy.
            long before = (await ReadEnergy(meter)).Item1;
            double simulatedBefore = meter.Meter.Hardware.EnergyWh;
            meter.Meter.Advance(TimeSpan.FromHours(1));
            meter.Meter.Engine.RequestCheckpoint();
            meter.Meter.Advance(TimeSpan.FromSeconds(1));
            (long after, long pulses) = await ReadEnergy(meter);
            double simulated = meter.Meter.Hardware.EnergyWh - simulatedBefore;
            Assert.True(simulated > 50, simulated + " Wh simulated");
            Assert.InRange(after - before, simulated - 1, simulated + 1);
            Assert.Equal((long)Math.Floor(meter.Meter.Hardware.ActiveEnergyPulses.Count * 1000.0 / 10000), pulses);

            // Client 48 with the keys of the key file and the environment variable (not the test keys).
            DlmsClientOptions management = meter.Options(TransportKind.Wrapper, DefaultMeter.ManagementClientSap) with
            {
                Authentication = AuthenticationMechanism.HighGmac,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    AuthenticationKey = s_ak,
                    BlockCipherKey = s_ek,
                    ReadInvocationCounterFrom = ObisCode.Parse("0.0.43.1.3.255"),
                },
            };
            await using (DlmsClient client = await meter.ConnectAsync(management))
            {
                await client.AssociateAsync();
                Assert.Equal(after, (await client.GetAsync(CosemAttribute.Parse("1.0.1.8.1.255:3:2"))).ToInt64());
                await client.ReleaseAsync();
            }
            // The meter reader with the definition's password.
            await using (DlmsClient reader = await meter.AssociateAsync(TransportKind.Hdlc, DefaultMeter.MeterReaderClientSap, "reader-pw"))
            {
                Assert.Equal(after, (await reader.GetAsync(CosemAttribute.Parse("1.0.1.8.1.255:3:2"))).ToInt64());
                await reader.ReleaseAsync();
            }
        }

        // The import register as the public client reads it, and the Wh the pulses counted so far make.
        private static async Task<(long, long)> ReadEnergy(MeterHarness meter)
        {
            await using DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper);
            long value = (await client.GetAsync(CosemAttribute.Parse("1.0.1.8.1.255:3:2"))).ToInt64();
            await client.ReleaseAsync();
            return (value, (long)Math.Floor(meter.Meter.Engine.LiveEnergyImportWh - MeterHarness.InitialEnergyWh));
        }
    }
}
