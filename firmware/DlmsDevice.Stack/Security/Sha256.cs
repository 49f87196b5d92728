using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// SHA-256 (FIPS 180-4 §6.2), streaming and allocation-free: <see cref="Reset"/>, any number
    /// of <see cref="Update(byte[], int, int)"/>, then <see cref="Final"/> into the caller's
    /// buffer. Used by HLS mechanism 6 (<see cref="HlsSha256"/>). nanoFramework's mscorlib has no
    /// hash algorithms, so this is our own portable code.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>Digest size in bytes.</summary>
        public const int HashSize = 32;

        /// <summary>Message block size in bytes.</summary>
        public const int BlockSize = 64;

        // K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes
        // (FIPS 180-4 §4.2.2). A literal keeps the static initialiser trivial.
        private static readonly uint[] s_k =
        {
            0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
            0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
            0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
            0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
            0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
            0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
            0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
            0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
        };

        private readonly uint[] _h = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[BlockSize];
        private int _blockCount;
        private long _length;

        /// <summary>Creates a hash ready for <see cref="Update(byte[], int, int)"/>.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Starts a new message: H(0) of FIPS 180-4 §5.3.3.</summary>
        public void Reset()
        {
            uint[] h = _h;
            h[0] = 0x6A09E667;
            h[1] = 0xBB67AE85;
            h[2] = 0x3C6EF372;
            h[3] = 0xA54FF53A;
            h[4] = 0x510E527F;
            h[5] = 0x9B05688C;
            h[6] = 0x1F83D9AB;
            h[7] = 0x5BE0CD19;
            _blockCount = 0;
            _length = 0;
        }

        /// <summary>Appends one byte to the message.</summary>
        public void Update(byte value)
        {
            _block[_blockCount++] = value;
            _length++;
            if (_blockCount == BlockSize)
            {
                Compress(_block, 0);
                _blockCount = 0;
            }
        }

        /// <summary>Appends <paramref name="count"/> bytes to the message.</summary>
        /// <exception cref="ArgumentNullException">buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The region lies outside the buffer.</exception>
        public void Update(byte[] buffer, int offset, int count)
        {
            SecurityGuard.Region(buffer, offset, count);
            _length += count;
            int end = offset + count;
            int position = offset;
            if (_blockCount > 0)
            {
                while (position < end && _blockCount < BlockSize)
                {
                    _block[_blockCount++] = buffer[position++];
                }

                if (_blockCount < BlockSize)
                {
                    return;
                }

                Compress(_block, 0);
                _blockCount = 0;
            }

            while (end - position >= BlockSize)
            {
                Compress(buffer, position);
                position += BlockSize;
            }

            while (position < end)
            {
                _block[_blockCount++] = buffer[position++];
            }
        }

        /// <summary>
        /// Pads the message (FIPS 180-4 §5.1.1), writes the 32-byte digest to
        /// <paramref name="output"/>[<paramref name="offset"/>] and resets for the next message.
        /// </summary>
        /// <exception cref="ArgumentNullException">output is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than 32 bytes at offset.</exception>
        public void Final(byte[] output, int offset)
        {
            SecurityGuard.Region(output, offset, HashSize);
            long bitLength = _length << 3;
            byte[] block = _block;
            block[_blockCount++] = 0x80;
            if (_blockCount > BlockSize - 8)
            {
                while (_blockCount < BlockSize)
                {
                    block[_blockCount++] = 0;
                }

                Compress(block, 0);
                _blockCount = 0;
            }

            while (_blockCount < BlockSize - 8)
            {
                block[_blockCount++] = 0;
            }

            Aes128.WriteUInt32(block, BlockSize - 8, (uint)(bitLength >> 32));
            Aes128.WriteUInt32(block, BlockSize - 4, (uint)bitLength);
            Compress(block, 0);
            for (int i = 0; i < 8; i++)
            {
                Aes128.WriteUInt32(output, offset + 4 * i, _h[i]);
            }

            Reset();
        }

        /// <summary>One application of the compression function (FIPS 180-4 §6.2.2) to 64 bytes.</summary>
        private void Compress(byte[] data, int offset)
        {
            uint[] w = _w;
            uint[] k = s_k;
            for (int t = 0; t < 16; t++)
            {
                w[t] = Aes128.ReadUInt32(data, offset + 4 * t);
            }

            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 2];
                uint y = w[t - 15];
                // sigma1(x) = ROTR17 ^ ROTR19 ^ SHR10; sigma0(y) = ROTR7 ^ ROTR18 ^ SHR3.
                uint s1 = ((x >> 17) | (x << 15)) ^ ((x >> 19) | (x << 13)) ^ (x >> 10);
                uint s0 = ((y >> 7) | (y << 25)) ^ ((y >> 18) | (y << 14)) ^ (y >> 3);
                w[t] = s1 + w[t - 7] + s0 + w[t - 16];
            }

            uint[] h = _h;
            uint a = h[0];
            uint b = h[1];
            uint c = h[2];
            uint d = h[3];
            uint e = h[4];
            uint f = h[5];
            uint g = h[6];
            uint hh = h[7];
            for (int t = 0; t < 64; t++)
            {
                // Sigma1(e) = ROTR6 ^ ROTR11 ^ ROTR25; Ch(e,f,g); Sigma0(a) = ROTR2 ^ ROTR13 ^ ROTR22; Maj(a,b,c).
                uint sum1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint choose = (e & f) ^ (~e & g);
                uint t1 = hh + sum1 + choose + k[t] + w[t];
                uint sum0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = sum0 + majority;
                hh = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
            h[4] += e;
            h[5] += f;
            h[6] += g;
            h[7] += hh;
        }
    }
}
