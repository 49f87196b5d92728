using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    // Association (AARQ/AARE, HLS passes 3 and 4), release, and the protection of service APDUs.
    public sealed partial class DlmsClient
    {
        /// <summary>Client SAP of the public client that <see cref="ReadInvocationCounterAsync"/> uses.</summary>
        public const int PublicClientSap = 16;

        /// <summary>reply_to_HLS_authentication: Association LN (class 15) 0.0.40.0.0.255 method 1.</summary>
        public static readonly CosemMethod ReplyToHlsAuthentication = new(15, new ObisCode(0, 0, 40, 0, 0, 255), 1);

        // The context that protects requests: set from the AARE (HLS pass 3 already needs it) to
        // the release. Security keeps the last one so a caller can read its counters afterwards.
        private SecurityContext? _active;
        private byte[]? _initiateRequest;

        /// <summary>
        /// The security state of the current (or last) association: system titles, next invocation
        /// counter, last server counter. Null when neither HLS nor ciphering was used.
        /// </summary>
        public SecurityContext? Security { get; private set; }

        /// <summary>The CtoS challenge sent in the last HLS AARQ, or null.</summary>
        public byte[]? ClientChallenge { get; private set; }

        /// <summary>
        /// Sends the AARQ and checks the AARE. With HLS (mechanism 5 or 6) it then sends
        /// reply_to_HLS_authentication with f(StoC) and verifies the server's f(CtoS); with a security
        /// policy the InitiateRequest goes as glo-initiate-request and every later request is ciphered.
        /// </summary>
        /// <returns>The decoded AARE (negotiated conformance, server max PDU), user-information deciphered.</returns>
        /// <exception cref="AssociationRejectedException">Result not accepted or an InitiateError.</exception>
        /// <exception cref="DlmsSecurityException">Deciphering, policy or HLS failure.</exception>
        public async Task<AssociationResponse> AssociateAsync(CancellationToken cancellationToken = default)
        {
            DlmsSecurityOptions security = Options.Security;
            AuthenticationMechanism mechanism = Options.Authentication;
            bool hls = mechanism is AuthenticationMechanism.HighGmac or AuthenticationMechanism.HighSha256;
            bool ciphered = security.Policy != SecurityPolicy.None;
            if (!hls && mechanism is not (AuthenticationMechanism.None or AuthenticationMechanism.Low))
            {
                throw new ArgumentException("Authentication mechanism " + (byte)mechanism + " is not supported (none, LLS, HLS-GMAC, HLS-SHA256).");
            }
            if (hls || ciphered)
            {
                security.Validate(mechanism);
            }
            if (!ciphered && security.DedicatedKey is not null)
            {
                throw new ArgumentException("A dedicated key travels only in a ciphered InitiateRequest: choose a security policy.");
            }

            byte[]? dedicatedKey = null;
            if (ciphered)
            {
                dedicatedKey = security.DedicatedKey;
                if (dedicatedKey is null && (security.Ciphering == CipheringKind.Ded || security.HlsReplyCiphering == CipheringKind.Ded))
                {
                    // A fresh dedicated key per association (Green Book 9.2.3.4.5).
                    dedicatedKey = RandomNumberGenerator.GetBytes(SuiteZeroCipher.KeyLength);
                }
            }
            SecurityContext? context = hls || ciphered ? new SecurityContext(security, dedicatedKey) : null;

            byte[]? authenticationValue = null;
            ClientChallenge = null;
            if (mechanism == AuthenticationMechanism.Low)
            {
                authenticationValue = Encoding.UTF8.GetBytes(Options.Password ?? throw new ArgumentException("LLS needs a password."));
            }
            else if (hls)
            {
                authenticationValue = (byte[]?)security.Challenge?.Clone() ?? RandomNumberGenerator.GetBytes(security.ChallengeLength);
                ClientChallenge = authenticationValue;
            }

            Conformance proposed = Options.ProposedConformance;
            if (ciphered && (security.Ciphering == CipheringKind.GeneralGlo || security.HlsReplyCiphering == CipheringKind.GeneralGlo))
            {
                // general-glo-ciphering is the general-protection service (Green Book 9.4.6.1).
                proposed |= Conformance.GeneralProtection;
            }
            byte[] initiate = AssociationRequest.EncodeInitiateRequest(proposed, Options.MaxReceivePduSize, dedicatedKey);
            byte[] userInformation = ciphered ? context!.ProtectInitiateRequest(initiate) : initiate;
            byte[] aarq = AssociationRequest.Encode(
                ciphered ? AssociationRequest.LogicalNameWithCiphering : AssociationRequest.LogicalNameNoCiphering,
                context?.ClientSystemTitle, mechanism, authenticationValue, userInformation);

            Association = null;
            _active = null;
            Security = context;
            byte[] reply = await _transport.ExchangeAsync(aarq, cancellationToken).ConfigureAwait(false);
            if (reply.Length > 0 && reply[0] == XdlmsTags.ExceptionResponse)
            {
                ServiceApdu.CheckTag(reply, XdlmsTags.Aare, "AARQ");
            }
            AssociationResponse aare = AssociationResponse.Decode(reply);
            if (context is not null && aare.RespondingApTitle is { Length: SuiteZeroCipher.SystemTitleLength } serverTitle)
            {
                context.ServerSystemTitle = serverTitle;
            }
            aare = DecipherUserInformation(aare, context, ciphered);
            if (!aare.IsAccepted)
            {
                throw new AssociationRejectedException(aare);
            }

            _initiateRequest = initiate;
            if (hls)
            {
                // Pass 3 is already protected per the policy: the association is pending, not void.
                _active = context;
                try
                {
                    await AuthenticateAsync(aare, context!, mechanism, authenticationValue!, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    _active = null;
                    throw;
                }
            }
            _active = context;
            Association = aare;
            return aare;
        }

        private static AssociationResponse DecipherUserInformation(AssociationResponse aare, SecurityContext? context, bool ciphered)
        {
            if (aare.CipheredUserInformation is byte[] cipheredInformation)
            {
                if (!ciphered)
                {
                    throw new DlmsProtocolException("The AARE's user-information is ciphered (0x" + cipheredInformation[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
                        + ") but the client asked for no ciphering.");
                }
                try
                {
                    return aare.WithUserInformation(context!.Unprotect(cipheredInformation));
                }
                catch (DlmsSecurityException) when (aare.Result != 0)
                {
                    // A rejection is reported as such even if its user-information does not decipher.
                    throw new AssociationRejectedException(aare);
                }
            }
            if (ciphered && aare.Result == 0 && aare.HasInitiateResponse)
            {
                throw new DlmsSecurityException(SecurityFailure.InsufficientProtection,
                    "The AARE accepted a ciphered association with a plain InitiateResponse (glo-initiate-response expected).");
            }
            return aare;
        }

        // HLS passes 3 and 4 (Green Book 9.2.7.4, the Green Book's security examples): send f(StoC), check f(CtoS).
        private async Task AuthenticateAsync(AssociationResponse aare, SecurityContext context, AuthenticationMechanism mechanism,
            byte[] clientChallenge, CancellationToken cancellationToken)
        {
            string name = mechanism == AuthenticationMechanism.HighGmac ? "HLS-GMAC" : "HLS-SHA256";
            if (!aare.IsAuthenticationRequired)
            {
                throw new DlmsSecurityException(SecurityFailure.IncompleteAssociation, "The server accepted the " + name
                    + " association without asking for authentication (diagnostic " + aare.Diagnostic + ", expected 14 authentication-required): it was not authenticated.");
            }
            if (aare.MechanismName is byte answered && answered != (byte)mechanism)
            {
                throw new DlmsSecurityException(SecurityFailure.IncompleteAssociation, "The AARE names mechanism " + answered + ", the client asked for " + (byte)mechanism + ".");
            }
            byte[] serverChallenge = aare.RespondingAuthenticationValue is { Length: > 0 } stoc ? stoc
                : throw new DlmsSecurityException(SecurityFailure.IncompleteAssociation, "The AARE has no StoC challenge (responding-authentication-value) for " + name + ".");
            byte[] serverTitle = context.ServerSystemTitle
                ?? throw new DlmsSecurityException(SecurityFailure.IncompleteAssociation, "The AARE has no server system title (responding-AP-title) for " + name + ".");

            byte[] proof = mechanism == AuthenticationMechanism.HighGmac
                ? context.GmacProof(serverChallenge)
                : HlsAuthentication.Sha256ClientProof(Options.Security.HlsSecret!, context.ClientSystemTitle, serverTitle, serverChallenge, clientChallenge);
            byte[] request = ActionRequest.Normal(Options.InvokeIdAndPriority, ReplyToHlsAuthentication, AxdrEncoder.Encode(DlmsValue.OctetString(proof)));
            CipheringKind kind = Options.Security.HlsReplyCiphering ?? Options.Security.Ciphering;
            byte[] reply = await ServiceExchangeAsync(request, kind, cancellationToken).ConfigureAwait(false);
            ActionResponse response = ActionResponse.Decode(reply);
            CheckInvokeId(response.InvokeIdAndPriority);
            if (response.Result != DataAccessResult.Success)
            {
                throw new DlmsSecurityException(SecurityFailure.ClientAuthenticationRejected, "The server rejected the client's " + name + " proof f(StoC): "
                    + DataAccessResults.Name(response.Result) + " (" + (int)response.Result + "). Check the keys, secret and system title.");
            }
            if (response.ReturnParameters is not { IsSuccess: true } returned || returned.Value is not { Type: DataType.OctetString } value)
            {
                throw new DlmsSecurityException(SecurityFailure.ServerAuthenticationFailed, "The server returned no f(CtoS) octet-string in the " + name + " reply.");
            }
            bool verified = mechanism == AuthenticationMechanism.HighGmac
                ? context.VerifyServerGmacProof(value.Bytes, clientChallenge)
                : CryptographicOperations.FixedTimeEquals(value.Bytes,
                    HlsAuthentication.Sha256ServerProof(Options.Security.HlsSecret!, context.ClientSystemTitle, serverTitle, serverChallenge, clientChallenge));
            if (!verified)
            {
                throw new DlmsSecurityException(SecurityFailure.ServerAuthenticationFailed, "The server's " + name + " proof f(CtoS) "
                    + Convert.ToHexString(value.Bytes) + " is wrong: the server does not hold the same keys/secret (or is not who it claims).");
            }
        }

        /// <summary>
        /// Releases the association: RLRQ (<c>62 03 80 01 00</c>), or in a ciphered association
        /// <c>62 L 80 01 00 BE …</c> with the InitiateRequest as glo-initiate-request, as the reference
        /// clients send. Expects an RLRE; its content is not checked (both Gurux example servers send
        /// wrong BER lengths in it, docs/interop.md W1/W6).
        /// </summary>
        public async Task ReleaseAsync(CancellationToken cancellationToken = default)
        {
            byte[] rlrq = _active is { Policy: not SecurityPolicy.None } context && _initiateRequest is not null
                ? AssociationRequest.EncodeReleaseRequest(context.ProtectInitiateRequest(_initiateRequest))
                : AssociationRequest.EncodeReleaseRequest();
            byte[] reply = await _transport.ExchangeAsync(rlrq, cancellationToken).ConfigureAwait(false);
            if (reply.Length == 0 || reply[0] != XdlmsTags.Rlre)
            {
                ServiceApdu.CheckTag(reply, XdlmsTags.Rlre, "RLRQ");
            }
            Association = null;
            _active = null;
        }

        /// <summary>
        /// Reads the server's invocation counter for a client: connects as the public client (SAP 16,
        /// no security) with the same transport settings, GETs attribute 2 of the Data object
        /// <paramref name="counterObject"/> (e.g. 0.0.43.1.0.255), releases and disconnects.
        /// The next protected APDU must use the value + 1.
        /// </summary>
        public static async Task<uint> ReadInvocationCounterAsync(DlmsClientOptions options, ObisCode counterObject, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(options);
            DlmsClientOptions publicClient = options with
            {
                ClientSap = PublicClientSap,
                Authentication = AuthenticationMechanism.None,
                Password = null,
                Security = new DlmsSecurityOptions(),
                ProposedConformance = Conformance.Default,
            };
            await using DlmsClient client = await ConnectAsync(publicClient, cancellationToken).ConfigureAwait(false);
            await client.AssociateAsync(cancellationToken).ConfigureAwait(false);
            var attribute = new CosemAttribute(1, counterObject, 2);
            DlmsValue value = await client.GetAsync(attribute, null, cancellationToken).ConfigureAwait(false);
            await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
            if (!value.IsInteger || value.ToInt64() < 0 || value.ToInt64() > uint.MaxValue)
            {
                throw new DlmsProtocolException("The invocation counter " + attribute + " is " + value.Type + ", not an unsigned 32-bit integer.");
            }
            return (uint)value.ToInt64();
        }

        // Every GET/SET/ACTION goes through here: ciphered per the policy once associated.
        private async Task<byte[]> ServiceExchangeAsync(byte[] plainRequest, CipheringKind? kind, CancellationToken cancellationToken)
        {
            SecurityContext? context = _active;
            if (context is null || context.Policy == SecurityPolicy.None)
            {
                return await _transport.ExchangeAsync(plainRequest, cancellationToken).ConfigureAwait(false);
            }
            Options.ApduTrace?.Invoke(FrameDirection.Sent, plainRequest);
            byte[] wire = context.Protect(plainRequest, kind ?? Options.Security.Ciphering);
            byte[] reply = await _transport.ExchangeAsync(wire, cancellationToken).ConfigureAwait(false);
            byte[] plainReply = context.Unprotect(reply);
            Options.ApduTrace?.Invoke(FrameDirection.Received, plainReply);
            return plainReply;
        }
    }
}
