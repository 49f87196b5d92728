using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The envelope of a ciphered xDLMS APDU, read without copying (a reusable holder, filled by
    /// <see cref="Read"/>) and written by <see cref="WriteHeader"/>:
    /// <code>
    /// service-specific glo/ded:  &lt;tag&gt; &lt;len&gt; SC IC(4) payload
    /// general-glo/ded:           DB|DC 08 &lt;system title(8)&gt; &lt;len&gt; SC IC(4) payload
    /// </code>
    /// &lt;len&gt; is an A-XDR length (1 byte below 128, else 81 xx or 82 xx xx) counting
    /// SC, IC and the payload. The payload is the ciphertext, or the plaintext for the
    /// authentication-only policy, followed by the 12-byte tag when SC has the authentication bit.
    /// </summary>
    public sealed class CipheredApdu
    {
        /// <summary>Longest header: DB 08 ST(8) 82 xx xx SC IC(4) = 18 bytes.</summary>
        public const int MaxHeaderLength = 1 + 1 + Gcm128.SystemTitleSize + 3 + SecurityHeader.Length;

        /// <summary>Largest SC || IC || payload the 2-byte A-XDR length form can announce.</summary>
        public const int MaxContentLength = 0xFFFF;

        private bool _valid;

        /// <summary>Creates an empty holder (<see cref="IsValid"/> false).</summary>
        public CipheredApdu()
        {
            Clear();
        }

        /// <summary>The APDU tag (C8, D0, 21, DB, ...).</summary>
        public byte Tag { get; private set; }

        /// <summary>True when the APDU carries the sender's system title (general-glo/ded with length 8).</summary>
        public bool HasSystemTitle { get; private set; }

        /// <summary>Offset of the 8-byte system title in the buffer, or -1.</summary>
        public int SystemTitleOffset { get; private set; }

        /// <summary>The security control byte SC.</summary>
        public byte SecurityControl { get; private set; }

        /// <summary>The invocation counter IC (big-endian on the wire).</summary>
        public uint InvocationCounter { get; private set; }

        /// <summary>Offset of the payload (first byte after SC || IC).</summary>
        public int PayloadOffset { get; private set; }

        /// <summary>Payload length: ciphertext or plaintext, plus the tag when authenticated.</summary>
        public int PayloadCount { get; private set; }

        /// <summary>Bytes from the tag to the end of the APDU; trailing input after it is not part of it.</summary>
        public int ApduLength { get; private set; }

        /// <summary>True after a successful <see cref="Read"/>.</summary>
        public bool IsValid
        {
            get { return _valid; }
        }

        /// <summary>Forgets the last APDU read.</summary>
        public void Clear()
        {
            _valid = false;
            Tag = 0;
            HasSystemTitle = false;
            SystemTitleOffset = -1;
            SecurityControl = 0;
            InvocationCounter = 0;
            PayloadOffset = 0;
            PayloadCount = 0;
            ApduLength = 0;
        }

        /// <summary>
        /// Reads the envelope of the ciphered APDU at <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>].
        /// Only the structure is checked here; <see cref="ApduCipher.Decipher"/> checks SC and the tag.
        /// On failure the holder is cleared.
        /// </summary>
        /// <returns>
        /// Ok; Malformed (length runs past the input, content shorter than SC || IC, system-title
        /// length other than 0 or 8, length form longer than 2 bytes); Unsupported (general-ciphering
        /// DD or a tag that is not a ciphered APDU).
        /// </returns>
        /// <exception cref="ArgumentNullException">buffer is null (misuse).</exception>
        /// <exception cref="ArgumentOutOfRangeException">The region lies outside the buffer (misuse).</exception>
        public SecurityStatus Read(byte[] buffer, int offset, int count)
        {
            SecurityGuard.Region(buffer, offset, count);
            Clear();
            int end = offset + count;
            int position = offset;
            if (position >= end)
            {
                return SecurityStatus.Malformed;
            }

            byte tag = buffer[position++];
            bool hasSystemTitle = false;
            int systemTitleOffset = -1;
            if (CipheredTag.IsGeneral(tag))
            {
                // system-title OCTET STRING: A-XDR length then bytes. Some meters send it empty.
                if (position >= end)
                {
                    return SecurityStatus.Malformed;
                }

                int titleLength = buffer[position++];
                if (titleLength == Gcm128.SystemTitleSize)
                {
                    if (end - position < titleLength)
                    {
                        return SecurityStatus.Malformed;
                    }

                    hasSystemTitle = true;
                    systemTitleOffset = position;
                    position += titleLength;
                }
                else if (titleLength != 0)
                {
                    return SecurityStatus.Malformed;
                }
            }
            else if (!CipheredTag.IsServiceSpecific(tag))
            {
                return SecurityStatus.Unsupported;
            }

            int contentLength;
            if (!TryReadLength(buffer, ref position, end, out contentLength))
            {
                return SecurityStatus.Malformed;
            }

            if (contentLength > end - position || contentLength < SecurityHeader.Length)
            {
                return SecurityStatus.Malformed;
            }

            Tag = tag;
            HasSystemTitle = hasSystemTitle;
            SystemTitleOffset = systemTitleOffset;
            SecurityControl = buffer[position];
            InvocationCounter = Aes128.ReadUInt32(buffer, position + 1);
            PayloadOffset = position + SecurityHeader.Length;
            PayloadCount = contentLength - SecurityHeader.Length;
            ApduLength = position + contentLength - offset;
            _valid = true;
            return SecurityStatus.Ok;
        }

        /// <summary>
        /// Bytes from the tag to the end of SC || IC for an APDU with <paramref name="payloadCount"/>
        /// payload bytes: tag, [08 + system title], A-XDR length, SC, IC. The ciphered APDU is this
        /// plus the payload.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The content would exceed 65535 bytes, or payloadCount is negative.</exception>
        public static int HeaderLength(byte tag, int payloadCount)
        {
            int contentLength = ContentLength(payloadCount);
            int length = 1 + LengthFieldSize(contentLength) + SecurityHeader.Length;
            if (CipheredTag.IsGeneral(tag))
            {
                length += 1 + Gcm128.SystemTitleSize;
            }

            return length;
        }

        /// <summary>
        /// Writes the header (see <see cref="HeaderLength"/>) at <paramref name="buffer"/>[<paramref name="offset"/>]
        /// for <paramref name="payloadCount"/> payload bytes; for general-glo/ded also the 8-byte
        /// <paramref name="systemTitle"/> (ignored otherwise, may be null). Returns the payload position.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The header does not fit, or the content would exceed 65535 bytes.</exception>
        /// <exception cref="ArgumentException">tag is not a glo/ded/general-glo/general-ded tag.</exception>
        public static int WriteHeader(byte[] buffer, int offset, byte tag, byte[] systemTitle, int systemTitleOffset, byte securityControl, uint invocationCounter, int payloadCount)
        {
            bool general = CipheredTag.IsGeneral(tag);
            if (!general && !CipheredTag.IsServiceSpecific(tag))
            {
                throw new ArgumentException();
            }

            int headerLength = HeaderLength(tag, payloadCount);
            SecurityGuard.Region(buffer, offset, headerLength);
            int position = offset;
            buffer[position++] = tag;
            if (general)
            {
                SecurityGuard.Region(systemTitle, systemTitleOffset, Gcm128.SystemTitleSize);
                buffer[position++] = Gcm128.SystemTitleSize;
                Array.Copy(systemTitle, systemTitleOffset, buffer, position, Gcm128.SystemTitleSize);
                position += Gcm128.SystemTitleSize;
            }

            int contentLength = ContentLength(payloadCount);
            if (contentLength < 0x80)
            {
                buffer[position++] = (byte)contentLength;
            }
            else if (contentLength <= 0xFF)
            {
                buffer[position++] = 0x81;
                buffer[position++] = (byte)contentLength;
            }
            else
            {
                buffer[position++] = 0x82;
                buffer[position++] = (byte)(contentLength >> 8);
                buffer[position++] = (byte)contentLength;
            }

            return SecurityHeader.Write(buffer, position, securityControl, invocationCounter);
        }

        private static int ContentLength(int payloadCount)
        {
            if (payloadCount < 0 || payloadCount > MaxContentLength - SecurityHeader.Length)
            {
                throw new ArgumentOutOfRangeException();
            }

            return payloadCount + SecurityHeader.Length;
        }

        private static int LengthFieldSize(int contentLength)
        {
            return contentLength < 0x80 ? 1 : (contentLength <= 0xFF ? 2 : 3);
        }

        /// <summary>A-XDR length: short form, or 81/82 followed by 1/2 bytes.</summary>
        private static bool TryReadLength(byte[] buffer, ref int position, int end, out int length)
        {
            length = 0;
            if (position >= end)
            {
                return false;
            }

            int first = buffer[position];
            if (first < 0x80)
            {
                length = first;
                position++;
                return true;
            }

            int size = first & 0x7F;
            if (size == 0 || size > 2 || end - position - 1 < size)
            {
                return false;
            }

            int value = 0;
            for (int i = 1; i <= size; i++)
            {
                value = (value << 8) | buffer[position + i];
            }

            length = value;
            position += 1 + size;
            return true;
        }
    }
}
