using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Services;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// The application layer of one channel (one TCP connection or one HDLC link): selects the
    /// association by client SAP, passes AARQ/RLRQ to the ACSE handler, checks every other
    /// request (<see cref="RequestChecks"/>), removes the protection of ciphered requests, and
    /// passes them to the xDLMS services, which read and write the COSEM objects straight from
    /// the request buffer into the response buffer; a response to a ciphered request is
    /// protected the same way. Handling a request, ciphered or not, does not allocate.
    /// </summary>
    /// <remarks>
    /// <para>A session holds only what lives between the requests of its association: the
    /// association state (<see cref="Context"/>), the security state (<see cref="Security"/>:
    /// keys in use, titles, challenges, invocation counters of a dedicated key) and the block
    /// transfer with its buffer (<see cref="BlockTransfer"/>). The machinery a request needs while
    /// it is served (services, ACSE, cryptographic work objects) belongs to the
    /// <see cref="DlmsServer"/> and is shared by its sessions: <b>the sessions of one server must
    /// be served one request at a time</b> (no two calls into them may overlap; the device
    /// runtime's SerializedApduHandler does this with the meter's lock).</para>
    /// <para>One association at a time per channel, for the client SAP and logical device of
    /// <see cref="LinkOpened"/>; a request from another pair is treated as a new link (the
    /// association is released and the configuration selected again). A new AARQ on an
    /// associated channel replaces the association (the old one is released first). RLRQ
    /// releases it; so does the link closing. Releasing persists the client's invocation counter
    /// and makes keys transferred during the association current.</para>
    /// <para>Ciphered requests (glo-/ded-get/set/action-request, general-glo/ded) on an
    /// association with a ciphered context are deciphered in place in the request buffer; the
    /// service writes its plaintext response behind room for the envelope, the envelope is added
    /// in place in front of it, and the response is handed to the link where it lies
    /// (<c>responseStart</c> of <see cref="HandleApdu"/>), with no copy. The answers to every
    /// refusal, in the order they are checked, are in <see cref="RequestChecks"/>,
    /// docs/services.md and docs/security.md.</para>
    /// </remarks>
    public sealed class ApplicationSession : IApduHandler
    {
        private readonly DlmsServer _server;
        private readonly CosemContext _context = new CosemContext();
        private readonly SecurityContext _security;
        private readonly BlockTransferState _transfer;
        private AssociationConfig _association;

        internal ApplicationSession(DlmsServer server)
        {
            _server = server;
            _security = new SecurityContext(server.SecurityWorkspace);
            _transfer = new BlockTransferState(server.BlockBufferSize);
            _context.Security = _security;
        }

        /// <summary>The ACSE handler (the server's, shared by its sessions).</summary>
        public IAcseHandler Acse
        {
            get { return _server.Acse; }
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

        /// <summary>The block-transfer state of this channel's association (its buffer, which long transaction runs).</summary>
        public BlockTransferState BlockTransfer
        {
            get { return _transfer; }
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
        /// <remarks>
        /// When the request is an AARQ that is refused, or an HLS pass 3/4 that fails, the
        /// server's <see cref="DlmsServer.Observer"/> is told why once the answer is written.
        /// </remarks>
        public int HandleApdu(int clientSap, int serverLogicalAddress,
            byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax, out int responseStart)
        {
            _context.ClearRefusal();
            int length = Handle(clientSap, serverLogicalAddress, request, requestOffset, requestCount,
                response, responseOffset, responseMax, out responseStart);
            if (_context.Refusal != Stack.Acse.AssociationRefusal.None)
            {
                IAssociationObserver observer = _server.Observer;
                if (observer != null)
                {
                    observer.AssociationRefused(this, _context.Refusal, _context.RefusalDetail, _context.RefusalExpected);
                }
            }
            return length;
        }

        private int Handle(int clientSap, int serverLogicalAddress,
            byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax, out int responseStart)
        {
            responseStart = responseOffset;
            if (requestCount < 1 || responseMax < ServiceDispatcher.MinimumResponseLength)
            {
                return 0;
            }
            SelectLink(clientSap, serverLogicalAddress);
            byte tag = request[requestOffset];
            if (tag == ApduTag.Aarq)
            {
                // A new AARQ replaces whatever association this channel had.
                Release();
                return _server.Acse.HandleAarq(request, requestOffset, requestCount, _association, _server.MaxReceivePdu,
                    _context, response, responseOffset, responseMax);
            }
            if (tag == ApduTag.Rlrq)
            {
                _transfer.Clear();
                int length = _server.Acse.HandleRlrq(request, requestOffset, requestCount, _context,
                    response, responseOffset, responseMax);
                Release();
                return length;
            }
            int limit = Limit(responseMax);
            _security.ClearRequest();
            _context.RequestProtection = 0;
            int refused = RequestChecks.Admit(tag, requestCount, _context, CiphersHere(), response, responseOffset, limit);
            if (refused != RequestChecks.Admitted)
            {
                // A request that is not served ends any block transfer in progress.
                _transfer.Clear();
                return refused;
            }
            if (SecurityContext.IsProtectedRequestTag(tag))
            {
                return HandleProtected(tag, request, requestOffset, requestCount, response, responseOffset, limit, out responseStart);
            }
            if (_security.RequiresProtection)
            {
                // A GET/SET/ACTION in clear where the security policy asks for protection.
                _transfer.Clear();
                return ServiceExceptions.DecipheringError(response, responseOffset, limit);
            }
            return Serve(request, requestOffset, requestCount, response, responseOffset, limit);
        }

        /// <inheritdoc/>
        public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
        {
            if (clientSap == _context.ClientSap && serverLogicalAddress == _context.ServerLogicalAddress)
            {
                // Not the continuation of a block transfer in progress: it ends.
                _transfer.Clear();
            }
            // The same checks as any request, for one whose bytes (tag included) are gone: the
            // first one decides. The link is not selected anew for bytes that never arrived.
            int length = RequestChecks.Admit(RequestChecks.NotReceived, 0, _context, CiphersHere(), response, responseOffset, Limit(responseMax));
            return length == RequestChecks.Admitted ? 0 : length;
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

        // Another client SAP or logical device on this channel (or a link layer that did not call
        // LinkOpened): that is another association.
        private void SelectLink(int clientSap, int serverLogicalAddress)
        {
            if (clientSap != _context.ClientSap || serverLogicalAddress != _context.ServerLogicalAddress)
            {
                LinkOpened(clientSap, serverLogicalAddress);
            }
        }

        // Never send an APDU longer than the client's max receive PDU (from the AARQ).
        private int Limit(int responseMax)
        {
            int clientMax = _context.ClientMaxReceivePdu;
            if (_context.Status != AssociationStatus.NonAssociated && clientMax > 0 && clientMax < responseMax)
            {
                return clientMax;
            }
            return responseMax;
        }

        // The request has passed RequestChecks.Admit and, if it came ciphered, lost its
        // protection: the pending-association rule, then the services.
        private int Serve(byte[] request, int offset, int count, byte[] response, int responseOffset, int limit)
        {
            if (!RequestChecks.AdmitWhilePending(request, offset, count, _context))
            {
                _transfer.Clear();
                return ServiceExceptions.NotAssociated(response, responseOffset, limit);
            }
            return _server.Services.Handle(request, offset, count, response, responseOffset, limit, _context, _transfer);
        }

        // A ciphered request on an association (established or pending) with a ciphered context.
        // The plaintext response is written behind the envelope's largest header, the envelope
        // is added in place, and responseStart says where it begins.
        private int HandleProtected(byte tag, byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int limit, out int responseStart)
        {
            responseStart = responseOffset;
            if (CipheredTag.IsGeneral(tag) && (_context.NegotiatedConformance & Stack.Acse.Conformance.GeneralProtection) == 0)
            {
                _transfer.Clear();
                return ServiceExceptions.NotSupported(response, responseOffset, limit);
            }
            int plainOffset;
            int plainCount;
            ProtectionStatus status = _security.Unprotect(request, requestOffset, requestCount, out plainOffset, out plainCount);
            if (status == ProtectionStatus.Replayed)
            {
                _transfer.Clear();
                return ServiceExceptions.InvocationCounterError(response, responseOffset, limit, _security.ExpectedInvocationCounter);
            }
            if (status != ProtectionStatus.Ok)
            {
                _transfer.Clear();
                return ServiceExceptions.DecipheringError(response, responseOffset, limit);
            }
            if (plainCount < 1 || (!CipheredTag.IsGeneral(tag) && CipheredTag.ToPlain(tag) != request[plainOffset]))
            {
                // Authentic but inconsistent: a glo-get-request must hold a GET-Request, ...
                _security.ClearRequest();
                _transfer.Clear();
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
            int plainLength = Serve(request, plainOffset, plainCount, response, responseOffset + headroom, plainLimit);
            _context.RequestProtection = 0;
            if (plainLength <= 0)
            {
                _security.ClearRequest();
                return 0;
            }
            int start;
            int length;
            status = _security.Protect(response, responseOffset + headroom, plainLength, out start, out length);
            _security.ClearRequest();
            if (status == ProtectionStatus.CounterUnavailable || (status != ProtectionStatus.Ok && status != ProtectionStatus.NoProtectedForm))
            {
                return ServiceExceptions.CannotRespond(response, responseOffset, limit);
            }
            // Ok: the envelope lies in front of the plaintext, in the headroom. NoProtectedForm
            // (an ExceptionResponse): the plaintext goes out as it is, where it was written.
            responseStart = start;
            return length;
        }

        /// <summary>True when ciphered envelopes are served here: the established association has a ciphered context, or, before one, the association selected for the link would.</summary>
        private bool CiphersHere()
        {
            if (_context.Status != AssociationStatus.NonAssociated)
            {
                return _security.IsCiphering;
            }
            AssociationLogicalName model = _association != null ? _association.Association as AssociationLogicalName : null;
            return model != null
                && (model.ApplicationContext == Stack.Acse.ApplicationContextName.LogicalNameWithCiphering
                    || model.ApplicationContext == Stack.Acse.ApplicationContextName.ShortNameWithCiphering);
        }

        // The application association ends; the link and the selected configuration stay.
        private void Release()
        {
            _transfer.Clear();
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
