namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The SNRM/UA information field (IEC 62056-46 §6.4.4.4.3.2, ISO/IEC 13239 §5.5.3.2):
    /// <c>81 80 &lt;group length&gt; 05 &lt;n&gt; &lt;max info tx&gt; 06 .. &lt;max info rx&gt;
    /// 07 .. &lt;window tx&gt; 08 .. &lt;window rx&gt;</c>. 0x81 is the format identifier, 0x80 the
    /// HDLC parameter group; values are unsigned big-endian of 1, 2 or 4 bytes.
    /// </summary>
    /// <remarks>
    /// Encoding widths (our choice): information lengths take 1 byte below 256 and 2 bytes
    /// otherwise (as Gurux and the Kmethy/Green Book examples do); window sizes always take 4
    /// bytes, as in the Green Book examples and every client trace we have
    /// (<c>07 04 00 00 00 01</c>).
    /// </remarks>
    public static class HdlcParameterCodec
    {
        /// <summary>The format identifier that starts the field.</summary>
        public const byte FormatIdentifier = 0x81;

        /// <summary>Group identifier of the HDLC parameters.</summary>
        public const byte HdlcParameterGroup = 0x80;

        /// <summary>Parameter identifier: maximum information field length, transmit.</summary>
        public const byte MaxInfoTransmitId = 0x05;

        /// <summary>Parameter identifier: maximum information field length, receive.</summary>
        public const byte MaxInfoReceiveId = 0x06;

        /// <summary>Parameter identifier: window size, transmit.</summary>
        public const byte WindowTransmitId = 0x07;

        /// <summary>Parameter identifier: window size, receive.</summary>
        public const byte WindowReceiveId = 0x08;

        /// <summary>
        /// Decodes a parameter field. An empty field (count 0) gives the defaults (128/128/1/1);
        /// so does each parameter that is absent. Unknown parameters inside the HDLC group and
        /// other groups (e.g. a user group 0xF0) are skipped.
        /// </summary>
        /// <param name="buffer">The buffer.</param>
        /// <param name="offset">First byte of the information field.</param>
        /// <param name="count">Length of the information field.</param>
        /// <param name="result">Receives the values on success; unchanged on failure.</param>
        /// <returns>Ok, or BadParameter for a wrong format identifier, a length running past the
        /// field, a value of 0, an information field length below
        /// <see cref="HdlcSettings.MinInformationLength"/> (32), or a known parameter whose value
        /// is not 1-4 bytes.</returns>
        /// <remarks>A proposed information length below 32 is refused rather than clamped: the
        /// IEC HDLC setup object (Blue Book IC 23, attributes 5 and 6) ranges it 32..2030, a
        /// station that cannot take 32-byte frames cannot carry a DLMS exchange anyway, and
        /// jDLMS refuses it too. The link answers the SNRM with DM.</remarks>
        public static HdlcStatus Decode(byte[] buffer, int offset, int count, HdlcParameters result)
        {
            int maxInfoTransmit = HdlcParameters.DefaultMaxInformationLength;
            int maxInfoReceive = HdlcParameters.DefaultMaxInformationLength;
            int windowTransmit = HdlcParameters.DefaultWindowSize;
            int windowReceive = HdlcParameters.DefaultWindowSize;
            if (count > 0)
            {
                if (buffer[offset] != FormatIdentifier)
                {
                    return HdlcStatus.BadParameter;
                }
                int end = offset + count;
                int position = offset + 1;
                while (position < end)
                {
                    if (end - position < 2)
                    {
                        return HdlcStatus.BadParameter;
                    }
                    int groupId = buffer[position];
                    int groupEnd = position + 2 + buffer[position + 1];
                    if (groupEnd > end)
                    {
                        return HdlcStatus.BadParameter;
                    }
                    position += 2;
                    if (groupId == HdlcParameterGroup)
                    {
                        while (position < groupEnd)
                        {
                            if (groupEnd - position < 2)
                            {
                                return HdlcStatus.BadParameter;
                            }
                            int id = buffer[position];
                            int length = buffer[position + 1];
                            position += 2;
                            if (position + length > groupEnd)
                            {
                                return HdlcStatus.BadParameter;
                            }
                            if (id >= MaxInfoTransmitId && id <= WindowReceiveId)
                            {
                                int value = ReadValue(buffer, position, length);
                                if (value <= 0
                                    || (id <= MaxInfoReceiveId && value < HdlcSettings.MinInformationLength))
                                {
                                    return HdlcStatus.BadParameter;
                                }
                                switch (id)
                                {
                                    case MaxInfoTransmitId:
                                        maxInfoTransmit = value;
                                        break;
                                    case MaxInfoReceiveId:
                                        maxInfoReceive = value;
                                        break;
                                    case WindowTransmitId:
                                        windowTransmit = value;
                                        break;
                                    default:
                                        windowReceive = value;
                                        break;
                                }
                            }
                            position += length;
                        }
                    }
                    position = groupEnd;
                }
            }
            result.Set(maxInfoTransmit, maxInfoReceive, windowTransmit, windowReceive);
            return HdlcStatus.Ok;
        }

        /// <summary>Bytes <see cref="Encode"/> writes for these values.</summary>
        public static int GetEncodedLength(HdlcParameters parameters)
        {
            return 3 + GetGroupLength(parameters);
        }

        /// <summary>
        /// Encodes all four parameters (widths: see the type remarks).
        /// </summary>
        /// <param name="parameters">The values to state.</param>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Where the format identifier goes.</param>
        /// <param name="count">Room available from <paramref name="offset"/>.</param>
        /// <param name="written">Bytes written.</param>
        /// <returns>Ok, BufferTooSmall, or BadParameter for a negative value. Nothing is written on failure.</returns>
        public static HdlcStatus Encode(HdlcParameters parameters, byte[] buffer, int offset, int count, out int written)
        {
            written = 0;
            if (parameters.MaxInfoTransmit < 0 || parameters.MaxInfoReceive < 0
                || parameters.WindowTransmit < 0 || parameters.WindowReceive < 0)
            {
                return HdlcStatus.BadParameter;
            }
            int groupLength = GetGroupLength(parameters);
            if (3 + groupLength > count || offset + count > buffer.Length)
            {
                return HdlcStatus.BufferTooSmall;
            }
            int position = offset;
            buffer[position++] = FormatIdentifier;
            buffer[position++] = HdlcParameterGroup;
            buffer[position++] = (byte)groupLength;
            position = WriteParameter(buffer, position, MaxInfoTransmitId, parameters.MaxInfoTransmit, InfoWidth(parameters.MaxInfoTransmit));
            position = WriteParameter(buffer, position, MaxInfoReceiveId, parameters.MaxInfoReceive, InfoWidth(parameters.MaxInfoReceive));
            position = WriteParameter(buffer, position, WindowTransmitId, parameters.WindowTransmit, 4);
            position = WriteParameter(buffer, position, WindowReceiveId, parameters.WindowReceive, 4);
            written = position - offset;
            return HdlcStatus.Ok;
        }

        private static int GetGroupLength(HdlcParameters parameters)
        {
            return 2 + InfoWidth(parameters.MaxInfoTransmit) + 2 + InfoWidth(parameters.MaxInfoReceive) + 2 + 4 + 2 + 4;
        }

        private static int InfoWidth(int value)
        {
            if (value < 0x100)
            {
                return 1;
            }
            return value < 0x10000 ? 2 : 4;
        }

        private static int WriteParameter(byte[] buffer, int position, byte id, int value, int width)
        {
            buffer[position++] = id;
            buffer[position++] = (byte)width;
            for (int shift = (width - 1) * 8; shift >= 0; shift -= 8)
            {
                buffer[position++] = (byte)(value >> shift);
            }
            return position;
        }

        // Big-endian unsigned value of 1..4 bytes; -1 for any other length. Values above
        // int.MaxValue are clamped: every use takes the minimum with our own limit anyway.
        private static int ReadValue(byte[] buffer, int position, int length)
        {
            if (length < 1 || length > 4)
            {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < length; i++)
            {
                value = (value << 8) | buffer[position + i];
            }
            return value > int.MaxValue ? int.MaxValue : (int)value;
        }
    }
}
