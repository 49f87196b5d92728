using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// TCP-UDP setup (Blue Book 4.7.10, class_id 41, version 0), normally 0.0.25.0.0.255: the
    /// wrapper port and TCP parameters. The object only holds them; the server configuration
    /// reads them.
    /// </summary>
    /// <remarks>
    /// Attributes: 1 logical_name, 2 TCP-UDP_port (long-unsigned), 3 IP_reference (octet-string,
    /// logical name of the IPv4 setup object), 4 MSS (long-unsigned, 40..65535), 5
    /// nb_of_sim_conn (unsigned), 6 inactivity_time_out (long-unsigned, seconds). No methods.
    /// </remarks>
    public sealed class TcpUdpSetup : CosemObject
    {
        /// <summary>Attribute indexes of TCP-UDP setup (Blue Book IC 41).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>TCP-UDP_port (long-unsigned).</summary>
            public const int TcpUdpPort = 2;

            /// <summary>IP_reference (octet-string, logical name of the IP setup object).</summary>
            public const int IpReference = 3;

            /// <summary>MSS (long-unsigned, maximum segment size, 40..65535).</summary>
            public const int Mss = 4;

            /// <summary>nb_of_sim_conn (unsigned).</summary>
            public const int NbOfSimConn = 5;

            /// <summary>inactivity_time_out (long-unsigned, seconds; 0 = none).</summary>
            public const int InactivityTimeOut = 6;
        }

        // 0.0.25.1.0.255, the IPv4 setup object.
        private const long DefaultIpReference = 0x0000190100FFL;

        private long _ipReference;

        /// <summary>
        /// Creates the object with the defaults: port 4059 (IANA "DLMS/COSEM"), IP_reference
        /// 0.0.25.1.0.255, MSS 576, 1 simultaneous connection, inactivity 180 s.
        /// </summary>
        public TcpUdpSetup(ObisCode logicalName)
            : base(CosemClassId.TcpUdpSetup, 0, logicalName)
        {
            Port = 4059;
            _ipReference = DefaultIpReference;
            MaxSegmentSize = 576;
            MaxSimultaneousConnections = 1;
            InactivityTimeOut = 180;
        }

        /// <summary>TCP-UDP_port (attribute 2).</summary>
        public ushort Port { get; set; }

        /// <summary>
        /// IP_reference (attribute 3). Kept as the packed value so that a SET stores the request's
        /// six bytes without creating an ObisCode; reading this property creates one (configuration
        /// and diagnostics only).
        /// </summary>
        /// <exception cref="ArgumentNullException">Set to null.</exception>
        public ObisCode IpReference
        {
            get { return new ObisCode(_ipReference); }
            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException();
                }
                _ipReference = value.Value;
            }
        }

        /// <summary>MSS (attribute 4), maximum TCP segment size.</summary>
        public ushort MaxSegmentSize { get; set; }

        /// <summary>nb_of_sim_conn (attribute 5).</summary>
        public byte MaxSimultaneousConnections { get; set; }

        /// <summary>inactivity_time_out (attribute 6), seconds; 0 = none.</summary>
        public ushort InactivityTimeOut { get; set; }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 6; }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            switch (attributeId)
            {
                case Attributes.TcpUdpPort:
                    writer.WriteLongUnsigned(Port);
                    break;
                case Attributes.IpReference:
                    writer.WriteObis(_ipReference);
                    break;
                case Attributes.Mss:
                    writer.WriteLongUnsigned(MaxSegmentSize);
                    break;
                case Attributes.NbOfSimConn:
                    writer.WriteUnsigned(MaxSimultaneousConnections);
                    break;
                case Attributes.InactivityTimeOut:
                    writer.WriteLongUnsigned(InactivityTimeOut);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            switch (attributeId)
            {
                case Attributes.IpReference:
                    {
                        long reference;
                        if (value.ReadObis(out reference) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        _ipReference = reference;
                        return DataAccessResult.Success;
                    }
                case Attributes.NbOfSimConn:
                    {
                        byte connections;
                        if (value.ReadUnsigned(out connections) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        MaxSimultaneousConnections = connections;
                        return DataAccessResult.Success;
                    }
                default:
                    {
                        ushort v;
                        if (value.ReadLongUnsigned(out v) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        if (attributeId == Attributes.TcpUdpPort)
                        {
                            Port = v;
                        }
                        else if (attributeId == Attributes.Mss)
                        {
                            if (v < 40)
                            {
                                value.Position = start;
                                return DataAccessResult.ScopeOfAccessViolated;
                            }
                            MaxSegmentSize = v;
                        }
                        else
                        {
                            // Attributes.InactivityTimeOut.
                            InactivityTimeOut = v;
                        }
                        return DataAccessResult.Success;
                    }
            }
        }
    }
}
