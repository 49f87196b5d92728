using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// The line or socket of a benchmark: counts frames and bytes and keeps a copy of the last
    /// frame in a buffer allocated once (so set-up can check the answer; writing allocates nothing).
    /// </summary>
    internal sealed class CountingSink : IByteChannel
    {
        private readonly byte[] _last = new byte[4096];

        public long Frames { get; private set; }

        public long Bytes { get; private set; }

        public int LastCount { get; private set; }

        public byte[] Last => _last;

        public void Write(byte[] buffer, int offset, int count)
        {
            Frames++;
            Bytes += count;
            LastCount = Math.Min(count, _last.Length);
            Array.Copy(buffer, offset, _last, 0, LastCount);
        }


        /// <summary>A sink only: nothing to read.</summary>

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;


        public void Close() { }
    }
}
