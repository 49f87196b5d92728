using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.MeterDefinitions.Budget;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Walkthrough;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// The shipped IS 15959 meter definitions served by the emulator (what --meter does) and read
    /// over real TCP sockets by the project's client in the three IS 15959 associations: PC
    /// (client 16, public, read only), MR (32, LLS) and US (48, HLS-GMAC, authenticated and
    /// encrypted). The instantaneous profile is the present values at every read, its scaler
    /// profile the registers' scaler_unit, the block load profile has a row per 15 minutes, and a
    /// clock set by US lands in the transaction event log.
    /// </summary>
    public sealed class Is15959MeterTests
    {
        internal static string MeterFile(string name) => Path.Combine(WalkthroughDocument.RepositoryRoot(), "meters", name);

        private static DlmsClientOptions Us(MeterHarness meter) => meter.Options(TransportKind.Wrapper, 48) with
        {
            Authentication = AuthenticationMechanism.HighGmac,
            Security = new DlmsSecurityOptions
            {
                Policy = SecurityPolicy.AuthenticatedEncrypted,
                AuthenticationKey = DlmsSecurityOptions.TestAuthenticationKey.ToArray(),
                BlockCipherKey = DlmsSecurityOptions.TestBlockCipherKey.ToArray(),
                ReadInvocationCounterFrom = ObisCode.Parse("0.0.43.1.3.255"),
            },
        };

        private static IReadOnlyList<DlmsValue> Rows(DlmsValue buffer) => buffer.Items;

        [Fact]
        public async Task SinglePhase_ProfilesAndEventLogs_ReadInThePcMrAndUsAssociations()
        {
            MeterDefinitionFile definition = MeterDefinitionFile.Load(MeterFile("is15959-single-phase.json"));
            using MeterHarness meter = MeterHarness.Start(meter: s => s.Definition = definition);
            Assert.Equal(3200, meter.Meter.Hardware.Settings.ImpulsesPerKwh);

            // PC: the public client sees the name, the clock, the associations and US's invocation counter; nothing it may change.
            await using (DlmsClient pc = await meter.AssociateAsync(TransportKind.Wrapper))
            {
                IReadOnlyList<ObjectListEntry> list = await pc.GetObjectListAsync();
                Assert.Equal(new[] { "0.0.42.0.0.255", "0.0.1.0.0.255", "0.0.40.0.0.255", "0.0.40.0.1.255", "0.0.41.0.0.255", "0.0.43.1.3.255" },
                    list.Select(e => e.LogicalName.ToString()).ToArray());
                // Read only: no attribute writable, no method.
                Assert.All(list, e => Assert.All(e.Attributes, a => Assert.True(a.AccessMode <= 1, e.ToString())));
                Assert.All(list, e => Assert.All(e.Methods, m => Assert.Equal(0, m.AccessMode)));
                var denied = await Assert.ThrowsAsync<DataAccessException>(() => pc.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:2")));
                Assert.Equal(DataAccessResult.ObjectUndefined, denied.Result);
                var clock = await Assert.ThrowsAsync<DataAccessException>(() =>
                    pc.SetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"), DlmsValueText.Parse("dt:2026-11-25T12:00:00")));
                Assert.Equal(DataAccessResult.ReadWriteDenied, clock.Result);
                await pc.ReleaseAsync();
            }

            meter.Meter.Advance(TimeSpan.FromHours(1));

            // MR: the profiles and their scaler profiles.
            await using (DlmsClient mr = await meter.AssociateAsync(TransportKind.Wrapper, 32, "ABCD0001"))
            {
                // Every object but US's association and its security setup.
                IReadOnlyList<ObjectListEntry> list = await mr.GetObjectListAsync();
                Assert.Equal(59, list.Count);
                Assert.DoesNotContain(list, e => e.LogicalName.ToString() is "0.0.40.0.3.255" or "0.0.43.0.3.255");
                // The instantaneous profile: one row, captured at the read, its +A column the register's value now.
                DlmsValue captures = await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:3"));
                Assert.Equal(13, captures.Items.Count);
                Assert.Equal(0, (await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:4"))).ToInt64());
                Assert.Equal(1, (await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:8"))).ToInt64());
                IReadOnlyList<DlmsValue> row = Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:2")))).Items;
                Assert.Equal(13, row.Count);
                long energy = (await mr.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64();
                Assert.Equal(energy, row[8].ToInt64());
                Assert.InRange(row[1].ToInt64(), 2000, 2600);                 // 1.0.12.7.0.255, 0.1 V: about 230 V
                // Its scaler profile: the scaler_unit of the eleven registers, in column order.
                IReadOnlyList<DlmsValue> scalers = Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.3.255:7:2")))).Items;
                Assert.Equal(10, scalers.Count);
                Assert.Equal("{i8:-1, enum:35}", DlmsValueText.Format(scalers[0]));   // voltage: 0.1 V
                Assert.Equal("{i8:-2, enum:33}", DlmsValueText.Format(scalers[1]));   // current: 0.01 A
                Assert.Equal("{i8:0, enum:30}", DlmsValueText.Format(scalers[7]));    // +A: Wh
                // The block load profile: a row every 15 minutes of the hour.
                Assert.Equal(900, (await mr.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:4"))).ToInt64());
                IReadOnlyList<DlmsValue> blocks = Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:2")));
                Assert.Equal(4, blocks.Count);
                Assert.Equal(9, blocks[0].Items.Count);
                Assert.True(blocks[3].Items[3].ToInt64() >= blocks[0].Items[3].ToInt64());
                Assert.Equal(8, Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.4.255:7:2")))).Items.Count);
                // MR may not set the clock.
                var clock = await Assert.ThrowsAsync<DataAccessException>(() =>
                    mr.SetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"), DlmsValueText.Parse("dt:2026-11-25T12:00:00")));
                Assert.Equal(DataAccessResult.ReadWriteDenied, clock.Result);
                await mr.ReleaseAsync();
            }

            // US: sets the clock (authenticated and encrypted): the transaction event log has it.
            await using (DlmsClient us = await meter.ConnectAsync(Us(meter)))
            {
                await us.AssociateAsync();
                Assert.Equal(61, (await us.GetObjectListAsync()).Count);
                DlmsValue now = await us.GetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"));
                await us.SetAsync(CosemAttribute.Parse("0.0.1.0.0.255:8:2"), now);
                // US closes a billing period (the billing profile's capture).
                await us.ActionAsync(CosemMethod.Parse("1.0.98.1.0.255:7:2"), DlmsValue.Integer(0));
                await us.ReleaseAsync();
            }
            await using (DlmsClient mr = await meter.AssociateAsync(TransportKind.Wrapper, 32, "ABCD0001"))
            {
                IReadOnlyList<DlmsValue> events = Rows(await mr.GetAsync(CosemAttribute.Parse("0.0.99.98.3.255:7:2")));
                Assert.NotEmpty(events);
                // Clock, event code (long-unsigned), nothing else: the transaction log captures no values.
                Assert.Equal(2, events[^1].Items.Count);
                Assert.Equal(DataType.LongUnsigned, events[^1].Items[1].Type);
                // The event scaler profile: current, voltage, power factor, +A.
                IReadOnlyList<DlmsValue> eventScalers = Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.7.255:7:2")))).Items;
                Assert.Equal("{i8:-3, enum:255}", DlmsValueText.Format(eventScalers[2]));
                // The billing profile has the period US closed, counted under IS 15959's billing count 0.0.0.1.0.255.
                IReadOnlyList<DlmsValue> billing = Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.98.1.0.255:7:2")));
                Assert.Equal(1, Assert.Single(billing).Items[1].ToInt64());
                Assert.Equal(1, (await mr.GetAsync(CosemAttribute.Parse("0.0.0.1.0.255:1:2"))).ToInt64());
                Assert.Equal(3, Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.6.255:7:2")))).Items.Count);
                // MR may read the billing profile, not close a period.
                await Assert.ThrowsAnyAsync<DlmsException>(() => mr.ActionAsync(CosemMethod.Parse("1.0.98.1.0.255:7:2"), DlmsValue.Integer(0)));
                // The name plate: serial number, manufacturer, firmware version.
                IReadOnlyList<DlmsValue> plate = Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("0.0.94.91.10.255:7:2")))).Items;
                Assert.Equal("IN0000000001", (string)plate[0].Value!);
                Assert.Equal("DlmsDevice", (string)plate[1].Value!);
                await mr.ReleaseAsync();
            }
        }

        [Fact]
        public async Task SinglePhase_BlockLoad_AbtBlockEnergiesReactiveEnergyAndAverageFrequency()
        {
            MeterDefinitionFile definition = MeterDefinitionFile.Load(MeterFile("is15959-single-phase.json"));
            using MeterHarness meter = MeterHarness.Start(meter: s => s.Definition = definition);
            meter.Meter.Advance(TimeSpan.FromHours(1));

            await using DlmsClient mr = await meter.AssociateAsync(TransportKind.Wrapper, 32, "ABCD0001");
            // Columns: clock, average V, average I, +A, -A, block +A 1.0.1.29.0.255, block -A
            // 1.0.2.29.0.255, block reactive 1.0.3.29.0.255, average frequency 1.0.14.27.0.255.
            DlmsValue captures = await mr.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:3"));
            Assert.Equal("{u16:3, oct:0100011D00FF, i8:2, u16:0}", DlmsValueText.Format(captures.Items[5]));
            Assert.Equal("{u16:3, oct:0100031D00FF, i8:2, u16:0}", DlmsValueText.Format(captures.Items[7]));
            IReadOnlyList<DlmsValue> blocks = Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:2")));
            Assert.Equal(4, blocks.Count);
            for (int i = 1; i < blocks.Count; i++)
            {
                // Each block's energy is the difference of the cumulative +A (and -A) columns.
                Assert.Equal(blocks[i].Items[3].ToInt64() - blocks[i - 1].Items[3].ToInt64(), blocks[i].Items[5].ToInt64());
                Assert.Equal(blocks[i].Items[4].ToInt64() - blocks[i - 1].Items[4].ToInt64(), blocks[i].Items[6].ToInt64());
                Assert.Equal(DataType.DoubleLongUnsigned, blocks[i].Items[7].Type);
                Assert.InRange(blocks[i].Items[8].ToInt64(), 4900, 5100);     // 0.01 Hz: about 50 Hz
            }
            Assert.True(blocks[3].Items[5].ToInt64() > 0);
            // The last row's block values are the registers' until the next boundary.
            Assert.Equal(blocks[3].Items[5].ToInt64(), (await mr.GetAsync(CosemAttribute.Parse("1.0.1.29.0.255:3:2"))).ToInt64());
            Assert.Equal(blocks[3].Items[7].ToInt64(), (await mr.GetAsync(CosemAttribute.Parse("1.0.3.29.0.255:3:2"))).ToInt64());
            // The reactive energy register: varh, never below the blocks it has counted.
            Assert.Equal("{i8:0, enum:32}", DlmsValueText.Format(await mr.GetAsync(CosemAttribute.Parse("1.0.3.8.0.255:3:3"))));
            long reactive = (await mr.GetAsync(CosemAttribute.Parse("1.0.3.8.0.255:3:2"))).ToInt64();
            Assert.True(reactive >= blocks.Skip(1).Sum(b => b.Items[7].ToInt64()));
            // The block scaler profile: the block energies in Wh, the reactive in varh.
            IReadOnlyList<DlmsValue> scalers = Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.4.255:7:2")))).Items;
            Assert.Equal("{i8:0, enum:30}", DlmsValueText.Format(scalers[4]));
            Assert.Equal("{i8:0, enum:32}", DlmsValueText.Format(scalers[6]));
            Assert.Equal("{i8:-2, enum:44}", DlmsValueText.Format(scalers[7]));
            await mr.ReleaseAsync();
        }

        [Fact]
        public async Task ThreePhase_EveryPhaseMeasured_InTheInstantaneousAndBlockLoadProfiles()
        {
            MeterDefinitionFile definition = MeterDefinitionFile.Load(MeterFile("is15959-three-phase.json"));
            using MeterHarness meter = MeterHarness.Start(meter: s => s.Definition = definition);
            Assert.Equal(3, meter.Meter.Hardware.Settings.Phases);
            meter.Meter.Advance(TimeSpan.FromMinutes(30));

            await using DlmsClient mr = await meter.AssociateAsync(TransportKind.Wrapper, 32, "ABCD0001");
            // The phase registers under their Blue Book codes, each with its channel's value.
            var volts = new List<long>();
            var amps = new List<long>();
            foreach (string c in new[] { "32", "52", "72" })
            {
                volts.Add((await mr.GetAsync(CosemAttribute.Parse("1.0." + c + ".7.0.255:3:2"))).ToInt64());
            }
            foreach (string c in new[] { "31", "51", "71" })
            {
                amps.Add((await mr.GetAsync(CosemAttribute.Parse("1.0." + c + ".7.0.255:3:2"))).ToInt64());
            }
            Assert.All(volts, v => Assert.InRange(v, 2000, 2600));
            // The simulated grid's imbalance: L2 a little above L1, L3 a little below.
            Assert.True(volts[1] > volts[0] && volts[2] < volts[0], string.Join(", ", volts));
            // The load is shared by the three phases: each current about a third of what P / V makes.
            double perPhase = meter.Meter.Engine.ActivePowerImportWatts / 3 / (volts[0] / 10.0) * 100;
            Assert.All(amps, a => Assert.InRange(a, perPhase * 0.5, perPhase * 1.5 + 50));

            // Instantaneous profile: clock, I L1-L3, V L1-L3, ...; the row holds what the registers hold.
            IReadOnlyList<DlmsValue> row = Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:2")))).Items;
            Assert.Equal(17, row.Count);
            DlmsValue captures = await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:3"));
            Assert.Equal("{u16:3, oct:0100340700FF, i8:2, u16:0}", DlmsValueText.Format(captures.Items[5]));
            Assert.InRange(row[5].ToInt64(), volts[1] - 30, volts[1] + 30);
            // Block load: two 15-minute rows of clock, average I L1-L3, average V L1-L3, +A, -A, the ABT block values.
            IReadOnlyList<DlmsValue> blocks = Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.99.1.0.255:7:2")));
            Assert.Equal(2, blocks.Count);
            Assert.Equal(13, blocks[1].Items.Count);
            Assert.Equal(blocks[1].Items[7].ToInt64() - blocks[0].Items[7].ToInt64(), blocks[1].Items[9].ToInt64());
            Assert.All(blocks[1].Items.Skip(4).Take(3), v => Assert.InRange(v.ToInt64(), 2000, 2600));
            Assert.Equal(13 - 1, Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.4.255:7:2")))).Items.Count);
            await mr.ReleaseAsync();
        }

        [Fact]
        public async Task CtMeter_ShowsPrimaryValues_EnergyInKwh()
        {
            MeterDefinitionFile definition = MeterDefinitionFile.Load(MeterFile("three-phase-ct.json"));
            using MeterHarness meter = MeterHarness.Start(meter: s => s.Definition = definition);
            // The inputs see the VT's secondary: 110 V line to line, 63.5 V phase to neutral.
            Assert.Equal(110 / Math.Sqrt(3), meter.Meter.Hardware.Settings.Supply.NominalVolts, 6);
            meter.Meter.Advance(TimeSpan.FromMinutes(5));

            await using DlmsClient mr = await meter.AssociateAsync(TransportKind.Wrapper, 32, "ABCD0001");
            // Voltage: 63.5 V x 11000/110 = 6.35 kV, shown in V (scaler 0).
            Assert.Equal("{i8:0, enum:35}", DlmsValueText.Format(await mr.GetAsync(CosemAttribute.Parse("1.0.32.7.0.255:3:3"))));
            long volts = (await mr.GetAsync(CosemAttribute.Parse("1.0.32.7.0.255:3:2"))).ToInt64();
            Assert.InRange(volts, 5700, 7000);
            Assert.InRange(volts, meter.Meter.Engine.VoltageVolts * 100 - 2, meter.Meter.Engine.VoltageVolts * 100 + 2);
            // Current: the secondary amperes x 100/5, in 0.01 A.
            long amps = (await mr.GetAsync(CosemAttribute.Parse("1.0.31.7.0.255:3:2"))).ToInt64();
            Assert.InRange(amps, meter.Meter.Engine.CurrentAmperes * 20 * 100 - 2, meter.Meter.Engine.CurrentAmperes * 20 * 100 + 2);
            Assert.True(amps > 0);

            // Energy in kWh: an hour of the simulated (secondary) load, times 20 x 100.
            Assert.Equal("{i8:3, enum:30}", DlmsValueText.Format(await mr.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:3"))));
            long before = (await mr.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64();
            double secondaryBefore = meter.Meter.Hardware.EnergyWh;
            meter.Meter.Advance(TimeSpan.FromHours(1));
            meter.Meter.Engine.RequestCheckpoint();
            meter.Meter.Advance(TimeSpan.FromSeconds(1));
            long after = (await mr.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64();
            double primaryKwh = (meter.Meter.Hardware.EnergyWh - secondaryBefore) * 2000 / 1000;
            Assert.True(primaryKwh > 100, primaryKwh + " kWh");
            Assert.InRange(after - before, primaryKwh - 2, primaryKwh + 2);
            // The block load profile's energy columns carry the same scaler (its scaler profile says so).
            IReadOnlyList<DlmsValue> scalers = Assert.Single(Rows(await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.4.255:7:2")))).Items;
            Assert.Equal("{i8:3, enum:30}", DlmsValueText.Format(scalers[6]));
            await mr.ReleaseAsync();
        }

        [Fact]
        public async Task SinglePhase_ServedByTheEmulatorProcess_WithMeter()
        {
            int port = EmulatorProcess.FreePort();
            using EmulatorProcess emulator = new EmulatorProcess("--meter", MeterFile("is15959-single-phase.json"), "--wrapper-port", port.ToString(), "--hdlc-port", "0");
            await emulator.WaitForOutputAsync("Stop with Ctrl+C");
            await using (DlmsClient mr = await EmulatorProcess.AssociateMeterReaderAsync(port, "ABCD0001"))
            {
                Assert.Equal("DLDIN0000000001", System.Text.Encoding.ASCII.GetString((await mr.GetAsync(CosemAttribute.Parse("0.0.42.0.0.255:1:2"))).Bytes));
                Assert.Equal(13, Assert.Single((await mr.GetAsync(CosemAttribute.Parse("1.0.94.91.0.255:7:2"))).Items).Items.Count);
                Assert.Equal(7, (await mr.GetObjectListAsync()).Count(e => e.ClassId == 7 && e.LogicalName.ToString().StartsWith("0.0.99.98.", StringComparison.Ordinal)));
                await mr.ReleaseAsync();
            }
            emulator.StopCleanly();
            Assert.Contains("(\"is15959-single-phase\")", emulator.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void SnapshotProfiles_CapturedAtEveryRead_WithoutAllocating()
        {
            MeterDefinitionFile file = MeterDefinitionFile.Load(MeterFile("is15959-single-phase.json"), resolveSecrets: false);
            DlmsDevice.Meter.MeterModel model = file.Build(DefaultMeterGoldenTests.Configuration(), file.CreateSettings());
            model.Engine.Start(null);
            var instant = (DlmsDevice.Stack.Cosem.ProfileGeneric)model.Device.Find(7, DlmsDevice.Stack.Axdr.ObisCode.Parse("1.0.94.91.0.255"))!;
            var scalers = (DlmsDevice.Stack.Cosem.ProfileGeneric)model.Device.Find(7, DlmsDevice.Stack.Axdr.ObisCode.Parse("1.0.94.91.3.255"))!;
            var context = new DlmsDevice.Stack.Cosem.CosemContext();
            var cursor = new DlmsDevice.Stack.Cosem.ArrayCursor();
            var writer = new DlmsDevice.Stack.Axdr.AxdrWriter();
            byte[] buffer = new byte[512];
            // No assertion inside the measured loop (xUnit's allocate): the results are summed.
            int Read(DlmsDevice.Stack.Cosem.ProfileGeneric profile)
            {
                profile.BeginArray(2, 0, null, cursor, context, out DlmsDevice.Stack.Cosem.DataAccessResult begin);
                cursor.Index = 0;
                writer.Reset(buffer, 0, buffer.Length);
                DlmsDevice.Stack.Cosem.DataAccessResult row = profile.WriteArrayElement(2, cursor, writer, context);
                return begin == DlmsDevice.Stack.Cosem.DataAccessResult.Success && row == DlmsDevice.Stack.Cosem.DataAccessResult.Success ? cursor.Count : -1000;
            }
            Assert.Equal(1, Read(instant));
            Assert.Equal(1, Read(scalers));
            int before = instant.CaptureCount;
            int rows = 0;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                rows += Read(instant) + Read(scalers);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Assert.Equal(0, allocated);
            Assert.Equal(200, rows);
            // A row per read, one kept.
            Assert.Equal(before + 100, instant.CaptureCount);
            Assert.Equal(1, instant.EntriesInUse);
        }

        [Fact]
        public void SinglePhase_DeviceBudget_OnlyTheModelHeapIsOver()
        {
            MeterDefinitionFile file = MeterDefinitionFile.Load(MeterFile("is15959-single-phase.json"), resolveSecrets: false);
            Assert.Equal(DlmsDevice.Meter.EventLogLayout.Is15959, file.Definition.EventLogs);
            var lines = DeviceBudget.Check(file);
            // Objects, the largest record and the state file fit; the model heap does not
            // (docs/is15959.md: the seven event logs and the six snapshot profiles).
            Assert.All(lines.Where(l => !l.What.StartsWith("model heap", StringComparison.Ordinal)), l => Assert.True(l.Within, l.ToString()));
            DeviceBudget.Line heap = lines.Single(l => l.What.StartsWith("model heap", StringComparison.Ordinal));
            Assert.False(heap.Within);
            Assert.InRange(heap.Figure, DeviceBudget.ModelHeapBytes, 80_000);
        }
    }
}
