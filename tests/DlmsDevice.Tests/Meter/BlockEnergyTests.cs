using System;
using System.Collections.Generic;
using DlmsDevice.Client;
using DlmsDevice.Meter;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Cosem;
using static DlmsDevice.Tests.Meter.MeterEngineProfileTests;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The ABT block values (IS 15959 block load profile): active energy import and export of
    /// the last completed load profile block 1.0.1.29.0.255, 1.0.2.29.0.255, the reactive energy
    /// 1.0.3.8.0.255 = sqrt(S^2 - P^2) integrated, and its block value 1.0.3.29.0.255.
    /// </summary>
    public class BlockEnergyTests
    {
        // Load profile columns: clock, +A, -A, block +A, block -A, reactive energy, block reactive.
        private static void Abt(MeterConfiguration config)
        {
            config.Names.Set(EngineQuantity.BlockEnergyImport, new DlmsDevice.Stack.Axdr.ObisCode(1, 0, 1, 29, 0, 255));
            config.Names.Set(EngineQuantity.BlockEnergyExport, new DlmsDevice.Stack.Axdr.ObisCode(1, 0, 2, 29, 0, 255));
            config.Names.Set(EngineQuantity.ReactiveEnergy, new DlmsDevice.Stack.Axdr.ObisCode(1, 0, 3, 8, 0, 255));
            config.Names.Set(EngineQuantity.BlockReactiveEnergy, new DlmsDevice.Stack.Axdr.ObisCode(1, 0, 3, 29, 0, 255));
            config.LoadProfileLayout = new ProfileLayout(7)
                .Add(EngineQuantity.Clock, DlmsDevice.Stack.Cosem.Clock.Attributes.Time, 0)
                .Add(EngineQuantity.ActiveEnergyImport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.ActiveEnergyExport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.BlockEnergyImport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.BlockEnergyExport, Register.Attributes.Value, 0)
                .Add(EngineQuantity.ReactiveEnergy, Register.Attributes.Value, 0)
                .Add(EngineQuantity.BlockReactiveEnergy, Register.Attributes.Value, 0);
        }

        private static long Value(Register register) => register.Value.Integer;

        // 3600 imp/kWh: a pulse each second is 1000 W. 250 V x 5 A = 1250 VA, so Q = 750 var, PF 0.8.
        private static MeterRig ReactiveRig()
        {
            MeterRig rig = new MeterRig(Abt, impulsesPerKwh: 3600).Begin();
            rig.Voltage.Raw = 25000;
            rig.Current.Raw = 5000;
            return rig;
        }

        private static void RunWithPower(MeterRig rig, int seconds)
        {
            for (int s = 0; s < seconds; s++)
            {
                rig.Pulse(1);
                rig.Run(1);
            }
        }

        [Fact]
        public void BlockEnergies_TwoBoundaries_TheDeltaOfTheEnergyColumns()
        {
            MeterRig rig = new MeterRig(Abt).Begin();
            RunTo(rig, 10, 15, pulsesPerMinute: 3);
            rig.PulseExport(5);
            RunTo(rig, 10, 30, pulsesPerMinute: 3);

            IReadOnlyList<DlmsValue> rows = Rows(rig.Engine.LoadProfile);
            Assert.Equal(2, rows.Count);
            // 10:08 .. 10:14: 21 Wh from the start (0); 10:15 .. 10:29: 45 Wh and 5 Wh exported.
            Assert.Equal("21", Cell(rows[0], 1));
            Assert.Equal("21", Cell(rows[0], 3));
            Assert.Equal("0", Cell(rows[0], 4));
            Assert.Equal("66", Cell(rows[1], 1));
            Assert.Equal("45", Cell(rows[1], 3));
            Assert.Equal("5", Cell(rows[1], 2));
            Assert.Equal("5", Cell(rows[1], 4));
            // The registers show the block just closed until the next boundary.
            Assert.Equal(45, Value(rig.Engine.BlockEnergyImport!));
            Assert.Equal(5, Value(rig.Engine.BlockEnergyExport!));
            RunTo(rig, 10, 44, pulsesPerMinute: 1);
            Assert.Equal(45, Value(rig.Engine.BlockEnergyImport!));
            RunTo(rig, 10, 45, pulsesPerMinute: 1);
            // The 3 Wh added at 10:30 after its capture, then 1 Wh a minute 10:31 .. 10:44.
            Assert.Equal(17, Value(rig.Engine.BlockEnergyImport!));
            Assert.Equal(0, Value(rig.Engine.BlockEnergyExport!));
        }

        [Fact]
        public void BlockEnergies_KwhScaler_TheDifferenceOfTheRegistersShown()
        {
            // 0.7 kWh per block with the registers in kWh: 0, 0 (700 Wh), 1 (1400 Wh), 2 (2100 Wh).
            // The block column is the difference of the +A column, so the blocks sum to +A.
            MeterRig rig = new MeterRig(c => { Abt(c); c.EnergyScaler = 3; }).Begin();
            RunTo(rig, 10, 15);
            for (int block = 0; block < 3; block++)
            {
                rig.Pulse(700);
                rig.Run(900);
            }
            IReadOnlyList<DlmsValue> rows = Rows(rig.Engine.LoadProfile);
            Assert.Equal(4, rows.Count);
            for (int i = 1; i < rows.Count; i++)
            {
                Assert.Equal(rows[i].Items[1].ToInt64() - rows[i - 1].Items[1].ToInt64(), rows[i].Items[3].ToInt64());
            }
            Assert.Equal(new[] { "0", "1", "1" }, new[] { Cell(rows[1], 3), Cell(rows[2], 3), Cell(rows[3], 3) });
        }

        [Fact]
        public void ReactiveEnergy_KnownApparentAndActivePower_750VarIntegrated()
        {
            MeterRig rig = ReactiveRig();
            RunWithPower(rig, 30);
            // The triangle the engine sees: S 1250 VA, P 1000 W, PF 0.800.
            Assert.Equal(1250, Value(rig.Engine.ApparentPower));
            Assert.Equal(1000, Value(rig.Engine.ActivePowerImport));
            Assert.Equal(800, Value(rig.Engine.PowerFactor));
            long before = rig.Engine.LiveReactiveEnergyMilliVarh;

            RunWithPower(rig, 3600);

            // 750 var for one hour: 750 varh exactly (the var x ms remainder carried).
            Assert.Equal(750000, rig.Engine.LiveReactiveEnergyMilliVarh - before);
            // The register shows the last checkpoint, as +A does: never ahead of what is saved.
            rig.Engine.RequestCheckpoint();
            rig.Run(1);
            Assert.Equal(rig.Engine.LiveReactiveEnergyMilliVarh / 1000, Value(rig.Engine.ReactiveEnergy!));
            Assert.Equal(Unit.VarHour, rig.Engine.ReactiveEnergy!.Unit);
        }

        [Fact]
        public void ReactiveEnergy_ActivePowerOnly_NoReactiveEnergy()
        {
            MeterRig rig = new MeterRig(Abt, impulsesPerKwh: 3600).Begin();
            rig.Voltage.Raw = 20000;   // 200 V x 5 A = 1000 VA = P: Q = 0
            rig.Current.Raw = 5000;
            RunWithPower(rig, 30);
            long before = rig.Engine.LiveReactiveEnergyMilliVarh;
            RunWithPower(rig, 600);
            Assert.Equal(before, rig.Engine.LiveReactiveEnergyMilliVarh);
        }

        [Fact]
        public void Restart_MidBlock_ReactiveNeverBackwardsAndTheBlockDeltaExact()
        {
            MeterRig rig = ReactiveRig();
            RunTo(rig, 10, 15);
            RunWithPower(rig, 300);               // 10:15 .. 10:20 at 1000 W: 83 Wh
            rig.Engine.RequestCheckpoint();
            rig.Run(1);
            long reactiveRead = Value(rig.Engine.ReactiveEnergy!);
            long energyRead = Value(rig.Engine.ActiveEnergyImport);
            Assert.True(reactiveRead > 0);
            RunWithPower(rig, 20);                // counted, not yet saved: lost with the power

            rig.Restart();
            Assert.True(Value(rig.Engine.ReactiveEnergy!) >= reactiveRead);
            Assert.True(Value(rig.Engine.ActiveEnergyImport) >= energyRead);
            rig.Voltage.Raw = 25000;
            rig.Current.Raw = 5000;
            RunWithPower(rig, 300);
            RunTo(rig, 10, 30);

            IReadOnlyList<DlmsValue> rows = Rows(rig.Engine.LoadProfile);
            DlmsValue last = rows[rows.Count - 1];
            DlmsValue previous = rows[rows.Count - 2];
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 30)), Cell(last, 0));
            Assert.Equal(rig.DateTimeHex(MeterRig.At(10, 15)), Cell(previous, 0));
            // The block started before the restart: its start came back from the checkpoint.
            Assert.Equal(last.Items[1].ToInt64() - previous.Items[1].ToInt64(), last.Items[3].ToInt64());
            Assert.Equal(last.Items[5].ToInt64() - previous.Items[5].ToInt64(), last.Items[6].ToInt64());
            Assert.True(last.Items[3].ToInt64() > 100);
            // And the block registers come back as they were after another restart.
            long block = Value(rig.Engine.BlockEnergyImport!);
            rig.Restart();
            Assert.Equal(block, Value(rig.Engine.BlockEnergyImport!));
        }

        [Fact]
        public void Checkpoint_WithoutBlockEnergies_FormatTwoStillWrittenAndReadBack()
        {
            // A meter that binds none of them writes the format-2 record it always wrote.
            MeterRig plain = new MeterRig().Begin();
            Assert.Null(plain.Engine.BlockEnergyImport);
            Assert.Null(plain.Engine.GetObject(EngineQuantity.ReactiveEnergy));
            plain.Pulse(42);
            plain.Engine.RequestCheckpoint();
            plain.Run(1);
            byte[] buffer = new byte[MeterCheckpoint.Length];
            Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, plain.Store!.Read(MeterPersistence.CheckpointRecord, buffer, 0, buffer.Length, out int length));
            Assert.Equal(MeterCheckpoint.LengthVersion2, length);
            Assert.Equal(2, buffer[0]);

            // An engine with block energies reads it: the energy kept, the block starting there.
            MeterCheckpoint withBlocks = new MeterCheckpoint();
            withBlocks.Blocks = new BlockEnergies(new MeterObjectNames(), 0, true);
            Assert.True(withBlocks.ReadFrom(buffer, 0, length));
            Assert.Equal(42000, withBlocks.EnergyImportMilliWh);
            Assert.Equal(0, withBlocks.Blocks.ReactiveMilliVarh);
        }

        [Fact]
        public void Checkpoint_FormatThree_NegativeReactiveEnergyIsNotARecord()
        {
            MeterCheckpoint cp = new MeterCheckpoint();
            cp.Clear();
            cp.Blocks = new BlockEnergies(new MeterObjectNames(), 0, true);
            byte[] buffer = new byte[MeterCheckpoint.Length];
            cp.WriteTo(buffer, 0);
            Assert.Equal(3, buffer[0]);
            Assert.True(cp.ReadFrom(buffer, 0, MeterCheckpoint.Length));
            buffer[MeterCheckpoint.LengthVersion2 + 7] = 0x80;
            Assert.False(cp.ReadFrom(buffer, 0, MeterCheckpoint.Length));
        }

        [Theory]
        [InlineData(0L, 0L)]
        [InlineData(1L, 1L)]
        [InlineData(3L, 1L)]
        [InlineData(4L, 2L)]
        [InlineData(562499L, 749L)]
        [InlineData(562500L, 750L)]
        [InlineData(9000000000000000000L, 3000000000L)]
        [InlineData(long.MaxValue, 3037000499L)]
        public void SquareRoot_Floor(long value, long root)
        {
            Assert.Equal(root, MeterMath.SquareRoot(value));
        }

        [Fact]
        public void Tick_WithBlockEnergies_AcrossBoundaries_AllocatesNothing()
        {
            MeterRig rig = ReactiveRig();
            RunWithPower(rig, 1900);              // warm-up, two boundaries
            int captures = rig.Engine.LoadProfile.CaptureCount;

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 0; s < 1800; s++)
            {
                rig.Import.AddPulses(1, rig.Clock.Mono);
                rig.Clock.Advance(1000);
                rig.Engine.Tick();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(captures + 2, rig.Engine.LoadProfile.CaptureCount);
            Assert.Equal(0, allocated);
        }
    }
}
