using DlmsDevice.Stack;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// Serialises the requests of every channel on the one meter: each channel has its own
    /// session (association state), but the COSEM objects, the engine and the server's shared
    /// request machinery (services, ACSE, cryptographic work objects: DlmsServer requires its
    /// sessions to be served one request at a time) are one, and a real meter answers one
    /// request at a time. A monitor lock allocates nothing; the engine's tick holds the same lock.
    /// </summary>
    /// <remarks>
    /// Only the application layer runs under the lock: a channel's link (its frames, its writes
    /// to a slow peer) never holds up the others.
    /// </remarks>
    public sealed class SerializedApduHandler : IApduHandler
    {
        private readonly IApduHandler _inner;
        private readonly object _sync;

        /// <summary>Wraps <paramref name="inner"/>; every call holds <paramref name="sync"/>.</summary>
        public SerializedApduHandler(IApduHandler inner, object sync)
        {
            _inner = inner;
            _sync = sync;
        }

        /// <summary>The wrapped session.</summary>
        public IApduHandler Inner
        {
            get { return _inner; }
        }

        /// <inheritdoc />
        public bool IsAssociated
        {
            get { return _inner.IsAssociated; }
        }

        /// <inheritdoc />
        public void LinkOpened(int clientSap, int serverLogicalAddress)
        {
            lock (_sync)
            {
                _inner.LinkOpened(clientSap, serverLogicalAddress);
            }
        }

        /// <inheritdoc />
        public int HandleApdu(int clientSap, int serverLogicalAddress, byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax, out int responseStart)
        {
            lock (_sync)
            {
                return _inner.HandleApdu(clientSap, serverLogicalAddress, request, requestOffset, requestCount,
                    response, responseOffset, responseMax, out responseStart);
            }
        }

        /// <inheritdoc />
        public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
        {
            lock (_sync)
            {
                return _inner.HandleApduTooLong(clientSap, serverLogicalAddress, response, responseOffset, responseMax);
            }
        }

        /// <inheritdoc />
        public void LinkClosed()
        {
            lock (_sync)
            {
                _inner.LinkClosed();
            }
        }
    }
}
