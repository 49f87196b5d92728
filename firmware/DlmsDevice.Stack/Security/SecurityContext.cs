using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The security state of the application association on one channel (Green Book,
    /// "cryptographic protection of xDLMS APDUs" and "HLS authentication"): the security
    /// profile of its Security setup, the client's system title from the AARQ, the HLS
    /// challenges, the dedicated key, and the protection of the request being served, which the
    /// response mirrors. One instance per channel, allocated once; removing and adding
    /// protection happens in place in the link's buffers and allocates nothing. The machinery a
    /// request needs only while it is served (the dedicated-key cipher, the HLS hash, a work
    /// area, the envelope reader) is a <see cref="SecurityWorkspace"/> the server's channels
    /// share: contexts sharing one must never be used at the same time.
    /// </summary>
    /// <remarks>
    /// <para>Receiving (<see cref="Unprotect"/>): the envelope is read, the key chosen by the tag
    /// (glo-/general-glo: the global unicast key; ded-/general-ded: the dedicated key), the
    /// system title of a general envelope must be the association's client's, the security
    /// control byte must name suite 0 and meet the security policy, and then the tag is verified
    /// before anything is decrypted. Only an authentic APDU has its invocation counter checked
    /// and accepted (for the encryption-only policy, where nothing is authenticated, the counter
    /// is checked first).</para>
    /// <para>Sending (<see cref="Protect"/>): the response takes the request's kind of envelope
    /// (glo-get-request → glo-get-response, ded- → ded-, general-glo → general-glo with the
    /// server's system title) and the request's security control byte, with our next transmit
    /// invocation counter.</para>
    /// </remarks>
    public sealed class SecurityContext
    {
        /// <summary>Largest challenge (CtoS and StoC) HLS accepts (Green Book: 8 to 64 octets).</summary>
        public const int MaxChallengeLength = 64;

        /// <summary>Smallest challenge HLS accepts.</summary>
        public const int MinChallengeLength = 8;

        /// <summary>Length of the StoC challenge the server sends.</summary>
        public const int GeneratedChallengeLength = 16;

        /// <summary>Largest header in front of a service-specific ciphered APDU: tag, 3-byte length, SC, IC.</summary>
        public const int ServiceSpecificHeadroom = 1 + 3 + SecurityHeader.Length;

        private readonly SecurityWorkspace _workspace;
        private readonly byte[] _dedicatedKey = new byte[SecurityProfile.KeySize];
        private readonly ReceiveInvocationCounter _dedicatedReceived = new ReceiveInvocationCounter();
        private readonly byte[] _clientSystemTitle = new byte[Gcm128.SystemTitleSize];
        private readonly byte[] _clientChallenge = new byte[MaxChallengeLength];
        // Only our own challenges are kept: always GeneratedChallengeLength bytes.
        private readonly byte[] _serverChallenge = new byte[GeneratedChallengeLength];
        private SecurityProfile _profile;
        private bool _ciphering;
        private bool _hasClientSystemTitle;
        private bool _hasDedicatedKey;
        private int _clientChallengeLength;
        private int _serverChallengeLength;
        private byte _requestTag;
        private byte _requestSecurityControl;
        private byte _envelopeTag;
        private ProtectionStatus _lastStatus;
        private uint _lastInvocationCounter;
        private bool _hasInvocationCounter;

        /// <summary>A context with a workspace of its own (a channel served on its own).</summary>
        public SecurityContext()
            : this(new SecurityWorkspace())
        {
        }

        /// <summary>A context using <paramref name="workspace"/>, which it may share with others never used at the same time.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="workspace"/> is null.</exception>
        public SecurityContext(SecurityWorkspace workspace)
        {
            if (workspace == null)
            {
                throw new ArgumentNullException();
            }
            _workspace = workspace;
        }

        /// <summary>The Security setup state of the association; null when it has none.</summary>
        public SecurityProfile Profile
        {
            get { return _profile; }
        }

        /// <summary>True when the association uses an application context with ciphering.</summary>
        public bool IsCiphering
        {
            get { return _ciphering; }
        }

        /// <summary>
        /// True when plain xDLMS requests must be refused: a ciphered context whose security
        /// policy requires protection.
        /// </summary>
        public bool RequiresProtection
        {
            get { return _ciphering && _profile != null && _profile.SecurityPolicy != SecurityPolicy.Nothing; }
        }

        /// <summary>The client's system title from the AARQ (valid when <see cref="HasClientSystemTitle"/>).</summary>
        public byte[] ClientSystemTitle
        {
            get { return _clientSystemTitle; }
        }

        /// <summary>True once the AARQ's calling-AP-title was accepted.</summary>
        public bool HasClientSystemTitle
        {
            get { return _hasClientSystemTitle; }
        }

        /// <summary>The CtoS challenge of the AARQ.</summary>
        public byte[] ClientChallenge
        {
            get { return _clientChallenge; }
        }

        /// <summary>Length of <see cref="ClientChallenge"/>; 0 when none.</summary>
        public int ClientChallengeLength
        {
            get { return _clientChallengeLength; }
        }

        /// <summary>The StoC challenge sent in the AARE.</summary>
        public byte[] ServerChallenge
        {
            get { return _serverChallenge; }
        }

        /// <summary>Length of <see cref="ServerChallenge"/>; 0 when none (or after it was answered).</summary>
        public int ServerChallengeLength
        {
            get { return _serverChallengeLength; }
        }

        /// <summary>A 96-byte work area for the HLS step (a secret of up to 64 bytes, then a 32-byte response); cleared after use by whoever used it. Shared (<see cref="SecurityWorkspace"/>): valid only while a request is served.</summary>
        public byte[] Scratch
        {
            get { return _workspace.Scratch; }
        }

        /// <summary>The HLS-SHA256 computation state (shared, <see cref="SecurityWorkspace"/>).</summary>
        public HlsSha256 Sha256
        {
            get { return _workspace.Sha256; }
        }

        /// <summary>True when the AARQ carried a dedicated key (in a ciphered InitiateRequest).</summary>
        public bool HasDedicatedKey
        {
            get { return _hasDedicatedKey; }
        }

        /// <summary>The ciphered envelope tag of the request being served; 0 when it came in clear.</summary>
        public byte RequestTag
        {
            get { return _requestTag; }
        }

        /// <summary>The security control byte of the request being served; 0 when it came in clear.</summary>
        public byte RequestSecurityControl
        {
            get { return _requestSecurityControl; }
        }

        /// <summary>The outcome of the last <see cref="Unprotect"/>, <see cref="UnprotectInitiate"/> or <see cref="Protect"/> (diagnostics, tests).</summary>
        public ProtectionStatus LastStatus
        {
            get { return _lastStatus; }
        }

        /// <summary>
        /// The invocation counter in the envelope of the last protected APDU received (valid when
        /// <see cref="HasInvocationCounter"/>), accepted or not: for diagnostics (a replay is
        /// reported with this and <see cref="ExpectedInvocationCounter"/>).
        /// </summary>
        public uint LastInvocationCounter
        {
            get { return _lastInvocationCounter; }
        }

        /// <summary>True when the envelope of the last protected APDU received could be read (<see cref="LastInvocationCounter"/> is its counter).</summary>
        public bool HasInvocationCounter
        {
            get { return _hasInvocationCounter; }
        }

        /// <summary>
        /// The invocation counter a replayed request should have had at least (for the
        /// ExceptionResponse invocation-counter-error), from the key the request used.
        /// </summary>
        public uint ExpectedInvocationCounter
        {
            get
            {
                if (CipheredTag.UsesDedicatedKey(_envelopeTag))
                {
                    return _dedicatedReceived.Expected;
                }

                return _profile != null ? _profile.Counters.Received.Expected : 0u;
            }
        }

        /// <summary>
        /// True for the ciphered request envelopes this layer serves: glo-get/set/action-request
        /// (C8 C9 CB), ded-get/set/action-request (D0 D1 D3), general-glo (DB) and general-ded (DC).
        /// </summary>
        public static bool IsProtectedRequestTag(byte tag)
        {
            switch (tag)
            {
                case CipheredTag.GloGetRequest:
                case CipheredTag.GloSetRequest:
                case CipheredTag.GloActionRequest:
                case CipheredTag.DedGetRequest:
                case CipheredTag.DedSetRequest:
                case CipheredTag.DedActionRequest:
                case CipheredTag.GeneralGloCiphering:
                case CipheredTag.GeneralDedCiphering:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Starts a new association (AARQ): forgets the previous one and takes the association's
        /// profile and whether its context ciphers.
        /// </summary>
        public void Begin(SecurityProfile profile, bool ciphering)
        {
            Reset();
            _profile = profile;
            _ciphering = ciphering;
        }

        /// <summary>Forgets the association: title, challenges, dedicated key (wiped), request state (<see cref="LastStatus"/> stays, for diagnostics).</summary>
        public void Reset()
        {
            _profile = null;
            _ciphering = false;
            _hasClientSystemTitle = false;
            Array.Clear(_clientSystemTitle, 0, _clientSystemTitle.Length);
            _clientChallengeLength = 0;
            Array.Clear(_clientChallenge, 0, MaxChallengeLength);
            ClearServerChallenge();
            if (_hasDedicatedKey)
            {
                // Neither the key nor a key schedule built from it outlives its association.
                Array.Clear(_dedicatedKey, 0, _dedicatedKey.Length);
                _workspace.Forget(this);
                _hasDedicatedKey = false;
            }

            _dedicatedReceived.Reset();
            _dedicatedReceived.MarkSaved();
            _envelopeTag = 0;
            ClearRequest();
        }

        /// <summary>Marks the request being served as plain (the response goes out in clear).</summary>
        public void ClearRequest()
        {
            _requestTag = 0;
            _requestSecurityControl = 0;
        }

        /// <summary>Takes the AARQ's calling-AP-title as the client's system title.</summary>
        /// <returns>False (nothing changed) when it is not 8 bytes.</returns>
        public bool SetClientSystemTitle(byte[] title, int offset, int length)
        {
            if (length != Gcm128.SystemTitleSize)
            {
                return false;
            }

            SecurityGuard.Region(title, offset, length);
            Array.Copy(title, offset, _clientSystemTitle, 0, length);
            _hasClientSystemTitle = true;
            return true;
        }

        /// <summary>Keeps the AARQ's CtoS challenge.</summary>
        /// <returns>False (nothing changed) when it is not 8..64 bytes.</returns>
        public bool SetClientChallenge(byte[] challenge, int offset, int length)
        {
            if (length < MinChallengeLength || length > MaxChallengeLength)
            {
                return false;
            }

            SecurityGuard.Region(challenge, offset, length);
            Array.Copy(challenge, offset, _clientChallenge, 0, length);
            _clientChallengeLength = length;
            return true;
        }

        /// <summary>Draws a new StoC challenge of <see cref="GeneratedChallengeLength"/> bytes from <paramref name="entropy"/>.</summary>
        public void GenerateServerChallenge(IEntropySource entropy)
        {
            SecurityGuard.NotNull(entropy);
            entropy.GetBytes(_serverChallenge, 0, GeneratedChallengeLength);
            _serverChallengeLength = GeneratedChallengeLength;
        }

        /// <summary>Forgets the StoC challenge (after the client answered it, right or wrong: it is never accepted twice).</summary>
        public void ClearServerChallenge()
        {
            Array.Clear(_serverChallenge, 0, _serverChallenge.Length);
            _serverChallengeLength = 0;
        }

        /// <summary>Sets the dedicated key of this association (16 bytes from the ciphered InitiateRequest).</summary>
        public void SetDedicatedKey(byte[] key, int offset)
        {
            SecurityGuard.Region(key, offset, SecurityProfile.KeySize);
            // A cipher still keyed with a previous dedicated key of this context must be keyed again.
            _workspace.Forget(this);
            Array.Copy(key, offset, _dedicatedKey, 0, SecurityProfile.KeySize);
            _dedicatedReceived.Reset();
            _hasDedicatedKey = true;
        }

        /// <summary>
        /// Removes the protection of a ciphered xDLMS request (<see cref="IsProtectedRequestTag"/>)
        /// occupying exactly <paramref name="count"/> bytes at <paramref name="offset"/>, in place.
        /// On Ok the plaintext APDU is at <paramref name="plaintextOffset"/> and the response will
        /// be protected the same way.
        /// </summary>
        public ProtectionStatus Unprotect(byte[] buffer, int offset, int count, out int plaintextOffset, out int plaintextCount)
        {
            return UnprotectApdu(buffer, offset, count, false, out plaintextOffset, out plaintextCount);
        }

        /// <summary>
        /// As <see cref="Unprotect"/> for the xDLMS APDU in the user-information of an AARQ or
        /// RLRQ: glo-initiate-request (21) or general-glo-ciphering (DB), with the global key.
        /// </summary>
        public ProtectionStatus UnprotectInitiate(byte[] buffer, int offset, int count, out int plaintextOffset, out int plaintextCount)
        {
            return UnprotectApdu(buffer, offset, count, true, out plaintextOffset, out plaintextCount);
        }

        /// <summary>Bytes the response's envelope may need in front of the plaintext response.</summary>
        public int ResponseHeadroom
        {
            get
            {
                if (_requestTag == 0)
                {
                    return 0;
                }

                return CipheredTag.IsGeneral(_requestTag) ? CipheredApdu.MaxHeaderLength : ServiceSpecificHeadroom;
            }
        }

        /// <summary>Bytes the response's protection may add in all (header and tag).</summary>
        public int ResponseOverhead
        {
            get
            {
                if (_requestTag == 0)
                {
                    return 0;
                }

                return ResponseHeadroom + (SecurityControl.IsAuthenticated(_requestSecurityControl) ? ApduCipher.TagLength : 0);
            }
        }

        /// <summary>
        /// Protects the plaintext response at <paramref name="buffer"/>[<paramref name="apduOffset"/>..+<paramref name="apduCount"/>]
        /// in place like the request was (<see cref="ResponseHeadroom"/> bytes must be free before
        /// it, the tag's 12 after it).
        /// </summary>
        /// <returns>
        /// Ok; NoProtectedForm when the request was plain or the response has no ciphered form
        /// (send it unchanged); CounterUnavailable when no transmit invocation counter can be taken
        /// (nothing may be sent protected); Malformed when it does not fit.
        /// </returns>
        public ProtectionStatus Protect(byte[] buffer, int apduOffset, int apduCount, out int start, out int length)
        {
            start = apduOffset;
            length = apduCount;
            if (_requestTag == 0 || _profile == null || apduCount < 1)
            {
                return Finish(ProtectionStatus.NoProtectedForm);
            }

            byte plainTag = buffer[apduOffset];
            byte tag;
            if (CipheredTag.IsGeneral(_requestTag))
            {
                tag = _requestTag;
            }
            else if (CipheredTag.UsesDedicatedKey(_requestTag))
            {
                tag = CipheredTag.ToDed(plainTag);
            }
            else
            {
                tag = CipheredTag.ToGlo(plainTag);
            }

            if (tag == 0)
            {
                return Finish(ProtectionStatus.NoProtectedForm);
            }

            Gcm128 key = CipheredTag.UsesDedicatedKey(tag) ? _workspace.Dedicated(this, _dedicatedKey) : _profile.EncryptionKey;
            uint invocationCounter;
            if (!_profile.Counters.TryNextTransmit(out invocationCounter))
            {
                return Finish(ProtectionStatus.CounterUnavailable);
            }

            SecurityStatus status = ApduCipher.Encipher(buffer, apduOffset, apduCount, tag, _requestSecurityControl, invocationCounter,
                key, _profile.AuthenticationKey, 0, _profile.ServerSystemTitle, 0, out start, out length);
            if (status != SecurityStatus.Ok)
            {
                start = apduOffset;
                length = apduCount;
                return Finish(ProtectionStatus.Malformed);
            }

            return Finish(ProtectionStatus.Ok);
        }

        private ProtectionStatus UnprotectApdu(byte[] buffer, int offset, int count, bool initiate, out int plaintextOffset, out int plaintextCount)
        {
            plaintextOffset = 0;
            plaintextCount = 0;
            ClearRequest();
            SecurityProfile profile = _profile;
            if (profile == null || !profile.HasKeys || !_hasClientSystemTitle)
            {
                return Finish(ProtectionStatus.NotConfigured);
            }

            CipheredApdu apdu = _workspace.Envelope;
            _envelopeTag = 0;
            _hasInvocationCounter = false;
            if (count < 1 || apdu.Read(buffer, offset, count) != SecurityStatus.Ok || apdu.ApduLength != count)
            {
                apdu.Clear();
                return Finish(ProtectionStatus.Malformed);
            }

            _lastInvocationCounter = apdu.InvocationCounter;
            _hasInvocationCounter = true;

            byte tag = apdu.Tag;
            _envelopeTag = tag;
            bool accepted = initiate
                ? tag == CipheredTag.GloInitiateRequest || tag == CipheredTag.GeneralGloCiphering
                : IsProtectedRequestTag(tag);
            if (!accepted)
            {
                return Finish(ProtectionStatus.Malformed);
            }

            bool dedicated = CipheredTag.UsesDedicatedKey(tag);
            if (dedicated && !_hasDedicatedKey)
            {
                return Finish(ProtectionStatus.NoDedicatedKey);
            }

            // general-glo/ded carry the sender's title, which is part of the IV: it must be the
            // association's client (an empty title, as some devices send, means that one too).
            if (apdu.HasSystemTitle
                && !ConstantTime.AreEqual(buffer, apdu.SystemTitleOffset, _clientSystemTitle, 0, Gcm128.SystemTitleSize))
            {
                return Finish(ProtectionStatus.SystemTitleMismatch);
            }

            byte securityControl = apdu.SecurityControl;
            if (SecurityControl.CheckSuite0(securityControl) != SecurityStatus.Ok)
            {
                return Finish(ProtectionStatus.UnsupportedSecurity);
            }

            if (!SecurityPolicy.IsMetBy(profile.SecurityPolicy, securityControl))
            {
                return Finish(ProtectionStatus.PolicyViolation);
            }

            if (!profile.Counters.IsAvailable)
            {
                return Finish(ProtectionStatus.CounterUnavailable);
            }

            ReceiveInvocationCounter counter = dedicated ? _dedicatedReceived : profile.Counters.Received;
            uint invocationCounter = apdu.InvocationCounter;
            bool authenticated = SecurityControl.IsAuthenticated(securityControl);
            if (!authenticated && !counter.IsAcceptable(invocationCounter))
            {
                // Encryption only: nothing can be authenticated, so the counter is all there is.
                return Finish(ProtectionStatus.Replayed);
            }

            Gcm128 key = dedicated ? _workspace.Dedicated(this, _dedicatedKey) : profile.EncryptionKey;
            SecurityStatus status = ApduCipher.Decipher(buffer, apdu, key, profile.AuthenticationKey, 0,
                _clientSystemTitle, 0, out plaintextOffset, out plaintextCount);
            if (status != SecurityStatus.Ok)
            {
                plaintextOffset = 0;
                plaintextCount = 0;
                return Finish(status == SecurityStatus.AuthenticationFailed ? ProtectionStatus.AuthenticationFailed : ProtectionStatus.Malformed);
            }

            // Checked only now that the APDU is known to be authentic: a forger learns nothing.
            if (!counter.IsAcceptable(invocationCounter))
            {
                plaintextOffset = 0;
                plaintextCount = 0;
                return Finish(ProtectionStatus.Replayed);
            }

            counter.Accept(invocationCounter);
            _requestTag = tag;
            _requestSecurityControl = securityControl;
            return Finish(ProtectionStatus.Ok);
        }

        private ProtectionStatus Finish(ProtectionStatus status)
        {
            _lastStatus = status;
            return status;
        }
    }
}
