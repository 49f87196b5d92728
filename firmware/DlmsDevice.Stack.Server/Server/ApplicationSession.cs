using System;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Services;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// The application layer of one channel (one TCP connection or one HDLC link): selects the
    /// association by client SAP, passes AARQ/RLRQ to the ACSE handler, removes the protection of
    /// ciphered requests, and passes everything else to the xDLMS services, which read and write
    /// the COSEM objects straight from the request buffer into the response buffer; a response to
    /// a ciphered request is protected the same way. Allocated once per channel; handling a
    /// request, ciphered or not, does not allocate.
    /// </summary>
    /// <remarks>
    /// <para>One association at a time per channel, for the client SAP and logical device of
    /// <see cref="LinkOpened"/>; a request from another pair is treated as a new link (the
    /// association is released and the configuration selected again). A new AARQ on an
    /// associated channel replaces the association (the old one is released first). RLRQ
    /// releases it; so does the link closing. Releasing persists the client's invocation counter
    /// and makes keys transferred during the association current.</para>
    /// <para>Ciphered requests (glo-/ded-get/set/action-request, general-glo/ded) on an
    /// association with a ciphered context are deciphered in place in the request buffer; the
    /// service writes its plaintext response behind room for the envelope, which is then added in
    /// place and the whole moved to the response offset. Answers (docs/security.md):</para>
    /// <list type="bullet">
    /// <item>not associated: <c>D8 01 01</c> (the association would cipher) or, on a plain
    ///   association, the services' <c>D8 01 02</c> (ciphering not supported there);</item>
    /// <item>longer than server-max-receive-pdu-size: <c>D8 01 04</c>;</item>
    /// <item>general ciphering without the general-protection conformance bit: <c>D8 01 02</c>;</item>
    /// <item>any failure to remove the protection (envelope, suite, policy, system title, tag,
    ///   missing dedicated key): <c>D8 01 05</c> deciphering-error, in clear;</item>
    /// <item>an authentic request with a stale invocation counter: <c>D8 01 06 &lt;expected&gt;</c>
    ///   invocation-counter-error with the smallest acceptable counter;</item>
    /// <item>a service-specific envelope holding another service (glo-get-request around a
    ///   SET), or an empty plaintext: <c>D8 02 03</c>;</item>
    /// <item>a plain GET/SET/ACTION where the security policy requires protection:
    ///   <c>D8 01 05</c>.</item>
    /// </list>
    /// </remarks>
    public sealed class ApplicationSession : IApduHandler
    {
        private readonly DlmsServer _server;
        private readonly CosemContext _context = new CosemContext();
        private readonly SecurityContext _security = new SecurityContext();
        private readonly ServiceDispatcher _services;
        private readonly IAcseHandler _acse;
        private AssociationConfig _association;

        internal ApplicationSession(DlmsServer server)
        {
            _server = server;
            _services = new ServiceDispatcher(server.BlockBufferSize);
            _acse = server.SharedAcse != null ? server.SharedAcse : new AcseHandler(server.Entropy);
            _context.Security = _security;
        }

        /// <summary>The ACSE handler of this session.</summary>
        public IAcseHandler Acse
        {
            get { return _acse; }
        }

        /// <summary>The association state of this channel (what the COSEM objects see).</summary>
        public CosemContext Context
        {
            get { return _context; }
        }

        /// <summary>The security state of this channel (keys in use, challenges, last protection outcome).</summary>
        public SecurityContext Security
        {
            get { return _security; }
        }

        /// <summary>The configuration selected for the client SAP of the open link; null when unknown or no link.</summary>
        public AssociationConfig Association
        {
            get { return _association; }
        }

        /// <summary>The block-transfer state (for diagnostics and tests).</summary>
        public BlockTransferState BlockTransfer
        {
            get { return _services.State; }
        }

        /// <inheritdoc/>
        public bool IsAssociated
        {
            get { return _context.Status == AssociationStatus.Associated; }
        }

        /// <inheritdoc/>
        public void LinkOpened(int clientSap, int serverLogicalAddress)
        {
            Release();
            _context.ClientSap = clientSap;
            _context.ServerLogicalAddress = serverLogicalAddress;
            _association = _server.Associations.Find(serverLogicalAddress, clientSap);
            if (_association != null)
            {
                _context.Association = _association.Association;
                _context.Objects = _association.Objects;
            }
            else
            {
                _context.Association = null;
                _context.Objects = null;
            }
        }

        /// <inheritdoc/>
        public int HandleApdu(int clientSap, int serverLogicalAddress,
            byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax)
        {
            if (requestCount < 1 || responseMax < ServiceDispatcher.MinimumResponseLength)
            {
                return 0;
            }
            if (clientSap != _context.ClientSap || serverLogicalAddress != _context.ServerLogicalAddress)
            {
                // Another client SAP or logical device on this channel (or a link layer that
                // did not call LinkOpened): that is another association.
                LinkOpened(clientSap, serverLogicalAddress);
            }
            byte tag = request[requestOffset];
            if (tag == ApduTag.Aarq)
            {
                // A new AARQ replaces whatever association this channel had.
                Release();
                return _acse.HandleAarq(request, requestOffset, requestCount, _association, _server.MaxReceivePdu,
                    _context, response, responseOffset, responseMax);
            }
            if (tag == ApduTag.Rlrq)
            {
                _services.AbortAll();
                int length = _acse.HandleRlrq(request, requestOffset, requestCount, _context,
                    response, responseOffset, responseMax);
                Release();
                return length;
            }
            int limit = responseMax;
            if (_context.Status != AssociationStatus.NonAssociated
                && _context.ClientMaxReceivePdu > 0 && _context.ClientMaxReceivePdu < limit)
            {
                // Never send an APDU longer than the client's max receive PDU (from the AARQ).
                limit = _context.ClientMaxReceivePdu;
            }
            _security.ClearRequest();
            _context.RequestProtection = 0;
            if (SecurityContext.IsProtectedRequestTag(tag))
            {
                if (_context.Status != AssociationStatus.NonAssociated && _security.IsCiphering)
                {
                    return HandleProtected(tag, request, requestOffset, requestCount, response, responseOffset, limit);
                }
                if (_context.Status == AssociationStatus.NonAssociated && AssociationCiphers())
                {
                    _services.AbortAll();
                    return ServiceExceptions.NotAssociated(response, responseOffset, limit);
                }
                // A plain association: the services answer ciphering as not supported.
            }
            else if (_security.RequiresProtection && _context.Status != AssociationStatus.NonAssociated
                && (tag == ApduTag.GetRequest || tag == ApduTag.SetRequest || tag == ApduTag.ActionRequest))
            {
                _services.AbortAll();
                return ServiceExceptions.DecipheringError(response, responseOffset, limit);
            }
            return _services.Handle(request, requestOffset, requestCount, response, responseOffset, limit, _context);
        }

        /// <inheritdoc/>
        public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
        {
            // The link could not hold the request, so nothing of it can be served.
            return ServiceExceptions.PduTooLong(response, responseOffset, responseMax);
        }

        /// <inheritdoc/>
        public void LinkClosed()
        {
            Release();
            _association = null;
            _context.Association = null;
            _context.Objects = null;
            // No link: the next request selects its association again.
            _context.ClientSap = -1;
            _context.ServerLogicalAddress = -1;
        }

        private int HandleProtected(byte tag, byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int limit)
        {
            if (_context.ServerMaxReceivePdu > 0 && requestCount > _context.ServerMaxReceivePdu)
            {
                _services.AbortAll();
                return ServiceExceptions.PduTooLong(response, responseOffset, limit);
            }
            if (CipheredTag.IsGeneral(tag) && (_context.NegotiatedConformance & Stack.Acse.Conformance.GeneralProtection) == 0)
            {
                _services.AbortAll();
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            int plainOffset;
            int plainCount;
            ProtectionStatus status = _security.Unprotect(request, requestOffset, requestCount, out plainOffset, out plainCount);
            if (status == ProtectionStatus.Replayed)
            {
                _services.AbortAll();
                return ServiceExceptions.InvocationCounterError(response, responseOffset, limit, _security.ExpectedInvocationCounter);
            }
            if (status != ProtectionStatus.Ok)
            {
                _services.AbortAll();
                return ServiceExceptions.DecipheringError(response, responseOffset, limit);
            }
            if (plainCount < 1 || (!CipheredTag.IsGeneral(tag) && CipheredTag.ToPlain(tag) != request[plainOffset]))
            {
                // Authentic but inconsistent: a glo-get-request must hold a GET-Request, ...
                _security.ClearRequest();
                _services.AbortAll();
                return ServiceExceptions.Malformed(response, responseOffset, limit);
            }
            int headroom = _security.ResponseHeadroom;
            int plainLimit = limit - _security.ResponseOverhead;
            if (plainLimit < ServiceDispatcher.MinimumResponseLength)
            {
                _security.ClearRequest();
                return 0;
            }
            _context.RequestProtection = (byte)(_security.RequestSecurityControl & SecurityControl.AuthenticatedEncrypted);
            int plainLength = _services.Handle(request, plainOffset, plainCount, response, responseOffset + headroom, plainLimit, _context);
            _context.RequestProtection = 0;
            if (plainLength <= 0)
            {
                _security.ClearRequest();
                return 0;
            }
            int start;
            int length;
            status = _security.Protect(response, responseOffset + headroom, plainLength, out start, out length);
            if (status == ProtectionStatus.CounterUnavailable || (status != ProtectionStatus.Ok && status != ProtectionStatus.NoProtectedForm))
            {
                _security.ClearRequest();
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            // The envelope was added in place in front of the plaintext; move the whole to the
            // response offset the link expects (Array.Copy handles the overlap).
            Array.Copy(response, start, response, responseOffset, length);
            _security.ClearRequest();
            return length;
        }

        /// <summary>True when the association selected for this channel uses a ciphered application context.</summary>
        private bool AssociationCiphers()
        {
            AssociationLogicalName model = _association != null ? _association.Association as AssociationLogicalName : null;
            return model != null
                && (model.ApplicationContext == Stack.Acse.ApplicationContextName.LogicalNameWithCiphering
                    || model.ApplicationContext == Stack.Acse.ApplicationContextName.ShortNameWithCiphering);
        }

        // The application association ends; the link and the selected configuration stay.
        private void Release()
        {
            _services.AbortAll();
            SecurityProfile profile = _security.Profile;
            if (profile != null)
            {
                profile.Counters.SaveReceived();
                profile.CommitStagedKeys();
            }
            _security.Reset();
            _context.ResetAssociation();
        }
    }
}
