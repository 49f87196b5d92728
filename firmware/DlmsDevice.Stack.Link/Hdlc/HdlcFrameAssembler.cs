using System;

namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// Cuts HDLC frames out of a raw byte stream (a UART, a TCP connection) with one buffer
    /// allocated up front. Frames are found by their length field (IEC 62056-46 has no byte
    /// stuffing, so 0x7E also occurs inside frames); the header is checked (format, addresses,
    /// HCS) as soon as it is in, the whole frame (closing flag, FCS) when complete.
    /// </summary>
    /// <remarks>
    /// <para>A candidate that fails any check is dropped silently and the search restarts at
    /// the next 0x7E after its opening flag, inside the bytes already buffered, so noise, a
    /// truncated frame or a frame longer than the limit costs at most that candidate, never the
    /// good frames behind it.</para>
    /// <para>The closing flag of a delivered frame is kept as a possible opening flag of the
    /// next one, so back-to-back frames sharing one flag (<c>7E f1 7E f2 7E</c>) are found, and
    /// so are frames with separate flags (<c>7E f1 7E 7E f2 7E</c>).</para>
    /// <para>Cost: the header length is worked out from the format field and the address
    /// extension bits as bytes arrive; the codec is called once the header is complete (HCS
    /// checked once), then once more when the whole frame is in (closing flag, FCS). Bytes are
    /// copied in as large pieces as that allows.</para>
    /// <para>Use: call <see cref="Append"/> until <see cref="HasFrame"/>; read
    /// <see cref="Frame"/> (its information offset refers to <see cref="Buffer"/>); then call
    /// <see cref="ReleaseFrame"/>, which may already make the next buffered frame available.</para>
    /// </remarks>
    public sealed class HdlcFrameAssembler
    {
        private readonly byte[] _buffer;
        private readonly int _maxFrameLength;
        private readonly HdlcFrame _frame = new HdlcFrame();
        private int _start;
        private int _count;
        private int _needed = 1;
        private int _frameWireLength;
        private bool _hasFrame;
        // The candidate at _start has a complete header whose HCS was checked.
        private bool _headerVerified;
        // The candidate's size on the wire once its length field is in (0 before): Append copies
        // up to its end when the input holds it, so a frame that arrives whole is decoded once.
        private int _candidateWireLength;

        /// <summary>
        /// Creates an assembler for frames whose length field is at most
        /// <paramref name="maxFrameLength"/> (7..2047); its buffer holds one such frame.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The limit is outside 7..2047.</exception>
        public HdlcFrameAssembler(int maxFrameLength)
        {
            if (maxFrameLength < HdlcFrameCodec.MinFrameLength || maxFrameLength > HdlcFrameCodec.MaxFrameLength)
            {
                throw new ArgumentOutOfRangeException();
            }
            _maxFrameLength = maxFrameLength;
            _buffer = new byte[maxFrameLength + 2];
        }

        /// <summary>The largest frame length field accepted; longer frames are dropped.</summary>
        public int MaxFrameLength
        {
            get { return _maxFrameLength; }
        }

        /// <summary>True when a complete, valid frame is ready in <see cref="Frame"/>.</summary>
        public bool HasFrame
        {
            get { return _hasFrame; }
        }

        /// <summary>The decoded header of the ready frame (valid while <see cref="HasFrame"/>).</summary>
        public HdlcFrame Frame
        {
            get { return _frame; }
        }

        /// <summary>The buffer the ready frame lives in (information offset and frame offset refer to it).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Offset of the ready frame's opening flag in <see cref="Buffer"/>.</summary>
        public int FrameOffset
        {
            get { return _start; }
        }

        /// <summary>Size of the ready frame on the wire, both flags included.</summary>
        public int FrameWireLength
        {
            get { return _hasFrame ? _frameWireLength : 0; }
        }

        /// <summary>Candidates dropped so far (bad format, address, HCS, FCS, missing flag, too long).</summary>
        public int DroppedCount { get; private set; }

        /// <summary>
        /// Calls into <see cref="HdlcFrameCodec"/> so far (diagnostics): one for a frame that
        /// arrives whole, two for one that arrives in pieces (its header when complete, then the
        /// whole frame), whatever the size of the pieces.
        /// </summary>
        public int DecodeCount { get; private set; }

        /// <summary>
        /// Takes bytes from the stream until a frame is complete or the input is used up.
        /// </summary>
        /// <returns>The bytes consumed: fewer than <paramref name="count"/> only when a frame
        /// became ready; 0 while a frame is waiting to be released.</returns>
        public int Append(byte[] data, int offset, int count)
        {
            if (_hasFrame)
            {
                return 0;
            }
            int consumed = 0;
            while (consumed < count)
            {
                if (_count == 0)
                {
                    // Hunting: nothing buffered, skip to the next flag without copying.
                    while (consumed < count && data[offset + consumed] != HdlcFrameCodec.Flag)
                    {
                        consumed++;
                    }
                    if (consumed == count)
                    {
                        break;
                    }
                    _start = 0;
                }
                int take = _needed - _count;
                if (_candidateWireLength > _needed)
                {
                    // Never past the candidate's end: what follows belongs to the next frame.
                    int rest = _candidateWireLength - _count;
                    take = rest < count - consumed ? rest : count - consumed;
                }
                if (take > count - consumed)
                {
                    take = count - consumed;
                }
                if (_start + _count + take > _buffer.Length)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _count);
                    _start = 0;
                }
                Array.Copy(data, offset + consumed, _buffer, _start + _count, take);
                _count += take;
                consumed += take;
                if (_count >= _needed)
                {
                    Evaluate();
                    if (_hasFrame)
                    {
                        break;
                    }
                }
            }
            return consumed;
        }

        /// <summary>
        /// Drops the delivered frame, keeping its closing flag as a possible opening flag, and
        /// looks for the next frame in the bytes already buffered.
        /// </summary>
        public void ReleaseFrame()
        {
            if (!_hasFrame)
            {
                return;
            }
            _hasFrame = false;
            _headerVerified = false;
            _candidateWireLength = 0;
            _start += _frameWireLength - 1;
            _count -= _frameWireLength - 1;
            Evaluate();
        }

        /// <summary>Discards everything buffered (e.g. after a line break or a baud-rate change).</summary>
        public void Reset()
        {
            _hasFrame = false;
            _headerVerified = false;
            _candidateWireLength = 0;
            _start = 0;
            _count = 0;
            _needed = 1;
        }

        // Looks for a frame at the start of the buffered bytes; drops failed candidates one
        // opening flag at a time. Leaves either a ready frame or _needed > _count.
        private void Evaluate()
        {
            while (true)
            {
                while (_count > 0 && _buffer[_start] != HdlcFrameCodec.Flag)
                {
                    _start++;
                    _count--;
                }
                if (_count == 0)
                {
                    _start = 0;
                    _needed = 1;
                    _candidateWireLength = 0;
                    return;
                }
                if (!_headerVerified)
                {
                    int headerLength = HeaderLength();
                    if (_count < headerLength)
                    {
                        // The header is not complete yet: nothing to check, wait for its bytes.
                        _needed = headerLength;
                        return;
                    }
                }
                int wireLength;
                DecodeCount++;
                HdlcStatus status = HdlcFrameCodec.Decode(_buffer, _start, _count, _maxFrameLength, _frame, _headerVerified, out wireLength);
                if (status == HdlcStatus.Ok)
                {
                    _frameWireLength = wireLength;
                    _hasFrame = true;
                    return;
                }
                if (status == HdlcStatus.NeedMore && wireLength > _count)
                {
                    // The header (format, addresses, HCS) is good: straight to the frame's end.
                    _headerVerified = true;
                    _needed = wireLength;
                    return;
                }
                // Not a frame at this flag: drop the flag and search on (a consecutive flag,
                // noise, a bad header or check sequence, a frame over the limit).
                if (_count > 1 && _buffer[_start + 1] != HdlcFrameCodec.Flag)
                {
                    DroppedCount++;
                }
                _headerVerified = false;
                _candidateWireLength = 0;
                _start++;
                _count--;
            }
        }

        // The number of buffered bytes (from the opening flag) the codec needs to judge the
        // header of the candidate at _start, worked out from the bytes there so far: 2 for the
        // format type, 3 for the length, then each address up to its byte with the extension
        // bit (bit 0) set, then control and HCS; never more than the frame's own length. A
        // value not above _count means "judge now" (also when the bytes already show the
        // candidate is bad: the codec then says why).
        private int HeaderLength()
        {
            if (_count < 2 || (_buffer[_start + 1] & 0xF0) != 0xA0)
            {
                // Format type 3 (1010 in the top bits) or a verdict at once.
                return 2;
            }
            if (_count < 3)
            {
                return 3;
            }
            int frameLength = ((_buffer[_start + 1] & 0x07) << 8) | _buffer[_start + 2];
            if (frameLength < HdlcFrameCodec.MinFrameLength || frameLength > _maxFrameLength)
            {
                return 3;
            }
            int wireLength = frameLength + 2;
            _candidateWireLength = wireLength;
            int position = 3;
            for (int address = 0; address < 2; address++)
            {
                int size = 0;
                while (true)
                {
                    if (position >= _count)
                    {
                        return Min(position + 1, wireLength);
                    }
                    size++;
                    bool last = (_buffer[_start + position] & 0x01) != 0;
                    position++;
                    if (last || size == 4)
                    {
                        break;
                    }
                }
            }
            // Control byte and the 2-byte HCS. A frame without information field ends right
            // behind them: judge it whole (one decode for RR, SNRM, DISC).
            int headerLength = position + 3;
            return headerLength >= wireLength - 1 ? wireLength : headerLength;
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
