using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A simulated frequency input (a zero-crossing detector's square wave, counted with the time
    /// of the last rising edge): the count is the whole cycles of <see cref="SimulatedGrid"/> so
    /// far, worked out from the grid's integral at each read, so a read costs the same whether the
    /// meter polls every second or after an hour of simulated history (the sampled waveform would
    /// make it process every sample). Fleets use it (docs/fleet.md).
    /// </summary>
    public sealed class SimulatedEdgeTimer : IEdgeTimer
    {
        private readonly SimulatedGrid _grid;
        private readonly Func<long> _trueUtcTicks;
        private readonly long _startUtcTicks;
        private long _count;
        private long _lastEdgeMicros = -1;

        /// <summary>Counts the cycles of <paramref name="grid"/> on the true simulated time from <paramref name="startUtcTicks"/>.</summary>
        public SimulatedEdgeTimer(SimulatedGrid grid, Func<long> trueUtcTicks, long startUtcTicks)
        {
            _grid = grid ?? throw new ArgumentNullException(nameof(grid));
            _trueUtcTicks = trueUtcTicks ?? throw new ArgumentNullException(nameof(trueUtcTicks));
            _startUtcTicks = startUtcTicks;
        }

        /// <inheritdoc />
        public long Read(out long lastEdgeMicroseconds)
        {
            long now = _trueUtcTicks();
            double elapsed = (now - _startUtcTicks) / (double)TimeSpan.TicksPerSecond;
            double cycles = elapsed > 0 ? _grid.CyclesAt(elapsed) : 0;
            long whole = (long)Math.Floor(cycles);
            if (whole > _count)
            {
                // The last edge: back from now by the fraction of a cycle since it, at today's frequency.
                double since = (cycles - whole) / _grid.FrequencyAt(now);
                long micros = (long)((elapsed - since) * 1_000_000);
                _count = whole;
                _lastEdgeMicros = micros > _lastEdgeMicros ? micros : _lastEdgeMicros + 1;
            }
            lastEdgeMicroseconds = _lastEdgeMicros;
            return _count;
        }
    }
}
