using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Emulator.Diagnostics;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Tests.EndToEnd.Support;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The emulator says what is wrong, in-process: refused associations logged with the reason,
    /// the corrupt records of the state directory listed at start, a failing health (one loud log
    /// line per streak, the health file) while state cannot be written, and the state directory
    /// lock within one process.
    /// </summary>
    public sealed class EmulatorDiagnosticsTests
    {
        [Fact]
        public async Task WrongLlsPassword_LoggedWithTheConnectionTheReasonAndTheAnswer()
        {
            using MeterHarness meter = MeterHarness.Start();
            await using DlmsClient client = await meter.ConnectAsync(meter.Options(TransportKind.Wrapper, DefaultMeter.MeterReaderClientSap, "wrong"));

            await Assert.ThrowsAsync<AssociationRejectedException>(() => client.AssociateAsync());

            string line = Assert.Single(meter.Logs.Lines, l => l.Contains("association refused"));
            Assert.Matches(@"Connection \d+ \(wrapper 127\.0\.0\.1:\d+\): association refused for client 32: wrong LLS password \(5 bytes given\); answered AARE rejected-permanent, acse-service-user diagnostic 13", line);
            Assert.DoesNotContain("wrong\"", line); // the password itself is never logged
        }

        [Fact]
        public async Task UnknownClientOverTheWrapper_Logged()
        {
            using MeterHarness meter = MeterHarness.Start();
            await using DlmsClient client = await meter.ConnectAsync(meter.Options(TransportKind.Wrapper, 47));

            await Assert.ThrowsAsync<AssociationRejectedException>(() => client.AssociateAsync());

            Assert.Contains(meter.Logs.Lines, l => l.Contains("association refused for client 47: unknown client (no association for client SAP 47 on logical device 1); answered AARE rejected-permanent, acse-service-user diagnostic 1"));
        }

        [Fact]
        public async Task AcceptedAssociation_NothingLoggedAsRefused()
        {
            using MeterHarness meter = MeterHarness.Start();
            await using DlmsClient client = await meter.AssociateMeterReaderAsync(TransportKind.Wrapper);

            Assert.DoesNotContain(meter.Logs.Lines, l => l.Contains("refused"));
        }

        [Fact]
        public void CorruptRecordsInTheStateDirectory_ListedAtStartWithWhatTheyHold()
        {
            string directory = NewDirectory();
            try
            {
                int records;
                int payload;
                using (MeterHarness first = MeterHarness.Start(configure: o => o.StateDirectory = directory))
                {
                    first.Meter.Advance(TimeSpan.FromMinutes(20));
                    records = first.Meter.Engine.RequiredRecordCount;
                    payload = first.Meter.Engine.RequiredPayloadLength;
                }
                // A settings record of another format (its CRC is valid) and no checkpoint at all.
                SlottedRecordStore raw = new SlottedRecordStore(new FileStorageMedium(directory), records, payload);
                Assert.Equal(StoreStatus.Ok, raw.Write(MeterPersistence.SettingsRecord, new byte[] { 7, 7, 7 }, 0, 3));
                File.Delete(Path.Combine(directory, "record-00000-a.slot"));
                File.Delete(Path.Combine(directory, "record-00000-b.slot"));

                using MeterHarness second = MeterHarness.Start(configure: o => o.StateDirectory = directory);
                string[] lines = CorruptRecordReport.Lines(second.Meter.Engine, directory);

                Assert.Equal(new[]
                {
                    "Corrupt state in " + directory + ": 2 record(s) could not be used at start (event 14 logged; the meter goes on with what was readable):",
                    "  record 1 (settings: disconnect state, time zone, daylight saving): valid bytes that are not a record of this format or layout (another version or row width): not used",
                    "  record 0 (checkpoint: energy, maximum demand, schedules, clock): missing while other records exist: energy and maximum demand start again from 0",
                }, lines);
                Assert.Equal("record 183 (load profile 1.0.99.1.0.255, chunk 180)", RecordNames.Describe(second.Meter.Engine, 183));
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        [Fact]
        public void CleanStateDirectory_NoCorruptRecordLines()
        {
            string directory = NewDirectory();
            try
            {
                using (MeterHarness first = MeterHarness.Start(configure: o => o.StateDirectory = directory))
                {
                    first.Meter.Advance(TimeSpan.FromMinutes(5));
                }
                using MeterHarness second = MeterHarness.Start(configure: o => o.StateDirectory = directory);

                Assert.Empty(CorruptRecordReport.Lines(second.Meter.Engine, directory));
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        [Fact]
        public void StateCannotBeWritten_OneLoudLinePerStreak_HealthFileFailingThenOk()
        {
            string directory = NewDirectory();
            string healthFile = Path.Combine(directory, "..", Path.GetFileName(directory) + ".health");
            CapturingLoggerProvider logs = new CapturingLoggerProvider();
            try
            {
                using ILoggerFactory factory = logs.CreateFactory();
                using MeterHarness meter = MeterHarness.Start(configure: o => o.StateDirectory = directory);
                meter.Meter.Advance(TimeSpan.FromMinutes(2));
                using HealthReporter health = new HealthReporter(meter.Meter.StateHealth, factory.CreateLogger("test"), healthFile, directory, 0,
                    id => RecordNames.Describe(meter.Meter.Engine, id));
                health.Check();
                Assert.Contains("status=ok\n", File.ReadAllText(healthFile));

                // Both checkpoint slots become directories: every write of record 0 fails.
                string[] slots = { Path.Combine(directory, "record-00000-a.slot"), Path.Combine(directory, "record-00000-b.slot") };
                foreach (string slot in slots)
                {
                    File.Delete(slot);
                    Directory.CreateDirectory(slot);
                }
                meter.Meter.Advance(TimeSpan.FromMinutes(3));
                health.Check();
                meter.Meter.Advance(TimeSpan.FromSeconds(10));
                health.Check();

                Assert.True(health.IsFailing);
                string failing = File.ReadAllText(healthFile);
                Assert.Contains("status=failing\n", failing);
                Assert.Contains("failing_records=0\n", failing);
                Assert.Matches(@"failed_writes=[1-9]\d*\n", failing);
                Assert.Single(logs.Lines, l => l.Contains("STATE CANNOT BE WRITTEN to " + directory + ": record 0 (checkpoint: energy, maximum demand, schedules, clock) failed"));

                foreach (string slot in slots)
                {
                    Directory.Delete(slot);
                }
                meter.Meter.Advance(TimeSpan.FromSeconds(5));
                health.Check();

                Assert.False(health.IsFailing);
                Assert.Contains("status=ok\n", File.ReadAllText(healthFile));
                Assert.Single(logs.Lines, l => l.Contains("State writes to " + directory + " work again"));
                Assert.Single(logs.Lines, l => l.Contains("STATE CANNOT BE WRITTEN"));
                health.Stop();
                Assert.Contains("status=stopped\n", File.ReadAllText(healthFile));
            }
            finally
            {
                Directory.Delete(directory, true);
                File.Delete(healthFile);
            }
        }

        [Fact]
        public void StateDirectory_SecondMeterInTheSameProcess_RefusedUntilTheFirstIsDisposed()
        {
            string directory = NewDirectory();
            try
            {
                using (MeterHarness first = MeterHarness.Start(configure: o => o.StateDirectory = directory))
                {
                    StateDirectoryInUseException error = Assert.Throws<StateDirectoryInUseException>(
                        () => MeterHarness.Start(configure: o => o.StateDirectory = directory));
                    Assert.Equal(Environment.ProcessId, error.HolderProcessId);
                    Assert.Contains("is in use by process " + Environment.ProcessId, error.Message);
                }
                using MeterHarness again = MeterHarness.Start(configure: o => o.StateDirectory = directory);
                Assert.True(again.Meter.ResumedFromState);
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        private static string NewDirectory()
        {
            return Path.Combine(Path.GetTempPath(), "dlmsdevice-diag-" + Guid.NewGuid().ToString("N"));
        }
    }
}
