using System;
using System.Threading;
using DlmsDevice.Emulator.Tracing;
using DlmsDevice.Hal;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// One byte stream (an accepted TCP connection or the serial line) with its own link
    /// (wrapper channel or HDLC link) and application session, served by one thread.
    /// </summary>
    /// <remarks>
    /// The thread reads into one buffer allocated here, feeds the link, and polls it when a read
    /// times out; everything the link does (answering, the inactivity timeout) happens on this
    /// thread, so the link needs no lock. After warm-up a request costs no allocation on this
    /// thread (with the trace off); <see cref="AllocatedBytes"/> lets tests check that.
    /// </remarks>
    public sealed class LinkConnection
    {
        /// <summary>How long one read waits before the link gets polled (ms).</summary>
        public const int PollIntervalMilliseconds = 200;

        /// <summary>Size of the read buffer (bytes per read call).</summary>
        public const int ReadBufferSize = 4096;

        private readonly IByteChannel _channel;
        private readonly IDisposable _channelOwner;
        private readonly ILinkChannel _link;
        private readonly ConnectionTrace? _trace;
        private readonly ILogger _logger;
        private readonly Action<LinkConnection> _onClosed;
        private readonly byte[] _buffer = new byte[ReadBufferSize];
        private Thread? _thread;
        private volatile bool _stopping;
        private long _allocatedBytes;
        private long _chunks;
        private long _idleReads;

        /// <summary>
        /// Creates a connection. <paramref name="channel"/> must also be <see cref="IDisposable"/>
        /// (closing it ends the stream); the connection owns it.
        /// </summary>
        public LinkConnection(int id, string description, IByteChannel channel, ILinkChannel link,
            ConnectionTrace? trace, ILogger logger, Action<LinkConnection> onClosed)
        {
            Id = id;
            Description = description;
            _channel = channel;
            _channelOwner = (IDisposable)channel;
            _link = link;
            _trace = trace;
            _logger = logger;
            _onClosed = onClosed;
        }

        /// <summary>Connection number (1, 2, ... in accept order).</summary>
        public int Id { get; }

        /// <summary>Human-readable endpoint, e.g. "wrapper 127.0.0.1:50312".</summary>
        public string Description { get; }

        /// <summary>The link layer on this connection.</summary>
        public LinkKind Kind
        {
            get { return _link.Kind; }
        }

        /// <summary>
        /// <see cref="GC.GetAllocatedBytesForCurrentThread"/> of the connection thread, taken
        /// after each received chunk was fully handled (its answer sent) and after each read
        /// that timed out (the link polled).
        /// </summary>
        public long AllocatedBytes
        {
            get { return Interlocked.Read(ref _allocatedBytes); }
        }

        /// <summary>Number of received chunks fully handled so far (increments after <see cref="AllocatedBytes"/> is stored).</summary>
        public long ChunksHandled
        {
            get { return Interlocked.Read(ref _chunks); }
        }

        /// <summary>Number of reads that timed out without data so far (increments after <see cref="AllocatedBytes"/> is stored).</summary>
        public long IdleReads
        {
            get { return Interlocked.Read(ref _idleReads); }
        }

        /// <summary>True once the thread has ended.</summary>
        public bool IsClosed { get; private set; }

        /// <summary>Starts the connection thread.</summary>
        public void Start()
        {
            _thread = new Thread(Run);
            _thread.IsBackground = true;
            _thread.Name = "dlms-conn-" + Id;
            _thread.Start();
        }

        /// <summary>Asks the thread to stop and closes the stream; waits up to <paramref name="timeoutMilliseconds"/>.</summary>
        public bool Stop(int timeoutMilliseconds)
        {
            _stopping = true;
            _channelOwner.Dispose();
            Thread? t = _thread;
            return t == null || t == Thread.CurrentThread || t.Join(timeoutMilliseconds);
        }

        private void Run()
        {
            string reason = "stopped";
            try
            {
                long lastPoll = Environment.TickCount64;
                while (!_stopping)
                {
                    int n = _channel.Read(_buffer, 0, _buffer.Length, PollIntervalMilliseconds);
                    long now = Environment.TickCount64;
                    if (n < 0)
                    {
                        reason = "closed by peer";
                        break;
                    }
                    if (n > 0)
                    {
                        if (_trace != null)
                        {
                            _trace.Inbound(_buffer, 0, n);
                        }
                        if (!_link.Receive(_buffer, 0, n, now))
                        {
                            reason = "link error (connection closed as the link layer asks)";
                            break;
                        }
                        Interlocked.Exchange(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread());
                        Interlocked.Increment(ref _chunks);
                    }
                    if (now - lastPoll >= PollIntervalMilliseconds)
                    {
                        lastPoll = now;
                        _link.Poll(now);
                    }
                    if (n == 0)
                    {
                        Interlocked.Exchange(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread());
                        Interlocked.Increment(ref _idleReads);
                    }
                }
            }
            catch (Exception ex)
            {
                // A defect in the stack must not take the process down; the standard's answer to
                // a broken link is to drop it.
                reason = "internal error";
                _logger.LogError(ex, "Connection {Id} ({Description}) failed", Id, Description);
            }
            finally
            {
                try
                {
                    _link.Close();
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Connection {Id}: closing the link failed", Id);
                }
                _channelOwner.Dispose();
                IsClosed = true;
                _logger.LogInformation("Connection {Id} ({Description}) ended: {Reason}", Id, Description, _stopping ? "stopped" : reason);
                _onClosed(this);
            }
        }
    }
}
