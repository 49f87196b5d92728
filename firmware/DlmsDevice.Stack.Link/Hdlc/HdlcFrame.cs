namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The header of one HDLC frame (frame format type 3): what <see cref="HdlcFrameCodec"/>
    /// decodes from a buffer and what it encodes. A small reusable object: a link keeps one for
    /// receiving and one for transmitting, so no frame allocates.
    /// </summary>
    /// <remarks>
    /// Direction decides the meaning of the addresses: in a client-to-server frame the destination
    /// is the server (upper = logical device, lower = physical address) and the source the client
    /// (upper = SAP); a server-to-client frame has them the other way round.
    /// </remarks>
    public sealed class HdlcFrame
    {
        /// <summary>The frame length field: bytes between the flags (format field through FCS).</summary>
        public int FrameLength { get; set; }

        /// <summary>The segmentation bit S of the format field: more segments of this APDU follow.</summary>
        public bool Segmented { get; set; }

        /// <summary>Upper part of the destination address (logical device or client SAP).</summary>
        public int DestinationUpper { get; set; }

        /// <summary>Lower part of the destination address, or <see cref="HdlcAddress.NoLower"/>.</summary>
        public int DestinationLower { get; set; }

        /// <summary>Destination address form: 1, 2 or 4 bytes.</summary>
        public int DestinationSize { get; set; }

        /// <summary>Upper part of the source address (logical device or client SAP).</summary>
        public int SourceUpper { get; set; }

        /// <summary>Lower part of the source address, or <see cref="HdlcAddress.NoLower"/>.</summary>
        public int SourceLower { get; set; }

        /// <summary>Source address form: 1, 2 or 4 bytes.</summary>
        public int SourceSize { get; set; }

        /// <summary>The control byte, P/F bit included.</summary>
        public byte Control { get; set; }

        /// <summary>True when the frame has an information field (and so an FCS after the HCS).</summary>
        public bool HasInformation { get; set; }

        /// <summary>After decoding: offset of the information field in the decoded buffer.</summary>
        public int InformationOffset { get; set; }

        /// <summary>After decoding: length of the information field (0 when there is none).</summary>
        public int InformationCount { get; set; }

        /// <summary>The frame type of <see cref="Control"/>.</summary>
        public HdlcFrameType FrameType
        {
            get { return HdlcControl.GetFrameType(Control); }
        }

        /// <summary>The P/F bit of <see cref="Control"/>.</summary>
        public bool PollFinal
        {
            get { return (Control & HdlcControl.PollFinal) != 0; }
        }

        /// <summary>Sets both addresses at once.</summary>
        public void SetAddresses(int destinationUpper, int destinationLower, int destinationSize,
            int sourceUpper, int sourceLower, int sourceSize)
        {
            DestinationUpper = destinationUpper;
            DestinationLower = destinationLower;
            DestinationSize = destinationSize;
            SourceUpper = sourceUpper;
            SourceLower = sourceLower;
            SourceSize = sourceSize;
        }
    }
}
