using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Hal.Linux
{
    /// <summary>
    /// The board's poll thread, off the request path: every <see cref="SettleIntervalMilliseconds"/>
    /// it settles the debounced digital inputs (raising their edges), and every analog interval it
    /// reads each ADC input once (<see cref="PolledAnalogInput.Poll"/>). A failing input is logged
    /// when it starts failing and when it reads again, not at every poll; its register keeps the
    /// last good value meanwhile.
    /// </summary>
    /// <remarks>
    /// All ADC inputs are read from this one thread, so inputs that share a converter (two
    /// channels of one ADS1115) never interleave on the bus. A turn allocates nothing unless it
    /// logs a change of an input's state.
    /// </remarks>
    public sealed class BoardPoller : IDisposable
    {
        /// <summary>How often the digital inputs are settled (ms).</summary>
        public const int SettleIntervalMilliseconds = 5;

        private readonly ISystemClock _clock;
        private readonly int _analogInterval;
        private readonly ILogger _logger;
        private readonly List<PolledAnalogInput> _analog = new List<PolledAnalogInput>();
        private readonly List<GpioDigitalInput> _inputs = new List<GpioDigitalInput>();
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim(false);
        private bool[] _failing = Array.Empty<bool>();
        private PolledAnalogInput[] _analogArray = Array.Empty<PolledAnalogInput>();
        private GpioDigitalInput[] _inputArray = Array.Empty<GpioDigitalInput>();
        private Thread? _thread;
        private long _nextAnalog;
        private long _turns;

        /// <summary>
        /// A poller reading the ADC inputs every <paramref name="analogIntervalMilliseconds"/> (10..60000)
        /// of real time; <paramref name="clock"/> is the one the switches stamp their edges with.
        /// </summary>
        public BoardPoller(ISystemClock clock, int analogIntervalMilliseconds, ILogger logger)
        {
            ArgumentNullException.ThrowIfNull(clock);
            ArgumentNullException.ThrowIfNull(logger);
            ArgumentOutOfRangeException.ThrowIfLessThan(analogIntervalMilliseconds, 10);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(analogIntervalMilliseconds, 60000);
            _clock = clock;
            _analogInterval = analogIntervalMilliseconds;
            _logger = logger;
        }

        /// <summary>How often each ADC input is read (ms).</summary>
        public int AnalogIntervalMilliseconds => _analogInterval;

        /// <summary>Turns of the poll so far.</summary>
        public long Turns => Interlocked.Read(ref _turns);

        /// <summary>Adds an ADC input (before <see cref="Start"/>).</summary>
        public void Add(PolledAnalogInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            EnsureNotStarted();
            _analog.Add(input);
            _analogArray = _analog.ToArray();
            _failing = new bool[_analogArray.Length];
        }

        /// <summary>Adds a debounced digital input (before <see cref="Start"/>).</summary>
        public void Add(GpioDigitalInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            EnsureNotStarted();
            _inputs.Add(input);
            _inputArray = _inputs.ToArray();
        }

        /// <summary>Starts the thread.</summary>
        public void Start()
        {
            EnsureNotStarted();
            _nextAnalog = Environment.TickCount64 + _analogInterval;
            _thread = new Thread(Run) { IsBackground = true, Name = "board poll" };
            _thread.Start();
        }

        /// <summary>
        /// One turn at <paramref name="nowMilliseconds"/> (monotonic): settles the digital inputs,
        /// and reads the ADC inputs when <paramref name="readAnalog"/>. The thread calls it; tests
        /// and the start-up call it directly.
        /// </summary>
        public void PollOnce(long nowMilliseconds, bool readAnalog)
        {
            GpioDigitalInput[] inputs = _inputArray;
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i].Settle(nowMilliseconds);
            }
            if (readAnalog)
            {
                PolledAnalogInput[] analog = _analogArray;
                for (int i = 0; i < analog.Length; i++)
                {
                    bool ok = analog[i].Poll();
                    if (ok == _failing[i])
                    {
                        _failing[i] = !ok;
                        Report(analog[i], ok);
                    }
                }
            }
            Interlocked.Increment(ref _turns);
        }

        /// <summary>Stops the thread and waits for it.</summary>
        public void Dispose()
        {
            _stop.Set();
            Thread? t = _thread;
            if (t != null && t != Thread.CurrentThread)
            {
                t.Join(5000);
            }
        }

        private void Run()
        {
            while (!_stop.Wait(SettleIntervalMilliseconds))
            {
                // The ADC schedule is real time; the switches settle on the clock that stamped their edges.
                long real = Environment.TickCount64;
                bool analog = real - _nextAnalog >= 0;
                if (analog)
                {
                    _nextAnalog = real + _analogInterval;
                }
                long now = _clock.GetMonotonicMilliseconds();
                try
                {
                    PollOnce(now, analog);
                }
                catch (Exception e)
                {
                    // A defect in an input's handler must not stop the meter's inputs.
                    _logger.LogError(e, "Board poll failed");
                }
            }
        }

        private void Report(PolledAnalogInput input, bool ok)
        {
            if (ok)
            {
                _logger.LogInformation("{Input} reads again ({Failures} failed readings in all)", input.Name, input.Failures);
                return;
            }
            Exception? e = input.LastError;
            if (input.HasReading)
            {
                _logger.LogWarning("{Input} cannot be read ({Error}: {Message}); the register keeps the last good reading, {Raw} counts", input.Name, e?.GetType().Name, e?.Message, input.ReadRaw());
            }
            else
            {
                _logger.LogWarning("{Input} cannot be read ({Error}: {Message}); no reading yet", input.Name, e?.GetType().Name, e?.Message);
            }
        }

        private void EnsureNotStarted()
        {
            if (_thread != null)
            {
                throw new InvalidOperationException("The poll has started.");
            }
        }
    }
}
