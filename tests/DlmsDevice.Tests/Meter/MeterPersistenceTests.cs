using System;
using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using Xunit.Abstractions;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Persistence that loses nothing: a restart over the same medium restores energy, maximum
    /// demand, profile rows, events and settings; torn and corrupt records are never read as data;
    /// a value shown before a restart is never larger than the value after it.
    /// </summary>
    public class MeterPersistenceTests
    {
        private readonly ITestOutputHelper _output;

        public MeterPersistenceTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static string Buffer(ProfileGeneric p) => CosemTestKit.Get(p, 2);

        [Fact]
        public void Restart_RestoresEnergyMaximumDemandRowsEventsAndSettings()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Engine.Tick();
            rig.Pulse(400);
            rig.PulseExport(25);
            MeterEngineProfileTests.RunTo(rig, 11, 0, pulsesPerMinute: 2);
            rig.Cover.Drive(true, rig.Clock.Utc);
            rig.Run(1);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(rig.Engine.Clock, 3, "10 FFC4"));
            CosemTestKit.Invoke(rig.Engine.Disconnect, 1, "0F 00");
            rig.Run(1);
            string load = Buffer(rig.Engine.LoadProfile);
            var events = MeterEngineProfileTests.Rows(rig.Engine.EventLog).ToList();
            long import = rig.Engine.ActiveEnergyImport.Value.Integer;
            long export = rig.Engine.ActiveEnergyExport.Value.Integer;
            string maximum = CosemTestKit.Get(rig.Engine.MaximumDemandImport, 2);
            string maximumTime = CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5);
            int captures = rig.Engine.LoadProfile.CaptureCount;

            rig.Restart();

            Assert.True(rig.Engine.RestoredFromStore);
            Assert.False(rig.Engine.CorruptionFound);
            Assert.Equal(import, rig.Engine.ActiveEnergyImport.Value.Integer);
            Assert.Equal(export, rig.Engine.ActiveEnergyExport.Value.Integer);
            Assert.Equal(maximum, CosemTestKit.Get(rig.Engine.MaximumDemandImport, 2));
            Assert.Equal(maximumTime, CosemTestKit.Get(rig.Engine.MaximumDemandImport, 5));
            Assert.Equal(load, Buffer(rig.Engine.LoadProfile));
            Assert.Equal(captures, rig.Engine.LoadProfile.CaptureCount);
            // The events survive; the restart appends power down (no clean shutdown), power up, and
            // the cover found open at power-up.
            var after = MeterEngineProfileTests.Rows(rig.Engine.EventLog);
            Assert.Equal(events, after.Take(events.Count));
            Assert.Equal(new long[] { 1, 2, 40 }, after.Skip(events.Count).Select(r => r.Items[1].ToInt64()));
            Assert.Equal((short)-60, rig.Engine.Clock.TimeZone);
            Assert.Equal(ControlState.Disconnected, rig.Engine.Disconnect.ControlState);
            Assert.True(import > 400);
            Assert.Equal(25, export);
        }

        [Fact]
        public void Restart_ProfileRingLargerThanTheChunks_RowsAndNumberingContinue()
        {
            MeterRig rig = new MeterRig(c =>
            {
                c.LoadProfileEntries = 40;
                c.LoadProfilePeriodSeconds = 60;
                c.RowsPerChunk = 16;
            }).Begin();
            for (int minute = 0; minute < 137; minute++)
            {
                rig.Pulse(1);
                rig.Run(60, 10_000);
            }
            string before = Buffer(rig.Engine.LoadProfile);
            int captures = rig.Engine.LoadProfile.CaptureCount;
            int oldest = rig.Engine.LoadProfile.OldestSequence;

            rig.Restart();
            string after = Buffer(rig.Engine.LoadProfile);
            rig.Run(60, 10_000);

            Assert.Equal(40, rig.Engine.LoadProfile.EntriesInUse);
            Assert.Equal(before, after);
            Assert.Equal(oldest, captures - 40);
            Assert.Equal(captures + 1, rig.Engine.LoadProfile.CaptureCount);
            // Load profile: ceil(40 / 16) + 1 = 4 chunk records after the checkpoint and settings.
            Assert.Equal(4, rig.Engine.Persistence.GetRecordCount(0));
            Assert.Equal(MeterPersistence.FirstProfileRecord, rig.Engine.Persistence.GetFirstRecord(0));
        }

        [Fact]
        public void Restart_ProfileChunkLost_NewerRowsKeptOlderGone()
        {
            MeterRig rig = new MeterRig(c =>
            {
                c.LoadProfileEntries = 40;
                c.LoadProfilePeriodSeconds = 60;
                c.RowsPerChunk = 16;
            }).Begin();
            for (int minute = 0; minute < 60; minute++)
            {
                rig.Run(60, 10_000);
            }
            int captures = rig.Engine.LoadProfile.CaptureCount;
            // Destroy both slots of the chunk two blocks back from the newest row.
            int record = MeterPersistence.FirstProfileRecord + ((captures - 1) / 16 - 1) % 4;
            rig.Medium.EraseSlot(record, 0);
            rig.Medium.EraseSlot(record, 1);

            rig.Restart();

            Assert.Equal(captures, rig.Engine.LoadProfile.CaptureCount);
            Assert.Equal((captures - 1) % 16 + 1, rig.Engine.LoadProfile.EntriesInUse);
        }

        [Fact]
        public void ProfileChunkLostWhileRunning_ItsRowsAnswerHardwareFault_TheMeterKeepsServing()
        {
            MeterRig rig = new MeterRig(c =>
            {
                c.LoadProfileEntries = 40;
                c.LoadProfilePeriodSeconds = 60;
                c.RowsPerChunk = 16;
            }).Begin();
            for (int minute = 0; minute < 60; minute++)
            {
                rig.Run(60, 10_000);
            }
            ProfileGeneric load = rig.Engine.LoadProfile;
            int captures = load.CaptureCount;
            string newest = "02 04 06 00000028 06 00000000 12 0000 12 0000";   // entry 40, the newest row
            string before = ProfileHex.GetBuffer(load, 2, newest);
            // The rows live in the store: destroy the chunk two blocks back from the newest row.
            int record = MeterPersistence.FirstProfileRecord + ((captures - 1) / 16 - 1) % 4;
            rig.Medium.EraseSlot(record, 0);
            rig.Medium.EraseSlot(record, 1);

            DataAccessResult whole = CosemTestKit.TryGet(load, 2, out string _);
            DataAccessResult entry = ProfileHex.GetBuffer(load, 2, newest, out string newestRow);
            rig.Run(60, 10_000);

            Assert.Equal(DataAccessResult.HardwareFault, whole);
            Assert.Equal(DataAccessResult.Success, entry);
            Assert.Equal(before, newestRow);
            Assert.StartsWith("01 01 02 05 09 0C", before);
            Assert.Equal(captures + 1, load.CaptureCount);
            Assert.Equal(40, load.EntriesInUse);
            Assert.Equal(0, rig.Engine.StoreFailures);
            Assert.True(rig.Engine.Persistence.GetProfileStore(0).ReadFailures > 0);
        }

        [Fact]
        public void NoStore_RowsInRamRings_RestartIsAFirstStart()
        {
            MeterRig rig = new MeterRig(c => c.LoadProfilePeriodSeconds = 60, persistent: false).Begin();
            for (int minute = 0; minute < 5; minute++)
            {
                rig.Run(60, 10_000);
            }
            ProfileGeneric load = rig.Engine.LoadProfile;

            Assert.IsType<RamRowStorage>(load.RowStorage);
            Assert.IsType<RamRowStorage>(rig.Engine.EventLog.RowStorage);
            Assert.Equal(960, load.ProfileEntries);
            Assert.Equal(5, load.EntriesInUse);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.TryGet(load, 2, out string rows));
            Assert.StartsWith("01 05 02 05 09 0C", rows);
            rig.Restart();
            Assert.Equal(0, rig.Engine.LoadProfile.EntriesInUse);
            Assert.False(rig.Engine.RestoredFromStore);
        }

        [Fact]
        public void TornCheckpointWrite_ThePreviousCheckpointIsRecovered()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Pulse(10);
            rig.Run(1);
            long shown = rig.Engine.ActiveEnergyImport.Value.Integer;

            rig.Crash.DieDuringNextWrite(30, TearFill.Garbage);
            rig.Pulse(10);
            rig.Run(1);          // this checkpoint is torn by the "power loss"
            rig.Restart();

            Assert.Equal(10, shown);
            Assert.Equal(10, rig.Engine.ActiveEnergyImport.Value.Integer);
            Assert.False(rig.Engine.CorruptionFound);
        }

        [Fact]
        public void CorruptCheckpoint_BothSlots_MemoryErrorEventAndSafeDefaults()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Pulse(50);
            rig.Run(1);
            rig.Medium.FlipBit(MeterPersistence.CheckpointRecord, 0, 200);
            rig.Medium.FlipBit(MeterPersistence.CheckpointRecord, 1, 200);

            rig.Restart();

            Assert.True(rig.Engine.CorruptionFound);
            Assert.False(rig.Engine.RestoredFromStore);
            Assert.Equal(0, rig.Engine.ActiveEnergyImport.Value.Integer);
            int[] codes = MeterEngineProfileTests.Rows(rig.Engine.EventLog).Select(r => (int)r.Items[1].ToInt64()).ToArray();
            Assert.Equal(new[] { 2, 14, 2 }, codes);
        }

        [Fact]
        public void CorruptRecords_ListedWithTheirIdsAndWhatIsWrong()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Pulse(50);
            rig.Run(1);
            // Valid slots (the CRC holds) whose contents are not a settings record nor a chunk;
            // the checkpoint torn in both slots (no valid version: "missing").
            SlottedRecordStore raw = new SlottedRecordStore(rig.Medium, rig.Engine.RequiredRecordCount, rig.Engine.RequiredPayloadLength);
            Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, raw.Write(MeterPersistence.SettingsRecord, new byte[] { 9, 9, 9 }, 0, 3));
            int chunk = MeterPersistence.FirstProfileRecord + 1;
            Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, raw.Write(chunk, new byte[] { 1, 2, 3, 4, 5 }, 0, 5));
            rig.Medium.FlipBit(MeterPersistence.CheckpointRecord, 0, 200);
            rig.Medium.FlipBit(MeterPersistence.CheckpointRecord, 1, 200);

            rig.Restart();

            CorruptRecordList list = rig.Engine.Persistence.CorruptRecords;
            string[] found = Enumerable.Range(0, list.ListedCount).Select(i => list.GetRecordId(i) + " " + list.GetDamage(i)).ToArray();
            Assert.Equal(new[] { "1 Undecodable", chunk + " Undecodable", "0 Missing" }, found);
            Assert.Equal(3, list.Count);
            Assert.True(rig.Engine.CorruptionFound);
            Assert.Equal(MeterRecordKind.ProfileChunk, rig.Engine.Persistence.DescribeRecord(chunk, out int profile, out int index));
            Assert.Equal((0, 1), (profile, index));
            Assert.Equal(MeterRecordKind.SecurityCounters, rig.Engine.Persistence.DescribeRecord(MeterPersistence.SecurityCountersRecord, out profile, out index));
            Assert.Equal(MeterRecordKind.None, rig.Engine.Persistence.DescribeRecord(rig.Engine.RequiredRecordCount, out _, out _));

            // The first restart wrote the settings and a checkpoint again; the foreign chunk is
            // listed until a capture overwrites it.
            rig.Restart();
            list = rig.Engine.Persistence.CorruptRecords;
            Assert.Equal(1, list.Count);
            Assert.Equal(chunk, list.GetRecordId(0));
        }

        /// <summary>The tamper record after the profile chunks: a foreign one is listed and named like the others.</summary>
        [Fact]
        public void CorruptTamperRecord_ListedAndNamed()
        {
            MeterRig rig = new MeterRig().Begin();
            rig.Run(1);
            int tamper = rig.Engine.Persistence.TamperStateRecord;
            SlottedRecordStore raw = new SlottedRecordStore(rig.Medium, rig.Engine.RequiredRecordCount, rig.Engine.RequiredPayloadLength);
            Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, raw.Write(tamper, new byte[] { 7, 7, 7 }, 0, 3));

            rig.Restart();

            CorruptRecordList list = rig.Engine.Persistence.CorruptRecords;
            Assert.Equal(1, list.Count);
            Assert.Equal(tamper, list.GetRecordId(0));
            Assert.True(rig.Engine.CorruptionFound);
            Assert.Equal(MeterRecordKind.TamperState, rig.Engine.Persistence.DescribeRecord(tamper, out _, out _));
        }

        [Fact]
        public void StoreFails_RegistersKeepTheSavedValue_OneMemoryErrorEvent()
        {
            FailingStore store = null!;
            MeterRig rig = new MeterRig();
            store = new FailingStore(new SlottedRecordStore(rig.Medium, rig.Engine.RequiredRecordCount, rig.Engine.RequiredPayloadLength));
            rig.Engine.Start(store);
            rig.Pulse(10);
            rig.Run(1);

            store.FailCheckpoints = true;
            rig.Pulse(30);
            rig.Run(5);
            long whileFailing = rig.Engine.ActiveEnergyImport.Value.Integer;
            store.FailCheckpoints = false;
            rig.Run(2);

            Assert.Equal(10, whileFailing);
            Assert.Equal(40, rig.Engine.ActiveEnergyImport.Value.Integer);
            int[] codes = MeterEngineProfileTests.Rows(rig.Engine.EventLog).Select(r => (int)r.Items[1].ToInt64()).ToArray();
            Assert.Equal(new[] { 2, 14 }, codes);
            Assert.True(rig.Engine.StoreFailures >= 1);
        }

        /// <summary>Fails writes of the checkpoint record on demand.</summary>
        private sealed class FailingStore : DlmsDevice.Hal.INonVolatileStore
        {
            private readonly DlmsDevice.Hal.INonVolatileStore _inner;

            public FailingStore(DlmsDevice.Hal.INonVolatileStore inner)
            {
                _inner = inner;
            }

            public bool FailCheckpoints { get; set; }

            public DlmsDevice.Hal.StoreStatus Read(int recordId, byte[] buffer, int offset, int count, out int length)
                => _inner.Read(recordId, buffer, offset, count, out length);

            public DlmsDevice.Hal.StoreStatus Write(int recordId, byte[] buffer, int offset, int count)
                => FailCheckpoints && recordId == MeterPersistence.CheckpointRecord
                    ? DlmsDevice.Hal.StoreStatus.MediumFailure
                    : _inner.Write(recordId, buffer, offset, count);
        }

        /// <summary>
        /// The in-process version of the crash test: random pulses and ticks, "reads" of the
        /// registers at random moments, and restarts at random moments, some of them in the middle
        /// of a store write (a torn write). Every value read after a restart is at least the last
        /// value read before it; the profile and event log keep their numbering.
        /// </summary>
        [Fact]
        public void RandomRestarts_ValuesReadNeverGoBackwards()
        {
            Random random = new Random(20260302);
            MeterRig rig = new MeterRig(c =>
            {
                c.LoadProfilePeriodSeconds = 60;
                c.DemandPeriodSeconds = 60;
                c.CheckpointIntervalSeconds = 30;
            }).Begin();
            long lastEnergy = 0;
            long lastMaximum = 0;
            int lastLoadEntries = 0;
            int lastEvents = 0;
            int lastCaptureCount = 0;
            double maxStalenessWh = 0;
            int torn = 0;
            for (int cycle = 0; cycle < 60; cycle++)
            {
                int steps = random.Next(20, 400);
                for (int i = 0; i < steps; i++)
                {
                    rig.Pulse(random.Next(0, 4));
                    rig.Run(1);
                    maxStalenessWh = Math.Max(maxStalenessWh, (rig.Engine.LiveEnergyImportMilliWh - rig.Engine.PublishedEnergyImportMilliWh) / 1000.0);
                    if (random.Next(10) == 0)
                    {
                        lastEnergy = rig.Engine.ActiveEnergyImport.Value.Integer;
                        lastMaximum = rig.Engine.MaximumDemandImport.Value.Integer;
                        lastLoadEntries = rig.Engine.LoadProfile.EntriesInUse;
                        lastEvents = rig.Engine.EventLog.EntriesInUse;
                        lastCaptureCount = rig.Engine.LoadProfile.CaptureCount;
                    }
                }
                if (random.Next(3) == 0)
                {
                    // Die in the middle of the next store write: nothing after it is saved, and
                    // nothing after it is read (the device is gone).
                    rig.Crash.DieDuringNextWrite(random.Next(0, 60), (TearFill)random.Next(0, 3));
                    for (int i = 0; i < 1000 && !rig.Crash.Dead; i++)
                    {
                        rig.Pulse(3);
                        rig.Run(1);
                    }
                    torn++;
                }
                rig.Restart();

                Assert.False(rig.Engine.CorruptionFound);
                Assert.True(rig.Engine.ActiveEnergyImport.Value.Integer >= lastEnergy, "energy went back in cycle " + cycle);
                Assert.True(rig.Engine.MaximumDemandImport.Value.Integer >= lastMaximum, "maximum demand went back in cycle " + cycle);
                Assert.True(rig.Engine.LoadProfile.EntriesInUse >= lastLoadEntries, "load profile entries went back in cycle " + cycle);
                Assert.True(rig.Engine.EventLog.EntriesInUse >= lastEvents, "event log entries went back in cycle " + cycle);
                Assert.True(rig.Engine.LoadProfile.CaptureCount >= lastCaptureCount, "capture numbering went back in cycle " + cycle);
            }
            _output.WriteLine("60 restarts (" + torn + " torn writes): energy " + rig.Engine.ActiveEnergyImport.Value.Integer
                + " Wh, max staleness " + maxStalenessWh + " Wh, load profile rows " + rig.Engine.LoadProfile.EntriesInUse
                + ", events " + rig.Engine.EventLog.EntriesInUse);
            // Staleness is bounded by the policy: 10 Wh, or what 30 s bring (at most 3 Wh/s here).
            Assert.InRange(maxStalenessWh, 0, 10 + 30 * 3);
        }
    }
}
