namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// HLS authentication mechanism 6 (HLS-SHA256, Green Book "HLS authentication mechanisms";
    /// the Green Book's security examples). With the HLS secret shared by both sides:
    /// <list type="bullet">
    /// <item>the client's f(StoC) = SHA-256(secret || ST_C || ST_S || StoC || CtoS);</item>
    /// <item>the server's f(CtoS) = SHA-256(secret || ST_S || ST_C || CtoS || StoC).</item>
    /// </list>
    /// The order is the one Gurux.DLMS.Net uses on the server side
    /// (GXDLMSAssociationLogicalName.ReplyToHlsAuthentication: secret, SourceSystemTitle (client),
    /// Cipher.SystemTitle (server), StoC, CtoS to check the client; the titles and challenges
    /// swapped for the reply). One instance owns its hash state: allocation-free, not thread-safe.
    /// </summary>
    public sealed class HlsSha256
    {
        /// <summary>Response length: a SHA-256 digest.</summary>
        public const int ResponseLength = Sha256.HashSize;

        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _digest = new byte[Sha256.HashSize];

        /// <summary>Writes the client's f(StoC) (32 bytes) to <paramref name="output"/>[<paramref name="outputOffset"/>].</summary>
        public void ComputeClientResponse(
            byte[] secret, int secretOffset, int secretCount,
            byte[] clientSystemTitle, int clientSystemTitleOffset,
            byte[] serverSystemTitle, int serverSystemTitleOffset,
            byte[] serverToClientChallenge, int stocOffset, int stocCount,
            byte[] clientToServerChallenge, int ctosOffset, int ctosCount,
            byte[] output, int outputOffset)
        {
            SecurityGuard.Region(output, outputOffset, ResponseLength);
            Hash(secret, secretOffset, secretCount,
                clientSystemTitle, clientSystemTitleOffset, serverSystemTitle, serverSystemTitleOffset,
                serverToClientChallenge, stocOffset, stocCount, clientToServerChallenge, ctosOffset, ctosCount,
                output, outputOffset);
        }

        /// <summary>Writes the server's f(CtoS) (32 bytes) to <paramref name="output"/>[<paramref name="outputOffset"/>].</summary>
        public void ComputeServerResponse(
            byte[] secret, int secretOffset, int secretCount,
            byte[] clientSystemTitle, int clientSystemTitleOffset,
            byte[] serverSystemTitle, int serverSystemTitleOffset,
            byte[] serverToClientChallenge, int stocOffset, int stocCount,
            byte[] clientToServerChallenge, int ctosOffset, int ctosCount,
            byte[] output, int outputOffset)
        {
            SecurityGuard.Region(output, outputOffset, ResponseLength);
            Hash(secret, secretOffset, secretCount,
                serverSystemTitle, serverSystemTitleOffset, clientSystemTitle, clientSystemTitleOffset,
                clientToServerChallenge, ctosOffset, ctosCount, serverToClientChallenge, stocOffset, stocCount,
                output, outputOffset);
        }

        /// <summary>
        /// Checks, in constant time, the client's f(StoC) in
        /// <paramref name="response"/>[<paramref name="responseOffset"/>..+<paramref name="responseCount"/>].
        /// </summary>
        /// <returns>Ok; Malformed when the response is not 32 bytes; AuthenticationFailed when it does not match.</returns>
        public SecurityStatus VerifyClientResponse(
            byte[] secret, int secretOffset, int secretCount,
            byte[] clientSystemTitle, int clientSystemTitleOffset,
            byte[] serverSystemTitle, int serverSystemTitleOffset,
            byte[] serverToClientChallenge, int stocOffset, int stocCount,
            byte[] clientToServerChallenge, int ctosOffset, int ctosCount,
            byte[] response, int responseOffset, int responseCount)
        {
            SecurityGuard.Region(response, responseOffset, responseCount);
            if (responseCount != ResponseLength)
            {
                return SecurityStatus.Malformed;
            }

            ComputeClientResponse(secret, secretOffset, secretCount,
                clientSystemTitle, clientSystemTitleOffset, serverSystemTitle, serverSystemTitleOffset,
                serverToClientChallenge, stocOffset, stocCount, clientToServerChallenge, ctosOffset, ctosCount,
                _digest, 0);
            bool equal = ConstantTime.AreEqual(_digest, 0, response, responseOffset, ResponseLength);
            System.Array.Clear(_digest, 0, ResponseLength);
            return equal ? SecurityStatus.Ok : SecurityStatus.AuthenticationFailed;
        }

        /// <summary>SHA-256(secret || firstTitle || secondTitle || firstChallenge || secondChallenge).</summary>
        private void Hash(
            byte[] secret, int secretOffset, int secretCount,
            byte[] firstTitle, int firstTitleOffset, byte[] secondTitle, int secondTitleOffset,
            byte[] firstChallenge, int firstOffset, int firstCount,
            byte[] secondChallenge, int secondOffset, int secondCount,
            byte[] output, int outputOffset)
        {
            SecurityGuard.Region(firstTitle, firstTitleOffset, Gcm128.SystemTitleSize);
            SecurityGuard.Region(secondTitle, secondTitleOffset, Gcm128.SystemTitleSize);
            Sha256 sha = _sha;
            sha.Reset();
            sha.Update(secret, secretOffset, secretCount);
            sha.Update(firstTitle, firstTitleOffset, Gcm128.SystemTitleSize);
            sha.Update(secondTitle, secondTitleOffset, Gcm128.SystemTitleSize);
            sha.Update(firstChallenge, firstOffset, firstCount);
            sha.Update(secondChallenge, secondOffset, secondCount);
            sha.Final(output, outputOffset);
        }
    }
}
