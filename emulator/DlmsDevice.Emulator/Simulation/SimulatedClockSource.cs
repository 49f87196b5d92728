using System;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Emulator.Simulation
{
    /// <summary>
    /// The meter's real-time clock: a start instant plus the simulation's elapsed time plus
    /// whatever offset clients set (Clock attribute 2, adjust methods). With real simulation time
    /// it follows the machine's clock; with manual time (tests) it moves only when the test
    /// advances it.
    /// </summary>
    public sealed class SimulatedClockSource : IClockSource
    {
        private readonly SimulationTime _time;
        private readonly long _startTicks;
        private long _offsetTicks;

        /// <summary>Creates a clock that reads <paramref name="startUtc"/> at elapsed time 0.</summary>
        public SimulatedClockSource(SimulationTime time, DateTime startUtc)
        {
            _time = time ?? throw new ArgumentNullException(nameof(time));
            _startTicks = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc).Ticks;
        }

        /// <summary>How far clients have moved the clock from the simulation's own time.</summary>
        public TimeSpan Offset
        {
            get { return TimeSpan.FromTicks(System.Threading.Interlocked.Read(ref _offsetTicks)); }
        }

        /// <summary>The current time as a <see cref="DateTime"/> (UTC).</summary>
        public DateTime UtcNow
        {
            get { return new DateTime(GetUtcTicks(), DateTimeKind.Utc); }
        }

        /// <inheritdoc />
        public long GetUtcTicks()
        {
            return _startTicks + _time.ElapsedMilliseconds * TimeSpan.TicksPerMillisecond + System.Threading.Interlocked.Read(ref _offsetTicks);
        }

        /// <inheritdoc />
        public void SetUtcTicks(long utcTicks)
        {
            System.Threading.Interlocked.Exchange(ref _offsetTicks, utcTicks - _startTicks - _time.ElapsedMilliseconds * TimeSpan.TicksPerMillisecond);
        }
    }
}
