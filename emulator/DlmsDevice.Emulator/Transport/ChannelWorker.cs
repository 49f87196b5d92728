using System;
using System.Threading;
using DlmsDevice.Hal;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// The thread that serves one connection (an accepted TCP connection or the serial line)
    /// in the slot the device runtime gave it: it calls <see cref="DeviceChannel.Service"/> with
    /// a 200 ms read time-out until the channel closes its stream (peer gone, a time-out, the
    /// slot given to a newer connection, shutdown).
    /// </summary>
    /// <remarks>
    /// The read buffer is allocated here, once; after warm-up a request costs no allocation on
    /// this thread (with the trace off). <see cref="AllocatedBytes"/> lets tests check that.
    /// </remarks>
    public sealed class ChannelWorker
    {
        /// <summary>How long one read waits before the channel's timers are polled (ms).</summary>
        public const int PollIntervalMilliseconds = 200;

        /// <summary>Size of the read buffer (bytes per read call).</summary>
        public const int ReadBufferSize = 4096;

        private readonly DeviceChannel _channel;
        private readonly IByteChannel _connection;
        private readonly ILogger _logger;
        private readonly Action<ChannelWorker> _onClosed;
        private readonly byte[] _buffer = new byte[ReadBufferSize];
        private Thread? _thread;
        private long _allocatedBytes;
        private long _chunks;
        private long _idleReads;
        private volatile bool _closed;

        /// <summary>Creates the worker of <paramref name="connection"/>, which <paramref name="channel"/> serves now.</summary>
        public ChannelWorker(int id, string description, DeviceChannel channel, IByteChannel connection, ILogger logger, Action<ChannelWorker> onClosed)
        {
            Id = id;
            Description = description;
            _channel = channel;
            _connection = connection;
            _logger = logger;
            _onClosed = onClosed;
        }

        /// <summary>Connection number (1, 2, ... in accept order).</summary>
        public int Id { get; }

        /// <summary>Human-readable endpoint, e.g. "wrapper 127.0.0.1:50312".</summary>
        public string Description { get; }

        /// <summary>The slot serving the connection.</summary>
        public DeviceChannel Channel => _channel;

        /// <summary>The stream and link.</summary>
        public ChannelKind Kind => _channel.Kind;

        /// <summary>
        /// <see cref="GC.GetAllocatedBytesForCurrentThread"/> of the worker thread, taken after each
        /// received chunk was fully handled (its answer sent) and after each read that timed out.
        /// </summary>
        public long AllocatedBytes => Interlocked.Read(ref _allocatedBytes);

        /// <summary>Received chunks fully handled so far (increments after <see cref="AllocatedBytes"/> is stored).</summary>
        public long ChunksHandled => Interlocked.Read(ref _chunks);

        /// <summary>Reads that timed out without data so far (increments after <see cref="AllocatedBytes"/> is stored).</summary>
        public long IdleReads => Interlocked.Read(ref _idleReads);

        /// <summary>True once the thread has ended.</summary>
        public bool IsClosed => _closed;

        /// <summary>Starts the thread.</summary>
        public void Start()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "dlms-conn-" + Id };
            _thread.Start();
        }

        /// <summary>Closes the connection (if the slot still serves it) and waits up to <paramref name="timeoutMilliseconds"/> for the thread.</summary>
        public bool Stop(int timeoutMilliseconds)
        {
            _connection.Close();
            Thread? t = _thread;
            return t == null || t == Thread.CurrentThread || t.Join(timeoutMilliseconds);
        }

        private void Run()
        {
            try
            {
                while (_channel.Service(_buffer, PollIntervalMilliseconds) == ChannelStatus.Open)
                {
                    Interlocked.Exchange(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread());
                    if (_channel.LastReceived > 0)
                    {
                        Interlocked.Increment(ref _chunks);
                    }
                    else
                    {
                        Interlocked.Increment(ref _idleReads);
                    }
                }
            }
            catch (Exception ex)
            {
                // A defect in the stack must not take the process down; the standard's answer to
                // a broken link is to drop it.
                _logger.LogError(ex, "Connection {Id} ({Description}) failed", Id, Description);
                _channel.Close(CloseReason.Host);
            }
            finally
            {
                _connection.Close();
                _closed = true;
                _logger.LogInformation("Connection {Id} ({Description}) ended: {Reason}", Id, Description, Describe(_channel.LastCloseReason));
                _onClosed(this);
            }
        }

        private static string Describe(CloseReason reason)
        {
            switch (reason)
            {
                case CloseReason.ClosedByPeer:
                    return "closed by peer";
                case CloseReason.Inactivity:
                    return "inactivity time-out";
                case CloseReason.NoAssociation:
                    return "no association in time";
                case CloseReason.Broken:
                    return "link error (connection closed as the link layer asks)";
                case CloseReason.Evicted:
                    return "gave its slot to a newer connection (no association, all slots taken)";
                default:
                    return "stopped";
            }
        }
    }
}
