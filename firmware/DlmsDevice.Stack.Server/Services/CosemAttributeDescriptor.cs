using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// One decoded Cosem-Attribute-Descriptor with its optional Selective-Access-Descriptor
    /// (Green Book, xDLMS: <c>class-id Unsigned16, instance-id OCTET STRING (SIZE(6)),
    /// attribute-id Integer8</c>, then <c>access-selection OPTIONAL</c> = <c>00</c> or
    /// <c>01 &lt;access-selector Unsigned8&gt; &lt;access-parameters Data&gt;</c>).
    /// </summary>
    /// <remarks>
    /// Zero copy: the logical name and the access parameters stay in the request buffer and are
    /// referenced by offset. One instance is reused for every request.
    /// </remarks>
    public sealed class CosemAttributeDescriptor
    {
        /// <summary>Encoded size without the access-selection flag: class (2) + instance (6) + attribute (1).</summary>
        public const int FixedLength = 9;

        /// <summary>The buffer the descriptor was read from.</summary>
        public byte[] Buffer;

        /// <summary>Interface class id.</summary>
        public ushort ClassId;

        /// <summary>Offset of the 6-byte logical name in <see cref="Buffer"/>.</summary>
        public int InstanceOffset;

        /// <summary>Attribute index (Integer8: 0 means "all attributes", negative values are SN-style and never valid here).</summary>
        public int AttributeId;

        /// <summary>Access selector; 0 when the request has no access-selection.</summary>
        public int Selector;

        /// <summary>True when an access-selection was present.</summary>
        public bool HasSelection;

        /// <summary>Offset of the access-parameters Data in <see cref="Buffer"/> (valid when <see cref="HasSelection"/>).</summary>
        public int ParametersOffset;

        /// <summary>Length of the access-parameters Data in bytes.</summary>
        public int ParametersLength;

        /// <summary>
        /// Reads a descriptor. With <paramref name="withSelection"/> the access-selection flag
        /// (and selection) follows; otherwise only the 9 fixed bytes are read. On failure the
        /// reader is left where it was.
        /// </summary>
        public AxdrStatus Read(AxdrReader reader, bool withSelection)
        {
            int start = reader.Position;
            if (reader.Remaining < FixedLength)
            {
                return AxdrStatus.Truncated;
            }
            byte[] buffer = reader.Buffer;
            Buffer = buffer;
            ClassId = (ushort)((buffer[start] << 8) | buffer[start + 1]);
            InstanceOffset = start + 2;
            AttributeId = (sbyte)buffer[start + 8];
            Selector = 0;
            HasSelection = false;
            ParametersOffset = 0;
            ParametersLength = 0;
            reader.Position = start + FixedLength;
            if (!withSelection)
            {
                return AxdrStatus.Ok;
            }
            byte flag;
            AxdrStatus status = reader.ReadByte(out flag);
            if (status != AxdrStatus.Ok)
            {
                reader.Position = start;
                return status;
            }
            if (flag == 0)
            {
                return AxdrStatus.Ok;
            }
            if (flag != 1)
            {
                // OPTIONAL is encoded as a boolean presence byte: anything but 00/01 is malformed.
                reader.Position = start;
                return AxdrStatus.Invalid;
            }
            byte selector;
            status = reader.ReadByte(out selector);
            if (status != AxdrStatus.Ok)
            {
                reader.Position = start;
                return status;
            }
            int parametersStart = reader.Position;
            status = reader.SkipValue();
            if (status != AxdrStatus.Ok)
            {
                reader.Position = start;
                return status;
            }
            HasSelection = true;
            Selector = selector;
            ParametersOffset = parametersStart;
            ParametersLength = reader.Position - parametersStart;
            return AxdrStatus.Ok;
        }
    }
}
