using System;
using System.Collections.Generic;
using DlmsDevice.Hal.Storage;

namespace DlmsDevice.Emulator.Diagnostics
{
    /// <summary>
    /// The state directory's medium as the record store sees it, watched: every slot write that
    /// fails (the store then reports <c>MediumFailure</c> and the meter keeps the last saved
    /// values) is counted, and the records whose last write failed are remembered until a write
    /// of each succeeds. <see cref="GetHealth"/> is what the health line, the log and
    /// <c>--health-file</c> show.
    /// </summary>
    /// <remarks>
    /// A successful write while nothing is failing takes no lock and allocates nothing beyond
    /// what the medium below does. Thread-safe: writes come from the tick thread and from
    /// requests, <see cref="GetHealth"/> from the health reporter.
    /// </remarks>
    public sealed class MonitoredStorageMedium : IStorageMedium
    {
        private readonly IStorageMedium _inner;
        private readonly object _sync = new object();
        private readonly SortedSet<int> _failing = new SortedSet<int>();
        private volatile int _failingCount;
        private long _failedWrites;
        private long _failedReads;
        private DateTime _since = DateTime.UtcNow;

        /// <summary>Watches <paramref name="inner"/>.</summary>
        public MonitoredStorageMedium(IStorageMedium inner)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        }

        /// <summary>The medium watched.</summary>
        public IStorageMedium Inner => _inner;

        /// <inheritdoc />
        public int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count)
        {
            int n = _inner.ReadSlot(recordId, slot, slotOffset, buffer, offset, count);
            if (n < 0)
            {
                lock (_sync)
                {
                    _failedReads++;
                }
            }
            return n;
        }

        /// <inheritdoc />
        public bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count)
        {
            bool written = _inner.WriteSlot(recordId, slot, buffer, offset, count);
            if (written && _failingCount == 0)
            {
                return true;
            }
            lock (_sync)
            {
                if (written)
                {
                    if (_failing.Remove(recordId) && _failing.Count == 0)
                    {
                        _since = DateTime.UtcNow;
                    }
                }
                else
                {
                    _failedWrites++;
                    if (_failing.Count == 0)
                    {
                        _since = DateTime.UtcNow;
                    }
                    _failing.Add(recordId);
                }
                _failingCount = _failing.Count;
            }
            return written;
        }

        /// <summary>Where the state stands now.</summary>
        public StateHealth GetHealth()
        {
            lock (_sync)
            {
                int[] failing = new int[_failing.Count];
                _failing.CopyTo(failing);
                return new StateHealth(failing, _failedWrites, _failedReads, _since);
            }
        }
    }
}
