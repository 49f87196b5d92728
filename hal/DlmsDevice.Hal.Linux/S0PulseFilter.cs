using System;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// Turns the raw edges of an S0 pulse input (IEC 62053-31) into counted pulses: contact
    /// bounce at either end of a pulse is folded into that pulse, and a pulse shorter than the
    /// minimum width (a glitch) is not counted. Works on edge events alone, with no timer: a pulse
    /// is counted at its trailing edge once it has lasted <see cref="MinimumPulseMilliseconds"/>.
    /// </summary>
    /// <remarks>
    /// <para>A pulse starts at an edge to the active level that follows at least
    /// <see cref="DebounceMilliseconds"/> of inactive level (or the start). An inactive stretch
    /// shorter than that inside a pulse is bounce: the pulse goes on. At each edge to the
    /// inactive level the pulse's width is measured from its first active edge; the first time
    /// it reaches <see cref="MinimumPulseMilliseconds"/> the pulse is counted, once. So bounce on
    /// the leading edge does not shorten the pulse, bounce on the trailing edge does not count
    /// it again, and a short spike is ignored.</para>
    /// <para>IEC 62053-31 class A/B S0 outputs give pulses of at least 30 ms with at least 30 ms
    /// between them; a debounce time must stay below the shortest pause. A pulse already active
    /// when counting starts is not counted (its start was not seen).</para>
    /// <para>Not thread-safe: the owner serialises <see cref="OnEdge"/> (one GPIO event thread, or a
    /// lock). Allocates nothing.</para>
    /// </remarks>
    public sealed class S0PulseFilter
    {
        /// <summary>IEC 62053-31: the shortest S0 pulse (ms).</summary>
        public const int StandardMinimumPulseMilliseconds = 30;

        private readonly int _debounce;
        private readonly int _minimumWidth;
        private bool _active;
        private bool _seenEdge;
        private long _lastEdge;
        private bool _inPulse;
        private bool _pulseCounted;
        private long _pulseStart;
        private long _count;
        private long _lastPulseStart = -1;
        private long _rejected;

        /// <summary>A filter with a debounce time and a minimum pulse width (both 0..10000 ms).</summary>
        /// <param name="debounceMilliseconds">Inactive stretches shorter than this inside a pulse are bounce.</param>
        /// <param name="minimumPulseMilliseconds">Shorter pulses are not counted (S0: 30 ms).</param>
        /// <param name="initiallyActive">The level of the input when counting starts.</param>
        public S0PulseFilter(int debounceMilliseconds, int minimumPulseMilliseconds, bool initiallyActive)
        {
            if (debounceMilliseconds < 0 || debounceMilliseconds > 10000 || minimumPulseMilliseconds < 0 || minimumPulseMilliseconds > 10000)
            {
                throw new ArgumentOutOfRangeException();
            }
            _debounce = debounceMilliseconds;
            _minimumWidth = minimumPulseMilliseconds;
            _active = initiallyActive;
        }

        /// <summary>Inactive stretches shorter than this inside a pulse are bounce (ms).</summary>
        public int DebounceMilliseconds => _debounce;

        /// <summary>Pulses shorter than this are not counted (ms).</summary>
        public int MinimumPulseMilliseconds => _minimumWidth;

        /// <summary>Pulses counted.</summary>
        public long Count => _count;

        /// <summary>When the last counted pulse started (its first active edge, monotonic ms); -1 before the first.</summary>
        public long LastPulseStart => _lastPulseStart;

        /// <summary>Pulses that ended shorter than the minimum width (glitches, noise).</summary>
        public long Rejected => _rejected;

        /// <summary>The input's level after the last edge (true = active).</summary>
        public bool Active => _active;

        /// <summary>One edge of the input: its new level (true = active) at <paramref name="nowMilliseconds"/> (monotonic).</summary>
        /// <returns>True when this edge completed a counted pulse.</returns>
        public bool OnEdge(bool active, long nowMilliseconds)
        {
            if (active == _active && _seenEdge)
            {
                // A driver that reports the same level twice (a missed edge in between): nothing to do.
                return false;
            }
            bool counted = false;
            if (active)
            {
                bool bounce = _inPulse && nowMilliseconds - _lastEdge < _debounce;
                if (!bounce)
                {
                    EndPulse();
                    _inPulse = true;
                    _pulseCounted = false;
                    _pulseStart = nowMilliseconds;
                }
            }
            else if (_inPulse && !_pulseCounted && nowMilliseconds - _pulseStart >= _minimumWidth)
            {
                _pulseCounted = true;
                _count++;
                _lastPulseStart = _pulseStart;
                counted = true;
            }
            _active = active;
            _lastEdge = nowMilliseconds;
            _seenEdge = true;
            return counted;
        }

        // The pulse before a new one is over: if it never reached the minimum width it was a glitch.
        private void EndPulse()
        {
            if (_inPulse && !_pulseCounted)
            {
                _rejected++;
            }
            _inPulse = false;
        }
    }
}
