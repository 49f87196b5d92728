using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The security state behind one Security setup object (Blue Book IC 64): the security
    /// policy and suite, the server's system title and the client's, the global keys (unicast
    /// encryption key EK, authentication key AK, master key KEK) and their invocation counters.
    /// The COSEM object (<c>Cosem.SecuritySetup</c>) shows and changes it; the request pipeline
    /// (<see cref="SecurityContext"/>) reads it for every protected APDU.
    /// </summary>
    /// <remarks>
    /// <para>Keys transferred by a client (IC 64 global_key_transfer) are staged with
    /// <see cref="StageKey"/> and take effect with <see cref="CommitStagedKeys"/>, which the
    /// server calls when an association ends: the association that changed them finishes with
    /// the keys it started with, so its remaining APDUs (the ACTION response first) stay readable
    /// for the client. A new unicast encryption key restarts the client's invocation counter
    /// (the counter is per key); our transmit counter simply continues.</para>
    /// <para>One profile may serve several channels; the server serialises their requests.
    /// Allocation-free after construction.</para>
    /// </remarks>
    public sealed class SecurityProfile
    {
        /// <summary>Key id of the global unicast encryption key (IC 64 key_id 0).</summary>
        public const int GlobalUnicastEncryptionKey = 0;

        /// <summary>Key id of the global broadcast encryption key (IC 64 key_id 1; kept, not used by this server).</summary>
        public const int GlobalBroadcastEncryptionKey = 1;

        /// <summary>Key id of the authentication key (IC 64 key_id 2).</summary>
        public const int AuthenticationKeyId = 2;

        /// <summary>Key id of the master key, the key-encryption key KEK (IC 64 key_id 3).</summary>
        public const int MasterKey = 3;

        /// <summary>Length of every suite-0 key.</summary>
        public const int KeySize = 16;

        /// <summary>Length of a system title.</summary>
        public const int SystemTitleSize = Gcm128.SystemTitleSize;

        private const int KeyCount = 4;

        private readonly InvocationCounterStore _counters;
        private readonly Gcm128 _encryptionKey = new Gcm128();
        private readonly byte[] _authenticationKey = new byte[KeySize];
        private readonly byte[] _broadcastKey = new byte[KeySize];
        private readonly AesKeyWrap _keyWrap = new AesKeyWrap();
        private readonly byte[] _staged = new byte[KeyCount * KeySize];
        private readonly bool[] _stagedPresent = new bool[KeyCount];
        private readonly bool[] _keyPresent = new bool[KeyCount];
        private readonly byte[] _serverSystemTitle = new byte[SystemTitleSize];
        private readonly byte[] _clientSystemTitle = new byte[SystemTitleSize];
        private bool _clientSystemTitleFixed;
        private bool _clientSystemTitleKnown;
        private byte _policy;

        /// <summary>A profile whose counters live in RAM only.</summary>
        public SecurityProfile()
            : this(new InvocationCounterStore())
        {
        }

        /// <summary>A profile with the given counters (persisted or not).</summary>
        /// <exception cref="ArgumentNullException">counters is null.</exception>
        public SecurityProfile(InvocationCounterStore counters)
        {
            if (counters == null)
            {
                throw new ArgumentNullException();
            }

            _counters = counters;
        }

        /// <summary>The invocation counters of the global keys.</summary>
        public InvocationCounterStore Counters
        {
            get { return _counters; }
        }

        /// <summary>security_policy (<see cref="Security.SecurityPolicy"/>, IC 64 version 0).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Not 0..3 (configuration misuse).</exception>
        public byte SecurityPolicy
        {
            get { return _policy; }
            set
            {
                if (!Security.SecurityPolicy.IsValid(value))
                {
                    throw new ArgumentOutOfRangeException();
                }

                _policy = value;
            }
        }

        /// <summary>security_suite: always 0 (AES-GCM-128, AES-128 key wrap).</summary>
        public byte SecuritySuite
        {
            get { return 0; }
        }

        /// <summary>The server's system title (8 bytes, IC 64 server_system_title).</summary>
        public byte[] ServerSystemTitle
        {
            get { return _serverSystemTitle; }
        }

        /// <summary>The client's system title: the configured one, or the last one accepted in an AARQ; valid when <see cref="HasClientSystemTitle"/>.</summary>
        public byte[] ClientSystemTitle
        {
            get { return _clientSystemTitle; }
        }

        /// <summary>True when <see cref="ClientSystemTitle"/> holds a title (configured, or learnt from an AARQ).</summary>
        public bool HasClientSystemTitle
        {
            get { return _clientSystemTitleFixed || _clientSystemTitleKnown; }
        }

        /// <summary>True when only the configured client system title is accepted in an AARQ.</summary>
        public bool IsClientSystemTitleFixed
        {
            get { return _clientSystemTitleFixed; }
        }

        /// <summary>The global unicast encryption key EK, keyed (check <see cref="HasKeys"/>).</summary>
        public Gcm128 EncryptionKey
        {
            get { return _encryptionKey; }
        }

        /// <summary>The authentication key AK (16 bytes).</summary>
        public byte[] AuthenticationKey
        {
            get { return _authenticationKey; }
        }

        /// <summary>True when EK and AK are set: the profile can protect APDUs.</summary>
        public bool HasKeys
        {
            get { return _keyPresent[GlobalUnicastEncryptionKey] && _keyPresent[AuthenticationKeyId]; }
        }

        /// <summary>True when the master key (KEK) is set: key transfer is possible.</summary>
        public bool HasMasterKey
        {
            get { return _keyPresent[MasterKey]; }
        }

        /// <summary>True when keys wait in <see cref="StageKey"/> for <see cref="CommitStagedKeys"/>.</summary>
        public bool HasStagedKeys
        {
            get
            {
                for (int i = 0; i < KeyCount; i++)
                {
                    if (_stagedPresent[i])
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Sets the server system title (8 bytes). Configuration time.</summary>
        public void SetServerSystemTitle(byte[] source, int offset)
        {
            SecurityGuard.Region(source, offset, SystemTitleSize);
            Array.Copy(source, offset, _serverSystemTitle, 0, SystemTitleSize);
        }

        /// <summary>
        /// Fixes the client system title an AARQ must carry (8 bytes); with <paramref name="source"/>
        /// null any 8-byte title is accepted (and remembered as the last client's). Configuration time.
        /// </summary>
        public void SetClientSystemTitle(byte[] source, int offset)
        {
            if (source == null)
            {
                _clientSystemTitleFixed = false;
                _clientSystemTitleKnown = false;
                Array.Clear(_clientSystemTitle, 0, SystemTitleSize);
                return;
            }

            SecurityGuard.Region(source, offset, SystemTitleSize);
            Array.Copy(source, offset, _clientSystemTitle, 0, SystemTitleSize);
            _clientSystemTitleFixed = true;
        }

        /// <summary>
        /// True when an AARQ calling-AP-title of <paramref name="length"/> bytes at
        /// <paramref name="title"/>[<paramref name="offset"/>] is acceptable: 8 bytes, and equal to
        /// the configured client title if one is fixed.
        /// </summary>
        public bool AcceptsClientSystemTitle(byte[] title, int offset, int length)
        {
            if (length != SystemTitleSize)
            {
                return false;
            }

            return !_clientSystemTitleFixed || ConstantTime.AreEqual(_clientSystemTitle, 0, title, offset, SystemTitleSize);
        }

        /// <summary>Remembers the title of the client of an accepted association (shown by IC 64 attribute 4 when none is fixed).</summary>
        public void NoteClientSystemTitle(byte[] title, int offset)
        {
            if (_clientSystemTitleFixed)
            {
                return;
            }

            SecurityGuard.Region(title, offset, SystemTitleSize);
            Array.Copy(title, offset, _clientSystemTitle, 0, SystemTitleSize);
            _clientSystemTitleKnown = true;
        }

        /// <summary>
        /// Sets global key <paramref name="keyId"/> (0 unicast EK, 1 broadcast, 2 AK, 3 KEK) at
        /// once. Configuration time: the counters are left as they are (they were loaded for the
        /// keys in use; an application that installs a different key itself resets
        /// <see cref="InvocationCounterStore.Received"/>). Keys changed over the protocol are
        /// staged and committed by <see cref="CommitStagedKeys"/>, which does restart the counter.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Unknown key id or fewer than 16 bytes.</exception>
        public void SetKey(int keyId, byte[] key, int offset)
        {
            if (keyId < 0 || keyId >= KeyCount)
            {
                throw new ArgumentOutOfRangeException();
            }

            SecurityGuard.Region(key, offset, KeySize);
            switch (keyId)
            {
                case GlobalUnicastEncryptionKey:
                    _encryptionKey.SetKey(key, offset);
                    break;
                case GlobalBroadcastEncryptionKey:
                    Array.Copy(key, offset, _broadcastKey, 0, KeySize);
                    break;
                case AuthenticationKeyId:
                    Array.Copy(key, offset, _authenticationKey, 0, KeySize);
                    break;
                default:
                    _keyWrap.SetKey(key, offset);
                    break;
            }

            _keyPresent[keyId] = true;
        }

        /// <summary>
        /// Unwraps the 24-byte RFC 3394 wrapped key at <paramref name="wrapped"/>[<paramref name="offset"/>]
        /// with the master key into <paramref name="output"/>[<paramref name="outputOffset"/>] (16 bytes).
        /// </summary>
        /// <returns>Ok; AuthenticationFailed when the integrity check fails (wrong KEK or altered data; the output is zeroed); Malformed for another length or without a master key.</returns>
        public SecurityStatus UnwrapKey(byte[] wrapped, int offset, int count, byte[] output, int outputOffset)
        {
            SecurityGuard.Region(wrapped, offset, count);
            SecurityGuard.Region(output, outputOffset, KeySize);
            if (count != KeySize + AesKeyWrap.Overhead || !HasMasterKey)
            {
                return SecurityStatus.Malformed;
            }

            return _keyWrap.Unwrap(wrapped, offset, count, output, outputOffset);
        }

        /// <summary>Stages key <paramref name="keyId"/> (16 bytes) for <see cref="CommitStagedKeys"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Unknown key id.</exception>
        public void StageKey(int keyId, byte[] key, int offset)
        {
            if (keyId < 0 || keyId >= KeyCount)
            {
                throw new ArgumentOutOfRangeException();
            }

            SecurityGuard.Region(key, offset, KeySize);
            Array.Copy(key, offset, _staged, keyId * KeySize, KeySize);
            _stagedPresent[keyId] = true;
        }

        /// <summary>Forgets staged keys (the transfer failed part-way).</summary>
        public void DiscardStagedKeys()
        {
            Array.Clear(_staged, 0, _staged.Length);
            for (int i = 0; i < KeyCount; i++)
            {
                _stagedPresent[i] = false;
            }
        }

        /// <summary>
        /// Makes staged keys current (the server calls it when an association ends). A new EK
        /// restarts the client's counter, which is then persisted.
        /// </summary>
        /// <returns>True when a key changed.</returns>
        public bool CommitStagedKeys()
        {
            bool changed = false;
            for (int i = 0; i < KeyCount; i++)
            {
                if (_stagedPresent[i])
                {
                    SetKey(i, _staged, i * KeySize);
                    changed = true;
                }
            }

            if (_stagedPresent[GlobalUnicastEncryptionKey])
            {
                // The client's counter is per key: a new unicast key starts it again.
                _counters.Received.Reset();
                _counters.SaveReceived();
            }

            DiscardStagedKeys();

            return changed;
        }

        /// <summary>True when the key with <paramref name="keyId"/> was configured or transferred.</summary>
        public bool HasKey(int keyId)
        {
            return keyId >= 0 && keyId < KeyCount && _keyPresent[keyId];
        }
    }
}
