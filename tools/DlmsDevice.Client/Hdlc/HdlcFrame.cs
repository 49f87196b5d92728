using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>Outcome of <see cref="HdlcFrame.TryParse"/>.</summary>
    public enum HdlcParseStatus
    {
        /// <summary>A complete valid frame was found at the start of the buffer.</summary>
        Frame,
        /// <summary>The buffer holds the beginning of a frame; read more bytes.</summary>
        NeedMore,
        /// <summary>The leading bytes are not a valid frame; drop <c>consumed</c> bytes and retry.</summary>
        Invalid,
    }

    /// <summary>
    /// An HDLC frame of format type 3 (IEC 62056-46 6.4):
    /// <c>7E | A0|S|len(11) | dest | src | control | HCS | [info | FCS] | 7E</c>.
    /// Frames are delimited by their length field (0x7E may occur inside), not by byte stuffing.
    /// </summary>
    public sealed record HdlcFrame(byte[] Destination, byte[] Source, byte Control, bool Segmented, byte[] Information)
    {
        /// <summary>The opening/closing flag.</summary>
        public const byte Flag = 0x7E;

        /// <summary>Poll/final bit of the control field.</summary>
        public const byte PollFinal = 0x10;

        /// <summary>SNRM with P=1.</summary>
        public const byte Snrm = 0x93;
        /// <summary>DISC with P=1.</summary>
        public const byte Disc = 0x53;
        /// <summary>UA with F=1.</summary>
        public const byte Ua = 0x73;
        /// <summary>DM with F=1.</summary>
        public const byte Dm = 0x1F;
        /// <summary>FRMR with F=1.</summary>
        public const byte Frmr = 0x97;
        /// <summary>UI with P/F=1.</summary>
        public const byte Ui = 0x13;

        /// <summary>True for an I-frame (control bit 0 = 0).</summary>
        public bool IsInformation => (Control & 0x01) == 0;

        /// <summary>True for an RR S-frame.</summary>
        public bool IsReceiveReady => (Control & 0x0F) == 0x01;

        /// <summary>True for an RNR S-frame.</summary>
        public bool IsReceiveNotReady => (Control & 0x0F) == 0x05;

        /// <summary>True if the P/F bit is set.</summary>
        public bool IsPollFinal => (Control & PollFinal) != 0;

        /// <summary>The control byte without the P/F bit (to compare U-frame types).</summary>
        public byte ControlWithoutPollFinal => (byte)(Control & ~PollFinal);

        /// <summary>N(S) of an I-frame.</summary>
        public int SendSequence => (Control >> 1) & 0x07;

        /// <summary>N(R) of an I- or S-frame.</summary>
        public int ReceiveSequence => (Control >> 5) & 0x07;

        /// <summary>I-frame control: <c>RRR P SSS 0</c>.</summary>
        public static byte InformationControl(int sendSequence, int receiveSequence, bool poll = true) =>
            (byte)(((receiveSequence & 7) << 5) | (poll ? PollFinal : 0) | ((sendSequence & 7) << 1));

        /// <summary>RR control: <c>RRR P 0001</c>.</summary>
        public static byte ReceiveReadyControl(int receiveSequence, bool poll = true) =>
            (byte)(((receiveSequence & 7) << 5) | (poll ? PollFinal : 0) | 0x01);

        /// <summary>Encodes a complete frame including both flags, HCS and (with information) FCS.</summary>
        public static byte[] Encode(ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source, byte control, ReadOnlySpan<byte> information, bool segmented = false)
        {
            int headerLength = 2 + destination.Length + source.Length + 1;
            int length = information.IsEmpty ? headerLength + 2 : headerLength + 2 + information.Length + 2;
            if (length > 0x7FF)
            {
                throw new ArgumentException("HDLC frame of " + length + " bytes exceeds the 11-bit length field.", nameof(information));
            }
            var frame = new byte[length + 2];
            frame[0] = Flag;
            frame[1] = (byte)(0xA0 | (segmented ? 0x08 : 0) | (length >> 8));
            frame[2] = (byte)length;
            int p = 3;
            destination.CopyTo(frame.AsSpan(p));
            p += destination.Length;
            source.CopyTo(frame.AsSpan(p));
            p += source.Length;
            frame[p++] = control;
            ushort hcs = HdlcCrc.Compute(frame.AsSpan(1, p - 1));
            frame[p++] = (byte)hcs;
            frame[p++] = (byte)(hcs >> 8);
            if (!information.IsEmpty)
            {
                information.CopyTo(frame.AsSpan(p));
                p += information.Length;
                ushort fcs = HdlcCrc.Compute(frame.AsSpan(1, p - 1));
                frame[p++] = (byte)fcs;
                frame[p++] = (byte)(fcs >> 8);
            }
            frame[p] = Flag;
            return frame;
        }

        /// <summary>
        /// Looks for one frame at the start of <paramref name="buffer"/>. On <see cref="HdlcParseStatus.Frame"/>
        /// and <see cref="HdlcParseStatus.Invalid"/>, <paramref name="consumed"/> bytes are to be dropped.
        /// After a frame the closing flag is not consumed, so a flag shared with the next frame works.
        /// </summary>
        public static HdlcParseStatus TryParse(ReadOnlySpan<byte> buffer, out HdlcFrame? frame, out int consumed)
        {
            frame = null;
            consumed = 0;
            if (buffer.IsEmpty)
            {
                return HdlcParseStatus.NeedMore;
            }
            if (buffer[0] != Flag)
            {
                int next = buffer.IndexOf(Flag);
                consumed = next < 0 ? buffer.Length : next;
                return HdlcParseStatus.Invalid;
            }
            if (buffer.Length < 3)
            {
                return HdlcParseStatus.NeedMore;
            }
            if (buffer[1] == Flag)
            {
                // Back-to-back flags (inter-frame fill): drop one.
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            if ((buffer[1] & 0xF0) != 0xA0)
            {
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            int length = ((buffer[1] & 0x07) << 8) | buffer[2];
            if (length < 7)
            {
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            if (buffer.Length < length + 2)
            {
                return HdlcParseStatus.NeedMore;
            }
            if (buffer[length + 1] != Flag)
            {
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            ReadOnlySpan<byte> body = buffer.Slice(1, length);
            int p = 2;
            int destinationLength = AddressLength(body, p);
            if (destinationLength < 0)
            {
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            p += destinationLength;
            int sourceLength = AddressLength(body, p);
            if (sourceLength < 0)
            {
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            p += sourceLength;
            // control + HCS must fit.
            if (p + 3 > body.Length)
            {
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            byte control = body[p];
            if (!HdlcCrc.Check(body.Slice(0, p + 1), body[p + 1], body[p + 2]))
            {
                consumed = 1;
                return HdlcParseStatus.Invalid;
            }
            int infoStart = p + 3;
            byte[] information = Array.Empty<byte>();
            if (infoStart != body.Length)
            {
                // Information present: it is followed by the FCS over everything before it.
                if (body.Length - infoStart < 2 || !HdlcCrc.Check(body.Slice(0, body.Length - 2), body[^2], body[^1]))
                {
                    consumed = 1;
                    return HdlcParseStatus.Invalid;
                }
                information = body.Slice(infoStart, body.Length - 2 - infoStart).ToArray();
            }
            frame = new HdlcFrame(
                body.Slice(2, destinationLength).ToArray(),
                body.Slice(2 + destinationLength, sourceLength).ToArray(),
                control,
                (buffer[1] & 0x08) != 0,
                information);
            // Keep the closing flag: it may also open the next frame (shared flag); a lone or
            // doubled flag is dropped by the next call.
            consumed = length + 1;
            return HdlcParseStatus.Frame;
        }

        // 1, 2 or 4 bytes; the last has bit 0 set.
        private static int AddressLength(ReadOnlySpan<byte> body, int start)
        {
            for (int i = 0; i < 4 && start + i < body.Length; i++)
            {
                if ((body[start + i] & 0x01) != 0)
                {
                    int n = i + 1;
                    return n == 3 ? -1 : n;
                }
            }
            return -1;
        }

        /// <summary>A short description for messages: "I N(S)=1 N(R)=2 P/F".</summary>
        public string Describe()
        {
            if (IsInformation)
            {
                return string.Create(CultureInfo.InvariantCulture, $"I N(S)={SendSequence} N(R)={ReceiveSequence}{(Segmented ? " segmented" : "")}");
            }
            if (IsReceiveReady)
            {
                return string.Create(CultureInfo.InvariantCulture, $"RR N(R)={ReceiveSequence}");
            }
            if (IsReceiveNotReady)
            {
                return string.Create(CultureInfo.InvariantCulture, $"RNR N(R)={ReceiveSequence}");
            }
            return ControlWithoutPollFinal switch
            {
                0x83 => "SNRM",
                0x43 => "DISC",
                0x63 => "UA",
                0x0F => "DM",
                0x87 => "FRMR",
                0x03 => "UI",
                _ => "control 0x" + Control.ToString("X2", CultureInfo.InvariantCulture),
            };
        }
    }
}
