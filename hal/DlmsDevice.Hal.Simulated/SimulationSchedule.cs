using System;
using System.Collections.Generic;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A set of <see cref="ScheduledInterval"/>s, possibly overlapping: active when any of them is.
    /// Answers "active at t?" and "when does that change next?" lazily, so repeating schedules
    /// need no horizon and nothing is allocated while the simulation runs.
    /// </summary>
    public sealed class SimulationSchedule
    {
        private const int MaxSkippedBoundaries = 1024;

        private readonly ScheduledInterval[] _intervals;

        /// <summary>A schedule of the given intervals (copied).</summary>
        public SimulationSchedule(IEnumerable<ScheduledInterval>? intervals)
        {
            _intervals = intervals == null ? Array.Empty<ScheduledInterval>() : new List<ScheduledInterval>(intervals).ToArray();
        }

        /// <summary>A schedule that is never active.</summary>
        public static SimulationSchedule Never { get; } = new SimulationSchedule(null);

        /// <summary>Number of intervals.</summary>
        public int Count => _intervals.Length;

        /// <summary>True when some interval is active at <paramref name="elapsedTicks"/> after the simulation start.</summary>
        public bool IsActive(long elapsedTicks)
        {
            for (int i = 0; i < _intervals.Length; i++)
            {
                if (_intervals[i].IsActive(elapsedTicks))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The first time strictly after <paramref name="elapsedTicks"/> at which
        /// <see cref="IsActive"/> changes; <see cref="long.MaxValue"/> when it never does.
        /// Boundaries where overlapping intervals hand over (no change) are skipped, up to a
        /// limit: for pathological schedules (repeating intervals that always overlap) the
        /// result may be a boundary without a change, so callers compare levels before acting.
        /// </summary>
        public long NextChange(long elapsedTicks)
        {
            bool level = IsActive(elapsedTicks);
            long t = elapsedTicks;
            for (int guard = 0; guard < MaxSkippedBoundaries; guard++)
            {
                long next = long.MaxValue;
                for (int i = 0; i < _intervals.Length; i++)
                {
                    long boundary = _intervals[i].NextBoundary(t);
                    if (boundary < next)
                    {
                        next = boundary;
                    }
                }

                if (next == long.MaxValue || IsActive(next) != level)
                {
                    return next;
                }

                t = next;
            }

            return t;
        }
    }
}
