using System;
using System.Globalization;
using System.Security.Cryptography;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The security state of one association: keys, both system titles, the client's next
    /// invocation counter and the last counter the server used. It wraps requests
    /// (<see cref="Protect"/>) and unwraps replies (<see cref="Unprotect"/>) per the policy.
    /// </summary>
    public sealed class SecurityContext
    {
        /// <summary>Upper bound of the bytes <see cref="Protect"/> adds to an APDU (general-glo: tag, ST, length, SC, IC, tag).</summary>
        public const int MaxOverhead = 1 + 1 + SuiteZeroCipher.SystemTitleLength + 3 + SuiteZeroCipher.HeaderAndTagLength;

        private readonly DlmsSecurityOptions _options;
        private long _nextInvocationCounter;

        /// <summary>Creates the state for a new association.</summary>
        /// <param name="options">Keys, title, first invocation counter, policy.</param>
        /// <param name="dedicatedKey">The dedicated key sent in this association's InitiateRequest, if any.</param>
        public SecurityContext(DlmsSecurityOptions options, byte[]? dedicatedKey)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _nextInvocationCounter = options.InvocationCounter;
            DedicatedKey = dedicatedKey;
            ServerSystemTitle = options.ServerSystemTitle;
        }

        /// <summary>The security policy of the association.</summary>
        public SecurityPolicy Policy => _options.Policy;

        /// <summary>The client's system title.</summary>
        public byte[] ClientSystemTitle => _options.SystemTitle;

        /// <summary>The server's system title (AARE responding-AP-title or the first general-glo reply); null until known.</summary>
        public byte[]? ServerSystemTitle { get; internal set; }

        /// <summary>The dedicated key of this association, or null.</summary>
        public byte[]? DedicatedKey { get; }

        /// <summary>The invocation counter the next protected APDU (or GMAC proof) will use; persist it to continue later.</summary>
        public uint NextInvocationCounter => (uint)Math.Min(_nextInvocationCounter, uint.MaxValue);

        /// <summary>The invocation counter of the last protected reply, or null before the first one.</summary>
        public uint? LastServerInvocationCounter { get; private set; }

        /// <summary>Takes the next invocation counter.</summary>
        /// <exception cref="DlmsSecurityException">All 2^32 values are used up: the keys must be changed.</exception>
        public uint TakeInvocationCounter()
        {
            if (_nextInvocationCounter > uint.MaxValue)
            {
                throw new DlmsSecurityException(SecurityFailure.InvocationCounterExhausted,
                    "The invocation counter is exhausted (0xFFFFFFFF was used): new keys are needed before the next protected APDU.");
            }
            return (uint)_nextInvocationCounter++;
        }

        /// <summary>
        /// Protects a plain xDLMS request per the policy: glo- (C8/C9/CB), ded- (D0/D1/D3) or
        /// general-glo (DB). Returns the APDU unchanged when the policy is None.
        /// </summary>
        public byte[] Protect(ReadOnlySpan<byte> plainApdu, CipheringKind kind)
        {
            if (Policy == SecurityPolicy.None)
            {
                return plainApdu.ToArray();
            }
            if (plainApdu.IsEmpty)
            {
                throw new ArgumentException("Nothing to protect.", nameof(plainApdu));
            }
            byte[] key = _options.BlockCipherKey;
            byte tag = 0;
            switch (kind)
            {
                case CipheringKind.Glo:
                    tag = CipheredApdu.GloTagFor(plainApdu[0]);
                    break;
                case CipheringKind.Ded:
                    tag = CipheredApdu.DedTagFor(plainApdu[0]);
                    key = DedicatedKey ?? throw new InvalidOperationException("ded-ciphering needs a dedicated key in the InitiateRequest.");
                    break;
                case CipheringKind.GeneralGlo:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind));
            }
            if (kind != CipheringKind.GeneralGlo && tag == 0)
            {
                throw new ArgumentException("APDU tag " + plainApdu[0].ToString("X2", CultureInfo.InvariantCulture) + " has no " + kind + " ciphered form; use general-glo.", nameof(plainApdu));
            }
            byte[] content = SuiteZeroCipher.Protect(Policy, key, _options.AuthenticationKey, ClientSystemTitle, TakeInvocationCounter(), plainApdu);
            return kind == CipheringKind.GeneralGlo
                ? CipheredApdu.EncodeGeneral(false, ClientSystemTitle, content)
                : CipheredApdu.EncodeServiceSpecific(tag, content);
        }

        /// <summary>glo-initiate-request (<c>21 len SC IC …</c>) around an xDLMS InitiateRequest, with the global key.</summary>
        public byte[] ProtectInitiateRequest(ReadOnlySpan<byte> initiateRequest)
        {
            if (Policy == SecurityPolicy.None)
            {
                throw new InvalidOperationException("No ciphering: the InitiateRequest goes in clear.");
            }
            byte[] content = SuiteZeroCipher.Protect(Policy, _options.BlockCipherKey, _options.AuthenticationKey, ClientSystemTitle, TakeInvocationCounter(), initiateRequest);
            return CipheredApdu.EncodeServiceSpecific(CipheredApdu.GloInitiateRequest, content);
        }

        /// <summary>The HLS-GMAC proof f(StoC) with the next invocation counter.</summary>
        public byte[] GmacProof(ReadOnlySpan<byte> serverChallenge) =>
            HlsAuthentication.GmacProof(_options.BlockCipherKey, _options.AuthenticationKey, ClientSystemTitle, TakeInvocationCounter(), serverChallenge);

        /// <summary>Checks the server's HLS-GMAC proof f(CtoS).</summary>
        public bool VerifyServerGmacProof(ReadOnlySpan<byte> proof, ReadOnlySpan<byte> clientChallenge)
        {
            byte[] serverTitle = ServerSystemTitle ?? throw new DlmsSecurityException(SecurityFailure.IncompleteAssociation, "The server's system title is unknown.");
            // The counter inside f(CtoS) is not checked against the envelope's: servers number them
            // differently (Gurux .NET 1 then 2, Gurux C 2 then 3) and the proof is bound to this
            // association's fresh CtoS, so it cannot be replayed from an earlier one.
            return HlsAuthentication.VerifyGmacProof(proof, _options.BlockCipherKey, _options.AuthenticationKey, serverTitle, clientChallenge, out _);
        }

        /// <summary>
        /// Unwraps a reply: deciphers glo-/ded-/general-glo/general-ded and glo-initiate-response APDUs,
        /// checks the policy and that the server's invocation counter went up, and returns the plain
        /// APDU. ExceptionResponse and ConfirmedServiceError pass through in clear (servers send
        /// deciphering errors unprotected).
        /// </summary>
        /// <exception cref="DlmsSecurityException">Deciphering failed, replay, wrong system title, or a plain reply where protection is required.</exception>
        public byte[] Unprotect(ReadOnlySpan<byte> reply)
        {
            if (reply.IsEmpty || reply[0] is XdlmsTags.ExceptionResponse or XdlmsTags.ConfirmedServiceError)
            {
                return reply.ToArray();
            }
            if (!CipheredApdu.IsCiphered(reply[0]))
            {
                if (Policy != SecurityPolicy.None)
                {
                    throw new DlmsSecurityException(SecurityFailure.InsufficientProtection,
                        "Plain reply (tag " + reply[0].ToString("X2", CultureInfo.InvariantCulture) + ") in an association whose security policy is " + Policy + ".");
                }
                return reply.ToArray();
            }

            CipheredApduParts parts = CipheredApdu.Decode(reply);
            byte[] title = SenderTitle(parts);
            byte[] key = parts.Key == CipheredKeyKind.Dedicated
                ? DedicatedKey ?? throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, "A ded-ciphered reply, but this association has no dedicated key.")
                : _options.BlockCipherKey;
            byte[] plain = SuiteZeroCipher.Unprotect(parts.Content, key, _options.AuthenticationKey, title, out byte sc, out uint ic);

            byte required = (byte)Policy;
            if ((sc & required) != required)
            {
                throw new DlmsSecurityException(SecurityFailure.InsufficientProtection,
                    "Reply protected with SC 0x" + sc.ToString("X2", CultureInfo.InvariantCulture) + ", less than the policy " + Policy + " requires.");
            }
            if (_options.CheckServerInvocationCounter && LastServerInvocationCounter is uint last && ic <= last)
            {
                throw new DlmsSecurityException(SecurityFailure.ReplayedInvocationCounter,
                    "Replayed reply: the server's invocation counter " + ic + " is not above the previous " + last + ".");
            }
            LastServerInvocationCounter = ic;

            byte expectedPlain = CipheredApdu.PlainTagFor(parts.Tag);
            if (expectedPlain != 0 && (plain.Length == 0 || plain[0] != expectedPlain))
            {
                throw new DlmsProtocolException("Ciphered APDU " + parts.Tag.ToString("X2", CultureInfo.InvariantCulture) + " holds "
                    + (plain.Length == 0 ? "nothing" : "APDU " + plain[0].ToString("X2", CultureInfo.InvariantCulture)) + ", expected " + expectedPlain.ToString("X2", CultureInfo.InvariantCulture) + ".");
            }
            return plain;
        }

        // Service-specific APDUs carry no title: the server's comes from the AARE. General ciphering
        // carries it (some meters send it empty, u9n/dlms-cosem#72: then the known one is used).
        private byte[] SenderTitle(CipheredApduParts parts)
        {
            if (parts.SystemTitle is { Length: > 0 } carried)
            {
                if (carried.Length != SuiteZeroCipher.SystemTitleLength)
                {
                    throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, "General ciphering carries a " + carried.Length + "-byte system title.");
                }
                if (ServerSystemTitle is null)
                {
                    ServerSystemTitle = carried;
                }
                else if (!CryptographicOperations.FixedTimeEquals(ServerSystemTitle, carried))
                {
                    throw new DlmsSecurityException(SecurityFailure.WrongSystemTitle,
                        "Reply ciphered with system title " + Convert.ToHexString(carried) + ", the server's is " + Convert.ToHexString(ServerSystemTitle) + ".");
                }
                return carried;
            }
            return ServerSystemTitle ?? throw new DlmsSecurityException(SecurityFailure.IncompleteAssociation,
                "Cannot decipher the reply: the server's system title is unknown (no responding-AP-title in the AARE).");
        }
    }
}
