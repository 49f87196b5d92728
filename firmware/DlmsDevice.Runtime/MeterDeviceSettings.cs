using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// What <see cref="MeterDevice"/> builds: the meter (<see cref="Meter"/>: identity, passwords,
    /// keys, the values of the setup objects) and the channels it serves. Defaults fit an
    /// ESP32 without PSRAM (docs/benchmarks.md, "Device defaults"): one serial HDLC line, two
    /// TCP wrapper connections, no HDLC over TCP, APDUs of up to <see cref="DefaultMaxApduSize"/>
    /// bytes and a transfer buffer of <see cref="DefaultBlockBufferSize"/> bytes per channel.
    /// A host with more memory (the emulator) sets larger values. Configuration time only.
    /// </summary>
    public sealed class MeterDeviceSettings
    {
        /// <summary>
        /// The device's default server-max-receive-pdu-size and link APDU size (each channel holds
        /// a receive and a send buffer of this size): 512 bytes. Requests are short (the longest
        /// the reference clients send is a 95-byte ciphered AARQ; the default meter's longest, a
        /// ciphered key transfer, is about 125 bytes); longer responses go in datablocks.
        /// </summary>
        public const int DefaultMaxApduSize = 512;

        /// <summary>
        /// The device's default transfer buffer per channel: 512 bytes, four times the largest
        /// value the default meter puts there (an object_list element is at most 120 bytes, the
        /// longest plain attribute, a profile's capture_objects, 92, a key transfer's parameters 92).
        /// </summary>
        public const int DefaultBlockBufferSize = 512;

        private int _serialChannels = 1;
        private int _hdlcTcpChannels;
        private int _associationTimeoutSeconds = 10;
        private int _blockBufferSize = DefaultBlockBufferSize;

        /// <summary>
        /// The meter: identity, passwords, keys, and what the setup objects show (HDLC address and
        /// time-out, TCP port, connections, wrapper inactivity), and the APDU size of its
        /// associations and links. Default: <see cref="DefaultMeterModelSettings"/>'s defaults
        /// with <see cref="DefaultMaxApduSize"/>.
        /// </summary>
        public DefaultMeterModelSettings Meter { get; set; } = DeviceMeter();

        /// <summary>Serial HDLC lines served (RS-485, the optical port); default 1.</summary>
        public int SerialChannels
        {
            get { return _serialChannels; }
            set { _serialChannels = Check(value, 0, 8); }
        }

        /// <summary>
        /// HDLC-over-TCP connections served at once (a Gurux convention, not a DLMS profile);
        /// default 0. The TCP wrapper connections are <see cref="DefaultMeterModelSettings.MaxConnections"/>,
        /// which the TCP-UDP setup object shows.
        /// </summary>
        public int HdlcTcpChannels
        {
            get { return _hdlcTcpChannels; }
            set { _hdlcTcpChannels = Check(value, 0, 1024); }
        }

        /// <summary>
        /// A TCP connection that has not associated this long after it opened is closed, so
        /// connections that never speak cannot hold the slots; default 10 s, 0 = never.
        /// </summary>
        public int AssociationTimeoutSeconds
        {
            get { return _associationTimeoutSeconds; }
            set { _associationTimeoutSeconds = Check(value, 0, 86400); }
        }

        /// <summary>Each channel's transfer buffer (GET/SET/ACTION with blocks), 256..65536; default <see cref="DefaultBlockBufferSize"/>.</summary>
        public int BlockBufferSize
        {
            get { return _blockBufferSize; }
            set { _blockBufferSize = Check(value, 256, 65536); }
        }

        /// <summary>
        /// The clock of the link timers (inactivity, association time-out); null = the meter's
        /// clock. A host that runs the meter's clock faster than real time (the emulator's time
        /// scale) gives the real one here.
        /// </summary>
        public ISystemClock LinkClock { get; set; }

        /// <summary>
        /// The push the meter is built with (<see cref="PushModel"/>: push setup 0.0.25.9.0.255 and
        /// its sender); null (default) = no push setup.
        /// </summary>
        public PushModelSettings Push { get; set; }

        /// <summary>How TCP and UDP pushes leave the device (the platform's sockets); null = such pushes fail (HDLC pushes go on the serial line).</summary>
        public IOutboundTransport PushTransport { get; set; }

        private static DefaultMeterModelSettings DeviceMeter()
        {
            DefaultMeterModelSettings meter = new DefaultMeterModelSettings();
            meter.MaxApduSize = DefaultMaxApduSize;
            return meter;
        }

        private static int Check(int value, int min, int max)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException();
            }
            return value;
        }
    }
}
