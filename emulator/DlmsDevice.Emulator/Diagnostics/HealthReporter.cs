using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Diagnostics
{
    /// <summary>
    /// Makes the meter's health visible: once a second it looks at the state medium
    /// (<see cref="MonitoredStorageMedium"/>); when writes start failing it logs one loud error
    /// for the whole failure streak, when they work again one warning; and with
    /// <c>--health-file</c> it keeps a small key=value file up to date (on every change and every
    /// <see cref="HeartbeatSeconds"/> s) that an operator or a supervisor can read.
    /// </summary>
    /// <remarks>
    /// The file (written to a temporary file and renamed, so a reader never sees half of it):
    /// <code>
    /// status=ok                      ok | failing | stopped
    /// since=2026-12-06T10:00:00Z     when this status began
    /// updated=2026-12-06T10:00:10Z   the last time the emulator wrote the file
    /// pid=4242
    /// state=/tmp/meter               the state directory, or "memory"
    /// failed_writes=0                slot writes that failed since the start
    /// failed_reads=0
    /// failing_records=               the records whose last write failed (ids, comma-separated)
    /// corrupt_records_at_start=0
    /// </code>
    /// Runs on its own timer thread, outside the meter lock.
    /// </remarks>
    public sealed class HealthReporter : IDisposable
    {
        /// <summary>The file is rewritten at least this often, so a stale "updated" tells that the emulator is gone.</summary>
        public const int HeartbeatSeconds = 10;

        private readonly MonitoredStorageMedium? _medium;
        private readonly ILogger _logger;
        private readonly string? _healthFile;
        private readonly string _state;
        private readonly int _corruptAtStart;
        private readonly Func<int, string> _describeRecord;
        private readonly object _sync = new object();
        private readonly DateTime _startedUtc = DateTime.UtcNow;
        private Timer? _timer;
        private bool _failing;
        private long _failedWrites;
        private DateTime _lastWrite = DateTime.MinValue;
        private bool _stopped;

        /// <summary>
        /// Watches <paramref name="medium"/> (null: state in memory, always ok), logs to
        /// <paramref name="logger"/>, keeps <paramref name="healthFile"/> (null: none).
        /// </summary>
        public HealthReporter(MonitoredStorageMedium? medium, ILogger logger, string? healthFile, string? stateDirectory,
            int corruptRecordsAtStart, Func<int, string> describeRecord)
        {
            _medium = medium;
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            _healthFile = string.IsNullOrEmpty(healthFile) ? null : Path.GetFullPath(healthFile);
            _state = stateDirectory ?? "memory";
            _corruptAtStart = corruptRecordsAtStart;
            _describeRecord = describeRecord ?? throw new ArgumentNullException(nameof(describeRecord));
        }

        /// <summary>The health file (full path); null when none was asked for.</summary>
        public string? HealthFile => _healthFile;

        /// <summary>True while the last check found state writes failing.</summary>
        public bool IsFailing
        {
            get
            {
                lock (_sync)
                {
                    return _failing;
                }
            }
        }

        /// <summary>Writes the file a first time (throws if it cannot be written) and starts checking once a second.</summary>
        /// <exception cref="IOException">The health file cannot be written.</exception>
        /// <exception cref="UnauthorizedAccessException">No permission to write the health file.</exception>
        public void Start()
        {
            Check();
            _timer = new Timer(_ => SafeCheck(), null, 1000, 1000);
        }

        /// <summary>
        /// One look at the medium: logs a change of health, and rewrites the file when the health
        /// changed or the heartbeat is due. The timer calls it every second; tests call it directly.
        /// </summary>
        public void Check()
        {
            lock (_sync)
            {
                if (_stopped)
                {
                    return;
                }
                StateHealth health = Health();
                bool changed = health.IsFailing != _failing;
                if (health.IsFailing && !_failing)
                {
                    string records = string.Join("; ", Array.ConvertAll(health.FailingRecords, id => _describeRecord(id)));
                    _logger.LogError("!!! STATE CANNOT BE WRITTEN to {State}: {Records} failed ({Failed} failed write(s) so far). The meter keeps showing the last saved values and nothing newer survives a restart; it retries every second. Check the disk (space, permissions, the device). !!!",
                        _state, records, health.FailedWrites);
                }
                else if (!health.IsFailing && _failing)
                {
                    _logger.LogWarning("State writes to {State} work again ({Failed} write(s) failed in that streak); health ok",
                        _state, health.FailedWrites - _failedWrites);
                }
                if (changed)
                {
                    _failing = health.IsFailing;
                    _failedWrites = health.FailedWrites;
                }
                DateTime now = DateTime.UtcNow;
                if (_healthFile != null && (changed || _lastWrite == DateTime.MinValue || now - _lastWrite >= TimeSpan.FromSeconds(HeartbeatSeconds)))
                {
                    WriteFile(health, health.IsFailing ? "failing" : "ok", now);
                }
            }
        }

        /// <summary>Stops checking and leaves the file with status=stopped (the counts stay).</summary>
        public void Stop()
        {
            Timer? timer = _timer;
            _timer = null;
            timer?.Dispose();
            lock (_sync)
            {
                if (_stopped)
                {
                    return;
                }
                _stopped = true;
                if (_healthFile != null)
                {
                    try
                    {
                        WriteFile(Health(), "stopped", DateTime.UtcNow);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        _logger.LogWarning("Health file {File} cannot be written: {Message}", _healthFile, ex.Message);
                    }
                }
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Stop();
        }

        private StateHealth Health()
        {
            return _medium != null ? _medium.GetHealth() : new StateHealth(Array.Empty<int>(), 0, 0, _startedUtc);
        }

        private void SafeCheck()
        {
            try
            {
                Check();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Logged each time: a health file that cannot be written is itself news.
                _logger.LogWarning("Health file {File} cannot be written: {Message}", _healthFile, ex.Message);
            }
        }

        private void WriteFile(StateHealth health, string status, DateTime now)
        {
            StringBuilder text = new StringBuilder();
            text.Append("status=").Append(status).Append('\n');
            text.Append("since=").Append(Stamp(health.SinceUtc)).Append('\n');
            text.Append("updated=").Append(Stamp(now)).Append('\n');
            text.Append("pid=").Append(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("state=").Append(_state).Append('\n');
            text.Append("failed_writes=").Append(health.FailedWrites.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("failed_reads=").Append(health.FailedReads.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("failing_records=").Append(string.Join(",", health.FailingRecords)).Append('\n');
            text.Append("corrupt_records_at_start=").Append(_corruptAtStart.ToString(CultureInfo.InvariantCulture)).Append('\n');
            string temp = _healthFile + ".tmp";
            File.WriteAllText(temp, text.ToString());
            File.Move(temp, _healthFile!, true);
            _lastWrite = now;
        }

        private static string Stamp(DateTime utc)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
    }
}
