using System;
using System.Device.Gpio;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// An S0 pulse input counted by the ESP32 pulse-counter peripheral (PCNT) through
    /// nanoFramework's GpioPulseCounter: counted in hardware, so no pulse is lost while a request
    /// is served. The hardware is read only by <see cref="Poll"/> (the main loop's periodic
    /// work): GpioPulseCounter.Read returns a GpioPulseCount struct, which nanoCLR puts in a heap
    /// block, so it must never be read per request. 16-bit wraps and restarts are handled by
    /// <see cref="PolledPulseCounter"/>.
    /// </summary>
    public sealed class Esp32PulseCounter : IPulseCounter, IDisposable
    {
        private readonly GpioPulseCounter _counter;
        private readonly PolledPulseCounter _polled = new PolledPulseCounter(16);

        /// <summary>Counts falling edges on <paramref name="pin"/> (an opto-isolated S0 output pulls low) with a glitch filter of <paramref name="filter"/> APB cycles (0..1023).</summary>
        public Esp32PulseCounter(int pin, int filter)
        {
            _counter = new GpioPulseCounter(pin);
            _counter.Polarity = GpioPulsePolarity.Falling;
            _counter.FilterPulses = (ushort)filter;
            _counter.Start();
        }

        /// <inheritdoc />
        public long Count
        {
            get { return _polled.Count; }
        }

        /// <summary>Reads the hardware (allocates one struct on nanoCLR): call it from the periodic poll only.</summary>
        public void Poll(long nowMilliseconds)
        {
            GpioPulseCount count = _counter.Read();
            _polled.Sample(count.Count, nowMilliseconds);
        }

        /// <inheritdoc />
        public long Read(out long lastEdgeMilliseconds)
        {
            return _polled.Read(out lastEdgeMilliseconds);
        }

        /// <summary>Stops and releases the counter.</summary>
        public void Dispose()
        {
            _counter.Stop();
            _counter.Dispose();
        }
    }
}
