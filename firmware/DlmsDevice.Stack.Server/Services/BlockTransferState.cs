using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// Everything of a block transfer that lives between the requests of one association: the
    /// transfer buffer, which long transaction owns it, and where that transaction stands. The
    /// services themselves (<see cref="ServiceDispatcher"/>) hold nothing between requests, so
    /// one set of them serves every association of a server; each association (each channel's
    /// session) owns one of these.
    /// </summary>
    /// <remarks>
    /// Only one block transfer runs at a time per association; a request that does not continue
    /// it ends it (docs/services.md). So the fields below belong to whichever service
    /// <see cref="Active"/> names, and <see cref="Clear"/> ends any of them.
    /// </remarks>
    public sealed class BlockTransferState
    {
        /// <summary>The resumable GET encoder serves nothing.</summary>
        public const int EncoderIdle = 0;

        /// <summary>The GET encoder serves bytes already encoded in <see cref="Buffer"/>.</summary>
        public const int EncoderBuffer = 1;

        /// <summary>The GET encoder serves an array attribute element by element (<see cref="Cursor"/>).</summary>
        public const int EncoderArray = 2;

        /// <summary>No long ACTION.</summary>
        public const int ActionIdle = 0;

        /// <summary>A long ACTION receives its parameters in pblocks.</summary>
        public const int ActionReceiving = 1;

        /// <summary>A long ACTION sends its response in pblocks.</summary>
        public const int ActionSending = 2;

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
        public readonly byte[] Buffer;

        /// <summary>The position of an element-wise GET of an array attribute.</summary>
        public readonly ArrayCursor Cursor = new ArrayCursor();

        /// <summary>The block transfer in progress.</summary>
        public LongTransaction Active;

        /// <summary>The last block number sent (GET datablocks, ACTION response pblocks) or received (SET datablocks, ACTION request pblocks); 0 when none.</summary>
        public uint BlockNumber;

        /// <summary>Long SET / ACTION receiving: a with-list request.</summary>
        public bool IsList;

        /// <summary>Long SET: the number of attributes of a with-list request.</summary>
        public int ListCount;

        /// <summary>Long SET / ACTION receiving: the descriptors occupy <see cref="Buffer"/>[0..HeaderLength).</summary>
        public int HeaderLength;

        /// <summary>Long SET / ACTION receiving: the raw-data received so far ends at <see cref="Buffer"/>[DataEnd].</summary>
        public int DataEnd;

        /// <summary>GET datablocks / ACTION pblocks: bytes of <see cref="Buffer"/> still to send start here.</summary>
        public int Position;

        /// <summary>GET datablocks / ACTION pblocks: bytes of <see cref="Buffer"/> still to send end here.</summary>
        public int End;

        /// <summary>The GET encoder's source (<see cref="EncoderIdle"/>, <see cref="EncoderBuffer"/>, <see cref="EncoderArray"/>).</summary>
        public int EncoderMode;

        /// <summary>An element-wise GET: the object read.</summary>
        public CosemObject Target;

        /// <summary>An element-wise GET: the attribute read.</summary>
        public int AttributeId;

        /// <summary>The long ACTION's direction (<see cref="ActionIdle"/>, <see cref="ActionReceiving"/>, <see cref="ActionSending"/>).</summary>
        public int ActionMode;

        /// <summary>Ends any block transfer: every field back to idle, the object reference dropped (the buffer is kept).</summary>
        public void Clear()
        {
            Active = LongTransaction.None;
            BlockNumber = 0;
            IsList = false;
            ListCount = 0;
            HeaderLength = 0;
            DataEnd = 0;
            Position = 0;
            End = 0;
            EncoderMode = EncoderIdle;
            Target = null;
            AttributeId = 0;
            ActionMode = ActionIdle;
        }
    }
}
