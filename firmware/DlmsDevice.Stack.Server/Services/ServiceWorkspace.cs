using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// The decoders and the encoder one GET, SET or ACTION request works with, shared by the
    /// three services: only one of them serves a request at a time, and none keeps them between
    /// requests. An A-XDR reader alone takes about 480 bytes of an ESP32's heap (its nesting
    /// stacks), so the three services share three instead of owning eight.
    /// </summary>
    internal sealed class ServiceWorkspace
    {
        private readonly byte[] _nothing = new byte[0];

        /// <summary>Reads the request APDU (GET, SET, ACTION), or the descriptors of a long SET/ACTION in the transfer buffer.</summary>
        public readonly AxdrReader Request = new AxdrReader();

        /// <summary>GET: the access parameters of one descriptor. SET/ACTION: the list of values or parameters.</summary>
        public readonly AxdrReader Values = new AxdrReader();

        /// <summary>SET: the one value written. ACTION: the parameters of the one method invoked.</summary>
        public readonly AxdrReader Value = new AxdrReader();

        /// <summary>Writes a response, or into the transfer buffer.</summary>
        public readonly AxdrWriter Writer = new AxdrWriter();

        /// <summary>The attribute descriptor being decoded (GET, SET).</summary>
        public readonly CosemAttributeDescriptor Attribute = new CosemAttributeDescriptor();

        /// <summary>The method descriptor being decoded (ACTION).</summary>
        public readonly CosemMethodDescriptor Method = new CosemMethodDescriptor();

        /// <summary>The DataBlock-SA of a SET or ACTION request with blocks.</summary>
        public readonly DataBlockSa Block = new DataBlockSa();

        /// <summary>
        /// Lets go of the request and response buffers of the request just served: a workspace
        /// shared by every channel keeps no reference into one channel's buffers.
        /// </summary>
        public void Release()
        {
            Request.Reset(_nothing, 0, 0);
            Values.Reset(_nothing, 0, 0);
            Value.Reset(_nothing, 0, 0);
            Writer.Reset(_nothing, 0, 0);
            Attribute.Buffer = null;
            Method.Buffer = null;
        }
    }
}
