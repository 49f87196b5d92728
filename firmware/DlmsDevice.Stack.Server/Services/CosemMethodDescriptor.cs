using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// One decoded Cosem-Method-Descriptor (Green Book, xDLMS: <c>class-id Unsigned16,
    /// instance-id OCTET STRING (SIZE(6)), method-id Integer8</c>). Zero copy: the logical name
    /// stays in the request buffer. One instance is reused for every request.
    /// </summary>
    public sealed class CosemMethodDescriptor
    {
        /// <summary>Encoded size: class (2) + instance (6) + method (1).</summary>
        public const int Length = 9;

        /// <summary>The buffer the descriptor was read from.</summary>
        public byte[] Buffer;

        /// <summary>Interface class id.</summary>
        public ushort ClassId;

        /// <summary>Offset of the 6-byte logical name in <see cref="Buffer"/>.</summary>
        public int InstanceOffset;

        /// <summary>Method index (Integer8).</summary>
        public int MethodId;

        /// <summary>Reads the 9 descriptor bytes. On failure the reader is left where it was.</summary>
        public AxdrStatus Read(AxdrReader reader)
        {
            int start = reader.Position;
            if (reader.Remaining < Length)
            {
                return AxdrStatus.Truncated;
            }
            byte[] buffer = reader.Buffer;
            Buffer = buffer;
            ClassId = (ushort)((buffer[start] << 8) | buffer[start + 1]);
            InstanceOffset = start + 2;
            MethodId = (sbyte)buffer[start + 8];
            reader.Position = start + Length;
            return AxdrStatus.Ok;
        }
    }
}
