namespace DlmsDevice.Meter
{
    /// <summary>
    /// Digital input edges between the platform's event thread and the engine's tick: a fixed
    /// ring of (pin, level, time), so an edge handler only records and returns. When full, the
    /// newest edge is dropped and counted. Allocates nothing after construction.
    /// </summary>
    internal sealed class EdgeQueue
    {
        private readonly object _sync = new object();
        private readonly int[] _pins;
        private readonly bool[] _levels;
        private readonly long[] _ticks;
        private int _head;
        private int _count;
        private int _dropped;

        internal EdgeQueue(int capacity)
        {
            _pins = new int[capacity];
            _levels = new bool[capacity];
            _ticks = new long[capacity];
        }

        /// <summary>Edges lost because the queue was full.</summary>
        internal int Dropped
        {
            get
            {
                lock (_sync)
                {
                    return _dropped;
                }
            }
        }

        internal void Enqueue(int pin, bool level, long utcTicks)
        {
            lock (_sync)
            {
                if (_count == _pins.Length)
                {
                    _dropped++;
                    return;
                }
                int i = (_head + _count) % _pins.Length;
                _pins[i] = pin;
                _levels[i] = level;
                _ticks[i] = utcTicks;
                _count++;
            }
        }

        internal bool TryDequeue(out int pin, out bool level, out long utcTicks)
        {
            lock (_sync)
            {
                if (_count == 0)
                {
                    pin = 0;
                    level = false;
                    utcTicks = 0;
                    return false;
                }
                pin = _pins[_head];
                level = _levels[_head];
                utcTicks = _ticks[_head];
                _head = (_head + 1) % _pins.Length;
                _count--;
                return true;
            }
        }
    }
}
