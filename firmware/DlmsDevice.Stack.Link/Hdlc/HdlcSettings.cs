using System;

namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// Configuration of an <see cref="HdlcServerLink"/>: our own HDLC limits (the values of the
    /// IEC HDLC setup object, class 23) and addresses. Read once by the link's constructor, which
    /// sizes every buffer from it.
    /// </summary>
    public sealed class HdlcSettings
    {
        /// <summary>Creates settings with the defaults: 128/128 bytes, window 1/1, 120 s
        /// inactivity time-out, physical address 17, logical device 1, APDUs up to 1024 bytes.</summary>
        public HdlcSettings()
        {
            MaxInfoTransmit = HdlcParameters.DefaultMaxInformationLength;
            MaxInfoReceive = HdlcParameters.DefaultMaxInformationLength;
            WindowTransmit = HdlcParameters.DefaultWindowSize;
            WindowReceive = HdlcParameters.DefaultWindowSize;
            InactivityTimeoutMilliseconds = 120000;
            PhysicalAddress = 17;
            LogicalDevices = new int[] { 1 };
            MaxApduSize = 1024;
        }

        /// <summary>Smallest information field length accepted in settings and in a client's SNRM proposal (Blue Book IC 23: 32..2030).</summary>
        public const int MinInformationLength = 32;

        /// <summary>Our largest transmitted information field (32..2030, default 128).</summary>
        public int MaxInfoTransmit { get; set; }

        /// <summary>Our largest received information field (32..2030, default 128).</summary>
        public int MaxInfoReceive { get; set; }

        /// <summary>Our transmit window, frames sent before waiting for an acknowledgement (1..7, default 1).</summary>
        public int WindowTransmit { get; set; }

        /// <summary>Our receive window (1..7, default 1).</summary>
        public int WindowReceive { get; set; }

        /// <summary>The link is dropped when no frame arrived for this long; 0 = never (default 120000).</summary>
        public int InactivityTimeoutMilliseconds { get; set; }

        /// <summary>Our physical (lower HDLC) address, 0..16383 (default 17).</summary>
        public int PhysicalAddress { get; set; }

        /// <summary>The logical device addresses (upper HDLC addresses) we answer, each 0..16383 (default {1}).</summary>
        public int[] LogicalDevices { get; set; }

        /// <summary>
        /// The client SAPs (1-byte HDLC client addresses, 0..127) allowed to open a link with
        /// SNRM; any other client gets DM. Null or empty (the default) = any client. Client
        /// address 0 (no-station) is always refused, listed or not. Set it from the association
        /// objects so a client no association serves is refused at the link layer already.
        /// </summary>
        public int[] ClientSaps { get; set; }

        /// <summary>
        /// The largest APDU the layer above exchanges (64..65535, default 1024): the reassembly and
        /// response buffers are sized from it.
        /// </summary>
        public int MaxApduSize { get; set; }

        /// <summary>Throws when a value is out of range (configuration-time misuse).</summary>
        /// <exception cref="ArgumentException">A value is out of range (a client SAP outside 0..127 included) or the logical device list is empty.</exception>
        public void Validate()
        {
            if (!InRange(MaxInfoTransmit, MinInformationLength, HdlcParameters.MaxInformationLength)
                || !InRange(MaxInfoReceive, MinInformationLength, HdlcParameters.MaxInformationLength)
                || !InRange(WindowTransmit, 1, HdlcParameters.MaxWindowSize)
                || !InRange(WindowReceive, 1, HdlcParameters.MaxWindowSize)
                || InactivityTimeoutMilliseconds < 0
                || !InRange(PhysicalAddress, 0, HdlcAddress.MaxTwoByteValue)
                || !InRange(MaxApduSize, 64, 65535)
                || LogicalDevices == null
                || LogicalDevices.Length == 0)
            {
                throw new ArgumentException();
            }
            for (int i = 0; i < LogicalDevices.Length; i++)
            {
                if (!InRange(LogicalDevices[i], 0, HdlcAddress.MaxTwoByteValue))
                {
                    throw new ArgumentException();
                }
            }
            if (ClientSaps != null)
            {
                for (int i = 0; i < ClientSaps.Length; i++)
                {
                    if (!InRange(ClientSaps[i], 0, HdlcAddress.MaxOneByteValue))
                    {
                        throw new ArgumentException();
                    }
                }
            }
        }

        private static bool InRange(int value, int min, int max)
        {
            return value >= min && value <= max;
        }
    }
}
