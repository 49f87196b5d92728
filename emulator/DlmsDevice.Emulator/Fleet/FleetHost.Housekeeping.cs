using System;
using System.Diagnostics;
using System.Threading;
using DlmsDevice.Emulator.Transport.EventLoop;
using DlmsDevice.Emulator.Transport.Udp;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Fleet
{
    /// <summary>The fleet's one housekeeping thread: time-outs of every connection and UDP peer, and the meters' ticks.</summary>
    public sealed partial class FleetHost
    {
        /// <summary>How often the channels' timers run (ms), as the threaded endpoints' read time-out.</summary>
        public const int PollIntervalMilliseconds = 200;

        private readonly ManualResetEventSlim _stopHousekeeping = new ManualResetEventSlim(false);
        private Thread? _housekeeping;
        private int _tickSlices;
        private long _ticks;

        /// <summary>Meter ticks run so far (all meters).</summary>
        public long Ticks => Interlocked.Read(ref _ticks);

        /// <summary>
        /// Real time between two ticks of one meter: a second (the engine's longest step) at time
        /// scale 60 or less, shorter above so that a tick covers at most a simulated minute, never
        /// below <see cref="PollIntervalMilliseconds"/>. The meters are ticked in slices, a slice
        /// per poll interval, so the work is spread evenly.
        /// </summary>
        public static TimeSpan TickIntervalFor(double timeScale)
        {
            double ms = timeScale <= 60 ? 1000 : 60_000 / timeScale;
            return TimeSpan.FromMilliseconds(Math.Max(PollIntervalMilliseconds, ms));
        }

        private void StartHousekeeping()
        {
            _tickSlices = Math.Max(1, (int)(TickIntervalFor(_options.TimeScale).TotalMilliseconds / PollIntervalMilliseconds));
            _housekeeping = new Thread(Housekeeping) { IsBackground = true, Name = "fleet housekeeping" };
            _housekeeping.Start();
        }

        private void StopHousekeeping()
        {
            _stopHousekeeping.Set();
            if (_housekeeping != null && _housekeeping.IsAlive && _housekeeping != Thread.CurrentThread)
            {
                _housekeeping.Join();
            }
        }

        private void Housekeeping()
        {
            Stopwatch clock = Stopwatch.StartNew();
            long next = 0;
            int slice = 0;
            while (!_stopHousekeeping.IsSet)
            {
                try
                {
                    PollChannels();
                    CloseUnrouted();
                    foreach (UdpWrapperEndpoint udp in _udp)
                    {
                        udp.Poll();
                    }
                    if (_options.TimeScale > 0)
                    {
                        TickSlice(slice);
                        slice = (slice + 1) % _tickSlices;
                    }
                }
                catch (Exception ex)
                {
                    // A bug in a tick must not stop the fleet; it is logged and the next round runs.
                    _logger.LogError(ex, "Fleet housekeeping failed");
                }
                next += PollIntervalMilliseconds;
                long wait = next - clock.ElapsedMilliseconds;
                if (wait < 0)
                {
                    next = clock.ElapsedMilliseconds; // behind: do not try to catch up in a burst
                    wait = 0;
                }
                _stopHousekeeping.Wait((int)wait);
            }
        }

        // The link and association time-outs of every attached slot (DeviceChannel.Poll closes
        // the stream of a channel that timed out; its connection then finishes).
        private void PollChannels()
        {
            foreach (DefaultMeter meter in _meters)
            {
                Poll(meter.Pool(ChannelKind.TcpWrapper));
                Poll(meter.Pool(ChannelKind.TcpHdlc));
            }
        }

        private static void Poll(ChannelPool pool)
        {
            for (int i = 0; i < pool.Capacity; i++)
            {
                DeviceChannel channel = pool[i];
                if (channel.IsAttached)
                {
                    channel.Poll();
                }
            }
        }

        // A connection on a shared port that has not named a meter within the association
        // time-out holds no slot, so no channel closes it: it is closed here.
        private void CloseUnrouted()
        {
            int timeout = _options.AssociationTimeoutSeconds * 1000;
            if (!_layout.OnePort || timeout <= 0)
            {
                return;
            }
            long now = Environment.TickCount64;
            lock (_connections)
            {
                foreach (SocketConnection connection in _connections)
                {
                    if (connection.Channel == null && now - connection.AcceptedAt >= timeout)
                    {
                        connection.Close();
                    }
                }
            }
        }

        private void TickSlice(int slice)
        {
            int count = _meters.Length;
            int from = (int)((long)count * slice / _tickSlices);
            int to = (int)((long)count * (slice + 1) / _tickSlices);
            for (int i = from; i < to; i++)
            {
                _meters[i].Tick();
            }
            Interlocked.Add(ref _ticks, to - from);
        }
    }
}
