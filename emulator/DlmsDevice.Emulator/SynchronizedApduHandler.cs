using DlmsDevice.Stack;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// Serialises the requests of every connection on the one meter: each connection has its
    /// own session (association state), but the COSEM objects are shared, as in a real meter
    /// that answers one request at a time. A monitor lock does not allocate.
    /// </summary>
    public sealed class SynchronizedApduHandler : IApduHandler
    {
        private readonly IApduHandler _inner;
        private readonly object _meterLock;

        /// <summary>Wraps <paramref name="inner"/>; every call holds <paramref name="meterLock"/>.</summary>
        public SynchronizedApduHandler(IApduHandler inner, object meterLock)
        {
            _inner = inner;
            _meterLock = meterLock;
        }

        /// <summary>The wrapped session.</summary>
        public IApduHandler Inner
        {
            get { return _inner; }
        }

        /// <inheritdoc />
        public void LinkOpened(int clientSap, int serverLogicalAddress)
        {
            lock (_meterLock)
            {
                _inner.LinkOpened(clientSap, serverLogicalAddress);
            }
        }

        /// <inheritdoc />
        public int HandleApdu(int clientSap, int serverLogicalAddress, byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax)
        {
            lock (_meterLock)
            {
                return _inner.HandleApdu(clientSap, serverLogicalAddress, request, requestOffset, requestCount,
                    response, responseOffset, responseMax);
            }
        }

        /// <inheritdoc />
        public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
        {
            lock (_meterLock)
            {
                return _inner.HandleApduTooLong(clientSap, serverLogicalAddress, response, responseOffset, responseMax);
            }
        }

        /// <inheritdoc />
        public void LinkClosed()
        {
            lock (_meterLock)
            {
                _inner.LinkClosed();
            }
        }
    }
}
