using System;
using System.Collections.Generic;
using DlmsDevice.Hal;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Runtime
{
    /// <summary>
    /// A byte stream the test feeds and reads: bytes queued with <see cref="Feed"/> come out of
    /// <see cref="Read"/> (all that is queued, up to the buffer), frames written are kept. The
    /// queue and the written-frame store are allocated once, so a warmed-up session through it
    /// allocates nothing (frames are only counted unless <see cref="Record"/> is on).
    /// </summary>
    internal sealed class PipeChannel : IByteChannel
    {
        private readonly byte[] _input = new byte[65536];
        private int _inputStart;
        private int _inputEnd;
        private readonly byte[] _last = new byte[4096];

        /// <summary>Every frame written, as hex (only while <see cref="Record"/> is true).</summary>
        public List<string> Written { get; } = new List<string>();

        /// <summary>Keep written frames as hex (allocates); off for allocation tests.</summary>
        public bool Record { get; set; } = true;

        /// <summary>Frames written so far.</summary>
        public int Frames { get; private set; }

        /// <summary>The last frame written.</summary>
        public byte[] Last => _last;

        /// <summary>Length of the last frame written.</summary>
        public int LastCount { get; private set; }

        /// <summary>True once <see cref="Close"/> was called.</summary>
        public bool Closed { get; private set; }

        /// <summary>The peer has closed: reads return -1.</summary>
        public bool PeerClosed { get; set; }

        public void Feed(string hex)
        {
            byte[] bytes = Hex.Parse(hex);
            Feed(bytes, 0, bytes.Length);
        }

        public void Feed(byte[] bytes, int offset, int count)
        {
            if (_inputStart == _inputEnd)
            {
                _inputStart = _inputEnd = 0;
            }
            Array.Copy(bytes, offset, _input, _inputEnd, count);
            _inputEnd += count;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (Closed || PeerClosed)
            {
                return -1;
            }
            int n = Math.Min(count, _inputEnd - _inputStart);
            Array.Copy(_input, _inputStart, buffer, offset, n);
            _inputStart += n;
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Frames++;
            LastCount = Math.Min(count, _last.Length);
            Array.Copy(buffer, offset, _last, 0, LastCount);
            if (Record)
            {
                Written.Add(Hex.Format(buffer, offset, count));
            }
        }

        public void Close()
        {
            Closed = true;
        }
    }
}
