using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A digital input whose level follows a <see cref="SimulationSchedule"/> (cover open,
    /// supply failed) as simulated time passes, and can also be driven by hand (an emulator
    /// command "open the cover now"). Edges are raised by the simulation step, in time order.
    /// </summary>
    public sealed class SimulatedDigitalInput : IDigitalInput
    {
        private readonly SimulationSchedule _schedule;
        private readonly long _startUtcTicks;
        private readonly object _sync = new object();
        private bool _level;
        private long _nextChange;

        /// <summary>
        /// An input on <paramref name="pin"/> following <paramref name="schedule"/>, whose times
        /// count from <paramref name="startUtcTicks"/>; the level at the start is the schedule's.
        /// </summary>
        public SimulatedDigitalInput(int pin, SimulationSchedule schedule, long startUtcTicks)
        {
            ArgumentNullException.ThrowIfNull(schedule);
            Pin = pin;
            _schedule = schedule;
            _startUtcTicks = startUtcTicks;
            _level = schedule.IsActive(0);
            _nextChange = schedule.NextChange(0);
        }

        /// <inheritdoc />
        public int Pin { get; }

        /// <inheritdoc />
        public event DigitalEdgeHandler? Edge;

        /// <summary>
        /// True UTC ticks of the next scheduled change, or <see cref="long.MaxValue"/> when none.
        /// </summary>
        public long NextChangeUtcTicks
        {
            get
            {
                lock (_sync)
                {
                    return _nextChange == long.MaxValue ? long.MaxValue : _startUtcTicks + _nextChange;
                }
            }
        }

        /// <inheritdoc />
        public bool Read()
        {
            lock (_sync)
            {
                return _level;
            }
        }

        /// <summary>
        /// Sets the level by hand; raises <see cref="Edge"/> at <paramref name="clockUtcTicks"/>
        /// if it changed. The schedule takes over again at its next change.
        /// </summary>
        public void Drive(bool level, long clockUtcTicks)
        {
            bool changed;
            lock (_sync)
            {
                changed = _level != level;
                _level = level;
            }

            if (changed)
            {
                Edge?.Invoke(Pin, level, clockUtcTicks);
            }
        }

        /// <summary>
        /// Applies the scheduled change due at <paramref name="trueUtcTicks"/> (the simulation calls
        /// this when it reaches <see cref="NextChangeUtcTicks"/>); raises <see cref="Edge"/> with
        /// <paramref name="clockUtcTicks"/> if the level changes.
        /// </summary>
        internal void ApplyScheduled(long trueUtcTicks, long clockUtcTicks)
        {
            bool changed;
            bool level;
            lock (_sync)
            {
                long elapsed = trueUtcTicks - _startUtcTicks;
                level = _schedule.IsActive(elapsed);
                _nextChange = _schedule.NextChange(elapsed);
                changed = level != _level;
                _level = level;
            }

            if (changed)
            {
                Edge?.Invoke(Pin, level, clockUtcTicks);
            }
        }
    }
}
