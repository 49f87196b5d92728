using System;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;
using DlmsDevice.Tests.Support;
using Xunit.Abstractions;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Zero allocation in steady-state metering, and the memory the engine reserves at start-up
    /// (the figure docs/metering.md reports).
    /// </summary>
    public class MeterAllocationTests
    {
        private readonly ITestOutputHelper _output;

        public MeterAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>
        /// One simulated day on every path: pulses and power, ADC windows, demand blocks, load
        /// profile captures, the daily capture at midnight, tamper and power-fail edges, voltage
        /// events, a clock adjustment, relay switching, maximum demand reset, checkpoints and row
        /// saves to the record store.
        /// </summary>
        private static void Day(MeterRig rig, AxdrReader reset, byte[] resetParameter, AxdrWriter writer, CosemContext context)
        {
            for (int minute = 0; minute < 24 * 60; minute++)
            {
                rig.Pulse(minute % 7);
                rig.PulseExport(minute % 60 == 0 ? 1 : 0);
                rig.Voltage.Raw = minute % 180 == 30 ? 20000 : 23000;
                rig.Current.Raw = 3000 + minute % 500;
                if (minute % 240 == 100)
                {
                    rig.Cover.Drive(true, rig.Clock.Utc);
                }
                if (minute % 240 == 101)
                {
                    rig.Cover.Drive(false, rig.Clock.Utc);
                }
                if (minute == 300)
                {
                    rig.PowerFail.Drive(true, rig.Clock.Utc);
                }
                if (minute == 302)
                {
                    rig.PowerFail.Drive(false, rig.Clock.Utc);
                }
                if (minute == 600)
                {
                    rig.Engine.MeterClock.SetUtcTicks(rig.Clock.Utc + 30 * TimeSpan.TicksPerSecond);
                }
                if (minute == 700)
                {
                    rig.Engine.Disconnect.RemoteDisconnect();
                }
                if (minute == 701)
                {
                    rig.Engine.Disconnect.RemoteReconnect();
                }
                if (minute == 800)
                {
                    reset.Reset(resetParameter, 0, resetParameter.Length);
                    writer.Reset(resetParameter, 0, 0);
                    rig.Engine.MaximumDemandImport.Invoke(1, reset, writer, context);
                }
                for (int s = 0; s < 6; s++)
                {
                    rig.Clock.Advance(10_000);
                    rig.Engine.Tick();
                }
            }
        }

        [Fact]
        public void Tick_SteadyStateDayOnEveryPath_AllocatesNothing()
        {
            MeterRig rig = new MeterRig(c =>
            {
                c.CheckpointIntervalSeconds = 60;
                c.LoadProfileEntries = 96;
                c.EventLogEntries = 64;
            }).Begin();
            AxdrReader reader = new AxdrReader();
            AxdrWriter writer = new AxdrWriter();
            CosemContext context = new CosemContext();
            byte[] parameter = { 0x0F, 0x00 };
            Day(rig, reader, parameter, writer, context);
            int captures = rig.Engine.LoadProfile.CaptureCount;
            int events = rig.Engine.EventLog.CaptureCount;
            int checkpoints = rig.Engine.CheckpointsWritten;

            long before = GC.GetAllocatedBytesForCurrentThread();
            Day(rig, reader, parameter, writer, context);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // The day did what it claims: 96 captures, every kind of event, many checkpoints.
            Assert.Equal(captures + 96, rig.Engine.LoadProfile.CaptureCount);
            Assert.True(rig.Engine.EventLog.CaptureCount - events >= 20, (rig.Engine.EventLog.CaptureCount - events) + " events");
            Assert.True(rig.Engine.CheckpointsWritten - checkpoints > 500);
            Assert.Equal(0, rig.Engine.StoreFailures);
            Assert.Equal(0, allocated);
        }

        /// <summary>
        /// The default model with its store and the device's 960-row load profile, whose rows
        /// live in the store's chunk records: whole-buffer block reads, a range read and an entry
        /// read through a server session (store reads on the request path), and a capture (a
        /// tick across a boundary: checkpoint, row, chunk write) allocate nothing after warm-up.
        /// </summary>
        [Fact]
        public void StoreBackedLoadProfile_BlockRangeEntryReadsAndCapture_AllocateNothing()
        {
            MeterRig rig = new MeterRig(c => c.LoadProfilePeriodSeconds = 60, model: true).Begin();
            rig.Engine.Tick();
            for (int minute = 0; minute < 1000; minute++)
            {
                rig.Pulse(2);
                rig.Run(60, 60_000);
            }
            Assert.Equal(960, rig.Engine.LoadProfile.EntriesInUse);
            Assert.NotNull(rig.Engine.Persistence.Store);
            ModelSession session = new ModelSession(rig.Model!).Associate(16);
            const string Buffer = "C0 01 C1 0007 0100630100FF 02 ";
            const string Clock = "02 04 12 0008 09 06 0000010000FF 0F 02 12 0000";
            byte[] whole = Hex.Parse(Buffer + "00");
            // 20:00 .. 23:59 of the first day: 240 rows, more than one block.
            byte[] range = Hex.Parse(Buffer + "01 01 02 04 " + Clock
                + " 09 0C 07EA 03 02 FF 14 00 00 00 0000 00 09 0C 07EA 03 02 FF 17 3B 00 00 0000 00 01 00");
            byte[] entry = Hex.Parse(Buffer + "01 02 02 04 06 00000002 06 00000003 12 0001 12 0002");
            byte[][] nexts = new byte[200][];
            for (int i = 0; i < nexts.Length; i++)
            {
                nexts[i] = DlmsDevice.Client.GetRequest.Next(0xC1, (uint)(i + 1));
            }
            int wholeBlocks = ReadAll(session, whole, nexts);
            int rangeBlocks = ReadAll(session, range, nexts);
            ReadAll(session, entry, nexts);
            rig.Run(60, 60_000);
            int captures = rig.Engine.LoadProfile.CaptureCount;

            long wholeBytes = Allocations.Least(() => ReadAll(session, whole, nexts));
            long rangeBytes = Allocations.Least(() => ReadAll(session, range, nexts));
            long entryBytes = Allocations.Least(() => ReadAll(session, entry, nexts));
            long captureBytes = Allocations.Least(() => rig.Run(60, 60_000));

            Assert.True(wholeBlocks > 5, wholeBlocks + " blocks");
            Assert.True(rangeBlocks > 1 && rangeBlocks < wholeBlocks, rangeBlocks + " blocks");
            Assert.True(rig.Engine.LoadProfile.CaptureCount > captures);
            Assert.Equal(0, rig.Engine.StoreFailures);
            Assert.Equal(0, rig.Engine.Persistence.GetProfileStore(0).ReadFailures);
            Assert.Equal(0, wholeBytes);
            Assert.Equal(0, rangeBytes);
            Assert.Equal(0, entryBytes);
            Assert.Equal(0, captureBytes);
        }

        // Sends a GET and its GET-Next requests; returns the APDUs answered (throws on anything but data).
        internal static int ReadAll(ModelSession session, byte[] first, byte[][] nexts)
        {
            int blocks = 0;
            int length = session.SendRaw(first);
            while (true)
            {
                byte[] r = session.Response;
                int h = ModelSession.Headroom;
                blocks++;
                if (length >= 5 && r[h] == 0xC4 && r[h + 1] == 0x01 && r[h + 3] == 0x00)
                {
                    return blocks;                                    // a normal response with data
                }
                if (length < 8 || r[h] != 0xC4 || r[h + 1] != 0x02 || r[h + 8] != 0x00)
                {
                    throw new InvalidOperationException("not data");
                }
                if (r[h + 3] != 0)
                {
                    return blocks;                                    // the last block
                }
                length = session.SendRaw(nexts[blocks - 1]);
            }
        }

        [Fact]
        public void Construction_DefaultModel_ReservedBytesReported()
        {
            long model = MeasureModel(c => { }, true, out long store, out long start, out int records, out int payload);
            long emulator = MeasureModel(c =>
            {
                c.LoadProfileEntries = 2880;
                c.EventLogEntries = 1000;
            }, true, out long emulatorStore, out long emulatorStart, out int emulatorRecords, out int emulatorPayload);
            MeasureModel(c => { }, false, out _, out long ramStart, out _, out _);

            _output.WriteLine("device defaults: model " + model + " B, store " + store + " B (" + records + " records, " + payload
                + " B payload), start " + start + " B; start without a store (RAM rings) " + ramStart + " B");
            _output.WriteLine("emulator (2880 load rows, 1000 events): model " + emulator + " B, store " + emulatorStore + " B ("
                + emulatorRecords + " records), start " + emulatorStart + " B");
            // The rows live in the store: the model is the objects and a chunk or two per
            // profile, well within the ESP32 budget docs/metering.md states, whatever the
            // number of rows; only the store's per-record state grows with the history.
            Assert.InRange(model, 10_000, 40 * 1024);
            Assert.Equal(model, emulator);
            Assert.InRange(store, 1, 8 * 1024);
            Assert.True(emulatorStore > store);
            Assert.Equal(0, start);
            Assert.Equal(0, emulatorStart);
            // Without a store the rows stay in RAM: the three rings are allocated at start.
            Assert.True(ramStart >= 960 * 30 + 62 * 43 + 256 * 16, ramStart + " B");
        }

        [Fact]
        public void Construction_Is15959LayoutWithTheTamperChannels_ReservedBytesReported()
        {
            long standard = MeasureModel(c => { }, true, out _, out _, out int standardRecords, out _);
            long layout = MeasureModel(c =>
            {
                c.EventLogs = EventLogLayout.Is15959;
                c.NeutralCurrent = new AnalogChannel(new FakeAnalogInput(), AnalogQuantity.NeutralCurrent, 0.001, 0, Unit.Ampere, -2);
                c.Frequency = new FrequencyChannel(new FakeWaveformInput(1600));
            }, true, out long store, out long start, out int records, out int payload);

            _output.WriteLine("IS 15959 layout, neutral current and frequency: model " + layout + " B (standard layout " + standard + " B), store "
                + store + " B (" + records + " records, standard " + standardRecords + "), start " + start + " B");
            // Seven logs instead of one (each a Profile generic with its column arrays, scratch
            // and two chunk images), six more code objects, the neutral register, the frequency
            // meter and its 256-sample buffer: about 22 KB more on the desktop (docs/tamper.md:
            // more than an ESP32 without PSRAM has to spare), still no row in RAM.
            Assert.InRange(layout - standard, 10 * 1024, 30 * 1024);
            Assert.Equal(0, start);
        }

        private static long MeasureModel(Action<MeterConfiguration> configure, bool persistent, out long store, out long start, out int records, out int payload)
        {
            MeterRig rig = new MeterRig(model: true);
            MeterConfiguration config = rig.Config;
            configure(config);
            DefaultMeterModelSettings settings = new DefaultMeterModelSettings();
            DlmsDevice.Hal.Simulated.Storage.MemoryStorageMedium medium = new DlmsDevice.Hal.Simulated.Storage.MemoryStorageMedium(400, 1024);
            // Warm the code paths (JIT, statics) on a throw-away model first.
            DefaultMeterModel warm = new DefaultMeterModel(config, settings);
            warm.Engine.Start(new SlottedRecordStore(new DlmsDevice.Hal.Simulated.Storage.MemoryStorageMedium(400, 1024), warm.Engine.RequiredRecordCount, warm.Engine.RequiredPayloadLength));

            long t0 = GC.GetAllocatedBytesForCurrentThread();
            DefaultMeterModel model = new DefaultMeterModel(config, settings);
            long t1 = GC.GetAllocatedBytesForCurrentThread();
            SlottedRecordStore records_ = new SlottedRecordStore(medium, model.Engine.RequiredRecordCount, model.Engine.RequiredPayloadLength);
            long t2 = GC.GetAllocatedBytesForCurrentThread();
            model.Engine.Start(persistent ? records_ : null);
            long t3 = GC.GetAllocatedBytesForCurrentThread();
            store = t2 - t1;
            start = t3 - t2;
            records = model.Engine.RequiredRecordCount;
            payload = model.Engine.RequiredPayloadLength;
            return t1 - t0;
        }
    }
}
