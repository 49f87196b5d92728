using System;

namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// Encodes and decodes HDLC frames of frame format type 3 (IEC 62056-46 §6.4):
    /// <c>7E | A0|S|L(11) | DA | SA | CTRL | HCS | [INFO | FCS] | 7E</c>. Frames are delimited by
    /// the length field, never by byte stuffing: 0x7E may appear anywhere inside a frame.
    /// </summary>
    public static class HdlcFrameCodec
    {
        /// <summary>The opening and closing flag.</summary>
        public const byte Flag = 0x7E;

        /// <summary>Largest value of the 11-bit frame length field.</summary>
        public const int MaxFrameLength = 0x7FF;

        /// <summary>Smallest valid frame length: format (2) + DA (1) + SA (1) + control (1) + HCS (2).</summary>
        public const int MinFrameLength = 7;

        /// <summary>Largest header including the opening flag: flag, format 2, DA 4, SA 4, control, HCS 2.</summary>
        public const int MaxHeaderSize = 14;

        /// <summary>Bytes after the information field: FCS (2) and the closing flag.</summary>
        public const int TrailerSize = 3;

        // Format field, IEC 62056-46 §6.4.4.2: type 3 = 1010 in bits 15-12, S in bit 11.
        private const int FormatType3 = 0xA0;
        private const int FormatTypeMask = 0xF0;
        private const int SegmentationBit = 0x08;

        /// <summary>
        /// Bytes from the opening flag through the HCS for the given address forms.
        /// </summary>
        public static int GetHeaderSize(int destinationSize, int sourceSize)
        {
            return 1 + 2 + destinationSize + sourceSize + 1 + 2;
        }

        /// <summary>
        /// Bytes a whole frame takes on the wire, both flags included; an information count of 0
        /// means a frame with no information field (and no FCS).
        /// </summary>
        public static int GetWireLength(int destinationSize, int sourceSize, int informationCount)
        {
            int length = GetHeaderSize(destinationSize, sourceSize) + 1;
            return informationCount > 0 ? length + informationCount + 2 : length;
        }

        /// <summary>
        /// Decodes one frame that starts with its opening flag at <paramref name="offset"/>. The
        /// header is checked (format, addresses, HCS) as soon as its bytes are present, so a bad
        /// header is reported before the rest of the frame arrives.
        /// </summary>
        /// <param name="buffer">The buffer.</param>
        /// <param name="offset">Position of the opening flag.</param>
        /// <param name="count">Bytes available from <paramref name="offset"/>.</param>
        /// <param name="maxFrameLength">Largest frame length field accepted (at most 2047).</param>
        /// <param name="frame">Receives the header on success; left unchanged on failure.</param>
        /// <param name="wireLength">The frame's size on the wire (length field + 2 flags) once the
        /// format field could be read, otherwise 0.</param>
        /// <returns><see cref="HdlcStatus.Ok"/>, <see cref="HdlcStatus.NeedMore"/>, or the reason
        /// the bytes at <paramref name="offset"/> are not a valid frame: BadFormat, BadAddress,
        /// BadHcs, BadFcs, TooLong.</returns>
        public static HdlcStatus Decode(byte[] buffer, int offset, int count, int maxFrameLength,
            HdlcFrame frame, out int wireLength)
        {
            return Decode(buffer, offset, count, maxFrameLength, frame, false, out wireLength);
        }

        // As the public Decode; headerVerified = the same bytes already passed the HCS check (the
        // assembler checks a header once, when it is complete, then waits for the whole frame),
        // so only the closing flag and the FCS remain to be checked.
        internal static HdlcStatus Decode(byte[] buffer, int offset, int count, int maxFrameLength,
            HdlcFrame frame, bool headerVerified, out int wireLength)
        {
            wireLength = 0;
            if (count < 1)
            {
                return HdlcStatus.NeedMore;
            }
            if (buffer[offset] != Flag)
            {
                return HdlcStatus.BadFormat;
            }
            if (count < 2)
            {
                return HdlcStatus.NeedMore;
            }
            int format0 = buffer[offset + 1];
            if ((format0 & FormatTypeMask) != FormatType3)
            {
                return HdlcStatus.BadFormat;
            }
            if (count < 3)
            {
                return HdlcStatus.NeedMore;
            }
            int frameLength = ((format0 & 0x07) << 8) | buffer[offset + 2];
            if (frameLength < MinFrameLength)
            {
                return HdlcStatus.BadFormat;
            }
            wireLength = frameLength + 2;
            if (frameLength > maxFrameLength)
            {
                return HdlcStatus.TooLong;
            }

            // Only bytes inside the frame (up to the closing flag) may belong to the header.
            int end = offset + 1 + frameLength;
            int available = count < wireLength ? count : wireLength - 1;
            int limit = offset + available;
            bool complete = count >= wireLength;

            int position = offset + 3;
            int destinationUpper;
            int destinationLower;
            int destinationSize;
            HdlcStatus status = HdlcAddress.Read(buffer, position, limit - position,
                out destinationUpper, out destinationLower, out destinationSize);
            if (status != HdlcStatus.Ok)
            {
                return status == HdlcStatus.NeedMore && !complete ? HdlcStatus.NeedMore : HdlcStatus.BadAddress;
            }
            position += destinationSize;
            int sourceUpper;
            int sourceLower;
            int sourceSize;
            status = HdlcAddress.Read(buffer, position, limit - position, out sourceUpper, out sourceLower, out sourceSize);
            if (status != HdlcStatus.Ok)
            {
                return status == HdlcStatus.NeedMore && !complete ? HdlcStatus.NeedMore : HdlcStatus.BadAddress;
            }
            position += sourceSize;

            // Control byte and HCS must fit inside the frame.
            int headerEnd = position + 3;
            if (headerEnd > end)
            {
                return HdlcStatus.BadFormat;
            }
            if (headerEnd > offset + count)
            {
                return HdlcStatus.NeedMore;
            }
            if (!headerVerified && !HdlcCrc.Check(buffer, offset + 1, headerEnd - 2 - (offset + 1)))
            {
                return HdlcStatus.BadHcs;
            }
            if (!complete)
            {
                return HdlcStatus.NeedMore;
            }
            if (buffer[end] != Flag)
            {
                return HdlcStatus.BadFormat;
            }

            bool hasInformation = headerEnd < end;
            int informationCount = 0;
            if (hasInformation)
            {
                // INFO followed by a 2-byte FCS that covers format field through INFO.
                informationCount = end - headerEnd - 2;
                if (informationCount < 0)
                {
                    return HdlcStatus.BadFormat;
                }
                if (!HdlcCrc.Check(buffer, offset + 1, frameLength - 2))
                {
                    return HdlcStatus.BadFcs;
                }
            }

            frame.FrameLength = frameLength;
            frame.Segmented = (format0 & SegmentationBit) != 0;
            frame.SetAddresses(destinationUpper, destinationLower, destinationSize, sourceUpper, sourceLower, sourceSize);
            frame.Control = buffer[position];
            frame.HasInformation = hasInformation;
            frame.InformationOffset = headerEnd;
            frame.InformationCount = informationCount;
            return HdlcStatus.Ok;
        }

        /// <summary>
        /// Frames an information field that is already in place: writes the flag and header in
        /// front of it and the FCS and closing flag after it, so the payload is never copied
        /// (headroom framing). With <paramref name="informationCount"/> 0 the frame has no
        /// information field and the closing flag goes at <paramref name="informationOffset"/>.
        /// </summary>
        /// <param name="frame">Addresses, control byte and S bit of the frame; on success its
        /// length and information fields are updated to describe the encoded frame.</param>
        /// <param name="buffer">The buffer holding the information field.</param>
        /// <param name="informationOffset">First information byte; <see cref="GetHeaderSize"/>
        /// bytes of headroom must precede it.</param>
        /// <param name="informationCount">Information length; <see cref="TrailerSize"/> bytes of
        /// tailroom must follow it (1 when there is no information).</param>
        /// <param name="frameOffset">Where the encoded frame (opening flag) starts.</param>
        /// <param name="frameCount">Encoded frame size, both flags included.</param>
        /// <returns>Ok, BufferTooSmall (no headroom/tailroom), BadAddress (address does not fit its
        /// form), or TooLong (length field above 2047). Nothing is written on failure.</returns>
        public static HdlcStatus EncodeInPlace(HdlcFrame frame, byte[] buffer, int informationOffset, int informationCount,
            out int frameOffset, out int frameCount)
        {
            frameOffset = 0;
            frameCount = 0;
            HdlcStatus status = Validate(frame, informationCount);
            if (status != HdlcStatus.Ok)
            {
                return status;
            }
            int headerSize = GetHeaderSize(frame.DestinationSize, frame.SourceSize);
            int wireLength = GetWireLength(frame.DestinationSize, frame.SourceSize, informationCount);
            int start = informationOffset - headerSize;
            if (informationCount < 0 || start < 0 || start + wireLength > buffer.Length)
            {
                return HdlcStatus.BufferTooSmall;
            }

            int frameLength = wireLength - 2;
            buffer[start] = Flag;
            buffer[start + 1] = (byte)(FormatType3 | (frame.Segmented ? SegmentationBit : 0) | ((frameLength >> 8) & 0x07));
            buffer[start + 2] = (byte)frameLength;
            int position = start + 3;
            position += HdlcAddress.Write(buffer, position, frame.DestinationUpper, frame.DestinationLower, frame.DestinationSize);
            position += HdlcAddress.Write(buffer, position, frame.SourceUpper, frame.SourceLower, frame.SourceSize);
            buffer[position] = frame.Control;
            position++;
            HdlcCrc.Append(buffer, start + 1, position - (start + 1));
            position += 2;
            if (informationCount > 0)
            {
                position += informationCount;
                HdlcCrc.Append(buffer, start + 1, position - (start + 1));
                position += 2;
            }
            buffer[position] = Flag;

            frame.FrameLength = frameLength;
            frame.HasInformation = informationCount > 0;
            frame.InformationOffset = informationOffset;
            frame.InformationCount = informationCount;
            frameOffset = start;
            frameCount = wireLength;
            return HdlcStatus.Ok;
        }

        /// <summary>
        /// Encodes a whole frame into <paramref name="buffer"/>, copying the information field
        /// from <paramref name="information"/> (which may be the same buffer; overlapping ranges are
        /// handled).
        /// </summary>
        /// <param name="frame">Addresses, control byte and S bit of the frame.</param>
        /// <param name="information">Source of the information field (ignored when the count is 0).</param>
        /// <param name="informationOffset">First information byte in <paramref name="information"/>.</param>
        /// <param name="informationCount">Information length; 0 = no information field.</param>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Where the opening flag goes.</param>
        /// <param name="count">Room available from <paramref name="offset"/>.</param>
        /// <param name="written">Bytes written, both flags included.</param>
        /// <returns>Ok, BufferTooSmall, BadAddress or TooLong. Nothing is written on failure.</returns>
        public static HdlcStatus Encode(HdlcFrame frame, byte[] information, int informationOffset, int informationCount,
            byte[] buffer, int offset, int count, out int written)
        {
            written = 0;
            HdlcStatus status = Validate(frame, informationCount);
            if (status != HdlcStatus.Ok)
            {
                return status;
            }
            int wireLength = GetWireLength(frame.DestinationSize, frame.SourceSize, informationCount);
            if (informationCount < 0 || wireLength > count || offset + count > buffer.Length)
            {
                return HdlcStatus.BufferTooSmall;
            }
            int headerSize = GetHeaderSize(frame.DestinationSize, frame.SourceSize);
            if (informationCount > 0)
            {
                Array.Copy(information, informationOffset, buffer, offset + headerSize, informationCount);
            }
            int frameOffset;
            return EncodeInPlace(frame, buffer, offset + headerSize, informationCount, out frameOffset, out written);
        }

        // Checks what can fail before anything is written: address forms and the length field.
        private static HdlcStatus Validate(HdlcFrame frame, int informationCount)
        {
            if (!HdlcAddress.IsValid(frame.DestinationUpper, frame.DestinationLower, frame.DestinationSize)
                || !HdlcAddress.IsValid(frame.SourceUpper, frame.SourceLower, frame.SourceSize))
            {
                return HdlcStatus.BadAddress;
            }
            if (GetWireLength(frame.DestinationSize, frame.SourceSize, informationCount) - 2 > MaxFrameLength)
            {
                return HdlcStatus.TooLong;
            }
            return HdlcStatus.Ok;
        }
    }
}
