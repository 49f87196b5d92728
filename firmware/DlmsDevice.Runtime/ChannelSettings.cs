using System;
using DlmsDevice.Stack.Hdlc;

namespace DlmsDevice.Runtime
{
    /// <summary>How a <see cref="DeviceChannel"/> builds its link and when it closes its stream. Configuration time only.</summary>
    public sealed class ChannelSettings
    {
        private int _maxApduSize = 1024;

        /// <summary>
        /// The largest APDU the link receives and sends (the wrapper's buffers; for HDLC,
        /// <see cref="Hdlc"/> has its own MaxApduSize). Default 1024.
        /// </summary>
        public int MaxApduSize
        {
            get { return _maxApduSize; }
            set
            {
                if (value < 1 || value > 65535)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _maxApduSize = value;
            }
        }

        /// <summary>The HDLC link of an HDLC channel (addresses, limits, inactivity time-out).</summary>
        public HdlcSettings Hdlc { get; set; }

        /// <summary>
        /// A wrapper connection without a received byte for this long is closed (the TCP-UDP
        /// setup's inactivity_time_out); 0 = never.
        /// </summary>
        public int WrapperInactivityMilliseconds { get; set; }

        /// <summary>
        /// A TCP connection that has not made an application association this long after it
        /// opened is closed (an idle connection must not hold a slot); 0 = never. Serial lines
        /// are exempt: they stay open for good.
        /// </summary>
        public int AssociationTimeoutMilliseconds { get; set; }
    }
}
