using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// The tick thread: every <see cref="Interval"/> it brings the simulated hardware up to the
    /// clock and runs one engine tick (<see cref="DefaultMeter.Tick"/>), holding the meter lock.
    /// The interval shrinks with the time scale so that one tick covers at most a few simulated
    /// seconds: 200 ms at time scale 1..5, 1000/scale ms above, never below 10 ms.
    /// </summary>
    public sealed class MeterTicker : IDisposable
    {
        private readonly DefaultMeter _meter;
        private readonly ILogger _logger;
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim(false);
        private readonly Thread _thread;
        private int _pushesDelivered;
        private int _pushesGivenUp;

        /// <summary>Creates the ticker; <see cref="Start"/> starts the thread.</summary>
        public MeterTicker(DefaultMeter meter, ILogger logger)
        {
            _meter = meter ?? throw new ArgumentNullException(nameof(meter));
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            Interval = IntervalFor(meter.Settings.TimeScale);
            _thread = new Thread(Run) { IsBackground = true, Name = "meter tick" };
        }

        /// <summary>Real time between ticks.</summary>
        public TimeSpan Interval { get; }

        /// <summary>The tick interval for a time scale.</summary>
        public static TimeSpan IntervalFor(double timeScale)
        {
            double ms = timeScale <= 5 ? 200 : 1000 / timeScale;
            return TimeSpan.FromMilliseconds(ms < 10 ? 10 : ms);
        }

        /// <summary>Starts ticking.</summary>
        public void Start()
        {
            _thread.Start();
        }

        /// <summary>Stops ticking and waits for the thread.</summary>
        public void Stop()
        {
            _stop.Set();
            if (_thread.IsAlive)
            {
                _thread.Join();
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Stop();
            _stop.Dispose();
        }

        // One line per push delivered or given up (the sender counts them; nothing is logged on its path).
        private void LogPushes()
        {
            DlmsDevice.Runtime.PushSender? sender = _meter.PushSender;
            if (sender == null)
            {
                return;
            }
            if (sender.Delivered != _pushesDelivered)
            {
                _pushesDelivered = sender.Delivered;
                _logger.LogInformation("Push {InvokeId} delivered to {Destination}",
                    sender.LastInvokeId, System.Text.Encoding.ASCII.GetString(sender.Setup.Destination, 0, sender.Setup.DestinationLength));
            }
            if (sender.GivenUp != _pushesGivenUp)
            {
                _pushesGivenUp = sender.GivenUp;
                _logger.LogWarning("Push {InvokeId} given up after its retries ({Build}); the destination {Destination} did not take it",
                    sender.LastInvokeId, sender.LastBuildStatus, System.Text.Encoding.ASCII.GetString(sender.Setup.Destination, 0, sender.Setup.DestinationLength));
            }
        }

        private void Run()
        {
            while (!_stop.Wait(Interval))
            {
                try
                {
                    _meter.Tick();
                    LogPushes();
                }
                catch (Exception ex)
                {
                    // A bug in a tick must not stop the meter; it is logged and the next tick runs.
                    _logger.LogError(ex, "Meter tick failed");
                }
            }
        }
    }
}
