using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// AES-128 in Galois/Counter Mode (NIST SP 800-38D) with a 96-bit IV, in place over a caller's
    /// buffer; GMAC is the same with no plaintext. Named Gcm128 so it does not clash with
    /// System.Security.Cryptography.AesGcm. One instance holds one key (the DLMS block cipher key
    /// EK, global or dedicated); everything it needs is allocated in the constructor, so
    /// <see cref="SetKey"/> and every operation allocate nothing.
    /// </summary>
    /// <remarks>
    /// <para>
    /// One operation: <see cref="Begin(byte[], int)"/> (or the DLMS form with system title and
    /// invocation counter), any number of <see cref="UpdateAad(byte[], int, int)"/> calls (the DLMS
    /// AAD <c>SC || AK || ...</c> is fed piece by piece, never copied together), then exactly one
    /// of <see cref="Encrypt"/>, <see cref="Decrypt"/>, <see cref="ComputeTag"/>,
    /// <see cref="VerifyTag"/> or <see cref="Crypt"/>, which ends it.
    /// </para>
    /// <para>
    /// <see cref="Decrypt"/> checks the tag before it decrypts (GHASH over the ciphertext first,
    /// then the counter-mode pass), so on <see cref="SecurityStatus.AuthenticationFailed"/> the
    /// buffer still holds the ciphertext and no unauthenticated plaintext is ever released. The
    /// tag comparison is constant time.
    /// </para>
    /// <para>
    /// GHASH uses a 4-bit table per key (16 × 128 bits = 256 bytes, built by
    /// <see cref="SetKey"/>): about 2.5 times faster than the bitwise multiply on desktop (and
    /// about 5 times fewer interpreted operations per block) and 16 times smaller than an 8-bit
    /// table, which matters on the ESP32 heap. Table lookups are indexed by
    /// key-dependent data, so, like <see cref="Aes128"/>, this is not constant time against an
    /// attacker sharing a data cache (see Security/README.md).
    /// </para>
    /// </remarks>
    public sealed partial class Gcm128
    {
        /// <summary>IV size in bytes: 96 bits, the only size DLMS uses (system title 8 || invocation counter 4).</summary>
        public const int IvSize = 12;

        /// <summary>Block size in bytes.</summary>
        public const int BlockSize = 16;

        /// <summary>Full tag size in bytes.</summary>
        public const int MaxTagSize = 16;

        /// <summary>Shortest tag accepted: 96 bits (SP 800-38D §5.2.1.2 allows 96..128 for general use).</summary>
        public const int MinTagSize = 12;

        /// <summary>Tag size of DLMS security suite 0 (Green Book: the tag is truncated to 12 bytes).</summary>
        public const int DlmsTagSize = 12;

        /// <summary>Size of a DLMS system title in bytes.</summary>
        public const int SystemTitleSize = 8;

        private const int StateIdle = 0;
        private const int StateAad = 1;

        private readonly Aes128 _aes = new Aes128();
        private readonly uint[] _table = new uint[64];
        private readonly byte[] _counter = new byte[BlockSize];
        private readonly byte[] _keyStream = new byte[BlockSize];
        private readonly byte[] _tagMask = new byte[BlockSize];
        private readonly byte[] _pending = new byte[BlockSize];
        private readonly byte[] _scratch = new byte[BlockSize];
        private int _pendingCount;
        private long _aadLength;
        private int _state;
        private bool _hasKey;
        private uint _y0;
        private uint _y1;
        private uint _y2;
        private uint _y3;

        /// <summary>True once <see cref="SetKey"/> has been called.</summary>
        public bool HasKey
        {
            get { return _hasKey; }
        }

        /// <summary>
        /// Sets the 16-byte AES key at <paramref name="key"/>[<paramref name="offset"/>]: expands
        /// it, derives the hash subkey H = AES(K, 0^128) and builds the GHASH table. Abandons any
        /// operation in progress.
        /// </summary>
        /// <exception cref="ArgumentNullException">key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than 16 bytes at offset.</exception>
        public void SetKey(byte[] key, int offset)
        {
            _aes.SetKey(key, offset);
            byte[] h = _keyStream;
            Array.Clear(h, 0, BlockSize);
            _aes.EncryptBlock(h, 0, h, 0);
            BuildTable(Aes128.ReadUInt32(h, 0), Aes128.ReadUInt32(h, 4), Aes128.ReadUInt32(h, 8), Aes128.ReadUInt32(h, 12));
            Array.Clear(h, 0, BlockSize);
            _state = StateIdle;
            _hasKey = true;
        }

        /// <summary>Starts an operation with the 12-byte IV at <paramref name="iv"/>[<paramref name="offset"/>] (J0 = IV || 0^31 || 1).</summary>
        /// <exception cref="InvalidOperationException">No key has been set.</exception>
        public void Begin(byte[] iv, int offset)
        {
            SecurityGuard.Region(iv, offset, IvSize);
            RequireKey();
            Array.Copy(iv, offset, _counter, 0, IvSize);
            Reset();
        }

        /// <summary>
        /// Starts an operation with the DLMS IV: the 8-byte system title at
        /// <paramref name="systemTitle"/>[<paramref name="offset"/>] followed by
        /// <paramref name="invocationCounter"/> big-endian (Green Book, security suite 0).
        /// </summary>
        /// <exception cref="InvalidOperationException">No key has been set.</exception>
        public void Begin(byte[] systemTitle, int offset, uint invocationCounter)
        {
            SecurityGuard.Region(systemTitle, offset, SystemTitleSize);
            RequireKey();
            Array.Copy(systemTitle, offset, _counter, 0, SystemTitleSize);
            Aes128.WriteUInt32(_counter, SystemTitleSize, invocationCounter);
            Reset();
        }

        /// <summary>Appends one byte to the additional authenticated data.</summary>
        /// <exception cref="InvalidOperationException">No operation was begun.</exception>
        public void UpdateAad(byte value)
        {
            RequireStarted();
            _pending[_pendingCount++] = value;
            _aadLength++;
            if (_pendingCount == BlockSize)
            {
                AbsorbBlock(_pending, 0);
                _pendingCount = 0;
            }
        }

        /// <summary>Appends <paramref name="count"/> bytes to the additional authenticated data.</summary>
        /// <exception cref="InvalidOperationException">No operation was begun.</exception>
        public void UpdateAad(byte[] buffer, int offset, int count)
        {
            SecurityGuard.Region(buffer, offset, count);
            RequireStarted();
            _aadLength += count;
            int end = offset + count;
            int position = offset;

            // Top up a partial block left by an earlier call.
            if (_pendingCount > 0)
            {
                while (position < end && _pendingCount < BlockSize)
                {
                    _pending[_pendingCount++] = buffer[position++];
                }

                if (_pendingCount < BlockSize)
                {
                    return;
                }

                AbsorbBlock(_pending, 0);
                _pendingCount = 0;
            }

            while (end - position >= BlockSize)
            {
                AbsorbBlock(buffer, position);
                position += BlockSize;
            }

            while (position < end)
            {
                _pending[_pendingCount++] = buffer[position++];
            }
        }

        /// <summary>
        /// Encrypts <paramref name="count"/> bytes in place and writes the first
        /// <paramref name="tagLength"/> bytes of the tag to <paramref name="tag"/>[<paramref name="tagOffset"/>].
        /// Ends the operation.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">tagLength outside 12..16, or a region outside its array.</exception>
        /// <exception cref="InvalidOperationException">No operation was begun.</exception>
        public void Encrypt(byte[] buffer, int offset, int count, byte[] tag, int tagOffset, int tagLength)
        {
            SecurityGuard.Region(buffer, offset, count);
            CheckTag(tag, tagOffset, tagLength);
            RequireStarted();
            FinishAad();
            _aes.EncryptBlock(_counter, 0, _tagMask, 0);

            int end = offset + count;
            int position = offset;
            byte[] keyStream = _keyStream;
            while (position < end)
            {
                NextKeyStreamBlock();
                int n = end - position < BlockSize ? end - position : BlockSize;
                for (int i = 0; i < n; i++)
                {
                    buffer[position + i] ^= keyStream[i];
                }

                if (n == BlockSize)
                {
                    AbsorbBlock(buffer, position);
                }
                else
                {
                    AbsorbPartial(buffer, position, n);
                }

                position += n;
            }

            AbsorbLengths(_aadLength, count);
            WriteTag(tag, tagOffset, tagLength);
            _state = StateIdle;
        }

        /// <summary>
        /// Checks the tag of <paramref name="count"/> bytes of ciphertext against the
        /// <paramref name="tagLength"/> bytes at <paramref name="tag"/>[<paramref name="tagOffset"/>]
        /// and, only if it matches, decrypts them in place. Ends the operation.
        /// </summary>
        /// <returns>
        /// <see cref="SecurityStatus.Ok"/>, or <see cref="SecurityStatus.AuthenticationFailed"/>
        /// with the buffer left as it was.
        /// </returns>
        /// <exception cref="ArgumentOutOfRangeException">tagLength outside 12..16, or a region outside its array.</exception>
        /// <exception cref="InvalidOperationException">No operation was begun.</exception>
        public SecurityStatus Decrypt(byte[] buffer, int offset, int count, byte[] tag, int tagOffset, int tagLength)
        {
            SecurityGuard.Region(buffer, offset, count);
            CheckTag(tag, tagOffset, tagLength);
            RequireStarted();
            FinishAad();
            _aes.EncryptBlock(_counter, 0, _tagMask, 0);

            int end = offset + count;
            int position = offset;
            while (end - position >= BlockSize)
            {
                AbsorbBlock(buffer, position);
                position += BlockSize;
            }

            if (position < end)
            {
                AbsorbPartial(buffer, position, end - position);
            }

            AbsorbLengths(_aadLength, count);
            _state = StateIdle;
            if (!TagMatches(tag, tagOffset, tagLength))
            {
                return SecurityStatus.AuthenticationFailed;
            }

            ApplyKeyStream(buffer, offset, count);
            return SecurityStatus.Ok;
        }

        /// <summary>
        /// GMAC: writes the first <paramref name="tagLength"/> bytes of the tag over the AAD alone
        /// (empty plaintext) to <paramref name="tag"/>[<paramref name="tagOffset"/>]. Ends the operation.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">tagLength outside 12..16, or a region outside its array.</exception>
        /// <exception cref="InvalidOperationException">No operation was begun.</exception>
        public void ComputeTag(byte[] tag, int tagOffset, int tagLength)
        {
            CheckTag(tag, tagOffset, tagLength);
            RequireStarted();
            FinishAad();
            _aes.EncryptBlock(_counter, 0, _tagMask, 0);
            AbsorbLengths(_aadLength, 0);
            WriteTag(tag, tagOffset, tagLength);
            _state = StateIdle;
        }

        /// <summary>
        /// GMAC check: compares, in constant time, the tag over the AAD alone with the
        /// <paramref name="tagLength"/> bytes at <paramref name="tag"/>[<paramref name="tagOffset"/>].
        /// Ends the operation.
        /// </summary>
        /// <returns><see cref="SecurityStatus.Ok"/> or <see cref="SecurityStatus.AuthenticationFailed"/>.</returns>
        /// <exception cref="ArgumentOutOfRangeException">tagLength outside 12..16, or a region outside its array.</exception>
        /// <exception cref="InvalidOperationException">No operation was begun.</exception>
        public SecurityStatus VerifyTag(byte[] tag, int tagOffset, int tagLength)
        {
            CheckTag(tag, tagOffset, tagLength);
            RequireStarted();
            FinishAad();
            _aes.EncryptBlock(_counter, 0, _tagMask, 0);
            AbsorbLengths(_aadLength, 0);
            _state = StateIdle;
            return TagMatches(tag, tagOffset, tagLength) ? SecurityStatus.Ok : SecurityStatus.AuthenticationFailed;
        }

        /// <summary>
        /// Counter mode only, in place (GCM's GCTR from inc32(J0), SP 800-38D §7.1 step 3): the
        /// DLMS encryption-only policy, which sends no tag. The same call encrypts and decrypts;
        /// any AAD given is ignored. Ends the operation.
        /// </summary>
        /// <exception cref="InvalidOperationException">No operation was begun.</exception>
        public void Crypt(byte[] buffer, int offset, int count)
        {
            SecurityGuard.Region(buffer, offset, count);
            RequireStarted();
            _state = StateIdle;
            ApplyKeyStream(buffer, offset, count);
        }

        /// <summary>J0 = IV || 00000001, fresh GHASH state.</summary>
        private void Reset()
        {
            _counter[12] = 0;
            _counter[13] = 0;
            _counter[14] = 0;
            _counter[15] = 1;
            _y0 = 0;
            _y1 = 0;
            _y2 = 0;
            _y3 = 0;
            _aadLength = 0;
            _pendingCount = 0;
            _state = StateAad;
        }

        /// <summary>Absorbs the zero-padded last AAD block, if any.</summary>
        private void FinishAad()
        {
            if (_pendingCount > 0)
            {
                AbsorbPartial(_pending, 0, _pendingCount);
                _pendingCount = 0;
            }
        }

        /// <summary>GCTR over the region: keystream blocks AES(K, inc32(counter)) XORed in place.</summary>
        private void ApplyKeyStream(byte[] buffer, int offset, int count)
        {
            int end = offset + count;
            int position = offset;
            byte[] keyStream = _keyStream;
            while (position < end)
            {
                NextKeyStreamBlock();
                int n = end - position < BlockSize ? end - position : BlockSize;
                for (int i = 0; i < n; i++)
                {
                    buffer[position + i] ^= keyStream[i];
                }

                position += n;
            }
        }

        /// <summary>inc32 of the counter block (SP 800-38D §6.2: the low 32 bits wrap), then its encryption.</summary>
        private void NextKeyStreamBlock()
        {
            byte[] counter = _counter;
            for (int i = BlockSize - 1; i >= IvSize; i--)
            {
                if (++counter[i] != 0)
                {
                    break;
                }
            }

            _aes.EncryptBlock(counter, 0, _keyStream, 0);
        }

        /// <summary>T = MSB_t(GHASH xor AES(K, J0)) into the tag region.</summary>
        private void WriteTag(byte[] tag, int tagOffset, int tagLength)
        {
            byte[] full = _scratch;
            ComputeFullTag(full);
            Array.Copy(full, 0, tag, tagOffset, tagLength);
        }

        /// <summary>Constant-time comparison of the computed tag with the received one.</summary>
        private bool TagMatches(byte[] tag, int tagOffset, int tagLength)
        {
            byte[] full = _scratch;
            ComputeFullTag(full);
            int difference = 0;
            for (int i = 0; i < tagLength; i++)
            {
                difference |= full[i] ^ tag[tagOffset + i];
            }

            return difference == 0;
        }

        private void ComputeFullTag(byte[] full)
        {
            Aes128.WriteUInt32(full, 0, _y0);
            Aes128.WriteUInt32(full, 4, _y1);
            Aes128.WriteUInt32(full, 8, _y2);
            Aes128.WriteUInt32(full, 12, _y3);
            byte[] mask = _tagMask;
            for (int i = 0; i < BlockSize; i++)
            {
                full[i] ^= mask[i];
            }
        }

        private static void CheckTag(byte[] tag, int tagOffset, int tagLength)
        {
            if (tagLength < MinTagSize || tagLength > MaxTagSize)
            {
                throw new ArgumentOutOfRangeException();
            }

            SecurityGuard.Region(tag, tagOffset, tagLength);
        }

        private void RequireKey()
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException();
            }
        }

        private void RequireStarted()
        {
            if (_state != StateAad)
            {
                throw new InvalidOperationException();
            }
        }
    }
}
