namespace DlmsDevice.Hal
{
    /// <summary>
    /// An <see cref="IPulseCounter"/> for a counter counted in hardware and read by a periodic
    /// poll (the ESP32 PCNT through nanoFramework's GpioPulseCounter, whose every read returns a
    /// struct, i.e. allocates on nanoCLR): the platform calls <see cref="Sample"/> from its poll,
    /// and <see cref="Read"/> (the engine's tick, any request) returns the last sample without
    /// touching the hardware. No pulse is lost while a request is served: the hardware counts.
    /// </summary>
    /// <remarks>
    /// The time of the last edge is the time of the first poll that saw the count move, so it is
    /// late by at most one poll interval (power values are computed over at least a second).
    /// Counter wraps and restarts go through a <see cref="PulseCountExtender"/>. Thread-safe: the
    /// poll and the readers may run on different threads. Allocates nothing.
    /// </remarks>
    public sealed class PolledPulseCounter : IPulseCounter
    {
        private readonly object _sync = new object();
        private readonly PulseCountExtender _extender;
        private long _count;
        private long _lastEdge = -1;

        /// <summary>A counter whose hardware counts in <paramref name="counterBits"/> bits (16 for the ESP32 PCNT).</summary>
        public PolledPulseCounter(int counterBits)
        {
            _extender = new PulseCountExtender(counterBits);
        }

        /// <inheritdoc />
        public long Count
        {
            get
            {
                lock (_sync)
                {
                    return _count;
                }
            }
        }

        /// <summary>Takes the hardware reading <paramref name="raw"/> made at <paramref name="nowMilliseconds"/> (monotonic).</summary>
        public void Sample(long raw, long nowMilliseconds)
        {
            lock (_sync)
            {
                long total = _extender.Update(raw);
                if (total != _count)
                {
                    _count = total;
                    _lastEdge = nowMilliseconds;
                }
            }
        }

        /// <summary>The hardware counter was restarted and reads <paramref name="raw"/> now; the count is kept.</summary>
        public void Restart(long raw)
        {
            lock (_sync)
            {
                _extender.Restart(raw);
            }
        }

        /// <inheritdoc />
        public long Read(out long lastEdgeMilliseconds)
        {
            lock (_sync)
            {
                lastEdgeMilliseconds = _lastEdge;
                return _count;
            }
        }
    }
}
