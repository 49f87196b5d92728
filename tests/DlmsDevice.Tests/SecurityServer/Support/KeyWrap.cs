using System;
using System.Security.Cryptography;

namespace DlmsDevice.Tests.SecurityServer.Support
{
    /// <summary>RFC 3394 key wrap (default IV A6..A6) on System.Security.Cryptography's AES, for the key_transfer tests.</summary>
    internal static class KeyWrap
    {
        public static byte[] Wrap(byte[] kek, byte[] key)
        {
            int n = key.Length / 8;
            byte[] a = { 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6 };
            byte[] r = (byte[])key.Clone();
            using Aes aes = Aes.Create();
            aes.Key = kek;
            byte[] block = new byte[16];
            for (int j = 0; j <= 5; j++)
            {
                for (int i = 0; i < n; i++)
                {
                    Array.Copy(a, 0, block, 0, 8);
                    Array.Copy(r, i * 8, block, 8, 8);
                    byte[] b = aes.EncryptEcb(block, PaddingMode.None);
                    ulong t = (ulong)(n * j + i + 1);
                    Array.Copy(b, 0, a, 0, 8);
                    for (int k = 0; k < 8; k++) a[7 - k] ^= (byte)(t >> (8 * k));
                    Array.Copy(b, 8, r, i * 8, 8);
                }
            }
            return SuiteZero.Concat(a, r);
        }
    }
}
