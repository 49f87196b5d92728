using DlmsDevice.Hal;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// The ACSE of a server: decodes the AARQ, negotiates it against the association's
    /// configuration (<see cref="AssociationNegotiation"/>), with ciphering and HLS when the
    /// association's Association LN object has a Security setup, encodes the AARE, and answers
    /// RLRQ with RLRE. What an association keeps is written to the channel's
    /// <see cref="CosemContext"/> and its SecurityContext; the decoded request and response
    /// objects here serve one AARQ or RLRQ at a time, so one handler serves every channel of a
    /// server (whose requests are served one at a time, see <see cref="DlmsServer"/>).
    /// Allocation-free.
    /// </summary>
    /// <remarks>
    /// Order of the checks (the first failing one decides; docs/security.md has the table):
    /// <list type="number">
    /// <item>unknown client SAP or logical device (no configuration): rejected-permanent,
    ///   acse-service-user no-reason-given (over HDLC the link refuses the SNRM of an unknown
    ///   logical device, and of an unknown client when its HdlcSettings.ClientSaps list is set,
    ///   as the emulator does from its associations; otherwise, and over the wrapper, the AARQ
    ///   arrives and is answered here). An AARQ that cannot be decoded: rejected-permanent,
    ///   acse-service-provider no-reason-given;</item>
    /// <item>the ACSE checks of <see cref="AssociationNegotiation.CheckAcse"/>: protocol version,
    ///   application context (LN, or LN with ciphering for a ciphered association), mechanism,
    ///   LLS password, CtoS present and at least 8 bytes for HLS;</item>
    /// <item>an HLS mechanism other than 5 and 6, or 5/6 without a Security setup with keys, the
    ///   HLS hook or an entropy source: authentication-mechanism-name-not-recognised; a ciphered
    ///   context without a Security setup with keys: application-context-name-not-supported
    ///   (configuration gaps answered as unsupported);</item>
    /// <item>ciphered context or HLS 5/6: the calling-AP-title must be an 8-byte system title
    ///   (and the configured client title, if the Security setup fixes one):
    ///   calling-AP-title-not-recognized;</item>
    /// <item>user-information: a glo-initiate-request (or general-glo) is deciphered with the
    ///   global key and its invocation counter checked; any failure (tag, policy, suite, replay,
    ///   malformed), a plain InitiateRequest where the security policy requires protection, or a
    ///   dedicated key that is not 16 bytes: rejected-permanent, no-reason-given, no
    ///   user-information (nothing about the reason is revealed);</item>
    /// <item>the xDLMS InitiateRequest checks of <see cref="AssociationNegotiation.Negotiate"/>.</item>
    /// </list>
    /// When the InitiateRequest came ciphered, the InitiateResponse (or initiateError) goes back
    /// in the same envelope: glo-initiate-response (28) for glo-initiate-request, general-glo for
    /// general-glo, with the request's security control byte and our next transmit invocation
    /// counter. An accepted ciphered or HLS association carries our system title in
    /// responding-AP-title; HLS adds responder-acse-requirements, the mechanism and the StoC
    /// challenge, and the association stays pending until reply_to_HLS_authentication.
    /// RLRQ (even one that cannot be decoded): RLRE reason normal; with a ciphered association
    /// and a glo-initiate-request that deciphers, the RLRE carries a ciphered InitiateResponse.
    /// </remarks>
    public sealed class AcseHandler : IAcseHandler
    {
        /// <summary>Room for a protected InitiateResponse: the longest header, the response, the tag.</summary>
        private const int UserInformationCapacity = CipheredApdu.MaxHeaderLength + InitiateResponseWriter.InitiateResponseLength + ApduCipher.TagLength;

        private readonly AarqRequest _aarq = new AarqRequest();
        private readonly AareResponse _aare = new AareResponse();
        private readonly RlrqRequest _rlrq = new RlrqRequest();
        private readonly AssociationParameters _parameters = new AssociationParameters();
        private readonly byte[] _userInformation = new byte[UserInformationCapacity];
        private IEntropySource _entropy;
        private SecurityProfile _profile;
        private bool _ciphering;
        private bool _hlsHook;

        /// <summary>An ACSE without an entropy source: HLS associations are refused.</summary>
        public AcseHandler()
            : this(null)
        {
        }

        /// <summary>An ACSE that draws HLS StoC challenges from <paramref name="entropy"/> (null: HLS refused).</summary>
        public AcseHandler(IEntropySource entropy)
        {
            _entropy = entropy;
        }

        /// <summary>Where HLS StoC challenges come from; null: HLS associations are refused. Configuration time.</summary>
        public IEntropySource Entropy
        {
            get { return _entropy; }
            set { _entropy = value; }
        }

        /// <summary>The last AARQ decoded (diagnostics and tests).</summary>
        public AarqRequest LastRequest
        {
            get { return _aarq; }
        }

        /// <summary>The last AARE sent (diagnostics and tests).</summary>
        public AareResponse LastResponse
        {
            get { return _aare; }
        }

        /// <inheritdoc/>
        public int HandleAarq(byte[] request, int offset, int count, AssociationConfig association, int maxReceivePdu,
            CosemContext context, byte[] response, int responseOffset, int responseMax)
        {
            context.ResetAssociation();
            SecurityContext security = context.Security;
            if (security != null)
            {
                security.Reset();
            }

            AcseStatus status = AarqParser.Parse(request, offset, count, _aarq);
            Configure(association, maxReceivePdu);
            if (_profile != null)
            {
                // Keys transferred in an association that has ended (or on another association
                // of the same Security setup) apply from this AARQ on.
                _profile.CommitStagedKeys();
            }
            bool accepted = false;
            if (association == null)
            {
                _aare.Clear();
                _aare.ApplicationContextId = _parameters.ApplicationContextId;
                _aare.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.NoReasonGiven);
                context.Refuse(AssociationRefusal.UnknownClient, context.ClientSap, context.ServerLogicalAddress);
            }
            else if (status != AcseStatus.Ok)
            {
                AssociationNegotiation.RejectMalformed(_parameters, _aare);
                context.Refuse(AssociationRefusal.MalformedAarq, (long)status, count);
            }
            else
            {
                accepted = Negotiate(request, security, context);
            }

            if (_profile != null)
            {
                // The client's counter moved if a glo-initiate-request was authentic (even when
                // the AARQ was then refused): keep it across a power loss.
                _profile.Counters.SaveReceived();
            }

            int length;
            if (AareWriter.Write(_aare, response, responseOffset, responseMax, out length) != AcseStatus.Ok)
            {
                accepted = false;
                length = 0;
            }

            if (!accepted)
            {
                if (security != null)
                {
                    security.Reset();
                }

                return length;
            }

            context.Status = _aare.IsAuthenticationPending ? AssociationStatus.AssociationPending : AssociationStatus.Associated;
            context.NegotiatedConformance = _aare.NegotiatedConformance;
            context.ClientMaxReceivePdu = _aare.ClientMaxReceivePdu;
            context.ServerMaxReceivePdu = _aare.ServerMaxReceivePdu;
            context.DlmsVersion = _aare.NegotiatedDlmsVersion;
            context.AuthenticationMechanism = _parameters.MechanismId;
            return length;
        }

        /// <inheritdoc/>
        public int HandleRlrq(byte[] request, int offset, int count, CosemContext context,
            byte[] response, int responseOffset, int responseMax)
        {
            AcseStatus status = RlrqParser.Parse(request, offset, count, _rlrq);
            SecurityContext security = context.Security;
            byte[] userInformation = null;
            int start = 0;
            int userInformationLength = 0;
            if (status == AcseStatus.Ok && _rlrq.UserInformation == UserInformationKind.Ciphered && security != null
                && security.IsCiphering && context.Status != AssociationStatus.NonAssociated)
            {
                // A ciphered release (all three traced clients send one): answer with the
                // negotiated InitiateResponse in the same envelope, if the request is authentic.
                int plainOffset;
                int plainCount;
                if (security.UnprotectInitiate(request, _rlrq.UserInformationOffset, _rlrq.UserInformationLength, out plainOffset, out plainCount) == ProtectionStatus.Ok
                    && InitiateRequestParser.Parse(request, plainOffset, plainCount, _aarq) == AcseStatus.Ok
                    && ProtectInitiateResponse(security, context.DlmsVersion, context.NegotiatedConformance, context.ServerMaxReceivePdu, out start, out userInformationLength))
                {
                    userInformation = _userInformation;
                }
            }

            int length;
            if (RlreWriter.Write(RlreWriter.ReasonNormal, userInformation, start, userInformationLength,
                response, responseOffset, responseMax, out length) != AcseStatus.Ok)
            {
                return 0;
            }

            return length;
        }

        private bool Negotiate(byte[] request, SecurityContext security, CosemContext context)
        {
            if (!AssociationNegotiation.CheckAcse(_aarq, _parameters, _aare))
            {
                AarqRefusals.Record(_aarq, _parameters, _aare, context);
                return false;
            }

            byte mechanism = _parameters.MechanismId;
            bool hls = mechanism >= MechanismName.Hls;
            bool hlsWithKeys = mechanism == MechanismName.HlsGmac || mechanism == MechanismName.HlsSha256;
            bool secured = _ciphering || hlsWithKeys;
            bool configured = security != null && _profile != null && _profile.HasKeys;
            if (hls && (!hlsWithKeys || !configured || !_hlsHook || _entropy == null))
            {
                context.Refuse(AssociationRefusal.MechanismNotAvailable, mechanism, -1);
                return Reject(AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognised);
            }

            if (_ciphering && !configured)
            {
                context.Refuse(AssociationRefusal.CipheringNotConfigured, _parameters.ApplicationContextId, -1);
                return Reject(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported);
            }

            if (secured)
            {
                security.Begin(_profile, _ciphering);
                if (!_profile.AcceptsClientSystemTitle(_aarq.CallingApTitle, 0, _aarq.CallingApTitleLength)
                    || !security.SetClientSystemTitle(_aarq.CallingApTitle, 0, _aarq.CallingApTitleLength))
                {
                    context.Refuse(AssociationRefusal.CallingApTitleNotRecognized, _aarq.CallingApTitleLength,
                        AarqRefusals.TitleValue(_aarq.CallingApTitle, _aarq.CallingApTitleLength));
                    return Reject(AcseServiceUserDiagnostic.CallingApTitleNotRecognized);
                }

                if (hls && !security.SetClientChallenge(_aarq.CallingAuthenticationValue, 0, _aarq.CallingAuthenticationValueLength))
                {
                    context.Refuse(AssociationRefusal.ChallengeInvalid, _aarq.CallingAuthenticationValueLength, SecurityContext.MinChallengeLength);
                    return Reject(AcseServiceUserDiagnostic.AuthenticationFailure);
                }
            }

            bool cipheredInitiate = false;
            if (_aarq.UserInformation == UserInformationKind.Ciphered && _ciphering)
            {
                int plainOffset;
                int plainCount;
                ProtectionStatus protection = security.UnprotectInitiate(request, _aarq.UserInformationOffset, _aarq.UserInformationLength, out plainOffset, out plainCount);
                if (protection != ProtectionStatus.Ok)
                {
                    RecordProtectionFailure(protection, security, context);
                    return Reject(AcseServiceUserDiagnostic.NoReasonGiven);
                }

                if (InitiateRequestParser.Parse(request, plainOffset, plainCount, _aarq) != AcseStatus.Ok)
                {
                    context.Refuse(AssociationRefusal.InitiateRequestMissing, (long)UserInformationKind.Ciphered, -1);
                    return Reject(AcseServiceUserDiagnostic.NoReasonGiven);
                }

                cipheredInitiate = true;
            }
            else if (_aarq.UserInformation == UserInformationKind.InitiateRequest && secured && security.RequiresProtection)
            {
                // The security policy asks for protected APDUs; the InitiateRequest is one.
                context.Refuse(AssociationRefusal.InitiateNotProtected, -1, -1);
                return Reject(AcseServiceUserDiagnostic.NoReasonGiven);
            }

            bool accepted = AssociationNegotiation.Negotiate(_aarq, _parameters, _aare);
            if (!accepted)
            {
                AarqRefusals.Record(_aarq, _parameters, _aare, context);
            }

            if (accepted && cipheredInitiate && _aarq.DedicatedKeyLength > 0)
            {
                if (_aarq.DedicatedKeyLength != SecurityProfile.KeySize)
                {
                    context.Refuse(AssociationRefusal.DedicatedKeyInvalid, _aarq.DedicatedKeyLength, SecurityProfile.KeySize);
                    return Reject(AcseServiceUserDiagnostic.NoReasonGiven);
                }

                security.SetDedicatedKey(_aarq.DedicatedKey, 0);
            }

            if (cipheredInitiate && !ProtectUserInformation(security))
            {
                // No transmit invocation counter left: nothing may go out protected.
                context.Refuse(AssociationRefusal.CountersUnavailable, -1, -1);
                return Reject(AcseServiceUserDiagnostic.NoReasonGiven);
            }

            if (!accepted)
            {
                return false;
            }

            if (secured)
            {
                _aare.SetRespondingApTitle(_profile.ServerSystemTitle, 0, SecurityProfile.SystemTitleSize);
                _profile.NoteClientSystemTitle(_aarq.CallingApTitle, 0);
            }

            if (_aare.IsAuthenticationPending)
            {
                security.GenerateServerChallenge(_entropy);
                _aare.SetRespondingAuthenticationValue(security.ServerChallenge, 0, security.ServerChallengeLength);
            }

            return true;
        }

        // Why the ciphered InitiateRequest was refused: a replay (with both counters), counters
        // that cannot be used, or anything else that makes it not authentic.
        private static void RecordProtectionFailure(ProtectionStatus protection, SecurityContext security, CosemContext context)
        {
            if (protection == ProtectionStatus.Replayed)
            {
                context.Refuse(AssociationRefusal.InvocationCounterReplayed, security.LastInvocationCounter, security.ExpectedInvocationCounter);
            }
            else if (protection == ProtectionStatus.CounterUnavailable)
            {
                context.Refuse(AssociationRefusal.CountersUnavailable, -1, -1);
            }
            else
            {
                context.Refuse(AssociationRefusal.InitiateNotAuthentic, (long)protection,
                    security.HasInvocationCounter ? security.LastInvocationCounter : -1);
            }
        }

        /// <summary>Rejected-permanent with an acse-service-user diagnostic and no user-information.</summary>
        private bool Reject(AcseServiceUserDiagnostic diagnostic)
        {
            _aare.Clear();
            _aare.ApplicationContextId = _parameters.ApplicationContextId;
            _aare.SetUserDiagnostic(AssociationResult.RejectedPermanent, diagnostic);
            return false;
        }

        /// <summary>Replaces the AARE's plain user-information (InitiateResponse or initiateError) by its protected form.</summary>
        private bool ProtectUserInformation(SecurityContext security)
        {
            int start;
            int length;
            if (_aare.UserInformation == AareUserInformation.InitiateResponse)
            {
                if (!ProtectInitiateResponse(security, _aare.NegotiatedDlmsVersion, _aare.NegotiatedConformance, _aare.ServerMaxReceivePdu, out start, out length))
                {
                    return false;
                }
            }
            else if (_aare.UserInformation == AareUserInformation.InitiateError)
            {
                int plainLength;
                InitiateResponseWriter.WriteInitiateError(_userInformation, CipheredApdu.MaxHeaderLength,
                    InitiateResponseWriter.InitiateErrorLength, _aare.InitiateError, out plainLength);
                if (security.Protect(_userInformation, CipheredApdu.MaxHeaderLength, plainLength, out start, out length) != ProtectionStatus.Ok)
                {
                    return false;
                }
            }
            else
            {
                return true;
            }

            _aare.SetRawUserInformation(_userInformation, start, length);
            return true;
        }

        private bool ProtectInitiateResponse(SecurityContext security, byte dlmsVersion, int conformance, int serverMaxReceivePdu, out int start, out int length)
        {
            int plainLength;
            InitiateResponseWriter.WriteInitiateResponse(_userInformation, CipheredApdu.MaxHeaderLength,
                InitiateResponseWriter.InitiateResponseLength, dlmsVersion, conformance, serverMaxReceivePdu,
                AareResponse.VaaNameLogicalName, out plainLength);
            return security.Protect(_userInformation, CipheredApdu.MaxHeaderLength, plainLength, out start, out length) == ProtectionStatus.Ok;
        }

        private void Configure(AssociationConfig association, int maxReceivePdu)
        {
            _parameters.ApplicationContextId = ApplicationContextName.LogicalName;
            _parameters.ServerMaxReceivePdu = maxReceivePdu;
            _parameters.MinClientMaxReceivePdu = AssociationParameters.DefaultMinClientMaxReceivePdu;
            _parameters.SecretLength = 0;
            _profile = null;
            _ciphering = false;
            _hlsHook = false;
            if (association == null)
            {
                _parameters.MechanismId = MechanismName.None;
                _parameters.SupportedConformance = 0;
                return;
            }

            int associationPdu;
            AssociationLogicalName model = association.Association as AssociationLogicalName;
            if (model != null)
            {
                // The live Association LN object governs (its secret may have been changed).
                _parameters.ApplicationContextId = model.ApplicationContext;
                _parameters.MechanismId = model.AuthenticationMechanism;
                _parameters.SupportedConformance = model.Conformance & ~Conformance.GeneralBlockTransfer;
                _parameters.SecretLength = model.CopySecret(_parameters.Secret, 0);
                associationPdu = model.MaxReceivePduSize;
                if (model.SecuritySetup != null)
                {
                    _profile = model.SecuritySetup.Profile;
                }

                _hlsHook = model.HlsAuthentication != null;
            }
            else
            {
                _parameters.MechanismId = association.AuthenticationMechanism;
                _parameters.SupportedConformance = association.SupportedConformance;
                byte[] secret = association.Secret;
                if (secret != null)
                {
                    _parameters.SetSecret(secret, 0, secret.Length);
                }

                associationPdu = association.MaxReceivePdu;
            }

            _ciphering = _parameters.ApplicationContextId == ApplicationContextName.LogicalNameWithCiphering
                || _parameters.ApplicationContextId == ApplicationContextName.ShortNameWithCiphering;
            if (associationPdu > 0 && associationPdu < maxReceivePdu)
            {
                _parameters.ServerMaxReceivePdu = associationPdu;
            }
        }
    }
}
