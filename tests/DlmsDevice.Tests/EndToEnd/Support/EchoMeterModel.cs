using DlmsDevice.Tests.Support;
using System;
using System.Threading;
using DlmsDevice.Emulator;
using DlmsDevice.Runtime;
using DlmsDevice.Stack;

namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>
    /// A stand-in meter for transport tests: each channel slot's session answers an APDU with
    /// <c>EE &lt;client SAP&gt; &lt;session number&gt;</c> followed by the request bytes, so a test
    /// sees which session served it and that the bytes crossed the link intact. Its sessions
    /// never associate, so every connection can give way to a newer one.
    /// </summary>
    public sealed class EchoMeterModel : IMeterModel
    {
        private readonly SessionPools _pools;
        private int _sessions;
        private int _opened;
        private int _closed;

        public EchoMeterModel(EmulatorOptions options)
        {
            _pools = new SessionPools(options, CreateSession, SyncRoot, null);
        }

        public object SyncRoot { get; } = new object();

        public int LinksOpened => Volatile.Read(ref _opened);

        public int LinksClosed => Volatile.Read(ref _closed);

        public ChannelPool Pool(ChannelKind kind) => _pools.Pool(kind);

        private IApduHandler CreateSession()
        {
            return new Session(this, Interlocked.Increment(ref _sessions));
        }

        private sealed class Session : IApduHandler
        {
            private readonly EchoMeterModel _owner;
            private readonly int _number;
            private int _sap = -1;

            public Session(EchoMeterModel owner, int number)
            {
                _owner = owner;
                _number = number;
            }

            public bool IsAssociated => false;

            public void LinkOpened(int clientSap, int serverLogicalAddress)
            {
                _sap = clientSap;
                Interlocked.Increment(ref _owner._opened);
            }

            public int HandleApdu(int clientSap, int serverLogicalAddress, byte[] request, int requestOffset, int requestCount,
                byte[] response, int responseOffset, int responseMax, out int responseStart)
            {
                responseStart = responseOffset;
                if (requestCount + 3 > responseMax)
                {
                    return 0;
                }
                response[responseOffset] = 0xEE;
                response[responseOffset + 1] = (byte)_sap;
                response[responseOffset + 2] = (byte)_number;
                Array.Copy(request, requestOffset, response, responseOffset + 3, requestCount);
                return requestCount + 3;
            }

            public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
                => PduTooLong.Write(response, responseOffset);

            public void LinkClosed()
            {
                _sap = -1;
                Interlocked.Increment(ref _owner._closed);
            }
        }
    }
}
