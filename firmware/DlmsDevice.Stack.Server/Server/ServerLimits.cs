using System;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// Sizes the server reserves per channel, fixed at configuration time (nothing grows while
    /// serving requests).
    /// </summary>
    public sealed class ServerLimits
    {
        private int _maxReceivePdu = 1024;
        private int _blockBufferSize = 2048;

        /// <summary>
        /// The largest APDU the server accepts: the server-max-receive-pdu-size it offers in the
        /// AARE (the negotiation may lower it). Requests longer than the negotiated value get
        /// ExceptionResponse pdu-too-long. 64..65535, default 1024.
        /// </summary>
        public int MaxReceivePdu
        {
            get { return _maxReceivePdu; }
            set
            {
                if (value < 64 || value > 65535)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _maxReceivePdu = value;
            }
        }

        /// <summary>
        /// Size of each channel's transfer buffer: the largest plain attribute value that can be
        /// sent in datablocks, the largest single element of an array attribute, the largest
        /// value reassembled from SET datablocks, the largest ACTION parameters plus return
        /// parameters. 256..1048576, default 2048.
        /// </summary>
        public int BlockBufferSize
        {
            get { return _blockBufferSize; }
            set
            {
                if (value < 256 || value > 1048576)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _blockBufferSize = value;
            }
        }
    }
}
