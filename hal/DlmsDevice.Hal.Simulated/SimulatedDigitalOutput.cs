using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A simulated output (the disconnect relay): remembers the level written and reports
    /// changes, so the simulation can cut the load when the relay opens.
    /// </summary>
    public sealed class SimulatedDigitalOutput : IDigitalOutput
    {
        private readonly Func<long> _clockUtcTicks;
        private readonly Action? _beforeChange;
        private volatile bool _level;

        /// <summary>
        /// An output on <paramref name="pin"/> starting at <paramref name="initialLevel"/>; changes are
        /// stamped with <paramref name="clockUtcTicks"/>, and <paramref name="beforeChange"/> (if any)
        /// runs just before a change takes effect (the simulation catches up to "now" there).
        /// </summary>
        public SimulatedDigitalOutput(int pin, bool initialLevel, Func<long> clockUtcTicks, Action? beforeChange = null)
        {
            ArgumentNullException.ThrowIfNull(clockUtcTicks);
            Pin = pin;
            _level = initialLevel;
            _clockUtcTicks = clockUtcTicks;
            _beforeChange = beforeChange;
        }

        /// <inheritdoc />
        public int Pin { get; }

        /// <summary>Raised after the level changed (not on writes of the same level).</summary>
        public event DigitalEdgeHandler? Changed;

        /// <inheritdoc />
        public bool Read()
        {
            return _level;
        }

        /// <inheritdoc />
        public void Write(bool level)
        {
            if (_level == level)
            {
                return;
            }

            _beforeChange?.Invoke();
            _level = level;
            Changed?.Invoke(Pin, level, _clockUtcTicks());
        }
    }
}
