using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// The ACSE of one channel: decodes the AARQ, negotiates it against the association's
    /// configuration (<see cref="AssociationNegotiation"/>), encodes the AARE, and answers RLRQ
    /// with RLRE. Holds its decoded request and response objects, so each session has its own.
    /// Allocation-free.
    /// </summary>
    /// <remarks>
    /// - Unknown client SAP or logical device (no configuration): AARE rejected-permanent,
    ///   acse-service-user no-reason-given. Over HDLC the link refuses the SNRM of an unknown
    ///   logical device, and of an unknown client when its HdlcSettings.ClientSaps list is set
    ///   (the emulator sets it from the associations); otherwise, and over the wrapper, the AARQ
    ///   arrives and must be answered here.
    /// - AARQ that cannot be decoded: rejected-permanent, acse-service-provider no-reason-given.
    /// - Otherwise the negotiation's answer (context, mechanism, LLS password, InitiateRequest).
    /// - RLRQ (even one that cannot be decoded): RLRE reason normal; the pipeline then releases.
    /// </remarks>
    public sealed class AcseHandler : IAcseHandler
    {
        private readonly AarqRequest _aarq = new AarqRequest();
        private readonly AareResponse _aare = new AareResponse();
        private readonly RlrqRequest _rlrq = new RlrqRequest();
        private readonly AssociationParameters _parameters = new AssociationParameters();

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
            AcseStatus status = AarqParser.Parse(request, offset, count, _aarq);
            Configure(association, maxReceivePdu);
            bool accepted = false;
            if (association == null)
            {
                _aare.Clear();
                _aare.ApplicationContextId = _parameters.ApplicationContextId;
                _aare.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.NoReasonGiven);
            }
            else if (status != AcseStatus.Ok)
            {
                AssociationNegotiation.RejectMalformed(_parameters, _aare);
            }
            else
            {
                accepted = AssociationNegotiation.Negotiate(_aarq, _parameters, _aare);
                if (accepted && _aare.IsAuthenticationPending)
                {
                    // Only none and LLS are configurable today (AssociationConfig); an HLS
                    // pending answer would need the StoC challenge of the security layer.
                    _aare.Clear();
                    _aare.ApplicationContextId = _parameters.ApplicationContextId;
                    _aare.SetUserDiagnostic(AssociationResult.RejectedPermanent, AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognised);
                    accepted = false;
                }
            }
            int length;
            if (AareWriter.Write(_aare, response, responseOffset, responseMax, out length) != AcseStatus.Ok)
            {
                return 0;
            }
            if (accepted)
            {
                context.Status = AssociationStatus.Associated;
                context.NegotiatedConformance = _aare.NegotiatedConformance;
                context.ClientMaxReceivePdu = _aare.ClientMaxReceivePdu;
                context.ServerMaxReceivePdu = _aare.ServerMaxReceivePdu;
                context.DlmsVersion = _aare.NegotiatedDlmsVersion;
                context.AuthenticationMechanism = _parameters.MechanismId;
            }
            return length;
        }

        /// <inheritdoc/>
        public int HandleRlrq(byte[] request, int offset, int count, CosemContext context,
            byte[] response, int responseOffset, int responseMax)
        {
            // The reason and any user-information do not change the answer (no ciphering yet).
            RlrqParser.Parse(request, offset, count, _rlrq);
            int length;
            if (RlreWriter.Write(RlreWriter.ReasonNormal, response, responseOffset, responseMax, out length) != AcseStatus.Ok)
            {
                return 0;
            }
            return length;
        }

        private void Configure(AssociationConfig association, int maxReceivePdu)
        {
            _parameters.ApplicationContextId = ApplicationContextName.LogicalName;
            _parameters.ServerMaxReceivePdu = maxReceivePdu;
            _parameters.MinClientMaxReceivePdu = AssociationParameters.DefaultMinClientMaxReceivePdu;
            _parameters.SecretLength = 0;
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
            if (associationPdu > 0 && associationPdu < maxReceivePdu)
            {
                _parameters.ServerMaxReceivePdu = associationPdu;
            }
        }
    }
}
