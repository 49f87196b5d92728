using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Emulator.Transport.EventLoop
{
    /// <summary>
    /// The wPort translation of a port that several meters share (docs/fleet.md, "One port"):
    /// each meter is reached at its own destination wPort, but every meter's model is logical
    /// device 1 (the management logical device of IEC 62056-47's wPort table). Requests for the
    /// meter's wPort reach it as wPort 1; answers from wPort 1 leave from the meter's wPort, so
    /// the client sees the address it called. Any other destination becomes 0 (no-station),
    /// which no association serves.
    /// </summary>
    public static class WrapperPortMap
    {
        /// <summary>The wPort of a management logical device (IEC 62056-47).</summary>
        public const int ManagementLogicalDevice = 1;

        /// <summary>The no-station wPort.</summary>
        public const int NoStation = 0;

        /// <summary>Rewrites the destination wPort of the header at <paramref name="header"/> (a request): <paramref name="meterWPort"/> becomes 1, anything else 0.</summary>
        public static void ToMeter(byte[] buffer, int header, int meterWPort)
        {
            int destination = (buffer[header + 4] << 8) | buffer[header + 5];
            int mapped = destination == meterWPort ? ManagementLogicalDevice : NoStation;
            buffer[header + 4] = (byte)(mapped >> 8);
            buffer[header + 5] = (byte)mapped;
        }

        /// <summary>Rewrites the source wPort of the header at <paramref name="header"/> (an answer): 1 becomes <paramref name="meterWPort"/>.</summary>
        public static void ToClient(byte[] buffer, int header, int meterWPort)
        {
            int source = (buffer[header + 2] << 8) | buffer[header + 3];
            if (source == ManagementLogicalDevice)
            {
                buffer[header + 2] = (byte)(meterWPort >> 8);
                buffer[header + 3] = (byte)meterWPort;
            }
        }
    }

    /// <summary>
    /// <see cref="WrapperPortMap"/> over a TCP byte stream: finds each wrapper header by the length
    /// fields (the stream has no delimiter) and rewrites it in the receive buffer, keeping a
    /// header that TCP split back until the rest arrives. Answers are whole frames, one per write.
    /// </summary>
    public sealed class WrapperInboundRewriter
    {
        private readonly int _meterWPort;
        private int _payloadLeft;

        /// <summary>A rewriter for the meter at <paramref name="meterWPort"/>.</summary>
        public WrapperInboundRewriter(int meterWPort)
        {
            _meterWPort = meterWPort;
        }

        /// <summary>
        /// Rewrites the headers in <paramref name="buffer"/>[0, count); an incomplete header at the
        /// end is moved to <paramref name="stash"/> (<paramref name="stashCount"/> bytes).
        /// </summary>
        /// <returns>How many bytes can go to the meter now.</returns>
        public int Inbound(byte[] buffer, int count, byte[] stash, out int stashCount)
        {
            stashCount = 0;
            int i = 0;
            while (i < count)
            {
                if (_payloadLeft > 0)
                {
                    int skip = count - i < _payloadLeft ? count - i : _payloadLeft;
                    i += skip;
                    _payloadLeft -= skip;
                    continue;
                }
                if (count - i < WrapperHeader.Size)
                {
                    stashCount = count - i;
                    System.Buffer.BlockCopy(buffer, i, stash, 0, stashCount);
                    return i;
                }
                WrapperPortMap.ToMeter(buffer, i, _meterWPort);
                _payloadLeft = (buffer[i + 6] << 8) | buffer[i + 7];
                i += WrapperHeader.Size;
            }
            return count;
        }

        /// <summary>Rewrites the answer frame about to be sent (one whole frame per write).</summary>
        public void Outbound(byte[] buffer, int offset, int count)
        {
            if (count >= WrapperHeader.Size)
            {
                WrapperPortMap.ToClient(buffer, offset, _meterWPort);
            }
        }
    }
}
