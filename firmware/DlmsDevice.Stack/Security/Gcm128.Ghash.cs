namespace DlmsDevice.Stack.Security
{
    /// <summary>GHASH (NIST SP 800-38D §6.4) with a 4-bit multiplication table per key.</summary>
    public sealed partial class Gcm128
    {
        // Reduction of the 4 bits shifted out when the accumulator is multiplied by x^4. In GCM's
        // bit order the block's first bit is the coefficient of x^0, so multiplying by x is a
        // right shift, and a bit shifted past x^127 comes back as x^128 = x^7 + x^2 + x + 1
        // (R = E1 00..00, SP 800-38D §6.3). Bit i of the index (the bit that was at x^(127-i))
        // contributes R >> (3 - i) to the top word; the table is the XOR of those four values.
        private static readonly uint[] s_reduce4 =
        {
            0x00000000, 0x1C200000, 0x38400000, 0x24600000, 0x70800000, 0x6CA00000, 0x48C00000, 0x54E00000,
            0xE1000000, 0xFD200000, 0xD9400000, 0xC5600000, 0x91800000, 0x8DA00000, 0xA9C00000, 0xB5E00000,
        };

        /// <summary>R = 11100001 || 0^120 (SP 800-38D §6.3), top word.</summary>
        private const uint ReductionWord = 0xE1000000;

        /// <summary>
        /// Builds the 16-entry table M[n] = n·H for the 4-bit polynomials n (Shoup's method): the
        /// nibble's most significant bit is the lowest power, so M[8] = H, M[4] = H·x,
        /// M[2] = H·x^2, M[1] = H·x^3, and the other entries are XORs of those. 64 words per key.
        /// </summary>
        private void BuildTable(uint h0, uint h1, uint h2, uint h3)
        {
            uint[] m = _table;
            m[0] = 0;
            m[1] = 0;
            m[2] = 0;
            m[3] = 0;
            for (int n = 8; n > 0; n >>= 1)
            {
                int e = n << 2;
                m[e] = h0;
                m[e + 1] = h1;
                m[e + 2] = h2;
                m[e + 3] = h3;

                // h = h·x: right shift, folding x^128 back as R. The mask avoids a branch on the
                // key-dependent bit.
                uint carry = 0 - (h3 & 1);
                h3 = (h3 >> 1) | (h2 << 31);
                h2 = (h2 >> 1) | (h1 << 31);
                h1 = (h1 >> 1) | (h0 << 31);
                h0 = (h0 >> 1) ^ (ReductionWord & carry);
            }

            for (int high = 2; high <= 8; high <<= 1)
            {
                for (int low = 1; low < high; low++)
                {
                    int target = (high + low) << 2;
                    int a = high << 2;
                    int b = low << 2;
                    m[target] = m[a] ^ m[b];
                    m[target + 1] = m[a + 1] ^ m[b + 1];
                    m[target + 2] = m[a + 2] ^ m[b + 2];
                    m[target + 3] = m[a + 3] ^ m[b + 3];
                }
            }
        }

        /// <summary>Y = (Y xor block)·H for the 16 bytes at <paramref name="offset"/>.</summary>
        private void AbsorbBlock(byte[] buffer, int offset)
        {
            _y0 ^= Aes128.ReadUInt32(buffer, offset);
            _y1 ^= Aes128.ReadUInt32(buffer, offset + 4);
            _y2 ^= Aes128.ReadUInt32(buffer, offset + 8);
            _y3 ^= Aes128.ReadUInt32(buffer, offset + 12);
            MultiplyByH();
        }

        /// <summary>
        /// Y = (Y xor (block || 0-padding))·H for a final partial block of 1..15 bytes
        /// (SP 800-38D §7.1 step 5: the last block is padded with zeros).
        /// </summary>
        private void AbsorbPartial(byte[] buffer, int offset, int count)
        {
            byte[] scratch = _scratch;
            for (int i = 0; i < count; i++)
            {
                scratch[i] = buffer[offset + i];
            }

            for (int i = count; i < BlockSize; i++)
            {
                scratch[i] = 0;
            }

            AbsorbBlock(scratch, 0);
        }

        /// <summary>Absorbs the length block len(A) || len(C), both in bits as 64-bit big-endian.</summary>
        private void AbsorbLengths(long aadBytes, long dataBytes)
        {
            long aadBits = aadBytes << 3;
            long dataBits = dataBytes << 3;
            _y0 ^= (uint)(aadBits >> 32);
            _y1 ^= (uint)aadBits;
            _y2 ^= (uint)(dataBits >> 32);
            _y3 ^= (uint)dataBits;
            MultiplyByH();
        }

        /// <summary>
        /// Y = Y·H by Horner's rule over the 32 nibbles, highest powers first: the last byte's low
        /// nibble holds x^124..x^127, so the words are taken y3..y0 and each from its low nibble up.
        /// </summary>
        private void MultiplyByH()
        {
            uint z0 = 0;
            uint z1 = 0;
            uint z2 = 0;
            uint z3 = 0;
            MultiplyWord(_y3, ref z0, ref z1, ref z2, ref z3);
            MultiplyWord(_y2, ref z0, ref z1, ref z2, ref z3);
            MultiplyWord(_y1, ref z0, ref z1, ref z2, ref z3);
            MultiplyWord(_y0, ref z0, ref z1, ref z2, ref z3);
            _y0 = z0;
            _y1 = z1;
            _y2 = z2;
            _y3 = z3;
        }

        /// <summary>Eight Horner steps: Z = Z·x^4 + n·H for each nibble n of <paramref name="word"/>, low nibble first.</summary>
        private void MultiplyWord(uint word, ref uint z0, ref uint z1, ref uint z2, ref uint z3)
        {
            uint[] m = _table;
            uint[] reduce = s_reduce4;
            uint a0 = z0;
            uint a1 = z1;
            uint a2 = z2;
            uint a3 = z3;
            for (int i = 0; i < 8; i++)
            {
                // Z·x^4: shift right by 4, the 4 bits falling off the end reduced back in.
                uint rem = a3 & 0xF;
                a3 = (a3 >> 4) | (a2 << 28);
                a2 = (a2 >> 4) | (a1 << 28);
                a1 = (a1 >> 4) | (a0 << 28);
                a0 = (a0 >> 4) ^ reduce[rem];

                int e = (int)(word & 0xF) << 2;
                word >>= 4;
                a0 ^= m[e];
                a1 ^= m[e + 1];
                a2 ^= m[e + 2];
                a3 ^= m[e + 3];
            }

            z0 = a0;
            z1 = a1;
            z2 = a2;
            z3 = a3;
        }
    }
}
