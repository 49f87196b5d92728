using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// SAP assignment (Blue Book 4.4.6, class_id 17, version 0), normally 0.0.41.0.0.255 in the
    /// management logical device: lists the logical devices of the physical device with their SAPs.
    /// </summary>
    /// <remarks>
    /// Attribute 2 SAP_assignment_list ::= array of structure { SAP long-unsigned,
    /// logical_device_name octet-string }: <c>01 n (02 02 12 sap 09 len name)…</c>; the names
    /// are read from each logical device's 0.0.42.0.0.255 value at the time of the GET.
    /// Method 1 connect_logical_device answers read-write-denied (logical devices are fixed).
    /// </remarks>
    public sealed class SapAssignment : CosemObject
    {
        /// <summary>Attribute indexes of SAP assignment (Blue Book IC 17).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>SAP_assignment_list (array of { SAP long-unsigned, logical_device_name octet-string }).</summary>
            public const int SapAssignmentList = 2;
        }

        /// <summary>Method indexes of SAP assignment (Blue Book IC 17).</summary>
        public static class Methods
        {
            /// <summary>connect_logical_device (answered read-write-denied: logical devices are fixed).</summary>
            public const int ConnectLogicalDevice = 1;
        }

        private LogicalDevice[] _devices;
        private int _count;

        /// <summary>Creates an empty SAP assignment with room for <paramref name="capacity"/> logical devices.</summary>
        public SapAssignment(ObisCode logicalName, int capacity)
            : base(CosemClassId.SapAssignment, 0, logicalName)
        {
            _devices = new LogicalDevice[capacity < 1 ? 1 : capacity];
        }

        /// <summary>Number of logical devices listed.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Lists <paramref name="device"/>. Configuration time only.</summary>
        public void Add(LogicalDevice device)
        {
            if (device == null)
            {
                throw new ArgumentNullException();
            }
            if (_count == _devices.Length)
            {
                LogicalDevice[] grown = new LogicalDevice[_devices.Length * 2];
                Array.Copy(_devices, grown, _count);
                _devices = grown;
            }
            _devices[_count++] = device;
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 2; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 1; }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            writer.WriteArray(_count);
            for (int i = 0; i < _count; i++)
            {
                LogicalDevice device = _devices[i];
                CosemValue name = device.Name.Value;
                name.Refresh();
                writer.WriteStructure(2);
                writer.WriteLongUnsigned((ushort)device.Address);
                if (name.Bytes != null && name.Type != DataType.BitString)
                {
                    writer.WriteOctetString(name.Bytes, 0, name.Length);
                }
                else
                {
                    // Empty octet-string.
                    writer.WriteByte((byte)DataType.OctetString);
                    writer.WriteByte(0);
                }
            }
            return DataAccessResult.Success;
        }
    }
}
