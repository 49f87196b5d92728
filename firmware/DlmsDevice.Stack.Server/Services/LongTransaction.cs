namespace DlmsDevice.Stack.Services
{
    /// <summary>Which block transfer, if any, is in progress on an association.</summary>
    public enum LongTransaction : byte
    {
        /// <summary>None.</summary>
        None = 0,
        /// <summary>A GET response is being sent in datablocks.</summary>
        Get = 1,
        /// <summary>A SET request is being received in datablocks.</summary>
        Set = 2,
        /// <summary>An ACTION request is being received, or its response sent, in pblocks.</summary>
        Action = 3,
    }

    /// <summary>
    /// The block-transfer state one association shares between GET, SET and ACTION: the
    /// preallocated transfer buffer and which long transaction owns it. Only one block
    /// transfer runs at a time; a request that does not continue it ends it (docs/services.md).
    /// </summary>
    public sealed class BlockTransferState
    {
        /// <summary>Creates the state with a transfer buffer of <paramref name="bufferSize"/> bytes (allocated once).</summary>
        public BlockTransferState(int bufferSize)
        {
            if (bufferSize < 64)
            {
                throw new System.ArgumentOutOfRangeException();
            }
            Buffer = new byte[bufferSize];
        }

        /// <summary>
        /// The transfer buffer: a long GET's encoded value or oversized element, a long SET's
        /// descriptors and reassembled value, a long ACTION's parameters and response.
        /// </summary>
        public byte[] Buffer;

        /// <summary>The block transfer in progress.</summary>
        public LongTransaction Active;
    }
}
