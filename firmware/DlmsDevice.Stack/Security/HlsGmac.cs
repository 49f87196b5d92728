namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// HLS authentication mechanism 5 (HLS-GMAC, Green Book "HLS authentication mechanisms";
    /// the Green Book's security examples). Each side proves it holds EK and AK by returning
    /// <c>f(challenge) = SC || IC || GMAC(EK, IV = ST || IC, AAD = SC || AK || challenge)</c>
    /// with SC = 0x10 (authentication only, suite 0) and the GMAC truncated to 12 bytes. ST and
    /// IC are the responder's own: the client answers StoC with ST_C and IC_C in
    /// reply_to_HLS_authentication, the server answers CtoS with ST_S and IC_S.
    /// </summary>
    public static class HlsGmac
    {
        /// <summary>The SC of an HLS-GMAC response: authentication only, suite 0.</summary>
        public const byte SecurityControlByte = SecurityControl.Authentication;

        /// <summary>Response length: SC (1) + IC (4) + GMAC (12) = 17 bytes.</summary>
        public const int ResponseLength = SecurityHeader.Length + Gcm128.DlmsTagSize;

        /// <summary>
        /// Writes f(<paramref name="challenge"/>) (17 bytes) to <paramref name="output"/>[<paramref name="outputOffset"/>].
        /// </summary>
        /// <param name="encryptionKey">EK, keyed (the global unicast key).</param>
        /// <param name="authenticationKey">AK.</param>
        /// <param name="authenticationKeyOffset">Offset of the 16-byte AK.</param>
        /// <param name="systemTitle">The responder's own 8-byte system title.</param>
        /// <param name="systemTitleOffset">Offset of the system title.</param>
        /// <param name="invocationCounter">The responder's invocation counter for this response.</param>
        /// <param name="challenge">The other side's challenge (StoC for the client, CtoS for the server).</param>
        /// <param name="challengeOffset">Offset of the challenge.</param>
        /// <param name="challengeCount">Challenge length (8..64 in the Green Book; not checked here).</param>
        /// <param name="output">Receives SC || IC || GMAC.</param>
        /// <param name="outputOffset">Offset of the 17 output bytes.</param>
        public static void Compute(
            Gcm128 encryptionKey, byte[] authenticationKey, int authenticationKeyOffset,
            byte[] systemTitle, int systemTitleOffset, uint invocationCounter,
            byte[] challenge, int challengeOffset, int challengeCount,
            byte[] output, int outputOffset)
        {
            SecurityGuard.NotNull(encryptionKey);
            SecurityGuard.Region(output, outputOffset, ResponseLength);
            Begin(encryptionKey, authenticationKey, authenticationKeyOffset, systemTitle, systemTitleOffset, invocationCounter, challenge, challengeOffset, challengeCount);
            SecurityHeader.Write(output, outputOffset, SecurityControlByte, invocationCounter);
            encryptionKey.ComputeTag(output, outputOffset + SecurityHeader.Length, Gcm128.DlmsTagSize);
        }

        /// <summary>
        /// Checks the other side's f(<paramref name="challenge"/>) in
        /// <paramref name="response"/>[<paramref name="responseOffset"/>..+<paramref name="responseCount"/>],
        /// computed with its system title <paramref name="systemTitle"/> and the IC it sent in the
        /// response (returned in <paramref name="invocationCounter"/> for the caller's replay check).
        /// The GMAC comparison is constant time.
        /// </summary>
        /// <returns>
        /// Ok; Malformed when the response is not 17 bytes or its SC is not 0x10 (suite 0);
        /// UnsupportedSuite when its SC names another suite; AuthenticationFailed when the GMAC
        /// does not match.
        /// </returns>
        public static SecurityStatus Verify(
            Gcm128 encryptionKey, byte[] authenticationKey, int authenticationKeyOffset,
            byte[] systemTitle, int systemTitleOffset,
            byte[] challenge, int challengeOffset, int challengeCount,
            byte[] response, int responseOffset, int responseCount,
            out uint invocationCounter)
        {
            invocationCounter = 0;
            SecurityGuard.NotNull(encryptionKey);
            SecurityGuard.Region(response, responseOffset, responseCount);
            if (responseCount != ResponseLength)
            {
                return SecurityStatus.Malformed;
            }

            byte securityControl = response[responseOffset];
            if (SecurityControl.Suite(securityControl) != SecurityControl.Suite0)
            {
                return SecurityStatus.UnsupportedSuite;
            }

            if (securityControl != SecurityControlByte)
            {
                return SecurityStatus.Malformed;
            }

            uint received = Aes128.ReadUInt32(response, responseOffset + 1);
            Begin(encryptionKey, authenticationKey, authenticationKeyOffset, systemTitle, systemTitleOffset, received, challenge, challengeOffset, challengeCount);
            SecurityStatus status = encryptionKey.VerifyTag(response, responseOffset + SecurityHeader.Length, Gcm128.DlmsTagSize);
            if (status == SecurityStatus.Ok)
            {
                invocationCounter = received;
            }

            return status;
        }

        /// <summary>IV = ST || IC; AAD = 0x10 || AK || challenge.</summary>
        private static void Begin(
            Gcm128 encryptionKey, byte[] authenticationKey, int authenticationKeyOffset,
            byte[] systemTitle, int systemTitleOffset, uint invocationCounter,
            byte[] challenge, int challengeOffset, int challengeCount)
        {
            SecurityGuard.Region(authenticationKey, authenticationKeyOffset, ApduCipher.AuthenticationKeySize);
            SecurityGuard.Region(challenge, challengeOffset, challengeCount);
            encryptionKey.Begin(systemTitle, systemTitleOffset, invocationCounter);
            encryptionKey.UpdateAad(SecurityControlByte);
            encryptionKey.UpdateAad(authenticationKey, authenticationKeyOffset, ApduCipher.AuthenticationKeySize);
            encryptionKey.UpdateAad(challenge, challengeOffset, challengeCount);
        }
    }
}
