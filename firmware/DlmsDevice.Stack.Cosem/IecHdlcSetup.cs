using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// IEC HDLC setup (Blue Book 4.7.7, class_id 23, version 1), normally 0.0.22.0.0.255: the
    /// parameters of the HDLC link on one port. The object only holds them; the server
    /// configuration copies them into the HDLC link and back.
    /// </summary>
    /// <remarks>
    /// Attributes: 1 logical_name, 2 comm_speed (enum: 0 = 300 … 5 = 9600 … 9 = 115200 baud),
    /// 3 window_size_transmit, 4 window_size_receive (unsigned 1..7), 5 max_info_field_length_transmit,
    /// 6 max_info_field_length_receive (long-unsigned 32..2030), 7 inter_octet_time_out (long-unsigned
    /// ms, 20..6000), 8 inactivity_time_out (long-unsigned s, 0 = none), 9 device_address
    /// (long-unsigned). No methods. SET values outside those ranges get scope-of-access-violated.
    /// <para>inter_octet_time_out is reported, not enforced: <c>HdlcServerLink</c>
    /// has no inter-octet timer. It finds frames by their length field and drops a candidate
    /// that turns out bad (HCS, FCS, closing flag) by resynchronising on the next flag, so a
    /// frame cut short on the line costs at most that frame; a partial frame is discarded only
    /// by <c>HdlcFrameAssembler.Reset</c> (e.g. when the link's owner sees the line
    /// go idle) or when the following bytes fail its checks. Over TCP (HDLC-over-TCP) an
    /// inter-octet timer would be wrong anyway: segments may arrive far apart.</para>
    /// </remarks>
    public sealed class IecHdlcSetup : CosemObject
    {
        /// <summary>Attribute indexes of IEC HDLC setup (Blue Book IC 23, version 1).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>comm_speed (enum: 0 = 300 … 5 = 9600 … 9 = 115200 baud).</summary>
            public const int CommSpeed = 2;

            /// <summary>window_size_transmit (unsigned, 1..7).</summary>
            public const int WindowSizeTransmit = 3;

            /// <summary>window_size_receive (unsigned, 1..7).</summary>
            public const int WindowSizeReceive = 4;

            /// <summary>max_info_field_length_transmit (long-unsigned, 32..2030).</summary>
            public const int MaxInfoFieldLengthTransmit = 5;

            /// <summary>max_info_field_length_receive (long-unsigned, 32..2030).</summary>
            public const int MaxInfoFieldLengthReceive = 6;

            /// <summary>inter_octet_time_out (long-unsigned, milliseconds, 20..6000).</summary>
            public const int InterOctetTimeOut = 7;

            /// <summary>inactivity_time_out (long-unsigned, seconds; 0 = none).</summary>
            public const int InactivityTimeOut = 8;

            /// <summary>device_address (long-unsigned, HDLC physical address).</summary>
            public const int DeviceAddress = 9;
        }

        /// <summary>
        /// Creates the object with the Blue Book defaults: 9600 baud, windows 1, max info 128,
        /// inter-octet 25 ms, inactivity 120 s, device address 0x10.
        /// </summary>
        public IecHdlcSetup(ObisCode logicalName)
            : base(CosemClassId.IecHdlcSetup, 1, logicalName)
        {
            CommSpeed = 5;
            WindowSizeTransmit = 1;
            WindowSizeReceive = 1;
            MaxInfoFieldLengthTransmit = 128;
            MaxInfoFieldLengthReceive = 128;
            InterOctetTimeOut = 25;
            InactivityTimeOut = 120;
            DeviceAddress = 0x10;
        }

        /// <summary>comm_speed (attribute 2): 0 = 300, 1 = 600, 2 = 1200, 3 = 2400, 4 = 4800, 5 = 9600, 6 = 19200, 7 = 38400, 8 = 57600, 9 = 115200 baud.</summary>
        public byte CommSpeed { get; set; }

        /// <summary>window_size_transmit (attribute 3).</summary>
        public byte WindowSizeTransmit { get; set; }

        /// <summary>window_size_receive (attribute 4).</summary>
        public byte WindowSizeReceive { get; set; }

        /// <summary>max_info_field_length_transmit (attribute 5), bytes.</summary>
        public ushort MaxInfoFieldLengthTransmit { get; set; }

        /// <summary>max_info_field_length_receive (attribute 6), bytes.</summary>
        public ushort MaxInfoFieldLengthReceive { get; set; }

        /// <summary>inter_octet_time_out (attribute 7), milliseconds.</summary>
        public ushort InterOctetTimeOut { get; set; }

        /// <summary>inactivity_time_out (attribute 8), seconds; 0 = no timeout.</summary>
        public ushort InactivityTimeOut { get; set; }

        /// <summary>device_address (attribute 9): the HDLC physical (lower) address.</summary>
        public ushort DeviceAddress { get; set; }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 9; }
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
                case Attributes.CommSpeed:
                    writer.WriteEnum(CommSpeed);
                    break;
                case Attributes.WindowSizeTransmit:
                    writer.WriteUnsigned(WindowSizeTransmit);
                    break;
                case Attributes.WindowSizeReceive:
                    writer.WriteUnsigned(WindowSizeReceive);
                    break;
                case Attributes.MaxInfoFieldLengthTransmit:
                    writer.WriteLongUnsigned(MaxInfoFieldLengthTransmit);
                    break;
                case Attributes.MaxInfoFieldLengthReceive:
                    writer.WriteLongUnsigned(MaxInfoFieldLengthReceive);
                    break;
                case Attributes.InterOctetTimeOut:
                    writer.WriteLongUnsigned(InterOctetTimeOut);
                    break;
                case Attributes.InactivityTimeOut:
                    writer.WriteLongUnsigned(InactivityTimeOut);
                    break;
                case Attributes.DeviceAddress:
                    writer.WriteLongUnsigned(DeviceAddress);
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
            if (attributeId == Attributes.CommSpeed)
            {
                byte speed;
                if (value.ReadEnum(out speed) != AxdrStatus.Ok)
                {
                    return DataAccessResult.TypeUnmatched;
                }
                if (speed > 9)
                {
                    value.Position = start;
                    return DataAccessResult.ScopeOfAccessViolated;
                }
                CommSpeed = speed;
                return DataAccessResult.Success;
            }
            if (attributeId == Attributes.WindowSizeTransmit || attributeId == Attributes.WindowSizeReceive)
            {
                byte window;
                if (value.ReadUnsigned(out window) != AxdrStatus.Ok)
                {
                    return DataAccessResult.TypeUnmatched;
                }
                if (window < 1 || window > 7)
                {
                    value.Position = start;
                    return DataAccessResult.ScopeOfAccessViolated;
                }
                if (attributeId == Attributes.WindowSizeTransmit)
                {
                    WindowSizeTransmit = window;
                }
                else
                {
                    WindowSizeReceive = window;
                }
                return DataAccessResult.Success;
            }
            ushort v;
            if (value.ReadLongUnsigned(out v) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            bool inRange;
            switch (attributeId)
            {
                case Attributes.MaxInfoFieldLengthTransmit:
                case Attributes.MaxInfoFieldLengthReceive:
                    inRange = v >= 32 && v <= 2030;
                    break;
                case Attributes.InterOctetTimeOut:
                    inRange = v >= 20 && v <= 6000;
                    break;
                default:
                    inRange = true;
                    break;
            }
            if (!inRange)
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            switch (attributeId)
            {
                case Attributes.MaxInfoFieldLengthTransmit:
                    MaxInfoFieldLengthTransmit = v;
                    break;
                case Attributes.MaxInfoFieldLengthReceive:
                    MaxInfoFieldLengthReceive = v;
                    break;
                case Attributes.InterOctetTimeOut:
                    InterOctetTimeOut = v;
                    break;
                case Attributes.InactivityTimeOut:
                    InactivityTimeOut = v;
                    break;
                default:
                    // Attributes.DeviceAddress.
                    DeviceAddress = v;
                    break;
            }
            return DataAccessResult.Success;
        }
    }
}
