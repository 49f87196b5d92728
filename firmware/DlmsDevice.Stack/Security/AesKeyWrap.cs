using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// AES key wrap (RFC 3394 §2.2, the index-based form) with the default initial value
    /// A6A6A6A6A6A6A6A6 and a 128-bit key-encryption key. DLMS uses it to transport keys wrapped
    /// with the master key (Security setup key_transfer, Green Book). One instance holds one KEK;
    /// wrap and unwrap allocate nothing.
    /// </summary>
    public sealed class AesKeyWrap
    {
        /// <summary>Size of one semiblock (64 bits); key data is a whole number of them.</summary>
        public const int SemiblockSize = 8;

        /// <summary>Bytes a wrap adds: the integrity check value A.</summary>
        public const int Overhead = 8;

        /// <summary>Smallest key data RFC 3394 wraps: two semiblocks.</summary>
        public const int MinKeyDataSize = 16;

        /// <summary>The RFC 3394 §2.2.3.1 default initial value, one byte repeated.</summary>
        private const byte DefaultIvByte = 0xA6;

        /// <summary>Wrap steps j = 0..5 (RFC 3394 §2.2.1).</summary>
        private const int Steps = 6;

        private readonly Aes128 _kek = new Aes128();
        private readonly byte[] _block = new byte[Aes128.BlockSize];

        /// <summary>Sets the 16-byte key-encryption key at <paramref name="key"/>[<paramref name="offset"/>].</summary>
        public void SetKey(byte[] key, int offset)
        {
            _kek.SetKey(key, offset);
        }

        /// <summary>
        /// Wraps <paramref name="inputCount"/> bytes of key data into
        /// <paramref name="inputCount"/> + 8 bytes at <paramref name="output"/>[<paramref name="outputOffset"/>].
        /// Input and output may overlap (the key data is moved first).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">inputCount is not a multiple of 8 or is under 16; a region lies outside its array.</exception>
        /// <exception cref="InvalidOperationException">No key has been set.</exception>
        public void Wrap(byte[] input, int inputOffset, int inputCount, byte[] output, int outputOffset)
        {
            SecurityGuard.Region(input, inputOffset, inputCount);
            if (inputCount < MinKeyDataSize || inputCount % SemiblockSize != 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            SecurityGuard.Region(output, outputOffset, inputCount + Overhead);
            RequireKey();
            int n = inputCount / SemiblockSize;
            byte[] b = _block;

            // R[1..n] = P[1..n] in the output after the slot for A; A = IV in the scratch block.
            Array.Copy(input, inputOffset, output, outputOffset + SemiblockSize, inputCount);
            for (int i = 0; i < SemiblockSize; i++)
            {
                b[i] = DefaultIvByte;
            }

            for (int j = 0; j < Steps; j++)
            {
                for (int i = 1; i <= n; i++)
                {
                    // B = AES(K, A | R[i]); A = MSB64(B) ^ t, t = n*j + i; R[i] = LSB64(B).
                    int r = outputOffset + SemiblockSize * i;
                    Array.Copy(output, r, b, SemiblockSize, SemiblockSize);
                    _kek.EncryptBlock(b, 0, b, 0);
                    XorCounter(b, n * j + i);
                    Array.Copy(b, SemiblockSize, output, r, SemiblockSize);
                }
            }

            Array.Copy(b, 0, output, outputOffset, SemiblockSize);
            Array.Clear(b, 0, Aes128.BlockSize);
        }

        /// <summary>
        /// Unwraps <paramref name="inputCount"/> bytes (received data) into
        /// <paramref name="inputCount"/> - 8 bytes of key data at
        /// <paramref name="output"/>[<paramref name="outputOffset"/>] and checks the integrity
        /// value. Input and output may overlap.
        /// </summary>
        /// <returns>
        /// <see cref="SecurityStatus.Ok"/>; <see cref="SecurityStatus.Malformed"/> when
        /// inputCount is not a multiple of 8 or is under 24 (nothing written);
        /// <see cref="SecurityStatus.AuthenticationFailed"/> when the integrity value is not
        /// A6A6A6A6A6A6A6A6 (wrong KEK or altered data; the output region is zeroed so the bad key
        /// cannot be used).
        /// </returns>
        /// <exception cref="ArgumentOutOfRangeException">A region lies outside its array.</exception>
        /// <exception cref="InvalidOperationException">No key has been set.</exception>
        public SecurityStatus Unwrap(byte[] input, int inputOffset, int inputCount, byte[] output, int outputOffset)
        {
            SecurityGuard.Region(input, inputOffset, inputCount);
            if (inputCount < MinKeyDataSize + Overhead || inputCount % SemiblockSize != 0)
            {
                return SecurityStatus.Malformed;
            }

            int keyDataCount = inputCount - Overhead;
            SecurityGuard.Region(output, outputOffset, keyDataCount);
            RequireKey();
            int n = keyDataCount / SemiblockSize;
            byte[] b = _block;

            // A = C[0] is read before R[1..n] = C[1..n] is moved, in case the regions overlap.
            Array.Copy(input, inputOffset, b, 0, SemiblockSize);
            Array.Copy(input, inputOffset + SemiblockSize, output, outputOffset, keyDataCount);
            for (int j = Steps - 1; j >= 0; j--)
            {
                for (int i = n; i >= 1; i--)
                {
                    // B = AES-1(K, (A ^ t) | R[i]); A = MSB64(B); R[i] = LSB64(B).
                    int r = outputOffset + SemiblockSize * (i - 1);
                    XorCounter(b, n * j + i);
                    Array.Copy(output, r, b, SemiblockSize, SemiblockSize);
                    _kek.DecryptBlock(b, 0, b, 0);
                    Array.Copy(b, SemiblockSize, output, r, SemiblockSize);
                }
            }

            int difference = 0;
            for (int i = 0; i < SemiblockSize; i++)
            {
                difference |= b[i] ^ DefaultIvByte;
            }

            Array.Clear(b, 0, Aes128.BlockSize);
            if (difference != 0)
            {
                Array.Clear(output, outputOffset, keyDataCount);
                return SecurityStatus.AuthenticationFailed;
            }

            return SecurityStatus.Ok;
        }

        /// <summary>A ^= t, with t a 64-bit big-endian counter (under 2^31 here, so only the low word changes).</summary>
        private static void XorCounter(byte[] a, int t)
        {
            a[4] ^= (byte)(t >> 24);
            a[5] ^= (byte)(t >> 16);
            a[6] ^= (byte)(t >> 8);
            a[7] ^= (byte)t;
        }

        private void RequireKey()
        {
            if (!_kek.HasKey)
            {
                throw new InvalidOperationException();
            }
        }
    }
}
