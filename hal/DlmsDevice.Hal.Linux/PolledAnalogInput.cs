using System;
using System.Threading;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// An analog input read by a poll off the request path, which keeps the last good reading:
    /// <see cref="Poll"/> (the board's <see cref="BoardPoller"/> thread) reads the converter over
    /// I2C or SPI; <see cref="ReadRaw"/> (the engine's tick, under the meter lock) returns the last
    /// good reading at once, without touching the bus. A reading that fails (a bus error, a
    /// conversion that never completes, a reply that makes no sense) is counted and leaves the
    /// last good reading in place: the register never shows garbage and no client ever sees an
    /// exception.
    /// </summary>
    /// <remarks>
    /// Put an <see cref="AveragingAnalogInput"/> (hal/DlmsDevice.Hal) between this and the
    /// converter to average several conversions per poll; its mean is taken only when every
    /// conversion of the poll succeeded. Thread-safe; <see cref="Poll"/> and
    /// <see cref="ReadRaw"/> allocate nothing (an exception from the converter does, on the poll
    /// thread, when it fails).
    /// </remarks>
    public sealed class PolledAnalogInput : IAnalogInput
    {
        private readonly string _name;
        private readonly IAnalogInput _source;
        private int _raw;
        private int _hasReading;
        private long _readings;
        private long _failures;
        private int _consecutiveFailures;
        private Exception? _lastError;

        /// <summary>Polls <paramref name="source"/>; <paramref name="name"/> names it in logs (e.g. "voltage (ads1115 0x48 AIN0)").</summary>
        public PolledAnalogInput(string name, IAnalogInput source)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(source);
            _name = name;
            _source = source;
        }

        /// <summary>What this input is, for logs.</summary>
        public string Name => _name;

        /// <summary>True once a reading succeeded.</summary>
        public bool HasReading => Volatile.Read(ref _hasReading) != 0;

        /// <summary>Good readings so far.</summary>
        public long Readings => Interlocked.Read(ref _readings);

        /// <summary>Failed readings so far.</summary>
        public long Failures => Interlocked.Read(ref _failures);

        /// <summary>Failed readings since the last good one.</summary>
        public int ConsecutiveFailures => Volatile.Read(ref _consecutiveFailures);

        /// <summary>What the last failed reading threw; null before the first failure.</summary>
        public Exception? LastError => Volatile.Read(ref _lastError);

        /// <summary>Reads the converter once.</summary>
        /// <returns>True when the reading succeeded and is now the value; false when it failed (the last good value stays).</returns>
        public bool Poll()
        {
            int raw;
            try
            {
                raw = _source.ReadRaw();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The bus or the converter failed: the last good reading stays.
                Volatile.Write(ref _lastError, e);
                Interlocked.Increment(ref _failures);
                Interlocked.Increment(ref _consecutiveFailures);
                return false;
            }
            Volatile.Write(ref _raw, raw);
            Volatile.Write(ref _hasReading, 1);
            Volatile.Write(ref _consecutiveFailures, 0);
            Interlocked.Increment(ref _readings);
            return true;
        }

        /// <summary>The last good reading (counts); 0 before the first one (see <see cref="HasReading"/>).</summary>
        public int ReadRaw()
        {
            return Volatile.Read(ref _raw);
        }

        /// <inheritdoc />
        public double ReadValue()
        {
            return ReadRaw();
        }
    }
}
