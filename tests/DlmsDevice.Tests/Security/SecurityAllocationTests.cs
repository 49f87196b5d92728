using System;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class SecurityAllocationTests
    {
        [Fact]
        public void CipherHashAndWrap_AfterKeySetUp_AllocateNothing()
        {
            byte[] ekBytes = Hex.Parse(SecurityVectors.EncryptionKey);
            byte[] ak = Hex.Parse(SecurityVectors.AuthenticationKey);
            byte[] st = Hex.Parse(SecurityVectors.SystemTitle);
            byte[] plain = new byte[64];
            new Random(1).NextBytes(plain);
            byte[] buffer = new byte[ApduCipher.MaxHeadroom + 64 + ApduCipher.MaxTailroom];
            byte[] challenge = Hex.Parse("503677524A323146");
            byte[] hlsResponse = new byte[HlsGmac.ResponseLength];
            byte[] digest = new byte[32];
            byte[] keyData = Hex.Parse("00112233445566778899AABBCCDDEEFF");
            byte[] wrapped = new byte[24];
            byte[] unwrapped = new byte[16];
            byte[] block = new byte[16];
            byte[] sha256Response = new byte[32];

            var ek = new Gcm128();
            var apdu = new CipheredApdu();
            var sha = new Sha256();
            var wrap = new AesKeyWrap();
            var aes = new Aes128();
            var hlsSha = new HlsSha256();
            ek.SetKey(ekBytes, 0);
            wrap.SetKey(ekBytes, 0);
            aes.SetKey(ekBytes, 0);
            byte[] policies = { 0x30, 0x10, 0x20 };

            int failures = 0;
            Action session = () =>
            {
                for (int p = 0; p < policies.Length; p++)
                {
                    Array.Copy(plain, 0, buffer, ApduCipher.MaxHeadroom, plain.Length);
                    ApduCipher.Encipher(buffer, ApduCipher.MaxHeadroom, plain.Length, CipheredTag.GloGetResponse, policies[p], 7,
                        ek, ak, 0, st, 0, out int start, out int length);
                    apdu.Read(buffer, start, length);
                    if (ApduCipher.Decipher(buffer, apdu, ek, ak, 0, st, 0, out _, out _) != SecurityStatus.Ok)
                    {
                        failures++;
                    }
                }

                HlsGmac.Compute(ek, ak, 0, st, 0, 1, challenge, 0, challenge.Length, hlsResponse, 0);
                if (HlsGmac.Verify(ek, ak, 0, st, 0, challenge, 0, challenge.Length, hlsResponse, 0, hlsResponse.Length, out _) != SecurityStatus.Ok)
                {
                    failures++;
                }

                sha.Update(plain, 0, plain.Length);
                sha.Update(0x61);
                sha.Final(digest, 0);
                hlsSha.ComputeServerResponse(ak, 0, 16, st, 0, st, 0, challenge, 0, 8, challenge, 0, 8, sha256Response, 0);
                hlsSha.VerifyClientResponse(ak, 0, 16, st, 0, st, 0, challenge, 0, 8, challenge, 0, 8, sha256Response, 0, 32);

                wrap.Wrap(keyData, 0, 16, wrapped, 0);
                if (wrap.Unwrap(wrapped, 0, 24, unwrapped, 0) != SecurityStatus.Ok)
                {
                    failures++;
                }

                aes.EncryptBlock(block, 0, block, 0);
                aes.DecryptBlock(block, 0, block, 0);
            };

            session(); // warm-up
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                session();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void SetKey_Again_AllocatesNothing()
        {
            byte[] key = Hex.Parse(SecurityVectors.EncryptionKey);
            var gcm = new Gcm128();
            var wrap = new AesKeyWrap();
            gcm.SetKey(key, 0);
            wrap.SetKey(key, 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                key[0] = (byte)i;
                gcm.SetKey(key, 0);
                wrap.SetKey(key, 0);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
