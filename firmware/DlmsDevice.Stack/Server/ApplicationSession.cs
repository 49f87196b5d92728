using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Services;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// The application layer of one channel (one TCP connection or one HDLC link): selects the
    /// association by client SAP, passes AARQ/RLRQ to the ACSE handler and everything else to
    /// the xDLMS services, which read and write the COSEM objects straight from the request
    /// buffer into the response buffer. Allocated once per channel; handling a request does not
    /// allocate.
    /// </summary>
    /// <remarks>
    /// One association at a time per channel, for the client SAP and logical device of
    /// <see cref="LinkOpened"/>; a request from another pair is treated as a new link (the
    /// association is released and the configuration selected again). A new AARQ on an associated channel replaces the
    /// association (the old one is released first). RLRQ releases it; so does the link closing.
    /// </remarks>
    public sealed class ApplicationSession : IApduHandler
    {
        private readonly DlmsServer _server;
        private readonly CosemContext _context = new CosemContext();
        private readonly ServiceDispatcher _services;
        private readonly IAcseHandler _acse;
        private AssociationConfig _association;

        internal ApplicationSession(DlmsServer server)
        {
            _server = server;
            _services = new ServiceDispatcher(server.BlockBufferSize);
            _acse = server.SharedAcse != null ? server.SharedAcse : new AcseHandler();
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
            return _services.Handle(request, requestOffset, requestCount, response, responseOffset, limit, _context);
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

        // The application association ends; the link and the selected configuration stay.
        private void Release()
        {
            _services.AbortAll();
            _context.ResetAssociation();
        }
    }
}
