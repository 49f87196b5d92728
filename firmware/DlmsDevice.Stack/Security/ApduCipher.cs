using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// Suite-0 protection of a whole xDLMS APDU, in place (Green Book, "cryptographic protection
    /// of xDLMS APDUs"; the Green Book's security examples). IV = system title (8) || IC (4); the tag is 12 bytes.
    /// By the SC bits:
    /// <list type="bullet">
    /// <item>authenticated and encrypted (0x30): AAD = SC || AK, payload = ciphertext || tag;</item>
    /// <item>authentication only (0x10): AAD = SC || AK || plaintext, payload = plaintext (in
    /// clear) || tag;</item>
    /// <item>encryption only (0x20): no AAD, no tag, payload = ciphertext.</item>
    /// </list>
    /// The keys: EK as a keyed <see cref="Gcm128"/> (global or dedicated), AK as 16 bytes.
    /// Nothing is allocated; the GCM instance is not thread-safe, one per association or lock.
    /// </summary>
    public static class ApduCipher
    {
        /// <summary>Tag length of suite 0 in bytes.</summary>
        public const int TagLength = Gcm128.DlmsTagSize;

        /// <summary>Authentication key length of suite 0 in bytes.</summary>
        public const int AuthenticationKeySize = 16;

        /// <summary>
        /// Most bytes the protection adds in front of the APDU (the header, see
        /// <see cref="CipheredApdu.MaxHeaderLength"/>): the tx buffer's headroom for security.
        /// </summary>
        public const int MaxHeadroom = CipheredApdu.MaxHeaderLength;

        /// <summary>Most bytes the protection adds after the APDU: the tag.</summary>
        public const int MaxTailroom = TagLength;

        /// <summary>Payload length for <paramref name="apduCount"/> plaintext bytes under <paramref name="securityControl"/>.</summary>
        public static int PayloadLength(byte securityControl, int apduCount)
        {
            return apduCount + (SecurityControl.IsAuthenticated(securityControl) ? TagLength : 0);
        }

        /// <summary>Bytes needed in front of an APDU of <paramref name="apduCount"/> bytes: the header of <see cref="CipheredApdu"/>.</summary>
        public static int HeaderLength(byte cipheredTag, byte securityControl, int apduCount)
        {
            return CipheredApdu.HeaderLength(cipheredTag, PayloadLength(securityControl, apduCount));
        }

        /// <summary>
        /// Protects the plaintext APDU at <paramref name="buffer"/>[<paramref name="apduOffset"/>..+<paramref name="apduCount"/>]
        /// in place: writes the header (<see cref="HeaderLength"/> bytes) just before it, encrypts
        /// it when SC says so, and writes the tag just after it when SC says so. For general-glo/ded
        /// the header carries <paramref name="systemTitle"/>, the sender's own, which is also the
        /// IV's system title.
        /// </summary>
        /// <param name="buffer">The tx buffer; the header and tag must fit inside it.</param>
        /// <param name="apduOffset">First byte of the plaintext APDU.</param>
        /// <param name="apduCount">Plaintext APDU length.</param>
        /// <param name="cipheredTag">Envelope tag: glo-/ded- service tag (e.g. CC), 21/28, DB or DC.</param>
        /// <param name="securityControl">SC: suite 0 with authentication and/or encryption.</param>
        /// <param name="invocationCounter">The sender's IC for this APDU (the caller increments and persists it).</param>
        /// <param name="encryptionKey">EK, keyed.</param>
        /// <param name="authenticationKey">AK; may be null for encryption only.</param>
        /// <param name="authenticationKeyOffset">Offset of the 16-byte AK.</param>
        /// <param name="systemTitle">The sender's 8-byte system title.</param>
        /// <param name="systemTitleOffset">Offset of the system title.</param>
        /// <param name="start">First byte of the protected APDU (its tag).</param>
        /// <param name="length">Length of the protected APDU.</param>
        /// <returns>
        /// Ok; UnsupportedSuite or Unsupported for an SC this code cannot produce; BufferTooSmall
        /// when the header does not fit before the APDU or the tag after it (nothing written).
        /// </returns>
        /// <exception cref="ArgumentException">cipheredTag is not a glo/ded/general-glo/general-ded tag (misuse).</exception>
        public static SecurityStatus Encipher(
            byte[] buffer, int apduOffset, int apduCount,
            byte cipheredTag, byte securityControl, uint invocationCounter,
            Gcm128 encryptionKey, byte[] authenticationKey, int authenticationKeyOffset,
            byte[] systemTitle, int systemTitleOffset,
            out int start, out int length)
        {
            start = apduOffset;
            length = 0;
            SecurityGuard.Region(buffer, apduOffset, apduCount);
            SecurityGuard.NotNull(encryptionKey);
            SecurityGuard.Region(systemTitle, systemTitleOffset, Gcm128.SystemTitleSize);
            if (!CipheredTag.IsGeneral(cipheredTag) && !CipheredTag.IsServiceSpecific(cipheredTag))
            {
                throw new ArgumentException();
            }

            SecurityStatus status = SecurityControl.CheckSuite0(securityControl);
            if (status != SecurityStatus.Ok)
            {
                return status;
            }

            bool authenticated = SecurityControl.IsAuthenticated(securityControl);
            if (authenticated)
            {
                SecurityGuard.Region(authenticationKey, authenticationKeyOffset, AuthenticationKeySize);
            }

            int payloadCount = PayloadLength(securityControl, apduCount);
            if (payloadCount > CipheredApdu.MaxContentLength - SecurityHeader.Length)
            {
                return SecurityStatus.BufferTooSmall;
            }

            int headerLength = CipheredApdu.HeaderLength(cipheredTag, payloadCount);
            int apduEnd = apduOffset + apduCount;
            if (apduOffset < headerLength || (authenticated && buffer.Length - apduEnd < TagLength))
            {
                return SecurityStatus.BufferTooSmall;
            }

            start = apduOffset - headerLength;
            CipheredApdu.WriteHeader(buffer, start, cipheredTag, systemTitle, systemTitleOffset, securityControl, invocationCounter, payloadCount);
            Protect(buffer, apduOffset, apduCount, securityControl, invocationCounter, encryptionKey, authenticationKey, authenticationKeyOffset, systemTitle, systemTitleOffset);
            length = headerLength + payloadCount;
            return SecurityStatus.Ok;
        }

        /// <summary>
        /// Checks and removes the protection of the APDU read into <paramref name="apdu"/>, in
        /// place: afterwards the plaintext APDU is at
        /// <paramref name="plaintextOffset"/>..+<paramref name="plaintextCount"/> (the payload
        /// position). <paramref name="systemTitle"/> is the <b>sender's</b>: the client's
        /// calling-AP-title for service-specific ciphering, or, for general-glo/ded, the title in
        /// the APDU (pass <paramref name="buffer"/> and <see cref="CipheredApdu.SystemTitleOffset"/>).
        /// The invocation counter is <see cref="CipheredApdu.InvocationCounter"/>; replay checks are
        /// the caller's.
        /// </summary>
        /// <returns>
        /// Ok; UnsupportedSuite or Unsupported for the SC; Malformed when an authenticated payload is
        /// shorter than the tag; AuthenticationFailed when the tag does not match (the buffer still
        /// holds the ciphertext; the outputs are 0).
        /// </returns>
        /// <exception cref="InvalidOperationException"><paramref name="apdu"/> holds no successfully read APDU (misuse).</exception>
        public static SecurityStatus Decipher(
            byte[] buffer, CipheredApdu apdu,
            Gcm128 encryptionKey, byte[] authenticationKey, int authenticationKeyOffset,
            byte[] systemTitle, int systemTitleOffset,
            out int plaintextOffset, out int plaintextCount)
        {
            plaintextOffset = 0;
            plaintextCount = 0;
            SecurityGuard.NotNull(apdu);
            if (!apdu.IsValid)
            {
                throw new InvalidOperationException();
            }

            SecurityGuard.Region(buffer, apdu.PayloadOffset, apdu.PayloadCount);
            SecurityGuard.NotNull(encryptionKey);
            SecurityGuard.Region(systemTitle, systemTitleOffset, Gcm128.SystemTitleSize);
            byte securityControl = apdu.SecurityControl;
            SecurityStatus status = SecurityControl.CheckSuite0(securityControl);
            if (status != SecurityStatus.Ok)
            {
                return status;
            }

            bool authenticated = SecurityControl.IsAuthenticated(securityControl);
            bool encrypted = SecurityControl.IsEncrypted(securityControl);
            int offset = apdu.PayloadOffset;
            int count = apdu.PayloadCount;
            if (!authenticated)
            {
                encryptionKey.Begin(systemTitle, systemTitleOffset, apdu.InvocationCounter);
                encryptionKey.Crypt(buffer, offset, count);
                plaintextOffset = offset;
                plaintextCount = count;
                return SecurityStatus.Ok;
            }

            SecurityGuard.Region(authenticationKey, authenticationKeyOffset, AuthenticationKeySize);
            if (count < TagLength)
            {
                return SecurityStatus.Malformed;
            }

            int textCount = count - TagLength;
            encryptionKey.Begin(systemTitle, systemTitleOffset, apdu.InvocationCounter);
            encryptionKey.UpdateAad(securityControl);
            encryptionKey.UpdateAad(authenticationKey, authenticationKeyOffset, AuthenticationKeySize);
            if (encrypted)
            {
                status = encryptionKey.Decrypt(buffer, offset, textCount, buffer, offset + textCount, TagLength);
            }
            else
            {
                encryptionKey.UpdateAad(buffer, offset, textCount);
                status = encryptionKey.VerifyTag(buffer, offset + textCount, TagLength);
            }

            if (status != SecurityStatus.Ok)
            {
                return status;
            }

            plaintextOffset = offset;
            plaintextCount = textCount;
            return SecurityStatus.Ok;
        }

        /// <summary>
        /// The cryptographic step of <see cref="Encipher"/> without the envelope: protects
        /// <paramref name="count"/> bytes in place and, when authenticated, writes the 12-byte tag
        /// right after them. The arguments have been checked by the caller, and SC has passed
        /// <see cref="SecurityControl.CheckSuite0"/>.
        /// </summary>
        private static void Protect(
            byte[] buffer, int offset, int count, byte securityControl, uint invocationCounter,
            Gcm128 encryptionKey, byte[] authenticationKey, int authenticationKeyOffset,
            byte[] systemTitle, int systemTitleOffset)
        {
            bool authenticated = SecurityControl.IsAuthenticated(securityControl);
            bool encrypted = SecurityControl.IsEncrypted(securityControl);
            encryptionKey.Begin(systemTitle, systemTitleOffset, invocationCounter);
            if (!authenticated)
            {
                encryptionKey.Crypt(buffer, offset, count);
                return;
            }

            encryptionKey.UpdateAad(securityControl);
            encryptionKey.UpdateAad(authenticationKey, authenticationKeyOffset, AuthenticationKeySize);
            if (encrypted)
            {
                encryptionKey.Encrypt(buffer, offset, count, buffer, offset + count, TagLength);
            }
            else
            {
                encryptionKey.UpdateAad(buffer, offset, count);
                encryptionKey.ComputeTag(buffer, offset + count, TagLength);
            }
        }
    }
}
