using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// Entry point of the xDLMS services for one association: checks the association state and
    /// the request size, sends GET/SET/ACTION requests to their service and answers everything
    /// else with the ExceptionResponse the standard prescribes. Allocated once per channel;
    /// handling a request does not allocate.
    /// </summary>
    /// <remarks>
    /// Order of the checks (docs/services.md): unknown tag (service-unknown) / recognised but
    /// unsupported tag (service-not-supported), then no association (service-not-allowed), then
    /// request longer than server-max-receive-pdu-size (pdu-too-long), then the service itself
    /// (request type, negotiated conformance, decoding, access rights).
    /// </remarks>
    public sealed class ServiceDispatcher
    {
        /// <summary>The smallest response buffer the services can work with (block headers, error answers).</summary>
        public const int MinimumResponseLength = 16;

        private readonly BlockTransferState _state;
        private readonly GetService _get;
        private readonly SetService _set;
        private readonly ActionService _action;

        /// <summary>Creates the services with a transfer buffer of <paramref name="blockBufferSize"/> bytes.</summary>
        public ServiceDispatcher(int blockBufferSize)
        {
            _state = new BlockTransferState(blockBufferSize);
            _get = new GetService(_state);
            _set = new SetService(_state);
            _action = new ActionService(_state);
        }

        /// <summary>The block-transfer state (which long transaction runs).</summary>
        public BlockTransferState State
        {
            get { return _state; }
        }

        /// <summary>Ends any block transfer in progress (release, link closed, new association).</summary>
        public void AbortAll()
        {
            _get.Abort();
            _set.Abort();
            _action.Abort();
            _state.Active = LongTransaction.None;
        }

        /// <summary>
        /// Handles one xDLMS request APDU (anything but AARQ/RLRQ) and writes the response at
        /// <paramref name="responseOffset"/> using at most <paramref name="limit"/> bytes (the
        /// caller has already applied the client's max receive PDU). Returns the response length;
        /// 0 when <paramref name="limit"/> is below <see cref="MinimumResponseLength"/> or the
        /// request is empty.
        /// </summary>
        public int Handle(byte[] request, int offset, int count, byte[] response, int responseOffset, int limit, CosemContext context)
        {
            if (count < 1 || limit < MinimumResponseLength)
            {
                return 0;
            }
            byte tag = request[offset];
            LongTransaction service;
            if (tag == ApduTag.GetRequest)
            {
                service = LongTransaction.Get;
            }
            else if (tag == ApduTag.SetRequest)
            {
                service = LongTransaction.Set;
            }
            else if (tag == ApduTag.ActionRequest)
            {
                service = LongTransaction.Action;
            }
            else
            {
                AbortAll();
                if (ApduTag.IsKnownUnsupportedRequest(tag))
                {
                    return ServiceExceptions.NotSupported(response, responseOffset, limit);
                }
                return ServiceExceptions.UnknownService(response, responseOffset, limit);
            }
            if (!Allowed(request, offset, count, context))
            {
                AbortAll();
                return ServiceExceptions.NotAssociated(response, responseOffset, limit);
            }
            if (context.ServerMaxReceivePdu > 0 && count > context.ServerMaxReceivePdu)
            {
                AbortAll();
                return ServiceExceptions.PduTooLong(response, responseOffset, limit);
            }
            // One block transfer at a time: a request of another service ends it.
            if (_state.Active != LongTransaction.None && _state.Active != service)
            {
                AbortAll();
            }
            if (service == LongTransaction.Get)
            {
                return _get.Handle(request, offset, count, response, responseOffset, limit, context);
            }
            if (service == LongTransaction.Set)
            {
                return _set.Handle(request, offset, count, response, responseOffset, limit, context);
            }
            return _action.Handle(request, offset, count, response, responseOffset, limit, context);
        }

        // Associated: everything. Association pending (HLS pass 3/4 to come): only
        // ACTION-Request-Normal on an Association LN (class 15) method 1, reply_to_HLS_authentication
        // (Blue Book IC 15). Not associated: nothing.
        private static bool Allowed(byte[] request, int offset, int count, CosemContext context)
        {
            if (context.Status == AssociationStatus.Associated)
            {
                return true;
            }
            if (context.Status != AssociationStatus.AssociationPending)
            {
                return false;
            }
            return count >= 12
                && request[offset] == ApduTag.ActionRequest
                && request[offset + 1] == (byte)ActionRequestType.Normal
                && request[offset + 3] == (byte)(CosemClassId.AssociationLogicalName >> 8)
                && request[offset + 4] == (byte)CosemClassId.AssociationLogicalName
                && request[offset + 11] == AssociationLogicalName.Methods.ReplyToHlsAuthentication;
        }
    }
}
