using System.Diagnostics;
using System.Threading;

namespace DlmsDevice.Emulator.Simulation
{
    /// <summary>
    /// Monotonic time the simulation runs on (milliseconds since the meter started): real time
    /// for the CLI, or stepped by hand in tests. Independent of the meter clock, which a client
    /// may set: the energy never jumps when the clock is set.
    /// </summary>
    public sealed class SimulationTime
    {
        private readonly Stopwatch? _stopwatch;
        private long _manualMilliseconds;

        private SimulationTime(bool manual)
        {
            if (!manual)
            {
                _stopwatch = Stopwatch.StartNew();
            }
        }

        /// <summary>Real time from now on.</summary>
        public static SimulationTime StartReal()
        {
            return new SimulationTime(false);
        }

        /// <summary>Time that moves only when <see cref="Advance"/> is called (tests).</summary>
        public static SimulationTime Manual()
        {
            return new SimulationTime(true);
        }

        /// <summary>True when the time moves only through <see cref="Advance"/>.</summary>
        public bool IsManual
        {
            get { return _stopwatch == null; }
        }

        /// <summary>Milliseconds since the start (real time plus every <see cref="Advance"/>).</summary>
        public long ElapsedMilliseconds
        {
            get
            {
                return _stopwatch == null
                    ? Interlocked.Read(ref _manualMilliseconds)
                    : _stopwatch.ElapsedMilliseconds + Interlocked.Read(ref _manualMilliseconds);
            }
        }

        /// <summary>Seconds since the start.</summary>
        public double ElapsedSeconds
        {
            get { return ElapsedMilliseconds / 1000.0; }
        }

        /// <summary>Moves the time forward (also on real time: a jump on top of it).</summary>
        public void Advance(long milliseconds)
        {
            if (milliseconds > 0)
            {
                Interlocked.Add(ref _manualMilliseconds, milliseconds);
            }
        }
    }
}
