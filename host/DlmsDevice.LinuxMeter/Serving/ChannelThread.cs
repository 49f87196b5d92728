using System;
using System.Threading;
using DlmsDevice.Hal;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.LinuxMeter.Serving
{
    /// <summary>
    /// The thread that serves one attached channel (a TCP connection or the RS-485 line): it
    /// calls <see cref="DeviceChannel.Service"/> with a 200 ms read time-out until the channel
    /// closes its stream. The read buffer is allocated once; a request allocates nothing here.
    /// </summary>
    public sealed class ChannelThread
    {
        /// <summary>How long one read waits before the channel's timers are polled (ms).</summary>
        public const int PollIntervalMilliseconds = 200;

        private readonly DeviceChannel _channel;
        private readonly IByteChannel _stream;
        private readonly ILogger _logger;
        private readonly Action<ChannelThread> _onEnded;
        private readonly byte[] _buffer = new byte[2048];
        private Thread? _thread;
        private volatile bool _ended;

        /// <summary>Serves <paramref name="channel"/>, which <paramref name="stream"/> is attached to.</summary>
        public ChannelThread(string description, DeviceChannel channel, IByteChannel stream, ILogger logger, Action<ChannelThread> onEnded)
        {
            Description = description;
            _channel = channel;
            _stream = stream;
            _logger = logger;
            _onEnded = onEnded;
        }

        /// <summary>"wrapper 192.0.2.7:50312", "rs485 /dev/ttyAMA0".</summary>
        public string Description { get; }

        /// <summary>True once the thread has ended.</summary>
        public bool Ended => _ended;

        /// <summary>Starts the thread.</summary>
        public void Start()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "dlms " + Description };
            _thread.Start();
        }

        /// <summary>Closes the stream and waits up to <paramref name="timeoutMilliseconds"/> for the thread.</summary>
        public void Stop(int timeoutMilliseconds)
        {
            _stream.Close();
            Thread? t = _thread;
            if (t != null && t != Thread.CurrentThread)
            {
                t.Join(timeoutMilliseconds);
            }
        }

        private void Run()
        {
            try
            {
                while (_channel.Service(_buffer, PollIntervalMilliseconds) == ChannelStatus.Open)
                {
                }
            }
            catch (Exception e)
            {
                // A defect must not take the meter down; the answer to a broken link is to drop it.
                _logger.LogError(e, "{Channel} failed", Description);
                _channel.Close(CloseReason.Host);
            }
            finally
            {
                _stream.Close();
                _ended = true;
                _logger.LogInformation("{Channel} ended ({Reason})", Description, _channel.LastCloseReason);
                _onEnded(this);
            }
        }
    }
}
