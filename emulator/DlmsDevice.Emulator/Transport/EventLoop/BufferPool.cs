using System;

namespace DlmsDevice.Emulator.Transport.EventLoop
{
    /// <summary>
    /// Work buffers lent to the threads that handle completions: a connection needs a buffer only
    /// while it handles what arrived (it waits for data with a zero-byte receive that holds none),
    /// so 10,000 idle connections hold no buffer and a process needs about as many buffers as it
    /// has threads handling completions at once.
    /// </summary>
    /// <remarks>A stack under a lock: after the first turns (warm-up) renting and returning allocate nothing.</remarks>
    public sealed class BufferPool
    {
        private readonly object _sync = new object();
        private readonly int _size;
        private byte[][] _free = new byte[16][];
        private int _count;
        private int _created;

        /// <summary>A pool of buffers of <paramref name="size"/> bytes.</summary>
        public BufferPool(int size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 64);
            _size = size;
        }

        /// <summary>Size of each buffer.</summary>
        public int Size => _size;

        /// <summary>Buffers made so far (the most that were in use at once).</summary>
        public int Created => _created;

        /// <summary>A buffer of <see cref="Size"/> bytes; give it back with <see cref="Return"/>.</summary>
        public byte[] Rent()
        {
            lock (_sync)
            {
                if (_count > 0)
                {
                    byte[] buffer = _free[--_count];
                    _free[_count] = null!;
                    return buffer;
                }
                _created++;
            }
            return new byte[_size];
        }

        /// <summary>Gives a buffer from <see cref="Rent"/> back.</summary>
        public void Return(byte[] buffer)
        {
            lock (_sync)
            {
                if (_count == _free.Length)
                {
                    Array.Resize(ref _free, _free.Length * 2);
                }
                _free[_count++] = buffer;
            }
        }
    }
}
