using System;
using System.Security.Cryptography;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The HLS pass 3/4 proofs (Green Book 9.2.7.4, the Green Book's security examples): what the client sends in
    /// reply_to_HLS_authentication, f(StoC), and what it expects back from the server, f(CtoS).
    /// </summary>
    public static class HlsAuthentication
    {
        /// <summary>Length of a GMAC proof: SC (0x10) ‖ IC (4) ‖ GMAC (12).</summary>
        public const int GmacProofLength = 1 + 4 + SuiteZeroCipher.TagLength;

        /// <summary>
        /// Mechanism 5: <c>SC(0x10) ‖ IC ‖ GMAC(EK, IV = ST ‖ IC, AAD = 0x10 ‖ AK ‖ challenge)</c>,
        /// where ST/IC are the prover's and the challenge is the other side's.
        /// </summary>
        /// <example>StoC 503677524A323146, ST_c 4D4D4D0000000001, IC 1, Green Book keys →
        /// <c>10 00000001 1A52FE7DD3E72748973C1E28</c>.</example>
        public static byte[] GmacProof(ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> authenticationKey,
            ReadOnlySpan<byte> systemTitle, uint invocationCounter, ReadOnlySpan<byte> challenge)
        {
            byte[] tag = SuiteZeroCipher.GmacTag(SuiteZeroCipher.AuthenticatedBit, encryptionKey, authenticationKey, systemTitle, invocationCounter, challenge);
            var proof = new byte[GmacProofLength];
            proof[0] = SuiteZeroCipher.AuthenticatedBit;
            SuiteZeroCipher.WriteUInt32(proof.AsSpan(1), invocationCounter);
            tag.CopyTo(proof, 5);
            return proof;
        }

        /// <summary>
        /// Checks the server's mechanism-5 proof <c>SC ‖ IC_s ‖ GMAC</c> over <paramref name="clientChallenge"/>
        /// with the server's system title and the IC it carries.
        /// </summary>
        /// <param name="proof">The 17 bytes the server returned.</param>
        /// <param name="encryptionKey">EK.</param>
        /// <param name="authenticationKey">AK.</param>
        /// <param name="serverSystemTitle">The server's system title (AARE responding-AP-title).</param>
        /// <param name="clientChallenge">The CtoS challenge the client sent in the AARQ.</param>
        /// <param name="invocationCounter">The server's IC found in the proof.</param>
        /// <returns>True if the proof is well-formed and the GMAC matches.</returns>
        public static bool VerifyGmacProof(ReadOnlySpan<byte> proof, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> authenticationKey,
            ReadOnlySpan<byte> serverSystemTitle, ReadOnlySpan<byte> clientChallenge, out uint invocationCounter)
        {
            invocationCounter = 0;
            if (proof.Length != GmacProofLength || proof[0] != SuiteZeroCipher.AuthenticatedBit)
            {
                return false;
            }
            invocationCounter = SuiteZeroCipher.ReadUInt32(proof.Slice(1));
            byte[] expected = GmacProof(encryptionKey, authenticationKey, serverSystemTitle, invocationCounter, clientChallenge);
            return CryptographicOperations.FixedTimeEquals(expected, proof);
        }

        /// <summary>
        /// Mechanism 6, the client's proof: <c>SHA-256(secret ‖ ST_c ‖ ST_s ‖ StoC ‖ CtoS)</c>
        /// (the order of Gurux.DLMS.Net's client, the Green Book's security examples).
        /// </summary>
        public static byte[] Sha256ClientProof(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> clientSystemTitle, ReadOnlySpan<byte> serverSystemTitle,
            ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> clientChallenge) =>
            Sha256(secret, clientSystemTitle, serverSystemTitle, serverChallenge, clientChallenge);

        /// <summary>
        /// Mechanism 6, the server's proof the client expects: <c>SHA-256(secret ‖ ST_s ‖ ST_c ‖ CtoS ‖ StoC)</c>
        /// (titles and challenges swapped).
        /// </summary>
        public static byte[] Sha256ServerProof(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> clientSystemTitle, ReadOnlySpan<byte> serverSystemTitle,
            ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> clientChallenge) =>
            Sha256(secret, serverSystemTitle, clientSystemTitle, clientChallenge, serverChallenge);

        private static byte[] Sha256(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, ReadOnlySpan<byte> e)
        {
            var data = new byte[a.Length + b.Length + c.Length + d.Length + e.Length];
            int p = 0;
            foreach (ReadOnlySpan<byte> part in new[] { a.ToArray(), b.ToArray(), c.ToArray(), d.ToArray(), e.ToArray() })
            {
                part.CopyTo(data.AsSpan(p));
                p += part.Length;
            }
            return SHA256.HashData(data);
        }
    }
}
