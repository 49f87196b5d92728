using System;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class HlsTests
    {
        private static readonly byte[] s_ak = Hex.Parse(SecurityVectors.AuthenticationKey);

        // the Green Book's security examples (dlms-cosem test_gmac, jDLMS GmacTest): StoC 503677524A323146,
        // ST_C 4D4D4D0000000001, IC 1 -> 10 00000001 1A52FE7DD3E72748973C1E28.
        private const string StoC = "503677524A323146";
        private const string ClientTitle = "4D4D4D0000000001";
        private const string Expected = "10 00000001 1A52FE7DD3E72748973C1E28";

        [Fact]
        public void GmacCompute_GreenBookVector_Matches()
        {
            byte[] challenge = Hex.Parse(StoC);
            byte[] output = new byte[20];

            HlsGmac.Compute(Ek(), s_ak, 0, Hex.Parse(ClientTitle), 0, 1, challenge, 0, challenge.Length, output, 3);

            Assert.Equal(Hex.Format(Hex.Parse(Expected)), Hex.Format(output, 3, HlsGmac.ResponseLength));
        }

        [Fact]
        public void GmacVerify_GreenBookVector_OkWithCounter()
        {
            byte[] challenge = Hex.Parse(StoC);
            byte[] response = Hex.Parse(Expected);

            SecurityStatus status = HlsGmac.Verify(Ek(), s_ak, 0, Hex.Parse(ClientTitle), 0, challenge, 0, challenge.Length,
                response, 0, response.Length, out uint ic);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(1u, ic);
        }

        // The Gurux.DLMS.Net client's f(StoC) from the trace (inside its reply_to_HLS ACTION).
        [Fact]
        public void GmacVerify_GuruxClientResponse_Ok()
        {
            byte[] challenge = Hex.Parse(SecurityVectors.GuruxStoC);
            byte[] response = Hex.Parse("10 00000001 0E329DDAD176AA45468F5A99");

            SecurityStatus status = HlsGmac.Verify(Ek(), s_ak, 0, Hex.Parse(SecurityVectors.GuruxClientSystemTitle), 0,
                challenge, 0, challenge.Length, response, 0, response.Length, out uint ic);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(1u, ic);
        }

        [Theory]
        [InlineData("10 00000001 1A52FE7DD3E72748973C1E29", SecurityStatus.AuthenticationFailed)] // GMAC bit
        [InlineData("10 00000002 1A52FE7DD3E72748973C1E28", SecurityStatus.AuthenticationFailed)] // other IC
        [InlineData("30 00000001 1A52FE7DD3E72748973C1E28", SecurityStatus.Malformed)]
        [InlineData("11 00000001 1A52FE7DD3E72748973C1E28", SecurityStatus.UnsupportedSuite)]
        [InlineData("10 00000001 1A52FE7DD3E72748973C1E", SecurityStatus.Malformed)]
        [InlineData("10 00000001 1A52FE7DD3E72748973C1E2800", SecurityStatus.Malformed)]
        public void GmacVerify_BadResponse_Status(string hex, SecurityStatus expected)
        {
            byte[] challenge = Hex.Parse(StoC);
            byte[] response = Hex.Parse(hex);

            SecurityStatus status = HlsGmac.Verify(Ek(), s_ak, 0, Hex.Parse(ClientTitle), 0, challenge, 0, challenge.Length,
                response, 0, response.Length, out uint ic);

            Assert.Equal(expected, status);
            Assert.Equal(0u, ic);
        }

        [Fact]
        public void GmacVerify_OtherChallengeOrTitle_Fails()
        {
            byte[] response = Hex.Parse(Expected);
            byte[] challenge = Hex.Parse(StoC);
            byte[] otherChallenge = Hex.Parse("503677524A323147");

            Assert.Equal(SecurityStatus.AuthenticationFailed, HlsGmac.Verify(Ek(), s_ak, 0, Hex.Parse(ClientTitle), 0,
                otherChallenge, 0, otherChallenge.Length, response, 0, response.Length, out _));
            Assert.Equal(SecurityStatus.AuthenticationFailed, HlsGmac.Verify(Ek(), s_ak, 0, Hex.Parse("4D4D4D0000000002"), 0,
                challenge, 0, challenge.Length, response, 0, response.Length, out _));
        }

        // HLS-SHA256 (mechanism 6), order as in Gurux.DLMS.Net's server:
        // client f(StoC) = SHA-256(secret || ST_C || ST_S || StoC || CtoS), server f(CtoS) with both swapped.
        [Fact]
        public void Sha256Responses_FollowTheMechanism6Order()
        {
            byte[] secret = Hex.Parse("3132333435363738");
            byte[] clientTitle = Hex.Parse(SecurityVectors.GuruxClientSystemTitle);
            byte[] serverTitle = Hex.Parse(SecurityVectors.SystemTitle);
            byte[] stoc = Hex.Parse("52375E4E443F240F30771A0C6B23401A");
            byte[] ctos = Hex.Parse("5F03291C25573548530E10186C6A4951AB");
            var hls = new HlsSha256();
            byte[] client = new byte[32];
            byte[] server = new byte[34];

            hls.ComputeClientResponse(secret, 0, secret.Length, clientTitle, 0, serverTitle, 0, stoc, 0, stoc.Length, ctos, 0, ctos.Length, client, 0);
            hls.ComputeServerResponse(secret, 0, secret.Length, clientTitle, 0, serverTitle, 0, stoc, 0, stoc.Length, ctos, 0, ctos.Length, server, 2);

            byte[] expectedClient = System.Security.Cryptography.SHA256.HashData(Concat(secret, clientTitle, serverTitle, stoc, ctos));
            byte[] expectedServer = System.Security.Cryptography.SHA256.HashData(Concat(secret, serverTitle, clientTitle, ctos, stoc));
            Assert.Equal(expectedClient, client);
            Assert.True(expectedServer.AsSpan().SequenceEqual(server.AsSpan(2, 32)));
        }

        [Fact]
        public void Sha256VerifyClientResponse_GoodBadAndShort()
        {
            byte[] secret = Hex.Parse("3132333435363738");
            byte[] clientTitle = Hex.Parse(SecurityVectors.GuruxClientSystemTitle);
            byte[] serverTitle = Hex.Parse(SecurityVectors.SystemTitle);
            byte[] stoc = Hex.Parse("0102030405060708");
            byte[] ctos = Hex.Parse("1112131415161718");
            var hls = new HlsSha256();
            byte[] response = System.Security.Cryptography.SHA256.HashData(Concat(secret, clientTitle, serverTitle, stoc, ctos));

            Assert.Equal(SecurityStatus.Ok, hls.VerifyClientResponse(secret, 0, 8, clientTitle, 0, serverTitle, 0, stoc, 0, 8, ctos, 0, 8, response, 0, 32));
            Assert.Equal(SecurityStatus.Malformed, hls.VerifyClientResponse(secret, 0, 8, clientTitle, 0, serverTitle, 0, stoc, 0, 8, ctos, 0, 8, response, 0, 31));
            response[31] ^= 1;
            Assert.Equal(SecurityStatus.AuthenticationFailed, hls.VerifyClientResponse(secret, 0, 8, clientTitle, 0, serverTitle, 0, stoc, 0, 8, ctos, 0, 8, response, 0, 32));
            response[31] ^= 1;
            // The server's own proof is not accepted as the client's (the order matters).
            byte[] serverProof = new byte[32];
            hls.ComputeServerResponse(secret, 0, 8, clientTitle, 0, serverTitle, 0, stoc, 0, 8, ctos, 0, 8, serverProof, 0);
            Assert.Equal(SecurityStatus.AuthenticationFailed, hls.VerifyClientResponse(secret, 0, 8, clientTitle, 0, serverTitle, 0, stoc, 0, 8, ctos, 0, 8, serverProof, 0, 32));
        }

        private static byte[] Concat(params byte[][] parts)
        {
            int total = 0;
            foreach (byte[] part in parts)
            {
                total += part.Length;
            }

            byte[] result = new byte[total];
            int position = 0;
            foreach (byte[] part in parts)
            {
                part.CopyTo(result, position);
                position += part.Length;
            }

            return result;
        }

        private static Gcm128 Ek()
        {
            return Gcm128Tests.Keyed(SecurityVectors.EncryptionKey);
        }
    }
}
