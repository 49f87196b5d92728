namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The HDLC control field (IEC 62056-46 §6.4.3, ISO/IEC 13239). I: <c>RRR P SSS 0</c>;
    /// S: <c>RRR P/F ss 0 1</c>; U: <c>MMM P/F MM 1 1</c>. The constants below include the P/F bit,
    /// as they appear on the wire from DLMS clients and servers.
    /// </summary>
    public static class HdlcControl
    {
        /// <summary>The poll (command) / final (response) bit.</summary>
        public const byte PollFinal = 0x10;

        /// <summary>SNRM with P.</summary>
        public const byte SetNormalResponseMode = 0x93;

        /// <summary>DISC with P.</summary>
        public const byte Disconnect = 0x53;

        /// <summary>UA with F.</summary>
        public const byte UnnumberedAcknowledge = 0x73;

        /// <summary>DM with F.</summary>
        public const byte DisconnectedMode = 0x1F;

        /// <summary>FRMR with F.</summary>
        public const byte FrameReject = 0x97;

        /// <summary>UI with P/F.</summary>
        public const byte UnnumberedInformation = 0x13;

        /// <summary>Returns the frame type of a control byte; the P/F bit is ignored.</summary>
        public static HdlcFrameType GetFrameType(byte control)
        {
            if ((control & 0x01) == 0)
            {
                return HdlcFrameType.Information;
            }
            if ((control & 0x03) == 0x01)
            {
                // Supervisory: bits 3-2 select RR (00), RNR (01); REJ and SREJ are not used by DLMS.
                switch (control & 0x0F)
                {
                    case 0x01:
                        return HdlcFrameType.ReceiveReady;
                    case 0x05:
                        return HdlcFrameType.ReceiveNotReady;
                    default:
                        return HdlcFrameType.Unknown;
                }
            }
            switch (control & ~PollFinal & 0xFF)
            {
                case 0x83:
                    return HdlcFrameType.SetNormalResponseMode;
                case 0x43:
                    return HdlcFrameType.Disconnect;
                case 0x63:
                    return HdlcFrameType.UnnumberedAcknowledge;
                case 0x0F:
                    return HdlcFrameType.DisconnectedMode;
                case 0x87:
                    return HdlcFrameType.FrameReject;
                case 0x03:
                    return HdlcFrameType.UnnumberedInformation;
                default:
                    return HdlcFrameType.Unknown;
            }
        }

        /// <summary>True when the P/F bit is set.</summary>
        public static bool IsPollFinal(byte control)
        {
            return (control & PollFinal) != 0;
        }

        /// <summary>N(S) of an I-frame (bits 3-1).</summary>
        public static int GetSendSequence(byte control)
        {
            return (control >> 1) & 0x07;
        }

        /// <summary>N(R) of an I- or S-frame (bits 7-5).</summary>
        public static int GetReceiveSequence(byte control)
        {
            return (control >> 5) & 0x07;
        }

        /// <summary>Builds an I-frame control byte; N(S) and N(R) are taken modulo 8.</summary>
        public static byte Information(int sendSequence, int receiveSequence, bool pollFinal)
        {
            return (byte)(((receiveSequence & 0x07) << 5) | (pollFinal ? PollFinal : 0) | ((sendSequence & 0x07) << 1));
        }

        /// <summary>Builds an RR control byte; N(R) is taken modulo 8.</summary>
        public static byte ReceiveReady(int receiveSequence, bool pollFinal)
        {
            return (byte)(((receiveSequence & 0x07) << 5) | (pollFinal ? PollFinal : 0) | 0x01);
        }

        /// <summary>Builds an RNR control byte; N(R) is taken modulo 8.</summary>
        public static byte ReceiveNotReady(int receiveSequence, bool pollFinal)
        {
            return (byte)(((receiveSequence & 0x07) << 5) | (pollFinal ? PollFinal : 0) | 0x05);
        }

        /// <summary>Sets or clears the P/F bit of a control byte.</summary>
        public static byte WithPollFinal(byte control, bool pollFinal)
        {
            return (byte)(pollFinal ? (control | PollFinal) : (control & ~PollFinal));
        }
    }
}
