using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Emulator.Transport.EventLoop
{
    /// <summary>
    /// Reads the address a client calls in the first frame on a shared port, without consuming it:
    /// the wrapper's destination wPort (IEC 62056-47), or the lower (physical) part of the HDLC
    /// destination address (IEC 62056-46 clause 6.4.2: each byte carries 7 address bits, the
    /// lowest bit set on the last byte; a 2-byte server address is upper + lower, a 4-byte one
    /// two bytes of each).
    /// </summary>
    public static class SharedPortAddress
    {
        /// <summary>Address not known yet: more bytes are needed.</summary>
        public const int NeedMore = -1;

        /// <summary>The bytes are not a frame of the expected kind, or carry no usable address.</summary>
        public const int Invalid = -2;

        /// <summary>The destination wPort of the wrapper header at the start of <paramref name="buffer"/>.</summary>
        public static int WrapperDestination(byte[] buffer, int count)
        {
            WrapperStatus status = WrapperHeader.TryRead(buffer, 0, count, out _, out int destination, out _);
            return status == WrapperStatus.Ok ? destination : status == WrapperStatus.NeedMore ? NeedMore : Invalid;
        }

        /// <summary>
        /// The lower (physical) address of the first HDLC frame's destination (after any opening
        /// flags); <see cref="Invalid"/> for a 1-byte address, which names no physical device.
        /// </summary>
        public static int HdlcPhysicalDestination(byte[] buffer, int count)
        {
            int i = 0;
            while (i < count && buffer[i] == 0x7E)
            {
                i++;
            }
            if (i == 0 && count > 0)
            {
                return Invalid; // a frame starts with a flag
            }
            // Frame format field: 2 bytes, type 3 (0xA in the high nibble).
            if (i < count && (buffer[i] & 0xF0) != 0xA0)
            {
                return Invalid;
            }
            int address = i + 2;
            int length = 0;
            while (true)
            {
                if (address + length >= count)
                {
                    return NeedMore;
                }
                int b = buffer[address + length];
                length++;
                if ((b & 1) == 1)
                {
                    break;
                }
                if (length == 4)
                {
                    return Invalid;
                }
            }
            if (length == 2)
            {
                return buffer[address + 1] >> 1;
            }
            if (length == 4)
            {
                return ((buffer[address + 2] >> 1) << 7) | (buffer[address + 3] >> 1);
            }
            return Invalid;
        }
    }
}
