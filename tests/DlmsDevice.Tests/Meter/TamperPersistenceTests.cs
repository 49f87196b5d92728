using System.Linq;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Meter;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The tamper state across restarts and power losses: an active detection is not logged or
    /// counted again, one that ended while the meter was off is restored, and a power loss
    /// between the saved state and the event row leaves the count and the rows in agreement.
    /// </summary>
    public class TamperPersistenceTests
    {
        [Fact]
        public void Restart_MismatchStillOn_NoSecondOccurrence_RestorationLater()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Run(2);
            t.Currents(5, 3);
            t.Rig.Run(61);

            t.Rig.Restart();
            t.Rig.Run(120);
            Assert.Equal(new long[] { 232, 1, 2 }, t.Codes(1));
            Assert.True(t.Engine.IsTamperActive(MeterEngine.TamperCurrentMismatch));
            t.Currents(5, 5);
            t.Rig.Run(61);

            Assert.Equal(new long[] { 232, 1, 2, 233 }, t.Codes(1));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
        }

        [Fact]
        public void Restart_CoverClosedWhileOff_RestorationAtStart()
        {
            TamperRig t = new TamperRig().Begin();
            t.Rig.Cover.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Run(1);
            t.Rig.Engine.Shutdown();
            t.Rig.Cover.Drive(false, 0);

            t.Rig.Restart();

            // Clean shutdown (1), then the restart: power up, the cover found closed.
            Assert.Equal(new long[] { 40, 1, 2, 41 }, t.Codes(1));
            Assert.False(t.Engine.IsTamperActive(MeterEngine.TamperCover));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
        }

        [Fact]
        public void PowerLostAfterTheStateBeforeTheRow_RowWrittenAtStartWithItsTime()
        {
            TamperRig t = new TamperRig(EventLogLayout.Is15959).Begin();
            t.Rig.Run(2);
            string when = t.Rig.DateTimeHex(t.Rig.Clock.Utc);

            // The magnet edge: the tamper state record is written, then the device dies.
            t.Magnet.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Crash.DieAfterWrites(1);
            t.Rig.Engine.Tick();
            Assert.True(t.Rig.Crash.Dead);
            t.Magnet.Drive(false, 0);

            t.Rig.Restart();

            // The occurrence row comes back from the saved state, then the magnet found gone.
            Assert.Equal(new[] { (when, 201L), (t.Now, 202L) }, TamperRig.Events(t.Engine.GetCategoryLog(EventCategory.Other)));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
            Assert.Equal(1, t.CategoryCodes(EventCategory.Other).Count(c => c == 201));
            Assert.Equal(MeterAlarm.PowerUp | MeterAlarm.FraudAttempt | MeterAlarm.StrongDcField, t.Engine.Alarms.RegisterBits);
            Assert.False(t.Engine.CorruptionFound);
        }

        [Theory]
        [InlineData(TearFill.Zeros)]
        [InlineData(TearFill.Garbage)]
        public void PowerLostWhileTheStateIsWritten_NothingHappened_DetectedAgainAfterRestart(TearFill fill)
        {
            TamperRig t = new TamperRig(EventLogLayout.Is15959).Begin();
            t.Rig.Run(2);

            t.Magnet.Drive(true, t.Rig.Clock.Utc);
            t.Rig.Crash.DieDuringNextWrite(20, fill);
            t.Rig.Engine.Tick();

            t.Rig.Restart();

            // The torn record is never read: the old state (no magnet); the magnet is still
            // there at power-up, so it is an occurrence now, counted once.
            Assert.Equal(new long[] { 201 }, t.CategoryCodes(EventCategory.Other));
            Assert.Equal(1, t.Engine.TamperCount.Value.Integer);
            Assert.True(t.Engine.IsTamperActive(MeterEngine.TamperMagnet));
        }

        [Fact]
        public void RandomPowerLosses_CountEqualsOccurrenceRows()
        {
            TamperRig t = new TamperRig(EventLogLayout.Is15959, c => c.CategoryLogEntries = new[] { 70, 70, 40, 20, 200, 1, 1 }).Begin();
            System.Random random = new System.Random(5);
            t.Rig.Run(2);
            for (int cycle = 0; cycle < 40; cycle++)
            {
                t.Magnet.Drive(cycle % 2 == 0, t.Rig.Clock.Utc);
                t.Rig.Crash.DieAfterWrites(random.Next(0, 4));
                t.Rig.Run(1);
                t.Rig.Restart();
                t.Rig.Run(1);
            }

            long[] other = t.CategoryCodes(EventCategory.Other);
            Assert.Equal(t.Engine.TamperCount.Value.Integer, other.Count(c => c == 201));
            Assert.True(t.Engine.TamperCount.Value.Integer >= 10, t.Engine.TamperCount.Value.Integer + " occurrences");
            // Occurrences and restorations alternate: no state was lost or doubled.
            for (int i = 1; i < other.Length; i++)
            {
                Assert.NotEqual(other[i - 1], other[i]);
            }
        }
    }
}
