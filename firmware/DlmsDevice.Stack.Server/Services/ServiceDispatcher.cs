using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// Entry point of the xDLMS services: sends a GET/SET/ACTION request that has passed the
    /// pre-checks (<see cref="RequestChecks"/>) to its service and answers any other APDU (the
    /// plaintext of a general-glo/ded envelope can be anything) with the ExceptionResponse the
    /// standard prescribes. Holds only what one request needs (decoders, encoders): what lives
    /// between the requests of an association is in its <see cref="BlockTransferState"/>, so one
    /// dispatcher serves every association of a server. Handling a request does not allocate.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: the associations sharing a dispatcher are served one request at a time
    /// (the device runtime serialises every call into a meter's sessions).
    /// </remarks>
    public sealed class ServiceDispatcher
    {
        /// <summary>The smallest response buffer the services can work with (block headers, error answers).</summary>
        public const int MinimumResponseLength = 16;

        private readonly ServiceWorkspace _workspace = new ServiceWorkspace();
        private readonly GetService _get;
        private readonly SetService _set;
        private readonly ActionService _action;

        /// <summary>Creates the services, with the decoders and encoder they share.</summary>
        public ServiceDispatcher()
        {
            _get = new GetService(_workspace);
            _set = new SetService(_workspace);
            _action = new ActionService(_workspace);
        }

        /// <summary>
        /// Handles one xDLMS request APDU of the association whose block transfer is
        /// <paramref name="state"/>, after <see cref="RequestChecks"/>, and writes the response at
        /// <paramref name="responseOffset"/> using at most <paramref name="limit"/> bytes (the
        /// caller has already applied the client's max receive PDU). Returns the response length;
        /// 0 when <paramref name="limit"/> is below <see cref="MinimumResponseLength"/> or the
        /// request is empty.
        /// </summary>
        public int Handle(byte[] request, int offset, int count, byte[] response, int responseOffset, int limit,
            CosemContext context, BlockTransferState state)
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
                state.Clear();
                return RequestChecks.Unserved(tag, response, responseOffset, limit);
            }
            // One block transfer at a time: a request of another service ends it.
            if (state.Active != LongTransaction.None && state.Active != service)
            {
                state.Clear();
            }
            int length;
            if (service == LongTransaction.Get)
            {
                length = _get.Handle(request, offset, count, response, responseOffset, limit, context, state);
            }
            else if (service == LongTransaction.Set)
            {
                length = _set.Handle(request, offset, count, response, responseOffset, limit, context, state);
            }
            else
            {
                length = _action.Handle(request, offset, count, response, responseOffset, limit, context, state);
            }
            _workspace.Release();
            return length;
        }
    }
}
