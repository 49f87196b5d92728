using System;
using System.Diagnostics;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A clock for tests and demos: starts at a configured UTC instant and either moves only when
    /// stepped (<see cref="Advance"/>), or runs at <see cref="TimeScale"/> times real time (a day
    /// of 15-minute profile periods in seconds) and can still be stepped forward.
    /// </summary>
    /// <remarks>
    /// Two times are kept apart. <see cref="TrueUtcTicks"/> is the simulated physical time that
    /// drives the load curve and the schedules; <see cref="GetUtcTicks"/> is what the meter's
    /// clock shows, which <see cref="SetUtcTicks"/> may shift (clock synchronisation by a client)
    /// without moving the physical world. <see cref="GetMonotonicMilliseconds"/> counts simulated
    /// milliseconds since the start and is never affected by either. A drift (parts per
    /// million) makes the meter's clock gain or lose against the true time, as a real crystal
    /// does; a client that sets the clock starts it again from the time it set. Thread-safe;
    /// allocates nothing after construction.
    /// </remarks>
    public sealed class SimulatedClock : ISystemClock
    {
        private readonly object _sync = new object();
        private readonly long _startUtcTicks;
        private readonly double _timeScale;
        private readonly Func<long>? _realElapsedTicks;
        private readonly double _driftPpm;
        private long _elapsedTicks;
        private long _shiftTicks;
        private long _offsetTicks;

        /// <summary>A clock stepped manually, starting at <paramref name="startUtc"/>.</summary>
        public SimulatedClock(DateTime startUtc)
            : this(startUtc, 0, null)
        {
        }

        /// <summary>
        /// A clock running at <paramref name="timeScale"/> x real time from <paramref name="startUtc"/>
        /// (0 = stepped manually only).
        /// </summary>
        /// <param name="startUtc">Simulated start instant (its ticks are taken as UTC).</param>
        /// <param name="timeScale">Simulated seconds per real second; 0 for a manual clock.</param>
        /// <param name="realElapsedTicks">
        /// Real time elapsed since the clock was created, in ticks; null for a stopwatch. Tests
        /// pass their own to check scaling without waiting.
        /// </param>
        public SimulatedClock(DateTime startUtc, double timeScale, Func<long>? realElapsedTicks)
            : this(startUtc, timeScale, realElapsedTicks, 0)
        {
        }

        /// <summary>
        /// As above, with a meter clock that gains (positive) or loses (negative)
        /// <paramref name="driftPpm"/> parts per million against the simulated physical time.
        /// </summary>
        /// <param name="startUtc">Simulated start instant (its ticks are taken as UTC).</param>
        /// <param name="timeScale">Simulated seconds per real second; 0 for a manual clock.</param>
        /// <param name="realElapsedTicks">Real time elapsed since the clock was created, in ticks; null for a stopwatch.</param>
        /// <param name="driftPpm">Drift of the meter's clock, -1000..1000 ppm.</param>
        public SimulatedClock(DateTime startUtc, double timeScale, Func<long>? realElapsedTicks, double driftPpm)
        {
            if (!(timeScale >= 0) || double.IsInfinity(timeScale))
            {
                throw new ArgumentOutOfRangeException(nameof(timeScale));
            }
            if (!(driftPpm >= -1000 && driftPpm <= 1000))
            {
                throw new ArgumentOutOfRangeException(nameof(driftPpm));
            }

            _driftPpm = driftPpm;

            _startUtcTicks = startUtc.Ticks;
            _timeScale = timeScale;
            if (timeScale > 0)
            {
                if (realElapsedTicks == null)
                {
                    long started = Stopwatch.GetTimestamp();
                    realElapsedTicks = () => Stopwatch.GetElapsedTime(started).Ticks;
                }

                _realElapsedTicks = realElapsedTicks;
            }
        }

        /// <summary>The simulated start instant in UTC ticks.</summary>
        public long StartUtcTicks => _startUtcTicks;

        /// <summary>Simulated seconds per real second; 0 when stepped manually.</summary>
        public double TimeScale => _timeScale;

        /// <summary>Simulated time since the start, in ticks.</summary>
        public long ElapsedTicks
        {
            get
            {
                lock (_sync)
                {
                    return CatchUp();
                }
            }
        }

        /// <summary>The simulated physical time in UTC ticks (unaffected by <see cref="SetUtcTicks"/>).</summary>
        public long TrueUtcTicks => _startUtcTicks + ElapsedTicks;

        /// <summary>Drift of the meter's clock against the true simulated time, parts per million.</summary>
        public double DriftPpm => _driftPpm;

        /// <summary>Difference between the meter's clock and the true simulated time, in ticks (a set offset plus the drift so far).</summary>
        public long OffsetTicks
        {
            get
            {
                lock (_sync)
                {
                    return _offsetTicks + Drift(CatchUp());
                }
            }
        }

        /// <summary>Moves simulated time forward by <paramref name="step"/> (also in scaled mode: a jump ahead).</summary>
        public void Advance(TimeSpan step)
        {
            if (step < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(step));
            }

            lock (_sync)
            {
                long now = CatchUp();
                SetElapsed(now + step.Ticks);
            }
        }

        /// <summary>Moves simulated time forward to <paramref name="trueUtcTicks"/>; no effect when that is not later.</summary>
        public void AdvanceTo(long trueUtcTicks)
        {
            lock (_sync)
            {
                long target = trueUtcTicks - _startUtcTicks;
                if (target > CatchUp())
                {
                    SetElapsed(target);
                }
            }
        }

        /// <inheritdoc />
        public long GetUtcTicks()
        {
            lock (_sync)
            {
                long elapsed = CatchUp();
                return _startUtcTicks + elapsed + _offsetTicks + Drift(elapsed);
            }
        }

        /// <inheritdoc />
        public void SetUtcTicks(long utcTicks)
        {
            lock (_sync)
            {
                long elapsed = CatchUp();
                _offsetTicks = utcTicks - (_startUtcTicks + elapsed + Drift(elapsed));
            }
        }

        /// <inheritdoc />
        public long GetMonotonicMilliseconds()
        {
            lock (_sync)
            {
                return CatchUp() / TimeSpan.TicksPerMillisecond;
            }
        }

        /// <summary>Converts a true UTC instant to the meter clock's reading at that instant.</summary>
        public long ToClockUtcTicks(long trueUtcTicks)
        {
            lock (_sync)
            {
                return trueUtcTicks + _offsetTicks + Drift(trueUtcTicks - _startUtcTicks);
            }
        }

        // The drift accumulated after `elapsed` ticks of true time (0 without drift: no rounding).
        private long Drift(long elapsed)
        {
            return _driftPpm == 0 ? 0 : (long)(elapsed * (_driftPpm / 1_000_000));
        }

        // In scaled mode, time is max(last value, real elapsed x scale + jumps); never backwards.
        private long CatchUp()
        {
            if (_realElapsedTicks != null)
            {
                long scaled = (long)(_realElapsedTicks() * _timeScale) + _shiftTicks;
                if (scaled > _elapsedTicks)
                {
                    _elapsedTicks = scaled;
                }
            }

            return _elapsedTicks;
        }

        private void SetElapsed(long elapsed)
        {
            if (_realElapsedTicks != null)
            {
                // Keep the jump when real time catches up: shift the scaled origin.
                _shiftTicks += elapsed - _elapsedTicks;
            }

            _elapsedTicks = elapsed;
        }
    }
}
