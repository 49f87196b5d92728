using System;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Default <see cref="IClockSource"/>: <c>DateTime.UtcNow</c> plus an offset. Setting the
    /// time changes the offset, never the machine's clock.
    /// </summary>
    public sealed class SystemClockSource : IClockSource
    {
        private long _offsetTicks;

        /// <summary>The difference between the DLMS clock and the machine clock, in ticks.</summary>
        public long OffsetTicks
        {
            get { return _offsetTicks; }
            set { _offsetTicks = value; }
        }

        /// <inheritdoc />
        public long GetUtcTicks()
        {
            return DateTime.UtcNow.Ticks + _offsetTicks;
        }

        /// <inheritdoc />
        public void SetUtcTicks(long utcTicks)
        {
            _offsetTicks = utcTicks - DateTime.UtcNow.Ticks;
        }
    }
}
