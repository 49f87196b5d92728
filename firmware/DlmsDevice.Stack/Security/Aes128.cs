using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The AES-128 block cipher (FIPS 197): forward cipher for GCM, GMAC and key wrap, inverse
    /// cipher for key unwrap. nanoFramework offers AES only through ECB/CBC objects, so this is
    /// our own portable implementation. One instance holds one key; its round keys are allocated
    /// with the instance and recomputed in place by <see cref="SetKey"/>, so nothing is allocated
    /// per block or per key change.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Table driven: one 256-word T-table per direction (<see cref="AesTables"/>), rotated for the
    /// other three column positions, and the S-boxes for the last round. The decryption uses the
    /// "equivalent inverse cipher" of FIPS 197 §5.3.5, so its round keys are InvMixColumns of the
    /// forward ones, computed at key set-up.
    /// </para>
    /// <para>
    /// <b>Not constant time.</b> Table lookups are indexed by key- and data-dependent bytes. On a
    /// CPU with a data cache shared with an attacker's code (desktop, Linux board) the access
    /// pattern can leak key bits through cache timing. The ESP32 runs this interpreted from
    /// internal SRAM without a data cache (unless the heap is placed in cached PSRAM), and a meter
    /// runs no foreign code, so the remaining risk is remote timing, which the interpreter's noise
    /// makes impractical. Where that matters, use a hardware AES behind the same API.
    /// </para>
    /// </remarks>
    public sealed class Aes128
    {
        /// <summary>Block size in bytes (128 bits).</summary>
        public const int BlockSize = 16;

        /// <summary>Key size in bytes (128 bits).</summary>
        public const int KeySize = 16;

        private readonly uint[] _encryptionKeys = new uint[AesTables.RoundKeyWords];
        private readonly uint[] _decryptionKeys = new uint[AesTables.RoundKeyWords];
        private bool _hasKey;

        /// <summary>True once <see cref="SetKey"/> has been called.</summary>
        public bool HasKey
        {
            get { return _hasKey; }
        }

        /// <summary>
        /// Expands the 16-byte key at <paramref name="key"/>[<paramref name="offset"/>] (FIPS 197
        /// §5.2) into the forward round keys and the equivalent-inverse-cipher round keys.
        /// </summary>
        /// <exception cref="ArgumentNullException">key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than 16 bytes at offset.</exception>
        public void SetKey(byte[] key, int offset)
        {
            SecurityGuard.Region(key, offset, KeySize);
            uint[] w = _encryptionKeys;
            byte[] sbox = AesTables.SBox;
            byte[] rcon = AesTables.RoundConstants;
            for (int i = 0; i < 4; i++)
            {
                w[i] = ReadUInt32(key, offset + 4 * i);
            }

            for (int i = 4; i < AesTables.RoundKeyWords; i++)
            {
                uint temp = w[i - 1];
                if ((i & 3) == 0)
                {
                    // SubWord(RotWord(temp)) xor Rcon[i/Nk]: the rotation is folded into the
                    // byte positions the S-box results are put back at.
                    temp = ((uint)sbox[(temp >> 16) & 0xFF] << 24)
                        | ((uint)sbox[(temp >> 8) & 0xFF] << 16)
                        | ((uint)sbox[temp & 0xFF] << 8)
                        | sbox[temp >> 24];
                    temp ^= (uint)rcon[(i >> 2) - 1] << 24;
                }

                w[i] = w[i - 4] ^ temp;
            }

            // Equivalent inverse cipher (§5.3.5): round keys in reverse round order, with
            // InvMixColumns applied to all but the first and last.
            uint[] d = _decryptionKeys;
            for (int round = 0; round <= AesTables.Rounds; round++)
            {
                int source = 4 * (AesTables.Rounds - round);
                for (int c = 0; c < 4; c++)
                {
                    uint word = w[source + c];
                    d[4 * round + c] = round == 0 || round == AesTables.Rounds ? word : InverseMixColumn(word);
                }
            }

            _hasKey = true;
        }

        /// <summary>
        /// Encrypts one 16-byte block (FIPS 197 §5.1). <paramref name="input"/> and
        /// <paramref name="output"/> may be the same array and offset.
        /// </summary>
        /// <exception cref="InvalidOperationException">No key has been set.</exception>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException();
            }

            uint[] te = AesTables.Forward;
            uint[] rk = _encryptionKeys;
            uint s0 = ReadUInt32(input, inputOffset) ^ rk[0];
            uint s1 = ReadUInt32(input, inputOffset + 4) ^ rk[1];
            uint s2 = ReadUInt32(input, inputOffset + 8) ^ rk[2];
            uint s3 = ReadUInt32(input, inputOffset + 12) ^ rk[3];
            int k = 4;
            for (int round = 1; round < AesTables.Rounds; round++)
            {
                // SubBytes, ShiftRows (row r of column c comes from column c + r) and MixColumns
                // in one lookup per byte, then AddRoundKey. Column positions 1..3 use the table
                // rotated right by 8, 16, 24 bits, written out inline because nanoFramework's
                // interpreter does not inline small methods.
                uint x01 = te[(s1 >> 16) & 0xFF];
                uint x02 = te[(s2 >> 8) & 0xFF];
                uint x03 = te[s3 & 0xFF];
                uint t0 = te[s0 >> 24] ^ ((x01 >> 8) | (x01 << 24)) ^ ((x02 >> 16) | (x02 << 16)) ^ ((x03 >> 24) | (x03 << 8)) ^ rk[k];
                uint x11 = te[(s2 >> 16) & 0xFF];
                uint x12 = te[(s3 >> 8) & 0xFF];
                uint x13 = te[s0 & 0xFF];
                uint t1 = te[s1 >> 24] ^ ((x11 >> 8) | (x11 << 24)) ^ ((x12 >> 16) | (x12 << 16)) ^ ((x13 >> 24) | (x13 << 8)) ^ rk[k + 1];
                uint x21 = te[(s3 >> 16) & 0xFF];
                uint x22 = te[(s0 >> 8) & 0xFF];
                uint x23 = te[s1 & 0xFF];
                uint t2 = te[s2 >> 24] ^ ((x21 >> 8) | (x21 << 24)) ^ ((x22 >> 16) | (x22 << 16)) ^ ((x23 >> 24) | (x23 << 8)) ^ rk[k + 2];
                uint x31 = te[(s0 >> 16) & 0xFF];
                uint x32 = te[(s1 >> 8) & 0xFF];
                uint x33 = te[s2 & 0xFF];
                uint t3 = te[s3 >> 24] ^ ((x31 >> 8) | (x31 << 24)) ^ ((x32 >> 16) | (x32 << 16)) ^ ((x33 >> 24) | (x33 << 8)) ^ rk[k + 3];
                s0 = t0;
                s1 = t1;
                s2 = t2;
                s3 = t3;
                k += 4;
            }

            // Last round: no MixColumns.
            byte[] sbox = AesTables.SBox;
            uint o0 = SubstituteLast(sbox, s0, s1, s2, s3) ^ rk[k];
            uint o1 = SubstituteLast(sbox, s1, s2, s3, s0) ^ rk[k + 1];
            uint o2 = SubstituteLast(sbox, s2, s3, s0, s1) ^ rk[k + 2];
            uint o3 = SubstituteLast(sbox, s3, s0, s1, s2) ^ rk[k + 3];
            WriteUInt32(output, outputOffset, o0);
            WriteUInt32(output, outputOffset + 4, o1);
            WriteUInt32(output, outputOffset + 8, o2);
            WriteUInt32(output, outputOffset + 12, o3);
        }

        /// <summary>
        /// Decrypts one 16-byte block (FIPS 197 §5.3, equivalent inverse cipher).
        /// <paramref name="input"/> and <paramref name="output"/> may be the same array and offset.
        /// </summary>
        /// <exception cref="InvalidOperationException">No key has been set.</exception>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException();
            }

            uint[] td = AesTables.Inverse;
            uint[] rk = _decryptionKeys;
            uint s0 = ReadUInt32(input, inputOffset) ^ rk[0];
            uint s1 = ReadUInt32(input, inputOffset + 4) ^ rk[1];
            uint s2 = ReadUInt32(input, inputOffset + 8) ^ rk[2];
            uint s3 = ReadUInt32(input, inputOffset + 12) ^ rk[3];
            int k = 4;
            for (int round = 1; round < AesTables.Rounds; round++)
            {
                // InvShiftRows takes row r of column c from column c - r.
                uint x01 = td[(s3 >> 16) & 0xFF];
                uint x02 = td[(s2 >> 8) & 0xFF];
                uint x03 = td[s1 & 0xFF];
                uint t0 = td[s0 >> 24] ^ ((x01 >> 8) | (x01 << 24)) ^ ((x02 >> 16) | (x02 << 16)) ^ ((x03 >> 24) | (x03 << 8)) ^ rk[k];
                uint x11 = td[(s0 >> 16) & 0xFF];
                uint x12 = td[(s3 >> 8) & 0xFF];
                uint x13 = td[s2 & 0xFF];
                uint t1 = td[s1 >> 24] ^ ((x11 >> 8) | (x11 << 24)) ^ ((x12 >> 16) | (x12 << 16)) ^ ((x13 >> 24) | (x13 << 8)) ^ rk[k + 1];
                uint x21 = td[(s1 >> 16) & 0xFF];
                uint x22 = td[(s0 >> 8) & 0xFF];
                uint x23 = td[s3 & 0xFF];
                uint t2 = td[s2 >> 24] ^ ((x21 >> 8) | (x21 << 24)) ^ ((x22 >> 16) | (x22 << 16)) ^ ((x23 >> 24) | (x23 << 8)) ^ rk[k + 2];
                uint x31 = td[(s2 >> 16) & 0xFF];
                uint x32 = td[(s1 >> 8) & 0xFF];
                uint x33 = td[s0 & 0xFF];
                uint t3 = td[s3 >> 24] ^ ((x31 >> 8) | (x31 << 24)) ^ ((x32 >> 16) | (x32 << 16)) ^ ((x33 >> 24) | (x33 << 8)) ^ rk[k + 3];
                s0 = t0;
                s1 = t1;
                s2 = t2;
                s3 = t3;
                k += 4;
            }

            byte[] inverse = AesTables.InverseSBox;
            uint o0 = SubstituteLast(inverse, s0, s3, s2, s1) ^ rk[k];
            uint o1 = SubstituteLast(inverse, s1, s0, s3, s2) ^ rk[k + 1];
            uint o2 = SubstituteLast(inverse, s2, s1, s0, s3) ^ rk[k + 2];
            uint o3 = SubstituteLast(inverse, s3, s2, s1, s0) ^ rk[k + 3];
            WriteUInt32(output, outputOffset, o0);
            WriteUInt32(output, outputOffset + 4, o1);
            WriteUInt32(output, outputOffset + 8, o2);
            WriteUInt32(output, outputOffset + 12, o3);
        }

        /// <summary>
        /// Copies the forward round-key words w[0..43] (FIPS 197 §5.2) to
        /// <paramref name="words"/>[<paramref name="offset"/>..]: for checking the key expansion
        /// against FIPS 197 Appendix A.
        /// </summary>
        public void CopyRoundKeys(uint[] words, int offset)
        {
            if (words == null)
            {
                throw new ArgumentNullException();
            }

            Array.Copy(_encryptionKeys, 0, words, offset, AesTables.RoundKeyWords);
        }

        /// <summary>Big-endian load of 4 bytes.</summary>
        internal static uint ReadUInt32(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        /// <summary>Big-endian store of 4 bytes.</summary>
        internal static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        /// <summary>
        /// InvMixColumns of one round-key column. The inverse T-table holds InvMixColumns of
        /// InvS[x], so looking it up at S[b] leaves InvMixColumns of b itself.
        /// </summary>
        private static uint InverseMixColumn(uint word)
        {
            uint[] td = AesTables.Inverse;
            byte[] sbox = AesTables.SBox;
            return td[sbox[word >> 24]]
                ^ Rotate8(td[sbox[(word >> 16) & 0xFF]])
                ^ Rotate16(td[sbox[(word >> 8) & 0xFF]])
                ^ Rotate24(td[sbox[word & 0xFF]]);
        }

        /// <summary>Last-round column: the S-box of row 0..3 taken from the four given columns.</summary>
        private static uint SubstituteLast(byte[] box, uint row0, uint row1, uint row2, uint row3)
        {
            return ((uint)box[row0 >> 24] << 24)
                | ((uint)box[(row1 >> 16) & 0xFF] << 16)
                | ((uint)box[(row2 >> 8) & 0xFF] << 8)
                | box[row3 & 0xFF];
        }

        private static uint Rotate8(uint value)
        {
            return (value >> 8) | (value << 24);
        }

        private static uint Rotate16(uint value)
        {
            return (value >> 16) | (value << 16);
        }

        private static uint Rotate24(uint value)
        {
            return (value >> 24) | (value << 8);
        }
    }
}
